"""Schedule math with fixed clocks: local times across DST, missed slots, parsing."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.errors import InvalidSchedule, UnknownTimeZone
from bot.follow.schedule import (
    DEFAULT_SCHEDULE,
    Schedule,
    next_slot,
    parse_schedule,
    parse_time_zone,
    slots_on,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("daily 08:00", "daily 08:00"),
        ("8:30", "daily 08:30"),
        ("at 7", "daily 07:00"),
        ("times 18:00, 08:00", "times 08:00 18:00"),
        ("08:00 12:00 18:00", "times 08:00 12:00 18:00"),
        ("every 6", "every 6"),
        ("every 4h", "every 4"),
        ("instant", "instant"),
    ],
)
def test_parse_schedule_reads_each_form(text: str, spec: str) -> None:
    assert parse_schedule(text).spec() == spec
    assert parse_schedule(spec) == parse_schedule(text)


@pytest.mark.parametrize("text", ["", "daily", "25:00", "every 0", "every 25", "soon", "8:75"])
def test_parse_schedule_refuses_nonsense(text: str) -> None:
    with pytest.raises(InvalidSchedule):
        parse_schedule(text)


def test_parse_time_zone_ignores_letter_case() -> None:
    assert parse_time_zone("europe/berlin") == BERLIN


@pytest.mark.parametrize("name", ["Mars/Olympus", "../etc/passwd", "", "Europe/"])
def test_parse_time_zone_refuses_unknown_names(name: str) -> None:
    with pytest.raises(UnknownTimeZone):
        parse_time_zone(name)


def test_next_slot_daily_is_local_time() -> None:
    assert next_slot(DEFAULT_SCHEDULE, BERLIN, utc(2026, 1, 10, 12)) == utc(2026, 1, 11, 7)


def test_next_slot_keeps_local_time_across_spring_change() -> None:
    # Berlin moves from UTC+1 to UTC+2 on 2026-03-29 at 02:00.
    saturday = next_slot(DEFAULT_SCHEDULE, BERLIN, utc(2026, 3, 28, 0))
    sunday = next_slot(DEFAULT_SCHEDULE, BERLIN, saturday)  # type: ignore[arg-type]
    assert saturday == utc(2026, 3, 28, 7)
    assert sunday == utc(2026, 3, 29, 6)
    assert sunday.astimezone(BERLIN).time() == time(8, 0)  # type: ignore[union-attr]


def test_next_slot_keeps_local_time_across_autumn_change() -> None:
    # New York moves from UTC-4 to UTC-5 on 2026-11-01 at 02:00.
    saturday = next_slot(DEFAULT_SCHEDULE, NEW_YORK, utc(2026, 10, 31, 0))
    sunday = next_slot(DEFAULT_SCHEDULE, NEW_YORK, saturday)  # type: ignore[arg-type]
    assert (saturday, sunday) == (utc(2026, 10, 31, 12), utc(2026, 11, 1, 13))


def test_next_slot_in_spring_gap_is_sent_after_the_gap() -> None:
    schedule = parse_schedule("daily 02:30")
    slot = next_slot(schedule, BERLIN, utc(2026, 3, 28, 12))
    assert slot == utc(2026, 3, 29, 1, 30)  # 03:30 local: the gap pushes it an hour on


def test_next_slot_in_repeated_autumn_hour_is_sent_once() -> None:
    schedule = parse_schedule("daily 01:30")
    first = next_slot(schedule, NEW_YORK, utc(2026, 10, 31, 12))
    second = next_slot(schedule, NEW_YORK, first)  # type: ignore[arg-type]
    assert first == utc(2026, 11, 1, 5, 30)
    assert second == utc(2026, 11, 2, 6, 30)


def test_next_slot_after_downtime_skips_every_missed_slot() -> None:
    schedule = parse_schedule("times 08:00 20:00")
    back_up = utc(2026, 5, 4, 9, 15)  # down since 2026-05-01: six slots missed
    assert next_slot(schedule, BERLIN, back_up) == utc(2026, 5, 4, 18)


def test_next_slot_every_n_hours_counts_from_local_midnight() -> None:
    slots = slots_on(parse_schedule("every 6"), BERLIN, datetime(2026, 6, 1).date())
    assert [s.astimezone(BERLIN).hour for s in slots] == [0, 6, 12, 18]


def test_every_hour_on_spring_day_has_23_slots() -> None:
    slots = slots_on(Schedule("every", hours=1), BERLIN, datetime(2026, 3, 29).date())
    assert len(slots) == 23


def test_next_slot_instant_has_none() -> None:
    assert next_slot(Schedule("instant"), BERLIN, utc(2026, 1, 1)) is None


def test_next_slot_refuses_naive_time() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_slot(DEFAULT_SCHEDULE, BERLIN, datetime(2026, 1, 1))
