"""The briefing service: from a link or a pasted text to a stored brief.

A link: normalize it, answer from the cache, else fetch it (on the event loop), extract and
brief it in the worker pool, store the brief. A pasted text: the same, cached by content
hash. Every request is recorded with its outcome; fresh work counts against the per-user rate
limit (kept in SQLite, so a restart does not reset it), cached answers do not. Progress is
reported through a callback, stage by stage.
This layer knows nothing of Telegram: handlers call it and turn results into replies.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Protocol

from bot.briefing.model import ArticleMeta, Brief
from bot.config import Config
from bot.errors import BriefingError, RateLimited, TooLong
from bot.links.web import LinkSource
from storage import (
    Database,
    RequestEntry,
    StoredBrief,
    get_brief,
    get_brief_parts,
    get_cached_brief,
    get_pasted_brief,
    get_start_link,
    mark_chat_active,
    mark_chat_inactive,
    record_request,
    save_brief,
    save_brief_parts,
    save_chat,
    save_start_link,
    save_user,
    take_rate_slot,
)

__all__ = [
    "BriefResult",
    "BriefService",
    "Briefer",
    "Requester",
    "ServiceSettings",
    "Stage",
    "content_hash",
]

logger = logging.getLogger(__name__)

RATE_PERIOD = 60.0  # seconds: briefs_per_minute counts fresh briefs in any such window


class Stage(StrEnum):
    """The stages a fresh brief goes through, reported as each begins."""

    FETCHING = "fetching"
    EXTRACTING = "extracting"
    FINDING_QUOTES = "finding_quotes"


Progress = Callable[[Stage], Awaitable[None]]


class Briefer(Protocol):
    """The CPU side (the worker pool): extraction and briefing."""

    async def extract(
        self, page: str, url: str | None, is_html: bool, owner: Hashable | None = None
    ) -> tuple[str, ArticleMeta]:
        """Extract an article's text and metadata from a page, in `owner`'s turn."""

    async def brief_text(
        self, text: str, meta: ArticleMeta | None, max_chars: int, owner: Hashable | None = None
    ) -> Brief:
        """Brief an article's text, in `owner`'s turn (one job at a time per owner)."""


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    """The service's limits."""

    max_chars: int = 100_000
    briefs_per_minute: int = 10
    cache_max_age: timedelta | None = timedelta(hours=24)
    admins: frozenset[int] = frozenset()

    @classmethod
    def from_config(cls, config: Config) -> ServiceSettings:
        """Take the service's settings from the bot's configuration."""
        return cls(
            max_chars=config.max_text_chars,
            briefs_per_minute=config.briefs_per_minute,
            cache_max_age=timedelta(hours=config.cache_hours) if config.cache_hours else None,
            admins=config.admins,
        )


@dataclass(frozen=True, slots=True)
class Requester:
    """Who asks for a brief, and where the answer goes."""

    user_id: int | None
    chat_id: int | None
    chat_type: str = "private"
    chat_title: str | None = None
    first_name: str | None = None
    username: str | None = None
    language_code: str | None = None


@dataclass(frozen=True, slots=True)
class BriefResult:
    """A brief ready to send: the stored brief (its id goes in buttons) and whether cached."""

    stored: StoredBrief
    cached: bool

    @property
    def brief(self) -> Brief:
        """Return the brief itself."""
        return self.stored.brief


def content_hash(text: str) -> str:
    """Return the cache key of an article text: a hash of its words, line by line.

    Spaces and runs of blank lines are ignored, but not where lines break: the first line
    of a paste may be its headline and paragraphs decide the lede, so the same words
    pasted as one long line are another text with another brief.
    """
    lines: list[str] = []
    for line in text.splitlines():
        words = " ".join(line.split())
        if words:
            lines.append(words)
        elif lines and lines[-1]:
            lines.append("")
    return hashlib.sha256("\n".join(lines).strip().encode("utf-8")).hexdigest()


def _owner(who: Requester) -> Hashable | None:
    """Whose turn a job takes in the worker pool: the user's (else the chat's)."""
    if who.user_id is not None:
        return ("user", who.user_id)
    return None if who.chat_id is None else ("chat", who.chat_id)


async def _no_progress(stage: Stage) -> None:
    del stage


class BriefService:
    """Brief links and texts for users; owns the cache, the rate limit and request records."""

    def __init__(
        self,
        db: Database,
        briefer: Briefer,
        links: LinkSource,
        settings: ServiceSettings,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db, self.briefer, self.links, self.settings = db, briefer, links, settings
        self._clock = clock  # wall-clock seconds: the rate limit is stored and outlives restarts
        self._inflight: dict[str, asyncio.Future[StoredBrief]] = {}

    async def brief_link(
        self, url: str, who: Requester, progress: Progress = _no_progress
    ) -> BriefResult:
        """Brief the article at a link, from the cache when it is there."""
        return await self._recorded(who, "link", url, self._brief_link(url, who, progress))

    async def brief_pasted(
        self, text: str, who: Requester, progress: Progress = _no_progress
    ) -> BriefResult:
        """Brief a pasted article text, from the cache when the same text was briefed."""
        if len(text) > self.settings.max_chars:
            error = TooLong(
                f"That text has {len(text):,} characters; I brief up to "
                f"{self.settings.max_chars:,}. Send one article at a time."
            )
            self._record(who, "text", None, type(error).__name__, None, time.monotonic())
            raise error
        key = content_hash(text)
        return await self._recorded(who, "text", key, self._brief_pasted(text, key, who, progress))

    def has_cached(self, url: str) -> bool:
        """Tell whether a link's brief is in the cache (nothing fetched, nothing counted)."""
        try:
            key = self.links.key(url)
        except BriefingError:
            return False
        return self._cached(key) is not None

    def _cached(self, key: str) -> StoredBrief | None:
        return get_cached_brief(self.db, key, self.settings.cache_max_age)

    def get_brief(self, brief_id: int) -> StoredBrief | None:
        """Return a stored brief by id (for a button press), or None."""
        return get_brief(self.db, brief_id)

    def save_parts(self, chat_id: int, part_ids: list[int], replaces: list[int]) -> None:
        """Remember the messages a brief was sent as (the last carries its buttons)."""
        save_brief_parts(self.db, chat_id, part_ids, replaces)

    def get_parts(self, chat_id: int, message_id: int) -> list[int]:
        """Return the messages of the brief whose buttons are on this message, in order."""
        return get_brief_parts(self.db, chat_id, message_id)

    def start_token(self, url: str) -> str:
        """Return a deep-link token that stands for this link in the bot's chat."""
        return save_start_link(self.db, url)

    def start_link(self, token: str) -> str | None:
        """Return the link a deep-link token stands for, or None."""
        return get_start_link(self.db, token)

    def mark_chat_inactive(self, chat_id: int, reason: str) -> None:
        """Remember that the bot can no longer write to a chat."""
        mark_chat_inactive(self.db, chat_id, reason)

    def mark_chat_active(self, chat_id: int) -> None:
        """Remember that the bot can write to a chat again."""
        mark_chat_active(self.db, chat_id)

    async def _recorded(
        self, who: Requester, kind: str, source: str | None, work: Awaitable[BriefResult]
    ) -> BriefResult:
        started = time.monotonic()
        try:
            result = await work
        except BriefingError as exc:
            logger.info("%s brief for user %s failed: %r", kind, who.user_id, exc)
            self._record(who, kind, source, type(exc).__name__, None, started)
            raise
        outcome = "cached" if result.cached else "ok"
        self._record(who, kind, source, outcome, result.stored.id, started)
        return result

    def _record(
        self,
        who: Requester,
        kind: str,
        source: str | None,
        outcome: str,
        brief_id: int | None,
        started: float,
    ) -> None:
        if who.chat_id is not None:
            save_chat(self.db, who.chat_id, who.chat_type, who.chat_title)
        if who.user_id is not None:
            save_user(self.db, who.user_id, who.first_name, who.username, who.language_code)
        duration = round((time.monotonic() - started) * 1000)
        entry = RequestEntry(who.user_id, who.chat_id, kind, outcome, source, brief_id, duration)
        record_request(self.db, entry)

    def _check_rate(self, who: Requester) -> None:
        if who.user_id is None or who.user_id in self.settings.admins:
            return
        limit = self.settings.briefs_per_minute
        wait = take_rate_slot(self.db, who.user_id, limit, RATE_PERIOD, self._clock())
        if wait > 0:
            raise RateLimited(wait, detail=f"user {who.user_id}")

    async def _brief_link(self, url: str, who: Requester, progress: Progress) -> BriefResult:
        key = self.links.key(url)
        hit = self._cached(key)
        if hit is not None:
            return BriefResult(hit, cached=True)
        self._check_rate(who)
        running = self._inflight.get(key)
        if running is not None:  # someone else is briefing this link: share their result
            await progress(Stage.FETCHING)
            return BriefResult(await asyncio.shield(running), cached=False)
        future = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        try:
            stored = await self._fresh_link(url, key, who, progress)
        except asyncio.CancelledError:
            future.cancel()
            raise
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved here, so a future nobody shared never warns
            raise
        finally:
            del self._inflight[key]
        future.set_result(stored)
        return BriefResult(stored, cached=False)

    async def _fresh_link(
        self, url: str, key: str, who: Requester, progress: Progress
    ) -> StoredBrief:
        await progress(Stage.FETCHING)
        page = await self.links.fetch(url)
        await progress(Stage.EXTRACTING)
        owner = _owner(who)
        text, meta = await self.briefer.extract(page.text, page.final_url, page.is_html, owner)
        await progress(Stage.FINDING_QUOTES)
        brief = await self.briefer.brief_text(text, meta, self.settings.max_chars, owner)
        return save_brief(self.db, brief, url_key=key, content_hash=content_hash(text))

    async def _brief_pasted(
        self, text: str, key: str, who: Requester, progress: Progress
    ) -> BriefResult:
        hit = get_pasted_brief(self.db, key)
        if hit is not None:
            return BriefResult(hit, cached=True)
        self._check_rate(who)
        await progress(Stage.FINDING_QUOTES)
        brief = await self.briefer.brief_text(text, None, self.settings.max_chars, _owner(who))
        return BriefResult(save_brief(self.db, brief, url_key=None, content_hash=key), False)
