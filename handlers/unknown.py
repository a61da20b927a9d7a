"""Commands the bot does not have: in a private chat, say so and what to send instead.

Registered last, so every command another handler knows is taken before. In groups a
command meant for another bot is none of ours, so it gets no answer.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import MessageHandler, filters

from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.replies import send_html

__all__ = ["register", "unknown_command"]

UNKNOWN_COMMAND = filters.UpdateType.MESSAGE & filters.COMMAND & filters.ChatType.PRIVATE


async def unknown_command(update: Update, context: BotContext) -> None:
    """Answer a command no handler took with the commands there are."""
    del context
    message = update.effective_message
    if message is None or not message.text:
        return
    await send_html(message, messages.unknown_command(message.text.split(maxsplit=1)[0]))


def register(app: BotApp) -> None:
    """Add the answer to unknown commands (after every other command handler)."""
    app.add_handler(MessageHandler(UNKNOWN_COMMAND, unknown_command))
