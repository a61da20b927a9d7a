"""/start and /help; /start with a deep-link parameter opens what an inline result points to.

Parameters (from `t.me/<bot>?start=...`): `b<id>` the whole brief, `q<id>` its quotes,
`l<token>` brief the link an inline query could not brief in time, `inline` the welcome.
"""

from __future__ import annotations

import re

from telegram import Message, Update
from telegram.ext import CommandHandler

from handlers import messages
from handlers.briefs import reply_with_brief, send_stored_brief
from handlers.context import BotApp, BotContext
from handlers.replies import send_html

__all__ = ["help_command", "register", "start"]

_STORED = re.compile(r"^([bq])(\d{1,18})$")
_LINK = re.compile(r"^l([A-Za-z0-9_-]{1,63})$")
_VIEWS = {"b": "full", "q": "quotes"}


async def _open_start(message: Message, context: BotContext, start: str) -> bool:
    """Open what a deep link points to; False when the parameter names nothing."""
    stored = _STORED.match(start)
    if stored is not None:
        view, brief_id = _VIEWS[stored.group(1)], int(stored.group(2))
        if not await send_stored_brief(message, brief_id, view, context):
            await send_html(message, messages.BRIEF_GONE)
        return True
    link = _LINK.match(start)
    if link is not None:
        url = context.service.start_link(link.group(1))
        if url is None:
            await send_html(message, messages.START_LINK_GONE)
        else:
            await reply_with_brief(message, context, url, "full")
        return True
    return False


async def start(update: Update, context: BotContext) -> None:
    """Welcome a user, or open the brief or link a deep link points to."""
    message = update.effective_message
    if message is None:
        return
    if context.args and await _open_start(message, context, context.args[0]):
        return
    await send_html(message, messages.WELCOME)


async def help_command(update: Update, context: BotContext) -> None:
    """Explain every command, the buttons, groups and the limits."""
    if update.effective_message is not None:
        await send_html(update.effective_message, messages.HELP)


def register(app: BotApp) -> None:
    """Add the /start and /help handlers."""
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("help", help_command))
