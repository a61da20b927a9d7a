from __future__ import annotations

from storage import (
    Database,
    NewItem,
    add_chat_feed,
    link_item,
    list_chat_feeds,
    list_due_feeds,
    list_pending_items,
    record_poll,
    record_poll_failure,
    remove_chat_feed,
    save_feed,
    save_feed_items,
    set_default_feeds,
    set_item_failed,
)


def _item(n: int) -> NewItem:
    return NewItem(
        f"g{n}", f"https://news.example/{n}", f"https://news.example/{n}", f"S {n}", None
    )


def test_save_feed_is_found_by_its_key(fresh_db: Database) -> None:
    first = save_feed(fresh_db, "https://news.example/feed/", "https://news.example/feed")
    again = save_feed(fresh_db, "https://NEWS.example/feed", "https://news.example/feed", "N")
    assert again.id == first.id
    assert again.title == "N"


def test_list_due_feeds_only_wanted_active_and_due(fresh_db: Database) -> None:
    chat_feed = save_feed(fresh_db, "https://a.example/f", "a")
    save_feed(fresh_db, "https://b.example/f", "b")  # nobody wants it
    (default,) = set_default_feeds(fresh_db, [("https://c.example/f", "c")])
    add_chat_feed(fresh_db, 1, chat_feed.id)
    record_poll(fresh_db, default.id, '"e"', None, "C", "2026-01-01T10:00")
    assert [f.id for f in list_due_feeds(fresh_db, "2026-01-01T09:00")] == [chat_feed.id]
    assert {f.id for f in list_due_feeds(fresh_db, "2026-01-01T10:00")} == {
        chat_feed.id,
        default.id,
    }


def test_record_poll_failure_backs_off_and_deactivates(fresh_db: Database) -> None:
    feed = save_feed(fresh_db, "https://a.example/f", "a")
    add_chat_feed(fresh_db, 1, feed.id)
    record_poll_failure(fresh_db, feed.id, "HTTP 500", "2026-01-01T10:00", deactivate=False)
    assert list_due_feeds(fresh_db, "2026-01-01T09:00") == []
    record_poll_failure(fresh_db, feed.id, "HTTP 500", "2026-01-01T11:00", deactivate=True)
    (stored,) = list_chat_feeds(fresh_db, 1)
    assert (stored.failures, stored.active, stored.last_error) == (2, False, "HTTP 500")
    assert save_feed(fresh_db, "https://a.example/f", "a").active  # added again: active


def test_chat_feeds_add_and_remove(fresh_db: Database) -> None:
    feed = save_feed(fresh_db, "https://a.example/f", "a")
    assert add_chat_feed(fresh_db, 1, feed.id)
    assert not add_chat_feed(fresh_db, 1, feed.id)
    assert remove_chat_feed(fresh_db, 1, feed.id)
    assert list_chat_feeds(fresh_db, 1) == []


def test_save_feed_items_counts_only_new_ones(fresh_db: Database) -> None:
    feed = save_feed(fresh_db, "https://a.example/f", "a")
    assert save_feed_items(fresh_db, feed.id, [_item(1), _item(2)]) == 2
    assert save_feed_items(fresh_db, feed.id, [_item(2), _item(3)]) == 1
    assert [i.url for i in list_pending_items(fresh_db)][-1] == "https://news.example/3"


def test_pending_items_leave_linked_and_given_up(fresh_db: Database) -> None:
    feed = save_feed(fresh_db, "https://a.example/f", "a")
    save_feed_items(fresh_db, feed.id, [_item(1), _item(2), _item(3)])
    first, second, third = list_pending_items(fresh_db)
    fresh_db.execute("INSERT INTO articles (id, content_hash, text) VALUES (9, 'h', 't')")
    link_item(fresh_db, first.id, 9)
    set_item_failed(fresh_db, second.id, "timeout", give_up=False)
    set_item_failed(fresh_db, third.id, "404", give_up=True)
    assert [(i.id, i.attempts) for i in list_pending_items(fresh_db)] == [(second.id, 1)]
