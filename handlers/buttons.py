"""The buttons under a brief: switch its view in place, or follow what it is about.

The Follow button offers the brief's top actor and its topics; a digest's Open button sends
an article's full brief as a new message.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import CallbackQueryHandler

from bot.briefing.render import render_html
from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.keyboards import (
    FOLLOW_PATTERN,
    OPEN_PATTERN,
    VIEW_PATTERN,
    brief_keyboard,
    follow_options,
    parse_follow,
    parse_open,
    parse_view,
    pick_keyboard,
)
from handlers.replies import send_html, send_parts, show_in_place

__all__ = ["on_follow_button", "on_open_button", "on_view_button", "register"]


async def on_view_button(update: Update, context: BotContext) -> None:
    """Show another view of a stored brief (Quotes only, Actors, Stakes, Full brief)."""
    query = update.callback_query
    parsed = parse_view(query.data or "") if query else None
    if query is None or parsed is None:
        return
    brief_id, view = parsed
    stored = context.service.get_brief(brief_id)
    if stored is None:
        await query.answer(messages.BRIEF_GONE, show_alert=True)
        return
    await query.answer()
    keyboard = brief_keyboard(stored.id, stored.brief, view)
    if not isinstance(query.message, Message):
        return
    chat_id, pressed = query.message.chat_id, query.message.message_id
    shown = context.service.get_parts(chat_id, pressed)  # every part, not just the pressed one
    now = await show_in_place(query, render_html(stored.brief, view), keyboard, shown)
    context.service.save_parts(chat_id, now, shown)


async def on_follow_button(update: Update, context: BotContext) -> None:
    """Offer what the brief is about to follow: its top actor and its topics."""
    query = update.callback_query
    brief_id = parse_follow(query.data or "") if query else None
    if query is None or brief_id is None or not isinstance(query.message, Message):
        return
    stored = context.service.get_brief(brief_id)
    options = follow_options(stored.brief) if stored else []
    if not options:
        await query.answer(messages.BRIEF_GONE, show_alert=True)
        return
    await query.answer()
    await send_html(query.message, messages.FOLLOW_CHOICES, pick_keyboard(brief_id, options))


async def on_open_button(update: Update, context: BotContext) -> None:
    """Send the full brief of an article from a digest, as a new message."""
    query = update.callback_query
    brief_id = parse_open(query.data or "") if query else None
    if query is None or brief_id is None or not isinstance(query.message, Message):
        return
    stored = context.service.get_brief(brief_id)
    if stored is None:
        await query.answer(messages.BRIEF_GONE, show_alert=True)
        return
    await query.answer()
    keyboard = brief_keyboard(stored.id, stored.brief, "full")
    sent = await send_parts(query.message, render_html(stored.brief, "full"), keyboard)
    context.service.save_parts(query.message.chat_id, sent, [])


def register(app: BotApp) -> None:
    """Add the view, follow and open button handlers."""
    app.add_handler(CallbackQueryHandler(on_view_button, pattern=VIEW_PATTERN))
    app.add_handler(CallbackQueryHandler(on_follow_button, pattern=FOLLOW_PATTERN))
    app.add_handler(CallbackQueryHandler(on_open_button, pattern=OPEN_PATTERN))
