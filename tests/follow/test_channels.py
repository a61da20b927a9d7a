"""Channels' topics paused while the bot may not post, and resumed after (issue 12)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.follow.channels import ChannelService
from storage import Database, list_subscriptions, open_db, save_subscription
from storage import set_subscription_paused as pause

CHANNEL = -100_123


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_db(":memory:")
    yield database
    database.close()


def _topic(db: Database, query: str) -> int:
    sub, _ = save_subscription(db, CHANNEL, query, query, query, None)
    return sub.id


def _paused(db: Database) -> dict[str, bool]:
    return {sub.query: sub.paused for sub in list_subscriptions(db, CHANNEL)}


def test_channel_lose_pauses_running_topics_once(db: Database) -> None:
    service = ChannelService(db)
    service.record_owner(CHANNEL, 7, "Harbor News", "harbornews")
    _topic(db, "bridge")
    pause(db, _topic(db, "budget"), True)
    change = service.lose(CHANNEL)
    assert change is not None
    assert (change.owner.user_id, change.topics) == (7, 1)
    assert _paused(db) == {"bridge": True, "budget": True}
    assert service.lose(CHANNEL) is None  # told once


def test_channel_regain_resumes_only_what_it_paused(db: Database) -> None:
    service = ChannelService(db)
    service.record_owner(CHANNEL, 7, "Harbor News", None)
    _topic(db, "bridge")
    pause(db, _topic(db, "budget"), True)
    service.lose(CHANNEL)
    change = service.regain(CHANNEL)
    assert change is not None
    assert change.topics == 1
    assert _paused(db) == {"bridge": False, "budget": True}
    assert service.regain(CHANNEL) is None


def test_channel_without_owner_is_left_alone(db: Database) -> None:
    service = ChannelService(db)
    _topic(db, "bridge")
    assert service.lose(CHANNEL) is None
    assert _paused(db) == {"bridge": False}
