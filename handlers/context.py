"""The app's typed CallbackContext: `context.service` instead of reaching into bot_data."""

from __future__ import annotations

from typing import Any, Protocol

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.follow.channels import ChannelService
from bot.follow.digests import DigestRunner
from bot.follow.feedpoll import FeedService
from bot.follow.quotebank import QuoteBank
from bot.follow.subscriptions import SubscriptionService
from bot.service import BriefService
from handlers.pastes import PasteJoiner

__all__ = ["BotApp", "BotContext", "BotData", "Scheduler"]


class Scheduler(Protocol):
    """What handlers ask of the job scheduler; `handlers.jobs.JobScheduler` is the real one."""

    def reschedule(self) -> None:
        """Set the digest timer again after topics or settings changed."""

    def ingest_soon(self) -> None:
        """Brief a newly added feed's entries in the background."""


class BotData:
    """What the application keeps in bot_data; `post_init` fills it, `post_shutdown` empties it."""

    __slots__ = (
        "channels",
        "digests",
        "feeds",
        "inline_answer_seconds",
        "inline_latest",
        "inline_typing_pause",
        "pastes",
        "quotes",
        "scheduler",
        "service",
        "subscriptions",
    )

    def __init__(self) -> None:
        self.inline_answer_seconds = 7.0
        self.inline_typing_pause = 0.6  # seconds without a newer query before fetching a link
        self.inline_latest: dict[int, str] = {}  # user id -> id of their newest inline query
        self.pastes = PasteJoiner()  # long pastes that arrive split into several messages
        self.channels: ChannelService | None = None
        self.service: BriefService | None = None
        self.subscriptions: SubscriptionService | None = None
        self.feeds: FeedService | None = None
        self.digests: DigestRunner | None = None
        self.scheduler: Scheduler | None = None
        self.quotes: QuoteBank | None = None


def _running(value: Any, name: str) -> Any:
    if value is None:
        raise RuntimeError(f"the {name} is not running (post_init has not run)")
    return value


class BotContext(CallbackContext[ExtBot[int], dict[Any, Any], dict[Any, Any], BotData]):
    """The callback context every handler receives."""

    @property
    def service(self) -> BriefService:
        """Return the briefing service (started in post_init)."""
        service = self.bot_data.service
        if service is None:
            raise RuntimeError("the briefing service is not running (post_init has not run)")
        return service

    @property
    def channels(self) -> ChannelService:
        """Return the channels service (started in post_init)."""
        found: ChannelService = _running(self.bot_data.channels, "channels service")
        return found

    @property
    def inline_answer_seconds(self) -> float:
        """Return how long an inline query may wait for a fresh brief."""
        return self.bot_data.inline_answer_seconds

    @property
    def subscriptions(self) -> SubscriptionService:
        """Return the topics service (started in post_init)."""
        found: SubscriptionService = _running(self.bot_data.subscriptions, "topics service")
        return found

    @property
    def feeds(self) -> FeedService:
        """Return the feeds service (started in post_init)."""
        found: FeedService = _running(self.bot_data.feeds, "feeds service")
        return found

    @property
    def digests(self) -> DigestRunner:
        """Return the digest runner (started in post_init)."""
        found: DigestRunner = _running(self.bot_data.digests, "digest runner")
        return found

    @property
    def quotes(self) -> QuoteBank:
        """Return the quote bank (opened in post_init)."""
        found: QuoteBank = _running(self.bot_data.quotes, "quote bank")
        return found

    @property
    def scheduler(self) -> Scheduler:
        """Return the job scheduler (started in post_init)."""
        found: Scheduler = _running(self.bot_data.scheduler, "scheduler")
        return found


BotApp = Application[
    ExtBot[int], BotContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[BotContext]
]
