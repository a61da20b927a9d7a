"""The per-user rate limit, kept in SQLite so that a restart does not forget it (issue 11).

One row per counted brief: who and when (seconds since the epoch). A window's old rows are
deleted as new ones are counted, so the table holds at most a window's worth of events.
"""

from __future__ import annotations

from storage.db import Database

__all__ = ["take_rate_slot"]


def take_rate_slot(db: Database, key: int, limit: int, period: float, now: float) -> float:
    """Count one event for `key` at `now` and return 0.0, or return the seconds to wait.

    At most `limit` events of a key fall in any `period` seconds; a refused event is not
    counted.
    """
    with db.atomic():
        db.execute("DELETE FROM rate_events WHERE at <= ?", [now - period])
        rows = db.execute(
            "SELECT at FROM rate_events WHERE key = ? ORDER BY at DESC LIMIT ?", [key, limit]
        ).fetchall()
        if len(rows) >= limit:
            return max(float(rows[-1][0]) + period - now, 0.001)
        db.execute("INSERT INTO rate_events (key, at) VALUES (?, ?)", [key, now])
    return 0.0
