"""Retention: once a day, prune what is older than the retention period (issue 11).

The link cache, the article index, the delivery log, feed entries no longer listed, old
request records and unused deep links go; `storage.retention` says in what order, so that
pruning never lets a digest send an article twice. The quote bank keeps its own, longer
period (`quote_days`), so /who remembers what people said beyond the cache.
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
    """Prune the database of what is older than `days` days (quotes: `quote_days`)."""

    def __init__(self, db: Database, days: int, clock: Clock, quote_days: int = 365) -> None:
        self.db, self.days, self.clock = db, days, clock
        self.quote_days = max(quote_days, days)  # never shorter than the briefs it came from

    def prune(self) -> PruneCounts:
        """Delete what the retention period has passed; return how much went."""
        now = self.clock()
        cutoff = stored_time(now - timedelta(days=self.days)) or ""
        quote_cutoff = stored_time(now - timedelta(days=self.quote_days)) or ""
        counts = delete_expired(self.db, cutoff, now.timestamp(), quote_cutoff)
        if counts.total:
            logger.info("retention (%d days) pruned %s", self.days, counts.counts)
        return counts
