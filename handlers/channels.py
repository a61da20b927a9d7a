"""Channels: an administrator runs a channel's topics from a private chat, or in the channel.

In a private chat, `/follow @channel <topic>`, `/following @channel`, `/unfollow @channel N`,
`/settings @channel ...`, `/digest @channel` and the feed commands (`/addfeed @channel <url>`,
`/feeds @channel`, `/removefeed @channel N`) act on the channel once Telegram confirms
(getChatMember) that the sender administers it and that the bot may post there. Commands
posted in the channel itself (channel posts, which only its administrators can make) work
as in any chat. Buttons under the channel's messages are for its administrators; "Open" under
a digest opens the brief in the bot's private chat instead of posting it. When the bot loses
the right to post (a my_chat_member update, or a refused digest) the channel's topics pause
and the administrator who set them up is told; they resume when the right comes back.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from telegram import Chat, ChatFullInfo, ChatMember, ChatMemberAdministrator, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ExtBot,
    filters,
)

from bot.errors import BriefingError
from bot.follow.channels import ChannelChange, ChannelService
from bot.follow.schedule import parse_schedule
from handlers import feeds, follow, messages
from handlers import settings as settings_handlers
from handlers.context import BotApp, BotContext
from handlers.inline_view import deep_link
from handlers.keyboards import OPEN_PATTERN, SCHEDULE_PATTERN, TOPIC_PATTERN, parse_open
from handlers.replies import send_html

__all__ = ["can_post", "on_channel_rights", "pause_lost_channel", "register"]

logger = logging.getLogger(__name__)

COMMANDS = (
    "follow", "subscribe", "following", "unfollow", "unsubscribe", "settings", "digest",
    "addfeed", "feeds", "removefeed",
)  # fmt: skip
CHANNEL_COMMAND = re.compile(
    r"^/(?P<command>[A-Za-z_]+)(@\w+)?\s+(?P<ref>@[A-Za-z]\w{3,31}|-100\d{1,16})\b\s*(?P<rest>.*)$",
    re.DOTALL,
)
ADMINS = frozenset({ChatMember.OWNER, ChatMember.ADMINISTRATOR})
GUARD_GROUP = -1  # runs before the buttons' own handlers


Wording = Callable[[str | None, str | None, int], str]


def can_post(member: ChatMember) -> bool:
    """Tell whether a bot with this membership may post in a channel."""
    if member.status == ChatMember.OWNER:
        return True
    return isinstance(member, ChatMemberAdministrator) and bool(member.can_post_messages)


async def _is_admin(context: BotContext, chat_id: int, user_id: int) -> bool:
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
    except TelegramError as exc:
        logger.info("getChatMember %s/%s failed: %s", chat_id, user_id, exc)
        return False
    return member.status in ADMINS


async def _resolve(message: Message, context: BotContext, ref: str) -> ChatFullInfo | None:
    try:
        chat = await context.bot.get_chat(int(ref) if ref.lstrip("-").isdigit() else ref)
    except (BadRequest, Forbidden):
        await send_html(message, messages.channel_not_found(ref))
        return None
    if chat.type != ChatType.CHANNEL:
        await send_html(message, messages.not_a_channel(chat.title, ref))
        return None
    return chat


async def _authorize(message: Message, context: BotContext, ref: str) -> ChatFullInfo | None:
    """Return the channel if the sender administers it and the bot may post; else say why."""
    user = message.from_user
    chat = await _resolve(message, context, ref)
    if chat is None or user is None:
        return None
    if not await _is_admin(context, chat.id, user.id):
        await send_html(message, messages.channel_not_admin(chat.title, chat.username))
        return None
    me = await context.bot.get_chat_member(chat.id, context.bot.id)
    if not can_post(me):
        await send_html(message, messages.channel_bot_cannot_post(chat.title, chat.username))
        return None
    context.channels.record_owner(chat.id, user.id, chat.title, chat.username)
    context.service.mark_chat_active(chat.id)
    return chat


async def _follow(message: Message, context: BotContext, chat: ChatFullInfo, rest: str) -> None:
    if not rest:
        await send_html(message, messages.FOLLOW_USAGE)
        return
    topics = context.subscriptions
    try:
        result = topics.follow(chat.id, ChatType.CHANNEL, chat.title, rest)
    except BriefingError as exc:
        await send_html(message, messages.error_reply(exc))
        return
    context.scheduler.reschedule()
    sub, zone = result.subscription, topics.settings(chat.id).time_zone
    when = messages.schedule_text(topics.schedule_of(sub))
    reply = messages.channel_followed(
        chat.title, chat.username, sub.query, result.created, when, zone
    )
    await send_html(message, reply)


async def _following(message: Message, context: BotContext, chat: ChatFullInfo) -> None:
    topics = context.subscriptions
    subs = [(sub, topics.schedule_of(sub)) for sub in topics.topics(chat.id)]
    listing = messages.following_list(subs, topics.settings(chat.id))
    listing = listing.split("\n\nThe buttons", 1)[0]  # no buttons here: they act on this chat
    await send_html(message, messages.channel_heading(chat.title, chat.username) + listing)


async def _unfollow(message: Message, context: BotContext, chat: ChatFullInfo, rest: str) -> None:
    heading = messages.channel_heading(chat.title, chat.username)
    await follow.unfollow_in(message, context, chat.id, rest, heading)


async def _settings(message: Message, context: BotContext, chat: ChatFullInfo, rest: str) -> None:
    topics, words = context.subscriptions, rest.split(maxsplit=1)
    try:
        if len(words) == 2 and words[0].lower() in settings_handlers.ZONE_WORDS:
            topics.set_time_zone(chat.id, words[1])
        elif words:
            topics.set_default_schedule(chat.id, " ".join(words))
    except BriefingError as exc:
        await send_html(message, messages.error_reply(exc))
        return
    if words:
        context.scheduler.reschedule()
    current = topics.settings(chat.id)
    text = messages.settings_text(current, parse_schedule(current.schedule))
    await send_html(message, messages.channel_heading(chat.title, chat.username) + text)


async def _digest(message: Message, context: BotContext, chat: ChatFullInfo) -> None:
    if not context.subscriptions.topics(chat.id):
        await send_html(message, messages.NO_TOPICS)
        return
    sent = await context.digests.deliver_now(chat.id)
    context.scheduler.reschedule()
    reply = messages.channel_digest_sent(sent) if sent else messages.DIGEST_NOTHING
    await send_html(message, messages.channel_heading(chat.title, chat.username) + reply)


async def _feeds(
    message: Message, context: BotContext, chat: ChatFullInfo, command: str, rest: str
) -> None:
    heading = messages.channel_heading(chat.title, chat.username)
    if command == "feeds":
        await send_html(message, heading + messages.feeds_list(context.feeds.feeds(chat.id)))
        return
    if command == "removefeed":
        removed = context.feeds.remove(chat.id, rest) if rest else None
        if removed is None:
            await send_html(
                message, messages.REMOVEFEED_USAGE if not rest else messages.FEED_UNKNOWN
            )
        else:
            await send_html(message, heading + messages.feed_removed(removed))
        return
    if not rest:
        await send_html(message, messages.ADDFEED_USAGE)
        return
    try:
        added = await context.feeds.add(chat.id, rest)
    except BriefingError as exc:
        await send_html(message, messages.error_reply(exc))
        return
    context.scheduler.ingest_soon()
    feed = added.feed
    reply = messages.feed_added(feed.title, feed.url, added.items, added.added)
    await send_html(message, heading + reply)


async def channel_command(update: Update, context: BotContext) -> None:
    """A topic command naming a channel, sent in a private chat by its administrator."""
    message = update.effective_message
    found = CHANNEL_COMMAND.match(message.text or "") if message else None
    if message is None or found is None:
        return
    chat = await _authorize(message, context, found["ref"])
    if chat is None:
        return
    command, rest = found["command"].lower(), found["rest"].strip()
    if command in ("follow", "subscribe"):
        await _follow(message, context, chat, rest)
    elif command == "following":
        await _following(message, context, chat)
    elif command in ("unfollow", "unsubscribe"):
        await _unfollow(message, context, chat, rest)
    elif command == "settings":
        await _settings(message, context, chat, rest)
    elif command == "digest":
        await _digest(message, context, chat)
    else:
        await _feeds(message, context, chat, command, rest)


async def guard_channel_buttons(update: Update, context: BotContext) -> None:
    """In a channel, let only its administrators press the topic buttons."""
    query = update.callback_query
    message = query.message if query else None
    if query is None or not isinstance(message, Message) or message.chat.type != ChatType.CHANNEL:
        return
    if not await _is_admin(context, message.chat.id, query.from_user.id):
        await query.answer(messages.CHANNEL_ADMINS_ONLY, show_alert=True)
        raise ApplicationHandlerStop


async def open_from_channel(update: Update, context: BotContext) -> None:
    """In a channel, "Open" opens the brief in the bot's private chat rather than posting it."""
    query = update.callback_query
    message = query.message if query else None
    brief_id = parse_open(query.data or "") if query else None
    if query is None or brief_id is None or not isinstance(message, Message):
        return
    if message.chat.type != ChatType.CHANNEL:
        return
    await query.answer(url=deep_link(context.bot.username, f"b{brief_id}"))
    raise ApplicationHandlerStop


async def pause_lost_channel(bot: ExtBot[Any], channels: ChannelService, chat_id: int) -> None:
    """Pause a channel's topics after the bot lost its rights, and tell their owner once."""
    change = channels.lose(chat_id)
    if change is not None:
        await _tell(bot, change, messages.channel_lost)


async def _tell(bot: ExtBot[Any], change: ChannelChange, wording: Wording) -> None:
    owner = change.owner
    text = wording(owner.title, owner.username, change.topics)
    try:
        await bot.send_message(owner.user_id, text, parse_mode=ParseMode.HTML)
    except TelegramError as exc:
        logger.info(
            "could not tell user %s about channel %s: %s", owner.user_id, owner.chat_id, exc
        )


async def on_channel_rights(context: BotContext, chat: Chat, member: ChatMember) -> None:
    """React to the bot's new rights in a channel: pause or resume its topics."""
    if can_post(member):
        context.service.mark_chat_active(chat.id)
        change = context.channels.regain(chat.id)
        if change is not None:
            context.scheduler.reschedule()
            await _tell(context.bot, change, messages.channel_back)
        return
    context.service.mark_chat_inactive(chat.id, member.status)
    await pause_lost_channel(context.bot, context.channels, chat.id)


def register(app: BotApp) -> None:
    """Add the channel commands (private chats and channel posts) and the button guards."""
    private = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE
    named = private & filters.Regex(CHANNEL_COMMAND)
    app.add_handler(CommandHandler(list(COMMANDS), channel_command, named))
    posts = filters.UpdateType.CHANNEL_POST
    app.add_handler(CommandHandler(["follow", "subscribe"], follow.follow_command, posts))
    app.add_handler(CommandHandler(["unfollow", "unsubscribe"], follow.unfollow_command, posts))
    app.add_handler(CommandHandler("following", follow.following_command, posts))
    app.add_handler(CommandHandler("digest", follow.digest_command, posts))
    app.add_handler(CommandHandler("settings", settings_handlers.settings_command, posts))
    app.add_handler(CommandHandler("addfeed", feeds.addfeed_command, posts))
    app.add_handler(CommandHandler("feeds", feeds.feeds_command, posts))
    app.add_handler(CommandHandler("removefeed", feeds.removefeed_command, posts))
    for pattern in (TOPIC_PATTERN, SCHEDULE_PATTERN):
        app.add_handler(CallbackQueryHandler(guard_channel_buttons, pattern=pattern), GUARD_GROUP)
    app.add_handler(CallbackQueryHandler(open_from_channel, pattern=OPEN_PATTERN), GUARD_GROUP)
