"""1,000 subscribers fanned out at once, with the local server's flood limits on.

The windows are Telegram's, shrunk in time so the test takes seconds instead of a minute:
one message per chat in 0.2 s, 5 per group in 2 s, 200 a second overall. The bot is given
the same windows; the server answers 429 to any message over them, and the test also checks
the windows from the server's own record of the calls.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import DeliveryLimits
from bot.localapi import ApiCall, ControlClient
from tests.e2e.conftest import BotStarter
from tests.e2e.test_subscriptions import _is_digest, _poll_later
from tests.helpers.clock import FakeClock
from tests.helpers.feeds import FeedSite, harbor_story

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

USERS = range(760_000, 761_000)
BUSY_USERS = USERS[:10]  # three topics each: three messages to one chat
GROUPS = (-760_001, -760_002)
# Words of harbor_story(701), whose body is the quay flood (tests/helpers/stories.py).
GROUP_TOPICS = ("harbor", "bridge", "mayor", "Ortiz", "quay", "market", "flood", "Chen")
PER_CHAT, PER_GROUP, OVERALL = (1, 0.2), (5, 2.0), (200, 1.0)


async def _make_chats(control: ControlClient) -> None:
    """Let the server know every chat (the bot is not running; it drops these updates)."""
    for start in range(0, len(USERS), 100):
        batch = USERS[start : start + 100]
        await asyncio.gather(*(control.inject_message("hi", user_id=user) for user in batch))
    for group in GROUPS:
        await control.inject_message("hello all", chat_id=group, chat_type="group")


def _max_in_window(times: list[float], seconds: float) -> int:
    times, best, first = sorted(times), 0, 0
    for last, moment in enumerate(times):
        while moment - times[first] >= seconds:
            first += 1
        best = max(best, last - first + 1)
    return best


def _check_windows(calls: list[ApiCall]) -> None:
    by_chat: dict[object, list[float]] = defaultdict(list)
    for call in calls:
        by_chat[call.chat_id].append(call.time)
    assert _max_in_window([c.time for c in calls], OVERALL[1]) <= OVERALL[0]
    for chat, times in by_chat.items():
        assert _max_in_window(times, PER_CHAT[1]) <= PER_CHAT[0], chat
        if isinstance(chat, int) and chat < 0:
            assert _max_in_window(times, PER_GROUP[1]) <= PER_GROUP[0], chat


async def test_thousand_subscribers_fan_out_within_flood_limits(
    control: ControlClient, start_bot: BotStarter, feed_site: FeedSite, tmp_path: Path
) -> None:
    feeds_file = tmp_path / "feeds.txt"
    feeds_file.write_text(feed_site.add_feed("fanout") + "  # the operator's feed\n")
    await _make_chats(control)
    limits = DeliveryLimits(per_chat=PER_CHAT, per_group=PER_GROUP, overall=OVERALL,
                            api_per_second=0)  # fmt: skip
    clock = FakeClock(datetime(2026, 7, 1, 6, 0, tzinfo=UTC))
    async with start_bot(clock=clock, drop_pending=True, feeds_file=feeds_file,
                         delivery=limits) as app:  # fmt: skip
        # Poll the empty feed now: the job's first poll (a second after start) then finds it
        # not due on the fake clock, rather than, under load, taking the story published below.
        assert app.bot_data.scheduler is not None
        await app.bot_data.scheduler.poll_now()  # type: ignore[attr-defined]
        topics = app.bot_data.subscriptions
        assert topics is not None
        for user in USERS:
            topics.set_default_schedule(user, "instant")
            topics.follow(user, "private", None, "harbor")
        for user in BUSY_USERS:
            topics.follow(user, "private", None, "bridge")
            topics.follow(user, "private", None, '"Port Alder"')
        for group in GROUPS:
            topics.set_default_schedule(group, "instant")
            for topic in GROUP_TOPICS:
                topics.follow(group, "group", "A group", topic)
        await control.set_flood_limits(
            True, per_chat=PER_CHAT, per_group=PER_GROUP, overall=OVERALL
        )
        try:
            since = await control.cursor()
            feed_site.publish("fanout", "fan-1", harbor_story(701))
            assert await _poll_later(app, clock) == 1
            calls = await control.calls("sendMessage", since=since)
        finally:
            await control.set_flood_limits(False)
    assert [c.status for c in calls if c.status != 200] == []
    digests = [c for c in calls if _is_digest(c)]
    expected = len(USERS) + 2 * len(BUSY_USERS) + len(GROUPS) * len(GROUP_TOPICS)
    assert len(digests) == len(calls) == expected
    assert len({(c.chat_id, c.result["text"].split("\n")[0]) for c in digests}) == expected
    _check_windows(calls)
