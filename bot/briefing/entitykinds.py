"""What an entity names: a person, a body, a place or a group, repairing the tagger.

The small English model makes predictable mistakes: it tags headline words as people,
"Trump" as an organization, "Helen Park" as a place, and takes titles ("Nationalist Igor
Ghirkin") and possessives into names. `entity_kind` works around the parse from how a
name is written and what stands around it, never by naming anyone.
"""

from __future__ import annotations

import re

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from bot.briefing.headwords import (
    BODY_HEADS,
    LAND_HEADS,
    NOT_BODY_HEADS,
    NOT_PERSON_HEADS,
    PLACE_HEADS,
)
from bot.briefing.lexicon import (
    CLUB_ENDS,
    CLUB_OPENERS,
    COURTESY_TITLES,
    DEMONYM_NOUNS,
    ORG_NOUNS,
    OUTLET_WORDS,
    PARTY_MEMBERS,
    PLATFORMS,
    name_gender,
)
from bot.briefing.names import POSSESSIVE, org_key, spaced
from bot.briefing.personnames import looks_like_person

__all__ = [
    "capitalised_by_place",
    "entity_kind",
    "measured_products",
    "nationality_description",
]

# Where `_tokens_by_word` keeps its index in `doc.user_data`.
_WORD_INDEX = "brief_tokens_by_word"


_LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
}


# A party's members in the plural ("Senate Republicans"), never one person's surname.
_MEMBERS_PLURAL = frozenset(w for w in PARTY_MEMBERS if w.endswith("s"))


# A capital inside a word ("SpaceX", "YouTube") makes a brand, unless it is a surname's
# prefix ("McConnell", "DeSantis", "MacArthur", "O'Brien").
_BRAND = re.compile(r"^[A-Z]?[a-z]+[A-Z][A-Za-z]*$")


_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z]")


_VESSEL_PREFIXES = frozenset({"MV", "MS", "MT", "HMS", "USS", "SS", "RMS", "HMCS", "HMAS"})
_MODEL_NUMBER = re.compile(r"^[A-Z]{2,4}-\d+[A-Z]?$")


# A size or capacity just before a name makes it a product ("the 16-inch MacBook Pro").
_MEASURE_BEFORE = re.compile(
    r"\d\s?-\s?(?i:inch|in|foot|ft|litre|liter|mm|cm|gb|tb|megapixel|mp|hp|kwh|watt|seat|door)"
    r"\s+(?:[A-Z][\w-]*\s+){0,2}$"  # "the 16-inch Lumen Pro X16": the maker's words between
)


def nationality_description(tok: Token) -> bool:
    """A capitalised nationality noun after "the" that heads its phrase ("the Finn said")."""
    return (
        tok.lower_ in DEMONYM_NOUNS
        and tok.text[:1].isupper()
        and tok.i > 0
        and tok.doc[tok.i - 1].lower_ == "the"
        and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ in ("NOUN", "PROPN"))
    )


def measured_products(ents: list[Span]) -> set[str]:
    """Names the article gives with a size before them: products, not actors."""
    text = ents[0].doc.text if ents else ""
    found = set()
    for ent in ents:
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if after is not None and after.pos_ == "PROPN":
            continue  # "the 16-inch Apple MacBook": the maker's name, not the product's
        if _MEASURE_BEFORE.search(text[max(0, ent.start_char - 40) : ent.start_char]):
            found.add(org_key(ent.text).removesuffix("s"))
            if any(c.isdigit() for c in ent[-1].text):
                found.add(ent[-1].lower_)  # "the 16-inch Lumen Pro X16" is "the X16" later
    return found


def entity_kind(ent: Span) -> str | None:
    """Return the actor kind of a tagger entity, repaired; None when it is not an actor."""
    kind = _LABEL_KIND.get(ent.label_)
    if _courtesy_titled(ent):
        return "person"  # "Ms Marant" tagged as a body or a title
    if _outlet_title(ent, kind):
        return "organization"  # "The Pellbrook Courier" tagged as a title or a person
    if kind == "group" and ent.root.tag_ not in ("NNPS", "NNS"):
        return None  # "Russian" as an adjective is not an actor; "Republicans" is
    if kind == "group" and ent.root.lemma_.lower() in PARTY_MEMBERS:
        return "organization"  # a party's members act as one body
    if len(ent.text.rstrip(".")) < 2:
        return None  # "X." as in "wrote on X."
    if nationality_description(ent[0]) and len(ent) == 1:
        return None  # "the Finn said": the person in mind, described by nationality
    if any(t.tag_ == "POS" or t.text in POSSESSIVE for t in ent[:-1]):
        # "Martha's Vineyard", "Bally's": a possessive inside a name makes no person's name
        return "place" if kind == "person" else kind
    if kind in ("place", "organization") and looks_like_person(_after_dateline(ent)):
        return "person"  # "Helen Park" tagged as a place, "CLEVELAND - Donald Trump" as one
    if (
        kind == "person"
        and len(ent) > 1
        and ent[-1].lower_ in LAND_HEADS
        and name_gender(ent[0].text) is None  # "Mark Meadows" is a person
    ):
        return "place"  # "Kestrel Meadows", "Alder Woods": a piece of land
    if kind == "person" and len(ent) > 1 and ent[-1].lower_ in _MEMBERS_PLURAL:
        return "organization"  # "Hill Democrats": a party's members named by a group
    if kind == "person" and (
        ent[-1].lower_ in PLACE_HEADS
        or (len(ent) > 1 and ent[-1].lower_ in BODY_HEADS | CLUB_ENDS)
        or ent.text.lower().rstrip(".") in PLATFORMS
        or (len(ent) == 1 and _BRAND.match(ent.text) and not _NAME_PREFIX.match(ent.text))
    ):
        return "organization"  # "Trump Plaza", "Leeds United", "SpaceX" tagged as people
    if kind in ("place", "person") and len(ent) > 1 and ent[0].lower_ in CLUB_OPENERS:
        return "organization"  # "Atlético Solano" tagged as a person
    if kind == "place" and len(ent) > 1 and ent[-1].lower_ in CLUB_ENDS:
        return "organization"  # "Manchester United" tagged as a place
    if kind == "organization" and len(ent) == 1 and ent[0].lower_ in ORG_NOUNS:
        return None  # "the PAC", "the Committee": a noun for a body, not its name
    if _common_word_opening_a_sentence(ent):
        return None  # "Plague can be fatal", "Border agents say": capitalised by place alone
    if ent[0].text in _VESSEL_PREFIXES and len(ent) > 1:
        return None  # "the ferry MV Ardent Tern": a ship, not a body
    if kind == "organization" and _MODEL_NUMBER.match(ent.text):
        return None  # "EB-5", "SR-71": a programme or a product, not a body
    if (
        kind in ("organization", "person")
        and ent[-1].lower_ in NOT_BODY_HEADS
        and name_gender(ent[0].text) is None  # "Steven Law" is a person
    ):
        return None  # "North American Free Trade Agreement", "Executive Order"
    return kind


def _courtesy_titled(ent: Span) -> bool:
    """A courtesy title and a name ("Ms Marant"): a person, whatever the tagger says."""
    return (
        len(ent) >= 2
        and ent[0].lower_ in COURTESY_TITLES
        and ent[0].text[:1].isupper()
        and all(t.is_title for t in ent[1:])
        and ent[-1].lower_ not in NOT_PERSON_HEADS
    )


def _outlet_title(ent: Span, kind: str | None) -> bool:
    """A newspaper's or a magazine's name, which the tagger often calls a title or a person.

    "The Pellbrook Courier said" (a work of art), "Tobias Wren of the Carroway Ledger" (a
    person): capitalised words ending in an outlet's word, with no given name first.
    """
    words = [t for t in ent if not (t.lower_ == "the" and t.i == ent.start)]
    return (
        (kind == "person" or ent.label_ == "WORK_OF_ART")
        and len(words) >= 2
        and all(t.is_title for t in words)
        and words[-1].lower_ in OUTLET_WORDS
        and name_gender(words[0].text) is None
    )


def _common_word_opening_a_sentence(ent: Span) -> bool:
    """Words that open a sentence and that the article writes in lower case elsewhere.

    "Plague can be fatal" beside "the plague"; "Super PACs may raise ..." beside "the
    senator's super PACs".
    """
    if len(ent) == 1:
        return capitalised_by_place(ent[0])
    first = ent[0]
    if not first.is_title or first.i != ent.sent.start or first.lower_ == "the":
        return False  # "The Doobie Brothers" beside "the Doobie Brothers" is a name
    lowered = first.lower_ + ent.text[len(first.text) :]
    return re.search(rf"(?<!\w){re.escape(lowered)}(?!\w)", ent.doc.text) is not None


def capitalised_by_place(word: Token) -> bool:
    """Tell whether a word is capitalised only because it opens its sentence.

    "Plague can be fatal" beside "the plague": the article writes it in lower case
    elsewhere and never capitalised inside a sentence on its own, as a name would be.
    """
    if not word.is_title or not word.is_alpha:
        return False
    before = [t for t in word.doc[word.sent.start : word.i] if not (t.is_punct or t.is_space)]
    if before:
        return False
    doc = word.doc
    same = [doc[i] for i in _tokens_by_word(doc).get(word.lower_, ()) if i != word.i]
    lower = any(t.text == word.lower_ for t in same)
    named_inside = any(
        t.text == word.text
        and t.i > t.sent.start
        and not doc[t.i - 1].is_punct
        and not _inside_a_longer_name(t)  # "Customs and Border Protection" is another name
        for t in same
    )
    return lower and not named_inside


def _tokens_by_word(doc: Doc) -> dict[str, list[int]]:
    """Each lower-case word's token indexes, built once per document (the doc never changes)."""
    index: dict[str, list[int]] | None = doc.user_data.get(_WORD_INDEX)
    if index is None:
        index = {}
        for i, word in enumerate(doc.to_array([LOWER]).tolist()):
            index.setdefault(doc.vocab.strings[word], []).append(i)
        doc.user_data[_WORD_INDEX] = index
    return index


def _inside_a_longer_name(tok: Token) -> bool:
    """A token of an entity of several words, or between capitalised words."""
    doc = tok.doc
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None:
        return len(ent) > 1
    prev_cap = tok.i > 0 and doc[tok.i - 1].is_title
    next_cap = tok.i + 1 < len(doc) and doc[tok.i + 1].is_title
    return prev_cap or next_cap


def _after_dateline(ent: Span) -> Span:
    """The part of an entity after a spaced dash ("CLEVELAND - Donald Trump")."""
    dashes = [t.i for t in ent if t.text in {"-", "–", "—"} and spaced(t)]
    return ent.doc[dashes[-1] + 1 : ent.end] if dashes and dashes[-1] + 1 < ent.end else ent
