from __future__ import annotations

from storage import Database, take_rate_slot


def test_take_rate_slot_allows_limit_then_says_how_long_to_wait(fresh_db: Database) -> None:
    assert take_rate_slot(fresh_db, 7, 2, 60.0, 100.0) == 0.0
    assert take_rate_slot(fresh_db, 7, 2, 60.0, 110.0) == 0.0
    assert take_rate_slot(fresh_db, 7, 2, 60.0, 120.0) == 40.0
    assert take_rate_slot(fresh_db, 7, 2, 60.0, 160.5) == 0.0


def test_take_rate_slot_keys_are_separate(fresh_db: Database) -> None:
    assert take_rate_slot(fresh_db, 1, 1, 60.0, 0.0) == 0.0
    assert take_rate_slot(fresh_db, 2, 1, 60.0, 0.0) == 0.0
    assert take_rate_slot(fresh_db, 1, 1, 60.0, 1.0) == 59.0


def test_take_rate_slot_forgets_old_events(fresh_db: Database) -> None:
    for user in range(50):
        take_rate_slot(fresh_db, user, 10, 60.0, float(user))
    take_rate_slot(fresh_db, 999, 10, 60.0, 1000.0)
    assert fresh_db.execute("SELECT COUNT(*) FROM rate_events").fetchone()[0] == 1
