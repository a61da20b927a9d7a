"""People's and organizations' names: repairing the tagger's entities and merging them.

The small English model makes predictable mistakes: it tags headline words as people,
"Trump" as an organization, "Helen Park" as a place, and takes titles ("Nationalist Igor
Ghirkin") and possessives into names. The repairs here work around the parse, never by
naming anyone. `ActorIndex` merges the names into actors in text order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from bot.briefing.lexicon import (
    COURTESY_TITLES,
    DEMONYM_NOUNS,
    ORG_NOUNS,
    OUTLET_WORDS,
    PARTY_MEMBERS,
    PLATFORMS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    name_gender,
)
from bot.briefing.role_phrases import names_a_role

__all__ = [
    "NAME_TAGS",
    "POSSESSIVE",
    "SUFFIXES",
    "ActorDraft",
    "ActorIndex",
    "body_by_acronym",
    "body_by_first_word",
    "capitalised_by_place",
    "drop_glued_repeat",
    "entity_kind",
    "measured_products",
    "name_tokens",
    "name_words",
    "nationality_description",
    "org_key",
    "person_key",
    "team_name",
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
NAME_TAGS = frozenset({"NNP", "NNPS"})
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# Last words that make a "person" entity a building, a company or an institution.
_PLACE_HEADS = frozenset(
    "plaza tower towers hotel center centre street avenue house building university college "
    "school church foundation institute inc inc. corp corp. co co. llc group fund "
    "stadium arena airport casino bank".split()
)
# Last words of bodies' names the tagger may read as a person's ("Civic Values PAC").
_BODY_HEADS = frozenset(
    "pac committee association coalition pharma pharmaceuticals therapeutics biotech motors "
    "airlines airways holdings partners labs laboratories technologies systems industries "
    "enterprises ventures studios records networks communications data analytics research "
    "securities capital foods brands mutual society".split()  # "Veralis Pharma", "X Mutual"
)
# Last words of the names of pieces of land, which are also surnames ("Meadows", "Woods").
_LAND_HEADS = frozenset(
    "meadows meadow park woods wood fields heath common green gardens hills springs falls "
    "heights marsh moor".split()
)
# A party's members in the plural ("Senate Republicans"), never one person's surname.
_MEMBERS_PLURAL = frozenset(w for w in PARTY_MEMBERS if w.endswith("s"))
# Last words that make a name a company's: its first word alone is the company too.
_COMPANY_HEADS = _BODY_HEADS | frozenset("inc inc. corp corp. co co. llc group".split())
# Last words of places and institutions that may follow a first name ("Victoria Station").
_NOT_PERSON_HEADS = _PLACE_HEADS | frozenset(
    "station river lake bay island county city valley mountain bridge square street".split()
)
# First words of places' names ("South Africa, the tournament's host" is no person).
_PLACE_OPENERS = frozenset(
    "north south east west northern southern eastern western central new san santa saint "
    "st fort port mount lake cape upper lower great little greater".split()
)
# Last words of names of laws, treaties, programmes, documents and events, not bodies.
_NOT_BODY_HEADS = frozenset(
    "agreement treaty act order amendment accord book plan program programme bill law "
    "doctrine protocol summit conference award awards prize festival games "
    "election primary debate speech address".split()
)
_CONNECTIVES = frozenset({"of", "from", "at", "for", "in", "and", "with"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_POSSESSIVE_IN = re.compile(r"\w['’]s?\s")
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
# A hyphenated given name: a capitalised syllable, a hyphen, a lower-case one ("Jae-in").
_GIVEN_NAME = re.compile(r"[A-Z][a-z]{0,4}-[a-z]{1,5}")
_SYLLABLE = 5
_NOT_SYLLABLE_TAGS = frozenset({"VBN", "VBD", "VBG", "VBZ"})
_NOT_SYLLABLES = frozenset({"era", "style", "like", "type", "based", "led", "born", "made"})
# Lower-case words inside surnames: "Ursula von der Leyen", "Osama bin Laden", "Charles de Gaulle".
NAME_PARTICLES = frozenset(
    "von van der den de del della di da dos das du la le bin ibn bint al el ter ten".split()
)


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
    full_mentions: int = 0  # mentions by first name and surname
    titles: list[str] = field(default_factory=list)
    functions: dict[str, int] = field(default_factory=dict)  # mentions by function (agency)
    listed: int = 0  # name mentions inside a list of three or more names
    state: bool = False  # a state's government ("the Turkish government"): the country acting
    gender_votes: dict[str, int] = field(default_factory=dict)

    def vote_gender(self, gender: str, weight: int = 1) -> None:
        """Record evidence that the actor is of this gender."""
        self.gender_votes[gender] = self.gender_votes.get(gender, 0) + weight
        ranked = sorted(self.gender_votes.items(), key=lambda kv: -kv[1])
        self.gender = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


def _gender_of(actor: ActorDraft) -> str | None:
    """A person's gender as far as the article tells: votes so far, else the first name."""
    return actor.gender or (name_gender(actor.first) if actor.first else None)


# "LeBron", "DeMarco", "McKenzie"; not extraction debris such as "FranÃ§ois".
_CAMEL_CASE = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")


def _capitalised(tok: Token) -> bool:
    """Written like a name: "Ann", "W.", and camel case too ("LeBron", "DeMar")."""
    return tok.is_title or _CAMEL_CASE.match(tok.text) is not None


# "Stated Stone:": a speech verb that opens a speaker's line is not a first name.
_SAID_FORMS = frozenset(v + ("d" if v.endswith("e") else "ed") for v in SPEECH_VERBS)


def name_tokens(ent: Span) -> list[Token]:
    """Trim titles, possessives and headline verbs off a person entity."""
    toks = [t for t in ent if t.text not in POSSESSIVE and t.tag_ != "POS"]
    # "Meenakshi Ganguly of Human Rights Watch": the name ends before the connective.
    cut = next((n for n, t in enumerate(toks) if n and t.lower_ in _CONNECTIVES), len(toks))
    toks = toks[:cut]
    while len(toks) > 1 and (
        toks[0].lower_ in TITLE_WORDS
        or toks[0].lower_ in ROLE_NOUNS  # "Actress Ann Lee", "Founder Ann Lee"
        or toks[0].tag_ not in NAME_TAGS
        or not _capitalised(toks[0])
        or toks[0].lower_ in _SAID_FORMS
    ):
        toks = toks[1:]
    while len(toks) > 1 and (
        toks[-1].pos_ == "VERB" or not (toks[-1].text[:1].isupper() or glued_given_name(toks[-1]))
    ):
        toks = toks[:-1]
    # "CLEVELAND - Donald Trump": a dateline before a spaced dash is not part of the name.
    dashes = [n for n, t in enumerate(toks) if t.text in {"-", "–", "—"} and _spaced(t)]
    if dashes:
        toks = toks[dashes[-1] + 1 :]
    if not toks or any(t.text in {"/", "&"} for t in toks):
        return []
    return [
        t
        for n, t in enumerate(toks)
        if t.text[:1].isupper()
        or t.lower_ in SUFFIXES
        or t.text == "-"
        or glued_given_name(t)
        or _particle_inside(toks, n)
    ]


def complete_from_title(actors: list[ActorDraft], title: str | None) -> None:
    """Give a person named only by surname the first name the headline gives them.

    "Ann Lee: 'I Will Run'" over a body that only says "Lee said": the headline is the one
    place the full name is written. Only a known first name right before the surname counts.
    """
    if not title:
        return
    for actor in actors:
        if actor.kind != "person" or actor.first or not actor.last[:1].isupper():
            continue
        found = re.search(rf"\b([A-Z][a-z]+) {re.escape(actor.last)}\b", title)
        if found and name_gender(found.group(1)):
            actor.first = found.group(1)
            actor.name = f"{actor.first} {actor.last}"
            actor.forms.add(actor.name)


def bare_surname(text: str) -> str:
    """A name's surname, lower-cased, when it is a surname alone; else an empty string.

    "Noem" and "Von der Leyen" are surnames alone ("leyen"); "Kristi Noem" is not.
    """
    words = text.lower().split()
    while len(words) > 1 and words[0] in NAME_PARTICLES:
        words = words[1:]
    return words[0] if len(words) == 1 else ""


def _particle_inside(toks: list[Token], n: int) -> bool:
    """Tell whether a lower-case word is a particle inside a name, before its surname.

    "von der" of "Ursula von der Leyen", "bin" of "Osama bin Laden".
    """
    if toks[n].lower_ not in NAME_PARTICLES or not 0 < n < len(toks) - 1:
        return False
    rest = toks[n + 1 :]
    end = next((m for m, t in enumerate(rest) if t.lower_ not in NAME_PARTICLES), None)
    return end is not None and rest[end].is_title and toks[0].is_title


def glued_given_name(tok: Token) -> bool:
    """Tell whether a lower-case word ends a hyphenated given name ("wen" of "Ing-wen").

    East Asian given names are written "Ing-wen", "Jae-in", "Hau-yip": the part after the
    hyphen is a short lower-case syllable glued to a capitalised one, never a participle
    or a word of its own ("Trump-backed", "Obama-era").
    """
    doc, i = tok.doc, tok.i
    return (
        i >= 2
        and tok.is_alpha
        and tok.is_lower
        and len(tok.text) <= _SYLLABLE
        and tok.tag_ not in _NOT_SYLLABLE_TAGS
        and tok.lower_ not in _NOT_SYLLABLES
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].is_title
        and doc[i - 2].is_alpha
    )


def _spaced(tok: Token) -> bool:
    """A hyphen with a space on either side separates names; without, it joins one."""
    doc = tok.doc
    return bool(tok.whitespace_) or (tok.i > 0 and bool(doc[tok.i - 1].whitespace_))


def name_words(toks: list[Token]) -> list[str]:
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
    return drop_glued_repeat(words)


def drop_glued_repeat(words: list[str]) -> list[str]:
    """Cut a name where extraction glued a second copy of it on ("Kristi NoemKristi Noem").

    A word that runs into the name's first word without a space ("NoemKristi") is where
    the copy starts: the name is what comes before it, ending with the word's first part.
    """
    if len(words) < 2:
        return words
    first = words[0]
    for n, word in enumerate(words[1:], start=1):
        if len(word) > len(first) and word.endswith(first) and word[-len(first) - 1].islower():
            return [*words[:n], word[: -len(first)]]
    return words


def person_key(tokens: list[str]) -> tuple[str | None, str]:
    """Split a person's name into its first name (if any) and its surname.

    A name that ends in a hyphenated given name ("Tsai Ing-wen", "Moon Jae-in") puts the
    surname first, as it is written: "Tsai said" is Tsai Ing-wen.
    """
    words = [w for w in tokens if w.lower().strip(".") not in SUFFIXES]
    if not words:
        return None, ""
    if len(words) == 2 and _GIVEN_NAME.fullmatch(words[1]):
        return words[1], words[0]
    # "Von der Leyen said": a name that opens with a particle is a surname alone.
    first = words[0] if len(words) > 1 and words[0].lower() not in NAME_PARTICLES else None
    return first, words[-1]


class ActorIndex:
    """Merge name mentions into actors as they are found, in text order."""

    def __init__(self) -> None:
        self.actors: list[ActorDraft] = []

    def person(
        self, tokens: list[str], at: int, rename: bool = True, gender: str | None = None
    ) -> int:
        """Merge a person's name into an actor (new or known); return the actor's index.

        A headline only mentions actors the body named (`rename=False`): its title-cased
        words ("Glenn Beck Blasts Drudge") never become a name. `gender` is the one an
        honorific before the name gives ("Mrs. Clinton"), if any.
        """
        first, last = person_key(tokens)
        full = " ".join(tokens)
        # "Luther Stan Pate IV" is shown as "Luther Stan Pate"; the full form stays an alias.
        surface = " ".join(w for w in tokens if w.lower().strip(".") not in SUFFIXES) or full
        match = self._find_person(first, last, surface, gender)
        if match is None:
            self.actors.append(ActorDraft(name=surface, kind="person", first=first, last=last))
            match = len(self.actors) - 1
            self.actors[match].first_token = at
        actor = self.actors[match]
        if not rename:
            actor.mentions += 1
            return match
        if first and not actor.first:
            actor.first, actor.name = first, surface
        elif first and len(tokens) > len(actor.name.split()):
            if surface.lower().endswith(" " + actor.name.lower()):
                actor.first = first  # "Wasserman Schultz", then "Debbie Wasserman Schultz"
            actor.name = surface
        actor.forms.update({surface, full})
        actor.mentions += 1
        return match

    def _find_person(
        self, first: str | None, last: str, surface: str, gender: str | None = None
    ) -> int | None:
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
            return self._same_name_in_part(surface)

        if same_last:
            # "Mrs. Clinton" is not "Bill Clinton", however often he is named in full.
            fitting = [i for i in same_last if _gender_of(self.actors[i]) in (None, gender)]
            same_last = fitting if gender and fitting else same_last
            # A bare surname is the person of that name the article names most in full.
            return max(
                reversed(same_last),
                key=lambda i: (self.actors[i].full_mentions, self.actors[i].mentions),
            )
        # A first name alone ("Hillary") stands for the one person who carries it.
        by_first = [i for i, a in enumerate(self.actors) if a.kind == "person" and a.first == last]
        return by_first[0] if len(by_first) == 1 else None

    def _same_name_in_part(self, surface: str) -> int | None:
        """Find the person whose name of three words or more this one ends, or the other way.

        "Wasserman Schultz" of "Debbie Wasserman Schultz": a compound surname said alone.
        """
        key = surface.lower()
        found = [
            i
            for i, a in enumerate(self.actors)
            if a.kind == "person" and _part_of(key, a.name.lower())
        ]
        return found[0] if len(found) == 1 else None

    def prepare(self, names: list[tuple[list[str], int]]) -> None:
        """Make an actor of every full name first, so bare surnames find all their bearers.

        "Trump ... Ivanka Trump ... Donald Trump": without this, the bare surnames met first
        would make one actor that the first full name to come along takes over.
        """
        for words, at in names:
            if len(words) > 1:
                actor = self.actors[self.person(words, at)]
                actor.mentions -= 1  # counted when the mention itself is met
                actor.full_mentions += 1

    def other(self, surface: str, kind: str, at: int) -> int:
        """Merge an organization, group or place name into an actor; return its index."""
        key = org_key(surface)
        for i, actor in enumerate(self.actors):
            if actor.kind != "person" and (
                key in {org_key(f) for f in actor.forms} or _acronym_match(key, actor)
            ):
                return self._add_form(i, surface)
        # "Principles Pac" after "Our Principles PAC": the tagger dropped a first word.
        # "Goldman" after "Goldman Sachs": a body's first word names it once it is known.
        heads = [
            i
            for i, a in enumerate(self.actors)
            if a.kind != "person" and (_head_of(key, a) or _short_form_of(key, a))
        ]
        if len(heads) == 1 and kind == "organization":
            head = self.actors[heads[0]]
            head.forms.add(surface)
            head.mentions += 1
            if _short_form_of(org_key(surface), head) and len(surface) > len(head.name):
                head.name = surface  # "Ready for Ocean PAC" found after "Ready PAC"
            return heads[0]
        # "Gulls" after "the Harbor City Gulls": a team or band by its last word (not a
        # party's members, "Democrats" of "House Democrats").
        teams = [i for i, a in enumerate(self.actors) if _team_of(key, a, surface)]
        if len(teams) == 1 and kind == "organization":
            return self._add_form(teams[0], surface)
        # "Save Kestrel Meadows" is a group, not the meadow its name ends in.
        tails = [
            i
            for i, a in enumerate(self.actors)
            if a.kind != "person" and (a.kind == "place") == (kind == "place") and _tail_of(key, a)
        ]
        if len(tails) == 1 and not _POSSESSIVE_IN.search(surface) and "," not in surface:
            # A longer name counts when it adds an acronym ("UN Security Council") or a
            # name the article uses ("Columbia" of "Columbia University Law School"), not a
            # word the tagger took in ("Key Security Council").
            name = self.actors[tails[0]].name
            named = {
                w for a in self.actors if a.kind != "person" for f in a.forms for w in f.split()
            }
            self._add_form(tails[0], surface)
            extra = surface.split()[: len(surface.split()) - len(name.split())]
            if not extra or not ((extra[0].isupper() and len(extra[0]) > 1) or extra[0] in named):
                self.actors[tails[0]].name = name
            return tails[0]
        self.actors.append(
            ActorDraft(name=surface, kind=kind, forms={surface}, mentions=1, first_token=at)
        )
        return len(self.actors) - 1

    def _add_form(self, i: int, surface: str) -> int:
        actor = self.actors[i]
        actor.forms.add(surface)
        actor.mentions += 1
        # The fullest name shows the actor, not one with an owner ("Ann Lee's Acme").
        fuller = len(org_key(surface)) > len(org_key(actor.name))
        if fuller and not surface.isupper() and not _POSSESSIVE_IN.search(surface):
            actor.name = surface
        elif actor.name.startswith("The ") and surface == actor.name[4:]:
            actor.name = surface  # "The Acme Gulls" opened a sentence: its name is "Acme Gulls"
        return i

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


def org_key(surface: str) -> str:
    """Fold an organization's name for matching: no leading "the", no possessive."""
    return re.sub(r"^(?:the)\s+", "", surface.lower()).replace("’s", "").replace("'s", "").strip()


def _head_of(key: str, actor: ActorDraft) -> bool:
    """Tell whether a one-word name is the first word of an organization's longer name."""
    if " " in key or not key.isalpha() or actor.kind != "organization":
        return False
    return any(
        len(words) > 1 and words[0] == key
        for words in (org_key(f).split() for f in actor.forms if not _POSSESSIVE_IN.search(f))
    )


def _short_form_of(key: str, actor: ActorDraft) -> bool:
    """Tell whether a name of two words is another's first and last ("Ready PAC")."""
    if actor.kind != "organization":
        return False
    for form in (org_key(f).split() for f in actor.forms if not _POSSESSIVE_IN.search(f)):
        short, long = sorted((key.split(), form), key=len)
        if len(short) == 2 and len(long) > 2 and (long[0], long[-1]) == (short[0], short[1]):
            return True
    return False


def _part_of(one: str, other: str) -> bool:
    """Tell whether a name of two words ends one of three or more that starts with a first name.

    A compound surname said alone: "Wasserman Schultz" of "Debbie Wasserman Schultz".
    """
    short, long = sorted((one, other), key=len)
    words = long.split()
    given = words[: len(words) - len(short.split())]  # "andrés manuel" of "... lópez obrador"
    if len(short.split()) < 2 or len(words) < 3 or not any(name_gender(w) for w in given):
        return False
    if words[-1] in _NOT_PERSON_HEADS or any(w in TITLE_WORDS or w in ROLE_NOUNS for w in words):
        return False
    return long.endswith(" " + short)


def team_name(words: list[str]) -> bool:
    """A name whose last word is a plural that can name it alone ("Harbor City Gulls").

    Never a party's members ("House Democrats"), nor words the tagger took in with a name
    ("Billboard the Doobies").
    """
    last = words[-1] if words else ""
    return (
        len(words) >= 2
        and last.isalpha()
        and last.endswith("s")
        and not last.isupper()
        and last.lower() not in PARTY_MEMBERS
        and all(w[:1].isupper() for w in words)
    )


def _team_of(key: str, actor: ActorDraft, surface: str) -> bool:
    """Tell whether a team's or an outlet's name ends an organization's ("the Courier")."""
    if actor.kind != "organization":
        return False
    for form in actor.forms:
        short, long = sorted((surface, form), key=len)
        if " " in org_key(short) or _POSSESSIVE_IN.search(form + surface):
            continue
        # "the Courier" after "The Pellbrook Courier": an outlet by its last word too.
        named_by_end = team_name(long.split()) or long.split()[-1].lower() in OUTLET_WORDS
        if named_by_end and org_key(long).endswith(" " + org_key(short)):
            return True
    return False


def _tail_of(key: str, actor: ActorDraft) -> bool:
    """Tell whether one name of two words or more ends the other ("Solutions PAC")."""
    for form in actor.forms:
        other = org_key(form)
        if _POSSESSIVE_IN.search(form) or "," in form:
            continue
        short, long = sorted((key, other), key=len)
        if len(short.split()) >= 2 and long.endswith(" " + short):
            return True
    return False


def body_by_acronym(actors: list[ActorDraft], acronym: str) -> int | None:
    """The one body whose name this acronym spells ("WHO": World Health Organization)."""
    key = org_key(acronym)
    found = [i for i, a in enumerate(actors) if a.kind != "person" and _acronym_match(key, a)]
    return found[0] if len(found) == 1 else None


def body_by_first_word(actors: list[ActorDraft], word: str) -> int | None:
    """The one company whose name this word opens ("Pellrose" of "Pellrose Therapeutics")."""
    key = org_key(word)
    found = [
        i
        for i, a in enumerate(actors)
        if _head_of(key, a) and a.name.split()[-1].lower() in _COMPANY_HEADS
    ]
    return found[0] if len(found) == 1 else None


def _acronym_match(key: str, actor: ActorDraft) -> bool:
    for form in actor.forms:
        other = org_key(form)
        if " " not in key and key.isalpha() and len(key) >= 2 and key in _acronyms(other):
            return True
        if " " not in other and len(other) >= 2 and other in _acronyms(key):
            return True
    return False


def _acronyms(name: str) -> set[str]:
    """The initials a body's name may go by: of the whole name, or before its "and" part.

    "CDC" is the Centers for Disease Control and Prevention: a part joined late to a name
    is often left out of its acronym.
    """
    found = {_initials(name), _initials(name.replace("-", " "))}  # "TCHA": Tri-County ...
    before, joined, _after = name.partition(" and ")
    if joined and len(before.split()) >= 3:
        found.add(_initials(before))
    return found


def _initials(text: str) -> str:
    return "".join(w[0] for w in text.split() if w not in {"of", "and", "for", "the"})


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
        ent[-1].lower_ in _PLACE_HEADS
        or (len(ent) > 1 and ent[-1].lower_ in _BODY_HEADS)
        or ent.text.lower().rstrip(".") in PLATFORMS
        or (len(ent) == 1 and _BRAND.match(ent.text) and not _NAME_PREFIX.match(ent.text))
    ):
        return "organization"  # "Trump Plaza", "Twitter", "SpaceX" tagged as people
    if kind == "organization" and len(ent) == 1 and ent[0].lower_ in ORG_NOUNS:
        return None  # "the PAC", "the Committee": a noun for a body, not its name
    if _common_word_opening_a_sentence(ent):
        return None  # "Plague can be fatal", "Border agents say": capitalised by place alone
    if kind == "organization" and _MODEL_NUMBER.match(ent.text):
        return None  # "EB-5", "SR-71": a programme or a product, not a body
    if (
        kind in ("organization", "person")
        and ent[-1].lower_ in _NOT_BODY_HEADS
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
        and ent[-1].lower_ not in _NOT_PERSON_HEADS
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
    dashes = [t.i for t in ent if t.text in {"-", "–", "—"} and _spaced(t)]
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
            and words[-1].lower_ not in _NOT_PERSON_HEADS
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
    if any(_body_word(t) or t.lower_ in _NOT_PERSON_HEADS for t in ent):
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
    return word in ORG_NOUNS or word in _NOT_PERSON_HEADS or word in _BODY_HEADS
