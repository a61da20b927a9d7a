"""A local Bot API server for end-to-end tests and the offline console: a fake Telegram.

It speaks the Bot API wire protocol over real HTTP (`/bot<token>/<method>`) and validates as
Telegram does: HTML entities, text length, inline keyboards, "message is not modified", offset
acknowledgement and long polling, webhooks, inline queries (`inline`), documents (`files`)
and channels with their members and rights (`channels`). A JSON control API under
`/_control/` plays the user, records the bot's calls and injects faults;
`control.ControlClient` wraps it.

This package must not import `telegram`, nor `handlers` or `storage` (import-linter checks
this): it is written against the wire protocol, so it can catch what python-telegram-bot
really sends. It binds to loopback only. Users: `briefbot console` (`bot.runner`, with the
terminal chat in `console`), the end-to-end tests and the benches.
"""

from bot.localapi.control import ApiCall, ControlClient
from bot.localapi.server import (
    DEFAULT_TOKEN,
    DEFAULT_USERNAME,
    LocalBotApiServer,
    running_server,
    start_in_thread,
)

__all__ = [
    "DEFAULT_TOKEN",
    "DEFAULT_USERNAME",
    "ApiCall",
    "ControlClient",
    "LocalBotApiServer",
    "running_server",
    "start_in_thread",
]
