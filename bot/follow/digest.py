"""A digest: the brief of a topic across its new articles. Pure: briefs in, plain values out.

For each article: its title, one line (the brief's first summary sentence) and its strongest
quote with the speaker. Then "voices": the most telling quotes across the articles, where
the same words carried by several outlets count once, with the number of sources. Every
quote is the engine's verbatim span; nothing is rewritten. `handlers.digest_view` renders it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.briefing.model import Brief, Quote
from bot.follow.topics import fold

__all__ = [
    "MAX_VOICES",
    "Digest",
    "DigestItem",
    "DigestPart",
    "Voice",
    "build_digest",
    "quote_key",
    "strongest_quote",
]

MAX_VOICES = 5
MAX_LINE_CHARS = 280
MIN_GOOD_QUOTE, MAX_GOOD_QUOTE = 40, 280
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One article of a digest."""

    brief_id: int
    title: str
    url: str | None
    site: str | None
    line: str | None
    quote: str | None
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Voice:
    """A quote worth hearing, with how many of the digest's articles carry it."""

    text: str
    speaker: str
    sources: int


@dataclass(frozen=True, slots=True)
class Digest:
    """What a topic's briefing says: its articles, the voices, and how many were left out."""

    topic: str
    items: tuple[DigestItem, ...]
    voices: tuple[Voice, ...]
    skipped: int = 0


@dataclass(frozen=True, slots=True)
class DigestPart:
    """One message of a rendered digest: Telegram HTML and its buttons (label, callback data)."""

    text: str
    buttons: tuple[tuple[str, str], ...] = ()


def _score(brief: Brief, quote: Quote) -> int:
    """Rank a quote: direct, with a known speaker, one of the main actors, a readable length."""
    score = {"direct": 3, "partial": 1}.get(quote.kind, 0)
    if quote.speaker:
        score += 3
        top = [actor.id for actor in brief.actors[:3]]
        score += 1 if quote.speaker_id in top else 0
    score += 1 if MIN_GOOD_QUOTE <= len(quote.text) <= MAX_GOOD_QUOTE else 0
    return score


def strongest_quote(brief: Brief) -> Quote | None:
    """Return the brief's strongest quote (the first of the best), or None."""
    ranked = sorted(enumerate(brief.quotes), key=lambda pair: (-_score(brief, pair[1]), pair[0]))
    return ranked[0][1] if ranked else None


def _line(brief: Brief) -> str | None:
    line = brief.summary[0] if brief.summary else None
    if line is None or len(line) <= MAX_LINE_CHARS:
        return line
    return line[: MAX_LINE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _item(brief_id: int, brief: Brief) -> DigestItem:
    article, quote = brief.article, strongest_quote(brief)
    title = article.title or (article.site or article.url or "An article")
    return DigestItem(
        brief_id=brief_id,
        title=title,
        url=article.url,
        site=article.site,
        line=_line(brief),
        quote=quote.text if quote else None,
        speaker=quote.speaker if quote else None,
    )


def quote_key(text: str) -> str:
    """Return the key under which the same quote from two outlets is one quote."""
    return _NOT_WORD.sub(" ", fold(text)).strip()


@dataclass(slots=True)
class _Heard:
    """A quote while the voices are being counted."""

    voice: Voice
    score: int
    order: int
    sources: set[int]


def _voices(briefs: Sequence[Brief]) -> tuple[Voice, ...]:
    heard: dict[str, _Heard] = {}
    for number, brief in enumerate(briefs):
        for quote in brief.quotes:
            if quote.kind != "direct" or not quote.speaker:
                continue
            score, voice = _score(brief, quote), Voice(quote.text, quote.speaker, 0)
            entry = heard.setdefault(
                quote_key(quote.text), _Heard(voice, score, len(heard), set())
            )
            entry.sources.add(number)
            if score > entry.score:
                entry.voice, entry.score = voice, score
    ranked = sorted(heard.values(), key=lambda h: (-len(h.sources), -h.score, h.order))
    return tuple(Voice(h.voice.text, h.voice.speaker, len(h.sources)) for h in ranked[:MAX_VOICES])


def build_digest(topic: str, briefs: Sequence[tuple[int, Brief]], skipped: int = 0) -> Digest:
    """Build a topic's digest from (brief id, brief) pairs, newest first."""
    items = tuple(_item(brief_id, brief) for brief_id, brief in briefs)
    return Digest(topic, items, _voices([brief for _id, brief in briefs]), skipped)
