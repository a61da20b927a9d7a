"""Opening the SQLite database: the file (or memory), WAL mode, foreign keys, the schema."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from storage.schema import migrate

__all__ = ["Database", "insert_row", "now_iso", "open_db"]

MEMORY = ":memory:"


def open_db(path: Path | str = MEMORY) -> Database:
    """Open (or create) the database at `path`, or in memory for ":memory:", and migrate it."""
    if str(path) == MEMORY:
        db = Database(memory=True)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        db = Database(Path(path))
        db.enable_wal()
        # WAL with synchronous=NORMAL stays consistent after a crash and skips most fsyncs.
        db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    migrate(db)
    return db


def now_iso(moment: datetime | None = None) -> str:
    """Return a UTC timestamp as stored in every *_at column (sortable as text)."""
    return (moment or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="milliseconds")


def insert_row(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert one row and return its rowid (the integer primary key)."""
    rowid = db.table(table).insert(row).last_rowid
    if rowid is None:  # sqlite-utils sets it after every single-row insert
        raise RuntimeError(f"no rowid after inserting into {table}")
    return rowid
