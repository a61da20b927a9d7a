"""End-to-end fixtures: the real Application from bot.app, over real HTTP, all on loopback.

Session-scoped: the local Bot API server (its own thread and loop), the article site, and
one worker pool (the model loads once per session). Per test: a fresh database and a running
bot built by `build_app`, exactly as `briefbot run` builds it, polling the local server.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_app, running
from bot.config import Config, FetchSettings
from bot.follow.schedule import utc_now
from bot.localapi import ControlClient, LocalBotApiServer, start_in_thread
from bot.types import Clock
from bot.workers import WorkerPool
from handlers.context import BotApp
from tests.helpers.articles import ArticleSite
from tests.helpers.feeds import FeedSite

LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)
BotStarter = Callable[..., AbstractAsyncContextManager[BotApp]]


@pytest.fixture(scope="session")
def local_api() -> Iterator[LocalBotApiServer]:
    server = start_in_thread()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def article_site() -> Iterator[ArticleSite]:
    site = ArticleSite().start()
    yield site
    site.stop()


@pytest.fixture(scope="session")
def feed_site() -> Iterator[FeedSite]:
    site = FeedSite().start()
    yield site
    site.stop()


@pytest.fixture(scope="session")
def worker_pool() -> Iterator[WorkerPool]:
    pool = WorkerPool(2)
    pool.start()
    asyncio.run(pool.warm_up())
    yield pool
    asyncio.run(pool.close())


@pytest.fixture
async def control(local_api: LocalBotApiServer) -> AsyncIterator[ControlClient]:
    async with ControlClient(local_api.url, timeout=30) as client:
        await client.reset()
        yield client


@pytest.fixture
def config(
    local_api: LocalBotApiServer, article_site: ArticleSite, feed_site: FeedSite, tmp_path: Path
) -> Config:
    """The bot's configuration: the local server, a fresh database, loopback pages allowed."""
    ports = (article_site.port, feed_site.port)
    fetch = FetchSettings(allow_networks=LOOPBACK, allowed_ports=ports)
    return Config(
        telegram_token=local_api.token,
        telegram_api_url=local_api.url,
        db_path=tmp_path / "briefbot.db",
        workers=2,
        fetch=fetch,
    )


@pytest.fixture
def start_bot(config: Config, worker_pool: WorkerPool, control: ControlClient) -> BotStarter:
    """Start the real bot (config fields may be overridden) and wait until it polls."""

    @asynccontextmanager
    async def starter(
        clock: Clock = utc_now, drop_pending: bool = False, **overrides: Any
    ) -> AsyncIterator[BotApp]:
        app = build_app(Config(**{**_fields(config), **overrides}), pool=worker_pool, clock=clock)
        polling = {"poll_interval": 0.0, "drop_pending_updates": drop_pending}
        async with running(app, **polling) as started:
            await control.wait_until_polling(10)
            yield started

    return starter


def _fields(config: Config) -> dict[str, Any]:
    return {name: getattr(config, name) for name in config.__dataclass_fields__}


@pytest.fixture
async def bot(start_bot: BotStarter) -> AsyncIterator[BotApp]:
    async with start_bot() as app:
        yield app
