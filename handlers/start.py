"""/start and /help."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.replies import send_html

__all__ = ["help_command", "register", "start"]


async def start(update: Update, context: BotContext) -> None:
    """Welcome a user: what to send, what comes back, one example."""
    if update.effective_message is not None:
        await send_html(update.effective_message, messages.WELCOME)


async def help_command(update: Update, context: BotContext) -> None:
    """Explain every command, the buttons, groups and the limits."""
    if update.effective_message is not None:
        await send_html(update.effective_message, messages.HELP)


def register(app: BotApp) -> None:
    """Add the /start and /help handlers."""
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("help", help_command))
