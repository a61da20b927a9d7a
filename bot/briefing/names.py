"""People's and organizations' names: their words and the keys that tell two names apart.

A name is read off the parse without the titles, possessives and debris the small English
model takes into it ("Nationalist Igor Ghirkin", "Clinton's"). `actorindex` merges the
names into actors; `entitykinds` tells what each one names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from bot.briefing.lexicon import ROLE_NOUNS, SPEECH_VERBS, TITLE_WORDS, name_gender

__all__ = [
    "NAME_TAGS",
    "POSSESSIVE",
    "SUFFIXES",
    "ActorDraft",
    "bare_surname",
    "complete_from_title",
    "drop_glued_repeat",
    "gender_of",
    "glued_given_name",
    "name_tokens",
    "name_words",
    "org_key",
    "person_key",
    "spaced",
]

NAME_TAGS = frozenset({"NNP", "NNPS"})
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_CONNECTIVES = frozenset({"of", "from", "at", "for", "in", "and", "with"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
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
    aged: bool = False  # named with an age ("Marcus Bell, 34,"): a person the story is about
    state: bool = False  # a state's government ("the Turkish government"): the country acting
    gender_votes: dict[str, int] = field(default_factory=dict)

    def vote_gender(self, gender: str, weight: int = 1) -> None:
        """Record evidence that the actor is of this gender."""
        self.gender_votes[gender] = self.gender_votes.get(gender, 0) + weight
        ranked = sorted(self.gender_votes.items(), key=lambda kv: -kv[1])
        self.gender = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


def gender_of(actor: ActorDraft) -> str | None:
    """A person's gender as far as the article tells: votes so far, else the first name."""
    return actor.gender or (name_gender(actor.first) if actor.first else None)


# "LeBron", "DeMarco", "McKenzie"; not extraction debris such as "FranÃ§ois".
_CAMEL_CASE = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")


def _capitalised(tok: Token) -> bool:
    """Written like a name: "Ann", "W.", and camel case too ("LeBron", "DeMar")."""
    return tok.is_title or _CAMEL_CASE.match(tok.text) is not None


# "Stated Stone:": a speech verb that opens a speaker's line is not a first name.
_SAID_FORMS = frozenset(v + ("d" if v.endswith("e") else "ed") for v in SPEECH_VERBS)


def _agent_noun_before_a_given_name(toks: list[Token]) -> bool:
    """A word for what someone does ("Songwriter", "Photographer") before a given name."""
    first = toks[0].lower_
    return (
        len(toks) > 2
        and first.endswith(("er", "or", "ist"))
        and name_gender(toks[0].text) is None
        and name_gender(toks[1].text) is not None
    )


def name_tokens(ent: Span) -> list[Token]:
    """Trim titles, possessives and headline verbs off a person entity."""
    toks = [t for t in ent if t.text not in POSSESSIVE and t.tag_ != "POS"]
    # "Meenakshi Ganguly of Human Rights Watch": the name ends before the connective.
    cut = next((n for n, t in enumerate(toks) if n and t.lower_ in _CONNECTIVES), len(toks))
    toks = toks[:cut]
    while len(toks) > 1 and (
        toks[0].lower_ in TITLE_WORDS
        or toks[0].lower_ in ROLE_NOUNS  # "Actress Ann Lee", "Founder Ann Lee"
        or _agent_noun_before_a_given_name(toks)  # "Songwriter Jakob Pelletier"
        # "Beatrix Holm" with "Beatrix" tagged as a noun: a given name stays
        or (toks[0].tag_ not in NAME_TAGS and name_gender(toks[0].text) is None)
        or not _capitalised(toks[0])
        or toks[0].lower_ in _SAID_FORMS
    ):
        toks = toks[1:]
    while len(toks) > 1 and (
        toks[-1].pos_ == "VERB" or not (toks[-1].text[:1].isupper() or glued_given_name(toks[-1]))
    ):
        toks = toks[:-1]
    # "CLEVELAND - Donald Trump": a dateline before a spaced dash is not part of the name.
    dashes = [n for n, t in enumerate(toks) if t.text in {"-", "–", "—"} and spaced(t)]
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


def spaced(tok: Token) -> bool:
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


def org_key(surface: str) -> str:
    """Fold an organization's name for matching: no leading "the", no possessive."""
    return re.sub(r"^(?:the)\s+", "", surface.lower()).replace("’s", "").replace("'s", "").strip()
