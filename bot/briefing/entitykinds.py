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

from bot.briefing.lexicon import (
    CLUB_ENDS,
    COURTESY_TITLES,
    DEMONYM_NOUNS,
    ORG_NOUNS,
    OUTLET_WORDS,
    PARTY_MEMBERS,
    PLATFORMS,
    ROLE_NOUNS,
    TITLE_WORDS,
    name_gender,
)
from bot.briefing.names import POSSESSIVE, org_key, spaced
from bot.briefing.role_phrases import names_a_role

__all__ = [
    "BODY_HEADS",
    "NOT_BODY_HEADS",
    "NOT_PERSON_HEADS",
    "PLACE_HEADS",
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


# Last words that make a "person" entity a building, a company or an institution.
PLACE_HEADS = frozenset(
    "plaza tower towers hotel center centre street avenue house building university college "
    "school church foundation institute inc inc. corp corp. co co. llc group fund "
    "stadium arena airport casino bank".split()
)


# Last words of bodies' names the tagger may read as a person's ("Civic Values PAC").
BODY_HEADS = frozenset(
    "pac committee association coalition pharma pharmaceuticals therapeutics biotech motors "
    "airlines airways holdings partners labs laboratories technologies systems industries "
    "enterprises ventures studios records networks communications data analytics research "
    "securities capital foods brands mutual society semiconductor semiconductors electronics "
    "software robotics aerospace logistics chemicals insurance bancorp interactive "
    "entertainment biologics biosciences diagnostics genomics".split()  # "Lumora Semiconductor"
)


# Last words of the names of pieces of land, which are also surnames ("Meadows", "Woods").
_LAND_HEADS = frozenset(
    "meadows meadow park woods wood fields heath common green gardens hills springs falls "
    "heights marsh moor".split()
)


# A party's members in the plural ("Senate Republicans"), never one person's surname.
_MEMBERS_PLURAL = frozenset(w for w in PARTY_MEMBERS if w.endswith("s"))


# Last words of places and institutions that may follow a first name ("Victoria Station").
NOT_PERSON_HEADS = PLACE_HEADS | frozenset(
    "station river lake bay island county city valley mountain bridge square street".split()
)


# First words of places' names ("South Africa, the tournament's host" is no person).
_PLACE_OPENERS = frozenset(
    "north south east west northern southern eastern western central new san santa saint "
    "st fort port mount lake cape upper lower great little greater".split()
)


# Last words of names of laws, treaties, programmes, documents and events, not bodies.
NOT_BODY_HEADS = frozenset(
    "agreement treaty act order amendment accord book plan program programme bill law "
    "doctrine protocol summit conference award awards prize festival games "
    # "Dow Jones Industrial Average", "Nasdaq Composite": a market's measure, no body
    "election primary debate speech address average index composite".split()
)


# A capital inside a word ("SpaceX", "YouTube") makes a brand, unless it is a surname's
# prefix ("McConnell", "DeSantis", "MacArthur", "O'Brien").
_BRAND = re.compile(r"^[A-Z]?[a-z]+[A-Z][A-Za-z]*$")


_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)[A-Z]")


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
    if kind in ("place", "organization") and _looks_like_person(_after_dateline(ent)):
        return "person"  # "Helen Park" tagged as a place, "CLEVELAND - Donald Trump" as one
    if (
        kind == "person"
        and len(ent) > 1
        and ent[-1].lower_ in _LAND_HEADS
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
    if kind == "place" and len(ent) > 1 and ent[-1].lower_ in CLUB_ENDS:
        return "organization"  # "Manchester United" tagged as a place
    if kind == "organization" and len(ent) == 1 and ent[0].lower_ in ORG_NOUNS:
        return None  # "the PAC", "the Committee": a noun for a body, not its name
    if _common_word_opening_a_sentence(ent):
        return None  # "Plague can be fatal", "Border agents say": capitalised by place alone
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


def _looks_like_person(ent: Span) -> bool:
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
            and words[-1].lower_ not in NOT_PERSON_HEADS
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
    if not all(t.is_title and t.is_alpha for t in words) or words[0].lower_ in _PLACE_OPENERS:
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
