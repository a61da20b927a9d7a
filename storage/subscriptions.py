"""Topics a chat follows, and a chat's time zone and default schedule."""

from __future__ import annotations

from typing import Any

from storage.db import Database, insert_row, now_iso
from storage.records import ChatSettings, Subscription

__all__ = [
    "delete_subscription",
    "get_chat_settings",
    "get_earliest_due",
    "get_subscription",
    "list_due_subscriptions",
    "list_instant_subscriptions",
    "list_subscriptions",
    "move_chat",
    "save_chat_settings",
    "save_subscription",
    "set_next_due",
    "set_subscription_paused",
    "set_subscription_schedule",
]

_COLUMNS = "id, chat_id, query, fts, schedule, paused, created_at, next_due_at, last_digest_at"
# Topics whose chat still lets the bot write to it.
_LIVE = "paused = 0 AND chat_id NOT IN (SELECT id FROM chats WHERE active = 0)"
# Tables that name a chat; a group upgraded to a supergroup moves in all of them.
_CHAT_COLUMNS = (
    ("subscriptions", "chat_id"),
    ("chat_feeds", "chat_id"),
    ("chat_settings", "chat_id"),
    ("digests", "chat_id"),
)


def _subscription(row: tuple[Any, ...]) -> Subscription:
    sub_id, chat_id, query, fts, schedule, paused, created, due, last = row
    return Subscription(
        int(sub_id), int(chat_id), query, fts, schedule, bool(paused), created, due, last
    )


def _select(db: Database, where: str, params: list[Any]) -> list[Subscription]:
    sql = f"SELECT {_COLUMNS} FROM subscriptions WHERE {where} ORDER BY id"
    return [_subscription(row) for row in db.execute(sql, params).fetchall()]


def save_subscription(
    db: Database, chat_id: int, query: str, query_key: str, fts: str, next_due_at: str | None
) -> tuple[Subscription, bool]:
    """Follow a topic in a chat; return it and whether it is new (same key: the old one)."""
    found = _select(db, "chat_id = ? AND query_key = ?", [chat_id, query_key])
    if found:
        return found[0], False
    row = {
        "chat_id": chat_id,
        "query": query,
        "query_key": query_key,
        "fts": fts,
        "paused": 0,
        "created_at": now_iso(),
        "next_due_at": next_due_at,
    }
    sub_id = insert_row(db, "subscriptions", row)
    subscription = get_subscription(db, sub_id)
    assert subscription is not None
    return subscription, True


def get_subscription(db: Database, sub_id: int) -> Subscription | None:
    """Return a subscription by id, or None."""
    found = _select(db, "id = ?", [sub_id])
    return found[0] if found else None


def list_subscriptions(db: Database, chat_id: int) -> list[Subscription]:
    """Return a chat's topics, oldest first."""
    return _select(db, "chat_id = ?", [chat_id])


def list_due_subscriptions(db: Database, now: str) -> list[Subscription]:
    """Return the live topics whose next digest is due at `now` (a UTC timestamp)."""
    return _select(db, f"{_LIVE} AND next_due_at IS NOT NULL AND next_due_at <= ?", [now])


def list_instant_subscriptions(db: Database) -> list[Subscription]:
    """Return the live topics delivered as soon as something arrives."""
    return _select(db, f"{_LIVE} AND next_due_at IS NULL", [])


def get_earliest_due(db: Database) -> str | None:
    """Return the earliest next-digest time of any live topic, or None."""
    row = db.execute(f"SELECT MIN(next_due_at) FROM subscriptions WHERE {_LIVE}").fetchone()
    return str(row[0]) if row and row[0] is not None else None


def delete_subscription(db: Database, sub_id: int) -> None:
    """Stop following a topic: forget it, its digests and its delivery log."""
    with db.atomic():
        db.execute("DELETE FROM deliveries WHERE subscription_id = ?", [sub_id])
        db.execute("DELETE FROM digests WHERE subscription_id = ?", [sub_id])
        db.execute("DELETE FROM subscriptions WHERE id = ?", [sub_id])


def set_subscription_paused(db: Database, sub_id: int, paused: bool) -> None:
    """Pause or resume a topic."""
    db.execute("UPDATE subscriptions SET paused = ? WHERE id = ?", [int(paused), sub_id])
    db.conn.commit()


def set_subscription_schedule(
    db: Database, sub_id: int, schedule: str | None, next_due_at: str | None
) -> None:
    """Give a topic its own schedule (None: the chat's default) and its next digest time."""
    db.execute(
        "UPDATE subscriptions SET schedule = ?, next_due_at = ? WHERE id = ?",
        [schedule, next_due_at, sub_id],
    )
    db.conn.commit()


def set_next_due(db: Database, sub_id: int, next_due_at: str | None) -> None:
    """Set when a topic's next digest is due."""
    db.execute("UPDATE subscriptions SET next_due_at = ? WHERE id = ?", [next_due_at, sub_id])
    db.conn.commit()


def get_chat_settings(db: Database, chat_id: int) -> ChatSettings:
    """Return a chat's settings (the defaults when it has none)."""
    row = db.execute(
        "SELECT time_zone, schedule FROM chat_settings WHERE chat_id = ?", [chat_id]
    ).fetchone()
    if row is None:
        return ChatSettings(chat_id)
    default = ChatSettings(chat_id)
    return ChatSettings(chat_id, row[0] or default.time_zone, row[1] or default.schedule)


def save_chat_settings(db: Database, settings: ChatSettings) -> None:
    """Store a chat's time zone and default schedule."""
    db.execute(
        "INSERT INTO chat_settings (chat_id, time_zone, schedule, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(chat_id) DO UPDATE SET time_zone = excluded.time_zone, "
        "schedule = excluded.schedule, updated_at = excluded.updated_at",
        [settings.chat_id, settings.time_zone, settings.schedule, now_iso()],
    )
    db.conn.commit()


def move_chat(db: Database, old_id: int, new_id: int) -> None:
    """Move everything of a chat to its new id (a group upgraded to a supergroup)."""
    with db.atomic():
        for table, column in _CHAT_COLUMNS:
            db.execute(
                f"UPDATE OR IGNORE {table} SET {column} = ? WHERE {column} = ?", [new_id, old_id]
            )
        db.execute(
            "UPDATE chats SET active = 0, inactive_reason = 'migrated' WHERE id = ?", [old_id]
        )
