"""The app's typed CallbackContext: `context.service` instead of reaching into bot_data."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.service import BriefService

__all__ = ["BotApp", "BotContext", "BotData"]


class BotData:
    """What the application keeps in bot_data; `post_init` fills it, `post_shutdown` empties it."""

    __slots__ = ("service",)

    def __init__(self) -> None:
        self.service: BriefService | None = None


class BotContext(CallbackContext[ExtBot[int], dict[Any, Any], dict[Any, Any], BotData]):
    """The callback context every handler receives."""

    @property
    def service(self) -> BriefService:
        """Return the briefing service (started in post_init)."""
        service = self.bot_data.service
        if service is None:
            raise RuntimeError("the briefing service is not running (post_init has not run)")
        return service


BotApp = Application[
    ExtBot[int], BotContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[BotContext]
]
