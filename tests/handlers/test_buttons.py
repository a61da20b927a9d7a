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


async def test_on_follow_button_offers_top_actor_and_topics(harness: Harness) -> None:
    brief_id = _stored_id(harness)
    await harness.press(f"f:{brief_id}")
    (offer,) = harness.request.made("sendMessage")
    assert offer.text == messages.FOLLOW_CHOICES
    assert offer.keyboard is not None
    buttons = [(row[0]["text"], row[0]["callback_data"]) for row in offer.keyboard]
    assert buttons == [
        ("Follow Ann Lee", f"ft:{brief_id}:0"),
        ("Follow bridge", f"ft:{brief_id}:1"),
    ]
    assert all(len(data.encode()) < 64 for _label, data in buttons)


async def test_follow_option_follows_the_actor(harness: Harness) -> None:
    brief_id = _stored_id(harness)
    await harness.press(f"ft:{brief_id}:0")
    (reply,) = harness.request.made("sendMessage")
    assert 'You now follow <b>actor:"Ann Lee"</b>' in reply.text
    (sub,) = harness.app.bot_data.subscriptions.topics(501)  # type: ignore[union-attr]
    assert sub.query == 'actor:"Ann Lee"'


async def test_on_open_button_sends_the_full_brief(harness: Harness) -> None:
    brief_id = _stored_id(harness)
    await harness.press(f"o:{brief_id}")
    (sent,) = harness.request.made("sendMessage")
    assert "Bridge to reopen" in sent.text
    assert sent.keyboard is not None
