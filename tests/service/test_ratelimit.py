from __future__ import annotations

from bot.ratelimit import SlidingWindow


def test_sliding_window_allows_limit_then_waits() -> None:
    now = [0.0]
    window = SlidingWindow(2, 60.0, clock=lambda: now[0])
    assert window.acquire("u") == 0.0
    now[0] = 10.0
    assert window.acquire("u") == 0.0
    assert window.acquire("u") == 50.0
    now[0] = 60.0
    assert window.acquire("u") == 0.0


def test_sliding_window_keys_are_separate() -> None:
    window = SlidingWindow(1, 60.0, clock=lambda: 0.0)
    assert window.acquire("a") == 0.0
    assert window.acquire("b") == 0.0
