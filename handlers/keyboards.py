"""The inline keyboard under a brief, and its callback data (under 64 bytes: ids only)."""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.briefing.model import Brief
from handlers import messages

__all__ = [
    "FOLLOW_PATTERN",
    "VIEW_PATTERN",
    "brief_keyboard",
    "follow_target",
    "parse_follow",
    "parse_view",
]

VIEW_CODES = {"full": "f", "quotes": "q", "actors": "a", "stakes": "s"}
VIEW_NAMES = {code: view for view, code in VIEW_CODES.items()}
VIEW_PATTERN = re.compile(r"^v:(\d{1,18}):([fqas])$")
FOLLOW_PATTERN = re.compile(r"^f:(\d{1,18})$")
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
