"""The paced sender: digest messages to chats within Telegram's flood limits.

At most one message a second in a chat, 20 a minute in a group and 25 a second overall
(`DeliveryLimits`, sliding windows counted from Telegram's answers, so that the bot stays
under Telegram's own windows; 25 leaves room for replies under the application's 30 a second).
Every call also goes through the application's `handlers.pacing.Pacer`, which waits out a
RetryAfter and retries; one that still comes back is waited out here. A chat that blocked
the bot answers GONE, a group upgraded to a supergroup is followed to its new id, a network
failure answers RETRY_LATER (the digest stays open and is resumed), anything else FAILED.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections import deque
from collections.abc import Callable

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.config import DeliveryLimits
from bot.follow.digest import DigestPart
from bot.follow.digests import SendResult, SendStatus

__all__ = ["PacedSender"]

logger = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
GONE_REASONS = (
    "chat not found",
    "user is deactivated",
    "bot was kicked",
    "need administrator rights",  # a channel that took the bot's right to post (issue 12)
)
IN_FLIGHT_WAIT = 0.01  # seconds to wait when every place in the window is a call in flight
Window = tuple[int, float]  # at most this many messages in any this many seconds; 0: no limit


def _is_group(chat_id: int) -> bool:
    return chat_id < 0


def _retry_seconds(exc: RetryAfter) -> float:
    # PTB 22 warns when retry_after is read as an int; see handlers/pacing.py.
    return float(exc._retry_after.total_seconds())


@functools.lru_cache(maxsize=1024)
def _keyboard(buttons: tuple[tuple[str, str], ...]) -> InlineKeyboardMarkup | None:
    """Build a part's keyboard once: thousands of subscribers share the same digest."""
    if not buttons:
        return None
    rows = [[InlineKeyboardButton(label, callback_data=data)] for label, data in buttons]
    return InlineKeyboardMarkup(rows)


class _AnsweredWindow:
    """At most `count` messages in any `seconds`, counting calls in flight and answered ones.

    A call counts from when it starts until `seconds` after Telegram answered it, and it
    arrived at Telegram in between, so no window at Telegram's end ever holds more.
    """

    def __init__(self, count: int, seconds: float, clock: Callable[[], float]) -> None:
        self.count, self.seconds, self._clock = count, seconds, clock
        self.answers: deque[float] = deque()
        self.in_flight = 0

    def acquire(self) -> float:
        """Start a call and return 0.0, or return how long to wait before trying again."""
        now = self._clock()
        while self.answers and self.answers[0] <= now - self.seconds:
            self.answers.popleft()
        if len(self.answers) + self.in_flight < self.count:
            self.in_flight += 1
            return 0.0
        return self.answers[0] + self.seconds - now if self.answers else IN_FLIGHT_WAIT

    def release(self) -> None:
        """Record that a started call was answered (or failed) now."""
        self.in_flight -= 1
        self.answers.append(self._clock())


class _ChatGate:
    """One chat's turn: its sends go one at a time, timed from Telegram's previous answers."""

    def __init__(self, keep: int) -> None:
        self.lock = asyncio.Lock()
        self.answers: deque[float] = deque(maxlen=max(keep, 1))
        self.users = 0


class PacedSender:
    """Send digest parts within the delivery limits.

    A chat's messages go one at a time, and every window (per chat, per group, overall)
    counts each message until its period has passed after Telegram *answered* it, which is
    after it arrived there: a busy event loop can delay a request, but never squeeze more
    into one of Telegram's windows. The overall window also counts the calls in flight.
    """

    def __init__(
        self, bot: Bot, limits: DeliveryLimits, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.bot, self.limits, self._clock = bot, limits, clock
        count, seconds = limits.overall
        self._overall = _AnsweredWindow(count, seconds + limits.margin, clock) if count else None
        self._gates: dict[int, _ChatGate] = {}

    def _chat_windows(self, chat_id: int) -> list[Window]:
        windows = [self.limits.per_chat, *([self.limits.per_group] if _is_group(chat_id) else [])]
        return [(count, seconds + self.limits.margin) for count, seconds in windows if count > 0]

    def _chat_wait(self, chat_id: int, gate: _ChatGate) -> float:
        now, waits = self._clock(), [0.0]
        for count, seconds in self._chat_windows(chat_id):
            if len(gate.answers) >= count:
                waits.append(gate.answers[-count] + seconds - now)
        return max(waits)

    def _forgettable(self, chat_id: int, gate: _ChatGate) -> bool:
        """Tell whether an idle chat's answers are all older than its longest window."""
        longest = max((seconds for _count, seconds in self._chat_windows(chat_id)), default=0.0)
        return not gate.answers or self._clock() - gate.answers[-1] >= longest

    async def _wait_turn(self, chat_id: int, gate: _ChatGate) -> None:
        while True:  # timed waits: the windows say exactly how long
            wait = self._chat_wait(chat_id, gate)
            if wait <= 0:
                wait = self._overall.acquire() if self._overall is not None else 0.0
                if wait <= 0:
                    return
            await asyncio.sleep(wait)

    async def send(self, chat_id: int, part: DigestPart) -> SendResult:
        """Send one message, waiting for its turn; report how it ended."""
        keep = max(self.limits.per_chat[0], self.limits.per_group[0])
        gate = self._gates.setdefault(chat_id, _ChatGate(keep))
        gate.users += 1
        try:
            async with gate.lock:
                return await self._send(chat_id, part, gate)
        finally:
            gate.users -= 1
            if gate.users == 0 and self._forgettable(chat_id, gate):
                del self._gates[chat_id]

    async def _send(self, chat_id: int, part: DigestPart, gate: _ChatGate) -> SendResult:
        migrated_from: int | None = None
        for _attempt in range(self.limits.max_retries + 1):
            await self._wait_turn(chat_id, gate)
            try:
                await self.bot.send_message(
                    chat_id, part.text, parse_mode=ParseMode.HTML,
                    reply_markup=_keyboard(part.buttons), link_preview_options=NO_PREVIEW,
                )  # fmt: skip
                return SendResult(SendStatus.SENT, chat_id, migrated_from=migrated_from)
            except RetryAfter as exc:
                logger.warning("flood wait of %.0f s sending to %s", _retry_seconds(exc), chat_id)
                await asyncio.sleep(_retry_seconds(exc))
            except ChatMigrated as exc:
                logger.info("chat %s moved to %s", chat_id, exc.new_chat_id)
                migrated_from, chat_id = migrated_from or chat_id, exc.new_chat_id
            except Forbidden as exc:
                return SendResult(SendStatus.GONE, chat_id, exc.message, migrated_from)
            except BadRequest as exc:
                gone = any(reason in exc.message.lower() for reason in GONE_REASONS)
                status = SendStatus.GONE if gone else SendStatus.FAILED
                return SendResult(status, chat_id, exc.message, migrated_from)
            except NetworkError as exc:  # also TimedOut: Telegram may have the message
                return SendResult(SendStatus.RETRY_LATER, chat_id, exc.message, migrated_from)
            finally:
                gate.answers.append(self._clock())
                if self._overall is not None:
                    self._overall.release()
        return SendResult(SendStatus.RETRY_LATER, chat_id, "flood wait", migrated_from)
