"""The bot's own membership: blocked or removed marks a chat inactive; added back, active."""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.constants import ChatType
from telegram.ext import ChatMemberHandler

from handlers.channels import on_channel_rights
from handlers.context import BotApp, BotContext

__all__ = ["on_my_chat_member", "register"]

logger = logging.getLogger(__name__)

GONE = frozenset({ChatMember.BANNED, ChatMember.LEFT})


async def on_my_chat_member(update: Update, context: BotContext) -> None:
    """Record that the bot was blocked, removed, unblocked or added."""
    change = update.my_chat_member
    if change is None:
        return
    if change.chat.type == ChatType.CHANNEL:  # losing the right to post counts too (issue 12)
        await on_channel_rights(context, change.chat, change.new_chat_member)
        return
    status = change.new_chat_member.status
    if status in GONE:
        logger.info("chat %s is gone for the bot (%s)", change.chat.id, status)
        context.service.mark_chat_inactive(change.chat.id, status)
    else:
        context.service.mark_chat_active(change.chat.id)


def register(app: BotApp) -> None:
    """Add the membership handler."""
    app.add_handler(ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
