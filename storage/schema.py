"""The schema, in one place: every table created or migrated idempotently at start.

Migrations run in order, each once (sqlite-utils records them in `_sqlite_migrations`), and
each creates with `if_not_exists` so a half-migrated file heals. Add a new function at the
end to change the schema; never edit an applied one.

Tables: chats, users, articles (one row per normalized URL or pasted text; `text` and
`title` are ready for an FTS5 index), briefs (a brief's JSON without the article text, which
it takes from its article), requests (one row per brief asked for). Subscriptions, feeds and
deliveries will reference chats(id), articles(id) and briefs(id).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

__all__ = ["MIGRATIONS", "migrate"]

MIGRATIONS = Migrations("briefbot")


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    """Create chats, users, articles, briefs and requests."""
    db.table("chats").create(
        {"id": int, "type": str, "title": str, "active": int, "inactive_reason": str,
         "created_at": str, "updated_at": str},
        pk="id", not_null=["type", "active"], defaults={"active": 1}, if_not_exists=True,
    )  # fmt: skip
    db.table("users").create(
        {"id": int, "first_name": str, "username": str, "language_code": str,
         "created_at": str, "last_seen_at": str},
        pk="id", if_not_exists=True,
    )  # fmt: skip
    db.table("articles").create(
        {"id": int, "url_key": str, "content_hash": str, "url": str, "title": str,
         "site": str, "byline": str, "published": str, "language": str, "text": str,
         "word_count": int, "created_at": str, "updated_at": str},
        pk="id", not_null=["content_hash", "text"], if_not_exists=True,
    )  # fmt: skip
    db.table("briefs").create(
        {"id": int, "article_id": int, "schema": str, "data": str, "created_at": str},
        pk="id", not_null=["article_id", "data"],
        foreign_keys=[("article_id", "articles", "id")], if_not_exists=True,
    )  # fmt: skip
    db.table("requests").create(
        {"id": int, "user_id": int, "chat_id": int, "kind": str, "source": str,
         "brief_id": int, "outcome": str, "duration_ms": int, "created_at": str},
        pk="id", not_null=["kind", "outcome", "created_at"], if_not_exists=True,
    )  # fmt: skip
    _m001_indexes(db)


def _m001_indexes(db: Database) -> None:
    db.table("articles").create_index(["url_key"], unique=True, if_not_exists=True)
    db.table("articles").create_index(["content_hash"], if_not_exists=True)
    db.table("briefs").create_index(["article_id", "created_at"], if_not_exists=True)
    db.table("requests").create_index(["user_id", "created_at"], if_not_exists=True)
    db.table("requests").create_index(["chat_id", "created_at"], if_not_exists=True)


@MIGRATIONS()
def m002_brief_engine(db: Database) -> None:
    """Record which engine made each brief, so an upgrade does not serve stale briefs."""
    if "engine" not in db.table("briefs").columns_dict:
        db.table("briefs").add_column("engine", str)


def migrate(db: Database) -> None:
    """Apply every pending migration; a no-op on an up-to-date database."""
    MIGRATIONS.apply(db)
