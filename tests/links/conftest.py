"""Fixtures for the fetch tests: a loopback-only network guard, canaries and a resolver.

The guard fails any test that connects to, or looks up, anything but a loopback address:
tests must never send a packet beyond 127.0.0.0/8 and ::1.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from tests.helpers.servers import RawServer, hang_up, serve_raw


def _is_loopback_literal(host: object) -> bool:
    try:
        return ipaddress.ip_address(str(host).split("%", 1)[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Refuse (and fail the test on) any connection or name lookup outside loopback."""
    violations: list[str] = []
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback_literal(
            address[0]
        ):
            violations.append(f"connect {address}")
            raise ConnectionRefusedError(f"test guard: {address} is not loopback")
        real_connect(sock, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _is_loopback_literal(host):
            violations.append(f"getaddrinfo {host}")
            raise socket.gaierror(socket.EAI_NONAME, f"test guard: no lookups of {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield violations
    assert not violations, f"the test tried to leave loopback: {violations}"


@pytest.fixture
async def canary() -> AsyncIterator[RawServer]:
    """A server on 127.0.0.1 that only counts the connections it gets."""
    async with serve_raw(hang_up, "127.0.0.1") as server:
        yield server


@pytest.fixture
async def canary6() -> AsyncIterator[RawServer]:
    """A server on ::1 that only counts the connections it gets."""
    async with serve_raw(hang_up, "::1") as server:
        yield server
