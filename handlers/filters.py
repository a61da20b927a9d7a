"""Which messages the bot answers: all in private chats, only those addressed to it in groups."""

from __future__ import annotations

from telegram import Message, MessageEntity
from telegram.constants import ChatType
from telegram.ext import filters

__all__ = ["ADDRESSED_TO_BOT"]


def _mentions(message: Message, username: str) -> bool:
    wanted = f"@{username}".lower()
    kinds: list[str | None] = [MessageEntity.MENTION]
    found = (
        message.parse_entities(kinds) if message.text else message.parse_caption_entities(kinds)
    )
    return any(text.lower() == wanted for text in found.values())


class _AddressedToBot(filters.MessageFilter):
    """A private message, or in a group a mention of the bot or a reply to one of its messages."""

    def filter(self, message: Message) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        bot = message.get_bot()
        replied = message.reply_to_message
        if replied is not None and replied.from_user and replied.from_user.id == bot.id:
            return True
        return bool(bot.username) and _mentions(message, bot.username)


ADDRESSED_TO_BOT = _AddressedToBot(name="ADDRESSED_TO_BOT")
