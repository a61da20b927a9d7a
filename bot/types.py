"""Type aliases shared across the bot's modules."""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable
from datetime import datetime

__all__ = ["Clock", "IPAddress", "Network", "Resolver"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# An async name lookup: (host, port) -> the addresses as strings, e.g. ["93.184.215.14"].
Resolver = Callable[[str, int], Awaitable[list[str]]]
# The current time as an aware UTC datetime; tests pass a clock they can move.
Clock = Callable[[], datetime]
