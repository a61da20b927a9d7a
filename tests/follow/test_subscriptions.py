"""SubscriptionService: due times from schedules and zones, the topic limit, pausing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.errors import InvalidTopic
from bot.follow.subscriptions import MAX_TOPICS_PER_CHAT, SubscriptionService
from storage import open_db
from tests.helpers.clock import FakeClock


@pytest.fixture
def topics() -> SubscriptionService:
    return SubscriptionService(
        open_db(":memory:"), FakeClock(datetime(2026, 1, 10, 9, 0, tzinfo=UTC))
    )


def test_follow_sets_the_next_slot_in_the_chat_zone(topics: SubscriptionService) -> None:
    topics.set_time_zone(1, "Asia/Tokyo")  # 09:00 UTC is 18:00 in Tokyo
    sub = topics.follow(1, "private", None, "harbor").subscription
    assert sub.next_due_at == "2026-01-10T23:00:00.000+00:00"  # 08:00 tomorrow in Tokyo


def test_changing_the_zone_moves_every_topic(topics: SubscriptionService) -> None:
    topics.follow(1, "private", None, "harbor")
    topics.set_time_zone(1, "America/New_York")
    assert topics.topics(1)[0].next_due_at == "2026-01-10T13:00:00.000+00:00"


def test_own_schedule_wins_over_the_default(topics: SubscriptionService) -> None:
    sub = topics.follow(1, "private", None, "harbor").subscription
    topics.set_topic_schedule(1, sub.id, "instant")
    topics.set_default_schedule(1, "every 6")
    (stored,) = topics.topics(1)
    assert (stored.schedule, stored.next_due_at) == ("instant", None)


def test_topic_limit_is_kept(topics: SubscriptionService) -> None:
    for n in range(MAX_TOPICS_PER_CHAT):
        topics.follow(1, "private", None, f"word{n}")
    with pytest.raises(InvalidTopic):
        topics.follow(1, "private", None, "one more")
    assert topics.follow(1, "private", None, "WORD0").created is False


def test_another_chats_topic_is_out_of_reach(topics: SubscriptionService) -> None:
    sub = topics.follow(1, "private", None, "harbor").subscription
    assert topics.unfollow(2, sub.id) is None
    assert topics.set_paused(2, sub.id, True) is None
    assert topics.find(1, "HARBOR") == sub
