"""Inline mode's pure parts: finding the link in a query, one message per view (issue 12)."""

from __future__ import annotations

import pytest

from bot.briefing.model import Brief
from bot.localapi.entities import message_length
from bot.localapi.html_check import parse_html
from handlers.inline_view import deep_link, inline_text
from handlers.inputs import inline_link
from tests.helpers.briefs import Said, hand_brief, make_brief

BOT = "brief_test_bot"


@pytest.mark.parametrize(
    ("query", "link"),
    [
        ("https://news.example/a?b=1", "https://news.example/a?b=1"),
        ("see HTTP://News.example/x now", "HTTP://News.example/x"),
        ("news.example/story", "https://news.example/story"),
        ("(https://news.example/a)", "https://news.example/a"),
        ("", None),
        ("what is new", None),
        ("https://", None),
        ("ftp://files.example/a", None),
    ],
)
def test_inline_link_finds_the_first_web_link(query: str, link: str | None) -> None:
    assert inline_link(query) == link


def test_inline_text_keeps_a_short_brief_whole() -> None:
    text = inline_text(make_brief(), 7, "full", BOT)
    assert "Ann Lee" in text
    assert "t.me" not in text


def _long_brief() -> Brief:
    lines = [
        f"“Line {n} of a long statement about the harbor works,” said Ann Lee." for n in range(300)
    ]
    text = "\n\n".join(lines)
    quotes = [
        Said(f"Line {n} of a long statement about the harbor works,", "Ann Lee")
        for n in range(300)
    ]
    return hand_brief(text, quotes=quotes, title="Long harbor story")


def test_inline_text_cuts_a_long_brief_at_a_line_with_a_link_to_the_chat() -> None:
    brief = _long_brief()
    text = inline_text(brief, 42, "quotes", BOT)
    parsed = parse_html(text)
    assert message_length(parsed.text) <= 4096
    assert text.endswith(
        f'<a href="{deep_link(BOT, "q42")}">Read the whole brief in my chat →</a>'
    )
    before_link = text.rsplit("\n\n", 1)[0]
    assert before_link.endswith("”")  # cut after a whole quote line
