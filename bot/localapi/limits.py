"""Errors on demand: injected faults and Telegram's flood limits.

A fault makes the next N calls of a method (optionally in one chat) fail the way Telegram fails:
429 with retry_after, 403 blocked, 500, a 400 with a chosen description, or a 400 carrying
migrate_to_chat_id. Flood limits follow Telegram's FAQ: about one message a second in a chat,
20 a minute in a group, 30 a second overall; only sendMessage counts towards them.
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

from bot.localapi.wire import ApiError

__all__ = ["FAULT_KINDS", "Fault", "FaultBook", "FloodLimiter"]

logger = logging.getLogger(__name__)

FAULT_KINDS = frozenset({"retry_after", "blocked", "server_error", "bad_request", "migrate"})
FLOOD_METHODS = frozenset({"sendMessage"})
GROUP_TYPES = frozenset({"group", "supergroup"})


@dataclass(slots=True)
class Fault:
    """The next `remaining` calls of `method` (in `chat_id`, if set) fail with this error."""

    method: str
    kind: str
    remaining: int = 1
    chat_id: int | None = None
    retry_after: int = 1
    description: str | None = None
    migrate_to_chat_id: int | None = None

    def error(self) -> ApiError:
        """Return the Telegram error this fault answers with."""
        if self.kind == "retry_after":
            return ApiError(
                429,
                f"Too Many Requests: retry after {self.retry_after}",
                {"retry_after": self.retry_after},
            )
        if self.kind == "blocked":
            return ApiError(403, self.description or "Forbidden: bot was blocked by the user")
        if self.kind == "server_error":
            return ApiError(500, self.description or "Internal Server Error")
        if self.kind == "migrate":
            return ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": self.migrate_to_chat_id},
            )
        return ApiError(400, self.description or "Bad Request: injected fault")

    def to_json(self) -> dict[str, Any]:
        """Return the fault as the control API shows it."""
        return {
            "method": self.method,
            "kind": self.kind,
            "remaining": self.remaining,
            "chat_id": self.chat_id,
            "retry_after": self.retry_after,
            "description": self.description,
            "migrate_to_chat_id": self.migrate_to_chat_id,
        }


class FaultBook:
    """Pending faults, used up first come, first served."""

    def __init__(self) -> None:
        self.faults: list[Fault] = []

    def add(self, fault: Fault) -> None:
        """Queue a fault; raise ValueError if it can't be answered."""
        if fault.kind not in FAULT_KINDS:
            raise ValueError(f"kind must be one of {sorted(FAULT_KINDS)}")
        if fault.remaining < 1 or fault.retry_after < 1:
            raise ValueError("count and retry_after must be at least 1")
        if fault.kind == "migrate" and fault.migrate_to_chat_id is None:
            raise ValueError("a migrate fault needs migrate_to_chat_id")
        self.faults.append(fault)

    def take(self, method: str, chat_id: int | str | None) -> ApiError | None:
        """Use up one matching fault and return its error, or None if none matches."""
        for fault in self.faults:
            if fault.method.lower() != method.lower():
                continue
            if fault.chat_id is not None and str(fault.chat_id) != str(chat_id):
                continue
            fault.remaining -= 1
            if fault.remaining == 0:
                self.faults.remove(fault)
            logger.debug("Injected %s fault on %s", fault.kind, method)
            return fault.error()
        return None

    def clear(self) -> None:
        """Drop every pending fault."""
        self.faults.clear()


@dataclass(frozen=True, slots=True)
class Window:
    """At most `count` messages in any `seconds`-long window."""

    count: int
    seconds: float


class FloodLimiter:
    """Sliding-window flood control per chat, per group and overall."""

    def __init__(self) -> None:
        self.enabled = False
        self.per_chat = Window(1, 1.0)
        self.per_group = Window(20, 60.0)
        self.overall = Window(30, 1.0)
        self._sent: dict[str, deque[float]] = {}

    def configure(self, enabled: bool, **windows: tuple[int, float]) -> None:
        """Switch flood limits on or off, optionally changing the windows."""
        self.enabled = enabled
        self._sent.clear()
        for name, (count, seconds) in windows.items():
            setattr(self, name, Window(int(count), float(seconds)))

    def _windows(self, chat_id: int, chat_type: str) -> list[tuple[str, Window]]:
        keys = [("*", self.overall), (f"chat:{chat_id}", self.per_chat)]
        if chat_type in GROUP_TYPES:
            keys.append((f"group:{chat_id}", self.per_group))
        return keys

    def check(self, method: str, chat_id: int, chat_type: str) -> ApiError | None:
        """Return the 429 Telegram would answer if one more message broke a limit."""
        if not self.enabled or method not in FLOOD_METHODS:
            return None
        now = time.monotonic()
        wait = max(
            self._wait(key, window, now) for key, window in self._windows(chat_id, chat_type)
        )
        if wait <= 0:
            return None
        retry_after = max(1, math.ceil(wait))
        return ApiError(
            429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
        )

    def record(self, method: str, chat_id: int, chat_type: str) -> None:
        """Count a message that was delivered."""
        if self.enabled and method in FLOOD_METHODS:
            for key, _ in self._windows(chat_id, chat_type):
                self._sent.setdefault(key, deque()).append(time.monotonic())

    def _wait(self, key: str, window: Window, now: float) -> float:
        sent = self._sent.setdefault(key, deque())
        while sent and sent[0] <= now - window.seconds:
            sent.popleft()
        if len(sent) < window.count:
            return 0.0
        return sent[0] + window.seconds - now
