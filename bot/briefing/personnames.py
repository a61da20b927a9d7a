"""Tell a person's name the tagger took for a place or a body.

"Helen Park" tagged as a place, "Novak Djokovic" or "Jean-Luc Marot" as a body: a first
name the small model does not know. How the name is written and what the article says of
it elsewhere show a person, never a list of people.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from bot.briefing.headwords import BODY_HEADS, NOT_PERSON_HEADS, PLACE_OPENERS
from bot.briefing.lexicon import ORG_NOUNS, ROLE_NOUNS, TITLE_WORDS, name_gender
from bot.briefing.names import POSSESSIVE
from bot.briefing.role_phrases import names_a_role

__all__ = ["looks_like_person"]


def looks_like_person(ent: Span) -> bool:
    """Two or three capitalised words starting with a common first name: a person."""
    words = [t for t in ent if t.text not in POSSESSIVE]
    # "Actress Ann Lee", "Founder Ann Lee": a title before the name is not part of it.
    while len(words) > 2 and (words[0].lower_ in TITLE_WORDS or words[0].lower_ in ROLE_NOUNS):
        words = words[1:]
    return (
        (
            2 <= len(words) <= 3
            and all(t.is_title for t in words)
            and name_gender(words[0].text) is not None
            and not _body_word(words[-1])
            and (ent.start == 0 or ent.doc[ent.start - 1].lower_ != "the")
        )
        or _hyphenated_first_name(ent)
        or _surname_tagged_alone(ent)
        or _end_of_a_full_name(ent)
        or _place_described_as_a_person(ent)
    )


def _place_described_as_a_person(ent: Span) -> bool:
    """Two or three words tagged as a place, with a person's role after their comma.

    "said Amara Okafor, the union's regional officer": a given name the model does not
    know. No place is "the union's regional officer" or "a nurse at the clinic".
    """
    words = list(ent)
    doc = ent.doc
    if ent.label_ not in ("GPE", "LOC") or not 2 <= len(words) <= 3:
        return False
    if not all(t.is_title and t.is_alpha for t in words) or words[0].lower_ in PLACE_OPENERS:
        return False
    if any(_body_word(t) or t.lower_ in TITLE_WORDS for t in words):
        return False
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return False
    return any(
        c.dep_ == "appos"
        and c.pos_ == "NOUN"
        and c.text.islower()
        and names_a_role(c)
        and any(g.dep_ in ("det", "poss") for g in c.children)
        for c in ent.root.rights
    )


def _end_of_a_full_name(ent: Span) -> bool:
    """Two or three words that end a longer person's name ("López Obrador").

    A double surname said alone after the full name ("Andrés Manuel López Obrador"), which
    the tagger may call a body.
    """
    words = [t.text for t in ent]
    if not 2 <= len(words) <= 3 or not all(t.is_title and t.is_alpha for t in ent):
        return False
    if any(_body_word(t) or t.lower_ in NOT_PERSON_HEADS for t in ent):
        return False  # "White House" of "Obama White House"
    return any(
        e.label_ == "PERSON"
        and len(e) > len(words)
        and [t.text for t in e][-len(words) :] == words
        # a given name before the shared words; not "Jeff Bezos's Blue Origin"
        and any(name_gender(t.text) for t in e[: len(e) - len(words)])
        and not any(t.tag_ == "POS" or t.text in POSSESSIVE for t in e)
        for e in ent.doc.ents
    )


def _surname_tagged_alone(ent: Span) -> bool:
    """Two or three capitalised words whose last the tagger calls a person when said alone.

    "Novak Djokovic" tagged as a body, then "Djokovic said" as a person: a first name the
    model does not know.
    """
    words = list(ent)
    if not 2 <= len(words) <= 3 or not all(t.is_title and t.is_alpha for t in words):
        return False
    if any(_body_word(t) or t.lower_ in TITLE_WORDS for t in words):
        return False
    last = words[-1].text
    ents = ent.doc.ents
    if any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == last for e in ents):
        return False  # "Demogorgon Trump": a nickname for someone named in full
    # "Djokovic said": the bare surname is the subject of a clause, as a person is.
    return any(
        e.label_ == "PERSON"
        and len(e) == 1
        and e.text == last
        and e[0].dep_ in ("nsubj", "nsubjpass")
        for e in ents
    )


def _hyphenated_first_name(ent: Span) -> bool:
    """A hyphenated first name and a surname the article says alone ("Jean-Luc Marot").

    The tagger takes "Jean-Claude Juncker" or "Hans-Georg Maassen" for a body; a company's
    hyphenated name ("Rolls-Royce Holdings") ends with a body word, and its last word is
    not said alone.
    """
    toks = list(ent)
    if len(toks) not in (4, 5) or toks[1].text != "-" or toks[1].whitespace_:
        return False
    given, rest = (toks[0], toks[2]), toks[3:]
    if toks[0].whitespace_ or not all(t.is_title and t.is_alpha and len(t) >= 3 for t in given):
        return False
    if not all(t.is_title and t.is_alpha for t in rest) or any(_body_word(t) for t in rest):
        return False
    surname = rest[-1]
    if surname.tag_ == "NNPS":
        return False  # "Nagorno-Karabakh Armenians": a people
    alone = [t for t in ent.doc if t.text == surname.text and not ent.start <= t.i < ent.end]
    return bool(alone) and all(t.ent_type_ != "NORP" for t in alone)


def _body_word(tok: Token) -> bool:
    word = tok.lower_
    return word in ORG_NOUNS or word in NOT_PERSON_HEADS or word in BODY_HEADS
