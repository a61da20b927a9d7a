"""Requests: one row per brief asked for, with its outcome and how long it took."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from storage.db import Database, insert_row, now_iso
from storage.records import RequestEntry, RequestRecord

__all__ = ["list_requests", "record_request"]


def record_request(db: Database, entry: RequestEntry) -> int:
    """Record one brief request and return its id."""
    row = {**asdict(entry), "created_at": now_iso()}
    return insert_row(db, "requests", row)


def _record(row: dict[str, Any]) -> RequestRecord:
    created_at = row.pop("created_at")
    request_id = row.pop("id")
    return RequestRecord(id=request_id, entry=RequestEntry(**row), created_at=created_at)


def list_requests(
    db: Database, *, user_id: int | None = None, limit: int = 100
) -> list[RequestRecord]:
    """Return the most recent requests, newest first, optionally of one user."""
    where, params = ("user_id = ?", [user_id]) if user_id is not None else (None, [])
    rows = db.table("requests").rows_where(where, params, order_by="id desc", limit=limit)
    return [_record(dict(row)) for row in rows]
