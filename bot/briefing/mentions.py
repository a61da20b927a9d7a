"""Mentions of people, organizations, groups and places: what a mention is, and the named ones.

Names come from the tagger's entities, repaired in `entities` and `entitykinds`; pronouns
and role nouns ("the senator") are collected here and resolved by the attribution sweep.
Headlines only mention actors the body introduced. `mentionpass` runs the whole pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from bot.briefing.actorindex import ActorIndex
from bot.briefing.causes import CAUSE_NOUNS
from bot.briefing.entities import repair_entities
from bot.briefing.entitykinds import entity_kind, measured_products, nationality_description
from bot.briefing.lexicon import (
    BODY_NOUNS,
    FEMALE_PRONOUNS,
    GROUP_PRONOUNS,
    HONORIFICS,
    MALE_PRONOUNS,
    ROLE_NOUNS,
    TITLE_WORDS,
    name_gender,
)
from bot.briefing.names import (
    POSSESSIVE,
    ActorDraft,
    bare_surname,
    name_tokens,
    name_words,
    org_key,
    person_key,
)

__all__ = [
    "ActorDraft",
    "Mention",
    "is_heading",
    "merge_late_surnames",
    "name_in_apposition",
    "name_mentions",
    "paragraph_of",
    "pronoun_and_role_mentions",
]

_PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS
_TITLE_CASE_WORDS = 5  # long words a title-case line needs before it reads as a headline
_CLAUSE_OPENERS = frozenset({"—", "–", "-", ":", "“", '"'})
_QUOTE_MARKS = re.compile(r"[“”\"]")


@dataclass(slots=True)
class Mention:
    """One mention of an actor: a name, a pronoun, or a role noun ("the senator")."""

    start: int  # token index
    end: int
    kind: str  # "name", "pronoun" or "role"
    label: str  # actor kind: person, organization, group, place
    text: str
    paragraph: int
    actor: int | None = None  # index into doc._.brief_actors once resolved
    gender: str | None = None


def name_in_apposition(tok: Token, names: dict[int, Mention]) -> Mention | None:
    """The name set beside a noun phrase: "the mayor, Ann Lee", "The X for Refugees, Ann Lee"."""
    for child in tok.children:
        if child.dep_ == "appos" and child.i in names:
            return names[child.i]
    # The parser hangs the name on the last noun of the title: "Commissioner for Refugees".
    for prep in (c for c in tok.rights if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for child in obj.children:
                held = names.get(child.i) if child.dep_ == "appos" else None
                if held is not None and held.kind == "name" and held.label == "person":
                    return held
    return _name_after_comma(tok, names)


def _name_after_comma(tok: Token, names: dict[int, Mention]) -> Mention | None:
    """A name closing the phrase after its comma, which the parser hung elsewhere."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ",":
        return None
    held = names.get(tok.i + 2)
    if held is None or held.start != tok.i + 2 or held.kind != "name" or held.label != "person":
        return None
    closes = held.end >= len(doc) or doc[held.end].is_punct or doc[held.end].is_space
    return held if closes else None


def paragraph_of(doc: Doc, char: int) -> int:
    """Return the index of the paragraph holding a character offset."""
    bounds = doc._.brief_paragraphs
    lo, hi = 0, len(bounds) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if bounds[mid][0] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def is_heading(doc: Doc, paragraph: int) -> bool:
    """Tell whether a paragraph is a headline or subhead rather than body text."""
    return paragraph in doc._.brief_headings


def _title_before(doc: Doc, start: int, ent_start: int) -> list[str]:
    """Collect title words right before a name ("Sen.", "President", "Mrs.")."""
    words = [t.text for t in doc[ent_start:start]]
    i = ent_start - 1
    while i >= 0 and doc[i].lower_ in TITLE_WORDS and doc[i].text[:1].isupper():
        words.insert(0, doc[i].text)
        i -= 1
    return words


def _add_person(doc: Doc, ent: Span, index: ActorIndex, create: bool) -> Mention | None:
    toks = name_tokens(ent)
    if not toks:
        return None
    words = name_words(toks)
    words += _shared_surname(doc, ent, words)
    known = index.surname_index()
    last = person_key(words)[1].lower()
    if "-" in last and all(part in known for part in last.split("-")):
        return None  # "Putin-Zelensky": two people joined, not a hyphenated surname
    if not create and last not in known:
        return None
    titles = _title_before(doc, toks[0].i, ent.start)
    honorific = next((HONORIFICS[w.lower()] for w in titles if w.lower() in HONORIFICS), None)
    actor_i = index.person(words, toks[0].i, rename=create, gender=honorific)
    actor = index.actors[actor_i]
    actor.titles.extend(titles)
    if honorific:
        actor.vote_gender(honorific, 3)
    # A one-word name is a first name only for someone the article never gives a surname.
    one_word = len(words) == 1 and actor.first is None
    gender = name_gender(words[0]) if len(words) > 1 or one_word else None
    if gender:
        actor.vote_gender(gender, 2)
    par = paragraph_of(doc, toks[0].idx)
    return Mention(toks[0].i, toks[-1].i + 1, "name", "person", " ".join(words), par, actor_i)


def _shared_surname(doc: Doc, ent: Span, words: list[str]) -> list[str]:
    """The surname a given name shares with the next one: "Charles G. and David H. Koch"."""
    initial = len(words) == 2 and len(words[1].rstrip(".")) == 1
    if not (len(words) == 1 or initial) or name_gender(words[0]) is None:
        return []
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ not in ("and", "&"):
        return []
    other = next((e for e in doc.ents if e.start == ent.end + 1), None)
    if other is None or other.label_ != "PERSON" or len(other) < 2:
        return []
    if name_gender(other[0].text) is None or not other[-1].is_title:
        return []  # "Ann and Lee Foundation", "Ann and Acme Corp": no surname to share
    return [other[-1].text]


def _add_other(doc: Doc, ent: Span, kind: str, index: ActorIndex, create: bool) -> Mention | None:
    toks = [t for t in ent if t.text not in POSSESSIVE and t.tag_ != "POS"]
    # "the federal Securities and Exchange Commission": lower-case words before a name
    # describe it; they are not part of it.
    while len(toks) > 1 and toks[0].text.islower() and any(t.text[:1].isupper() for t in toks):
        toks = toks[1:]
    if len(toks) > 2 and toks[0].text == "The" and _opens_a_clause(toks[0]):
        toks = toks[1:]  # "The Acme Gulls won": the capital is the sentence's, not the name's
    if len(toks) > 2 and toks[0].i > ent.start and _hyphened_modifier(toks):
        toks = toks[2:]  # "the pro-Ann Lee Ledger": "pro-Lee" says what the body backs
    if not toks:
        return None
    # The quote marks of the “Fight for $15” movement are no part of its name.
    surface = _QUOTE_MARKS.sub("", doc[toks[0].i : _name_end(toks)].text)
    known = index.surname_index()
    last = toks[-1].lower_
    if len(toks) > 1 and last in known and surface in index.actors[known[last]].forms:
        # "Scooter Braun's company" tagged as an organization: the person's name (issue 10).
        actor_i = known[last]
        index.actors[actor_i].mentions += 1
        par = paragraph_of(doc, toks[0].idx)
        return Mention(toks[0].i, toks[-1].i + 1, "name", "person", surface, par, actor_i)
    if len(toks) > 2 and last in known and _titled_name(toks, index.actors[known[last]]):
        # "Actress Ann Lee" tagged as an organization: a title and a person's name.
        actor_i = known[last]
        index.actors[actor_i].mentions += 1
        start = toks[-2].i
        par = paragraph_of(doc, doc[start].idx)
        return Mention(
            start, toks[-1].i + 1, "name", "person", doc[start : toks[-1].i + 1].text, par, actor_i
        )
    if len(toks) == 1 and toks[0].lower_ in known:
        # The small model often tags a well-known surname as an organization or place.
        actor_i = known[toks[0].lower_]
        index.actors[actor_i].mentions += 1
        return Mention(
            toks[0].i,
            toks[0].i + 1,
            "name",
            "person",
            toks[0].text,
            paragraph_of(doc, toks[0].idx),
            actor_i,
        )
    if not create and org_key(surface) not in {org_key(f) for a in index.actors for f in a.forms}:
        return None
    actor_i = index.other(surface, kind, toks[0].i)
    return Mention(
        toks[0].i, toks[-1].i + 1, "name", kind, surface, paragraph_of(doc, toks[0].idx), actor_i
    )


def _opens_a_clause(tok: Token) -> bool:
    """A word a capital opens anyway: a sentence's first, or after a dateline's dash or a colon."""
    prev = tok.nbor(-1) if tok.i else None
    return bool(tok.is_sent_start) or (prev is not None and prev.text in _CLAUSE_OPENERS)


def _name_end(toks: list[Token]) -> int:
    """Where a body's name ends: a slogan of two words or more without its noun.

    "Black Lives Matter", "Fight for $15", "Save the Rivers"; "the Not1More campaign" and
    the "Remain" campaign keep theirs, which says what the one word names.
    """
    end = toks[-1].i + 1
    if len(toks) < 3 or not toks[-1].text.islower() or toks[-1].lower_ not in CAUSE_NOUNS:
        return end
    words = [t for t in toks[:-1] if not _QUOTE_MARKS.fullmatch(t.text)]
    return words[-1].i + 1 if len(words) >= 2 else end


def _hyphened_modifier(toks: list[Token]) -> bool:
    """Tell whether a name starts with the rest of a hyphened modifier ("-Lee" of "pro-Lee")."""
    hyphen, word = toks[0], toks[1]
    return hyphen.text == "-" and not hyphen.whitespace_ and bool(word.whitespace_)


def _titled_name(toks: list[Token], person: ActorDraft) -> bool:
    """Tell whether words are titles followed by a known person's first name and surname."""
    name = f"{toks[-2].text} {toks[-1].text}"
    titles = toks[:-2]
    return name in person.forms and all(
        t.lower_ in TITLE_WORDS or t.lower_ in ROLE_NOUNS for t in titles
    )


def _outside(ents: list[Span], skip: set[int]) -> list[Span]:
    """Entities with their words in datelines and credits cut off ("CLEVELAND - X")."""
    out = []
    for ent in ents:
        start = ent.start
        while start < ent.end and start in skip:
            start += 1
        if start == ent.end:
            continue
        out.append(ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label_))
    return out


def _headline_like(doc: Doc, paragraph: int) -> bool:
    """Tell whether a paragraph is a heading or a line in title case ("A Blasts B For C").

    The tagger reads a title-case line's capitalised words as names, so such a line only
    mentions actors the body names.
    """
    if is_heading(doc, paragraph):
        return True
    lo, hi = doc._.brief_paragraphs[paragraph]
    words = [w for w in doc._.brief_text[lo:hi].split() if w[:1].isalpha()]
    long_words = [w for w in words if len(w) > 3]
    capitalised = sum(w[:1].isupper() for w in long_words)
    if len(long_words) < _TITLE_CASE_WORDS or capitalised < 0.8 * len(long_words):
        return False
    # "Acme Magazine chose Chancellor Ann Lee as its Person of the Year." is a sentence:
    # a headline in title case capitalises its verbs too.
    span = doc.char_span(lo, hi, alignment_mode="expand")
    return span is None or not any(t.pos_ == "VERB" and t.is_lower for t in span)


def name_mentions(doc: Doc, index: ActorIndex, skip: set[int]) -> list[Mention]:
    """Mentions by name: body text creates actors, headings only mention known ones."""
    found_ents = _outside(repair_entities(doc), skip)
    products = measured_products(found_ents)
    ents = [
        (e, None if org_key(e.text).removesuffix("s") in products else entity_kind(e))
        for e in found_ents
    ]
    headline = {n for n in range(len(doc._.brief_paragraphs)) if _headline_like(doc, n)}
    body = [(e, k) for e, k in ents if k and paragraph_of(doc, e.start_char) not in headline]
    heads = [(e, k) for e, k in ents if k and paragraph_of(doc, e.start_char) in headline]
    found: list[Mention] = []
    people = [(e, name_tokens(e)) for e, k in body if k == "person"]
    index.prepare([(name_words(toks), toks[0].i) for _e, toks in people if toks])
    # People first, so that a surname tagged as an organization is recognised as a person.
    for group, create in ((body, True), (heads, False)):
        for ent, kind in sorted(group, key=lambda ek: ek[1] != "person"):
            mention = (
                _add_person(doc, ent, index, create)
                if kind == "person"
                else _add_other(doc, ent, kind or "", index, create)
            )
            if mention:
                found.append(mention)
    return found


def pronoun_and_role_mentions(
    doc: Doc, quoted: list[bool], taken: set[int], named_heads: frozenset[str] = frozenset()
) -> list[Mention]:
    """Pronouns and role nouns ("she", "the senator"), for the attribution sweep to resolve.

    `named_heads` are the head nouns of bodies the article names ("union" of "Riverside
    Nurses Union"): "the union" is then that body, as "the ministry" is.
    """
    found = []
    for tok in doc:
        if not quoted[tok.i] and tok.i not in taken and nationality_description(tok):
            par = paragraph_of(doc, tok.idx)
            # "the Finn said" is the person in mind, as "he said" would be.
            found.append(Mention(tok.i, tok.i + 1, "pronoun", "person", tok.text, par))
            continue
        if quoted[tok.i] or tok.i in taken or tok.pos_ not in ("PRON", "NOUN"):
            continue
        low = tok.lower_
        if tok.pos_ == "PRON" and low not in _PERSON_PRONOUNS and low not in GROUP_PRONOUNS:
            continue
        par = paragraph_of(doc, tok.idx)
        if is_heading(doc, par):
            continue
        if tok.pos_ == "PRON" and low in _PERSON_PRONOUNS:
            gender = "m" if low in MALE_PRONOUNS else "f"
            found.append(
                Mention(tok.i, tok.i + 1, "pronoun", "person", tok.text, par, gender=gender)
            )
        elif tok.pos_ == "PRON" and low in GROUP_PRONOUNS:
            found.append(Mention(tok.i, tok.i + 1, "pronoun", "group", tok.text, par))
        elif tok.pos_ == "NOUN" and _body_noun(tok, named_heads) and _definite(tok):
            # "the ministry said": the body named earlier, resolved by the sweep.
            found.append(
                Mention(tok.i, tok.i + 1, "role", "organization", tok.lemma_.lower(), par)
            )
        elif _role_noun_alone(tok, taken):
            found.append(Mention(tok.i, tok.i + 1, "role", "person", tok.lemma_.lower(), par))
    return found


def _role_noun_alone(tok: Token, names: set[int]) -> bool:
    """A definite role noun ("the senator said") not in apposition to a name beside it.

    "the prime minister, Ana Lee": the name says who; the noun is not resolved apart.
    """
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ROLE_NOUNS or not _definite(tok):
        return False
    if tok.dep_ == "appos" and tok.head.i in names:
        return False
    return not any(c.dep_ == "appos" and c.i in names for c in tok.children)


def _body_noun(tok: Token, named_heads: frozenset[str]) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in BODY_NOUNS or (lemma in named_heads and tok.text.islower())


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def merge_late_surnames(doc: Doc) -> dict[int, int]:
    """Give a one-word body's mentions to the person whose surname it is; return the moves.

    The attribution sweep may find a person the tagger missed ("said Kristi Noem") after
    "Noem" was taken for an organization.
    """
    actors: list[ActorDraft] = doc._.brief_actors
    people: dict[str, int] = {}
    for i, actor in enumerate(actors):
        if actor.kind == "person" and actor.first and actor.last:
            people.setdefault(actor.last.lower(), i)
    moved = {
        i: people[surname]
        for i, a in enumerate(actors)
        if a.kind in ("organization", "place")
        and (surname := bare_surname(a.name))
        and surname in people
    }
    for m in doc._.brief_mentions:
        if m.actor in moved:
            m.actor, m.label = moved[m.actor], "person"
    return moved
