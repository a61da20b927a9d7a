"""An aiohttp transport for python-telegram-bot: the digest sender's connection to the Bot API.

PTB's default transport (httpx) costs about 2 ms of CPU per call here, which caps a
fan-out below 500 messages a second on one core; aiohttp's costs under 1 ms
(docs/performance.md, "Subscriptions"). Only the digest sender's bot uses it: PTB still
does the encoding, the error mapping (RetryAfter, Forbidden, ChatMigrated, ...) and the
application's rate limiter, so nothing about pacing is duplicated. Text-only: the sender
never uploads files.
"""

from __future__ import annotations

import logging

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

__all__ = ["AiohttpRequest"]

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 10.0


def _seconds(value: object, default: float) -> float | None:
    """Read a PTB timeout: a number, None (no limit) or PTB's "use the default" marker."""
    if value is None:
        return None
    return float(value) if isinstance(value, int | float) else default


class AiohttpRequest(BaseRequest):
    """Send Bot API calls with one aiohttp session and a bounded connection pool."""

    def __init__(self, connections: int = 16) -> None:
        self.connections = connections
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float:
        """Return the default read timeout, in seconds."""
        return READ_TIMEOUT

    async def initialize(self) -> None:
        """Open the session (inside the running event loop)."""
        if self._session is None:
            connector = aiohttp.TCPConnector(limit=self.connections)
            self._session = aiohttp.ClientSession(connector=connector)

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = READ_TIMEOUT,
        write_timeout: object = None,
        connect_timeout: object = CONNECT_TIMEOUT,
        pool_timeout: object = None,
    ) -> tuple[int, bytes]:
        """Post one call; return the status and the body. Raise NetworkError or TimedOut."""
        if self._session is None:
            raise RuntimeError("AiohttpRequest is not initialized")
        if request_data is not None and request_data.contains_files:
            raise NotImplementedError("the digest sender sends no files")
        timeout = aiohttp.ClientTimeout(
            sock_read=_seconds(read_timeout, READ_TIMEOUT),
            connect=_seconds(connect_timeout, CONNECT_TIMEOUT),
        )
        data = request_data.json_parameters if request_data is not None else None
        try:
            async with self._session.request(method, url, data=data, timeout=timeout) as answer:
                return answer.status, await answer.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            # Never the URL: it carries the bot's token.
            raise NetworkError(f"aiohttp: {type(exc).__name__}") from exc
