"""Wiring, in one place: build the Application that `briefbot run` runs.

`build_app(config)` registers every handlers module through its `register(app)`, sets the
typed context, concurrent updates, pacing and the error handler. `post_init` opens the
database (migrating it), starts the worker pool (each worker loads the model once), opens
the fetcher's HTTP client, creates the briefing service, the topic, feed and digest services
and the scheduler (jobs rebuilt from the database: interrupted digests resumed, feeds
polled, the digest timer set), and sets the command menu; `post_shutdown` closes them in
reverse. `running(app)` does what `run_polling` does, inside
an event loop that is already running (the console and the end-to-end tests use it).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from telegram import BotCommand
from telegram.ext import ApplicationBuilder, ContextTypes, ExtBot, JobQueue

from bot.config import Config, read_feeds_file
from bot.follow.channels import ChannelService
from bot.follow.delivery import PacedSender
from bot.follow.digests import DigestRunner, DigestSettings
from bot.follow.feedpoll import FeedService, FeedSettings
from bot.follow.quotebank import QuoteBank
from bot.follow.retention import Retention
from bot.follow.schedule import utc_now
from bot.follow.subscriptions import SubscriptionService
from bot.follow.transport import AiohttpRequest
from bot.links.web import WebLinks
from bot.service import BriefService, ServiceSettings
from bot.types import Clock
from bot.workers import WorkerPool
from handlers import (
    briefs,
    buttons,
    channels,
    chats,
    errors,
    feeds,
    follow,
    inline,
    messages,
    opml,
    settings,
    start,
    unknown,
    who,
)
from handlers.context import BotApp, BotContext, BotData
from handlers.digest_view import render_digest
from handlers.jobs import JobScheduler
from handlers.pacing import Pacer
from storage import Database, open_db

__all__ = ["ALLOWED_UPDATES", "build_app", "running"]

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = (
    "message",
    "callback_query",
    "my_chat_member",
    "inline_query",
    "channel_post",
)
CONCURRENT_UPDATES = 64
# opml before briefs: a file captioned /import is not an article to brief.
HANDLER_MODULES = (
    start, opml, briefs, buttons, inline, channels, follow, feeds, settings, who, chats,
    unknown, errors,
)  # fmt: skip


class _Lifecycle:
    """What post_init opens and post_shutdown closes; a shared pool or link source stays open."""

    def __init__(
        self, config: Config, pool: WorkerPool | None, links: WebLinks | None, clock: Clock
    ) -> None:
        self.config, self.shared_pool, self.shared_links = config, pool, links
        self.clock = clock
        self.db: Database | None = None
        self.pool: WorkerPool | None = None
        self.web: WebLinks | None = None
        self.scheduler: JobScheduler | None = None
        self.sender_bot: ExtBot[int] | None = None

    async def _links(self) -> WebLinks:
        if self.shared_links is not None:
            return self.shared_links
        self.web = WebLinks(self.config.fetch)
        await self.web.open()
        return self.web

    async def _pool(self) -> WorkerPool:
        if self.shared_pool is not None:
            return self.shared_pool
        self.pool = WorkerPool(self.config.workers, float(self.config.job_seconds))
        self.pool.start()
        await self.pool.warm_up()
        return self.pool

    async def post_init(self, app: BotApp) -> None:
        """Open the database, start the workers and the fetcher, set the command menu."""
        self.db = open_db(self.config.db_path)
        settings = ServiceSettings.from_config(self.config)
        pool, links = await self._pool(), await self._links()
        app.bot_data.service = BriefService(self.db, pool, links, settings)
        app.bot_data.quotes = QuoteBank(self.db)
        app.bot_data.inline_answer_seconds = self.config.inline_answer_seconds
        self.sender_bot = await self._sender_bot(app)
        self._subscriptions(app, self.db, pool, links, self.sender_bot)
        await app.bot.set_my_commands([BotCommand(*pair) for pair in messages.BOT_COMMANDS])
        logger.info("briefbot is up as @%s", app.bot.username)

    async def _sender_bot(self, app: BotApp) -> ExtBot[int]:
        """The digest sender's own bot: aiohttp for speed, the application's rate limiter."""
        bot: ExtBot[int] = ExtBot(
            token=app.bot.token,
            base_url=self.config.api_base_url,
            base_file_url=self.config.telegram_api_url.rstrip("/") + "/file/bot",
            request=AiohttpRequest(),
            rate_limiter=app.bot.rate_limiter,
        )
        await bot.initialize()
        return bot

    def _subscriptions(
        self, app: BotApp, db: Database, pool: WorkerPool, links: WebLinks, bot: ExtBot[int]
    ) -> None:
        config, clock, data = self.config, self.clock, app.bot_data
        poll_every = timedelta(minutes=config.feed_poll_minutes)
        feed_settings = FeedSettings(
            poll_interval=poll_every, concurrency=config.workers, max_chars=config.max_text_chars
        )
        data.subscriptions = SubscriptionService(db, clock)
        data.feeds = FeedService(db, links, pool, feed_settings, clock)
        if config.feeds_file is not None:
            data.feeds.set_defaults(read_feeds_file(config.feeds_file))
        sender = PacedSender(bot, config.delivery)
        data.digests = DigestRunner(
            db, data.subscriptions, sender, render_digest, DigestSettings(), clock
        )
        data.channels = ChannelService(db)
        data.digests.on_gone = functools.partial(
            channels.pause_lost_channel, app.bot, data.channels
        )
        retention = Retention(db, config.retention_days, clock, config.quote_bank_days)
        self.scheduler = JobScheduler(app, data.digests, data.feeds, clock, poll_every, retention)
        data.scheduler = self.scheduler
        self.scheduler.start()

    async def post_shutdown(self, app: BotApp) -> None:
        """Close what post_init opened."""
        if self.scheduler is not None:
            await self.scheduler.stop()
        data = app.bot_data
        data.service = data.subscriptions = data.feeds = data.digests = data.scheduler = None
        data.quotes = None
        data.channels = None
        self.scheduler = None
        if self.sender_bot is not None:
            await self.sender_bot.shutdown()
            self.sender_bot = None
        if self.web is not None:
            await self.web.aclose()
        if self.pool is not None:
            await self.pool.close()
        if self.db is not None:
            self.db.close()
        self.db = self.pool = self.web = None


def build_app(
    config: Config,
    *,
    pool: WorkerPool | None = None,
    links: WebLinks | None = None,
    clock: Clock = utc_now,
) -> BotApp:
    """Build the bot's Application; `pool` and `links` may be shared, `clock` moved (tests)."""
    if not config.telegram_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # request URLs carry the token
    lifecycle = _Lifecycle(config, pool, links, clock)
    root = config.telegram_api_url.rstrip("/")
    app: BotApp = (
        ApplicationBuilder()
        .token(config.telegram_token)
        .base_url(config.api_base_url)
        .base_file_url(f"{root}/file/bot")
        .context_types(ContextTypes(context=BotContext, bot_data=BotData))
        .concurrent_updates(CONCURRENT_UPDATES)
        .job_queue(JobQueue[BotContext]())
        .rate_limiter(Pacer(per_second=config.delivery.api_per_second))
        .post_init(lifecycle.post_init)
        .post_shutdown(lifecycle.post_shutdown)
        .build()
    )
    for module in HANDLER_MODULES:
        module.register(app)
    return app


@asynccontextmanager
async def running(app: BotApp, **polling: Any) -> AsyncIterator[BotApp]:
    """Run the bot with long polling on the current event loop for the block's duration."""
    await app.initialize()
    try:
        if app.post_init is not None:
            await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(allowed_updates=list(ALLOWED_UPDATES), **polling)
        await app.start()
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
    finally:
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)
