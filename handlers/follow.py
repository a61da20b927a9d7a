"""/follow (/subscribe), /unfollow, /following, /digest, and the buttons that manage topics."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.errors import BriefingError
from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.keyboards import (
    PICK_PATTERN,
    SCHEDULE_PATTERN,
    TOPIC_PATTERN,
    follow_options,
    following_keyboard,
    parse_pick,
    parse_schedule_choice,
    parse_topic_action,
    schedule_keyboard,
)
from handlers.replies import edit_html, send_html

__all__ = [
    "digest_command",
    "follow_command",
    "follow_topic",
    "following_command",
    "on_pick_button",
    "on_schedule_choice",
    "on_topic_button",
    "register",
    "unfollow_command",
    "unfollow_in",
]

logger = logging.getLogger(__name__)


def command_args(message: Message) -> str:
    """Return the words after a command, as typed (quotes kept)."""
    parts = (message.text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


async def _follow(message: Message, context: BotContext, text: str) -> None:
    chat, topics = message.chat, context.subscriptions
    try:
        result = topics.follow(chat.id, chat.type, chat.title, text)
    except BriefingError as exc:
        await send_html(message, messages.error_reply(exc))
        return
    context.scheduler.reschedule()
    sub = result.subscription
    zone = topics.settings(chat.id).time_zone
    reply = messages.followed(sub.query, result.created, topics.schedule_of(sub), zone)
    await send_html(message, reply, quote=False)


async def follow_topic(message: Message, context: BotContext, topic: str) -> None:
    """Follow a topic in the message's chat and confirm it (used by other buttons: /who)."""
    await _follow(message, context, topic)


async def follow_command(update: Update, context: BotContext) -> None:
    """/follow <topic>: follow a topic in this chat."""
    message = update.effective_message
    if message is None:
        return
    text = command_args(message)
    if not text:
        await send_html(message, messages.FOLLOW_USAGE)
        return
    await _follow(message, context, text)


def _listing(context: BotContext, chat_id: int) -> tuple[str, InlineKeyboardMarkup | None]:
    topics = context.subscriptions
    subs = topics.topics(chat_id)
    text = messages.following_list(
        [(sub, topics.schedule_of(sub)) for sub in subs], topics.settings(chat_id)
    )
    return text, following_keyboard([(sub.id, sub.paused) for sub in subs])


async def following_command(update: Update, context: BotContext) -> None:
    """/following: the chat's topics, with buttons to pause, remove and reschedule."""
    message = update.effective_message
    if message is not None:
        text, keyboard = _listing(context, message.chat_id)
        await send_html(message, text, keyboard)


async def unfollow_command(update: Update, context: BotContext) -> None:
    """/unfollow <number or topic>: stop following a topic."""
    message = update.effective_message
    if message is None:
        return
    await unfollow_in(message, context, message.chat_id, command_args(message))


async def unfollow_in(
    message: Message, context: BotContext, chat_id: int, text: str, heading: str = ""
) -> None:
    """Stop following the topic `text` names (its number or words) in a chat, and say so."""
    try:
        found = context.subscriptions.find(chat_id, text) if text else None
    except BriefingError:
        found = None
    if found is None:
        await send_html(message, messages.UNFOLLOW_USAGE if not text else messages.TOPIC_GONE)
        return
    context.subscriptions.unfollow(chat_id, found.id)
    context.scheduler.reschedule()
    await send_html(message, heading + messages.unfollowed(found.query))


async def digest_command(update: Update, context: BotContext) -> None:
    """/digest: send the chat what is waiting on its topics now."""
    message = update.effective_message
    if message is None:
        return
    if not context.subscriptions.topics(message.chat_id):
        await send_html(message, messages.NO_TOPICS)
        return
    sent = await context.digests.deliver_now(message.chat_id)
    context.scheduler.reschedule()
    if sent == 0:
        await send_html(message, messages.DIGEST_NOTHING)


async def on_pick_button(update: Update, context: BotContext) -> None:
    """Follow the option chosen under "What would you like to follow?"."""
    query = update.callback_query
    parsed = parse_pick(query.data or "") if query else None
    if query is None or parsed is None or not isinstance(query.message, Message):
        return
    brief_id, number = parsed
    stored = context.service.get_brief(brief_id)
    options = follow_options(stored.brief) if stored else []
    if number >= len(options):
        await query.answer(messages.BRIEF_GONE, show_alert=True)
        return
    await query.answer()
    await _follow(query.message, context, options[number][1])


async def _show_listing(query: CallbackQuery, context: BotContext) -> None:
    if isinstance(query.message, Message):
        text, keyboard = _listing(context, query.message.chat_id)
        await edit_html(query.message, text, keyboard)


async def on_topic_button(update: Update, context: BotContext) -> None:
    """Pause or resume, remove, or open the schedule choices of a topic in /following."""
    query = update.callback_query
    parsed = parse_topic_action(query.data or "") if query else None
    if query is None or parsed is None or not isinstance(query.message, Message):
        return
    action, sub_id = parsed
    chat_id, topics = query.message.chat_id, context.subscriptions
    sub = topics.get(chat_id, sub_id)
    if sub is None:
        await query.answer(messages.TOPIC_GONE, show_alert=True)
        return
    await query.answer()
    if action == "schedule":
        await edit_html(query.message, messages.following_list([(sub, topics.schedule_of(sub))],
                        topics.settings(chat_id)), schedule_keyboard(sub.id))  # fmt: skip
        return
    if action == "pause":
        topics.set_paused(chat_id, sub.id, not sub.paused)
    else:
        topics.unfollow(chat_id, sub.id)
    context.scheduler.reschedule()
    await _show_listing(query, context)


async def on_schedule_choice(update: Update, context: BotContext) -> None:
    """Give a topic the schedule chosen (or the chat's default), then show the list again."""
    query = update.callback_query
    parsed = parse_schedule_choice(query.data or "") if query else None
    if query is None or parsed is None or not isinstance(query.message, Message):
        return
    sub_id, spec = parsed
    sub = context.subscriptions.set_topic_schedule(query.message.chat_id, sub_id, spec)
    if sub is None:
        await query.answer(messages.TOPIC_GONE, show_alert=True)
        return
    await query.answer()
    context.scheduler.reschedule()
    await _show_listing(query, context)


def register(app: BotApp) -> None:
    """Add the topic commands and buttons."""
    app.add_handler(CommandHandler(["follow", "subscribe"], follow_command))
    app.add_handler(CommandHandler(["unfollow", "unsubscribe"], unfollow_command))
    app.add_handler(CommandHandler("following", following_command))
    app.add_handler(CommandHandler("digest", digest_command))
    app.add_handler(CallbackQueryHandler(on_pick_button, pattern=PICK_PATTERN))
    app.add_handler(CallbackQueryHandler(on_topic_button, pattern=TOPIC_PATTERN))
    app.add_handler(CallbackQueryHandler(on_schedule_choice, pattern=SCHEDULE_PATTERN))
