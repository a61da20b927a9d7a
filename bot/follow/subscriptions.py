"""Following topics: what a chat follows, its time zone and schedules, and when each is due.

The service parses topics (`bot.follow.topics`), keeps them in storage and sets each topic's
next digest time from its schedule (its own, else the chat's default) in the chat's time zone
(`bot.follow.schedule`). SQLite is the truth: the delivery timer is rebuilt from the stored
due times. This layer knows nothing of Telegram.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.errors import InvalidSchedule, InvalidTopic
from bot.follow.schedule import Schedule, next_slot, parse_schedule, parse_time_zone
from bot.follow.topics import TopicQuery, parse_topic
from bot.types import Clock
from storage import (
    ChatSettings,
    Database,
    Subscription,
    delete_subscription,
    get_chat_settings,
    get_subscription,
    list_subscriptions,
    save_chat,
    save_chat_settings,
    save_subscription,
    set_next_due,
    set_subscription_paused,
    set_subscription_schedule,
)
from storage.db import now_iso

__all__ = ["Followed", "SubscriptionService", "stored_time"]

logger = logging.getLogger(__name__)

MAX_TOPICS_PER_CHAT = 20


def stored_time(moment: datetime | None) -> str | None:
    """Return a time as stored in the database (UTC, sortable), or None."""
    return now_iso(moment) if moment is not None else None


@dataclass(frozen=True, slots=True)
class Followed:
    """The answer to a follow: the topic, whether it is new, and its parsed query."""

    subscription: Subscription
    created: bool
    query: TopicQuery


class SubscriptionService:
    """Topics, time zones and schedules for chats; every change recomputes due times."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db, self.clock = db, clock

    def follow(self, chat_id: int, chat_type: str, title: str | None, text: str) -> Followed:
        """Follow a topic in a chat (InvalidTopic if it cannot be read, or too many)."""
        query = parse_topic(text)
        existing = list_subscriptions(self.db, chat_id)
        if len(existing) >= MAX_TOPICS_PER_CHAT and query.key() not in self._keys(existing):
            raise InvalidTopic(
                f"You follow {MAX_TOPICS_PER_CHAT} topics already. Send /following to remove "
                "one first.",
                detail="topic limit",
            )
        save_chat(self.db, chat_id, chat_type, title)
        due = self._next_due(None, get_chat_settings(self.db, chat_id))
        sub, created = save_subscription(
            self.db, chat_id, query.canonical(), query.key(), query.to_fts(), due
        )
        logger.info("chat %s follows %r (new: %s)", chat_id, sub.query, created)
        return Followed(sub, created, query)

    def _keys(self, subs: list[Subscription]) -> set[str]:
        return {parse_topic(sub.query).key() for sub in subs}

    def topics(self, chat_id: int) -> list[Subscription]:
        """Return a chat's topics."""
        return list_subscriptions(self.db, chat_id)

    def get(self, chat_id: int, sub_id: int) -> Subscription | None:
        """Return one of this chat's topics (None for another chat's)."""
        sub = get_subscription(self.db, sub_id)
        return sub if sub is not None and sub.chat_id == chat_id else None

    def find(self, chat_id: int, text: str) -> Subscription | None:
        """Find a chat's topic by its position in /following (1, 2, ...) or by its words."""
        subs = self.topics(chat_id)
        if text.strip().isdigit():
            index = int(text.strip()) - 1
            return subs[index] if 0 <= index < len(subs) else None
        key = parse_topic(text).key()
        return next((sub for sub in subs if parse_topic(sub.query).key() == key), None)

    def unfollow(self, chat_id: int, sub_id: int) -> Subscription | None:
        """Stop following a topic; return it, or None if the chat has no such topic."""
        sub = self.get(chat_id, sub_id)
        if sub is not None:
            delete_subscription(self.db, sub.id)
        return sub

    def set_paused(self, chat_id: int, sub_id: int, paused: bool) -> Subscription | None:
        """Pause or resume a topic; a resumed topic is due at its next slot."""
        sub = self.get(chat_id, sub_id)
        if sub is None:
            return None
        set_subscription_paused(self.db, sub.id, paused)
        if not paused:
            set_next_due(self.db, sub.id, self._next_due(sub.schedule, self.settings(chat_id)))
        return self.get(chat_id, sub_id)

    def set_topic_schedule(
        self, chat_id: int, sub_id: int, spec: str | None
    ) -> Subscription | None:
        """Give a topic its own schedule, or None to use the chat's default again."""
        sub = self.get(chat_id, sub_id)
        if sub is None:
            return None
        own = parse_schedule(spec).spec() if spec is not None else None
        due = self._next_due(own, self.settings(chat_id))
        set_subscription_schedule(self.db, sub.id, own, due)
        return self.get(chat_id, sub_id)

    def settings(self, chat_id: int) -> ChatSettings:
        """Return a chat's time zone and default schedule."""
        return get_chat_settings(self.db, chat_id)

    def set_time_zone(self, chat_id: int, name: str) -> ChatSettings:
        """Set a chat's time zone (InvalidSchedule if unknown); due times follow it."""
        zone = parse_time_zone(name)
        current = self.settings(chat_id)
        return self._save(ChatSettings(chat_id, zone.key, current.schedule))

    def set_default_schedule(self, chat_id: int, text: str) -> ChatSettings:
        """Set a chat's default schedule (InvalidSchedule if unreadable)."""
        schedule = parse_schedule(text)
        current = self.settings(chat_id)
        return self._save(ChatSettings(chat_id, current.time_zone, schedule.spec()))

    def schedule_of(self, sub: Subscription) -> Schedule:
        """Return the schedule a topic follows: its own, else its chat's default."""
        return parse_schedule(sub.schedule or self.settings(sub.chat_id).schedule)

    def advance(self, sub: Subscription) -> str | None:
        """Return a topic's next due time after now (missed slots are skipped, not repeated)."""
        return self._next_due(sub.schedule, self.settings(sub.chat_id))

    def _save(self, settings: ChatSettings) -> ChatSettings:
        save_chat_settings(self.db, settings)
        for sub in list_subscriptions(self.db, settings.chat_id):  # the zone moves them all
            set_next_due(self.db, sub.id, self._next_due(sub.schedule, settings))
        return settings

    def _next_due(self, own: str | None, settings: ChatSettings) -> str | None:
        schedule = parse_schedule(own or settings.schedule)
        try:
            zone = ZoneInfo(settings.time_zone)
        except (KeyError, ValueError) as exc:  # a zone that vanished from tzdata
            raise InvalidSchedule(detail=f"time zone {settings.time_zone!r}") from exc
        return stored_time(next_slot(schedule, zone, self.clock()))
