from __future__ import annotations

from handlers import messages
from storage import save_brief
from tests.handlers.conftest import Harness
from tests.helpers.briefs import make_brief


def _stored_id(harness: Harness) -> int:
    return save_brief(harness.db, make_brief(), url_key="k", content_hash="h").id


async def test_on_view_button_edits_in_place(harness: Harness) -> None:
    brief_id = _stored_id(harness)
    await harness.press(f"v:{brief_id}:q")
    (answer,) = harness.request.made("answerCallbackQuery")
    assert "text" not in answer.params
    (edit,) = harness.request.made("editMessageText")
    assert edit.params["message_id"] == 1001
    assert "Quotes only (1)" in edit.text
    assert edit.keyboard is not None
    assert edit.keyboard[0][0]["text"] == f"✓ {messages.BUTTON_QUOTES}"


async def test_on_view_button_same_view_is_not_an_error(harness: Harness) -> None:
    brief_id = _stored_id(harness)
    harness.request.fail_next(
        "editMessageText",
        400,
        "Bad Request: message is not modified: specified new message "
        "content and reply markup are exactly the same",
    )
    await harness.press(f"v:{brief_id}:f")
    assert harness.request.made("sendMessage") == []


async def test_on_view_button_unknown_brief_alerts(harness: Harness) -> None:
    await harness.press("v:999:a")
    (answer,) = harness.request.made("answerCallbackQuery")
    assert answer.params["text"] == messages.BRIEF_GONE
    assert answer.params["show_alert"] is True
    assert harness.request.made("editMessageText") == []


async def test_on_follow_button_says_coming_soon(harness: Harness) -> None:
    brief_id = _stored_id(harness)
    await harness.press(f"f:{brief_id}")
    (answer,) = harness.request.made("answerCallbackQuery")
    assert answer.params["text"] == messages.follow_soon("Ann Lee")
