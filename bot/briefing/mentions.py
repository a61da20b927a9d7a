"""Find the mentions of people, organizations, groups and places, and merge them into actors.

The small English model makes predictable mistakes: it tags headline words as people,
"Trump" as an organization, and takes titles ("Nationalist Igor Ghirkin") and possessives
into names. The repairs here work around the parse, never by naming anyone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from bot.briefing.lexicon import (
    FEMALE_PRONOUNS,
    GROUP_PRONOUNS,
    HONORIFICS,
    MALE_PRONOUNS,
    PLATFORMS,
    ROLE_NOUNS,
    TITLE_WORDS,
    name_gender,
)

__all__ = ["ActorDraft", "Mention", "find_mentions", "is_heading", "paragraph_of"]

_LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "group",
    "GPE": "place",
    "LOC": "place",
}
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Last words that make a "person" entity a building, a company or an institution.
_PLACE_HEADS = frozenset(
    "plaza tower towers hotel center centre street avenue house building university college "
    "school church foundation institute inc inc. corp corp. co co. llc group fund "
    "stadium arena airport casino bank".split()
)
# Last words of places and institutions that may follow a first name ("Victoria Station").
_NOT_PERSON_HEADS = _PLACE_HEADS | frozenset(
    "station river lake bay island county city valley mountain bridge square street".split()
)
_CONNECTIVES = frozenset({"of", "from", "at", "for", "in", "and", "with"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_PERSON_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS


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


@dataclass(slots=True)
class ActorDraft:
    """An actor while the passes still work on it."""

    name: str
    kind: str
    forms: set[str] = field(default_factory=set)
    first: str | None = None
    last: str = ""
    gender: str | None = None
    role: str | None = None
    mentions: int = 0
    first_token: int = 0
    quote_count: int = 0
    statement_count: int = 0
    titles: list[str] = field(default_factory=list)
    gender_votes: dict[str, int] = field(default_factory=dict)

    def vote_gender(self, gender: str, weight: int = 1) -> None:
        """Record evidence that the actor is of this gender."""
        self.gender_votes[gender] = self.gender_votes.get(gender, 0) + weight
        ranked = sorted(self.gender_votes.items(), key=lambda kv: -kv[1])
        self.gender = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


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


def _name_tokens(ent: Span) -> list[Token]:
    """Trim titles, possessives and headline verbs off a person entity."""
    toks = [t for t in ent if t.text not in _POSSESSIVE and t.tag_ != "POS"]
    # "Meenakshi Ganguly of Human Rights Watch": the name ends before the connective.
    cut = next((n for n, t in enumerate(toks) if n and t.lower_ in _CONNECTIVES), len(toks))
    toks = toks[:cut]
    while len(toks) > 1 and (
        toks[0].lower_ in TITLE_WORDS or toks[0].tag_ not in _NAME_TAGS or not toks[0].is_title
    ):
        toks = toks[1:]
    while len(toks) > 1 and (toks[-1].pos_ == "VERB" or not toks[-1].text[:1].isupper()):
        toks = toks[:-1]
    if any(t.text in {"–", "/", "&"} or (t.text == "-" and _spaced(t)) for t in toks):
        return []
    return [t for t in toks if t.text[:1].isupper() or t.lower_ in _SUFFIXES or t.text == "-"]


def _spaced(tok: Token) -> bool:
    """A hyphen with a space on either side separates names; without, it joins one."""
    doc = tok.doc
    return bool(tok.whitespace_) or (tok.i > 0 and bool(doc[tok.i - 1].whitespace_))


def _name_words(toks: list[Token]) -> list[str]:
    """The words of a name, a hyphenated surname kept as one word ("Lopez-Cantera")."""
    words: list[str] = []
    glue = False
    for tok in toks:
        if tok.text == "-":
            glue = bool(words)
            if glue:
                words[-1] += "-"
            continue
        if glue:
            words[-1] += tok.text
        else:
            words.append(tok.text)
        glue = False
    return words


def _person_key(tokens: list[str]) -> tuple[str | None, str]:
    words = [w for w in tokens if w.lower().strip(".") not in _SUFFIXES]
    if not words:
        return None, ""
    first = words[0] if len(words) > 1 else None
    return first, words[-1]


class _ActorIndex:
    """Merge name mentions into actors as they are found, in text order."""

    def __init__(self) -> None:
        self.actors: list[ActorDraft] = []

    def person(self, tokens: list[str], at: int) -> int:
        first, last = _person_key(tokens)
        full = " ".join(tokens)
        # "Luther Stan Pate IV" is shown as "Luther Stan Pate"; the full form stays an alias.
        surface = " ".join(w for w in tokens if w.lower().strip(".") not in _SUFFIXES) or full
        match = self._find_person(first, last, surface)
        if match is None:
            self.actors.append(ActorDraft(name=surface, kind="person", first=first, last=last))
            match = len(self.actors) - 1
            self.actors[match].first_token = at
        actor = self.actors[match]
        if first and not actor.first:
            actor.first, actor.name = first, surface
        elif first and len(tokens) > len(actor.name.split()):
            actor.name = surface
        actor.forms.update({surface, full})
        actor.mentions += 1
        return match

    def _find_person(self, first: str | None, last: str, surface: str) -> int | None:
        same_last = [
            i
            for i, a in enumerate(self.actors)
            if a.kind == "person" and a.last.lower() == last.lower()
        ]
        if first:
            for i in reversed(same_last):
                if self.actors[i].first in (None, first) or _initial_of(
                    first, self.actors[i].first
                ):
                    return i
            return None
        if same_last:
            # A bare surname is the person of that name the article is most about so far.
            return max(reversed(same_last), key=lambda i: self.actors[i].mentions)
        # A first name alone ("Hillary") stands for the one person who carries it.
        by_first = [i for i, a in enumerate(self.actors) if a.kind == "person" and a.first == last]
        return by_first[0] if len(by_first) == 1 else None

    def other(self, surface: str, kind: str, at: int) -> int:
        key = _org_key(surface)
        for i, actor in enumerate(self.actors):
            if actor.kind != "person" and (
                key in {_org_key(f) for f in actor.forms} or _acronym_match(key, actor)
            ):
                actor.forms.add(surface)
                actor.mentions += 1
                if len(surface) > len(actor.name) and not surface.isupper():
                    actor.name = surface
                return i
        self.actors.append(
            ActorDraft(name=surface, kind=kind, forms={surface}, mentions=1, first_token=at)
        )
        return len(self.actors) - 1

    def surname_index(self) -> dict[str, int]:
        """Map each person's surname and unique first name to the person."""
        table: dict[str, int] = {}
        for i, actor in enumerate(self.actors):
            if actor.kind == "person":
                table.setdefault(actor.last.lower(), i)
        return table


def _initial_of(a: str, b: str | None) -> bool:
    return bool(b) and (
        (len(a.strip(".")) == 1 and b is not None and b.startswith(a.strip(".")))
        or (b is not None and len(b.strip(".")) == 1 and a.startswith(b.strip(".")))
    )


def _org_key(surface: str) -> str:
    return re.sub(r"^(?:the)\s+", "", surface.lower()).replace("’s", "").replace("'s", "").strip()


def _acronym_match(key: str, actor: ActorDraft) -> bool:
    def acronym(text: str) -> str:
        return "".join(w[0] for w in text.split() if w not in {"of", "and", "for", "the"})

    for form in actor.forms:
        other = _org_key(form)
        if " " not in key and key.isalpha() and len(key) >= 2 and acronym(other) == key:
            return True
        if " " not in other and len(other) >= 2 and acronym(key) == other:
            return True
    return False


def _entity_kind(ent: Span) -> str | None:
    kind = _LABEL_KIND.get(ent.label_)
    if kind == "group" and ent.root.tag_ not in ("NNPS", "NNS"):
        return None  # "Russian" as an adjective is not an actor; "Republicans" is
    if len(ent.text.rstrip(".")) < 2:
        return None  # "X." as in "wrote on X."
    if kind in ("place", "organization") and _looks_like_person(ent):
        return "person"  # "Helen Park" tagged as a place
    if kind == "person" and (
        ent[-1].lower_ in _PLACE_HEADS or ent.text.lower().rstrip(".") in PLATFORMS
    ):
        return "organization"  # "Trump Plaza", "Twitter" tagged as people
    return kind


def _looks_like_person(ent: Span) -> bool:
    """Two or three capitalised words starting with a common first name: a person."""
    words = [t for t in ent if t.text not in _POSSESSIVE]
    return (
        2 <= len(words) <= 3
        and all(t.is_title for t in words)
        and name_gender(words[0].text) is not None
        and words[-1].lower_ not in _NOT_PERSON_HEADS
        and (ent.start == 0 or ent.doc[ent.start - 1].lower_ != "the")
    )


def _title_before(doc: Doc, start: int, ent_start: int) -> list[str]:
    """Collect title words right before a name ("Sen.", "President", "Mrs.")."""
    words = [t.text for t in doc[ent_start:start]]
    i = ent_start - 1
    while i >= 0 and doc[i].lower_ in TITLE_WORDS and doc[i].text[:1].isupper():
        words.insert(0, doc[i].text)
        i -= 1
    return words


def _add_person(doc: Doc, ent: Span, index: _ActorIndex, create: bool) -> Mention | None:
    toks = _name_tokens(ent)
    if not toks:
        return None
    words = _name_words(toks)
    known = index.surname_index()
    last = _person_key(words)[1].lower()
    if "-" in last and all(part in known for part in last.split("-")):
        return None  # "Putin-Zelensky": two people joined, not a hyphenated surname
    if not create and last not in known:
        return None
    actor_i = index.person(words, toks[0].i)
    actor = index.actors[actor_i]
    titles = _title_before(doc, toks[0].i, ent.start)
    actor.titles.extend(titles)
    for word in titles:
        if word.lower() in HONORIFICS:
            actor.vote_gender(HONORIFICS[word.lower()], 3)
    gender = name_gender(words[0]) if len(words) > 1 else None
    if gender:
        actor.vote_gender(gender, 2)
    par = paragraph_of(doc, toks[0].idx)
    return Mention(toks[0].i, toks[-1].i + 1, "name", "person", " ".join(words), par, actor_i)


def _add_other(doc: Doc, ent: Span, kind: str, index: _ActorIndex, create: bool) -> Mention | None:
    toks = [t for t in ent if t.text not in _POSSESSIVE and t.tag_ != "POS"]
    if not toks:
        return None
    surface = doc[toks[0].i : toks[-1].i + 1].text
    if toks[0].lower_ == "the" and len(toks) > 1 and toks[0].text == "the":
        surface = doc[toks[1].i : toks[-1].i + 1].text
    known = index.surname_index()
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
    if not create and _org_key(surface) not in {
        _org_key(f) for a in index.actors for f in a.forms
    }:
        return None
    actor_i = index.other(surface, kind, toks[0].i)
    return Mention(
        toks[0].i, toks[-1].i + 1, "name", kind, surface, paragraph_of(doc, toks[0].idx), actor_i
    )


def _name_mentions(doc: Doc, index: _ActorIndex) -> list[Mention]:
    """Mentions by name: body text creates actors, headings only mention known ones."""
    ents = [(e, _entity_kind(e)) for e in doc.ents]
    body = [(e, k) for e, k in ents if k and not is_heading(doc, paragraph_of(doc, e.start_char))]
    heads = [(e, k) for e, k in ents if k and is_heading(doc, paragraph_of(doc, e.start_char))]
    found: list[Mention] = []
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


def _missed_surnames(doc: Doc, index: _ActorIndex, taken: set[int]) -> list[Mention]:
    """Surnames of known people that the tagger did not mark as entities."""
    known = index.surname_index()
    found = []
    for tok in doc:
        # Capitalised is enough: the tagger reads "Trump" at a sentence start as a noun.
        if tok.i not in taken and tok.text[:1].isupper() and tok.lower_ in known:
            prev = doc[tok.i - 1] if tok.i else None
            if prev is not None and prev.tag_ in _NAME_TAGS and prev.i not in taken:
                continue  # part of another name ("Bill" before "Clinton" was not tagged)
            actor_i = known[tok.lower_]
            index.actors[actor_i].mentions += 1
            index.actors[actor_i].forms.add(tok.text)
            found.append(
                Mention(
                    tok.i,
                    tok.i + 1,
                    "name",
                    "person",
                    tok.text,
                    paragraph_of(doc, tok.idx),
                    actor_i,
                )
            )
    return found


def _untagged_people(
    doc: Doc, index: _ActorIndex, taken: set[int], quoted: list[bool]
) -> list[Mention]:
    """Find people the tagger missed.

    A capitalised name counts when it starts with a common first name, or stands in
    apposition to a role noun ("His deputy, Ines Salo, ...").
    """
    found = []
    i = 0
    while i < len(doc):
        run = _proper_run(doc, i, taken, quoted)
        if len(run) >= 2 and _person_run(run):
            words = [t.text for t in run]
            actor_i = index.person(words, run[0].i)
            found.append(
                Mention(run[0].i, run[-1].i + 1, "name", "person", " ".join(words),
                        paragraph_of(doc, run[0].idx), actor_i)
            )  # fmt: skip
        i += max(1, len(run))
    return found


def _proper_run(doc: Doc, start: int, taken: set[int], quoted: list[bool]) -> list[Token]:
    run: list[Token] = []
    for tok in doc[start : start + 5]:
        if tok.i in taken or quoted[tok.i] or tok.pos_ != "PROPN" or not tok.is_title:
            break
        run.append(tok)
    # Titles and party words before a name are not part of it ("Democrat Elijah Cummings").
    while len(run) > 2 and (run[0].lower_ in TITLE_WORDS or run[0].lower_ in ROLE_NOUNS):
        run = run[1:]
    return run


def _person_run(run: list[Token]) -> bool:
    last = run[-1]
    in_apposition = last.dep_ == "appos" and last.head.lemma_.lower() in ROLE_NOUNS
    return len(run) <= 3 and (in_apposition or name_gender(run[0].text) is not None)


def _pronoun_and_role_mentions(doc: Doc, quoted: list[bool], taken: set[int]) -> list[Mention]:
    found = []
    for tok in doc:
        if quoted[tok.i] or tok.i in taken:
            continue
        par = paragraph_of(doc, tok.idx)
        if is_heading(doc, par):
            continue
        low = tok.lower_
        if tok.pos_ == "PRON" and low in _PERSON_PRONOUNS:
            gender = "m" if low in MALE_PRONOUNS else "f"
            found.append(
                Mention(tok.i, tok.i + 1, "pronoun", "person", tok.text, par, gender=gender)
            )
        elif tok.pos_ == "PRON" and low in GROUP_PRONOUNS:
            found.append(Mention(tok.i, tok.i + 1, "pronoun", "group", tok.text, par))
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in ROLE_NOUNS and _definite(tok):
            found.append(Mention(tok.i, tok.i + 1, "role", "person", tok.lemma_.lower(), par))
    return found


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def find_mentions(doc: Doc, quoted: list[bool]) -> None:
    """Write doc._.brief_mentions (in text order) and doc._.brief_actors."""
    index = _ActorIndex()
    names = _name_mentions(doc, index)
    taken = {i for m in names for i in range(m.start, m.end)}
    names += _untagged_people(doc, index, taken, quoted)
    taken |= {i for m in names for i in range(m.start, m.end)}
    names += _missed_surnames(doc, index, taken)
    taken |= {i for m in names for i in range(m.start, m.end)}
    mentions = names + _pronoun_and_role_mentions(doc, quoted, taken)
    mentions.sort(key=lambda m: m.start)
    for actor in index.actors:
        actor.mentions = 0
    for m in mentions:
        if m.actor is not None:
            index.actors[m.actor].mentions += 1
    doc._.brief_mentions = mentions
    doc._.brief_actors = index.actors
