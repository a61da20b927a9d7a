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
        wait = self.peek(key)
        if wait <= 0:
            self.record(key)
        return wait

    def peek(self, key: Hashable) -> float:
        """Return the seconds until `key` may have one more event (0.0: now), counting nothing."""
        now = self._clock()
        events = self._events.get(key)
        if events is None:
            return 0.0
        while events and events[0] <= now - self.period:
            events.popleft()
        if not events:
            del self._events[key]  # keys come and go (10,000 chats); keep only live ones
            return 0.0
        return events[0] + self.period - now if len(events) >= self.limit else 0.0

    def record(self, key: Hashable) -> None:
        """Count one event for `key` now."""
        self._events.setdefault(key, deque()).append(self._clock())
