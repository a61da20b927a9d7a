from __future__ import annotations

import logging

import pytest

from handlers import messages
from storage import get_chat
from tests.handlers.conftest import USER_ID, Harness


async def test_on_error_forbidden_marks_chat_inactive(harness: Harness) -> None:
    harness.request.fail_next("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await harness.send("/start")
    chat = get_chat(harness.db, USER_ID)
    assert chat is not None
    assert chat.active is False
    assert len(harness.request.made("sendMessage")) == 1  # no apology to a chat that is gone


async def test_on_error_bad_request_logs_text_and_apologizes(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.request.fail_next("sendMessage", 400, "Bad Request: can't parse entities")
    with caplog.at_level(logging.ERROR):
        await harness.send("/help")
    assert any("How to use me" in record.getMessage() for record in caplog.records)
    assert harness.request.made("sendMessage")[-1].text == messages.GENERIC_ERROR


async def test_on_my_chat_member_kicked_marks_inactive(harness: Harness) -> None:
    member = {"user": {"id": 4242, "is_bot": True, "first_name": "Brief"}}
    change = {
        "chat": {"id": USER_ID, "type": "private"},
        "from": {"id": USER_ID, "is_bot": False, "first_name": "Ann"},
        "date": 0,
        "old_chat_member": {**member, "status": "member"},
        "new_chat_member": {**member, "status": "kicked", "until_date": 0},
    }
    await harness.process({"update_id": 5, "my_chat_member": change})
    chat = get_chat(harness.db, USER_ID)
    assert chat is not None
    assert (chat.active, chat.inactive_reason) == (False, "kicked")
