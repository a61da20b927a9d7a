from __future__ import annotations

import pytest

from bot.errors import BlockedAddress, TooHeavy
from bot.service import ServiceSettings
from handlers import messages
from storage import list_requests
from tests.handlers.conftest import GROUP_ID, USER_ID, Harness
from tests.helpers.offline import BOT_ID, BOT_USERNAME

LINK = "https://news.example/bridge"
ARTICLE = " ".join(["The council met again today to argue about the bridge."] * 12)


def _link_entity(text: str, url: str = LINK) -> dict[str, object]:
    return {"type": "url", "offset": text.index(url), "length": len(url)}


async def test_on_message_link_shows_progress_then_brief(harness: Harness) -> None:
    text = f"Look: {LINK}"
    await harness.send(text, entities=[_link_entity(text)])
    calls = harness.request.made("sendMessage", "editMessageText")
    assert calls[0].method == "sendMessage"
    assert calls[0].text.startswith("Reading the article…")
    stages = [c.text for c in calls[1:-1]]
    assert any("Finding the article text" in s for s in stages)
    assert any("Finding quotes" in s for s in stages)
    final = calls[-1]
    assert final.method == "editMessageText"
    assert "Bridge to reopen" in final.text
    assert final.keyboard is not None
    datas = [b["callback_data"] for row in final.keyboard for b in row]
    assert all(len(d.encode()) < 64 for d in datas)


async def test_on_message_link_sends_typing_action(harness: Harness) -> None:
    text = f"Look: {LINK}"
    await harness.send(text, entities=[_link_entity(text)])
    assert harness.request.made("sendChatAction")[0].params["action"] == "typing"


async def test_on_message_cached_link_answers_in_one_message(harness: Harness) -> None:
    text = f"Look: {LINK}"
    await harness.send(text, entities=[_link_entity(text)])
    harness.request.calls.clear()
    await harness.send(text, entities=[_link_entity(text)])
    (call,) = harness.request.made("sendMessage", "editMessageText")
    assert call.method == "sendMessage"
    assert "Bridge to reopen" in call.text
    assert harness.links.fetched == [LINK]


async def test_on_message_pasted_text_is_briefed(harness: Harness) -> None:
    await harness.send(ARTICLE)
    calls = harness.request.made("sendMessage", "editMessageText")
    assert calls[0].text.startswith("Reading your text…")
    assert "Bridge to reopen" in calls[-1].text
    assert harness.briefer.texts == [ARTICLE]


async def test_on_message_short_text_gets_hint(harness: Harness) -> None:
    await harness.send("hello bot")
    (call,) = harness.request.made("sendMessage")
    assert call.text == messages.SHORT_HINT


async def test_on_message_text_link_entity_is_briefed(harness: Harness) -> None:
    entity = {"type": "text_link", "offset": 0, "length": 4, "url": LINK}
    await harness.send("this story", entities=[entity])
    assert harness.links.fetched == [LINK]


async def test_on_message_caption_link_is_briefed(harness: Harness) -> None:
    caption = f"Photo and {LINK}"
    photo = [{"file_id": "p", "file_unique_id": "u", "width": 1, "height": 1}]
    await harness.send("", photo=photo, caption=caption, caption_entities=[_link_entity(caption)])
    assert harness.links.fetched == [LINK]


async def test_on_message_more_than_three_links_briefs_three(harness: Harness) -> None:
    links = [f"https://news.example/{n}" for n in range(4)]
    text = " ".join(links)
    entities = [_link_entity(text, link) for link in links]
    await harness.send(text, entities=entities)
    assert harness.request.made("sendMessage")[0].text == messages.TOO_MANY_LINKS
    assert harness.links.fetched == links[:3]


async def test_on_message_fetch_error_replaces_progress(harness: Harness) -> None:
    harness.links.errors[LINK] = BlockedAddress()
    text = f"Look: {LINK}"
    await harness.send(text, entities=[_link_entity(text)])
    last = harness.request.made("sendMessage", "editMessageText")[-1]
    assert last.method == "editMessageText"
    assert last.text == BlockedAddress.default_message
    (record,) = list_requests(harness.db)
    assert record.entry.outcome == "BlockedAddress"


@pytest.mark.parametrize("settings", [ServiceSettings(briefs_per_minute=1)])
async def test_on_message_over_rate_limit_says_wait(harness: Harness) -> None:
    await harness.send(ARTICLE)
    await harness.send(ARTICLE + " Again.")
    last = harness.request.made("sendMessage")[-1]
    assert "many briefs" in last.text
    assert "seconds" in last.text


@pytest.mark.parametrize("settings", [ServiceSettings(max_chars=1000)])
async def test_on_message_too_long_text_gives_reason(harness: Harness) -> None:
    await harness.send(ARTICLE * 3)
    (call,) = harness.request.made("sendMessage")
    assert "characters; I brief up to 1,000" in call.text


async def test_on_message_job_over_time_limit_is_answered_politely(harness: Harness) -> None:
    harness.briefer.error = TooHeavy(detail="over 30 s")  # issue 11
    text = f"Look: {LINK}"
    await harness.send(text, entities=[_link_entity(text)])
    last = harness.request.made("sendMessage", "editMessageText")[-1]
    assert last.text == TooHeavy.default_message
    (record,) = list_requests(harness.db)
    assert record.entry.outcome == "TooHeavy"


async def test_on_message_job_runs_in_the_users_turn(harness: Harness) -> None:
    await harness.send(ARTICLE)
    assert harness.briefer.owners == [("user", USER_ID)]


async def test_brief_command_with_link(harness: Harness) -> None:
    text = f"/brief {LINK}"
    await harness.send(text, entities=[_link_entity(text)])
    assert harness.links.fetched == [LINK]


async def test_brief_command_without_scheme(harness: Harness) -> None:
    await harness.send("/brief news.example/bridge")
    assert harness.links.fetched == [LINK]


async def test_brief_command_alone_explains_usage(harness: Harness) -> None:
    await harness.send("/brief")
    (call,) = harness.request.made("sendMessage")
    assert call.text == messages.BRIEF_USAGE


async def test_brief_command_as_reply_to_link(harness: Harness) -> None:
    original = {"message_id": 77, "date": 0, "text": f"see {LINK}",
                "chat": {"id": USER_ID, "type": "private"},
                "entities": [_link_entity(f"see {LINK}")]}  # fmt: skip
    await harness.send("/brief", reply_to_message=original)
    assert harness.links.fetched == [LINK]


async def test_quotes_command_as_reply_to_text_shows_quotes(harness: Harness) -> None:
    original = {"message_id": 77, "date": 0, "text": ARTICLE,
                "chat": {"id": USER_ID, "type": "private"}}  # fmt: skip
    await harness.send("/quotes", reply_to_message=original)
    final = harness.request.made("sendMessage", "editMessageText")[-1]
    assert "Quotes only (1)" in final.text
    assert final.keyboard is not None
    assert final.keyboard[0][0]["text"] == f"✓ {messages.BUTTON_QUOTES}"


async def test_on_message_group_link_without_mention_is_ignored(harness: Harness) -> None:
    text = f"Look: {LINK}"
    await harness.send(text, chat_id=GROUP_ID, entities=[_link_entity(text)])
    assert harness.request.made() == []


async def test_on_message_group_mention_is_answered(harness: Harness) -> None:
    text = f"@{BOT_USERNAME} {LINK}"
    mention = {"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}
    await harness.send(text, chat_id=GROUP_ID, entities=[mention, _link_entity(text)])
    assert harness.links.fetched == [LINK]


async def test_on_message_group_reply_to_bot_is_answered(harness: Harness) -> None:
    replied = {"message_id": 9, "date": 0, "text": "brief",
               "chat": {"id": GROUP_ID, "type": "supergroup"},
               "from": {"id": BOT_ID, "is_bot": True, "first_name": "Brief"}}  # fmt: skip
    await harness.send("thanks", chat_id=GROUP_ID, reply_to_message=replied)
    (call,) = harness.request.made("sendMessage")
    assert call.text == messages.SHORT_HINT


async def test_on_message_long_brief_keeps_keyboard_on_last_part(harness: Harness) -> None:
    from dataclasses import replace

    brief = harness.briefer.brief
    summary = (" ".join(["A long summary sentence goes on."] * 800),)
    harness.briefer.brief = replace(brief, summary=summary)
    await harness.send(ARTICLE)
    parts = harness.request.made("sendMessage", "editMessageText")[1:]
    assert len(parts) >= 2
    assert [p.keyboard is not None for p in parts][-1]
    assert not any(p.keyboard for p in parts[:-1])


async def test_on_message_long_brief_remembers_every_part(harness: Harness) -> None:
    import json
    from dataclasses import replace

    summary = (" ".join(["A long summary sentence goes on."] * 800),)
    harness.briefer.brief = replace(harness.briefer.brief, summary=summary)
    await harness.send(ARTICLE)
    _status, *rest = harness.request.made("sendMessage")
    edit = harness.request.made("editMessageText")[-1]
    (row,) = harness.db.execute("SELECT message_id, part_ids FROM brief_parts").fetchall()
    parts = json.loads(row[1])
    assert parts[0] == int(edit.params["message_id"])  # the status message became part one
    assert len(parts) == len(rest) + 1
    assert row[0] == parts[-1]
