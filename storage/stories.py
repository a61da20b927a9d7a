"""Stories: which indexed articles are copies of one another, and their fingerprints.

Each article the feeds bring gets one row in article_stories: its story (the id of the
first article of that story; its own id when it is new) and its MinHash fingerprint, and
one row per LSH band key in story_bands. A new article's candidates are the articles that
share a band key with it: one index lookup per band, whatever the number of articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storage.db import Database, now_iso

__all__ = [
    "StoryCandidate",
    "get_story",
    "list_story_candidates",
    "list_unfingerprinted",
    "move_deliveries_to_story",
    "save_story",
]

_CANDIDATES = (
    "SELECT s.article_id, s.story_id, s.signature, s.shingles FROM article_stories s "
    "JOIN (SELECT article_id, COUNT(*) AS shared FROM story_bands WHERE band_key IN ({marks}) "
    "GROUP BY article_id ORDER BY shared DESC, article_id LIMIT ?) c "
    "ON c.article_id = s.article_id ORDER BY c.shared DESC, s.article_id"
)


@dataclass(frozen=True, slots=True)
class StoryCandidate:
    """A stored article that shares a band key with a new one: its story and fingerprint."""

    article_id: int
    story_id: int
    signature: bytes
    shingles: int


def get_story(db: Database, article_id: int) -> int | None:
    """Return the story an article belongs to, or None when it has none yet."""
    row = db.execute(
        "SELECT story_id FROM article_stories WHERE article_id = ?", [article_id]
    ).fetchone()
    return int(row[0]) if row else None


def list_story_candidates(
    db: Database, band_keys: Sequence[int], limit: int = 200
) -> list[StoryCandidate]:
    """Return the articles sharing a band key with these, most shared keys first."""
    if not band_keys:
        return []
    marks = ", ".join("?" for _ in band_keys)
    rows = db.execute(_CANDIDATES.format(marks=marks), [*band_keys, limit]).fetchall()
    return [StoryCandidate(int(r[0]), int(r[1]), bytes(r[2]), int(r[3])) for r in rows]


def save_story(
    db: Database,
    article_id: int,
    story_id: int,
    signature: bytes,
    shingles: int,
    band_keys: Sequence[int],
) -> int:
    """Record an article's story and fingerprint once; return its story (the first one kept)."""
    with db.atomic():
        found = get_story(db, article_id)
        if found is not None:
            return found
        db.execute(
            "INSERT INTO article_stories (article_id, story_id, signature, shingles, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [article_id, story_id, signature, shingles, now_iso()],
        )
        db.conn.executemany(
            "INSERT OR IGNORE INTO story_bands (band_key, article_id) VALUES (?, ?)",
            [(key, article_id) for key in band_keys],
        )
    return story_id


def list_unfingerprinted(db: Database, limit: int) -> list[tuple[int, str]]:
    """Return indexed articles with no story yet (indexed before stories existed), oldest first."""
    rows = db.execute(
        "SELECT a.id, a.text FROM article_index i JOIN articles a ON a.id = i.rowid "
        "WHERE NOT EXISTS (SELECT 1 FROM article_stories s WHERE s.article_id = a.id) "
        "ORDER BY a.id LIMIT ?",
        [limit],
    ).fetchall()
    return [(int(r[0]), str(r[1] or "")) for r in rows]


def move_deliveries_to_story(db: Database, article_id: int, story_id: int) -> None:
    """Count an article's past deliveries as its story's, so no copy of it goes out again."""
    with db.atomic():
        db.execute(
            "UPDATE deliveries SET story_id = ? WHERE article_id = ?", [story_id, article_id]
        )
