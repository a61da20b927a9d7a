"""A digest: the brief of a topic across its new stories. Pure: briefs in, plain values out.

One entry per story, however many outlets carry it: the copies of a story (its articles,
found by `bot.follow.stories`) and the reports of the same event by other outlets (other
words, the same quote from the same speaker, within `EVENT_WINDOW`) are one entry, with the
headline of the first source, the line and quote of the most complete text, and "also in"
the others. An entry shows its title, one line (the brief's first summary sentence) and its
strongest quote with the speaker. Then "voices": the most telling quotes across the
articles, where the same words carried by several outlets count once, with the number of
sources. Every quote is the engine's verbatim span; nothing is rewritten.
`handlers.digest_view` renders it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from bot.briefing.model import Brief, Quote
from bot.follow.topics import fold

__all__ = [
    "EVENT_WINDOW",
    "MAX_VOICES",
    "Digest",
    "DigestArticle",
    "DigestItem",
    "DigestPart",
    "Source",
    "Voice",
    "build_digest",
    "group_stories",
    "quote_key",
    "strongest_quote",
]

MAX_VOICES = 5
MAX_LINE_CHARS = 280
MIN_GOOD_QUOTE, MAX_GOOD_QUOTE = 40, 280
_LATEST = datetime.max.replace(tzinfo=UTC)
MIN_SHARED_QUOTE = 30  # characters of a quote two reports share to be the same event
EVENT_WINDOW = timedelta(hours=48)
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class DigestArticle:
    """An article a digest carries: its brief, its story and when it was indexed."""

    brief_id: int
    brief: Brief
    story: int = 0  # 0: a story of its own
    seen_at: str = ""  # when it was indexed (ISO 8601)
    published: str | None = None  # when its feed says it was published (ISO 8601)

    def moment(self) -> datetime:
        """Return when the article came out: its publication date, else when it was indexed."""
        for value in (self.published, self.seen_at):
            try:
                return _aware(datetime.fromisoformat(value or ""))
            except ValueError:  # none given, or not a date
                continue
        return _LATEST


@dataclass(frozen=True, slots=True)
class Source:
    """Another outlet that carries an entry's story: its name and link."""

    name: str
    url: str | None


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One story of a digest: its first source's headline, its best brief's line and quote."""

    brief_id: int
    title: str
    url: str | None
    site: str | None
    line: str | None
    quote: str | None
    speaker: str | None
    also: tuple[Source, ...] = ()
    sources: int = 1


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


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _outlet(brief: Brief) -> str:
    article = brief.article
    return article.site or urlsplit(article.url or "").hostname or article.title or "an outlet"


def _item(group: Sequence[DigestArticle]) -> DigestItem:
    """Make one entry of a story's articles: the first source's headline, the best brief."""
    first = min(group, key=lambda a: (a.moment(), a.seen_at, a.brief_id))
    best = max(group, key=lambda a: (a.brief.article.complete, a.brief.article.word_count,
                                      a is first, -a.brief_id))  # fmt: skip
    brief, quote = best.brief, strongest_quote(best.brief)
    article = first.brief.article
    seen = {article.url} if article.url else set()
    also = []
    for other in group:
        url = other.brief.article.url
        if other is not first and (url is None or url not in seen):
            also.append(Source(_outlet(other.brief), url))
            seen |= {url} if url else set()
    return DigestItem(
        brief_id=best.brief_id,
        title=article.title or _outlet(first.brief),
        url=article.url,
        site=article.site,
        line=_line(brief),
        quote=quote.text if quote else None,
        speaker=quote.speaker if quote else None,
        also=tuple(also),
        sources=1 + len(also),
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


def _said(brief: Brief) -> set[tuple[str, str]]:
    """Return the brief's direct quotes long enough to mark an event, with their speakers."""
    return {
        (fold(quote.speaker), quote_key(quote.text))
        for quote in brief.quotes
        if quote.kind == "direct" and quote.speaker and len(quote.text) >= MIN_SHARED_QUOTE
    }


def _close(a: str, b: str) -> bool:
    if not a or not b:
        return True
    return abs(datetime.fromisoformat(a) - datetime.fromisoformat(b)) <= EVENT_WINDOW


def _same_event(a: Sequence[DigestArticle], b: Sequence[DigestArticle]) -> bool:
    """Whether two stories report one event: a quote in common, said within the window."""
    return any(
        _said(x.brief) & _said(y.brief) and _close(x.seen_at, y.seen_at) for x in a for y in b
    )


def group_stories(articles: Sequence[DigestArticle]) -> list[list[DigestArticle]]:
    """Group articles into entries: a story's copies, then the same event's reports."""
    stories: dict[int, list[DigestArticle]] = {}
    for article in articles:
        stories.setdefault(article.story or -article.brief_id, []).append(article)
    entries: list[list[DigestArticle]] = []
    for story in stories.values():
        match = next((entry for entry in entries if _same_event(entry, story)), None)
        if match is None:
            entries.append(list(story))
        else:
            match.extend(story)
    return entries


def build_digest(topic: str, articles: Sequence[DigestArticle], skipped: int = 0) -> Digest:
    """Build a topic's digest from its articles, newest first: one entry per story."""
    items = tuple(_item(entry) for entry in group_stories(articles))
    return Digest(topic, items, _voices([a.brief for a in articles]), skipped)
