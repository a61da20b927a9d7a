"""Briefs and their articles: save a brief, get it by id, find a cached one."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from bot.briefing.model import SCHEMA, Brief
from bot.briefing.serialize import article_to_dict, brief_from_dict, brief_to_dict
from bot.version import engine_version
from storage.db import Database, insert_row, now_iso
from storage.quotes import index_quotes
from storage.records import StoredBrief

__all__ = ["get_brief", "get_cached_brief", "get_pasted_brief", "save_brief"]

_SELECT = (
    "SELECT briefs.id, briefs.article_id, briefs.data, briefs.created_at, articles.text "
    "FROM briefs JOIN articles ON articles.id = briefs.article_id "
)


_ARTICLE_COLUMNS = (
    "url",
    "title",
    "site",
    "byline",
    "published",
    "language",
    "text",
    "word_count",
)


def _article_row(brief: Brief, url_key: str | None, content_hash: str, now: str) -> dict[str, Any]:
    fields = article_to_dict(brief.article)
    row = {name: fields[name] for name in _ARTICLE_COLUMNS}
    return {"url_key": url_key, "content_hash": content_hash, **row, "updated_at": now}


def _find_article(db: Database, url_key: str | None, content_hash: str) -> int | None:
    if url_key is not None:
        rows = db.execute("SELECT id FROM articles WHERE url_key = ?", [url_key]).fetchall()
    else:
        rows = db.execute(
            "SELECT id FROM articles WHERE url_key IS NULL AND content_hash = ?", [content_hash]
        ).fetchall()
    return int(rows[0][0]) if rows else None


def _save_article(db: Database, row: dict[str, Any], now: str) -> int:
    article_id = _find_article(db, row["url_key"], row["content_hash"])
    if article_id is None:
        return insert_row(db, "articles", {**row, "created_at": now})
    db.table("articles").update(article_id, row)
    return article_id


def save_brief(
    db: Database, brief: Brief, *, url_key: str | None, content_hash: str
) -> StoredBrief:
    """Store a brief with its article (found by `url_key`, else by content hash); return it."""
    now = now_iso()
    data = brief_to_dict(brief)
    data["article"].pop("text")  # the article row holds the text once
    with db.atomic():
        article_id = _save_article(db, _article_row(brief, url_key, content_hash, now), now)
        row = {
            "article_id": article_id,
            "schema": brief.schema,
            "engine": engine_version(),
            "created_at": now,
        }
        row["data"] = json.dumps(data, ensure_ascii=False)
        brief_id = insert_row(db, "briefs", row)
        if url_key is not None:  # only public articles: never a text a user pasted
            index_quotes(db, brief_id, article_id, brief, now)
    return StoredBrief(id=brief_id, article_id=article_id, brief=brief, created_at=now)


def _stored(row: tuple[Any, ...]) -> StoredBrief:
    brief_id, article_id, data, created_at, text = row
    payload = json.loads(data)
    payload["article"]["text"] = text
    return StoredBrief(int(brief_id), int(article_id), brief_from_dict(payload), str(created_at))


def get_brief(db: Database, brief_id: int) -> StoredBrief | None:
    """Return the brief with this id, or None."""
    row = db.execute(_SELECT + "WHERE briefs.id = ?", [brief_id]).fetchone()
    return _stored(row) if row else None


def _latest(db: Database, where: str, params: list[Any], since: str | None) -> StoredBrief | None:
    # Only briefs made by this very engine count: an upgrade briefs the article again.
    clauses = [where, "briefs.schema = ?", "briefs.engine = ?"]
    clauses += ["briefs.created_at >= ?"] if since else []
    sql = _SELECT + "WHERE " + " AND ".join(clauses) + " ORDER BY briefs.id DESC LIMIT 1"
    values = [*params, SCHEMA, engine_version(), *([since] if since else [])]
    row = db.execute(sql, values).fetchone()
    return _stored(row) if row else None


def get_cached_brief(
    db: Database, url_key: str, max_age: timedelta | None = None, now: datetime | None = None
) -> StoredBrief | None:
    """Return the newest brief of the article at this normalized URL, if not older than max_age."""
    since = now_iso((now or datetime.now().astimezone()) - max_age) if max_age else None
    return _latest(db, "articles.url_key = ?", [url_key], since)


def get_pasted_brief(db: Database, content_hash: str) -> StoredBrief | None:
    """Return the newest brief of a pasted text with this content hash, if any."""
    where = "articles.url_key IS NULL AND articles.content_hash = ?"
    return _latest(db, where, [content_hash], None)
