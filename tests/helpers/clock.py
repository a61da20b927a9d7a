"""A clock a test can set: it runs at real speed from wherever the test last put it."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta


class FakeClock:
    """Return a moving UTC time that `set()` moves; jobs scheduled by it fire in real time."""

    def __init__(self, start: datetime | None = None) -> None:
        self._base = start or datetime.now(UTC)
        self._started = time.monotonic()

    def __call__(self) -> datetime:
        return self._base + timedelta(seconds=time.monotonic() - self._started)

    def set(self, moment: datetime) -> None:
        """Make `moment` the current time (it moves on from there)."""
        if moment.tzinfo is None:
            raise ValueError("the clock needs an aware datetime")
        self._base, self._started = moment.astimezone(UTC), time.monotonic()
