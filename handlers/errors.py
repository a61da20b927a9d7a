"""The error handler: whatever the handlers did not catch is logged, and the user told so."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError, TelegramError

from handlers import messages
from handlers.context import BotApp, BotContext

__all__ = ["on_error", "register"]

logger = logging.getLogger(__name__)


def _where(update: object) -> tuple[int | None, int | None, int | None]:
    if not isinstance(update, Update):
        return None, None, None
    chat, user = update.effective_chat, update.effective_user
    return update.update_id, chat.id if chat else None, user.id if user else None


async def _tell_user(update: object) -> None:
    if not isinstance(update, Update):
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(messages.GENERIC_ERROR, show_alert=True)
        elif update.effective_message is not None:
            await update.effective_message.reply_text(messages.GENERIC_ERROR)
    except TelegramError as exc:
        logger.warning("could not tell the user about the error: %s", exc)


async def on_error(update: object, context: BotContext) -> None:
    """Log an error with its context, mark blocked chats inactive, apologize to the user."""
    error = context.error
    update_id, chat_id, user_id = _where(update)
    if isinstance(error, Forbidden):
        logger.info("chat %s refused the bot (%s); marking it inactive", chat_id, error.message)
        if chat_id is not None and context.bot_data.service is not None:
            context.service.mark_chat_inactive(chat_id, "forbidden")
        return
    if update is None and isinstance(error, NetworkError):
        logger.warning("Telegram connection problem: %s", error)  # polling retries by itself
        return
    logger.error(
        "update %s (chat %s, user %s) failed", update_id, chat_id, user_id, exc_info=error
    )
    await _tell_user(update)


def register(app: BotApp) -> None:
    """Add the error handler."""
    app.add_error_handler(on_error)
