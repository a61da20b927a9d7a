"""Loopback servers for fetcher tests: pages, raw HTTP replies, canaries and silent servers.

Everything binds to 127.0.0.0/8 or ::1 only; nothing here ever talks to another address.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Site:
    """An aiohttp site on a loopback address that counts the requests it serves."""

    host: str
    port: int
    requests: list[str] = field(default_factory=list)

    def url(self, path: str = "/", *, host: str | None = None) -> str:
        """Return the URL of a path on this site, optionally under another host name."""
        name = host or (f"[{self.host}]" if ":" in self.host else self.host)
        return f"http://{name}:{self.port}{path}"


@contextlib.asynccontextmanager
async def serve_site(
    routes: dict[str, Handler], host: str = "127.0.0.1", ssl_context: object = None
) -> AsyncIterator[Site]:
    """Serve the given path -> handler routes on a free port of a loopback address."""
    site_info = Site(host=host, port=0)

    @web.middleware
    async def count(request: web.Request, handler: Handler) -> web.StreamResponse:
        site_info.requests.append(request.path_qs)
        return await handler(request)

    app = web.Application(middlewares=[count])
    for path, handler in routes.items():
        app.router.add_get(path, handler)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, 0, ssl_context=ssl_context)  # type: ignore[arg-type]
    await site.start()
    site_info.port = runner.addresses[0][1]
    try:
        yield site_info
    finally:
        await runner.cleanup()


@dataclass
class RawServer:
    """A TCP server on loopback that counts connections and runs a raw handler for each."""

    host: str
    port: int = 0
    connections: int = 0


@contextlib.asynccontextmanager
async def serve_raw(
    handler: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]],
    host: str = "127.0.0.1",
) -> AsyncIterator[RawServer]:
    """Run a raw TCP server; the handler gets each connection's reader and writer."""
    info = RawServer(host=host)
    tasks: set[asyncio.Task[None]] = set()

    async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        info.connections += 1
        task = asyncio.current_task()
        assert task is not None
        tasks.add(task)
        try:
            await handler(reader, writer)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
            tasks.discard(task)

    server = await asyncio.start_server(on_connect, host, 0)
    info.port = server.sockets[0].getsockname()[1]
    try:
        yield info
    finally:
        server.close()
        for task in list(tasks):
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await server.wait_closed()


async def hang_up(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """A canary: close at once (the test only counts the connection)."""


async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Read the request, then say nothing until the client gives up."""
    await reader.read(65536)
    await reader.read()  # returns when the client closes


def raw_reply(
    head: bytes, body_chunks: list[bytes] | None = None, delay: float = 0.0
) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]:
    """Build a handler that sends a fixed status line and headers, then body chunks."""

    async def handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(head)
        for chunk in body_chunks or []:
            await asyncio.sleep(delay)
            writer.write(chunk)
            await writer.drain()
        await reader.read()

    return handler
