"""The server as python-telegram-bot sees it: a real `Bot` over real HTTP."""

from __future__ import annotations

import datetime as dtm

import httpx
import pytest
from telegram import Bot, BotCommand, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)

from bot.localapi import ControlClient, LocalBotApiServer

from .conftest import PRIVATE_CHAT

KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Quotes only", callback_data="q:1")]])


async def test_get_me_describes_the_bot(bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.is_bot, me.username, me.id) == (True, "briefbot_local_bot", 123456789)
    assert me.can_join_groups is True


async def test_send_message_parses_html_into_entities(bot: Bot) -> None:
    message = await bot.send_message(
        PRIVATE_CHAT,
        '<b>Title</b> &amp; <a href="https://example.com">source</a>',
        parse_mode=ParseMode.HTML,
        reply_markup=KEYBOARD,
    )
    assert message.text == "Title & source"
    assert message.parse_entities() == {
        message.entities[0]: "Title",
        message.entities[1]: "source",
    }
    assert message.entities[1].url == "https://example.com/"
    assert message.reply_markup == KEYBOARD
    assert message.from_user is not None
    assert message.from_user.is_bot


async def test_send_message_numbers_messages_per_chat(bot: Bot) -> None:
    first = await bot.send_message(PRIVATE_CHAT, "one")
    second = await bot.send_message(PRIVATE_CHAT, "two")
    assert (first.message_id, second.message_id) == (2, 3)  # 1 is the user's "hello"


async def test_send_message_to_unknown_chat_is_bad_request(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(999, "hi")


async def test_edit_message_text_replaces_text_and_drops_keyboard(bot: Bot) -> None:
    sent = await bot.send_message(PRIVATE_CHAT, "Reading the article...", reply_markup=KEYBOARD)
    edited = await bot.edit_message_text(
        "<i>Done</i>", chat_id=PRIVATE_CHAT, message_id=sent.message_id, parse_mode="HTML"
    )
    assert not isinstance(edited, bool)
    assert (edited.text, edited.reply_markup, edited.edit_date is not None) == ("Done", None, True)


async def test_edit_message_text_identical_raises_not_modified(bot: Bot) -> None:
    sent = await bot.send_message(PRIVATE_CHAT, "<b>same</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text(
            "<b>same</b>", chat_id=PRIVATE_CHAT, message_id=sent.message_id, parse_mode="HTML"
        )


async def test_edit_message_text_with_new_entities_is_a_change(bot: Bot) -> None:
    sent = await bot.send_message(PRIVATE_CHAT, "same")
    edited = await bot.edit_message_text(
        "<b>same</b>", chat_id=PRIVATE_CHAT, message_id=sent.message_id, parse_mode="HTML"
    )
    assert not isinstance(edited, bool)
    assert edited.entities


async def test_edit_message_reply_markup_identical_raises_not_modified(bot: Bot) -> None:
    sent = await bot.send_message(PRIVATE_CHAT, "x", reply_markup=KEYBOARD)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(PRIVATE_CHAT, sent.message_id, reply_markup=KEYBOARD)


async def test_edit_users_message_is_refused(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await bot.edit_message_text("x", chat_id=PRIVATE_CHAT, message_id=1)


async def test_callback_data_over_64_bytes_is_button_data_invalid(bot: Bot) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="é" * 33)]])
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(PRIVATE_CHAT, "x", reply_markup=keyboard)


async def test_text_of_4097_characters_is_too_long(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(PRIVATE_CHAT, "<b>x</b>" + "y" * 4096, parse_mode="HTML")


async def test_bad_html_is_cant_parse_entities(bot: Bot) -> None:
    with pytest.raises(BadRequest, match='entities: unsupported start tag "p" at byte offset 0'):
        await bot.send_message(PRIVATE_CHAT, "<p>x</p>", parse_mode="HTML")


async def test_unknown_method_is_bad_request_not_invalid_token(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Method not found"):
        await bot.do_api_request("sendTelepathy", api_kwargs={"chat_id": PRIVATE_CHAT})


async def test_wrong_token_is_invalid_token(server: LocalBotApiServer) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("42:wrong", base_url=server.base_url):
            pass


@pytest.fixture
def timedelta_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opt in to PTB's future RetryAfter.retry_after type; the int form warns since 22.2."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.mark.usefixtures("timedelta_retry_after")
async def test_injected_429_raises_retry_after(bot: Bot, control: ControlClient) -> None:
    await control.add_fault("sendMessage", "retry_after", retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(PRIVATE_CHAT, "x")
    assert caught.value.retry_after == dtm.timedelta(seconds=7)
    assert (await bot.send_message(PRIVATE_CHAT, "x")).text == "x"  # the fault was used up


async def test_injected_403_raises_forbidden(bot: Bot, control: ControlClient) -> None:
    await control.add_fault("sendMessage", "blocked", chat_id=PRIVATE_CHAT)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(PRIVATE_CHAT, "x")


async def test_injected_500_raises_network_error(bot: Bot, control: ControlClient) -> None:
    await control.add_fault("editMessageText", "server_error")
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await bot.edit_message_text("x", chat_id=PRIVATE_CHAT, message_id=1)


async def test_injected_bad_request_uses_given_description(
    bot: Bot, control: ControlClient
) -> None:
    await control.add_fault("sendMessage", "bad_request", description="Bad Request: odd")
    with pytest.raises(BadRequest, match="Odd"):
        await bot.send_message(PRIVATE_CHAT, "x")


async def test_injected_migration_raises_chat_migrated(bot: Bot, control: ControlClient) -> None:
    await control.add_fault("sendMessage", "migrate", migrate_to_chat_id=-1001234)
    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(PRIVATE_CHAT, "x")
    assert caught.value.new_chat_id == -1001234


@pytest.mark.usefixtures("timedelta_retry_after")
async def test_flood_limits_answer_retry_after(bot: Bot, control: ControlClient) -> None:
    await control.set_flood_limits(True)
    await bot.send_message(PRIVATE_CHAT, "first")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(PRIVATE_CHAT, "second")
    assert caught.value.retry_after == dtm.timedelta(seconds=1)


@pytest.mark.usefixtures("timedelta_retry_after")
async def test_flood_limits_per_group(bot: Bot, control: ControlClient) -> None:
    await control.inject_message("hi", chat_id=-100, chat_type="group")
    await control.set_flood_limits(True, per_chat=(10, 1.0), per_group=(2, 60.0))
    for text in ("one", "two"):
        await bot.send_message(-100, text)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(-100, "three")
    retry_after = caught.value.retry_after
    assert isinstance(retry_after, dtm.timedelta)
    assert dtm.timedelta(seconds=59) <= retry_after <= dtm.timedelta(seconds=60)


async def test_delete_message_then_edit_finds_nothing(bot: Bot) -> None:
    sent = await bot.send_message(PRIVATE_CHAT, "x")
    assert await bot.delete_message(PRIVATE_CHAT, sent.message_id) is True
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("y", chat_id=PRIVATE_CHAT, message_id=sent.message_id)


async def test_send_chat_action_checks_the_action(bot: Bot) -> None:
    assert await bot.send_chat_action(PRIVATE_CHAT, "typing") is True
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await bot.send_chat_action(PRIVATE_CHAT, "dancing")


async def test_my_commands_round_trip(bot: Bot) -> None:
    commands = [BotCommand("start", "Start"), BotCommand("brief", "Brief a link")]
    assert await bot.set_my_commands(commands) is True
    assert tuple(await bot.get_my_commands()) == tuple(commands)
    assert await bot.delete_my_commands() is True
    assert await bot.get_my_commands() == ()


async def test_invalid_command_name_is_refused(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Brief-It", "x")])


async def test_answer_callback_query_only_once(bot: Bot, control: ControlClient) -> None:
    sent = await bot.send_message(PRIVATE_CHAT, "x", reply_markup=KEYBOARD)
    update = await control.press_button(PRIVATE_CHAT, sent.message_id, "q:1")
    query_id = update["callback_query"]["id"]
    assert await bot.answer_callback_query(query_id, text="Done") is True
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_callback_query(query_id)


async def test_reply_to_missing_message_is_refused(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Message to be replied not found"):
        await bot.send_message(PRIVATE_CHAT, "x", reply_to_message_id=99)


@pytest.mark.parametrize("body_kind", ["json", "data", "files", "params"])
async def test_raw_bodies_are_accepted(
    server: LocalBotApiServer, bot: Bot, body_kind: str
) -> None:
    fields = {"chat_id": str(PRIVATE_CHAT), "text": "raw"}
    kwargs = {
        "json": {"json": {"chat_id": PRIVATE_CHAT, "text": "raw"}},
        "data": {"data": fields},
        "files": {"files": {key: (None, value) for key, value in fields.items()}},
        "params": {"params": fields},
    }[body_kind]
    async with httpx.AsyncClient() as http:
        response = await http.post(f"{server.api_url}/SENDMESSAGE", **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 200
    assert response.json()["result"]["text"] == "raw"


async def test_error_body_matches_telegram(server: LocalBotApiServer, bot: Bot) -> None:
    async with httpx.AsyncClient() as http:
        response = await http.get(f"{server.api_url}/sendMessage", params={"chat_id": "1"})
    assert response.status_code == 400
    assert response.json() == {
        "ok": False,
        "error_code": 400,
        "description": "Bad Request: chat not found",
    }
