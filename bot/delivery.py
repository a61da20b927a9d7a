"""The paced sender: digest messages to chats within Telegram's flood limits.

At most one message a second in a chat, 20 a minute in a group and 25 a second overall
(`DeliveryLimits`, exact sliding windows with a small margin, so that the bot stays under
Telegram's own windows; 25 leaves room for replies under the application's 30 a second).
Every call also goes through the application's `handlers.pacing.Pacer`, which waits out a
RetryAfter and retries; one that still comes back is waited out here. A chat that blocked
the bot answers GONE, a group upgraded to a supergroup is followed to its new id, a network
failure answers RETRY_LATER (the digest stays open and is resumed), anything else FAILED.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Hashable

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.config import DeliveryLimits
from bot.digest import DigestPart
from bot.digests import SendResult, SendStatus
from bot.ratelimit import SlidingWindow

__all__ = ["PacedSender"]

logger = logging.getLogger(__name__)

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
GONE_REASONS = ("chat not found", "user is deactivated", "bot was kicked")
Window = tuple[int, float]  # at most this many messages in any this many seconds; 0: no limit


def _is_group(chat_id: int) -> bool:
    return chat_id < 0


def _retry_seconds(exc: RetryAfter) -> float:
    # PTB 22 warns when retry_after is read as an int; see handlers/pacing.py.
    return float(exc._retry_after.total_seconds())


def _keyboard(part: DigestPart) -> InlineKeyboardMarkup | None:
    if not part.buttons:
        return None
    rows = [[InlineKeyboardButton(label, callback_data=data)] for label, data in part.buttons]
    return InlineKeyboardMarkup(rows)


class PacedSender:
    """Send digest parts, one call at a time per chat, within the delivery limits."""

    def __init__(
        self, bot: Bot, limits: DeliveryLimits, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.bot, self.limits = bot, limits
        windows: list[tuple[str, Window]] = [
            ("chat", limits.per_chat), ("group", limits.per_group), ("all", limits.overall),
        ]  # fmt: skip
        self._windows = {
            name: SlidingWindow(count, seconds + limits.margin, clock)
            for name, (count, seconds) in windows
            if count > 0
        }

    def _keys(self, chat_id: int) -> list[tuple[SlidingWindow, Hashable]]:
        keys: list[tuple[str, Hashable]] = [("chat", chat_id), ("all", "*")]
        if _is_group(chat_id):
            keys.append(("group", chat_id))
        return [(self._windows[name], key) for name, key in keys if name in self._windows]

    async def _wait_turn(self, chat_id: int) -> None:
        keys = self._keys(chat_id)
        while True:
            wait = max((window.peek(key) for window, key in keys), default=0.0)
            if wait <= 0:
                for window, key in keys:
                    window.record(key)
                return
            await asyncio.sleep(wait)

    async def send(self, chat_id: int, part: DigestPart) -> SendResult:
        """Send one message, waiting for its turn; report how it ended."""
        migrated_from: int | None = None
        for _attempt in range(self.limits.max_retries + 1):
            await self._wait_turn(chat_id)
            try:
                await self.bot.send_message(
                    chat_id, part.text, parse_mode=ParseMode.HTML,
                    reply_markup=_keyboard(part), link_preview_options=NO_PREVIEW,
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
        return SendResult(SendStatus.RETRY_LATER, chat_id, "flood wait", migrated_from)
