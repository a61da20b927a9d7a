"""The article index: feed articles in FTS5 (title, text, actor names) for topic queries."""

from __future__ import annotations

from collections.abc import Sequence

from storage.db import Database, now_iso

__all__ = ["find_indexed_article", "get_latest_brief_id", "index_article"]

# Between two actors' names, so that a phrase never runs from one name into the next.
ACTOR_SEPARATOR = " xqactorsepx "


def index_article(
    db: Database, article_id: int, title: str | None, body: str, actors: Sequence[str]
) -> bool:
    """Add an article to the index once; False when it is there, or retention retired it."""
    if _is_indexed(db, article_id) or _is_retired(db, article_id):
        return False
    db.execute(
        "INSERT INTO article_index (rowid, title, body, actors, indexed_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [article_id, title or "", body, ACTOR_SEPARATOR.join(actors), now_iso()],
    )
    db.conn.commit()
    return True


def _is_retired(db: Database, article_id: int) -> bool:
    """Whether retention took the article out of the index: back in, it would be sent again."""
    row = db.execute("SELECT retired FROM articles WHERE id = ?", [article_id]).fetchone()
    return bool(row and row[0])


def _is_indexed(db: Database, article_id: int) -> bool:
    row = db.execute("SELECT 1 FROM article_index WHERE rowid = ?", [article_id]).fetchone()
    return row is not None


def find_indexed_article(
    db: Database, *, url_key: str | None = None, content_hash: str | None = None
) -> int | None:
    """Return the indexed article with this normalized URL, or else this content hash."""
    for column, value in (("url_key", url_key), ("content_hash", content_hash)):
        if value is None:
            continue
        row = db.execute(
            f"SELECT articles.id FROM articles JOIN article_index "
            f"ON article_index.rowid = articles.id WHERE articles.{column} = ? "
            "AND articles.url_key IS NOT NULL ORDER BY articles.id LIMIT 1",
            [value],
        ).fetchone()
        if row is not None:
            return int(row[0])
    return None


def get_latest_brief_id(db: Database, article_id: int) -> int | None:
    """Return the id of an article's newest brief, or None."""
    row = db.execute("SELECT MAX(id) FROM briefs WHERE article_id = ?", [article_id]).fetchone()
    return int(row[0]) if row and row[0] is not None else None
