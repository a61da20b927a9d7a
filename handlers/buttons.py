"""The buttons under a brief: switch its view in place, or follow its top actor."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.briefing.render import render_html
from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.keyboards import (
    FOLLOW_PATTERN,
    VIEW_PATTERN,
    brief_keyboard,
    follow_target,
    parse_follow,
    parse_view,
)
from handlers.replies import show_in_place

__all__ = ["on_follow_button", "on_view_button", "register"]


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
    await show_in_place(query, render_html(stored.brief, view), keyboard)


async def on_follow_button(update: Update, context: BotContext) -> None:
    """Answer the Follow button (following arrives with subscriptions)."""
    query = update.callback_query
    brief_id = parse_follow(query.data or "") if query else None
    if query is None or brief_id is None:
        return
    stored = context.service.get_brief(brief_id)
    target = follow_target(stored.brief) if stored else None
    if target is None:
        await query.answer(messages.BRIEF_GONE, show_alert=True)
        return
    await query.answer(messages.follow_soon(target))


def register(app: BotApp) -> None:
    """Add the view and follow button handlers."""
    app.add_handler(CallbackQueryHandler(on_view_button, pattern=VIEW_PATTERN))
    app.add_handler(CallbackQueryHandler(on_follow_button, pattern=FOLLOW_PATTERN))
