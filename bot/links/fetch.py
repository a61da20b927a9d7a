"""Safe fetching of a page whose link a stranger sent: the SSRF-hardened HTTP side of issue 4.

`fetch_page` reads a web page; `fetch_feed` reads a news feed (RSS, Atom, JSON Feed) with a
conditional GET (If-None-Match, If-Modified-Since), answering "not modified" on a 304. Both
go through the same checks.

Every hop (the link and each redirect) is checked with `bot.links.netpolicy`, its host is
resolved here and every address must be public; the connection then goes to exactly those
addresses (`bot.links.pinning`). At most `max_redirects` hops; timeouts for connecting, reading
and the whole fetch; a size cap on the raw and the decompressed body (`bot.links.decode`); only
HTML and plain text. Every refusal is a `FetchError` whose `user_message` says what to do. No
telegram here.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import httpx

from bot.config import FetchSettings
from bot.errors import (
    FetchError,
    FetchFailed,
    FetchTimeout,
    TooLarge,
    TooManyRedirects,
    UnsupportedContent,
)
from bot.links.decode import ACCEPT_ENCODING, BoundedDecoder, decode_text, sniff_binary
from bot.links.netpolicy import CheckedUrl, check_resolved, check_url
from bot.links.pinning import FetchClient, pinned
from bot.types import Resolver

__all__ = [
    "FetchClient",
    "FetchedFeed",
    "FetchedPage",
    "Validators",
    "default_resolver",
    "fetch_feed",
    "fetch_page",
]

logger = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
REDIRECT_CODES = (301, 302, 303, 307, 308)
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/feed+json", "application/json", "text/plain",
)  # fmt: skip
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/feed+json,"
    "application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8"
)
NOT_MODIFIED = 304
# What to tell the reader about a status code; the rest get a generic sentence.
STATUS_MESSAGES = {
    401: "That page needs a login (error 401), so I cannot read it.",
    403: "That site refused to show me the page (error 403).",
    404: "That page was not found (error 404). Check the link and send it again.",
    410: "That page has been removed (error 410).",
    429: "That site is limiting requests (error 429). Try again in a few minutes.",
}
# Names for the content types people most often send instead of a web page.
TYPE_NAMES = {
    "application/pdf": "a PDF",
    "application/zip": "an archive",
    "application/json": "data (JSON)",
    "application/octet-stream": "a binary file",
}


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """A fetched page, decoded to text."""

    requested_url: str
    final_url: str
    status: int
    content_type: str
    charset: str
    text: str
    is_html: bool


@dataclass(frozen=True, slots=True)
class Validators:
    """What a conditional GET sends back: the ETag and Last-Modified of the copy already read."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """Return the conditional request headers for these validators."""
        headers = {"If-None-Match": self.etag} if self.etag else {}
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True, slots=True)
class FetchedFeed:
    """A fetched feed: its raw bytes (the parser reads the encoding), or "not modified"."""

    requested_url: str
    final_url: str
    status: int
    validators: Validators
    body: bytes = field(default=b"", repr=False)

    @property
    def not_modified(self) -> bool:
        """Tell whether the server answered 304: the copy already read is current."""
        return self.status == NOT_MODIFIED


T = TypeVar("T")
Reader = Callable[[str, CheckedUrl, httpx.Response, FetchSettings], Awaitable[T]]


@dataclass(frozen=True, slots=True)
class _Want(Generic[T]):
    """What a fetch asks for (Accept and extra headers) and how it reads the final answer."""

    accept: str
    read: Reader[T]
    headers: dict[str, str] = field(default_factory=dict)


async def default_resolver(host: str, port: int) -> list[str]:
    """Resolve a host name with the system resolver, without blocking the event loop."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))


async def fetch_page(
    url: str,
    settings: FetchSettings,
    *,
    resolver: Resolver | None = None,
    client: FetchClient | None = None,
) -> FetchedPage:
    """Fetch a web page safely and return it decoded to text.

    Args:
        url: the link as the user sent it.
        settings: limits and the (dangerous) extra allowed networks.
        resolver: name lookup; the system resolver by default, injectable for tests.
        client: a shared `FetchClient`; by default one is created and closed for this call.

    Raises:
        FetchError: a subclass saying why the page could not be fetched.
    """
    want = _Want(ACCEPT, _read_page)
    return await _fetch(url, settings, want, resolver, client)


async def fetch_feed(
    url: str,
    settings: FetchSettings,
    validators: Validators = Validators(),
    *,
    resolver: Resolver | None = None,
    client: FetchClient | None = None,
) -> FetchedFeed:
    """Fetch a news feed safely with a conditional GET; a 304 comes back as not modified.

    Raises:
        FetchError: a subclass saying why the feed could not be fetched.
    """
    want = _Want(FEED_ACCEPT, _read_feed(validators), validators.headers())
    return await _fetch(url, settings, want, resolver, client)


async def _fetch(
    url: str,
    settings: FetchSettings,
    want: _Want[T],
    resolver: Resolver | None,
    client: FetchClient | None,
) -> T:
    try:
        async with asyncio.timeout(settings.total_timeout):
            if client is not None:
                return await _follow(url, settings, resolver or default_resolver, client, want)
            async with FetchClient() as own_client:
                return await _follow(url, settings, resolver or default_resolver, own_client, want)
    except TimeoutError as exc:
        logger.info("fetch of %s timed out after %s s", url, settings.total_timeout)
        raise FetchTimeout(detail=f"over {settings.total_timeout} s in total") from exc
    except FetchError as exc:
        logger.info("fetch of %s failed: %s", url, exc)
        raise


async def _follow(
    url: str, settings: FetchSettings, resolver: Resolver, client: FetchClient, want: _Want[T]
) -> T:
    """Request the URL and follow its redirects, checking every hop."""
    seen: set[str] = set()
    current = url
    for _hop in range(settings.max_redirects + 1):
        target = check_url(current, settings.allowed_ports, settings.allow_networks)
        if target.url in seen:
            raise TooManyRedirects(detail=f"redirect loop at {target.url}")
        seen.add(target.url)
        addresses = await _resolve(target, settings, resolver)
        response = await _send(client, target, addresses, settings, want)
        try:
            location = _redirect_location(response)
            if location is None:
                return await want.read(url, target, response, settings)
        finally:
            await response.aclose()
        current = _join(target.url, location)
        logger.debug("redirect %s -> %s", target.url, current)
    raise TooManyRedirects(detail=f"more than {settings.max_redirects} redirects")


def _join(base: str, location: str) -> str:
    """Resolve a redirect's Location against the URL that sent it."""
    try:
        return str(httpx.URL(base).join(location))
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        raise FetchFailed(detail=f"bad redirect Location {location!r}: {exc}") from exc


async def _resolve(target: CheckedUrl, settings: FetchSettings, resolver: Resolver) -> list[str]:
    """Return the checked addresses to connect to for a URL's host."""
    if target.address is not None:
        return [str(target.address)]
    try:
        answers = await resolver(target.host, target.port)
    except (OSError, UnicodeError) as exc:
        raise FetchFailed(
            "I could not find that website. Check the link and send it again.",
            detail=f"cannot resolve {target.host}: {exc}",
        ) from exc
    return [str(a) for a in check_resolved(target.host, answers, settings.allow_networks)]


async def _send(
    client: FetchClient,
    target: CheckedUrl,
    addresses: list[str],
    settings: FetchSettings,
    want: _Want[T],
) -> httpx.Response:
    """Send a GET for one hop, connecting only to the checked addresses."""
    request = client.http.build_request(
        "GET",
        target.url,
        headers={
            **want.headers,
            "User-Agent": settings.user_agent,
            "Accept": want.accept,
            "Accept-Encoding": ACCEPT_ENCODING,
        },
        timeout=httpx.Timeout(
            settings.read_timeout, connect=settings.connect_timeout, pool=settings.connect_timeout
        ),
    )
    with pinned(target.host, addresses):
        try:
            return await client.http.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise FetchTimeout(detail=f"{target.url}: {exc}") from exc
        except httpx.TransportError as exc:
            raise FetchFailed(detail=f"{target.url}: {exc}") from exc


def _redirect_location(response: httpx.Response) -> str | None:
    """Return where a redirect points, or None for a final response."""
    if response.status_code not in REDIRECT_CODES:
        return None
    location = str(response.headers.get("location", "")).strip()
    if not location:
        raise FetchFailed(detail=f"redirect {response.status_code} without a Location")
    return location


async def _read_page(
    requested_url: str, target: CheckedUrl, response: httpx.Response, settings: FetchSettings
) -> FetchedPage:
    """Check a final response and read its body into a FetchedPage."""
    _check_status(response.status_code)
    media_type, charset = _content_type(response.headers.get("content-type", ""))
    if media_type and media_type not in HTML_TYPES + TEXT_TYPES:
        raise _unsupported(media_type)
    _check_length(response.headers.get("content-length"), settings.max_bytes)
    body = await _read_body(response, settings.max_bytes)
    sniffed = sniff_binary(body)
    if sniffed is not None:
        raise _unsupported(sniffed[0])
    is_html = media_type in HTML_TYPES or (not media_type and _looks_like_html(body))
    text, used_charset = decode_text(body, charset, html=is_html)
    logger.info("fetched %s (%s, %d bytes)", target.url, media_type or "untyped", len(body))
    return FetchedPage(
        requested_url=requested_url,
        final_url=target.url,
        status=response.status_code,
        content_type=media_type or ("text/html" if is_html else "text/plain"),
        charset=used_charset,
        text=text,
        is_html=is_html,
    )


def _read_feed(validators: Validators) -> Reader[FetchedFeed]:
    """Build the reader of a feed's final response, knowing the validators that were sent."""

    async def read(
        requested_url: str, target: CheckedUrl, response: httpx.Response, settings: FetchSettings
    ) -> FetchedFeed:
        if response.status_code == NOT_MODIFIED:
            return FetchedFeed(requested_url, target.url, NOT_MODIFIED, validators)
        _check_status(response.status_code)
        media_type, _charset = _content_type(response.headers.get("content-type", ""))
        if media_type and media_type not in FEED_TYPES:
            raise _unsupported(media_type)
        _check_length(response.headers.get("content-length"), settings.max_bytes)
        body = await _read_body(response, settings.max_bytes)
        sniffed = sniff_binary(body)
        if sniffed is not None:
            raise _unsupported(sniffed[0])
        fresh = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        logger.info("fetched feed %s (%s, %d bytes)", target.url, media_type, len(body))
        return FetchedFeed(requested_url, target.url, response.status_code, fresh, body)

    return read


def _check_status(status: int) -> None:
    """Refuse error and other non-success statuses, naming the status."""
    if 200 <= status < 300:
        return
    if status in STATUS_MESSAGES:
        message = STATUS_MESSAGES[status]
    elif status >= 500:
        message = f"That site had an error (error {status}). Try again later."
    else:
        message = f"That link did not return a page (status {status})."
    raise FetchFailed(message, detail=f"HTTP {status}")


def _content_type(header: str) -> tuple[str, str | None]:
    """Split a Content-Type header into the media type and the charset parameter."""
    media_type, *params = (part.strip() for part in header.split(";"))
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media_type.lower(), charset


def _unsupported(media_type: str) -> UnsupportedContent:
    """Build the refusal for a link that is not a web page, naming its type."""
    name = TYPE_NAMES.get(media_type)
    if name is None:
        kind = media_type.split("/", 1)[0]
        name = {"image": "an image", "video": "a video", "audio": "a sound file"}.get(kind)
    what = f"{name} ({media_type})" if name else f"a {media_type} file"
    return UnsupportedContent(
        f"That link is {what}, not a web page. Send a link to an article, or paste its text.",
        detail=f"Content-Type {media_type}",
    )


def _check_length(header: str | None, max_bytes: int) -> None:
    """Refuse a body whose announced length is over the limit, before reading it."""
    if header and header.strip().isdigit() and int(header) > max_bytes:
        raise TooLarge(detail=f"Content-Length {header} over {max_bytes}")


async def _read_body(response: httpx.Response, max_bytes: int) -> bytes:
    """Read the raw body and decompress it, never holding more than max_bytes of either."""
    decoder = BoundedDecoder(response.headers.get("content-encoding", ""), max_bytes)
    parts: list[bytes] = []
    received = 0
    try:
        async for chunk in response.aiter_raw():
            received += len(chunk)
            if received > max_bytes:
                raise TooLarge(detail=f"body over {max_bytes} bytes")
            parts.append(decoder.feed(chunk))
    except httpx.TimeoutException as exc:
        raise FetchTimeout(detail=f"reading the body: {exc}") from exc
    except httpx.TransportError as exc:
        raise FetchFailed(detail=f"reading the body: {exc}") from exc
    return b"".join(parts)


def _looks_like_html(body: bytes) -> bool:
    """Guess whether an untyped body is HTML from its first bytes."""
    start = body[:1024].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<p>" in start
