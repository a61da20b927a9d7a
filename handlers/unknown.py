"""Commands the bot does not have: say so and what to send instead.

Registered last, so every command another handler knows is taken before. In a group only
a command addressed to this bot ("/foo@briefbot") is answered: a bare "/foo" may be
another bot's.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.ext import MessageHandler, filters

from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.replies import send_html

__all__ = ["register", "unknown_command"]


class _AddressedCommand(filters.MessageFilter):
    """A command in a private chat, or one that names this bot after "@" in a group."""

    def filter(self, message: Message) -> bool:
        if message.chat.type == ChatType.PRIVATE:
            return True
        command = (message.text or "").split(maxsplit=1)[0] if message.text else ""
        _, at, name = command.partition("@")
        username = message.get_bot().username
        return bool(at) and bool(username) and name.lower() == str(username).lower()


UNKNOWN_COMMAND = filters.UpdateType.MESSAGE & filters.COMMAND & _AddressedCommand()


async def unknown_command(update: Update, context: BotContext) -> None:
    """Answer a command no handler took with the commands there are."""
    del context
    message = update.effective_message
    if message is None or not message.text:
        return
    await send_html(message, messages.unknown_command(message.text.split(maxsplit=1)[0]))


def register(app: BotApp) -> None:
    """Add the answer to unknown commands (after every other command handler)."""
    app.add_handler(MessageHandler(UNKNOWN_COMMAND, unknown_command))
