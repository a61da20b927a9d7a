"""Merge name mentions into actors, in text order: one actor however the article names it.

"Hillary Clinton", "Clinton" and "Mrs. Clinton" are one person; "the Federal Reserve", "the
Fed" and "Federal Reserve Board" one body; "Chicago Bears" and "the Bears" one team.
`ActorIndex` keeps the actors found so far and finds the one a new mention names.
"""

from __future__ import annotations

import re

from bot.briefing.headwords import BODY_HEADS, NOT_PERSON_HEADS
from bot.briefing.lexicon import (
    CLUB_ENDS,
    ORG_NOUNS,
    OUTLET_WORDS,
    PARTY_MEMBERS,
    ROLE_NOUNS,
    TITLE_WORDS,
    name_gender,
)
from bot.briefing.names import SUFFIXES, ActorDraft, gender_of, org_key, person_key

__all__ = ["ActorIndex", "body_by_acronym", "body_by_first_word", "team_name"]

# Last words that make a name a company's: its first word alone is the company too.
_COMPANY_HEADS = BODY_HEADS | CLUB_ENDS | frozenset("inc inc. corp corp. co co. llc group".split())


_POSSESSIVE_IN = re.compile(r"\w['’]s?\s")


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
            fitting = [i for i in same_last if gender_of(self.actors[i]) in (None, gender)]
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
    if words[-1] in NOT_PERSON_HEADS or any(w in TITLE_WORDS or w in ROLE_NOUNS for w in words):
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
    """Tell whether a team's, an outlet's or a body's name ends an organization's.

    "the Courier" after "The Pellbrook Courier", "the Board" after "the Medicines Safety
    Board": the capital shows the body in mind, not any board.
    """
    if actor.kind != "organization":
        return False
    for form in actor.forms:
        short, long = sorted((surface, form), key=len)
        if " " in org_key(short) or _POSSESSIVE_IN.search(form + surface):
            continue
        # "the Courier" after "The Pellbrook Courier": an outlet by its last word too.
        last = long.split()[-1].lower()
        named_by_end = (
            team_name(long.split())
            or last in OUTLET_WORDS
            or (short.istitle() and short.lower() == last and last in ORG_NOUNS)
        )
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
