from __future__ import annotations

from dataclasses import replace

import pytest

from handlers import messages
from handlers.keyboards import (
    brief_keyboard,
    follow_options,
    follow_target,
    parse_follow,
    parse_view,
)
from tests.helpers.briefs import make_brief


@pytest.mark.parametrize("view", ["full", "quotes", "actors", "stakes"])
def test_brief_keyboard_round_trips_views(view: str) -> None:
    keyboard = brief_keyboard(123456789012, make_brief(), view)
    datas = [b.callback_data for row in keyboard.inline_keyboard for b in row]
    assert all(isinstance(d, str) and len(d.encode()) <= 64 for d in datas)
    views = {parse_view(str(d)) for d in datas} - {None}
    assert views == {(123456789012, v) for v in ("full", "quotes", "actors", "stakes")}


def test_brief_keyboard_follow_names_top_actor() -> None:
    keyboard = brief_keyboard(7, make_brief(), "full")
    follow = keyboard.inline_keyboard[-1][-1]
    assert follow.text == messages.follow_button("Ann Lee")
    assert parse_follow(str(follow.callback_data)) == 7


def test_follow_target_falls_back_to_topic_then_none() -> None:
    brief = replace(make_brief(), actors=())
    assert follow_target(brief) == "bridge"
    assert follow_target(replace(brief, topics=())) is None


def test_follow_options_offer_the_top_actor_once() -> None:
    brief = replace(make_brief(), topics=("Ann Lee", "harbor bridge", "bridge", "Bridge"))
    assert follow_options(brief) == [
        ("Ann Lee", 'actor:"Ann Lee"'),
        ("harbor bridge", '"harbor bridge"'),
        ("bridge", "bridge"),
    ]


@pytest.mark.parametrize("data", ["v:1:x", "v:a:q", "f:", "x:1", "v:1:q:extra"])
def test_parse_view_rejects_bad_data(data: str) -> None:
    assert parse_view(data) is None
    assert parse_follow(data) is None


def test_follow_button_shortens_long_names() -> None:
    assert len(messages.follow_button("A" * 80)) <= len("Follow ") + messages.FOLLOW_NAME_CHARS
