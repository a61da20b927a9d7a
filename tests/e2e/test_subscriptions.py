"""Topic subscriptions end to end: the real bot, the local Bot API server and a feed site.

Everything goes over HTTP on loopback. Time-driven tests use a FakeClock that the test sets
just before a slot; the JobQueue then fires in real time, a second later.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.localapi import ApiCall, ControlClient
from handlers.context import BotApp
from storage import get_chat
from tests.e2e.conftest import BotStarter
from tests.helpers.clock import FakeClock
from tests.helpers.feeds import FeedSite, harbor_story, school_story
from tests.helpers.stories import syndicate

pytestmark = pytest.mark.e2e

BERLIN = ZoneInfo("Europe/Berlin")
DIGEST_MARK = "📬"


def _is_digest(call: ApiCall) -> bool:
    return call.method == "sendMessage" and call.ok and DIGEST_MARK in str(call.result["text"])


async def _say(
    control: ControlClient,
    user: int,
    command: str,
    args: str = "",
    timeout: float = 20,  # noqa: ASYNC109
) -> ApiCall:
    since = await control.cursor()
    await control.inject_command(command, args, user_id=user)
    return await control.wait_for_call("sendMessage", chat_id=user, since=since, timeout=timeout)


async def _digests(
    control: ControlClient,
    chat: int,
    since: int,
    count: int,
    timeout: float = 30,  # noqa: ASYNC109
) -> list[ApiCall]:
    found: list[ApiCall] = []
    while len(found) < count:
        call = await control.wait_for_call(
            "sendMessage", chat_id=chat, since=since, timeout=timeout, match=_is_digest
        )
        found.append(call)
        since = call.seq
    return found


async def _all_digests(control: ControlClient, chat: int, since: int) -> list[ApiCall]:
    return [
        c for c in await control.calls("sendMessage", chat_id=chat, since=since) if _is_digest(c)
    ]


def _buttons(call: ApiCall) -> list[tuple[str, str]]:
    rows = call.result.get("reply_markup", {}).get("inline_keyboard", [])
    return [(b["text"], b["callback_data"]) for row in rows for b in row]


async def test_follow_then_feed_sends_matching_articles_only(
    control: ControlClient, start_bot: BotStarter, feed_site: FeedSite
) -> None:
    user = 740_001
    feed = feed_site.add_feed("mixed")
    feed_site.publish("mixed", "mixed-school", school_story(1))
    feed_site.publish("mixed", "mixed-harbor", harbor_story(101))
    async with start_bot():
        reply = await _say(control, user, "follow", "harbor bridge -budget")
        assert reply.result["text"].startswith("You now follow harbor bridge -budget")
        await _say(control, user, "settings", "instant")
        since = await control.cursor()
        added = await _say(control, user, "addfeed", feed)
        assert "it holds 2 entries" in added.result["text"]
        (digest,) = await _digests(control, user, since, 1)
        text = digest.result["text"]
        assert "harbor bridge -budget — 1 new article" in text
        assert "Harbor bridge 101 to reopen in May" in text
        assert "School board" not in text
        assert "Lena Ortiz" in text
        assert "Voices" in text
        (label, data), *_ = _buttons(digest)
        assert label.startswith("Open 1.")
        assert len(data.encode()) < 64
        opened_at = await control.cursor()
        await control.press_button(user, digest.result["message_id"], data)
        full = await control.wait_for_call("sendMessage", chat_id=user, since=opened_at)
        assert "every quote checked word for word" in full.result["text"]


async def test_digest_arrives_at_local_time_across_dst(
    control: ControlClient, start_bot: BotStarter, feed_site: FeedSite
) -> None:
    user, clock = 740_002, FakeClock(datetime(2026, 3, 28, 5, 0, tzinfo=UTC))
    feed = feed_site.add_feed("dst")
    feed_site.publish("dst", "dst-1", harbor_story(201))
    async with start_bot(clock=clock) as app:
        await _say(control, user, "settings", "tz europe/berlin")
        await _say(control, user, "follow", "harbor")  # the default: every day at 08:00
        await _say(control, user, "addfeed", feed)
        await _scheduler(app).ingest_and_deliver()
        first = await _digest_at(
            control, app, clock, user, datetime(2026, 3, 28, 8, tzinfo=BERLIN)
        )
        assert "Harbor bridge 201" in first.result["text"]
        (sub,) = app.bot_data.subscriptions.topics(user)  # type: ignore[union-attr]
        assert sub.next_due_at == "2026-03-29T06:00:00.000+00:00"  # 08:00 summer time
        feed_site.publish("dst", "dst-2", harbor_story(202))
        clock.set(datetime(2026, 3, 29, 7, tzinfo=BERLIN))  # the feed is due again
        assert await _scheduler(app).poll_now() == 1
        second = await _digest_at(
            control, app, clock, user, datetime(2026, 3, 29, 8, tzinfo=BERLIN)
        )
        assert "Harbor bridge 202" in second.result["text"]
        assert "Harbor bridge 201" not in second.result["text"]


async def _poll_later(app: BotApp, clock: FakeClock) -> int:
    """Move the clock past the poll interval and poll, as the repeating job would."""
    clock.set(clock() + timedelta(minutes=16))
    added: int = await _scheduler(app).poll_now()
    return added


def _scheduler(app: BotApp):  # type: ignore[no-untyped-def]
    assert app.bot_data.scheduler is not None
    return app.bot_data.scheduler


async def _digest_at(
    control: ControlClient, app: BotApp, clock: FakeClock, user: int, slot: datetime
) -> ApiCall:
    since = await control.cursor()
    clock.set(slot - timedelta(seconds=1))
    set_at = time.time()
    _scheduler(app).reschedule()  # the clock jumped: rebuild the timer from the database
    (digest,) = await _digests(control, user, since, 1, timeout=10)
    assert digest.time - set_at >= 0.9  # not before the slot
    assert await _all_digests(control, user, since) == [digest]
    return digest


async def test_missed_digests_after_downtime_come_once(
    control: ControlClient, start_bot: BotStarter, feed_site: FeedSite
) -> None:
    user, clock = 740_003, FakeClock(datetime(2026, 5, 1, 6, 0, tzinfo=UTC))
    feed = feed_site.add_feed("downtime")
    feed_site.publish("downtime", "down-1", harbor_story(251))
    async with start_bot(clock=clock) as app:
        await _say(control, user, "settings", "times 08:00 20:00")
        await _say(control, user, "follow", "harbor")
        await _say(control, user, "addfeed", feed)
        await _scheduler(app).ingest_and_deliver()
    clock.set(datetime(2026, 5, 4, 9, 15, tzinfo=UTC))  # down for six slots
    since = await control.cursor()
    async with start_bot(clock=clock) as app:
        (digest,) = await _digests(control, user, since, 1, timeout=15)
        await asyncio.sleep(0.5)
        assert await _all_digests(control, user, since) == [digest]
        (sub,) = app.bot_data.subscriptions.topics(user)  # type: ignore[union-attr]
        assert sub.next_due_at == "2026-05-04T20:00:00.000+00:00"  # UTC, the default zone


async def test_same_story_in_three_feeds_is_delivered_once(
    control: ControlClient, start_bot: BotStarter, feed_site: FeedSite
) -> None:
    user = 740_004
    feeds = [
        feed_site.add_feed(name, fmt)
        for name, fmt in (("twA", "rss"), ("twB", "atom"), ("twC", "json"))
    ]
    feed_site.publish("twA", "same-story", harbor_story(301))
    feed_site.republish("twB", "same-story")  # the same link in another feed
    feed_site.publish("twC", "same-story-copy", harbor_story(301))  # the same text elsewhere
    async with start_bot() as app:
        await _say(control, user, "settings", "instant")
        await _say(control, user, "follow", "harbor")
        since = await control.cursor()
        for feed in feeds:
            await _say(control, user, "addfeed", feed)
        await _scheduler(app).ingest_and_deliver()
        await _digests(control, user, since, 1)
        await asyncio.sleep(0.5)
        texts = [c.result["text"] for c in await _all_digests(control, user, since)]
    assert sum(text.count("Harbor bridge 301 to reopen") for text in texts) == 1
    assert feed_site.requests.count("/story/same-story") == 1


async def test_restart_between_two_polls_sends_only_the_new_story(
    control: ControlClient, start_bot: BotStarter, feed_site: FeedSite
) -> None:
    user, clock = 740_005, FakeClock(datetime(2026, 6, 1, 6, 0, tzinfo=UTC))
    feed = feed_site.add_feed("restart")
    feed_site.publish("restart", "restart-1", harbor_story(401))
    since = await control.cursor()
    async with start_bot(clock=clock) as app:
        await _say(control, user, "settings", "instant")
        await _say(control, user, "follow", "harbor")
        await _say(control, user, "addfeed", feed)
        await _scheduler(app).ingest_and_deliver()
        await _digests(control, user, since, 1)
    not_modified = feed_site.not_modified
    async with start_bot(clock=clock) as app:
        await _poll_later(app, clock)  # nothing new: a conditional GET answered 304
        assert feed_site.not_modified == not_modified + 1
        feed_site.publish("restart", "restart-2", harbor_story(402))
        await _poll_later(app, clock)
        await _digests(control, user, since, 2)
    first, second = [c.result["text"] for c in await _all_digests(control, user, since)]
    assert "Harbor bridge 401" in first
    assert "Harbor bridge 402" not in first
    assert "Harbor bridge 402" in second
    assert "Harbor bridge 401" not in second


async def test_subscriber_who_blocked_the_bot_is_left_out(
    control: ControlClient, start_bot: BotStarter, feed_site: FeedSite
) -> None:
    blocked, fan = 740_006, 740_007
    clock = FakeClock(datetime(2026, 6, 1, 6, 0, tzinfo=UTC))
    feed = feed_site.add_feed("blocked")
    async with start_bot(clock=clock) as app:
        for user in (blocked, fan):
            await _say(control, user, "settings", "instant")
            await _say(control, user, "follow", "harbor")
            await _say(control, user, "addfeed", feed)
        await control.add_fault("sendMessage", "blocked", chat_id=blocked)
        since = await control.cursor()
        feed_site.publish("blocked", "blocked-1", harbor_story(501))
        await _poll_later(app, clock)
        await _digests(control, fan, since, 1)
        assert get_chat(app.bot_data.digests.db, blocked).active is False  # type: ignore[union-attr]
        feed_site.publish("blocked", "blocked-2", harbor_story(502))
        await _poll_later(app, clock)
        await _digests(control, fan, since, 2)
    tried = await control.calls("sendMessage", chat_id=blocked, since=since)
    assert [c.status for c in tried] == [403]  # one refusal, and nothing tried after it


async def test_429_storm_is_waited_out_and_nothing_is_sent_twice(
    control: ControlClient, start_bot: BotStarter, feed_site: FeedSite
) -> None:
    users = (740_008, 740_009)
    clock = FakeClock(datetime(2026, 6, 1, 6, 0, tzinfo=UTC))
    feed = feed_site.add_feed("storm")
    async with start_bot(clock=clock) as app:
        for user in users:
            await _say(control, user, "settings", "instant")
            await _say(control, user, "follow", "harbor")
            await _say(control, user, "addfeed", feed)
        await control.add_fault("sendMessage", "retry_after", count=4, retry_after=1)
        since = await control.cursor()
        feed_site.publish("storm", "storm-1", harbor_story(601))
        await _poll_later(app, clock)
        for user in users:
            await _digests(control, user, since, 1)
        await asyncio.sleep(0.5)
        calls = await control.calls("sendMessage", since=since)
    assert [c.status for c in calls].count(429) == 4
    for user in users:
        assert len(await _all_digests(control, user, since)) == 1
    ok = [c for c in calls if c.ok]
    assert ok[0].time - calls[0].time >= 1.0  # the wait Telegram asked for was kept


async def test_syndicated_copy_and_another_story_give_one_digest_with_two_entries(
    control: ControlClient, start_bot: BotStarter, feed_site: FeedSite
) -> None:
    user = 740_010
    feed = feed_site.add_feed("wire")
    original = harbor_story(1001)
    feed_site.publish("wire", "wire-original", original)
    feed_site.publish("wire", "wire-copy", syndicate(original, seed=3))  # another address
    feed_site.publish("wire", "wire-other", harbor_story(1002))  # the same topic, another event
    async with start_bot() as app:
        await _say(control, user, "follow", "harbor")
        await _say(control, user, "addfeed", feed)
        await _scheduler(app).ingest_and_deliver()
        since = await control.cursor()
        await _say(control, user, "digest")
        (digest,) = await _digests(control, user, since, 1)
        await asyncio.sleep(0.5)
        assert await _all_digests(control, user, since) == [digest]
        text = digest.result["text"]
        assert "harbor — 2 new articles" in text
        assert text.count(" · 2 sources\n") == 1  # one entry with both addresses
        assert "Also in: Alder Gazette" in text
        assert len(_buttons(digest)) == 2
        entities = digest.result.get("entities", [])
        links = {e.get("url") for e in entities if e["type"] == "text_link"}
        assert {feed_site.story_url("wire-original"), feed_site.story_url("wire-copy")} <= links
        assert "nothing new" in (await _say(control, user, "digest")).result["text"].lower()


async def test_copy_after_a_restart_is_not_delivered_again(
    control: ControlClient, start_bot: BotStarter, feed_site: FeedSite
) -> None:
    user, clock = 740_011, FakeClock(datetime(2026, 6, 1, 6, 0, tzinfo=UTC))
    feed = feed_site.add_feed("wire-restart")
    original = harbor_story(1101)
    feed_site.publish("wire-restart", "wr-original", original)
    since = await control.cursor()
    async with start_bot(clock=clock) as app:
        await _say(control, user, "settings", "instant")
        await _say(control, user, "follow", "harbor")
        await _say(control, user, "addfeed", feed)
        await _scheduler(app).ingest_and_deliver()
        await _digests(control, user, since, 1)
    async with start_bot(clock=clock) as app:  # the next day, a new process on the same file
        feed_site.publish("wire-restart", "wr-copy", syndicate(original, seed=5))
        await _poll_later(app, clock)
        feed_site.publish("wire-restart", "wr-other", harbor_story(1102))
        await _poll_later(app, clock)
        await _digests(control, user, since, 2)
        await asyncio.sleep(0.5)
    first, second = [c.result["text"] for c in await _all_digests(control, user, since)]
    assert "Bridge 1101" in first or "bridge 1101" in first
    assert "1101" not in second  # the copy never came
    assert "Harbor bridge 1102" in second
    assert feed_site.requests.count("/story/wr-copy") == 1  # it was read, and recognised
