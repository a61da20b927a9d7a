from __future__ import annotations

from typing import Any

import pytest
from telegram import Message

from handlers.inputs import Request, command_request, message_request

LONG = " ".join(["word"] * 90)
ARTICLE = " ".join(["word"] * 250)


def _message(text: str, **extra: Any) -> Message:
    data = {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}, "text": text}
    message = Message.de_json({**data, **extra}, None)
    assert message is not None
    return message


def _url(text: str, url: str) -> dict[str, Any]:
    return {"type": "url", "offset": text.index(url), "length": len(url)}


def test_message_request_short_text_is_empty() -> None:
    assert message_request(_message("hi there")).empty


def test_message_request_long_text_is_pasted() -> None:
    assert message_request(_message(LONG)) == Request(text=LONG)


def test_message_request_links_win_over_short_text() -> None:
    text = f"{LONG} https://a.example/x"
    request = message_request(_message(text, entities=[_url(text, "https://a.example/x")]))
    assert request.links == ("https://a.example/x",)


def test_message_request_article_with_link_is_pasted_text() -> None:
    text = f"{ARTICLE} https://a.example/x"
    request = message_request(_message(text, entities=[_url(text, "https://a.example/x")]))
    assert request.text == text


def test_message_request_dedupes_and_adds_scheme() -> None:
    text = "a.example/x and a.example/x"
    entities = [
        {"type": "url", "offset": 0, "length": 11},
        {"type": "url", "offset": 16, "length": 11},
    ]
    assert message_request(_message(text, entities=entities)).links == ("https://a.example/x",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/brief https://a.example/x", ("https://a.example/x",)),
        ("/brief a.example/x", ("https://a.example/x",)),
        ("/brief", ()),
    ],
)
def test_command_request_reads_link_argument(text: str, expected: tuple[str, ...]) -> None:
    assert command_request(_message(text)).links == expected


def test_command_request_pasted_argument() -> None:
    assert command_request(_message(f"/brief {LONG}")).text == LONG


def test_command_request_short_argument_is_empty() -> None:
    assert command_request(_message("/brief hello there")).empty
