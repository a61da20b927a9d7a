from __future__ import annotations

from storage import (
    Database,
    get_chat,
    get_user,
    mark_chat_active,
    mark_chat_inactive,
    save_chat,
    save_user,
)


def test_save_chat_creates_active_chat(fresh_db: Database) -> None:
    save_chat(fresh_db, 5, "private")
    chat = get_chat(fresh_db, 5)
    assert chat is not None
    assert (chat.type, chat.active) == ("private", True)


def test_mark_chat_inactive_keeps_reason(fresh_db: Database) -> None:
    save_chat(fresh_db, 5, "group", "Team")
    mark_chat_inactive(fresh_db, 5, "blocked")
    chat = get_chat(fresh_db, 5)
    assert chat is not None
    assert (chat.active, chat.inactive_reason, chat.title) == (False, "blocked", "Team")


def test_mark_chat_inactive_unknown_chat_creates_it(fresh_db: Database) -> None:
    mark_chat_inactive(fresh_db, 7, "kicked")
    chat = get_chat(fresh_db, 7)
    assert chat is not None
    assert chat.active is False


def test_save_chat_reactivates(fresh_db: Database) -> None:
    mark_chat_inactive(fresh_db, 5, "blocked")
    save_chat(fresh_db, 5, "private")
    chat = get_chat(fresh_db, 5)
    assert chat is not None
    assert (chat.active, chat.inactive_reason) == (True, None)


def test_mark_chat_active_clears_reason(fresh_db: Database) -> None:
    mark_chat_inactive(fresh_db, 5, "blocked")
    mark_chat_active(fresh_db, 5)
    chat = get_chat(fresh_db, 5)
    assert chat is not None
    assert chat.active is True


def test_get_chat_missing_is_none(fresh_db: Database) -> None:
    assert get_chat(fresh_db, 1) is None


def test_save_user_updates_name(fresh_db: Database) -> None:
    save_user(fresh_db, 9, "Ann", None, "en")
    save_user(fresh_db, 9, "Anna", "anna", "en")
    user = get_user(fresh_db, 9)
    assert user is not None
    assert (user.first_name, user.username) == ("Anna", "anna")
    assert get_user(fresh_db, 10) is None
