"""The control API: injecting what users do, reading what the bot did, and starting over."""

from __future__ import annotations

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

from bot.localapi import ControlClient, LocalBotApiServer, start_in_thread
from bot.localapi.control import ControlApiError

from .conftest import PRIVATE_CHAT

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Actors", callback_data="a:7")]])


async def test_inject_message_finds_url_entities(control: ControlClient) -> None:
    update = await control.inject_message("read https://example.com/story please")
    message = update["message"]
    assert message["chat"] == {"id": PRIVATE_CHAT, "type": "private", "first_name": "User 100001"}
    assert message["entities"] == [{"type": "url", "offset": 5, "length": 25}]


async def test_inject_message_in_group_with_reply_and_given_entities(
    control: ControlClient,
) -> None:
    first = await control.inject_message(
        "article", chat_id=-42, chat_type="group", user_id=7, chat_title="Newsroom"
    )
    link = [{"type": "text_link", "offset": 0, "length": 4, "url": "https://example.com/a"}]
    update = await control.inject_message(
        "this one",
        chat_id=-42,
        chat_type="group",
        user_id=8,
        entities=link,
        reply_to_message_id=first["message"]["message_id"],
    )
    message = update["message"]
    assert (message["chat"]["type"], message["chat"]["title"]) == ("group", "Newsroom")
    assert message["reply_to_message"]["text"] == "article"
    assert message["entities"] == link


async def test_inject_caption_and_forward_origin(control: ControlClient) -> None:
    origin = {"type": "hidden_user", "sender_user_name": "Ann"}
    update = await control.inject_message(caption="see example.org", forward_origin=origin)
    message = update["message"]
    assert message["caption_entities"] == [{"type": "url", "offset": 4, "length": 11}]
    assert message["photo"]
    assert "text" not in message
    assert message["forward_origin"]["sender_user_name"] == "Ann"


async def test_inject_command_marks_command_and_links(control: ControlClient) -> None:
    update = await control.inject_command("brief", "https://example.com/x", mention_bot=True)
    message = update["message"]
    assert message["text"] == "/brief@briefbot_local_bot https://example.com/x"
    assert [e["type"] for e in message["entities"]] == ["bot_command", "url"]
    assert message["entities"][0]["length"] == len("/brief@briefbot_local_bot")


async def test_user_cannot_send_over_4096_characters(control: ControlClient) -> None:
    with pytest.raises(ControlApiError, match="allow_long"):
        await control.inject_message("x" * 4097)
    update = await control.inject_message("x" * 4097, allow_long=True)
    assert len(update["message"]["text"]) == 4097


async def test_private_chat_id_must_be_the_user_id(control: ControlClient) -> None:
    with pytest.raises(ControlApiError, match="private chat's id is the user's id"):
        await control.inject_message("x", chat_id=5, user_id=6)


async def test_press_button_needs_a_real_button(bot: Bot, control: ControlClient) -> None:
    sent = await bot.send_message(PRIVATE_CHAT, "brief", reply_markup=KEYBOARD)
    with pytest.raises(ControlApiError, match="no button with that callback_data"):
        await control.press_button(PRIVATE_CHAT, sent.message_id, "a:8")
    update = await control.press_button(PRIVATE_CHAT, sent.message_id, "a:7")
    query = update["callback_query"]
    assert (query["data"], query["message"]["message_id"]) == ("a:7", sent.message_id)
    assert query["from"]["id"] == PRIVATE_CHAT


async def test_calls_filter_by_method_chat_and_cursor(bot: Bot, control: ControlClient) -> None:
    await control.inject_message("hi", chat_id=-5, chat_type="group")
    since = await control.cursor()
    await bot.send_message(PRIVATE_CHAT, "one")
    await bot.send_message(-5, "two")
    await bot.send_chat_action(-5, "typing")
    assert [c.text for c in await control.calls("sendMessage", since=since)] == ["one", "two"]
    in_group = await control.calls(chat_id=-5, since=since)
    assert [c.method for c in in_group] == ["sendMessage", "sendChatAction"]
    both = await control.calls(["sendChatAction", "sendMessage"], chat_id=-5, since=since)
    assert len(both) == 2
    assert in_group[0].params == {"chat_id": -5, "text": "two"}


async def test_wait_for_call_times_out(control: ControlClient) -> None:
    with pytest.raises(TimeoutError):
        await control.wait_for_call("sendMessage", timeout=0.2)


async def test_wait_for_call_with_match_skips_others(bot: Bot, control: ControlClient) -> None:
    since = await control.cursor()
    await bot.send_message(PRIVATE_CHAT, "progress")
    await bot.send_message(PRIVATE_CHAT, "final")
    call = await control.wait_for_call(
        "sendMessage", since=since, match=lambda c: c.text == "final"
    )
    assert call.result["text"] == "final"


async def test_chat_shows_messages_as_last_edited(bot: Bot, control: ControlClient) -> None:
    sent = await bot.send_message(PRIVATE_CHAT, "Reading the article...")
    await bot.edit_message_text(
        "Brief", chat_id=PRIVATE_CHAT, message_id=sent.message_id, reply_markup=KEYBOARD
    )
    await bot.send_chat_action(PRIVATE_CHAT, "typing")
    chat = await control.chat(PRIVATE_CHAT)
    assert [m["text"] for m in chat["messages"]] == ["hello", "Brief"]
    assert chat["messages"][1]["reply_markup"] == KEYBOARD.to_dict()
    assert chat["last_action"]["action"] == "typing"


async def test_reset_forgets_chats_but_update_ids_keep_growing(control: ControlClient) -> None:
    before = await control.inject_message("one")
    await control.reset()
    with pytest.raises(ControlApiError, match="no such chat"):
        await control.chat(PRIVATE_CHAT)
    after = await control.inject_message("two")
    assert after["update_id"] > before["update_id"]
    assert after["message"]["message_id"] == 1


async def test_fault_with_unknown_kind_is_refused(control: ControlClient) -> None:
    with pytest.raises(ControlApiError, match="kind must be one of"):
        await control.add_fault("sendMessage", "gremlins")


async def test_strict_html_refuses_bare_ampersand(bot: Bot, control: ControlClient) -> None:
    await control.set_strict_html(True)
    with pytest.raises(BadRequest, match='unescaped "&" at byte offset 2'):
        await bot.send_message(PRIVATE_CHAT, "AT&T", parse_mode="HTML")


def test_start_in_thread_serves_until_stopped() -> None:
    server = start_in_thread()
    try:
        response = httpx.get(f"{server.api_url}/getMe")
        assert response.json()["result"]["is_bot"] is True
    finally:
        server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.api_url}/getMe")


def test_server_refuses_non_loopback_host() -> None:
    with pytest.raises(ValueError, match="loopback only"):
        LocalBotApiServer("0.0.0.0")
