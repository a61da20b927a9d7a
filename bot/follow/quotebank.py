"""The quote bank's answers: what a person has said across the public articles briefed.

`QuoteBank.who(name)` finds the person (full name or bare surname, case and accents
ignored) and returns their quotes newest first, or the people a surname could mean. The same
quote carried by several outlets is kept once, in its newest article, with the number of
articles that carry it: the key is `bot.follow.digest.quote_key`, the one digests' Voices
use. Only public articles are in the bank (`storage.quotes`); `handlers.who_view` renders it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.follow.digest import quote_key
from storage import (
    BankQuote,
    Database,
    Speaker,
    find_speakers,
    get_speaker,
    list_speaker_quotes,
)

__all__ = [
    "QUOTE_KEY_CACHE",
    "Person",
    "QuoteBank",
    "WhoAnswer",
    "WhoQuote",
    "cached_quote_key",
    "merge_sources",
]

QUOTE_KEY_CACHE = 20_000  # quote texts whose key is kept: a few MB

# Folding a quote costs about 25 µs and /who merges up to 500 of them; a person asked about
# again, or paged through, reuses the keys (bench/who.py measures both).
cached_quote_key = lru_cache(maxsize=QUOTE_KEY_CACHE)(quote_key)


@dataclass(frozen=True, slots=True)
class WhoQuote:
    """One quote of a person, with its article and how many articles carry the same words."""

    quote: BankQuote
    sources: int = 1


@dataclass(frozen=True, slots=True)
class Person:
    """A person and their quotes, newest first, each distinct quote once."""

    speaker: Speaker
    quotes: tuple[WhoQuote, ...]
    articles: int  # how many articles quote them (those whose quotes all ran elsewhere too)


@dataclass(frozen=True, slots=True)
class WhoAnswer:
    """The answer to `/who NAME`: the person, or the people it could mean, or neither."""

    query: str
    person: Person | None = None
    choices: tuple[Speaker, ...] = ()


def merge_sources(quotes: Sequence[BankQuote]) -> tuple[WhoQuote, ...]:
    """Keep each quote once (its first, newest place) with the number of articles carrying it."""
    first: dict[str, BankQuote] = {}
    articles: dict[str, set[int]] = {}
    for quote in quotes:
        key = cached_quote_key(quote.text) or str(quote.id)
        first.setdefault(key, quote)
        articles.setdefault(key, set()).add(quote.article_id)
    return tuple(WhoQuote(quote, len(articles[key])) for key, quote in first.items())


class QuoteBank:
    """Look people up in the quote bank of one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def who(self, name: str) -> WhoAnswer:
        """Find a person by name and return their quotes, or the people the name could mean."""
        query = " ".join(name.replace('"', " ").split())
        speakers = find_speakers(self.db, query) if query else []
        if len(speakers) > 1:
            return WhoAnswer(query, choices=tuple(speakers))
        if not speakers:
            return WhoAnswer(query)
        return WhoAnswer(query, person=self._person(speakers[0]))

    def person(self, speaker_id: int) -> Person | None:
        """Return the person a button points to (by the id `Speaker.id`), or None if gone."""
        speaker = get_speaker(self.db, speaker_id)
        return self._person(speaker) if speaker is not None else None

    def _person(self, speaker: Speaker) -> Person:
        quotes = list_speaker_quotes(self.db, speaker.key)
        articles = len({quote.article_id for quote in quotes})
        return Person(speaker, merge_sources(quotes), articles)
