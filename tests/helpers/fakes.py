"""Test doubles for the fetcher: a scripted resolver and a network backend that records."""

from __future__ import annotations

import ipaddress
from typing import Any

import httpcore

from bot.config import FetchSettings


class FakeResolver:
    """Resolve names from a fixed table, recording every lookup; unknown names fail."""

    def __init__(self, table: dict[str, list[str] | list[list[str]]]) -> None:
        self.table = table
        self.calls: list[tuple[str, int]] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append((host, port))
        answer = self.table.get(host)
        if answer is None:
            raise OSError(f"test resolver: no such host {host}")
        if answer and isinstance(answer[0], list):  # one answer per call (DNS rebinding)
            index = min(len(self.calls_for(host)) - 1, len(answer) - 1)
            return list(answer[index])
        return [str(a) for a in answer]

    def calls_for(self, host: str) -> list[tuple[str, int]]:
        """Return the lookups made for one host."""
        return [call for call in self.calls if call[0] == host]


class RecordingBackend(httpcore.AsyncNetworkBackend):
    """Record every connection attempt; connect only to loopback, refuse anything else."""

    def __init__(self) -> None:
        self.attempts: list[tuple[str, int]] = []
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        self.attempts.append((host, port))
        if not ipaddress.ip_address(host).is_loopback:
            raise httpcore.ConnectError(f"test backend: {host} is not loopback")
        return await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


LOOPBACK = ipaddress.ip_network("127.0.0.0/8")


def loopback_settings(
    *ports: int,
    allow: tuple[str, ...] = ("127.0.0.0/8",),
    timeout: float = 2.0,
    **overrides: Any,
) -> FetchSettings:
    """Return fetch settings for loopback tests: allowed test ports and short timeouts."""
    values: dict[str, Any] = {
        "allow_networks": tuple(ipaddress.ip_network(n) for n in allow),
        "allowed_ports": (80, 443, *ports),
        "connect_timeout": timeout,
        "read_timeout": timeout,
        "total_timeout": 2 * timeout,
    }
    values.update(overrides)
    return FetchSettings(**values)
