"""Topic queries: read what a user follows and compile it to an SQLite FTS5 expression.

Pure: no I/O, no SQLite. The grammar, with case and diacritics folded:

    words             every word must match (in the title or the text)
    "exact phrase"    these words in this order (straight or curly quotes)
    a OR b            either one; OR binds tighter than the implicit AND, so
                      `peace talks OR deal` means peace AND (talks OR deal)
    -word -"phrase"   excluded
    actor:"Name"      one of the brief's actors carries the name (actor:Name for one word);
                      -actor:"Name" excludes it

The compiled expression targets an FTS5 table with the columns `title`, `body` and `actors`
(`storage.index`). Every term is emitted as an FTS5 string, so nothing a user types can
become FTS5 syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.errors import InvalidTopic

__all__ = [
    "MAX_QUERY_CHARS",
    "MAX_TERMS",
    "Term",
    "TopicQuery",
    "fold",
    "parse_topic",
]

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
TEXT_COLUMNS = "{title body}"
ACTOR_COLUMN = "{actors}"
# Apostrophes are not quote marks here: O'Brien and don't stay one word.
OPENING_QUOTES = '"“„«'
CLOSING_QUOTES = '"”“»'
ACTOR_PREFIX = "actor:"
_WORD_CHAR = re.compile(r"\w")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Return text without case and diacritics, spacing collapsed: the key a topic is stored by."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Marks are never ASCII: look only at the other characters, once each. The quote bank
    # folds hundreds of quotes per /who (issue 13, bench/who.py); a loop over every
    # character cost 50 µs a quote, str.translate 20 µs.
    bare = decomposed
    for mark in {c for c in _NON_ASCII.findall(decomposed) if unicodedata.combining(c)}:
        bare = bare.replace(mark, "")
    return " ".join(unicodedata.normalize("NFC", bare).split())


@dataclass(frozen=True, slots=True)
class Term:
    """One thing to look for: a word, a phrase, or an actor's name."""

    kind: str  # "word", "phrase" or "actor"
    text: str  # as typed, spacing collapsed

    def canonical(self) -> str:
        """Return the term written back in the query language."""
        if self.kind == "actor":
            return f'actor:"{self.text}"'
        return f'"{self.text}"' if self.kind == "phrase" else self.text

    def to_fts(self) -> str:
        """Return the term as an FTS5 string with its column filter."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        columns = ACTOR_COLUMN if self.kind == "actor" else TEXT_COLUMNS
        return f"{columns} : {quoted}"


@dataclass(frozen=True, slots=True)
class TopicQuery:
    """A parsed topic: groups that must all match (each one of its terms), and exclusions."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def canonical(self) -> str:
        """Return the query written back in a canonical form, as shown to the user."""
        parts = [" OR ".join(term.canonical() for term in group) for group in self.groups]
        parts += [f"-{term.canonical()}" for term in self.excluded]
        return " ".join(parts)

    def key(self) -> str:
        """Return the folded canonical form: two topics with the same key are the same."""
        return fold(self.canonical())

    def to_fts(self) -> str:
        """Return the FTS5 MATCH expression for this topic."""
        groups = [_fts_group(group) for group in self.groups]
        positive = " AND ".join(groups)
        if not self.excluded:
            return positive
        return f"({positive})" + "".join(f" NOT {term.to_fts()}" for term in self.excluded)

    def actor_names(self) -> tuple[str, ...]:
        """Return the actor names this topic looks for (for display)."""
        return tuple(t.text for group in self.groups for t in group if t.kind == "actor")


def _fts_group(group: tuple[Term, ...]) -> str:
    if len(group) == 1:
        return group[0].to_fts()
    return "(" + " OR ".join(term.to_fts() for term in group) + ")"


@dataclass(frozen=True, slots=True)
class _Token:
    term: Term | None  # None for the OR operator
    negated: bool = False


class _Scanner:
    """Split a query into tokens, left to right."""

    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def tokens(self) -> list[_Token]:
        found: list[_Token] = []
        while True:
            self._skip_space()
            if self.pos >= len(self.text):
                return found
            token = self._token()
            if token is not None:
                found.append(token)

    def _skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def _token(self) -> _Token | None:
        negated = self.text[self.pos] == "-" and self.pos + 1 < len(self.text)
        if negated:
            self.pos += 1
        kind = "word"
        if self.text[self.pos :].lower().startswith(ACTOR_PREFIX):
            kind = "actor"
            self.pos += len(ACTOR_PREFIX)
        quoted = self.pos < len(self.text) and self.text[self.pos] in OPENING_QUOTES
        raw = self._quoted() if quoted else self._bare()
        if raw == "OR" and kind == "word" and not quoted and not negated:
            return _Token(None)
        text = " ".join(raw.split())
        if not _WORD_CHAR.search(text):
            return None
        if kind == "word" and (quoted or " " in text):
            kind = "phrase"
        return _Token(Term(kind, text), negated)

    def _quoted(self) -> str:
        self.pos += 1
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] not in CLOSING_QUOTES:
            self.pos += 1
        raw = self.text[start : self.pos]
        self.pos += 1  # past the closing quote (or the end)
        return raw

    def _bare(self) -> str:
        start = self.pos
        while self.pos < len(self.text) and not (
            self.text[self.pos].isspace() or self.text[self.pos] in OPENING_QUOTES
        ):
            self.pos += 1
        return self.text[start : self.pos]


def _groups(tokens: list[_Token]) -> list[list[Term]]:
    groups: list[list[Term]] = []
    join_next = False
    for token in tokens:
        if token.term is None:
            join_next = bool(groups)
            continue
        if join_next and groups:
            groups[-1].append(token.term)
        else:
            groups.append([token.term])
        join_next = False
    return groups


def parse_topic(text: str) -> TopicQuery:
    """Parse a topic as a user typed it.

    Raises:
        InvalidTopic: empty, too long, too many terms, or only exclusions.
    """
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text)).strip()
    if len(text) > MAX_QUERY_CHARS:
        raise InvalidTopic(detail=f"{len(text)} characters")
    tokens = _Scanner(text).tokens()
    if len([t for t in tokens if t.term is not None]) > MAX_TERMS:
        raise InvalidTopic(detail="too many terms")
    groups = _groups([t for t in tokens if not t.negated])
    excluded = tuple(t.term for t in tokens if t.negated and t.term is not None)
    if not groups:
        raise InvalidTopic(detail="nothing to look for")
    unique = tuple(dict.fromkeys(tuple(dict.fromkeys(g)) for g in groups))
    return TopicQuery(unique, tuple(dict.fromkeys(excluded)))
