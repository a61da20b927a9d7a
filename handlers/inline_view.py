"""Inline results' texts: one HTML message per view, cut to fit and pointing to the rest.

A brief that does not fit one message (4096 characters) is cut between lines (never inside a
tag: `render_html` splits between whole lines), and its last line links to the whole brief in
the bot's chat with a `t.me/<bot>?start=` deep link.
"""

from __future__ import annotations

from bot.briefing.model import Brief
from bot.briefing.render import TELEGRAM_LIMIT, render_html, visible_length
from handlers import messages

__all__ = ["START_VIEWS", "deep_link", "inline_text"]

START_VIEWS = {"full": "b", "quotes": "q"}  # start parameter prefixes: b<brief id>, q<...>
_GAP = "\n\n"


def deep_link(bot_username: str, start: str) -> str:
    """Return the t.me link that opens the bot's chat with /start <start>."""
    return f"https://t.me/{bot_username}?start={start}"


def inline_text(brief: Brief, brief_id: int, view: str, bot_username: str) -> str:
    """Render one view of a brief as a single message of at most 4096 characters."""
    whole = render_html(brief, view)
    if len(whole) == 1:
        return whole[0]
    more = messages.inline_more(deep_link(bot_username, f"{START_VIEWS[view]}{brief_id}"))
    room = TELEGRAM_LIMIT - visible_length(more) - len(_GAP)
    return render_html(brief, view, limit=room)[0] + _GAP + more
