from __future__ import annotations

from handlers import messages
from tests.handlers.conftest import Harness


async def test_start_sends_welcome(harness: Harness) -> None:
    await harness.send("/start")
    (call,) = harness.request.made("sendMessage")
    assert call.text == messages.WELCOME
    assert call.params["parse_mode"] == "HTML"


async def test_help_command_sends_help(harness: Harness) -> None:
    await harness.send("/help")
    (call,) = harness.request.made("sendMessage")
    assert call.text == messages.HELP
