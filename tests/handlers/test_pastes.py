"""A long paste that arrives split into several messages is briefed once, whole."""

from __future__ import annotations

import asyncio

import pytest

from bot.service import ServiceSettings
from handlers.pastes import SPLIT_AT, SPLIT_NEAR, PasteJoiner, utf16_length
from tests.handlers.conftest import USER_ID, Harness

PARAGRAPH = "The harbor board met again on Tuesday to argue about dredging the channel. " * 5


@pytest.fixture
def settings() -> ServiceSettings:
    """Room for pastes of several parts (the harness's default allows 5,000 characters)."""
    return ServiceSettings(max_chars=20_000, briefs_per_minute=10)


def _part(chars: int, tag: str) -> str:
    """A paste part of this many characters, its paragraphs tagged to tell them apart."""
    lines: list[str] = []
    while sum(len(x) + 1 for x in lines) < chars:
        lines.append(f"{tag}{len(lines)} {PARAGRAPH.strip()}")
    return "\n".join(lines)[:chars]


def _briefs(harness: Harness) -> list[str]:
    return [c.text for c in harness.request.made("editMessageText") if "Bridge" in c.text]


async def _settle(seconds: float = 0.2) -> None:
    await asyncio.sleep(seconds)


async def test_two_parts_of_a_paste_are_briefed_once_joined(harness: Harness) -> None:
    harness.app.bot_data.pastes = PasteJoiner(wait=5.0, near_wait=5.0)
    first, second = _part(SPLIT_NEAR + 50, "a"), _part(900, "b")
    await harness.send(first)
    assert harness.briefer.texts == []  # waiting for the rest
    await harness.send(second)
    assert harness.briefer.texts == [f"{first}\n{second}"]
    assert len(_briefs(harness)) == 1


async def test_a_nearly_full_message_alone_is_briefed_after_the_wait(harness: Harness) -> None:
    harness.app.bot_data.pastes = PasteJoiner(wait=0.05, near_wait=0.05)
    whole = _part(SPLIT_NEAR + 50, "a")
    await harness.send(whole)
    await _settle()
    assert harness.briefer.texts == [whole]
    assert len(_briefs(harness)) == 1


async def test_three_parts_join_in_order(harness: Harness) -> None:
    harness.app.bot_data.pastes = PasteJoiner(wait=5.0, near_wait=5.0)
    parts = [_part(SPLIT_NEAR + 10, "a"), _part(SPLIT_NEAR + 20, "b"), _part(600, "c")]
    for part in parts:
        await harness.send(part)
    assert harness.briefer.texts == ["\n".join(parts)]


async def test_parts_from_two_people_are_not_mixed(harness: Harness) -> None:
    harness.app.bot_data.pastes = PasteJoiner(wait=0.05, near_wait=0.05)
    mine, theirs = _part(SPLIT_NEAR + 50, "a"), _part(SPLIT_NEAR + 50, "b")
    await harness.send(mine)
    await harness.send(theirs, chat_id=USER_ID + 1)
    await _settle()
    assert sorted(harness.briefer.texts) == sorted([mine, theirs])


async def test_a_short_article_is_briefed_at_once(harness: Harness) -> None:
    harness.app.bot_data.pastes = PasteJoiner(wait=5.0, near_wait=5.0)
    text = _part(1500, "a")
    await harness.send(text)
    assert harness.briefer.texts == [text]


def test_length_counts_utf16_units_as_telegram_does() -> None:
    assert utf16_length("ab") == 2
    assert utf16_length("😀") == 2  # one character outside the basic plane, two units


async def test_a_message_at_the_cap_waits_longer_than_one_near_it(harness: Harness) -> None:
    harness.app.bot_data.pastes = PasteJoiner(wait=5.0, near_wait=0.05)
    near = _part(SPLIT_NEAR + 50, "a")
    assert utf16_length(near) < SPLIT_AT
    await harness.send(near)
    await _settle()
    assert harness.briefer.texts == [near]  # may be whole: briefed after the short wait
    at_cap = _part(SPLIT_AT + 10, "b")
    await harness.send(at_cap, chat_id=USER_ID + 1)
    await _settle()
    assert harness.briefer.texts == [near]  # all but surely cut: still waiting


async def test_a_held_part_shows_typing(harness: Harness) -> None:
    harness.app.bot_data.pastes = PasteJoiner(wait=5.0, near_wait=5.0)
    await harness.send(_part(SPLIT_NEAR + 50, "a"))
    (action,) = harness.request.made("sendChatAction")
    assert action.params["action"] == "typing"
    assert harness.briefer.texts == []
    await harness.send(_part(700, "b"))
    assert len(harness.briefer.texts) == 1
