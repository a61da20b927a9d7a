"""Repair the tagger's entity spans before they become mentions.

The small English model cuts names of bodies short ("The United Nations" of "The United
Nations High Commissioner for Human Rights"), tags the "State" of "Secretary of State" as
an organization, and splits "House Democrats" in two. These repairs work on the parse and
on general vocabulary, never on particular names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from bot.briefing.causes import named_causes
from bot.briefing.companynames import bodies_named_alone, places_named_alone
from bot.briefing.demonyms import nationality_before_name
from bot.briefing.lexicon import (
    CLUB_ENDS,
    ORG_NOUNS,
    PARTY_MEMBERS,
    ROLE_NOUNS,
    TITLE_WORDS,
    name_gender,
)

__all__ = ["repair_entities", "start_before_for"]

_CAUSE_SUFFIXES = frozenset({"pac", "committee", "coalition", "fund"})  # "Ready for X PAC"
# Words that name a government department in "Secretary of State", "Minister of Defence".
_DEPARTMENT_WORDS = frozenset(
    "state defense defence treasury justice labor labour commerce energy agriculture "
    "education interior transportation transport health finance housing culture".split()
)
_BODY_CONNECTIVES = frozenset({"for", "of", "on"})
_MAX_EXTRA = 8  # words a body's name may be extended by
# Last words of a company's name, and the legal suffixes that may follow it after a comma.
_COMPANY_ENDS = frozenset("company co. corp. corporation group holdings partners inc. llc".split())
# Labels of titles that a body noun before them shows to be a body's name.
_WORK_LABELS = frozenset({"WORK_OF_ART", "PRODUCT"})
_NAMING_VERBS = frozenset({"called", "named"})
# Labels the tagger gives a surname it does not know ("Sarukhán" as a number).
_SURNAME_MISLABELS = frozenset({"GPE", "CARDINAL", "NORP", "LOC"})
_LEGAL_SUFFIXES = frozenset("inc inc. llc ltd ltd. plc co. corp.".split())
# Capitalised words that end a club's or a company's name after a place ("Harbor City FC").
_NAME_SUFFIXES = CLUB_ENDS | frozenset(  # "Westbridge Rovers"
    "cf sc inc inc. ltd ltd. plc llc corp corp. ag gmbh".split()
)


def _title_case(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.is_punct


def _department_of_title(ent: Span) -> bool:
    """The "State" of "Secretary of State": part of a title, not an organization."""
    doc = ent.doc
    if len(ent) != 1 or ent[0].lower_ not in _DEPARTMENT_WORDS or ent.start < 2:
        return False
    return doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in TITLE_WORDS


def _free(tok: Token) -> bool:
    return tok.ent_type_ in ("", "ORG") and _title_case(tok)


def _extended_body(ent: Span, taken: set[int], orgs: set[int]) -> int:
    """Where the full name of a body ends: "... High Commissioner for Human Rights"."""
    doc = ent.doc
    end = ent.end
    while end < len(doc) and end - ent.end < _MAX_EXTRA and end not in taken and _free(doc[end]):
        end += 1

    def free(i: int) -> bool:
        return i < len(doc) and (i not in taken or i in orgs) and _free(doc[i])

    for _ in range(2):  # "Court of Appeals for the Sixth Circuit"
        if end >= len(doc) or doc[end].lower_ not in _BODY_CONNECTIVES:
            break
        start = end + 2 if end + 2 < len(doc) and doc[end + 1].lower_ == "the" else end + 1
        if not free(start):
            break
        tail = start
        while free(tail) or (doc[tail].lower_ == "and" and free(tail + 1)):
            tail += 1
        end = tail
    if _person_follows(doc, end):
        return ent.end  # "FBI Director James Comey": a title before a name, not a body
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in _LEGAL_SUFFIXES:
        return end + 2  # "Acme Holdings, Inc."
    return end


def _person_follows(doc: Doc, end: int) -> bool:
    """Tell whether a person's name, or a title glued on by hyphens, comes next.

    "Hewlett-Packard CEO Ann Lee" (the tagger may call her an organization), "the Ledger
    Editor-in-chief Ann Lee": the capitalised title ends the body's name.
    """
    if end >= len(doc):
        return False
    tok = doc[end]
    if tok.text == "-" and end > 0 and not doc[end - 1].whitespace_:
        return doc[end - 1].lower_ in ROLE_NOUNS or doc[end - 1].lower_ in TITLE_WORDS
    return tok.ent_type_ == "PERSON" or (tok.is_title and name_gender(tok.text) is not None)


def _party_after_body(ent: Span, nxt: Span | None) -> bool:
    """Tell whether a chamber is followed by its party members ("House Democrats")."""
    return (
        nxt is not None
        and ent.label_ == "ORG"
        and nxt.start == ent.end
        and nxt.label_ == "NORP"
        and nxt.root.lemma_.lower() in PARTY_MEMBERS
    )


def _saint_before_body(ent: Span, nxt: Span | None) -> bool:
    """An institution named after a saint, cut at its possessive ("St Brendan's Hospital")."""
    return (
        nxt is not None
        and nxt.start == ent.end
        and nxt.label_ == "ORG"
        and ent[0].text.rstrip(".") in ("St", "Saint")
        and ent[-1].tag_ == "POS"
    )


def repair_entities(doc: Doc) -> list[Span]:
    """Return the document's entities with bodies' names whole and title parts dropped."""
    ents = [_before_score(_before_bracket(e)) for e in doc.ents]
    taken = {i for e in ents for i in range(e.start, e.end)}
    # Tokens of organizations a body's name may take in after "of"/"for" ("the Sixth Circuit").
    orgs = {i for e in ents if e.label_ == "ORG" for i in range(e.start, e.end)}
    out: list[Span] = []
    skip_next = False
    for n, ent in enumerate(ents):
        if skip_next or (out and ent.start < out[-1].end):
            skip_next = False
            continue
        if ent.label_ in ("ORG", "GPE") and _department_of_title(ent):
            continue
        if ent.label_ != "PERSON" and nationality_before_name(list(ent)):
            out.append(Span(doc, ent.start + 1, ent.end, label="PERSON"))  # "Irish Sean Doyle"
            continue
        nxt = ents[n + 1] if n + 1 < len(ents) else None
        if _party_after_body(ent, nxt) or _saint_before_body(ent, nxt):
            assert nxt is not None
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))
            skip_next = True
        elif _named_body(ent):
            out.append(Span(doc, ent.start, ent.end, label="ORG"))
        elif _suffix_after(ent, taken):
            out.append(Span(doc, ent.start, ent.end + 1, label="ORG"))
        elif _surname_mislabelled(ent, nxt):
            assert nxt is not None
            out.append(Span(doc, ent.start, nxt.end, label="PERSON"))
            skip_next = True
        elif (person := _after_owner(ent)) is not ent:
            out.append(person)
        elif (cut := _owner_of_company(ent)) is not None:
            out.append(Span(doc, ent.start, cut, label="PERSON"))
            company = Span(doc, cut + 1, ent.end, label="ORG")
            own = taken - set(range(ent.start, ent.end))
            out.append(Span(doc, cut + 1, _extended_body(company, own, orgs), label="ORG"))
        elif ent.label_ == "PERSON" and (
            _surname_left_out(ent, taken) or _double_surname_cut(ent, taken)
        ):
            out.append(Span(doc, ent.start, ent.end + 1, label="PERSON"))
        elif (start := _start_of_a_cause(ent, taken)) != ent.start:
            out.append(Span(doc, start, ent.end, label="ORG"))  # "Ready for Hillary PAC"
        elif ent.label_ == "ORG" and (cut := _two_bodies(ent)) is not None:
            out += _split_at(ent, cut)
        elif ent.label_ == "ORG":
            own = taken - set(range(ent.start, ent.end))
            body = Span(doc, ent.start, _extended_body(ent, own, orgs), label="ORG")
            after = next((e for e in ents[n + 1 :] if e.start >= body.end), None)
            if not _title_of_the_next_person(body, after):
                out.append(body)  # not "The UN High Commissioner for Refugees, Omar Haddad,"
        elif (end := _people_for_a_cause(ent, taken, orgs)) is not None:
            out.append(Span(doc, ent.start, end, label="ORG"))
        else:
            out.append(ent)
    return named_causes(doc, bodies_named_alone(places_named_alone(out)))


def _two_bodies(ent: Span) -> int | None:
    """Where "and" joins two bodies the tagger took for one, if it does.

    "Clinton's super PACs, Priorities USA Action and Correct the Record,": two names in
    apposition to a plural noun are two bodies; "the Securities and Exchange Commission"
    stands alone and stays one.
    """
    for tok in ent[1:-1]:
        left = tok.doc[tok.i - 1]
        if tok.lower_ != "and" or tok.dep_ != "cc" or left.dep_ != "appos":
            continue
        plural = left.head.tag_ in ("NNS", "NNPS") and left.head.i < ent.start
        if plural and _conjunct_after(tok) is not None:
            return tok.i
    return None


def _split_at(ent: Span, cut: int) -> list[Span]:
    """The two bodies on either side of "and", the second to the end of its phrase."""
    doc = ent.doc
    right = _conjunct_after(doc[cut])
    end = max(ent.end, right.right_edge.i + 1) if right is not None else ent.end
    return [Span(doc, ent.start, cut, label="ORG"), Span(doc, cut + 1, end, label="ORG")]


def _conjunct_after(cc: Token) -> Token | None:
    """The word "and" joins to what comes before ("A and B": B), wherever it hangs."""
    return next((c for c in cc.head.children if c.dep_ == "conj" and c.i > cc.i), None)


def _before_bracket(ent: Span) -> Span:
    """A name without the bracket the tagger ran into: "World Health Organization (WHO"."""
    cut = next((t.i for t in ent[1:] if t.text == "("), None)
    return ent if cut is None else Span(ent.doc, ent.start, cut, label=ent.label_)


def _before_score(ent: Span) -> Span:
    """A club's name without the score the tagger ran into: "Harlow Athletic 2-1" (a "title")."""
    end = ent.end
    while end - ent.start > 1 and (ent.doc[end - 1].like_num or ent.doc[end - 1].text == "-"):
        end -= 1
    if end == ent.end or ent.doc[end - 1].lower_ not in CLUB_ENDS:
        return ent
    return Span(ent.doc, ent.start, end, label="ORG")


def _start_of_a_cause(ent: Span, taken: set[int]) -> int:
    """Where a committee named for what it is for starts: "Ready for Hillary PAC"."""
    return start_before_for(ent.doc, ent.start, ent[-1], taken, _CAUSE_SUFFIXES)


def start_before_for(
    doc: Doc, start: int, last: Token, taken: set[int], ends: frozenset[str]
) -> int:
    """Take in a capitalised word and "for" before a body's name that ends in one of `ends`.

    The tagger often takes only the words after "for"; a capitalised word before it,
    inside a sentence, belongs to the name ("Ready for Ocean PAC").
    """
    if start < 2 or doc[start - 1].lower_ != "for" or last.lower_ not in ends:
        return start
    before = doc[start - 2]
    if before.i in taken or not before.is_title or not before.is_alpha or before.is_sent_start:
        return start
    return start - 2


def _people_for_a_cause(ent: Span, taken: set[int], orgs: set[int]) -> int | None:
    """Where a body named for its members and cause ends: "Americans for Prosperity".

    The tagger reads "Westmark Families" or "Americans" as a place or a people and the
    cause after "for" as another name, or as none.
    """
    doc = ent.doc
    last = ent[-1]
    plural = last.tag_ in ("NNPS", "NNS") or (last.tag_ == "NNP" and last.lower_.endswith("s"))
    if ent.label_ not in ("GPE", "NORP") or not plural:
        return None
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "for":
        return None
    own = taken - set(range(ent.start, ent.end))
    end = _extended_body(Span(doc, ent.start, ent.end, label="ORG"), own, orgs)
    return end if end > ent.end + 1 else None


def _title_of_the_next_person(ent: Span, after: Span | None) -> bool:
    """A title named like a body, then its holder in apposition: "The X Commissioner, Ann Lee"."""
    doc = ent.doc
    if after is None or after.label_ != "PERSON" or after.start != ent.end + 1:
        return False
    if doc[ent.end].text != "," or not any(t.lower_ in ROLE_NOUNS for t in ent):
        return False
    root = after.root
    return root.dep_ == "appos" and ent.start <= root.head.i < ent.end


def _surname_left_out(ent: Span, taken: set[int]) -> bool:
    """A first name tagged alone before an untagged capitalised word ("Ann" of "Ann Lee")."""
    doc = ent.doc
    if len(ent) != 1 or ent.end >= len(doc) or name_gender(ent.text) is None:
        return False
    nxt = doc[ent.end]
    return (
        ent.end not in taken
        and nxt.pos_ == "PROPN"
        and nxt.is_title
        and nxt.is_alpha
        and nxt.lower_ not in TITLE_WORDS
        and ent[0].whitespace_ != ""
    )


def _double_surname_cut(ent: Span, taken: set[int]) -> bool:
    """A name cut before the second part of a double surname: "Enrique Peña" + "Nieto".

    The article says the surname whole elsewhere ("Peña Nieto said"), so the word after
    the name belongs to it.
    """
    doc = ent.doc
    if len(ent) < 2 or ent.end >= len(doc) or ent.end in taken:
        return False
    nxt = doc[ent.end]
    if not (nxt.is_title and nxt.is_alpha) or nxt.lower_ in TITLE_WORDS or not ent[-1].whitespace_:
        return False
    if name_gender(ent[0].text) is None:
        return False  # "Enrique Peña": a given name opens a person's name
    surname = [ent[-1].text, nxt.text]
    return any(
        e.label_ == "PERSON" and [t.text for t in e][-2:] == surname and e.start != ent.start
        for e in doc.ents
    )


def _named_body(ent: Span) -> bool:
    """A title the tagger takes for a work that a body noun introduces.

    "the magazine The Nation", "a group called "The Local"": the noun says it is a body.
    """
    if ent.label_ not in _WORK_LABELS or not ent[0].is_title:
        return False
    i = ent.start - 1
    while i >= 0 and ent.doc[i].is_quote:
        i -= 1
    if i >= 1 and ent.doc[i].lower_ in _NAMING_VERBS:
        i -= 1
    return i >= 0 and ent.doc[i].lower_ in ORG_NOUNS


def _surname_mislabelled(ent: Span, nxt: Span | None) -> bool:
    """A person's last name tagged apart as a place or a number ("Ann" + "Sarukhán").

    Accented names with garbled characters ("SarukhÃ¡n") or rare surnames get other labels;
    the parse still makes the name before them a compound of that word.
    """
    if ent.label_ != "PERSON" or nxt is None or nxt.start != ent.end or len(nxt) != 1:
        return False
    word = nxt[0]
    return (
        nxt.label_ in _SURNAME_MISLABELS
        and word.text[:1].isupper()
        and not word.text.isupper()
        and ent[-1].dep_ == "compound"
        and ent[-1].head.i == word.i
        and (word.i + 1 == len(ent.doc) or ent.doc[word.i + 1].pos_ != "PROPN")
    )


def _owner_of_company(ent: Span) -> int | None:
    """Where a person's name ends before the company the tagger joined to it.

    "Ann Lee's Acme Foods Company" tagged as one person: the possessive's index, when a
    first name opens the entity and a company's word ends it.
    """
    if ent.label_ != "PERSON" or ent[-1].lower_ not in _COMPANY_ENDS:
        return None
    cut = next((t.i for t in ent[1:-1] if t.tag_ == "POS"), None)
    if cut is None or name_gender(ent[0].text) is None or not ent.doc[cut + 1].is_title:
        return None
    return cut


def _after_owner(ent: Span) -> Span:
    """Start a person's name after an owner's possessive ("Breitbart's Joel Pollak")."""
    if ent.label_ not in ("PERSON", "ORG"):
        return ent
    cut = next((t.i for t in ent[:-1] if t.tag_ == "POS" or _plural_possessive(t)), None)
    if cut is None or cut + 2 >= ent.end or name_gender(ent.doc[cut + 1].text) is None:
        return ent
    return Span(ent.doc, cut + 1, ent.end, label="PERSON")


def _plural_possessive(tok: Token) -> bool:
    """An apostrophe after a word ending in "s" ("Fox News’ X"), read as a closing quote mark."""
    doc = tok.doc
    return (
        tok.text in ("’", "'")
        and tok.i > 0
        and not doc[tok.i - 1].whitespace_
        and doc[tok.i - 1].lower_.endswith("s")
    )


def _suffix_after(ent: Span, taken: set[int]) -> bool:
    """Tell whether a club's or company's suffix the tagger left out follows a name."""
    doc = ent.doc
    if ent.label_ not in ("GPE", "ORG", "PERSON") or ent.end >= len(doc) or ent.end in taken:
        return False
    nxt = doc[ent.end]
    return nxt.lower_ in _NAME_SUFFIXES and nxt.text[:1].isupper() and bool(ent[-1].whitespace_)
