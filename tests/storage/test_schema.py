from __future__ import annotations

from pathlib import Path

from storage import Database, migrate, open_db

TABLES = {"chats", "users", "articles", "briefs", "requests"}


def test_open_db_creates_every_table(fresh_db: Database) -> None:
    assert set(fresh_db.table_names()) >= TABLES


def test_migrate_is_idempotent(fresh_db: Database) -> None:
    before = fresh_db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()
    migrate(fresh_db)
    migrate(fresh_db)
    assert fresh_db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone() == before


def test_open_db_reopens_a_file_keeping_rows(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "bot.db"
    db = open_db(path)
    db.table("chats").insert({"id": 1, "type": "private", "active": 1})
    db.close()
    again = open_db(path)
    assert again.table("chats").count == 1
    assert again.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again.close()


def test_articles_accept_an_fts5_index_later(fresh_db: Database) -> None:
    fresh_db.table("articles").enable_fts(["title", "text"], fts_version="FTS5")
    assert "articles_fts" in fresh_db.table_names()
