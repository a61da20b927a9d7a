from __future__ import annotations

from handlers import messages
from tests.handlers.conftest import Harness
from tests.helpers.offline import BOT_USERNAME


async def test_start_sends_welcome(harness: Harness) -> None:
    await harness.send("/start")
    (call,) = harness.request.made("sendMessage")
    assert call.text == messages.WELCOME
    assert call.params["parse_mode"] == "HTML"


async def test_help_command_sends_help(harness: Harness) -> None:
    await harness.send("/help")
    (call,) = harness.request.made("sendMessage")
    assert call.text == messages.HELP


async def test_unknown_command_in_a_private_chat_points_to_help(harness: Harness) -> None:
    await harness.send("/frobnicate now")
    (reply,) = harness.request.made("sendMessage")
    assert reply.text == messages.unknown_command("/frobnicate")
    assert "/help" in reply.text


async def test_unknown_command_in_a_group_gets_no_answer(harness: Harness) -> None:
    await harness.send("/frobnicate", chat_id=-100)
    await harness.send("/frobnicate@another_bot", chat_id=-100)
    assert harness.request.made("sendMessage") == []


async def test_unknown_command_addressed_to_the_bot_in_a_group_is_answered(
    harness: Harness,
) -> None:
    await harness.send(f"/frobnicate@{BOT_USERNAME}", chat_id=-100)
    (reply,) = harness.request.made("sendMessage")
    assert reply.text == messages.unknown_command(f"/frobnicate@{BOT_USERNAME}")


async def test_known_commands_are_not_taken_for_unknown_ones(harness: Harness) -> None:
    await harness.send("/help")
    (reply,) = harness.request.made("sendMessage")
    assert reply.text == messages.HELP


def test_unknown_command_is_escaped_and_shortened() -> None:
    text = messages.unknown_command("/<b>" + "x" * 100)
    assert "&lt;b&gt;" in text
    assert "x" * 60 not in text
