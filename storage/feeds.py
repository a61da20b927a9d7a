"""Feeds and their entries: the operator's and each chat's feeds, polling state, the item queue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storage.db import Database, insert_row, now_iso
from storage.records import FeedRecord, PendingItem

__all__ = [
    "NewItem",
    "add_chat_feed",
    "get_feed",
    "link_item",
    "list_chat_feeds",
    "list_due_feeds",
    "list_pending_items",
    "record_poll",
    "record_poll_failure",
    "remove_chat_feed",
    "save_feed",
    "save_feed_items",
    "set_default_feeds",
    "set_item_failed",
]

_COLUMNS = (
    "id, url, title, etag, last_modified, is_default, active, failures, last_error, next_poll_at"
)
# A feed is polled while it is active and the operator or at least one chat has it.
_WANTED = "active = 1 AND (is_default = 1 OR id IN (SELECT feed_id FROM chat_feeds))"


@dataclass(frozen=True, slots=True)
class NewItem:
    """A feed entry to remember: where it is, its normalized URL and what the feed says."""

    guid: str
    url: str
    url_key: str
    title: str | None
    published: str | None


def _feed(row: tuple[Any, ...]) -> FeedRecord:
    feed_id, url, title, etag, modified, default, active, failures, error, due = row
    return FeedRecord(
        int(feed_id), url, title, etag, modified, bool(default), bool(active), int(failures),
        error, due,
    )  # fmt: skip


def _select(db: Database, where: str, params: list[Any]) -> list[FeedRecord]:
    sql = f"SELECT {_COLUMNS} FROM feeds WHERE {where} ORDER BY id"
    return [_feed(row) for row in db.execute(sql, params).fetchall()]


def save_feed(db: Database, url: str, url_key: str, title: str | None = None) -> FeedRecord:
    """Remember a feed (found by its normalized URL) and make it active again; return it."""
    found = _select(db, "url_key = ?", [url_key])
    if found:
        db.execute(
            "UPDATE feeds SET active = 1, failures = 0, title = COALESCE(?, title) WHERE id = ?",
            [title, found[0].id],
        )
        db.conn.commit()
    else:
        row = {"url": url, "url_key": url_key, "title": title, "created_at": now_iso()}
        insert_row(db, "feeds", row)
    return _select(db, "url_key = ?", [url_key])[0]


def get_feed(db: Database, feed_id: int) -> FeedRecord | None:
    """Return a feed by id, or None."""
    found = _select(db, "id = ?", [feed_id])
    return found[0] if found else None


def set_default_feeds(db: Database, feeds: Iterable[tuple[str, str]]) -> list[FeedRecord]:
    """Make exactly these (url, url_key) feeds the operator's defaults; return them."""
    saved = [save_feed(db, url, key) for url, key in feeds]
    ids = [feed.id for feed in saved]
    with db.atomic():
        db.execute("UPDATE feeds SET is_default = 0")
        db.conn.executemany("UPDATE feeds SET is_default = 1 WHERE id = ?", [(i,) for i in ids])
    return [feed for feed_id in ids for feed in _select(db, "id = ?", [feed_id])]


def add_chat_feed(db: Database, chat_id: int, feed_id: int) -> bool:
    """Add a feed to a chat's own feeds; False when the chat already had it."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO chat_feeds (chat_id, feed_id, created_at) VALUES (?, ?, ?)",
        [chat_id, feed_id, now_iso()],
    )
    db.conn.commit()
    return cursor.rowcount > 0


def remove_chat_feed(db: Database, chat_id: int, feed_id: int) -> bool:
    """Remove a feed from a chat's feeds; False when the chat did not have it."""
    cursor = db.execute(
        "DELETE FROM chat_feeds WHERE chat_id = ? AND feed_id = ?", [chat_id, feed_id]
    )
    db.conn.commit()
    return cursor.rowcount > 0


def list_chat_feeds(db: Database, chat_id: int) -> list[FeedRecord]:
    """Return a chat's own feeds, in the order it added them."""
    sql = (
        f"SELECT {_COLUMNS} FROM feeds JOIN chat_feeds ON chat_feeds.feed_id = feeds.id "
        "WHERE chat_feeds.chat_id = ? ORDER BY chat_feeds.created_at, feeds.id"
    )
    return [_feed(row) for row in db.execute(sql, [chat_id]).fetchall()]


def list_due_feeds(db: Database, now: str) -> list[FeedRecord]:
    """Return the feeds someone wants whose next poll is due at `now`."""
    return _select(db, f"{_WANTED} AND (next_poll_at IS NULL OR next_poll_at <= ?)", [now])


def record_poll(
    db: Database,
    feed_id: int,
    etag: str | None,
    last_modified: str | None,
    title: str | None,
    next_poll_at: str,
) -> None:
    """Record a good poll: new validators, no failures, the next poll time."""
    db.execute(
        "UPDATE feeds SET etag = ?, last_modified = ?, title = COALESCE(?, title), failures = 0, "
        "last_error = NULL, next_poll_at = ?, last_polled_at = ? WHERE id = ?",
        [etag, last_modified, title, next_poll_at, now_iso(), feed_id],
    )
    db.conn.commit()


def record_poll_failure(
    db: Database, feed_id: int, error: str, next_poll_at: str, deactivate: bool
) -> None:
    """Record a failed poll: one more failure, backed off; deactivated after too many."""
    db.execute(
        "UPDATE feeds SET failures = failures + 1, last_error = ?, next_poll_at = ?, "
        "last_polled_at = ?, active = ? WHERE id = ?",
        [error[:500], next_poll_at, now_iso(), 0 if deactivate else 1, feed_id],
    )
    db.conn.commit()


def save_feed_items(
    db: Database, feed_id: int, items: Iterable[NewItem], brief_first: int | None = None
) -> int:
    """Remember a feed's entries; return how many it had not seen before.

    With `brief_first`, only that many of the entries are queued to be briefed; the rest are
    remembered as seen (a feed read for the first time does not brief its whole archive).
    """
    now = now_iso()
    rows = [
        (feed_id, i.guid, i.url, i.url_key, i.title, i.published, now,
         "new" if brief_first is None or n < brief_first else "skipped")
        for n, i in enumerate(items)
    ]  # fmt: skip
    with db.atomic():
        before = db.conn.total_changes
        db.conn.executemany(
            "INSERT OR IGNORE INTO feed_items (feed_id, guid, url, url_key, title, published, "
            "seen_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        added = int(db.conn.total_changes - before)
        # Still listed: retention keeps an entry while its feed lists it (storage/retention.py).
        db.conn.executemany(
            "UPDATE feed_items SET listed_at = ? WHERE feed_id = ? AND guid = ?",
            [(now, feed_id, row[1]) for row in rows],
        )
    return added


def list_pending_items(db: Database, limit: int = 100, max_attempts: int = 3) -> list[PendingItem]:
    """Return feed entries still to be briefed, oldest first."""
    rows = db.execute(
        "SELECT id, feed_id, url, url_key, title, attempts FROM feed_items "
        "WHERE state = 'new' AND attempts < ? ORDER BY id LIMIT ?",
        [max_attempts, limit],
    ).fetchall()
    return [PendingItem(int(r[0]), int(r[1]), r[2], r[3], r[4], int(r[5])) for r in rows]


def link_item(db: Database, item_id: int, article_id: int) -> None:
    """Link a feed entry to its (briefed and indexed) article."""
    db.execute(
        "UPDATE feed_items SET article_id = ?, state = 'ready', error = NULL WHERE id = ?",
        [article_id, item_id],
    )
    db.conn.commit()


def set_item_failed(db: Database, item_id: int, error: str, give_up: bool) -> None:
    """Count a failed attempt at an entry; after the last one it is left out for good."""
    db.execute(
        "UPDATE feed_items SET attempts = attempts + 1, error = ?, state = ? WHERE id = ?",
        [error[:500], "failed" if give_up else "new", item_id],
    )
    db.conn.commit()
