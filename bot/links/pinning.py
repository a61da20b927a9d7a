"""Connections pinned to checked addresses: the HTTP client the fetcher uses.

The fetcher resolves a host itself, checks every address, and pins the host to them with
`pinned()`. `FetchClient` connects only to pinned addresses: a second DNS answer (DNS
rebinding) can never switch the address, and a host nobody pinned gets no connection at all.
The URL keeps the real host name, so the Host header, TLS SNI and certificate checks still
use it. No proxies from the environment, no cookies, no keep-alive: every request opens a new
connection through the pin that is active for it.
"""

from __future__ import annotations

import functools
import logging
import ssl
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from http.cookiejar import CookieJar, DefaultCookiePolicy
from types import MappingProxyType, TracebackType
from typing import Any

import httpcore
import httpx

__all__ = ["FetchClient", "PinnedBackend", "pinned"]

logger = logging.getLogger(__name__)

# The pins of the running task: host (as httpcore passes it) -> addresses to connect to.
_PINS: ContextVar[Mapping[str, tuple[str, ...]]] = ContextVar("briefbot_pins")
_NO_PINS: Mapping[str, tuple[str, ...]] = MappingProxyType({})


@contextmanager
def pinned(host: str, addresses: Sequence[str]) -> Iterator[None]:
    """Let connections to `host` go to these addresses (and only these) inside the block."""
    token = _PINS.set({**_PINS.get(_NO_PINS), host: tuple(addresses)})
    try:
        yield
    finally:
        _PINS.reset(token)


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that connects to the pinned addresses of a host."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._inner = inner or httpcore.AnyIOBackend()

    # The signatures below are httpcore's network-backend interface, timeout included.
    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        """Connect to the first pinned address of the host that answers."""
        addresses = _PINS.get(_NO_PINS).get(host)
        if not addresses:
            raise httpcore.ConnectError(f"no checked address is pinned for {host}")
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                logger.debug("connect to %s (%s) port %s failed: %s", host, address, port, exc)
                error = exc
        assert error is not None  # the loop ran at least once
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        """Refuse Unix sockets: pages come from the network only."""
        raise httpcore.ConnectError("Unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        """Sleep the way the inner backend does."""
        await self._inner.sleep(seconds)


class FetchClient:
    """The fetcher's HTTP client: pinned connections, no proxies, no cookies, no keep-alive.

    Create it once (or let `fetch_page` create one per call) and close it with `aclose()`.
    """

    def __init__(
        self,
        ssl_context: ssl.SSLContext | None = None,
        *,
        network_backend: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        """Build the client; `network_backend` is what pinned connections go through (tests)."""
        transport = _PinnedTransport(
            ssl_context or _default_ssl_context(), PinnedBackend(network_backend)
        )
        # Refuse every cookie: a shared client must not carry one user's cookies to another.
        jar = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
        self.http = httpx.AsyncClient(
            transport=transport, trust_env=False, follow_redirects=False, cookies=jar
        )

    async def aclose(self) -> None:
        """Close the client and its connections."""
        await self.http.aclose()

    async def __aenter__(self) -> FetchClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()


@functools.cache
def _default_ssl_context() -> ssl.SSLContext:
    """Build the certificate-verifying TLS context once (loading the CA bundle is slow)."""
    return httpx.create_ssl_context()


class _PinnedTransport(httpx.AsyncBaseTransport):
    """An httpx transport over an httpcore pool that uses `PinnedBackend`.

    httpx has no public way to give its default transport a network backend yet
    (https://github.com/encode/httpx/pull/3749), so this small transport wraps the pool itself.
    """

    def __init__(self, ssl_context: ssl.SSLContext, backend: PinnedBackend) -> None:
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context, max_keepalive_connections=0, network_backend=backend
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send a request through the pinned pool, mapping httpcore errors to httpx ones."""
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _httpx_errors(request):
            response = await self._pool.handle_async_request(core_request)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_ResponseStream(response, request),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        """Close the pool."""
        await self._pool.aclose()


class _ResponseStream(httpx.AsyncByteStream):
    """The raw body of an httpcore response, with httpcore errors mapped to httpx ones."""

    def __init__(self, response: httpcore.Response, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _httpx_errors(self._request):
            async for part in self._response.aiter_stream():
                yield part

    async def aclose(self) -> None:
        await self._response.aclose()


@contextmanager
def _httpx_errors(request: httpx.Request) -> Iterator[None]:
    """Re-raise httpcore's timeouts and network errors as httpx's."""
    try:
        yield
    except httpcore.TimeoutException as exc:
        raise httpx.TimeoutException(str(exc) or type(exc).__name__, request=request) from exc
    except httpcore.ConnectError as exc:
        raise httpx.ConnectError(str(exc) or "connection failed", request=request) from exc
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
        raise httpx.TransportError(str(exc) or type(exc).__name__, request=request) from exc
