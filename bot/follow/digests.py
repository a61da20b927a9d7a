"""Delivering digests: open each one with its delivery log, send it part by part, commit.

A digest is opened in one transaction (its articles logged "sending", the topic's next due
time moved past now, so slots missed during downtime give one digest, not one each). Each
part sent is recorded; the last one is followed by the transaction that marks the digest
and its deliveries sent. Open digests are resumed from their next part at start and on every
run, so a crash neither loses an article nor sends one twice, except for the one part whose
answer came back just before the crash (docs/delivery.md). This layer knows nothing of
Telegram: a sender (`bot.follow.delivery.PacedSender`) and a renderer (`handlers.digest_view`)
are passed in.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from bot.briefing.model import Brief
from bot.follow.digest import Digest, DigestArticle, DigestPart, build_digest
from bot.follow.subscriptions import SubscriptionService, stored_time
from bot.types import Clock
from storage import (
    Database,
    DigestRecord,
    IndexedArticle,
    Subscription,
    fail_digest,
    finish_digest,
    get_brief,
    get_digest,
    get_earliest_due,
    get_subscription,
    list_digest_articles,
    list_due_subscriptions,
    list_instant_subscriptions,
    list_open_digests,
    list_pending_articles,
    list_subscriptions,
    mark_chat_inactive,
    move_chat,
    open_digest,
    set_next_due,
    set_parts_sent,
)

__all__ = [
    "DigestRunner",
    "DigestSender",
    "DigestSettings",
    "Renderer",
    "SendResult",
    "SendStatus",
]

logger = logging.getLogger(__name__)

Renderer = Callable[[Digest], list[DigestPart]]
GoneHook = Callable[[int], Awaitable[None]]
CACHE_SIZE = 4096
OPEN_BATCH = 100  # digests opened between two turns of the event loop
K = TypeVar("K")
V = TypeVar("V")


class SendStatus(StrEnum):
    """How sending one message ended."""

    SENT = "sent"
    GONE = "gone"  # blocked by the user, removed from the group, or the chat no longer exists
    RETRY_LATER = "retry_later"  # a network failure or a flood wait too long: try again later
    FAILED = "failed"  # Telegram refused this message; sending it again would not help


@dataclass(frozen=True, slots=True)
class SendResult:
    """The end of one send: its status, the chat it went to, and why it did not go."""

    status: SendStatus
    chat_id: int
    error: str | None = None
    migrated_from: int | None = None  # the chat's old id when it moved (ChatMigrated)


class _Cache(Generic[K, V]):
    """A bounded memo (cleared when full): briefs and rendered digests shared by subscribers."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size, self.items = size, dict[K, V]()

    def get(self, key: K) -> V | None:
        return self.items.get(key)

    def put(self, key: K, value: V) -> None:
        if len(self.items) >= self.size:
            self.items.clear()
        self.items[key] = value


class DigestSender(Protocol):
    """Sends one message of a digest and says how it went."""

    async def send(self, chat_id: int, part: DigestPart) -> SendResult:
        """Send a part to a chat."""


@dataclass(frozen=True, slots=True)
class DigestSettings:
    """How digests are built and sent."""

    max_items: int = 8  # stories shown in full; older pending ones are counted, not shown
    backlog: timedelta = timedelta(days=1)  # a new topic also gets articles this recent
    concurrency: int = 8  # digests sent at once; more only adds HTTP pool overhead
    retry_after: timedelta = timedelta(seconds=30)  # when an interrupted digest is tried again


class DigestRunner:
    """Open, send and commit digests for due, instant and on-demand topics."""

    def __init__(
        self,
        db: Database,
        subscriptions: SubscriptionService,
        sender: DigestSender,
        render: Renderer,
        settings: DigestSettings,
        clock: Clock,
    ) -> None:
        self.db, self.subscriptions, self.sender, self.render = db, subscriptions, sender, render
        self.settings, self.clock = settings, clock
        self._inflight: set[int] = set()
        self._fresh: dict[int, list[DigestPart]] = {}  # parts of digests opened in this run
        self._briefs: _Cache[int, Brief] = _Cache()
        self._parts: _Cache[tuple[str, tuple[int, ...], int], list[DigestPart]] = _Cache()
        self.on_gone: GoneHook | None = None  # told of a chat that refused a digest (channels)

    def next_wake_up(self) -> datetime | None:
        """Return when the runner should next run: the earliest due topic or a retry."""
        due = get_earliest_due(self.db)
        wake = datetime.fromisoformat(due) if due else None
        if any(d.id not in self._inflight for d in list_open_digests(self.db)):
            retry = self.clock() + self.settings.retry_after
            wake = min(wake, retry) if wake else retry
        return wake

    async def resume(self) -> int:
        """Send what is left of every open digest (at start: what a crash interrupted)."""
        return await self._run([], None)

    async def deliver_due(self) -> int:
        """Send a digest to every topic that is due; return how many went out."""
        subs = list_due_subscriptions(self.db, stored_time(self.clock()) or "")
        return await self._run(subs, lambda sub: self.subscriptions.advance(sub))

    async def deliver_instant(self) -> int:
        """Send a digest to every instant topic with something new."""
        return await self._run(list_instant_subscriptions(self.db), lambda sub: None)

    async def deliver_now(self, chat_id: int) -> int:
        """Send a chat its pending digests now (/digest); their schedules stay as they are."""
        subs = list_subscriptions(self.db, chat_id)
        return await self._run(subs, lambda sub: sub.next_due_at, resume=False)

    async def _run(
        self,
        subs: Sequence[Subscription],
        next_due: Callable[[Subscription], str | None] | None,
        resume: bool = True,
    ) -> int:
        """Resume open digests, then open and send new ones batch by batch, sends overlapping."""
        gate = asyncio.Semaphore(self.settings.concurrency)
        earlier = list_open_digests(self.db) if resume else []
        tasks = [asyncio.create_task(self._gated(gate, d)) for d in earlier]
        for start in range(0, len(subs), OPEN_BATCH):
            for sub in subs[start : start + OPEN_BATCH]:
                due = next_due(sub) if next_due is not None else sub.next_due_at
                slot = sub.next_due_at if due != sub.next_due_at else None  # a slot consumed
                digest = self._open(sub, slot_at=slot, next_due=due)
                if digest is not None:
                    tasks.append(asyncio.create_task(self._gated(gate, digest)))
            await asyncio.sleep(0)  # the first digests go out while the rest are opened
        return sum(await asyncio.gather(*tasks))

    async def _gated(self, gate: asyncio.Semaphore, digest: DigestRecord) -> bool:
        async with gate:
            return await self._send(digest)

    def _open(
        self, sub: Subscription, slot_at: str | None, next_due: str | None
    ) -> DigestRecord | None:
        created = datetime.fromisoformat(sub.created_at)
        since = stored_time(created - self.settings.backlog) or ""
        pending = list_pending_articles(self.db, sub, since, limit=200)
        if not pending:
            set_next_due(self.db, sub.id, next_due)
            return None
        stories = list(dict.fromkeys(article.story for article in pending))  # newest first
        kept = set(stories[: self.settings.max_items])
        shown = [article for article in pending if article.story in kept]
        skipped = [article for article in pending if article.story not in kept]
        digest = open_digest(self.db, sub, shown, skipped, slot_at, next_due)
        self._fresh[digest.id] = self._render(sub.query, shown, digest.skipped)
        return digest

    async def _send(self, digest: DigestRecord) -> bool:
        if digest.id in self._inflight:
            return False
        self._inflight.add(digest.id)
        try:
            current = get_digest(self.db, digest.id)  # another run may have sent it meanwhile
            if current is None or current.state != "sending":
                return False
            return await self._send_parts(current)
        finally:
            self._inflight.discard(digest.id)
            self._fresh.pop(digest.id, None)

    async def _send_parts(self, digest: DigestRecord) -> bool:
        parts, chat_id = self._rendered(digest), digest.chat_id
        for index in range(digest.parts_sent, len(parts)):
            result = await self.sender.send(chat_id, parts[index])
            if result.migrated_from is not None:
                move_chat(self.db, result.migrated_from, result.chat_id)
            chat_id = result.chat_id
            if result.status is not SendStatus.SENT:
                self._stop(digest, result)
                if result.status is SendStatus.GONE and self.on_gone is not None:
                    await self.on_gone(result.chat_id)
                return False
            if index + 1 < len(parts):  # the last one is recorded by finish_digest
                set_parts_sent(self.db, digest.id, index + 1)
        finish_digest(self.db, digest)
        return True

    def _stop(self, digest: DigestRecord, result: SendResult) -> None:
        error = result.error or str(result.status)
        if result.status is SendStatus.GONE:
            logger.info("chat %s is gone (%s); its digests stop", result.chat_id, error)
            mark_chat_inactive(self.db, result.chat_id, "forbidden")
            fail_digest(self.db, digest, error, release=True)
        elif result.status is SendStatus.FAILED:
            logger.error("digest %s refused by Telegram: %s", digest.id, error)
            fail_digest(self.db, digest, error, release=False)
        else:
            logger.warning("digest %s interrupted (%s); it will be resumed", digest.id, error)

    def _rendered(self, digest: DigestRecord) -> list[DigestPart]:
        fresh = self._fresh.get(digest.id)
        if fresh is not None:
            return fresh
        sub = get_subscription(self.db, digest.subscription_id)
        articles = list_digest_articles(self.db, digest.id)
        if sub is None or not articles:
            return []
        return self._render(sub.query, articles, digest.skipped)

    def _render(
        self, topic: str, articles: Sequence[IndexedArticle], skipped: int
    ) -> list[DigestPart]:
        key = (topic, tuple(a.brief_id for a in articles), skipped)
        parts = self._parts.get(key)
        if parts is None:
            briefs = [
                DigestArticle(
                    a.brief_id, self._brief(a.brief_id), a.story, a.indexed_at, a.published
                )
                for a in articles
            ]
            parts = self.render(build_digest(topic, briefs, skipped))
            self._parts.put(key, parts)
        return parts

    def _brief(self, brief_id: int) -> Brief:
        brief = self._briefs.get(brief_id)
        if brief is None:
            stored = get_brief(self.db, brief_id)
            if stored is None:
                raise LookupError(f"brief {brief_id} of a digest is gone")
            brief = stored.brief
            self._briefs.put(brief_id, brief)
        return brief
