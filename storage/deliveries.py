"""Digests and the delivery log: which stories a topic has had, so none is sent twice.

A digest is opened in one transaction with its delivery rows ("sending"; the UNIQUE
(subscription, article) key refuses an article already in another digest) and the topic's
next due time. Each row carries the article's story: an article is pending only while no
article of its story is logged for the topic, so a copy of a story the topic has had is
never delivered again, while a story that is not a copy has a story of its own. Each part
sent is recorded; the transaction that marks the digest "sent" also
marks its deliveries sent. A digest still "sending" at start is resumed from its next part.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storage.db import Database, now_iso
from storage.records import DigestRecord, IndexedArticle, Subscription

__all__ = [
    "count_deliveries",
    "fail_digest",
    "finish_digest",
    "get_digest",
    "list_digest_articles",
    "list_open_digests",
    "list_pending_articles",
    "open_digest",
    "set_parts_sent",
]

_DIGEST = "id, subscription_id, chat_id, state, parts_sent, skipped, slot_at, created_at"
_SOURCES = (
    "SELECT i.article_id FROM feed_items i JOIN feeds f ON f.id = i.feed_id "
    "WHERE i.article_id IS NOT NULL AND (f.is_default = 1 OR f.id IN "
    "(SELECT feed_id FROM chat_feeds WHERE chat_id = :chat))"
)
_STORY = "COALESCE(s.story_id, article_index.rowid)"
_PUBLISHED = "(SELECT MIN(fi.published) FROM feed_items fi WHERE fi.article_id = {article})"
_PENDING = (
    "SELECT article_index.rowid, (SELECT MAX(b.id) FROM briefs b "
    f"WHERE b.article_id = article_index.rowid), article_index.indexed_at, {_STORY}, "
    + _PUBLISHED.format(article="article_index.rowid")
    + " "
    "FROM article_index LEFT JOIN article_stories s ON s.article_id = article_index.rowid "
    "WHERE article_index MATCH :fts AND article_index.indexed_at >= :since "
    f"AND article_index.rowid IN ({_SOURCES}) AND article_index.rowid NOT IN "
    "(SELECT article_id FROM deliveries WHERE subscription_id = :sub) "
    f"AND {_STORY} NOT IN (SELECT story_id FROM deliveries WHERE subscription_id = :sub "
    "AND story_id IS NOT NULL) "
    "ORDER BY article_index.indexed_at DESC, article_index.rowid DESC LIMIT :limit"
)


def list_pending_articles(
    db: Database, sub: Subscription, since: str, limit: int = 100
) -> list[IndexedArticle]:
    """Return the articles of undelivered stories a topic matches in its sources, newest first."""
    params = {"fts": sub.fts, "since": since, "chat": sub.chat_id, "sub": sub.id, "limit": limit}
    rows = db.execute(_PENDING, params).fetchall()
    return [
        IndexedArticle(int(r[0]), int(r[1]), str(r[2]), int(r[3]), r[4])
        for r in rows
        if r[1] is not None
    ]


def _digest(row: tuple[Any, ...]) -> DigestRecord:
    d_id, sub_id, chat_id, state, parts, skipped, slot, created = row
    return DigestRecord(int(d_id), int(sub_id), int(chat_id), state, int(parts), int(skipped),
                        slot, created)  # fmt: skip


def open_digest(
    db: Database,
    sub: Subscription,
    articles: Sequence[IndexedArticle],
    skipped: Sequence[IndexedArticle],
    slot_at: str | None,
    next_due_at: str | None,
) -> DigestRecord:
    """Open a digest of these articles (and log the skipped ones) and move the topic's due time."""
    now = now_iso()
    with db.atomic():
        cursor = db.execute(
            "INSERT INTO digests (subscription_id, chat_id, state, parts_sent, skipped, slot_at, "
            "created_at) VALUES (?, ?, 'sending', 0, ?, ?, ?)",
            [sub.id, sub.chat_id, len({a.story for a in skipped}), slot_at, now],
        )
        digest_id = int(cursor.lastrowid or 0)
        rows = [
            (sub.id, a.article_id, a.story, a.brief_id, digest_id, state, now)
            for state, group in (("sending", articles), ("skipped", skipped))
            for a in group
        ]
        db.conn.executemany(
            "INSERT INTO deliveries (subscription_id, article_id, story_id, brief_id, digest_id, "
            "state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.execute("UPDATE subscriptions SET next_due_at = ? WHERE id = ?", [next_due_at, sub.id])
    left_out = len({a.story for a in skipped})  # stories, however many copies each has
    return DigestRecord(digest_id, sub.id, sub.chat_id, "sending", 0, left_out, slot_at, now)


def get_digest(db: Database, digest_id: int) -> DigestRecord | None:
    """Return a digest by id, or None."""
    row = db.execute(f"SELECT {_DIGEST} FROM digests WHERE id = ?", [digest_id]).fetchone()
    return _digest(row) if row else None


def list_open_digests(db: Database) -> list[DigestRecord]:
    """Return the digests still being sent (after a crash: the ones to resume), oldest first."""
    rows = db.execute(f"SELECT {_DIGEST} FROM digests WHERE state = 'sending' ORDER BY id")
    return [_digest(row) for row in rows.fetchall()]


def list_digest_articles(db: Database, digest_id: int) -> list[IndexedArticle]:
    """Return the articles a digest carries, in the order it shows them, with their stories."""
    rows = db.execute(
        "SELECT d.article_id, d.brief_id, COALESCE(ai.indexed_at, ''), "
        "COALESCE(d.story_id, d.article_id), "
        + _PUBLISHED.format(article="d.article_id")
        + " FROM deliveries d "
        "LEFT JOIN article_index ai ON ai.rowid = d.article_id "
        "WHERE d.digest_id = ? AND d.state IN ('sending', 'sent') ORDER BY d.id",
        [digest_id],
    ).fetchall()
    return [IndexedArticle(int(r[0]), int(r[1]), str(r[2]), int(r[3]), r[4]) for r in rows]


def set_parts_sent(db: Database, digest_id: int, parts_sent: int) -> None:
    """Record that the first `parts_sent` messages of a digest went out."""
    db.execute("UPDATE digests SET parts_sent = ? WHERE id = ?", [parts_sent, digest_id])
    db.conn.commit()


def finish_digest(db: Database, digest: DigestRecord) -> None:
    """Mark a digest sent and, in the same transaction, its deliveries."""
    now = now_iso()
    with db.atomic():
        db.execute("UPDATE digests SET state = 'sent', sent_at = ? WHERE id = ?", [now, digest.id])
        db.execute(
            "UPDATE deliveries SET state = 'sent' WHERE digest_id = ? AND state = 'sending'",
            [digest.id],
        )
        db.execute(
            "UPDATE subscriptions SET last_digest_at = ? WHERE id = ?",
            [now, digest.subscription_id],
        )


def fail_digest(db: Database, digest: DigestRecord, error: str, release: bool) -> None:
    """Give up on a digest; `release` makes its articles pending again (else logged failed)."""
    with db.atomic():
        db.execute(
            "UPDATE digests SET state = 'failed', error = ? WHERE id = ?", [error[:500], digest.id]
        )
        if release:
            db.execute("DELETE FROM deliveries WHERE digest_id = ?", [digest.id])
        else:
            db.execute("UPDATE deliveries SET state = 'failed' WHERE digest_id = ?", [digest.id])


def count_deliveries(db: Database, sub_id: int, state: str = "sent") -> int:
    """Count a topic's delivered (or otherwise logged) articles."""
    row = db.execute(
        "SELECT COUNT(*) FROM deliveries WHERE subscription_id = ? AND state = ?", [sub_id, state]
    ).fetchone()
    return int(row[0])
