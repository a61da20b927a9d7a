"""Running the bot: long polling, a webhook, or the offline console (`briefbot run|console`)."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from urllib.parse import urlsplit

from bot.app import ALLOWED_UPDATES, build_app, running
from bot.config import Config
from bot.localapi import LocalBotApiServer
from bot.localapi.console import serve_console
from bot.workers import WorkerPool

__all__ = ["run_bot", "run_console"]

logger = logging.getLogger(__name__)


def _opt_in_to_timedelta() -> None:
    # PTB 22 warns each time it builds a RetryAfter unless PTB_TIMEDELTA opts in to the
    # timedelta API that its next major version makes the default (PTB 22.2 changelog).
    os.environ.setdefault("PTB_TIMEDELTA", "1")


def _configure_logging(level: str) -> None:
    fmt = "%(asctime)s %(levelname)s %(name)s: %(message)s"
    logging.basicConfig(level=level, format=fmt, force=True)  # build_app quiets httpx


def run_bot(config: Config, webhook_url: str | None, listen: str, port: int) -> int:
    """Run the bot until interrupted: long polling, or a webhook when a URL is given."""
    if not config.telegram_token:
        print("briefbot: set TELEGRAM_BOT_TOKEN (or try `briefbot console`).", file=sys.stderr)
        return 2
    _configure_logging(config.log_level)
    _opt_in_to_timedelta()
    app = build_app(config)
    if webhook_url is None:
        logger.info("starting with long polling")
        app.run_polling(allowed_updates=list(ALLOWED_UPDATES))
        return 0
    path = urlsplit(webhook_url).path.lstrip("/")
    logger.info("starting a webhook on %s:%s for %s", listen, port, webhook_url)
    app.run_webhook(
        listen=listen,
        port=port,
        url_path=path,
        webhook_url=webhook_url,
        # Telegram sends this in a header with every update; anything else is refused.
        secret_token=config.webhook_secret or secrets.token_urlsafe(32),
        allowed_updates=list(ALLOWED_UPDATES),
    )
    return 0


def run_console(config: Config, pool: WorkerPool | None = None) -> int:
    """Chat with the bot in this terminal, against a local Bot API server; no token needed."""
    logging.getLogger().setLevel(logging.ERROR)  # keep the chat readable
    _opt_in_to_timedelta()

    @asynccontextmanager
    async def start_bot(server: LocalBotApiServer) -> AsyncIterator[object]:
        local = replace(config, telegram_token=server.token, telegram_api_url=server.url)
        async with running(build_app(local, pool=pool), poll_interval=0.0) as app:
            yield app

    return asyncio.run(serve_console(sys.stdin, sys.stdout, start_bot))
