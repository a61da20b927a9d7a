"""Channels' topics: who set them up, and pausing them while the bot may not post there.

A channel's topics are ordinary topics of the channel's chat; this service remembers the
administrator who set them up (to tell them when something goes wrong) and, when the bot
loses the right to post, pauses the topics that were running and remembers which, so that
they resume, and only they, when the right comes back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from storage import (
    ChannelOwner,
    Database,
    get_channel_owner,
    list_subscriptions,
    save_channel_owner,
    set_channel_paused_topics,
    set_subscription_paused,
)

__all__ = ["ChannelChange", "ChannelService"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ChannelChange:
    """Topics paused or resumed in a channel, and whom to tell."""

    owner: ChannelOwner
    topics: int


class ChannelService:
    """Channel owners, and pausing and resuming a channel's topics with the bot's rights."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record_owner(
        self, chat_id: int, user_id: int, title: str | None, username: str | None
    ) -> None:
        """Remember the administrator who last changed a channel's topics."""
        save_channel_owner(self.db, chat_id, user_id, title, username)

    def owner(self, chat_id: int) -> ChannelOwner | None:
        """Return who set up a channel's topics, or None for a chat that is not such a channel."""
        return get_channel_owner(self.db, chat_id)

    def lose(self, chat_id: int) -> ChannelChange | None:
        """Pause a channel's running topics; None if it has no owner or they are paused already."""
        owner = get_channel_owner(self.db, chat_id)
        if owner is None or owner.paused_topics is not None:
            return None
        running = [sub.id for sub in list_subscriptions(self.db, chat_id) if not sub.paused]
        set_channel_paused_topics(self.db, chat_id, running)  # first: a crash resumes them all
        for sub_id in running:
            set_subscription_paused(self.db, sub_id, True)
        logger.info("channel %s: the bot lost its rights; %d topics paused", chat_id, len(running))
        return ChannelChange(owner, len(running))

    def regain(self, chat_id: int) -> ChannelChange | None:
        """Resume the topics paused when the bot lost its rights; None if there are none."""
        owner = get_channel_owner(self.db, chat_id)
        if owner is None or owner.paused_topics is None:
            return None
        live = {sub.id for sub in list_subscriptions(self.db, chat_id)}
        resumed = [sub_id for sub_id in owner.paused_topics if sub_id in live]
        for sub_id in resumed:
            set_subscription_paused(self.db, sub_id, False)
        set_channel_paused_topics(self.db, chat_id, None)
        logger.info("channel %s: the bot may post again; %d topics resumed", chat_id, len(resumed))
        return ChannelChange(owner, len(resumed))
