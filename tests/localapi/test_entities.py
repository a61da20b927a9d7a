"""Entity offsets, text normalization and the entities Telegram finds in text by itself."""

from __future__ import annotations

import pytest

from bot.localapi.entities import (
    Entity,
    TextProblem,
    check_link,
    entities_from_json,
    entities_to_json,
    find_auto_entities,
    normalize_text,
    utf16_len,
)


@pytest.mark.parametrize(("text", "units"), [("", 0), ("abc", 3), ("é", 1), ("🏟", 2), ("a🏟b", 4)])
def test_utf16_len_counts_code_units(text: str, units: int) -> None:
    assert utf16_len(text) == units


def test_normalize_text_trims_and_keeps_entities_aligned() -> None:
    text, entities = normalize_text("\n\n  hi 🏟 <b>  \n", [Entity("bold", 7, 3)])
    assert text == "hi 🏟 <b>"
    assert entities == [Entity("bold", 3, 3)]


def test_normalize_text_keeps_leading_space_inside_first_entity() -> None:
    text, entities = normalize_text("  code", [Entity("code", 0, 6)])
    assert (text, entities) == ("  code", [Entity("code", 0, 6)])


def test_normalize_text_drops_carriage_returns_and_whitespace_entities() -> None:
    text, entities = normalize_text("a\r\nb  c", [Entity("bold", 4, 2)])
    assert (text, entities) == ("a\nb  c", [])


def test_normalize_text_refuses_empty_text() -> None:
    with pytest.raises(TextProblem, match="message text is empty"):
        normalize_text(" \n\t ", [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("see https://example.com/a_(b). ok", [("url", "https://example.com/a_(b)")]),
        ("read example.com/news, then", [("url", "example.com/news")]),
        ("mail me@example.org please", [("email", "me@example.org")]),
        ("/brief@briefbot_local_bot now", [("bot_command", "/brief@briefbot_local_bot")]),
        ("ask @durov about #privacy", [("mention", "@durov"), ("hashtag", "#privacy")]),
        ("e.g. 3.5 and #123 are plain", []),
    ],
)
def test_find_auto_entities_marks_what_telegram_marks(
    text: str, found: list[tuple[str, str]]
) -> None:
    entities = find_auto_entities(text, [])
    assert [(e.type, text[e.offset : e.offset + e.length]) for e in entities] == found


def test_find_auto_entities_skips_text_inside_code() -> None:
    assert find_auto_entities("x https://a.org", [Entity("code", 2, 13)]) == []


@pytest.mark.parametrize(
    ("url", "stored"),
    [
        ("https://example.com", "https://example.com/"),
        ("example.com/a?b", "http://example.com/a?b"),
        ("tg://user?id=1", "tg://user?id=1"),
        ("javascript:alert(1)", None),
        ("https://exa mple.com", None),
        ("", None),
    ],
)
def test_check_link_normalizes_like_telegram(url: str, stored: str | None) -> None:
    assert check_link(url) == stored


def test_entities_from_json_refuses_entity_past_the_end() -> None:
    with pytest.raises(TextProblem, match="out of the text bounds"):
        entities_from_json("abc", [{"type": "bold", "offset": 2, "length": 2}])


def test_entities_round_trip_through_json() -> None:
    raw = [{"type": "text_link", "offset": 0, "length": 2, "url": "https://a.org/"}]
    assert entities_to_json(entities_from_json("ab", raw)) == raw
