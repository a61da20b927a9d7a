"""Pinned connections: a host goes only to the addresses pinned for it, and only inside the pin."""

from __future__ import annotations

import httpcore
import pytest

from bot.links.pinning import PinnedBackend, pinned
from tests.helpers.fakes import RecordingBackend
from tests.helpers.servers import RawServer


async def test_pinned_backend_refuses_a_host_nobody_pinned() -> None:
    inner = RecordingBackend()
    with pytest.raises(httpcore.ConnectError):
        await PinnedBackend(inner).connect_tcp("news.example", 80)
    assert inner.attempts == []


async def test_pinned_backend_connects_to_the_pinned_address(canary: RawServer) -> None:
    inner = RecordingBackend()
    with pinned("news.example", ["127.0.0.1"]):
        stream = await PinnedBackend(inner).connect_tcp("news.example", canary.port)
    await stream.aclose()
    assert inner.attempts == [("127.0.0.1", canary.port)]


async def test_pinned_backend_tries_the_next_address(canary: RawServer) -> None:
    inner = RecordingBackend()  # refuses 192.0.2.1 without sending anything
    with pinned("news.example", ["192.0.2.1", "127.0.0.1"]):
        stream = await PinnedBackend(inner).connect_tcp("news.example", canary.port)
    await stream.aclose()
    assert inner.attempts == [("192.0.2.1", canary.port), ("127.0.0.1", canary.port)]


async def test_pinned_ends_with_its_block() -> None:
    inner = RecordingBackend()
    with pinned("news.example", ["127.0.0.1"]):
        pass
    with pytest.raises(httpcore.ConnectError):
        await PinnedBackend(inner).connect_tcp("news.example", 80)
    assert inner.attempts == []


async def test_pinned_backend_refuses_unix_sockets() -> None:
    with pytest.raises(httpcore.ConnectError):
        await PinnedBackend(RecordingBackend()).connect_unix_socket("/var/run/docker.sock")
