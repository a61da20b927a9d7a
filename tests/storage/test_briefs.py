from __future__ import annotations

import json
from datetime import datetime, timedelta

from storage import Database, get_brief, get_cached_brief, get_pasted_brief, save_brief
from tests.helpers.briefs import make_brief


def test_save_brief_round_trips(fresh_db: Database) -> None:
    brief = make_brief()
    stored = save_brief(fresh_db, brief, url_key="https://news.example/bridge", content_hash="h1")
    assert get_brief(fresh_db, stored.id) == stored
    assert stored.brief == brief


def test_get_brief_missing_is_none(fresh_db: Database) -> None:
    assert get_brief(fresh_db, 999) is None


def test_save_brief_stores_article_text_once(fresh_db: Database) -> None:
    save_brief(fresh_db, make_brief(), url_key="k", content_hash="h1")
    data = json.loads(fresh_db.execute("SELECT data FROM briefs").fetchone()[0])
    assert "text" not in data["article"]


def test_get_cached_brief_returns_newest(fresh_db: Database) -> None:
    save_brief(fresh_db, make_brief(title="Old"), url_key="k", content_hash="h1")
    newer = save_brief(fresh_db, make_brief(title="New"), url_key="k", content_hash="h2")
    cached = get_cached_brief(fresh_db, "k")
    assert cached is not None
    assert cached.id == newer.id
    assert cached.brief.article.title == "New"
    assert fresh_db.table("articles").count == 1


def test_get_cached_brief_skips_expired(fresh_db: Database) -> None:
    save_brief(fresh_db, make_brief(), url_key="k", content_hash="h1")
    later = datetime.now().astimezone() + timedelta(hours=25)
    assert get_cached_brief(fresh_db, "k", timedelta(hours=24), now=later) is None
    assert get_cached_brief(fresh_db, "k", timedelta(hours=24)) is not None


def test_get_cached_brief_unknown_url_is_none(fresh_db: Database) -> None:
    assert get_cached_brief(fresh_db, "https://other.example/") is None


def test_get_pasted_brief_finds_by_hash_only_for_pasted(fresh_db: Database) -> None:
    save_brief(fresh_db, make_brief(), url_key="k", content_hash="same")
    assert get_pasted_brief(fresh_db, "same") is None
    pasted = save_brief(fresh_db, make_brief(url=None), url_key=None, content_hash="same")
    found = get_pasted_brief(fresh_db, "same")
    assert found is not None
    assert found.id == pasted.id
