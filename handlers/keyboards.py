"""The inline keyboard under a brief, and its callback data (under 64 bytes: ids only)."""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.briefing.model import Brief
from handlers import messages

__all__ = [
    "FOLLOW_PATTERN",
    "OPEN_PATTERN",
    "PICK_PATTERN",
    "SCHEDULE_PATTERN",
    "TOPIC_PATTERN",
    "VIEW_PATTERN",
    "brief_keyboard",
    "follow_options",
    "follow_target",
    "following_keyboard",
    "parse_follow",
    "parse_open",
    "parse_pick",
    "parse_schedule_choice",
    "parse_topic_action",
    "parse_view",
    "pick_keyboard",
    "schedule_keyboard",
]

VIEW_CODES = {"full": "f", "quotes": "q", "actors": "a", "stakes": "s"}
VIEW_NAMES = {code: view for view, code in VIEW_CODES.items()}
VIEW_PATTERN = re.compile(r"^v:(\d{1,18}):([fqas])$")
FOLLOW_PATTERN = re.compile(r"^f:(\d{1,18})$")
PICK_PATTERN = re.compile(r"^ft:(\d{1,18}):(\d)$")
OPEN_PATTERN = re.compile(r"^o:(\d{1,18})$")
TOPIC_PATTERN = re.compile(r"^t([prs]):(\d{1,18})$")  # pause/resume, remove, schedule menu
SCHEDULE_PATTERN = re.compile(r"^ts:(\d{1,18}):([a-z])$")
MAX_FOLLOW_OPTIONS = 4
_LABELS = {
    "quotes": messages.BUTTON_QUOTES,
    "actors": messages.BUTTON_ACTORS,
    "stakes": messages.BUTTON_STAKES,
    "full": messages.BUTTON_FULL,
}


def follow_target(brief: Brief) -> str | None:
    """Return what the Follow button follows: the top actor, else the first topic."""
    if brief.actors:
        return brief.actors[0].name
    return brief.topics[0] if brief.topics else None


def _view_button(brief_id: int, view: str, current: str) -> InlineKeyboardButton:
    label = _LABELS[view]
    shown = f"✓ {label}" if view == current else label
    return InlineKeyboardButton(shown, callback_data=f"v:{brief_id}:{VIEW_CODES[view]}")


def brief_keyboard(brief_id: int, brief: Brief, current: str) -> InlineKeyboardMarkup:
    """Build the keyboard: the four views (the current one ticked) and Follow."""
    rows = [
        [_view_button(brief_id, view, current) for view in ("quotes", "actors", "stakes")],
        [_view_button(brief_id, "full", current)],
    ]
    target = follow_target(brief)
    if target:
        follow = InlineKeyboardButton(
            messages.follow_button(target), callback_data=f"f:{brief_id}"
        )
        rows[1].append(follow)
    return InlineKeyboardMarkup(rows)


def parse_view(data: str) -> tuple[int, str] | None:
    """Read (brief id, view) from a view button's callback data."""
    match = VIEW_PATTERN.match(data)
    return (int(match[1]), VIEW_NAMES[match[2]]) if match else None


def parse_follow(data: str) -> int | None:
    """Read the brief id from a Follow button's callback data."""
    match = FOLLOW_PATTERN.match(data)
    return int(match[1]) if match else None


def follow_options(brief: Brief) -> list[tuple[str, str]]:
    """Return what a brief offers to follow: (label, topic), its top actor then its topics."""
    options = [(a.name, f'actor:"{a.name}"') for a in brief.actors[:1]]
    # A topic that is the top actor's name would be a second "Follow Ann Lee" button.
    seen = {label.lower() for label, _topic in options}
    for topic in brief.topics:
        text = " ".join(topic.replace('"', " ").split())
        if text and text.lower() not in seen:
            seen.add(text.lower())
            options.append((text, f'"{text}"' if " " in text else text))
    return options[:MAX_FOLLOW_OPTIONS]


def pick_keyboard(brief_id: int, options: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """Build the keyboard that offers a brief's follow options, one per row."""
    rows = [
        [InlineKeyboardButton(messages.follow_button(label), callback_data=f"ft:{brief_id}:{n}")]
        for n, (label, _topic) in enumerate(options)
    ]
    return InlineKeyboardMarkup(rows)


def parse_pick(data: str) -> tuple[int, int] | None:
    """Read (brief id, option number) from a follow option's callback data."""
    match = PICK_PATTERN.match(data)
    return (int(match[1]), int(match[2])) if match else None


def parse_open(data: str) -> int | None:
    """Read the brief id from a digest's Open button."""
    match = OPEN_PATTERN.match(data)
    return int(match[1]) if match else None


def _topic_row(number: int, sub_id: int, paused: bool) -> list[InlineKeyboardButton]:
    pause = messages.BUTTON_RESUME if paused else messages.BUTTON_PAUSE
    return [
        InlineKeyboardButton(f"{pause} {number}", callback_data=f"tp:{sub_id}"),
        InlineKeyboardButton(f"{messages.BUTTON_REMOVE} {number}", callback_data=f"tr:{sub_id}"),
        InlineKeyboardButton(f"{messages.BUTTON_SCHEDULE} {number}", callback_data=f"ts:{sub_id}"),
    ]


def following_keyboard(topics: list[tuple[int, bool]]) -> InlineKeyboardMarkup | None:
    """Build the /following keyboard from (topic id, paused): one row of buttons per topic."""
    rows = [_topic_row(n, sub_id, paused) for n, (sub_id, paused) in enumerate(topics, start=1)]
    return InlineKeyboardMarkup(rows) if rows else None


def parse_topic_action(data: str) -> tuple[str, int] | None:
    """Read (action, topic id) from a /following button: pause, remove or schedule."""
    match = TOPIC_PATTERN.match(data)
    if match is None:
        return None
    return {"p": "pause", "r": "remove", "s": "schedule"}[match[1]], int(match[2])


def schedule_keyboard(sub_id: int) -> InlineKeyboardMarkup:
    """Build the schedule choices for one topic."""
    rows = [
        [InlineKeyboardButton(label, callback_data=f"ts:{sub_id}:{code}")]
        for code, label, _spec in messages.SCHEDULE_CHOICES
    ]
    return InlineKeyboardMarkup(rows)


def parse_schedule_choice(data: str) -> tuple[int, str | None] | None:
    """Read (topic id, schedule or None for the chat default) from a schedule choice."""
    match = SCHEDULE_PATTERN.match(data)
    if match is None:
        return None
    specs = {code: spec for code, _label, spec in messages.SCHEDULE_CHOICES}
    return (int(match[1]), specs[match[2]]) if match[2] in specs else None
