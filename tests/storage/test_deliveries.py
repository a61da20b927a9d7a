from __future__ import annotations

import sqlite3

import pytest

from bot.follow.topics import parse_topic
from storage import (
    Database,
    IndexedArticle,
    NewItem,
    Subscription,
    add_chat_feed,
    count_deliveries,
    fail_digest,
    finish_digest,
    get_subscription,
    index_article,
    link_item,
    list_digest_articles,
    list_open_digests,
    list_pending_articles,
    list_pending_items,
    open_digest,
    save_brief,
    save_feed,
    save_feed_items,
    save_subscription,
    set_parts_sent,
)
from tests.helpers.briefs import make_brief

CHAT = 11
SINCE = "2000-01-01"


def _article(db: Database, feed_id: int, n: int, title: str) -> int:
    url = f"https://news.example/{n}"
    stored = save_brief(db, make_brief(url, title), url_key=url, content_hash=f"h{n}")
    index_article(db, stored.article_id, title, stored.brief.article.text, ["Ann Lee"])
    save_feed_items(db, feed_id, [NewItem(f"g{n}", url, url, title, None)])
    item = next(i for i in list_pending_items(db) if i.url == url)
    link_item(db, item.id, stored.article_id)
    return stored.article_id


def _topic(db: Database, query: str) -> Subscription:
    parsed = parse_topic(query)
    sub, _ = save_subscription(db, CHAT, query, parsed.key(), parsed.to_fts(), "2026-01-01")
    return sub


@pytest.fixture
def feed_id(fresh_db: Database) -> int:
    feed = save_feed(fresh_db, "https://news.example/feed", "feed")
    add_chat_feed(fresh_db, CHAT, feed.id)
    return feed.id


def test_list_pending_articles_matches_topic_in_chat_sources(
    fresh_db: Database, feed_id: int
) -> None:
    bridge = _article(fresh_db, feed_id, 1, "Bridge to reopen")
    _article(fresh_db, feed_id, 2, "School budget")
    other = save_feed(fresh_db, "https://other.example/feed", "other")  # not this chat's
    _article(fresh_db, other.id, 3, "Bridge to close")
    pending = list_pending_articles(fresh_db, _topic(fresh_db, "reopen OR close"), SINCE)
    assert [a.article_id for a in pending] == [bridge]


def test_list_pending_articles_matches_actors(fresh_db: Database, feed_id: int) -> None:
    article = _article(fresh_db, feed_id, 1, "Bridge to reopen")
    assert [
        a.article_id
        for a in list_pending_articles(fresh_db, _topic(fresh_db, 'actor:"ann lee"'), SINCE)
    ] == [article]
    assert list_pending_articles(fresh_db, _topic(fresh_db, 'actor:"rebuild"'), SINCE) == []


def test_open_digest_takes_articles_out_of_pending(fresh_db: Database, feed_id: int) -> None:
    _article(fresh_db, feed_id, 1, "Bridge one")
    _article(fresh_db, feed_id, 2, "Bridge two")
    sub = _topic(fresh_db, "bridge")
    first, second = list_pending_articles(fresh_db, sub, SINCE)
    digest = open_digest(fresh_db, sub, [first], [second], "2026-01-01", "2026-01-02")
    assert list_pending_articles(fresh_db, sub, SINCE) == []
    assert list_digest_articles(fresh_db, digest.id) == [first]
    assert list_open_digests(fresh_db) == [digest]
    assert get_subscription(fresh_db, sub.id).next_due_at == "2026-01-02"  # type: ignore[union-attr]


def test_open_digest_refuses_an_article_twice(fresh_db: Database, feed_id: int) -> None:
    _article(fresh_db, feed_id, 1, "Bridge one")
    sub = _topic(fresh_db, "bridge")
    article = list_pending_articles(fresh_db, sub, SINCE)
    open_digest(fresh_db, sub, article, [], None, None)
    with pytest.raises(sqlite3.IntegrityError):
        open_digest(fresh_db, sub, article, [], None, None)
    assert len(list_open_digests(fresh_db)) == 1  # the second one rolled back whole


def test_finish_digest_marks_deliveries_sent(fresh_db: Database, feed_id: int) -> None:
    _article(fresh_db, feed_id, 1, "Bridge one")
    sub = _topic(fresh_db, "bridge")
    digest = open_digest(
        fresh_db, sub, list_pending_articles(fresh_db, sub, SINCE), [], None, None
    )
    set_parts_sent(fresh_db, digest.id, 1)
    assert list_open_digests(fresh_db)[0].parts_sent == 1
    finish_digest(fresh_db, digest)
    assert list_open_digests(fresh_db) == []
    assert count_deliveries(fresh_db, sub.id) == 1


def test_fail_digest_with_release_makes_articles_pending_again(
    fresh_db: Database, feed_id: int
) -> None:
    _article(fresh_db, feed_id, 1, "Bridge one")
    sub = _topic(fresh_db, "bridge")
    pending = list_pending_articles(fresh_db, sub, SINCE)
    digest = open_digest(fresh_db, sub, pending, [], None, None)
    fail_digest(fresh_db, digest, "blocked", release=True)
    assert list_pending_articles(fresh_db, sub, SINCE) == pending


def test_indexed_article_since_filters_older(fresh_db: Database, feed_id: int) -> None:
    _article(fresh_db, feed_id, 1, "Bridge one")
    assert list_pending_articles(fresh_db, _topic(fresh_db, "bridge"), "2999-01-01") == []
    assert IndexedArticle  # the record type the list holds
