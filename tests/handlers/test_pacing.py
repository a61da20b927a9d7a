from __future__ import annotations

import time
from typing import Any

import pytest
from telegram.error import RetryAfter

from handlers.pacing import Pacer


async def test_pacer_waits_out_retry_after_then_retries() -> None:
    attempts: list[float] = []

    async def call() -> bool:
        attempts.append(time.monotonic())
        if len(attempts) == 1:
            raise RetryAfter(1)
        return True

    result = await Pacer().process_request(call, (), {}, "sendMessage", {"chat_id": 1}, None)
    assert result is True
    assert attempts[1] - attempts[0] >= 1.0


async def test_pacer_gives_up_after_max_retries() -> None:
    async def call() -> Any:
        raise RetryAfter(0)

    with pytest.raises(RetryAfter):
        await Pacer(max_retries=1).process_request(call, (), {}, "sendMessage", {}, None)
