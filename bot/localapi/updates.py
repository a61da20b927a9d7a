"""Getting updates to the bot: the getUpdates queue with long polling, or webhook delivery.

Like Telegram, one queue holds unconfirmed updates. getUpdates confirms everything below its
offset, waits up to `timeout` seconds for something new and answers as soon as it arrives; a
newer getUpdates ends an older one with 409. With a webhook set, the server POSTs each update in
order (with the secret-token header) and drops it once the receiver answers 2xx, retrying with
backoff otherwise; getUpdates then answers 409 as Telegram does.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Any

import aiohttp

from bot.localapi.wire import ApiError

__all__ = ["DEFAULT_EXCLUDED", "UpdateQueue", "Webhook"]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
# Update types Telegram leaves out unless allowed_updates names them.
DEFAULT_EXCLUDED = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
FIRST_UPDATE_ID = 500_000_001
CONFLICT_POLL = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)
WEBHOOK_TIMEOUT = 10.0
MAX_BACKOFF = 4.0


class UpdateQueue:
    """Unconfirmed updates, in order, with long-poll waiting."""

    def __init__(self) -> None:
        self.pending: list[JSON] = []
        self.next_update_id = FIRST_UPDATE_ID
        self.allowed: list[str] | None = None
        self.closing = False
        self.waiting = 0  # getUpdates calls waiting right now
        self.polls_started = 0  # getUpdates calls ever made, to tell when a bot is up
        self._generation = 0
        self._changed = asyncio.Event()

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def changed(self, seconds: float | None) -> None:
        """Wait until the queue changes or `seconds` pass (None: no limit)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), seconds)

    def accepts(self, kind: str) -> bool:
        """Tell whether an update of this type is queued under the current allowed_updates."""
        if not self.allowed:
            return kind not in DEFAULT_EXCLUDED
        return kind in self.allowed

    def push(self, kind: str, payload: JSON) -> tuple[JSON, bool]:
        """Create an update; return it and whether it was queued (allowed_updates may drop it)."""
        update = {"update_id": self.next_update_id, kind: payload}
        self.next_update_id += 1
        if not self.accepts(kind):
            return update, False
        self.pending.append(update)
        self._notify()
        return update, True

    def acknowledge(self, offset: int) -> None:
        """Forget updates below `offset`; a negative offset keeps only the last -offset ones."""
        if offset > 0:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
        elif offset < 0:
            self.pending = self.pending[offset:]

    def remove(self, update: JSON) -> None:
        """Forget one delivered update."""
        with contextlib.suppress(ValueError):
            self.pending.remove(update)

    def drop_pending(self) -> None:
        """Forget every unconfirmed update."""
        self.pending.clear()

    def reset(self) -> None:
        """Forget updates and allowed_updates, but keep counting update ids."""
        self.pending.clear()
        self.allowed = None
        self._notify()

    def close(self) -> None:
        """Answer every waiting getUpdates now; the server is shutting down."""
        self.closing = True
        self._notify()

    async def wait_for_poll(self, within: float) -> bool:
        """Wait until a bot has called getUpdates at least once; False after `within` s."""
        deadline = time.monotonic() + within
        while not self.polls_started:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            await self.changed(remaining)
        return True

    async def poll(
        self, offset: int, limit: int, wait: float, allowed: list[str] | None
    ) -> list[JSON]:
        """Answer getUpdates: confirm below offset, then wait up to `wait` seconds for updates."""
        if allowed is not None:
            self.allowed = allowed
        self.acknowledge(offset)
        self._generation += 1
        generation = self._generation
        self.polls_started += 1
        self._notify()
        deadline = time.monotonic() + wait
        self.waiting += 1
        try:
            while True:
                if generation != self._generation:
                    raise ApiError(409, CONFLICT_POLL)
                remaining = deadline - time.monotonic()
                if self.pending or remaining <= 0 or self.closing:
                    return self.pending[:limit]
                await self.changed(remaining)
        finally:
            self.waiting -= 1


class Webhook:
    """Webhook settings and the task that delivers queued updates to the webhook URL."""

    def __init__(self, queue: UpdateQueue) -> None:
        self.queue = queue
        self.url = ""
        self.secret: str | None = None
        self.max_connections = 40
        self.allowed_updates: list[str] | None = None
        self.last_error: tuple[int, str] | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def active(self) -> bool:
        """Tell whether a webhook is set."""
        return bool(self.url)

    def set(self, url: str, secret: str | None, max_connections: int) -> None:
        """Set the webhook and start delivering to it."""
        self.url, self.secret, self.max_connections = url, secret, max_connections
        self.last_error = None
        if self._task is None:
            self._task = asyncio.create_task(self._deliver_forever(), name="localapi-webhook")

    async def delete(self) -> None:
        """Remove the webhook and stop delivering."""
        self.url, self.secret = "", None
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def info(self) -> JSON:
        """Return getWebhookInfo's answer."""
        info: JSON = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.queue.pending),
        }
        if self.active:
            info.update(max_connections=self.max_connections, ip_address="127.0.0.1")
            if self.queue.allowed:
                info["allowed_updates"] = self.queue.allowed
        if self.last_error:
            info.update(last_error_date=self.last_error[0], last_error_message=self.last_error[1])
        return info

    async def _deliver_forever(self) -> None:
        timeout = aiohttp.ClientTimeout(total=WEBHOOK_TIMEOUT)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            backoff = 0.1
            while True:
                if not self.queue.pending:
                    await self.queue.changed(None)
                    continue
                update = self.queue.pending[0]
                if await self._post(session, update):
                    self.queue.remove(update)
                    backoff = 0.1
                else:
                    await asyncio.sleep(backoff)
                    backoff = min(backoff * 2, MAX_BACKOFF)

    async def _post(self, session: aiohttp.ClientSession, update: JSON) -> bool:
        headers = {"X-Telegram-Bot-Api-Secret-Token": self.secret} if self.secret else {}
        try:
            async with session.post(self.url, json=update, headers=headers) as response:
                if 200 <= response.status < 300:
                    return True
                reason = f"Wrong response from the webhook: {response.status} {response.reason}"
        except aiohttp.ClientConnectorError:
            reason = "Connection refused"
        except TimeoutError:
            reason = "Connection timed out"
        except aiohttp.ClientError as exc:
            reason = f"Webhook delivery failed: {exc}"
        logger.info("Webhook delivery of update %s failed: %s", update["update_id"], reason)
        self.last_error = (int(time.time()), reason)
        return False
