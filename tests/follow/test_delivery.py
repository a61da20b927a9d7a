"""PacedSender against a scripted bot: the windows per chat, group and overall; the errors."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TimedOut

from bot.config import DeliveryLimits
from bot.follow.delivery import PacedSender
from bot.follow.digest import DigestPart
from bot.follow.digests import SendStatus

PART = DigestPart("<b>digest</b>", (("Open 1.", "o:1"),))


@dataclass
class ScriptedBot:
    errors: list[Exception] = field(default_factory=list)
    sent: list[tuple[int, float]] = field(default_factory=list)

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> None:
        if self.errors:
            raise self.errors.pop(0)
        self.sent.append((chat_id, time.monotonic()))


def _sender(bot: ScriptedBot, **limits: Any) -> PacedSender:
    return PacedSender(bot, DeliveryLimits(margin=0.0, **limits))  # type: ignore[arg-type]


async def test_send_keeps_each_chat_window() -> None:
    bot = ScriptedBot()
    sender = _sender(bot, per_chat=(1, 0.1))
    for _ in range(3):
        assert (await sender.send(1, PART)).status is SendStatus.SENT
    times = [t for _c, t in bot.sent]
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.1


async def test_send_keeps_the_group_window() -> None:
    bot = ScriptedBot()
    sender = _sender(bot, per_chat=(5, 0.1), per_group=(2, 0.2))
    for _ in range(3):
        await sender.send(-7, PART)
    times = [t for _c, t in bot.sent]
    assert times[2] - times[0] >= 0.2


async def test_send_keeps_the_overall_window() -> None:
    bot = ScriptedBot()
    sender = _sender(bot, overall=(2, 0.2))
    for chat in range(1, 4):
        await sender.send(chat, PART)
    times = [t for _c, t in bot.sent]
    assert times[2] - times[0] >= 0.2


async def test_send_waits_out_retry_after() -> None:
    bot = ScriptedBot(errors=[RetryAfter(timedelta(seconds=0.2))])  # type: ignore[arg-type]
    started = time.monotonic()
    result = await _sender(bot, per_chat=(1, 0.01)).send(1, PART)
    assert result.status is SendStatus.SENT
    assert time.monotonic() - started >= 0.2


async def test_send_follows_a_migrated_group() -> None:
    bot = ScriptedBot(errors=[ChatMigrated(-1009)])
    result = await _sender(bot, per_chat=(1, 0.01)).send(-9, PART)
    assert (result.status, result.chat_id, result.migrated_from) == (SendStatus.SENT, -1009, -9)
    assert bot.sent[0][0] == -1009


async def test_send_reports_errors() -> None:
    cases = [
        (Forbidden("Forbidden: bot was blocked by the user"), SendStatus.GONE),
        (BadRequest("Bad Request: chat not found"), SendStatus.GONE),
        (BadRequest("Bad Request: can't parse entities"), SendStatus.FAILED),
        (TimedOut(), SendStatus.RETRY_LATER),
    ]
    for error, status in cases:
        assert (await _sender(ScriptedBot(errors=[error])).send(1, PART)).status is status


async def test_unlimited_sender_does_not_wait() -> None:
    bot = ScriptedBot()
    sender = PacedSender(bot, DeliveryLimits.unlimited())  # type: ignore[arg-type]
    started = time.monotonic()
    for _ in range(50):
        await sender.send(1, PART)
    assert time.monotonic() - started < 0.5
