"""A real python-telegram-bot Application, polling the session's threaded server, end to end."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram.ext import Application

from bot.localapi import ControlClient, LocalBotApiServer

from .echo_bot import running_echo_bot

pytestmark = pytest.mark.e2e

USER = 200_001


@pytest.fixture
async def echo_app(
    threaded_server: LocalBotApiServer, shared_control: ControlClient
) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    async with running_echo_bot(threaded_server) as app:
        yield app


@pytest.mark.usefixtures("echo_app")
async def test_application_answers_injected_message(shared_control: ControlClient) -> None:
    since = await shared_control.cursor()
    update = await shared_control.inject_message("Hello & <bye>", user_id=USER)
    call = await shared_control.wait_for_call("sendMessage", chat_id=USER, since=since)
    assert call.ok
    assert call.result["text"] == "Hello & <bye>"
    assert call.result["reply_to_message"]["message_id"] == update["message"]["message_id"]
    assert call.result["entities"] == [{"type": "italic", "offset": 0, "length": 13}]


@pytest.mark.usefixtures("echo_app")
async def test_application_answers_command_with_html(shared_control: ControlClient) -> None:
    since = await shared_control.cursor()
    await shared_control.inject_command("start", user_id=USER)
    call = await shared_control.wait_for_call("sendMessage", chat_id=USER, since=since)
    assert call.result["text"] == "Hi! Send me anything. See help."


@pytest.mark.usefixtures("echo_app")
async def test_application_handles_button_press(shared_control: ControlClient) -> None:
    since = await shared_control.cursor()
    await shared_control.inject_message("quiet", user_id=USER)
    reply = await shared_control.wait_for_call("sendMessage", chat_id=USER, since=since)
    await shared_control.press_button(USER, reply.result["message_id"], "shout")
    edit = await shared_control.wait_for_call("editMessageText", chat_id=USER, since=reply.seq)
    answers = await shared_control.calls("answerCallbackQuery", chat_id=USER, since=since)
    assert edit.result["text"] == "QUIET"
    assert [a.params["text"] for a in answers] == ["Done"]
    messages = await shared_control.chat_messages(USER)
    assert messages[-1]["text"] == "QUIET"
    assert "edit_date" in messages[-1]


@pytest.mark.usefixtures("echo_app")
async def test_application_serves_many_users_at_once(shared_control: ControlClient) -> None:
    since = await shared_control.cursor()
    users = range(300_001, 300_021)
    for user in users:
        await shared_control.inject_message(f"user {user}", user_id=user)
    for user in users:
        call = await shared_control.wait_for_call("sendMessage", chat_id=user, since=since)
        assert call.result["text"] == f"user {user}"


async def test_application_recovers_from_get_updates_error(
    threaded_server: LocalBotApiServer, shared_control: ControlClient
) -> None:
    await shared_control.add_fault("getUpdates", "server_error")
    async with running_echo_bot(threaded_server):
        since = await shared_control.cursor()
        await shared_control.inject_message("still there?", user_id=USER)
        call = await shared_control.wait_for_call(
            "sendMessage", chat_id=USER, since=since, timeout=10
        )
    assert call.result["text"] == "still there?"
