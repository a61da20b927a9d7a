"""Pacing calls to Telegram: its flood limits, and waiting out a 429 before retrying.

Like PTB's AIORateLimiter, but the 20-a-minute group limit applies to new messages only,
not to edits and chat actions, so progress updates and the typing action in a group do not
hold back the briefs themselves. A RetryAfter pauses every call for the time Telegram asks,
then the call is retried (up to `max_retries` times).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

__all__ = ["Pacer"]

logger = logging.getLogger(__name__)

JSONDict = dict[str, Any]
NEW_MESSAGE_METHODS = frozenset(
    {"sendmessage", "sendphoto", "senddocument", "copymessage", "forwardmessage"}
)
RETRY_SLACK = 0.1


def _retry_seconds(exc: RetryAfter) -> float:
    # Reading exc.retry_after in PTB 22 warns about its int-to-timedelta change unless
    # PTB_TIMEDELTA is set; PTB's own AIORateLimiter reads the private timedelta instead.
    return float(exc._retry_after.total_seconds())


def _is_group(chat_id: object) -> bool:
    return isinstance(chat_id, str) or (isinstance(chat_id, int) and chat_id < 0)


class Pacer(BaseRateLimiter[int]):
    """Keep under Telegram's flood limits and retry after a 429."""

    def __init__(
        self, max_retries: int = 3, per_second: float = 30.0, group_per_minute: float = 20.0
    ) -> None:
        self.max_retries = max_retries
        # per_second 0 switches the overall limit off (benchmarks against a server without it).
        self._overall = AsyncLimiter(per_second, 1.0) if per_second > 0 else None
        self._group_rate = group_per_minute
        self._groups: dict[object, AsyncLimiter] = {}
        self._resume = asyncio.Event()
        self._resume.set()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    def _limiters(self, endpoint: str, data: dict[str, Any]) -> list[AsyncLimiter]:
        chat_id = data.get("chat_id")
        with contextlib.suppress(TypeError, ValueError):
            chat_id = int(chat_id)  # type: ignore[arg-type]
        if chat_id is None:
            return []
        limiters = [self._overall] if self._overall is not None else []
        if endpoint.lower() in NEW_MESSAGE_METHODS and _is_group(chat_id):
            group = self._groups.setdefault(chat_id, AsyncLimiter(self._group_rate, 60.0))
            limiters.insert(0, group)
        return limiters

    async def _call(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        limiters: list[AsyncLimiter],
    ) -> bool | JSONDict | list[JSONDict]:
        await self._resume.wait()
        async with contextlib.AsyncExitStack() as stack:
            for limiter in limiters:
                await stack.enter_async_context(limiter)
            return await callback(*args, **kwargs)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        """Run one Bot API call within the limits, waiting out and retrying a RetryAfter."""
        retries = self.max_retries if rate_limit_args is None else rate_limit_args
        limiters = self._limiters(endpoint, data)
        for attempt in range(retries + 1):
            try:
                return await self._call(callback, args, kwargs, limiters)
            except RetryAfter as exc:
                if attempt == retries:
                    raise
                delay = _retry_seconds(exc) + RETRY_SLACK
                logger.warning("Telegram asked to wait %.1f s (%s); waiting", delay, endpoint)
                self._resume.clear()
                try:
                    await asyncio.sleep(delay)
                finally:
                    self._resume.set()
        raise AssertionError("unreachable")  # the loop returns or raises
