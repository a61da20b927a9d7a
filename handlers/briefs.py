"""Links, pasted texts, /brief and /quotes: answer each with a brief and its keyboard."""

from __future__ import annotations

import asyncio
import logging

from telegram import Message, Update
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.briefing.render import render_html
from bot.errors import BriefingError
from bot.service import BriefResult, Requester
from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.filters import ADDRESSED_TO_BOT
from handlers.inputs import Request, command_request, message_request
from handlers.keyboards import brief_keyboard
from handlers.replies import ProgressReply, send_html, show_typing

__all__ = [
    "brief_command",
    "on_message",
    "quotes_command",
    "register",
    "reply_with_brief",
    "send_stored_brief",
]

logger = logging.getLogger(__name__)

BRIEFABLE = (
    filters.UpdateType.MESSAGE
    & (filters.TEXT | filters.CAPTION)
    & ~filters.COMMAND
    & ADDRESSED_TO_BOT
)


def requester(message: Message) -> Requester:
    """Describe who sent a message and where, for the service's records."""
    user = message.from_user
    return Requester(
        user_id=user.id if user else None,
        chat_id=message.chat_id,
        chat_type=message.chat.type,
        chat_title=message.chat.title,
        first_name=user.first_name if user else None,
        username=user.username if user else None,
        language_code=user.language_code if user else None,
    )


async def _run(
    context: BotContext, who: Requester, source: str, reply: ProgressReply
) -> BriefResult:
    if reply.pasted:
        return await context.service.brief_pasted(source, who, reply.stage)
    return await context.service.brief_link(source, who, reply.stage)


async def _brief(
    message: Message, context: BotContext, source: str, view: str, pasted: bool
) -> None:
    who = requester(message)
    async with ProgressReply(message, pasted) as reply:
        try:
            result = await _run(context, who, source, reply)
        except BriefingError as exc:
            logger.info(
                "no brief for user %s in chat %s (%s): %r",
                who.user_id, who.chat_id, "pasted text" if pasted else source, exc,
            )  # fmt: skip
            await reply.fail(messages.error_reply(exc))
            return
        keyboard = brief_keyboard(result.stored.id, result.brief, view)
        sent = await reply.deliver(render_html(result.brief, view), keyboard)
        context.service.save_parts(message.chat_id, sent, [])


async def reply_with_brief(message: Message, context: BotContext, link: str, view: str) -> None:
    """Brief a link in reply to a message, with progress, as if the link had been sent."""
    await _brief(message, context, link, view, pasted=False)


async def send_stored_brief(
    message: Message, brief_id: int, view: str, context: BotContext
) -> bool:
    """Send a stored brief in this view with its keyboard; False if it is gone."""
    stored = context.service.get_brief(brief_id)
    if stored is None:
        return False
    parts = render_html(stored.brief, view)
    keyboard = brief_keyboard(stored.id, stored.brief, view)
    for number, part in enumerate(parts, start=1):
        await send_html(message, part, keyboard if number == len(parts) else None, quote=False)
    return True


async def _answer(
    message: Message, context: BotContext, request: Request, view: str, usage: str
) -> None:
    if request.empty:
        await send_html(message, usage)
        return
    if request.dropped_links:
        await send_html(message, messages.TOO_MANY_LINKS)
    if request.text is not None:
        await _brief(message, context, request.text, view, pasted=True)
    for link in request.links:  # one after another, each with its own progress message
        await _brief(message, context, link, view, pasted=False)


async def on_message(update: Update, context: BotContext) -> None:
    """Brief the links in a message, or its text when it is a whole article; else a hint.

    A long paste that arrives split into several messages is briefed once, whole.
    """
    message = update.effective_message
    if message is None:
        return

    async def brief_paste(first: Message, text: str) -> None:
        await _brief(first, context, text, "full", pasted=True)

    pastes = context.bot_data.pastes
    # The Application's tasks are awaited when it stops, so a held paste is still briefed.
    app = context.application
    spawn = app.create_task if app.running else asyncio.create_task
    if await pastes.take(message, brief_paste, spawn):
        if pastes.waiting(message):  # held for its next part: show the bot is at work
            await show_typing(message)
        return
    request = message_request(message, context.bot.username)
    await _answer(message, context, request, "full", messages.SHORT_HINT)


async def brief_command(update: Update, context: BotContext) -> None:
    """/brief <link>, or /brief in reply to a message holding a link or a text."""
    message = update.effective_message
    if message is not None:
        request = command_request(message, context.bot.username)
        await _answer(message, context, request, "full", messages.BRIEF_USAGE)


async def quotes_command(update: Update, context: BotContext) -> None:
    """/quotes <link>: the quotes-only view, every quote grouped by speaker."""
    message = update.effective_message
    if message is not None:
        request = command_request(message, context.bot.username)
        await _answer(message, context, request, "quotes", messages.QUOTES_USAGE)


def register(app: BotApp) -> None:
    """Add the /brief and /quotes commands and the link-and-text handler."""
    app.add_handler(CommandHandler("brief", brief_command, filters.UpdateType.MESSAGE))
    app.add_handler(CommandHandler("quotes", quotes_command, filters.UpdateType.MESSAGE))
    app.add_handler(MessageHandler(BRIEFABLE, on_message))
