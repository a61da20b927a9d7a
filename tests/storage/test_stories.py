"""Stories in storage: saved once, found by band keys, and the delivery log's story column."""

from __future__ import annotations

from pathlib import Path

from storage import Database, get_story, list_story_candidates, open_db, save_story


def test_save_story_keeps_the_first_story(fresh_db: Database) -> None:
    assert save_story(fresh_db, 5, 5, b"\x01" * 8, 10, [1, 2]) == 5
    assert save_story(fresh_db, 5, 3, b"\x02" * 8, 10, [3]) == 5  # a second call changes nothing
    assert get_story(fresh_db, 5) == 5
    assert get_story(fresh_db, 6) is None


def test_list_story_candidates_finds_articles_sharing_a_band(fresh_db: Database) -> None:
    save_story(fresh_db, 1, 1, b"a", 4, [10, 11, 12])
    save_story(fresh_db, 2, 1, b"b", 5, [11, 12])
    save_story(fresh_db, 3, 3, b"c", 6, [99])
    found = list_story_candidates(fresh_db, [11, 12, 13])
    assert [(c.article_id, c.story_id, c.signature, c.shingles) for c in found] == [
        (1, 1, b"a", 4),
        (2, 1, b"b", 5),
    ]
    assert list_story_candidates(fresh_db, []) == []


def test_migration_keys_old_deliveries_on_their_article(tmp_path: Path) -> None:
    db = open_db(tmp_path / "old.db")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_stories'")
    db.execute("INSERT INTO deliveries (subscription_id, article_id, state, story_id) "
               "VALUES (1, 7, 'sent', NULL)")  # fmt: skip
    db.conn.commit()
    db.close()
    again = open_db(tmp_path / "old.db")  # the migration runs again, idempotently
    assert again.execute("SELECT story_id FROM deliveries").fetchall() == [(7,)]
