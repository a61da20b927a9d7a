"""Delivery schedules and their times: pure math from a schedule, a time zone and a clock.

A schedule is daily at HH:MM local time, several local times a day, every N hours (on the
hour, counted from local midnight), or instant (as soon as something arrives). Slots are
computed in the chat's time zone with zoneinfo, so 08:00 stays 08:00 local across
daylight-saving changes: a local time that does not exist that day (in the spring gap) is
sent at the same distance after the gap, and one that happens twice (in the autumn) once,
at its first occurrence. After downtime, `next_slot(..., after=now)` skips every missed
slot: the caller sends one digest for all of them. No I/O here.
"""

from __future__ import annotations

import functools
import re
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from bot.errors import InvalidSchedule, UnknownTimeZone

__all__ = [
    "DEFAULT_SCHEDULE",
    "KINDS",
    "Schedule",
    "next_slot",
    "parse_schedule",
    "parse_time_zone",
    "slots_on",
    "utc_now",
]

KINDS = ("daily", "times", "every", "instant")
MAX_TIMES = 12
_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?$")
_HOURS = re.compile(r"^(\d{1,2})\s*(?:h|hours?)?$")
_ZONE = re.compile(r"^[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+){0,2}$")


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a topic's digest is sent."""

    kind: str  # one of KINDS
    times: tuple[time, ...] = ()  # local times, for "daily" (one) and "times" (several)
    hours: int = 0  # for "every"

    def spec(self) -> str:
        """Return the stored form, which `parse_schedule` reads back: "daily 08:00"."""
        if self.kind == "every":
            return f"every {self.hours}"
        if self.kind == "instant":
            return "instant"
        return " ".join([self.kind, *(t.strftime("%H:%M") for t in self.times)])

    def local_times(self) -> tuple[time, ...]:
        """Return the local times of day this schedule sends at (none for instant)."""
        if self.kind == "every":
            return tuple(time(hour) for hour in range(0, 24, self.hours))
        return self.times


DEFAULT_SCHEDULE = Schedule("daily", (time(8, 0),))


def utc_now() -> datetime:
    """Return the current time in UTC: the production clock."""
    return datetime.now(UTC)


def _parse_time(text: str) -> time:
    match = _TIME.match(text.strip())
    if match is None:
        raise InvalidSchedule(detail=f"not a time: {text!r}")
    hour, minute = int(match[1]), int(match[2] or 0)
    if hour > 23 or minute > 59:
        raise InvalidSchedule(detail=f"not a time of day: {text!r}")
    return time(hour, minute)


def _parse_every(rest: str) -> Schedule:
    match = _HOURS.match(rest.strip())
    hours = int(match[1]) if match else 0
    if not 1 <= hours <= 24:
        raise InvalidSchedule(detail=f"not an interval of 1 to 24 hours: {rest!r}")
    return Schedule("every", hours=hours)


def _parse_times(words: list[str]) -> Schedule:
    times = tuple(sorted(set(_parse_time(word) for word in words)))
    if not times or len(times) > MAX_TIMES:
        raise InvalidSchedule(detail=f"{len(times)} times")
    return Schedule("daily" if len(times) == 1 else "times", times)


def parse_schedule(text: str) -> Schedule:
    """Read a schedule: "daily 08:00", "times 08:00 18:00", "every 6", "instant", or "08:00".

    Raises:
        InvalidSchedule: the text is not one of those forms.
    """
    words = text.replace(",", " ").lower().split()
    if not words:
        raise InvalidSchedule(detail="empty schedule")
    head, rest = words[0], words[1:]
    if head in ("instant", "now", "asap"):
        return Schedule("instant")
    if head == "every":
        return _parse_every(" ".join(rest))
    if head in ("daily", "times", "at"):
        return _parse_times(rest)
    return _parse_times(words)


@functools.cache
def _zone_names() -> dict[str, str]:
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def parse_time_zone(name: str) -> zoneinfo.ZoneInfo:
    """Return the IANA time zone with this name, in any letter case ("europe/berlin").

    Raises:
        UnknownTimeZone: no such time zone.
    """
    key = name.strip().replace(" ", "_")
    if not _ZONE.match(key):
        raise UnknownTimeZone(detail=f"not a time zone name: {name!r}")
    canonical = _zone_names().get(key.lower(), key)
    try:
        return zoneinfo.ZoneInfo(canonical)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise UnknownTimeZone(detail=f"unknown time zone {name!r}") from exc


def slots_on(schedule: Schedule, zone: tzinfo, day: date) -> list[datetime]:
    """Return a local day's send times as UTC instants, in order (none for instant)."""
    instants = {
        datetime.combine(day, moment, tzinfo=zone).astimezone(UTC)
        for moment in schedule.local_times()
    }
    return sorted(instants)


def next_slot(schedule: Schedule, zone: tzinfo, after: datetime) -> datetime | None:
    """Return the first send time strictly after `after` (UTC), or None for instant.

    Raises:
        ValueError: `after` is naive.
    """
    if after.tzinfo is None:
        raise ValueError("after must be timezone-aware")
    if schedule.kind == "instant":
        return None
    local_day = after.astimezone(zone).date()
    for offset in range(-1, 3):
        for slot in slots_on(schedule, zone, local_day + timedelta(days=offset)):
            if slot > after:
                return slot
    raise AssertionError("every schedule but instant has a slot within two days")
