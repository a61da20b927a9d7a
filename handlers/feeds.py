"""/addfeed, /feeds and /removefeed: a chat's own news feeds."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import CommandHandler

from bot.errors import BriefingError
from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.follow import command_args
from handlers.replies import send_html

__all__ = ["addfeed_command", "feeds_command", "register", "removefeed_command"]

logger = logging.getLogger(__name__)


async def addfeed_command(update: Update, context: BotContext) -> None:
    """/addfeed <url>: read the feed at once, add it, and say how many entries it holds."""
    message = update.effective_message
    if message is None:
        return
    url = command_args(message)
    if not url:
        await send_html(message, messages.ADDFEED_USAGE)
        return
    await message.reply_chat_action(ChatAction.TYPING)
    try:
        added = await context.feeds.add(message.chat_id, url)
    except BriefingError as exc:
        logger.info("chat %s could not add feed %s: %r", message.chat_id, url, exc)
        await send_html(message, messages.error_reply(exc))
        return
    context.scheduler.ingest_soon()
    feed = added.feed
    await send_html(message, messages.feed_added(feed.title, feed.url, added.items, added.added))


async def feeds_command(update: Update, context: BotContext) -> None:
    """/feeds: list the chat's own feeds."""
    message = update.effective_message
    if message is not None:
        await send_html(message, messages.feeds_list(context.feeds.feeds(message.chat_id)))


async def removefeed_command(update: Update, context: BotContext) -> None:
    """/removefeed <number or url>: remove one of the chat's feeds."""
    message = update.effective_message
    if message is None:
        return
    text = command_args(message)
    removed = context.feeds.remove(message.chat_id, text) if text else None
    if removed is None:
        await send_html(message, messages.REMOVEFEED_USAGE if not text else messages.FEED_UNKNOWN)
        return
    await send_html(message, messages.feed_removed(removed))


def register(app: BotApp) -> None:
    """Add the feed commands."""
    app.add_handler(CommandHandler("addfeed", addfeed_command))
    app.add_handler(CommandHandler("feeds", feeds_command))
    app.add_handler(CommandHandler("removefeed", removefeed_command))
