"""Retention: once a day, prune what is older than the retention period (issue 11).

The link cache, the article index, the delivery log, feed entries no longer listed and old
request records go; `storage.retention` says in what order, so that pruning never lets a
digest send an article twice.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.follow.subscriptions import stored_time
from bot.types import Clock
from storage import Database, PruneCounts, delete_expired

__all__ = ["Retention"]

logger = logging.getLogger(__name__)


class Retention:
    """Prune the database of what is older than `days` days."""

    def __init__(self, db: Database, days: int, clock: Clock) -> None:
        self.db, self.days, self.clock = db, days, clock

    def prune(self) -> PruneCounts:
        """Delete what the retention period has passed; return how much went."""
        now = self.clock()
        cutoff = stored_time(now - timedelta(days=self.days)) or ""
        counts = delete_expired(self.db, cutoff, now.timestamp())
        if counts.total:
            logger.info("retention (%d days) pruned %s", self.days, counts.counts)
        return counts
