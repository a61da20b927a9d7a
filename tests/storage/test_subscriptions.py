from __future__ import annotations

from storage import (
    ChatSettings,
    Database,
    delete_subscription,
    get_chat_settings,
    get_earliest_due,
    list_due_subscriptions,
    list_instant_subscriptions,
    list_subscriptions,
    mark_chat_inactive,
    move_chat,
    save_chat_settings,
    save_subscription,
    set_subscription_paused,
    set_subscription_schedule,
)


def _follow(db: Database, chat: int, query: str, due: str | None = "2026-01-01T08:00") -> int:
    sub, _new = save_subscription(db, chat, query, query.lower(), f'"{query}"', due)
    return sub.id


def test_save_subscription_same_key_returns_the_existing_one(fresh_db: Database) -> None:
    first, created = save_subscription(fresh_db, 1, "Harbor", "harbor", '"harbor"', None)
    again, created_again = save_subscription(fresh_db, 1, "HARBOR", "harbor", '"harbor"', None)
    assert (created, created_again) == (True, False)
    assert again == first


def test_list_due_subscriptions_skips_paused_and_inactive_chats(fresh_db: Database) -> None:
    due = _follow(fresh_db, 1, "a")
    paused = _follow(fresh_db, 1, "b")
    _follow(fresh_db, 2, "c")
    _follow(fresh_db, 1, "d", due="2026-01-02T08:00")
    set_subscription_paused(fresh_db, paused, True)
    mark_chat_inactive(fresh_db, 2, "kicked")
    assert [s.id for s in list_due_subscriptions(fresh_db, "2026-01-01T09:00")] == [due]
    assert get_earliest_due(fresh_db) == "2026-01-01T08:00"


def test_list_instant_subscriptions_has_no_due_time(fresh_db: Database) -> None:
    instant = _follow(fresh_db, 1, "a", due=None)
    _follow(fresh_db, 1, "b")
    assert [s.id for s in list_instant_subscriptions(fresh_db)] == [instant]


def test_set_subscription_schedule_sets_own_schedule(fresh_db: Database) -> None:
    sub_id = _follow(fresh_db, 1, "a")
    set_subscription_schedule(fresh_db, sub_id, "every 6", "2026-01-01T06:00")
    (sub,) = list_subscriptions(fresh_db, 1)
    assert (sub.schedule, sub.next_due_at) == ("every 6", "2026-01-01T06:00")


def test_delete_subscription_forgets_it(fresh_db: Database) -> None:
    sub_id = _follow(fresh_db, 1, "a")
    delete_subscription(fresh_db, sub_id)
    assert list_subscriptions(fresh_db, 1) == []


def test_chat_settings_default_then_saved(fresh_db: Database) -> None:
    assert get_chat_settings(fresh_db, 5) == ChatSettings(5, "UTC", "daily 08:00")
    save_chat_settings(fresh_db, ChatSettings(5, "Europe/Berlin", "every 6"))
    assert get_chat_settings(fresh_db, 5) == ChatSettings(5, "Europe/Berlin", "every 6")


def test_move_chat_moves_topics_and_settings(fresh_db: Database) -> None:
    _follow(fresh_db, -5, "a")
    save_chat_settings(fresh_db, ChatSettings(-5, "Europe/Berlin", "every 6"))
    move_chat(fresh_db, -5, -1005)
    assert [s.chat_id for s in list_subscriptions(fresh_db, -1005)] == [-1005]
    assert get_chat_settings(fresh_db, -1005).time_zone == "Europe/Berlin"
