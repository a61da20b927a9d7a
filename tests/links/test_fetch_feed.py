"""fetch_feed: feed content types, conditional GET and 304, and the fetcher's checks kept."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot.errors import BlockedAddress, FetchFailed, UnsupportedContent
from bot.links.fetch import Validators, fetch_feed
from tests.helpers.fakes import loopback_settings
from tests.helpers.feeds import Entry, rss
from tests.helpers.servers import Site, serve_site

BODY = rss([Entry("https://news.example/a", "A")])
ETAG = '"v1"'
MODIFIED = "Tue, 10 Mar 2026 09:00:00 GMT"
seen_headers: list[dict[str, str]] = []


async def conditional(request: web.Request) -> web.StreamResponse:
    seen_headers.append(dict(request.headers))
    if request.headers.get("If-None-Match") == ETAG:
        return web.Response(status=304, headers={"ETag": ETAG})
    headers = {"ETag": ETAG, "Last-Modified": MODIFIED, "Content-Type": "application/rss+xml"}
    return web.Response(body=BODY, headers=headers)


async def html_page(request: web.Request) -> web.StreamResponse:
    return web.Response(text="<html></html>", content_type="image/png")


async def gone(request: web.Request) -> web.StreamResponse:
    return web.Response(status=500, text="oops")


async def to_private(request: web.Request) -> web.StreamResponse:
    return web.Response(status=302, headers={"Location": "http://10.1.2.3/feed"})


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    routes = {"/feed": conditional, "/image": html_page, "/error": gone, "/leak": to_private}
    async with serve_site(routes) as running:
        yield running


async def test_fetch_feed_reads_bytes_and_validators(site: Site) -> None:
    fetched = await fetch_feed(site.url("/feed"), loopback_settings(site.port))
    assert (fetched.status, fetched.body, fetched.not_modified) == (200, BODY, False)
    assert fetched.validators == Validators(ETAG, MODIFIED)
    assert "application/rss+xml" in seen_headers[-1]["Accept"]


async def test_fetch_feed_sends_validators_and_reads_304(site: Site) -> None:
    fetched = await fetch_feed(
        site.url("/feed"), loopback_settings(site.port), Validators(ETAG, MODIFIED)
    )
    assert fetched.not_modified
    assert fetched.body == b""
    assert seen_headers[-1]["If-None-Match"] == ETAG
    assert seen_headers[-1]["If-Modified-Since"] == MODIFIED


async def test_fetch_feed_refuses_other_content(site: Site) -> None:
    with pytest.raises(UnsupportedContent):
        await fetch_feed(site.url("/image"), loopback_settings(site.port))


async def test_fetch_feed_server_error_fails(site: Site) -> None:
    with pytest.raises(FetchFailed):
        await fetch_feed(site.url("/error"), loopback_settings(site.port))


async def test_fetch_feed_redirect_to_private_address_is_refused(site: Site) -> None:
    settings = loopback_settings(site.port, allow=("127.0.0.1/32",))
    with pytest.raises(BlockedAddress):
        await fetch_feed(site.url("/leak"), settings)


async def test_fetch_feed_refuses_loopback_without_allow_list(site: Site) -> None:
    with pytest.raises(BlockedAddress):
        await fetch_feed(site.url("/feed"), loopback_settings(site.port, allow=()))
