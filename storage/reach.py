"""Deep links into the bot's chat and the owners of channels' topics (issue 12)."""

from __future__ import annotations

import base64
import hashlib

from storage.db import Database, now_iso
from storage.records import ChannelOwner

__all__ = [
    "get_channel_owner",
    "get_start_link",
    "save_channel_owner",
    "save_start_link",
    "set_channel_paused_topics",
]

TOKEN_CHARS = 22


def save_start_link(db: Database, url: str) -> str:
    """Remember a link for a deep link and return its token (the same link, the same token)."""
    digest = hashlib.sha256(url.encode("utf-8")).digest()
    token = base64.urlsafe_b64encode(digest).decode("ascii")[:TOKEN_CHARS]
    db.execute(
        "INSERT INTO start_links (token, url, created_at, used_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(token) DO UPDATE SET used_at = excluded.used_at",
        [token, url, now_iso(), now_iso()],
    )
    db.conn.commit()
    return token


def get_start_link(db: Database, token: str) -> str | None:
    """Return the link behind a deep-link token, or None."""
    row = db.execute("SELECT url FROM start_links WHERE token = ?", [token]).fetchone()
    if row is None:
        return None
    # A deep link in use stays: retention prunes the ones nobody opened or shared for long.
    db.execute("UPDATE start_links SET used_at = ? WHERE token = ?", [now_iso(), token])
    db.conn.commit()
    return str(row[0])


def save_channel_owner(
    db: Database, chat_id: int, user_id: int, title: str | None, username: str | None
) -> None:
    """Record who set up a channel's topics (the last administrator to change them)."""
    db.execute(
        "INSERT INTO channel_owners (chat_id, user_id, title, username, updated_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT(chat_id) DO UPDATE SET user_id = excluded.user_id, "
        "title = excluded.title, username = excluded.username, updated_at = excluded.updated_at",
        [chat_id, user_id, title, username, now_iso()],
    )
    db.conn.commit()


def get_channel_owner(db: Database, chat_id: int) -> ChannelOwner | None:
    """Return who set up a channel's topics, or None."""
    row = db.execute(
        "SELECT chat_id, user_id, title, username, paused_topics FROM channel_owners "
        "WHERE chat_id = ?",
        [chat_id],
    ).fetchone()
    if row is None:
        return None
    paused = None if row[4] is None else tuple(int(i) for i in row[4].split(",") if i)
    return ChannelOwner(row[0], row[1], row[2], row[3], paused)


def set_channel_paused_topics(db: Database, chat_id: int, topics: list[int] | None) -> None:
    """Remember the topics paused when the bot lost its rights (None: none are, any more)."""
    value = None if topics is None else ",".join(str(t) for t in topics)
    db.execute(
        "UPDATE channel_owners SET paused_topics = ?, updated_at = ? WHERE chat_id = ?",
        [value, now_iso(), chat_id],
    )
    db.conn.commit()
