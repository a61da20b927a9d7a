"""Every sentence the bot says, in one place. Texts are Telegram HTML: escape what you insert."""

from __future__ import annotations

import html
import math

from bot.errors import BriefingError, RateLimited
from bot.service import Stage

__all__ = [
    "BOT_COMMANDS",
    "BRIEF_GONE",
    "BRIEF_USAGE",
    "BUTTON_ACTORS",
    "BUTTON_FULL",
    "BUTTON_QUOTES",
    "BUTTON_STAKES",
    "GENERIC_ERROR",
    "HELP",
    "QUOTES_USAGE",
    "SHORT_HINT",
    "TOO_MANY_LINKS",
    "WELCOME",
    "error_reply",
    "follow_button",
    "follow_soon",
    "progress",
]

BOT_COMMANDS = (
    ("brief", "Brief an article: /brief and a link"),
    ("quotes", "Only the quotes, by speaker: /quotes and a link"),
    ("help", "What I can do and how"),
    ("start", "Start over"),
)

WELCOME = (
    "<b>Hello! I turn a news article into a short, checked brief.</b>\n\n"
    "Send me a link to an article, or paste its whole text. I answer with who is involved "
    "and their roles, every quote word for word with who said it, and what is at stake.\n\n"
    "For example, send <code>/quotes https://example.com/news/story</code> to see only the "
    "quotes, grouped by speaker."
)

HELP = (
    "<b>How to use me</b>\n"
    "• Send a link to a news article (up to 3 links in one message).\n"
    "• Or paste or forward an article's text (at least 80 words).\n"
    "• /brief and a link: the full brief. /quotes and a link: only the quotes.\n"
    "• Reply /brief or /quotes to a message that holds a link or a text.\n\n"
    "Under each brief, buttons switch between <i>Quotes only</i>, <i>Actors</i>, "
    "<i>Stakes</i> and the <i>Full brief</i>.\n\n"
    "In a group I answer only commands, messages that mention me, and replies to me.\n"
    "Limits: 10 new briefs a minute, and texts up to 100,000 characters. Every quote is "
    "checked word for word against the article."
)

SHORT_HINT = (
    "Send me a link to a news article, or paste the article's whole text, and I will brief it."
)
BRIEF_USAGE = (
    "Send /brief with a link, like <code>/brief https://example.com/story</code>, or reply "
    "/brief to a message that holds a link or an article's text."
)
QUOTES_USAGE = (
    "Send /quotes with a link, like <code>/quotes https://example.com/story</code>, or reply "
    "/quotes to a message that holds a link or an article's text."
)
TOO_MANY_LINKS = "I brief up to 3 links from one message, so here are the first 3."
GENERIC_ERROR = "Something went wrong; it has been logged. Please try again in a minute."
BRIEF_GONE = "I no longer have that brief. Send the link again and I will make a new one."

BUTTON_QUOTES = "Quotes only"
BUTTON_ACTORS = "Actors"
BUTTON_STAKES = "Stakes"
BUTTON_FULL = "Full brief"
FOLLOW_NAME_CHARS = 24

_LINK_STEPS = ("Loading the page", "Finding the article text", "Finding quotes and who said them")
_LINK_STAGES = (Stage.FETCHING, Stage.EXTRACTING, Stage.FINDING_QUOTES)


def progress(stage: Stage, pasted: bool) -> str:
    """Return the progress message for a stage: what is done, and what is happening now."""
    if pasted:
        return "Reading your text…\n⏳ Finding quotes and who said them"
    done = _LINK_STAGES.index(stage)
    lines = [f"✓ {step}" for step in _LINK_STEPS[:done]] + [f"⏳ {_LINK_STEPS[done]}"]
    return "Reading the article…\n" + "\n".join(lines)


def error_reply(exc: BriefingError) -> str:
    """Return the reply to a failed brief: what to do about it."""
    if isinstance(exc, RateLimited):
        seconds = max(1, math.ceil(exc.retry_in))
        return (
            "You have asked for many briefs in the last minute. "
            f"Please send that again in {seconds} seconds."
        )
    return html.escape(exc.user_message, quote=False)


def follow_button(name: str) -> str:
    """Return the label of the Follow button for an actor or a topic."""
    short = name if len(name) <= FOLLOW_NAME_CHARS else name[: FOLLOW_NAME_CHARS - 1] + "…"
    return f"Follow {short}"


def follow_soon(name: str) -> str:
    """Return the answer to the Follow button until following exists."""
    return f"Following {name} is coming soon: I will send you new articles about them."
