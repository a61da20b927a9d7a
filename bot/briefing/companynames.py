"""Tell a body's one-word name from the person or place the tagger took it for.

The small model tags a company it does not know ("Zentrix") as a person in one sentence,
a place in the next and a body in a third; the article as a whole shows which it is.
"""

from __future__ import annotations

from spacy.tokens import Span

from bot.briefing.lexicon import name_gender

__all__ = ["bodies_named_alone"]

# Nouns a body's one-word name modifies ("a Zentrix spokesperson", "Zentrix shares").
_BODY_PARTS = frozenset(
    "spokesperson spokesman spokeswoman shares stock executives executive employees staff "
    "headquarters board shareholders investors subsidiary products stores".split()
)
# Labels the tagger gives a company's one-word name in place of ORG.
_MISTAKEN_LABELS = frozenset({"PERSON", "GPE", "PRODUCT"})
# Words before a name that show it names a place ("in Ohio").
_SETTING_WORDS = frozenset("in at from into across near inside outside throughout".split())


def bodies_named_alone(ents: list[Span]) -> list[Span]:
    """Label every mention of a body's one-word name ORG when the article shows it is one.

    The small model tags a company it does not know ("Zentrix") as a person in one
    sentence, a place in the next and a body in a third; "a Zentrix spokesperson",
    "Zentrix shares" and an ORG tag anywhere show a body. A word that is a first name or
    the surname of a person named in full, or that names where things happen ("in X"),
    keeps its tags.
    """
    alone: dict[str, list[Span]] = {}
    for ent in ents:
        if len(ent) == 1 and ent.text[:1].isupper():
            alone.setdefault(ent.text, []).append(ent)
    bodies = {text for text, group in alone.items() if _shows_a_body(text, group, ents)}
    return [
        Span(e.doc, e.start, e.end, label="ORG")
        if e.text in bodies and len(e) == 1 and e.label_ in _MISTAKEN_LABELS
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
