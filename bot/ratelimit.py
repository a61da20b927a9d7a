"""A per-user sliding-window rate limit, kept in memory (it resets when the bot restarts)."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable

__all__ = ["SlidingWindow"]


class SlidingWindow:
    """Allow each key at most `limit` events in any `period` seconds."""

    def __init__(
        self, limit: int, period: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.period, self._clock = limit, period, clock
        self._events: dict[Hashable, deque[float]] = {}

    def acquire(self, key: Hashable) -> float:
        """Count one event for `key` and return 0.0, or return the seconds until one is allowed."""
        now = self._clock()
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.period:
            events.popleft()
        if len(events) >= self.limit:
            return events[0] + self.period - now
        events.append(now)
        return 0.0
