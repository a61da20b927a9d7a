"""Tell a body's one-word name from the person or place the tagger took it for.

The small model tags a company it does not know ("Zentrix") as a person in one sentence,
a place in the next and a body in a third; the article as a whole shows which it is.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from bot.briefing.lexicon import (
    COURTESY_TITLES,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    name_gender,
)

__all__ = ["bodies_named_alone", "places_named_alone"]

# Nouns a body's one-word name modifies ("a Zentrix spokesperson", "Zentrix shares").
_BODY_PARTS = frozenset(
    "spokesperson spokesman spokeswoman shares stock executives executive employees staff "
    "headquarters board shareholders investors subsidiary products stores".split()
)
# Labels the tagger gives a company's one-word name in place of ORG.
_MISTAKEN_LABELS = frozenset({"PERSON", "GPE", "PRODUCT"})
# Words before a name that show it names a place ("in Ohio").
_SETTING_WORDS = frozenset("in at from into across near inside outside throughout".split())

# Prepositions after which a one-word name is where something is ("a plant in Dunmore").
_WHERE_WORDS = frozenset("in near outside inside across throughout around".split())


def places_named_alone(ents: list[Span]) -> list[Span]:
    """Label a one-word "person" GPE when the article only ever uses it as a place.

    The small model tags a town it does not know ("a plant in Dunmore", "Dunmore's
    mayor") as a person. A word the article shows where things are, and never shows as
    someone (a first name, a surname of someone named in full, a title before it, a
    subject of "said"), is a place.
    """
    alone = _one_word_names(ents)
    places = {text for text, group in alone.items() if _shows_a_place(text, group, ents)}
    return _relabelled(ents, places, "GPE", frozenset({"PERSON"}))


def _shows_a_place(text: str, group: list[Span], ents: list[Span]) -> bool:
    if all(e.label_ != "PERSON" for e in group) or name_gender(text) is not None:
        return False
    if any(e.label_ == "PERSON" and len(e) > 1 and text in e.text.split() for e in ents):
        return False  # part of a person's full name
    if any(_someone(e[0]) for e in group):
        return False
    return any(e[0].dep_ == "pobj" and e[0].head.lower_ in _WHERE_WORDS for e in group)


def _someone(tok: Token) -> bool:
    """A word shown as a person: a title before it, or the subject of a speech verb."""
    before = tok.doc[tok.i - 1].lower_.rstrip(".") if tok.i > 0 else ""
    titled = before in COURTESY_TITLES or before in TITLE_WORDS or before in ROLE_NOUNS
    speaks = tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS
    return titled or speaks


def bodies_named_alone(ents: list[Span]) -> list[Span]:
    """Label every mention of a body's one-word name ORG when the article shows it is one.

    The small model tags a company it does not know ("Zentrix") as a person in one
    sentence, a place in the next and a body in a third; "a Zentrix spokesperson",
    "Zentrix shares" and an ORG tag anywhere show a body. A word that is a first name or
    the surname of a person named in full, or that names where things happen ("in X"),
    keeps its tags.
    """
    alone = _one_word_names(ents)
    bodies = {text for text, group in alone.items() if _shows_a_body(text, group, ents)}
    return _relabelled(ents, bodies, "ORG", _MISTAKEN_LABELS)


def _one_word_names(ents: list[Span]) -> dict[str, list[Span]]:
    """The article's one-word capitalised entities, grouped by their text."""
    alone: dict[str, list[Span]] = {}
    for ent in ents:
        if len(ent) == 1 and ent.text[:1].isupper():
            alone.setdefault(ent.text, []).append(ent)
    return alone


def _relabelled(
    ents: list[Span], texts: set[str], label: str, mistaken: frozenset[str]
) -> list[Span]:
    """Give every one-word entity with one of these texts and a mistaken label this label."""
    return [
        Span(e.doc, e.start, e.end, label=label)
        if e.text in texts and len(e) == 1 and e.label_ in mistaken
        else e
        for e in ents
    ]


def _shows_a_body(text: str, group: list[Span], ents: list[Span]) -> bool:
    labels = {e.label_ for e in group}
    if not labels & _MISTAKEN_LABELS or name_gender(text) is not None:
        return False
    if any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == text for e in ents):
        return False  # the surname of someone named in full
    if any(e[0].head.lower_ in _SETTING_WORDS and e[0].dep_ == "pobj" for e in group):
        return False  # "in Ohio": a place
    parts = any(e[0].dep_ == "compound" and e[0].head.lower_ in _BODY_PARTS for e in group)
    if "GPE" not in labels and sum(_after_the(e) for e in group) >= 2:
        return True  # "the Harriers", "the Thunder": a person never takes "the"
    # A country is tagged ORG now and then ("Armenia"); only a body has shares or a spokesman.
    return parts or ("ORG" in labels and "GPE" not in labels)


def _after_the(ent: Span) -> bool:
    """Tell whether "the" comes right before a name that heads its phrase ("the Harriers won").

    In "the Lee administration" the name only qualifies the noun after it.
    """
    return (
        ent.start > 0
        and ent.doc[ent.start - 1].lower_ == "the"
        and ent[-1].dep_ not in ("compound", "amod", "nmod")
    )
