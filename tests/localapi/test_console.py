"""The terminal chat: rendering, and a whole conversation with a real Application."""

from __future__ import annotations

import io
from typing import Any

import pytest

from bot.localapi.console import (
    ConsoleSettings,
    render_buttons,
    render_message,
    render_text,
    serve_console,
)

from .echo_bot import running_echo_bot

FAST = ConsoleSettings(quiet=0.2, timeout=10.0, action_window=1.0)


@pytest.mark.parametrize(
    ("text", "entities", "shown"),
    [
        ("plain", [], "plain"),
        ("Title & more", [{"type": "bold", "offset": 0, "length": 5}], "Title & more"),
        (
            "🏟 source",
            [{"type": "text_link", "offset": 3, "length": 6, "url": "https://a.org/x"}],
            "🏟 source (https://a.org/x)",
        ),
        (
            "https://a.org",
            [{"type": "text_link", "offset": 0, "length": 13, "url": "https://a.org/"}],
            "https://a.org",
        ),
        ("q1\nq2", [{"type": "blockquote", "offset": 0, "length": 5}], "> q1\n> q2"),
    ],
)
def test_render_text_as_plain(text: str, entities: list[dict[str, Any]], shown: str) -> None:
    assert render_text(text, entities) == shown


def test_render_buttons_numbers_across_rows() -> None:
    message = {
        "reply_markup": {
            "inline_keyboard": [
                [
                    {"text": "Quotes only", "callback_data": "q"},
                    {"text": "Actors", "callback_data": "a"},
                ],
                [{"text": "Source", "url": "https://a.org/"}],
            ]
        }
    }
    assert render_buttons(message) == [
        "[1] Quotes only  [2] Actors",
        "[3] Source (https://a.org/)",
    ]


def test_render_message_indents_continuation_lines() -> None:
    assert render_message({"text": "a\nb"}) == "bot> a\n     b"


async def _converse(lines: str, settings: ConsoleSettings = FAST) -> tuple[int, str]:
    out = io.StringIO()
    status = await serve_console(io.StringIO(lines), out, running_echo_bot, settings)
    return status, out.getvalue()


@pytest.mark.e2e
async def test_console_chats_and_presses_buttons_by_number() -> None:
    status, output = await _converse("hello there\n1\n/start\n7\n3\n\n")
    assert status == 0
    assert output.splitlines() == [
        output.splitlines()[0],  # the banner
        "bot> hello there",
        "     [1] Shout  [2] Whisper",
        "     [3] Docs (https://core.telegram.org/bots/api)",
        "bot> HELLO THERE",
        "     [1] Shout  [2] Whisper",
        "     [3] Docs (https://core.telegram.org/bots/api)",
        "[notice] Done",
        "bot> Hi! Send me anything. See help (https://example.com/help).",
        "There is no button 7; choose 1 to 3.",
        "That button opens https://core.telegram.org/bots/api.",
        "Bye.",
    ]


@pytest.mark.e2e
async def test_console_shows_final_state_of_slow_reply_at_end_of_input() -> None:
    status, output = await _converse("/slow\n")
    assert status == 0
    assert output.splitlines()[1:] == ["bot> Reading the article...", "bot> Done.", "Bye."]


@pytest.mark.e2e
async def test_console_ends_cleanly_without_input() -> None:
    status, output = await _converse("")
    assert (status, output.splitlines()[-1]) == (0, "Bye.")


@pytest.mark.e2e
async def test_console_reports_no_buttons_yet() -> None:
    _, output = await _converse("2\n")
    assert "No message has buttons yet." in output


@pytest.mark.e2e
async def test_console_sends_a_pasted_block_as_one_message() -> None:
    _, output = await _converse('"""\nfirst paragraph\n\nsecond paragraph\n"""\n')
    assert output.splitlines()[1:4] == ["bot> first paragraph", "     ", "     second paragraph"]
