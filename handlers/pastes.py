"""A long paste that Telegram split into several messages is briefed once, whole.

Telegram caps a message at 4,096 characters, so the apps send a longer paste as several
messages, one right after the other: most 700-word articles are two. A text message that
nearly fills the cap waits a moment for the rest (two seconds at the cap, one just under
it, where it may be whole); the parts that follow from the same person in the same chat
are joined, and the whole text is briefed as one article.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram import Message

__all__ = ["SPLIT_AT", "SPLIT_NEAR", "PasteJoiner", "utf16_length"]

logger = logging.getLogger(__name__)

SPLIT_NEAR = 3900  # UTF-16 units (as Telegram counts) of a message the app may have cut
SPLIT_AT = 4080  # a message this long was all but surely cut
WAIT_SECONDS = 2.0  # how long a cut message waits for its next part
NEAR_WAIT_SECONDS = 1.0  # a message only near the limit may be whole: it waits less
MAX_PARTS = 30  # 120,000 characters: more than the bot briefs, so the size check decides

Finish = Callable[[Message, str], Awaitable[None]]
Spawn = Callable[[Coroutine[Any, Any, None]], "asyncio.Task[None]"]
Key = tuple[int, int | None]


def utf16_length(text: str) -> int:
    """Length of a text as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _Paste:
    first: Message  # the brief replies to the first part
    parts: list[str] = field(default_factory=list)
    timer: asyncio.Task[None] | None = None


class PasteJoiner:
    """The pastes still arriving, by chat and sender."""

    def __init__(self, wait: float = WAIT_SECONDS, near_wait: float = NEAR_WAIT_SECONDS) -> None:
        self.wait, self.near_wait = wait, near_wait
        self._open: dict[Key, _Paste] = {}

    async def take(
        self, message: Message, finish: Finish, spawn: Spawn = asyncio.create_task
    ) -> bool:
        """Hold or complete a part of a split paste; False when the message is not one.

        `finish(first_message, whole_text)` briefs the joined text: at once when a part
        that is not nearly full ends the paste, else after a wait without one. `spawn`
        starts the wait (the Application's `create_task`, so that stopping the bot
        waits for it and the paste is still briefed).
        """
        text = message.text
        if not text:
            return False
        key = self._key(message)
        paste = self._open.get(key)
        length = utf16_length(text)
        full = length >= SPLIT_NEAR
        if paste is None and not full:
            return False
        if paste is None:
            paste = self._open[key] = _Paste(message)
        self._stop_timer(paste)
        paste.parts.append(text)
        if full and len(paste.parts) < MAX_PARTS:
            wait = self.wait if length >= SPLIT_AT else self.near_wait
            paste.timer = spawn(self._finish_later(key, paste, finish, wait))
            return True
        del self._open[key]
        await finish(paste.first, "\n".join(paste.parts))
        return True

    def waiting(self, message: Message) -> bool:
        """Tell whether this message's sender has a paste held in its chat."""
        return self._key(message) in self._open

    @staticmethod
    def _key(message: Message) -> Key:
        return (message.chat_id, message.from_user.id if message.from_user else None)

    async def _finish_later(self, key: Key, paste: _Paste, finish: Finish, wait: float) -> None:
        await asyncio.sleep(wait)
        if self._open.get(key) is not paste:
            return
        del self._open[key]
        try:
            await finish(paste.first, "\n".join(paste.parts))
        except Exception:  # a task's error would otherwise vanish with it
            logger.exception("briefing a paste of %d parts failed", len(paste.parts))

    @staticmethod
    def _stop_timer(paste: _Paste) -> None:
        if paste.timer is not None and not paste.timer.done():
            paste.timer.cancel()
        paste.timer = None
