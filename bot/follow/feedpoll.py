"""Feeds: add and remove them, poll them, and brief each new article once for everybody.

Polling goes through the safe fetcher with a conditional GET; a feed that fails is polled
again after a growing back-off and deactivated after `MAX_FAILURES` failures in a row.
New entries are queued in storage; `ingest()` fetches, extracts and briefs each in the
worker pool and adds it to the FTS index. An entry whose normalized URL, or whose article
text, is already indexed (the same story in another feed) is linked to that article
instead: every article is fetched and briefed once and shared by all subscribers. Each
new article gets its story before it is indexed (`bot.follow.stories`): a syndicated copy
at another address joins the story of the article it copies.
This layer knows nothing of Telegram.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from bot.errors import BriefingError, FetchError, InvalidFeed, InvalidUrl
from bot.follow.feeds import ParsedFeed, parse_feed
from bot.follow.stories import BACKFILL_BATCH, assign_story, fingerprint_older
from bot.follow.subscriptions import stored_time
from bot.links.fetch import FetchedFeed, Validators
from bot.links.netpolicy import normalize_url
from bot.links.web import Page
from bot.service import Briefer, content_hash
from bot.types import Clock
from storage import (
    Database,
    FeedRecord,
    NewItem,
    PendingItem,
    StoredBrief,
    add_chat_feed,
    find_indexed_article,
    get_cached_brief,
    index_article,
    link_item,
    list_chat_feeds,
    list_due_feeds,
    list_pending_items,
    record_poll,
    record_poll_failure,
    remove_chat_feed,
    save_brief,
    save_feed,
    save_feed_items,
    set_default_feeds,
    set_item_failed,
)

__all__ = ["AddedFeed", "FeedService", "FeedSettings", "FeedSource"]

logger = logging.getLogger(__name__)

MAX_FEEDS_PER_CHAT = 20


class FeedSource(Protocol):
    """The network side: normalized URLs, article pages and feeds, all through the fetcher."""

    def key(self, url: str) -> str:
        """Return the normalized URL."""

    async def fetch(self, url: str) -> Page:
        """Fetch an article page."""

    async def fetch_feed(self, url: str, validators: Validators) -> FetchedFeed:
        """Fetch a feed with a conditional GET."""


@dataclass(frozen=True, slots=True)
class FeedSettings:
    """How often feeds are polled and how failures and new feeds are handled."""

    poll_interval: timedelta = timedelta(minutes=15)
    max_backoff: timedelta = timedelta(hours=24)
    max_failures: int = 8
    max_attempts: int = 3  # tries at one entry before it is left out
    first_read_items: int = 20  # entries briefed from a feed read for the first time
    concurrency: int = 2  # entries fetched and briefed at once
    polls_at_once: int = 8  # feeds fetched at once
    max_chars: int = 100_000


@dataclass(frozen=True, slots=True)
class AddedFeed:
    """A feed a chat added: the feed, how many entries it holds, whether it is new to the chat."""

    feed: FeedRecord
    items: int
    added: bool


class FeedService:
    """Chats' feeds and the operator's, their polling, and briefing what they bring."""

    def __init__(
        self,
        db: Database,
        source: FeedSource,
        briefer: Briefer,
        settings: FeedSettings,
        clock: Clock,
    ) -> None:
        self.db, self.source, self.briefer = db, source, briefer
        self.settings, self.clock = settings, clock
        self._claims: dict[str, asyncio.Future[int]] = {}
        self._ingesting = asyncio.Lock()
        self._older_fingerprinted = False  # set once no article from before stories is left

    def set_defaults(self, urls: list[str]) -> list[FeedRecord]:
        """Make these the operator's default feeds (unreadable URLs are logged and left out)."""
        pairs = []
        for url in urls:
            try:
                pairs.append((url, normalize_url(url)))
            except InvalidUrl:
                logger.warning("default feed %r is not a URL; left out", url)
        return set_default_feeds(self.db, pairs)

    async def add(self, chat_id: int, url: str) -> AddedFeed:
        """Read a feed at once and add it to the chat's feeds (FetchError, InvalidFeed)."""
        if len(list_chat_feeds(self.db, chat_id)) >= MAX_FEEDS_PER_CHAT:
            raise InvalidFeed(
                f"This chat has {MAX_FEEDS_PER_CHAT} feeds already. Remove one with "
                "/removefeed first.",
                detail="feed limit",
            )
        fetched = await self.source.fetch_feed(url, Validators())
        parsed = parse_feed(fetched.body, fetched.final_url)
        feed = save_feed(self.db, url, self.source.key(url), parsed.title)
        new = self._store_items(feed, parsed)
        self._record_success(feed, fetched, parsed.title)
        added = add_chat_feed(self.db, chat_id, feed.id)
        logger.info(
            "chat %s added feed %s (%d entries, %d new)", chat_id, url, len(parsed.items), new
        )
        return AddedFeed(feed, len(parsed.items), added)

    def feeds(self, chat_id: int) -> list[FeedRecord]:
        """Return a chat's own feeds."""
        return list_chat_feeds(self.db, chat_id)

    def remove(self, chat_id: int, text: str) -> FeedRecord | None:
        """Remove a chat's feed, named by its number in /feeds or its address."""
        feeds = self.feeds(chat_id)
        found: FeedRecord | None = None
        if text.strip().isdigit():
            index = int(text.strip()) - 1
            found = feeds[index] if 0 <= index < len(feeds) else None
        else:
            key = self._key_or_none(text)
            found = next((f for f in feeds if self._key_or_none(f.url) == key), None)
        if found is not None:
            remove_chat_feed(self.db, chat_id, found.id)
        return found

    def _key_or_none(self, url: str) -> str | None:
        try:
            return self.source.key(url.strip())
        except InvalidUrl:
            return None

    async def poll_due(self) -> int:
        """Poll every feed that is due; return how many new entries they brought."""
        feeds = list_due_feeds(self.db, stored_time(self.clock()) or "")
        gate = asyncio.Semaphore(self.settings.polls_at_once)

        async def one(feed: FeedRecord) -> int:
            async with gate:
                return await self._poll(feed)

        return sum(await asyncio.gather(*(one(feed) for feed in feeds)))

    async def _poll(self, feed: FeedRecord) -> int:
        try:
            fetched = await self.source.fetch_feed(
                feed.url, Validators(feed.etag, feed.last_modified)
            )
            new, title = 0, None
            if not fetched.not_modified:
                parsed = parse_feed(fetched.body, fetched.final_url)
                new, title = self._store_items(feed, parsed), parsed.title
        except (FetchError, InvalidFeed) as exc:
            self._record_failure(feed, exc)
            return 0
        self._record_success(feed, fetched, title)
        return new

    def _store_items(self, feed: FeedRecord, parsed: ParsedFeed) -> int:
        items = []
        for entry in parsed.items:
            try:
                items.append(
                    NewItem(
                        entry.guid,
                        entry.url,
                        normalize_url(entry.url),
                        entry.title,
                        entry.published,
                    )
                )
            except InvalidUrl:
                logger.info("feed %s: entry link %r is not usable", feed.url, entry.url)
        first = self.settings.first_read_items if feed.next_poll_at is None else None
        return save_feed_items(self.db, feed.id, items, brief_first=first)

    def _record_success(self, feed: FeedRecord, fetched: FetchedFeed, title: str | None) -> None:
        due = stored_time(self.clock() + self.settings.poll_interval) or ""
        validators = fetched.validators
        record_poll(self.db, feed.id, validators.etag, validators.last_modified, title, due)

    def _record_failure(self, feed: FeedRecord, exc: BriefingError) -> None:
        failures = feed.failures + 1
        backoff = min(self.settings.poll_interval * 2**failures, self.settings.max_backoff)
        give_up = failures >= self.settings.max_failures
        due = stored_time(self.clock() + backoff) or ""
        logger.warning("feed %s failed (%d in a row%s): %r", feed.url, failures,
                       ", deactivated" if give_up else "", exc)  # fmt: skip
        record_poll_failure(self.db, feed.id, str(exc), due, deactivate=give_up)

    async def ingest(self) -> int:
        """Brief every queued entry; return how many new articles joined the index."""
        async with self._ingesting:
            if not self._older_fingerprinted:  # a scan of the index: only until none is left
                self._older_fingerprinted = await fingerprint_older(self.db) < BACKFILL_BATCH
            items = list_pending_items(self.db, limit=500, max_attempts=self.settings.max_attempts)
            gate = asyncio.Semaphore(self.settings.concurrency)

            async def one(item: PendingItem) -> bool:
                async with gate:
                    return await self._ingest(item)

            return sum(await asyncio.gather(*(one(item) for item in items)))

    async def _ingest(self, item: PendingItem) -> bool:
        try:
            existing = find_indexed_article(self.db, url_key=item.url_key)
            if existing is not None:
                link_item(self.db, item.id, existing)
                return False
            return await self._brief_item(item)
        except Exception as exc:  # a job boundary: one bad entry must not stop the others
            give_up = item.attempts + 1 >= self.settings.max_attempts
            if isinstance(exc, BriefingError):
                logger.info("feed entry %s not briefed: %r", item.url, exc)
            else:
                logger.exception("briefing feed entry %s failed", item.url)
            set_item_failed(self.db, item.id, repr(exc), give_up)
            return False

    async def _brief_item(self, item: PendingItem) -> bool:
        cached = get_cached_brief(self.db, item.url_key)  # a user briefed this public link
        if cached is not None:
            return self._index(item, cached)
        page = await self.source.fetch(item.url)
        text, meta = await self.briefer.extract(page.text, page.final_url, page.is_html)
        key = content_hash(text)
        claim = self._claims.get(key)
        if claim is not None:  # the same text from another feed, briefed right now
            link_item(self.db, item.id, await asyncio.shield(claim))
            return False
        existing = find_indexed_article(self.db, content_hash=key)
        if existing is not None:
            link_item(self.db, item.id, existing)
            return False
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._claims[key] = future
        try:
            brief = await self.briefer.brief_text(text, meta, self.settings.max_chars)
            stored = save_brief(self.db, brief, url_key=item.url_key, content_hash=key)
            fresh = self._index(item, stored)
            future.set_result(stored.article_id)
        except BaseException as exc:
            future.set_exception(exc)
            future.exception()  # retrieved here, so an unshared future never warns
            raise
        finally:
            del self._claims[key]
        return fresh

    def _index(self, item: PendingItem, stored: StoredBrief) -> bool:
        brief = stored.brief
        names = [name for actor in brief.actors for name in (actor.name, *actor.aliases)]
        title = brief.article.title or item.title
        assign_story(self.db, stored.article_id, brief.article.text)  # before it can match
        fresh = index_article(self.db, stored.article_id, title, brief.article.text, names)
        link_item(self.db, item.id, stored.article_id)
        return fresh
