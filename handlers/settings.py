"""/settings: a chat's time zone and when its briefings come."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from bot.errors import BriefingError
from bot.follow.schedule import parse_schedule
from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.follow import command_args
from handlers.replies import send_html

__all__ = ["register", "settings_command"]

ZONE_WORDS = ("tz", "timezone", "zone", "time_zone")


async def settings_command(update: Update, context: BotContext) -> None:
    """/settings [tz <zone> | <schedule>]: show the settings, or change one."""
    message = update.effective_message
    if message is None:
        return
    chat_id, topics = message.chat_id, context.subscriptions
    words = command_args(message).split(maxsplit=1)
    try:
        if len(words) == 2 and words[0].lower() in ZONE_WORDS:
            topics.set_time_zone(chat_id, words[1])
        elif words:
            topics.set_default_schedule(chat_id, " ".join(words))
    except BriefingError as exc:
        await send_html(message, messages.error_reply(exc))
        return
    if words:
        context.scheduler.reschedule()
    settings = topics.settings(chat_id)
    await send_html(message, messages.settings_text(settings, parse_schedule(settings.schedule)))


def register(app: BotApp) -> None:
    """Add /settings."""
    app.add_handler(CommandHandler("settings", settings_command))
