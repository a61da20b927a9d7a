"""A simulated year of a busy bot: does the database stay bounded with retention on?

Every simulated day: feeds bring new stories (each briefed, listed in its feed and indexed),
every chat gets a digest of what matched its topic, users brief fresh links and pasted texts
(each recorded, counted by the rate limit, a third of them long enough to go out in parts),
and retention prunes once. The same year runs twice, with retention at 30 days and with
retention off, into a SQLite file each; the file sizes are written to docs/performance.md.
Storage's clock is moved day by day (every `now_iso` the storage modules use).
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docblock import replace_section

import storage.briefs
import storage.db
import storage.deliveries
import storage.feeds
import storage.index
import storage.parts
import storage.requests
import storage.subscriptions
from bot.follow.digests import DigestRunner, DigestSettings, SendResult, SendStatus
from bot.follow.retention import Retention
from bot.follow.subscriptions import SubscriptionService
from handlers.digest_view import render_digest
from storage import (
    Database,
    NewItem,
    RequestEntry,
    add_chat_feed,
    index_article,
    link_item,
    list_pending_items,
    open_db,
    record_request,
    save_brief,
    save_brief_parts,
    save_feed,
    save_feed_items,
    take_rate_slot,
)
from tests.helpers.briefs import make_brief

ROOT = Path(__file__).resolve().parent.parent

STORAGE_MODULES: tuple[ModuleType, ...] = (
    storage.briefs, storage.deliveries, storage.feeds, storage.index, storage.parts,
    storage.requests, storage.subscriptions,
)  # fmt: skip
START = datetime(2026, 1, 1, 6, 0, tzinfo=UTC)
FEED_WINDOW = 60  # a feed lists its latest 60 entries
PARAGRAPH = (
    "The harbour board met again on Monday to weigh the cost of the bridge repairs, and the "
    "engineers said the work could take another year if the funding is delayed. "
)


class Clock:
    """The simulated time: storage's `now_iso` and the services read it."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def iso(self, moment: datetime | None = None) -> str:
        return (moment or self.now).astimezone(UTC).isoformat(timespec="milliseconds")


class Sender:
    """Every digest part is sent at once."""

    async def send(self, chat_id: int, part: object) -> SendResult:
        return SendResult(SendStatus.SENT, chat_id)


def _story(n: int, words: int) -> object:
    text = f"Bridge story {n}. " + PARAGRAPH * max(1, words // 30)
    brief = make_brief(f"https://news.example/{n}", f"Bridge story {n}")
    return replace(brief, article=replace(brief.article, text=text + brief.article.text))


class Year:
    """One simulated year against one database file."""

    def __init__(self, path: Path, retention_days: int | None, scale: dict[str, int]) -> None:
        self.clock, self.scale = Clock(), scale
        for module in STORAGE_MODULES:
            module.now_iso = self.clock.iso  # type: ignore[attr-defined]
        self.db: Database = open_db(path)
        self.path, self.stories = path, 0
        topics = SubscriptionService(self.db, self.clock)
        self.runner = DigestRunner(self.db, topics, Sender(), render_digest, DigestSettings(),
                                   self.clock)  # fmt: skip
        self.retention = Retention(self.db, retention_days, self.clock) if retention_days else None
        self.feeds = [save_feed(self.db, f"https://news.example/feed/{n}", f"feed {n}").id
                      for n in range(scale["feeds"])]  # fmt: skip
        for chat in range(1, scale["chats"] + 1):
            add_chat_feed(self.db, chat, self.feeds[chat % len(self.feeds)])
            topics.follow(chat, "private", None, "bridge" if chat % 2 else "harbour board")

    def day(self) -> None:
        for _ in range(self.scale["stories"]):
            self._publish()
        asyncio.run(self._digests())
        for n in range(self.scale["requests"]):
            self._request(n)
        if self.retention is not None:
            self.retention.prune()
        self.clock.now += timedelta(days=1)

    async def _digests(self) -> None:
        for chat in range(1, self.scale["chats"] + 1):
            await self.runner.deliver_now(chat)

    def _publish(self) -> None:
        self.stories += 1
        n, feed = self.stories, self.feeds[self.stories % len(self.feeds)]
        stored = save_brief(self.db, _story(n, 700), url_key=f"https://news.example/{n}",
                            content_hash=f"story-{n}")  # fmt: skip
        index_article(self.db, stored.article_id, f"Bridge story {n}", "bridge harbour board", [])
        first = max(1, n - FEED_WINDOW * len(self.feeds))
        listed = [NewItem(f"g{k}", f"https://news.example/{k}", f"https://news.example/{k}",
                          None, None) for k in range(first, n + 1) if k % len(self.feeds)
                  == n % len(self.feeds)]  # fmt: skip
        save_feed_items(self.db, feed, listed)
        for item in list_pending_items(self.db):
            link_item(self.db, item.id, stored.article_id)

    def _request(self, n: int) -> None:
        user = 10_000 + n % 500
        take_rate_slot(self.db, user, 10, 60.0, self.clock.now.timestamp() + n)
        key = f"{self.clock.iso()}-{n}"
        stored = save_brief(self.db, _story(n, 700), url_key=f"https://user.example/{key}",
                            content_hash=key)  # fmt: skip
        record_request(self.db, RequestEntry(user, user, "link", "ok", key, stored.id, 150))
        if n % 3 == 0:
            save_brief_parts(self.db, user, [n * 3 + 1, n * 3 + 2, n * 3 + 3])

    def size_mb(self) -> float:
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return self.path.stat().st_size / 1e6

    def rows(self, table: str) -> int:
        return int(self.db.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0])


def run(days: int, retention_days: int | None, scale: dict[str, int], marks: list[int]
        ) -> list[tuple[int, float, int, int]]:  # fmt: skip
    """Run a year; return (day, MB, articles, deliveries) at each mark."""
    shm = Path("/dev/shm")  # memory-backed when there is one: the bench measures size, not I/O
    with tempfile.TemporaryDirectory(dir=shm if shm.is_dir() else None) as tmp:
        year = Year(Path(tmp) / "bench.db", retention_days, scale)
        out = []
        for day in range(1, days + 1):
            year.day()
            if day in marks:
                out.append((day, year.size_mb(), year.rows("articles"), year.rows("deliveries")))
                print(f"retention={retention_days} day {day}: {out[-1][1]:.1f} MB", flush=True)
        year.db.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    scale = {"feeds": 4, "stories": 10, "chats": 10, "requests": 20}
    marks = sorted({d for d in (30, 60, 90, 180, 270, 365) if d <= args.days} | {args.days})
    started = time.monotonic()
    kept = run(args.days, 30, scale, marks)
    unbounded = run(args.days, None, scale, marks)
    took = time.monotonic() - started
    rows = [
        f"| {k[0]} | {k[1]:.1f} | {k[2]:,} | {k[3]:,} | {u[1]:.1f} | {u[2]:,} | {u[3]:,} |"
        for k, u in zip(kept, unbounded, strict=True)
    ]
    today = datetime.now(UTC).date().isoformat()
    text = "\n".join([
        "## Retention",
        "",
        f"A simulated year of a busy bot in one SQLite file: every day {scale['stories']} feed "
        f"stories of ~700 words (briefed, listed by {scale['feeds']} feeds, indexed), a digest "
        f"for each of {scale['chats']} chats, and {scale['requests']} fresh user briefs "
        "(recorded, rate-limited, a third sent in parts); retention at 30 days "
        "(`BRIEFBOT_RETENTION_DAYS`) against retention off. Measured by `python "
        f"bench/retention.py` on {platform.machine()} with Python {platform.python_version()}, "
        f"{today} ({took:.0f} s).",
        "",
        "| day | MB, 30 days | articles | deliveries | MB, kept forever | articles | deliveries |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        "With retention the file stops growing after the first month (SQLite reuses the pages "
        "that pruning frees); without it, it grows with every day.",
    ])  # fmt: skip
    print(text)
    if not args.no_write:
        replace_section(ROOT / "docs" / "performance.md", "Retention", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
