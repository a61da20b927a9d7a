"""Retention prunes what is older than its period and never lets a digest repeat (issue 11)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from bot.follow.digests import DigestRunner, DigestSettings, SendResult, SendStatus
from bot.follow.retention import Retention
from bot.follow.subscriptions import SubscriptionService
from handlers.digest_view import render_digest
from storage import (
    Database,
    NewItem,
    StoredBrief,
    add_chat_feed,
    get_brief,
    get_start_link,
    index_article,
    link_item,
    list_pending_items,
    list_speaker_quotes,
    open_db,
    save_brief,
    save_feed,
    save_feed_items,
    save_start_link,
    take_rate_slot,
)
from tests.follow.test_digests import ScriptedSender
from tests.helpers.briefs import make_brief
from tests.helpers.clock import FakeClock
from tests.helpers.quotes import quoted_brief, save_quoted

CHAT = 42
LATER = timedelta(days=40)


@dataclass
class Desk:
    """A chat following "bridge" on one feed; stories are published as the poller would."""

    db: Database
    runner: DigestRunner
    sender: ScriptedSender
    feed_id: int
    published: dict[str, StoredBrief] = field(default_factory=dict)

    def publish(self, n: int) -> StoredBrief:
        """Brief story n and put it in the feed and the index (again, if it was there)."""
        url = f"https://news.example/{n}"
        stored = save_brief(self.db, make_brief(url, f"Bridge story {n}"), url_key=url,
                            content_hash=f"h{n}")  # fmt: skip
        index_article(self.db, stored.article_id, f"Bridge story {n}", "bridge", ["Ann Lee"])
        save_feed_items(self.db, self.feed_id, [NewItem(url, url, url, None, None)])
        for item in list_pending_items(self.db):
            link_item(self.db, item.id, stored.article_id)
        self.published[url] = stored
        return stored

    def rows(self, table: str) -> int:
        return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


@pytest.fixture
def desk() -> Desk:
    db, clock = open_db(":memory:"), FakeClock(datetime(2026, 4, 1, 6, 0, tzinfo=UTC))
    topics, sender = SubscriptionService(db, clock), ScriptedSender()
    runner = DigestRunner(db, topics, sender, render_digest, DigestSettings(), clock)
    feed = save_feed(db, "https://news.example/feed", "feed")
    add_chat_feed(db, CHAT, feed.id)
    topics.follow(CHAT, "private", None, "bridge")
    return Desk(db, runner, sender, feed.id)


def _still_listed(desk: Desk) -> None:
    """The feed listed its entries again at the (simulated) time of the prune."""
    later = (datetime.now(UTC) + LATER).isoformat(timespec="milliseconds")
    desk.db.execute("UPDATE feed_items SET listed_at = ?", [later])


def _prune(desk: Desk, after: timedelta = LATER) -> dict[str, int]:
    return Retention(desk.db, 30, lambda: datetime.now(UTC) + after).prune().counts


async def test_retention_prunes_index_deliveries_and_cache_after_the_period(desk: Desk) -> None:
    desk.publish(1)
    assert await desk.runner.deliver_now(CHAT) == 1
    save_feed_items(desk.db, desk.feed_id, [])  # the feed no longer lists the story
    desk.db.execute("UPDATE feed_items SET listed_at = '2026-01-01T00:00:00.000+00:00'")
    counts = _prune(desk)
    assert counts["index"] == 1
    assert counts["deliveries"] == 1
    assert counts["articles"] == 1
    assert [desk.rows(t) for t in ("article_index", "deliveries", "feed_items", "briefs")] == [
        0, 0, 0, 0,
    ]  # fmt: skip


async def test_retention_keeps_everything_inside_the_period(desk: Desk) -> None:
    stored = desk.publish(1)
    await desk.runner.deliver_now(CHAT)
    assert sum(_prune(desk, after=timedelta(days=29)).values()) == 0
    assert get_brief(desk.db, stored.id) is not None


async def test_retention_never_causes_a_repeat_delivery(desk: Desk) -> None:
    desk.publish(1)
    assert await desk.runner.deliver_now(CHAT) == 1
    _still_listed(desk)  # its entry and article stay, the article retired from the index
    _prune(desk)
    desk.publish(1)  # listed again, briefed again by a user and offered to the index again
    assert await desk.runner.deliver_now(CHAT) == 0
    assert len(desk.sender.sent) == 1


async def test_retention_leaves_new_stories_deliverable(desk: Desk) -> None:
    desk.publish(1)
    await desk.runner.deliver_now(CHAT)
    _prune(desk)
    desk.publish(2)
    assert await desk.runner.deliver_now(CHAT) == 1


async def test_retention_spares_a_digest_still_being_sent(desk: Desk) -> None:
    desk.publish(1)
    desk.db.execute("UPDATE feed_items SET listed_at = '2026-01-01T00:00:00.000+00:00'")
    desk.sender.answers = [SendResult(SendStatus.RETRY_LATER, CHAT)]
    await desk.runner.deliver_now(CHAT)
    open_digests = desk.db.execute("SELECT COUNT(*) FROM digests WHERE state = 'sending'")
    if open_digests.fetchone()[0] == 0:
        pytest.skip("this sender outcome closes the digest")
    counts = _prune(desk)
    assert (counts["index"], counts["deliveries"], counts["digests"]) == (0, 0, 0)


def test_retention_prunes_old_requests_and_rate_events(desk: Desk) -> None:
    take_rate_slot(desk.db, 7, 10, 60.0, datetime.now(UTC).timestamp())
    counts = _prune(desk)
    assert counts["rate_events"] == 1


def test_the_quote_bank_outlives_the_cache_then_goes_after_its_own_period(desk: Desk) -> None:
    save_quoted(desk.db, quoted_brief([("Lena Ortiz", "We are ready")]), "news.example/a")
    desk.db.execute("UPDATE quote_bank SET said_at = ?", [_days_ago(40)])
    counts = _prune(desk)
    assert (counts["briefs"], counts["quote_bank"]) == (1, 0)
    assert [q.text for q in list_speaker_quotes(desk.db, "lena ortiz")] == ["We are ready"]
    desk.db.execute("UPDATE quote_bank SET said_at = ?", [_days_ago(400)])
    assert _prune(desk)["quote_bank"] == 1
    assert list_speaker_quotes(desk.db, "lena ortiz") == []


def test_the_quote_bank_period_is_never_shorter_than_the_cache() -> None:
    db = open_db(":memory:")
    assert Retention(db, 30, lambda: datetime.now(UTC), quote_days=7).quote_days == 30


def test_retention_prunes_deep_links_nobody_used_in_the_period(desk: Desk) -> None:
    old, fresh = (
        save_start_link(desk.db, "https://a.example/"),
        save_start_link(desk.db, "https://b.example/"),
    )
    desk.db.execute("UPDATE start_links SET used_at = ? WHERE token = ?", [_days_ago(50), old])
    assert Retention(desk.db, 30, lambda: datetime.now(UTC)).prune().counts["start_links"] == 1
    assert (get_start_link(desk.db, old), get_start_link(desk.db, fresh)) == (
        None,
        "https://b.example/",
    )


def _days_ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="milliseconds")
