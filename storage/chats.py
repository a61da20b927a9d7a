"""Chats and users: remember who talks to the bot, and which chats have gone away."""

from __future__ import annotations

from typing import Any

from storage.db import Database, now_iso
from storage.records import ChatRecord, UserRecord

__all__ = [
    "get_chat",
    "get_user",
    "mark_chat_active",
    "mark_chat_inactive",
    "save_chat",
    "save_user",
]


def save_chat(db: Database, chat_id: int, chat_type: str, title: str | None = None) -> None:
    """Record a chat the bot was addressed in; it becomes active again if it was not."""
    now = now_iso()
    db.execute(
        "INSERT INTO chats (id, type, title, active, created_at, updated_at) "
        "VALUES (?, ?, ?, 1, ?, ?) ON CONFLICT(id) DO UPDATE SET type = excluded.type, "
        "title = excluded.title, active = 1, inactive_reason = NULL, "
        "updated_at = excluded.updated_at",
        [chat_id, chat_type, title, now, now],
    )
    db.conn.commit()


def save_user(
    db: Database,
    user_id: int,
    first_name: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
) -> None:
    """Record a user who wrote to the bot, updating their name and last-seen time."""
    now = now_iso()
    db.execute(
        "INSERT INTO users (id, first_name, username, language_code, created_at, last_seen_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "first_name = excluded.first_name, username = excluded.username, "
        "language_code = excluded.language_code, last_seen_at = excluded.last_seen_at",
        [user_id, first_name, username, language_code, now, now],
    )
    db.conn.commit()


def _set_active(db: Database, chat_id: int, active: bool, reason: str | None) -> None:
    now = now_iso()
    db.execute(
        "INSERT INTO chats (id, type, active, inactive_reason, created_at, updated_at) "
        "VALUES (?, 'unknown', ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "active = excluded.active, inactive_reason = excluded.inactive_reason, "
        "updated_at = excluded.updated_at",
        [chat_id, int(active), reason, now, now],
    )
    db.conn.commit()


def mark_chat_inactive(db: Database, chat_id: int, reason: str) -> None:
    """Mark a chat inactive (the bot was blocked or removed) so nothing more is sent there."""
    _set_active(db, chat_id, False, reason)


def mark_chat_active(db: Database, chat_id: int) -> None:
    """Mark a chat active again (the bot was unblocked or added back)."""
    _set_active(db, chat_id, True, None)


def _chat(row: dict[str, Any]) -> ChatRecord:
    return ChatRecord(
        id=row["id"],
        type=row["type"],
        title=row["title"],
        active=bool(row["active"]),
        inactive_reason=row["inactive_reason"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def get_chat(db: Database, chat_id: int) -> ChatRecord | None:
    """Return the chat with this id, or None."""
    rows = list(db.table("chats").rows_where("id = ?", [chat_id]))
    return _chat(rows[0]) if rows else None


def get_user(db: Database, user_id: int) -> UserRecord | None:
    """Return the user with this id, or None."""
    rows = list(db.table("users").rows_where("id = ?", [user_id]))
    return UserRecord(**rows[0]) if rows else None
