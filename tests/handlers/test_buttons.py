from __future__ import annotations

import json
from dataclasses import replace

from handlers import messages
from storage import save_brief
from tests.handlers.conftest import Harness
from tests.helpers.briefs import make_brief
from tests.helpers.offline import Call


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


# A brief sent as several messages (issue 11): its quotes view takes four messages


def _many_quotes_id(harness: Harness) -> int:
    brief = make_brief()
    brief = replace(brief, quotes=brief.quotes * 300)
    return save_brief(harness.db, brief, url_key="long", content_hash="long").id


def _ids(calls: list[Call]) -> list[int]:
    return [int(c.params["message_id"]) for c in calls]


async def _show_quotes(harness: Harness, brief_id: int) -> list[int]:
    """Press Quotes only under a one-message brief; return the ids of the four parts."""
    await harness.press(f"v:{brief_id}:q", message_id=1001)
    sent = harness.request.made("sendMessage")
    assert len(sent) == 3
    assert [s.keyboard is not None for s in sent] == [False, False, True]
    (row,) = harness.db.execute("SELECT message_id, part_ids FROM brief_parts").fetchall()
    parts = [int(i) for i in json.loads(row[1])]
    assert parts[0] == 1001
    assert row[0] == parts[-1]
    harness.request.calls.clear()
    return parts


async def test_on_view_button_to_long_view_edits_then_adds_parts(harness: Harness) -> None:
    brief_id = _many_quotes_id(harness)
    await harness.press(f"v:{brief_id}:q", message_id=1001)
    (edit,) = harness.request.made("editMessageText")
    assert int(edit.params["message_id"]) == 1001
    assert edit.keyboard is None  # the buttons go under the last part


async def test_on_view_button_on_long_brief_replaces_every_part(harness: Harness) -> None:
    parts = await _show_quotes(harness, brief_id := _many_quotes_id(harness))
    await harness.press(f"v:{brief_id}:a", message_id=parts[-1])
    (edit,) = harness.request.made("editMessageText")
    assert int(edit.params["message_id"]) == parts[0]
    assert "Quotes only" not in edit.text
    assert edit.keyboard is not None
    assert _ids(harness.request.made("deleteMessage")) == parts[1:]
    assert harness.request.made("sendMessage") == []


async def test_on_view_button_between_long_views_edits_every_part_in_order(
    harness: Harness,
) -> None:
    parts = await _show_quotes(harness, brief_id := _many_quotes_id(harness))
    await harness.press(f"v:{brief_id}:q", message_id=parts[-1])
    edits = harness.request.made("editMessageText")
    assert _ids(edits) == parts
    assert [e.keyboard is not None for e in edits] == [False, False, False, True]
    assert harness.request.made("sendMessage", "deleteMessage") == []


async def test_on_view_button_after_shrinking_finds_the_new_single_message(
    harness: Harness,
) -> None:
    parts = await _show_quotes(harness, brief_id := _many_quotes_id(harness))
    await harness.press(f"v:{brief_id}:a", message_id=parts[-1])
    harness.request.calls.clear()
    await harness.press(f"v:{brief_id}:q", message_id=parts[0])
    assert _ids(harness.request.made("editMessageText")) == parts[:1]
    assert len(harness.request.made("sendMessage")) == 3


async def test_on_view_button_part_that_cannot_be_deleted_says_where_the_brief_is(
    harness: Harness,
) -> None:
    parts = await _show_quotes(harness, brief_id := _many_quotes_id(harness))
    harness.request.fail_next("deleteMessage", 400, "Bad Request: message can't be deleted")
    await harness.press(f"v:{brief_id}:a", message_id=parts[-1])
    notes = [
        e for e in harness.request.made("editMessageText") if e.text == messages.PART_REPLACED
    ]
    assert _ids(notes) == parts[1:2]
