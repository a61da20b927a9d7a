"""Telegram's HTML parse mode, checked against cases from TDLib's test/message_entities.cpp."""

from __future__ import annotations

from typing import Any

import pytest

from bot.localapi.entities import entities_to_json
from bot.localapi.html_check import check_html, check_message_html, parse_html

EMOJI_ID = "5368324170671202286"
VALID: list[tuple[str, str, list[dict[str, Any]]]] = [
    ("", "", []),
    ("plain", "plain", []),
    ("<b>bold</b>", "bold", [{"type": "bold", "offset": 0, "length": 4}]),
    ("<strong>x</strong>", "x", [{"type": "bold", "offset": 0, "length": 1}]),
    ("<i>x</i><em>y</em>", "xy", [
        {"type": "italic", "offset": 0, "length": 1},
        {"type": "italic", "offset": 1, "length": 1},
    ]),
    ("<u>x</u><ins>y</ins>", "xy", [
        {"type": "underline", "offset": 0, "length": 1},
        {"type": "underline", "offset": 1, "length": 1},
    ]),
    ("<s>a</s><strike>b</strike><del>c</del>", "abc", [
        {"type": "strikethrough", "offset": 0, "length": 1},
        {"type": "strikethrough", "offset": 1, "length": 1},
        {"type": "strikethrough", "offset": 2, "length": 1},
    ]),
    ('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>', "st", [
        {"type": "spoiler", "offset": 0, "length": 1},
        {"type": "spoiler", "offset": 1, "length": 1},
    ]),
    ('<a href="https://example.com/a?b=1&amp;c=2">link</a>', "link", [
        {"type": "text_link", "offset": 0, "length": 4, "url": "https://example.com/a?b=1&c=2"},
    ]),
    ("<a href=telegram.org>t</a>", "t", [
        {"type": "text_link", "offset": 0, "length": 1, "url": "http://telegram.org/"},
    ]),
    ("<a>telegram.org</a>", "telegram.org", [
        {"type": "text_link", "offset": 0, "length": 12, "url": "http://telegram.org/"},
    ]),
    ("<a>telegram.org </a>", "telegram.org ", []),
    ('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>', "👍", [
        {"type": "custom_emoji", "offset": 0, "length": 2, "custom_emoji_id": EMOJI_ID},
    ]),
    ("<code>x</code>", "x", [{"type": "code", "offset": 0, "length": 1}]),
    ("<pre>x</pre>", "x", [{"type": "pre", "offset": 0, "length": 1}]),
    ('<pre><code class="language-python">x</code></pre>', "x", [
        {"type": "pre", "offset": 0, "length": 1, "language": "python"},
    ]),
    ("<pre><code>x</code></pre>", "x", [
        {"type": "pre", "offset": 0, "length": 1},
        {"type": "code", "offset": 0, "length": 1},
    ]),
    ("<blockquote>q</blockquote>", "q", [{"type": "blockquote", "offset": 0, "length": 1}]),
    ("<blockquote expandable>q</blockquote>", "q", [
        {"type": "expandable_blockquote", "offset": 0, "length": 1},
    ]),
    ("<b>a <i>b</i></b>", "a b", [
        {"type": "bold", "offset": 0, "length": 3},
        {"type": "italic", "offset": 2, "length": 1},
    ]),
    ("<B>caps</b>", "caps", [{"type": "bold", "offset": 0, "length": 4}]),
    ("<i>x</>", "x", [{"type": "italic", "offset": 0, "length": 1}]),
    ("<i>x</i   >", "x", [{"type": "italic", "offset": 0, "length": 1}]),
    ("<b aba = caba>x</b>", "x", [{"type": "bold", "offset": 0, "length": 1}]),
    ("<b></b>", "", []),
    ("&lt;&gt;&amp;&quot;&#65;&#x42;", '<>&"AB', []),
    ("&lt without semicolon", "< without semicolon", []),
    ("AT&T &nbsp; &ge; &#12345678;", "AT&T &nbsp; &ge; &#12345678;", []),
    ("🏟 <b>🏟</b>", "🏟 🏟", [{"type": "bold", "offset": 3, "length": 2}]),
]  # fmt: skip

INVALID = [
    ("🏟 🏟&lt;<abacaba", "Unclosed start tag at byte offset 13"),
    ('🏟 🏟&lt;<abac aba>', 'Unsupported start tag "abac" at byte offset 13'),
    ("<p>x</p>", 'Unsupported start tag "p" at byte offset 0'),
    ("<br/>", 'Unsupported start tag "br/" at byte offset 0'),
    ("price < 5", 'Unsupported start tag "" at byte offset 6'),
    ("<user@example.com>", 'Unsupported start tag "user@example.com" at byte offset 0'),
    ("🏟 🏟&lt;<i   =aba>", 'Empty attribute name in the tag "i" at byte offset 13'),
    ("🏟 🏟&lt;<i    aba>", 'Can\'t find end tag corresponding to start tag "i"'),
    ("🏟 🏟&lt;<i    aba  =  ", 'Unclosed start tag "i" at byte offset 13'),
    ("🏟 🏟&lt;<i    aba  =  190azAz-.,", "Unexpected end of name token at byte offset 27"),
    ('🏟 🏟&lt;<i    aba  =  "&lt;&gt;&quot;>', "Unclosed start tag at byte offset 13"),
    ("🏟 🏟&lt;</", "Unexpected end tag at byte offset 13"),
    ("🏟 🏟&lt;<b></b></", "Unexpected end tag at byte offset 20"),
    ("🏟 🏟&lt;<i>a</i   ", "Unclosed end tag at byte offset 17"),
    ("🏟 🏟&lt;<i>a</em   >", 'Unmatched end tag at byte offset 17, expected "</i>", found "</em>"'),
    ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
    ("<b>unclosed", 'Can\'t find end tag corresponding to start tag "b"'),
    ('<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ('<tg-emoji emoji-id="x">e</tg-emoji>', "Invalid custom emoji identifier specified"),
    ("&#57311;", "Text contains invalid Unicode characters after decoding HTML entities, "
                 "check for unmatched surrogate code units"),
]  # fmt: skip


@pytest.mark.parametrize(("markup", "text", "entities"), VALID)
def test_parse_html_valid(markup: str, text: str, entities: list[dict[str, Any]]) -> None:
    parsed = parse_html(markup)
    assert (parsed.text, entities_to_json(parsed.entities)) == (text, entities)


@pytest.mark.parametrize(("markup", "error"), INVALID)
def test_check_html_reports_telegram_error(markup: str, error: str) -> None:
    assert check_html(markup) == error


@pytest.mark.parametrize("markup", ["AT&T", "&nbsp;", "&lt", "a &amp b"])
def test_check_html_strict_refuses_bare_ampersand(markup: str) -> None:
    assert check_html(markup) is None
    assert (check_html(markup, strict=True) or "").startswith('Unescaped "&"')


def test_check_html_strict_accepts_escaped_text() -> None:
    assert check_html("AT&amp;T &lt;b&gt; &#8212; &quot;x&quot;", strict=True) is None


@pytest.mark.parametrize(
    ("markup", "error"),
    [
        ("ok", None),
        ("<b>x", "Bad Request: can't parse entities: Can't find end tag corresponding to "
                 'start tag "b"'),
        ("<b></b>", "Bad Request: message text is empty"),
        ("  \n ", "Bad Request: message text is empty"),
        ("x" * 4096, None),
        ("x" * 4097, "Bad Request: message is too long"),
        ("<b>" + "x" * 4096 + "</b>", None),
        ("&amp;" * 4096, None),
        ("🏟" * 4096, None),
        ("🏟" * 4097, "Bad Request: message is too long"),
    ],
)  # fmt: skip
def test_check_message_html_applies_bot_api_limits(markup: str, error: str | None) -> None:
    assert check_message_html(markup) == error
