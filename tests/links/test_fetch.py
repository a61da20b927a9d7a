"""The fetcher against loopback servers only; names resolve through an injected resolver.

A "public" site is a loopback address that the test allow-lists; canary servers count the
connections they get, to prove that a refused link made none.
"""

from __future__ import annotations

import asyncio
import gzip
import ipaddress
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import brotli
import pytest
from aiohttp import web

from bot.errors import (
    BlockedAddress,
    FetchFailed,
    FetchTimeout,
    InvalidUrl,
    TooLarge,
    TooManyRedirects,
    UnsupportedContent,
)
from bot.links.extract import extract_article
from bot.links.fetch import FetchClient, default_resolver, fetch_page
from tests.helpers.fakes import FakeResolver, RecordingBackend, loopback_settings
from tests.helpers.payloads import MIB, brotli_bomb, gzip_bomb
from tests.helpers.servers import RawServer, Site, never_answer, raw_reply, serve_raw, serve_site
from tests.helpers.tls import LocalCA, make_ca, openssl_available

ARTICLE = (Path(__file__).resolve().parent.parent / "data" / "article.html").read_bytes()
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def page(body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(body=body, headers={"Content-Type": content_type, **headers})

    return handler


def redirect(location: str, status: int = 302) -> Handler:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(status=status, headers={"Location": location})

    return handler


async def chain(request: web.Request) -> web.StreamResponse:
    left = int(request.match_info["n"])
    location = f"/chain/{left - 1}" if left > 0 else "/article"
    return web.Response(status=301, headers={"Location": location})


async def echo_host(request: web.Request) -> web.StreamResponse:
    return web.Response(text=f"Host: {request.host}", content_type="text/plain")


async def status(request: web.Request) -> web.StreamResponse:
    return web.Response(status=int(request.match_info["code"]), text="error page")


async def endless(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/html"})
    await response.prepare(request)
    block = b"<p>" + b"x" * MIB + b"</p>"
    try:
        for _ in range(50):  # 50 MB, sent without a Content-Length
            await response.write(block)
    except ConnectionError:
        pass
    return response


ROUTES: dict[str, Handler] = {
    "/article": page(ARTICLE),
    "/host": echo_host,
    "/chain/{n}": chain,
    "/loop/a": redirect("/loop/b"),
    "/loop/b": redirect("/loop/a"),
    "/status/{code}": status,
    "/pdf": page(b"%PDF-1.7\n%...", "application/pdf"),
    "/image": page(b"\x89PNG\r\n\x1a\n....", "image/png"),
    "/png-as-html": page(b"\x89PNG\r\n\x1a\n....", "text/html"),
    "/plain": page(b"Plain words, in a plain page.", "text/plain"),
    "/gzip-page": page(gzip.compress(ARTICLE), "text/html", **{"Content-Encoding": "gzip"}),
    "/br-page": page(brotli.compress(ARTICLE), "text/html", **{"Content-Encoding": "br"}),
    "/gzip-bomb": page(gzip_bomb(), "text/html", **{"Content-Encoding": "gzip"}),
    "/brotli-bomb": page(brotli_bomb(), "text/html", **{"Content-Encoding": "br"}),
    "/latin1": page("<p>Un café à Noël</p>".encode("cp1252"), "text/html; charset=iso-8859-1"),
    "/endless": endless,
    "/file-redirect": redirect("file:///etc/passwd"),
}


@pytest.fixture
async def site() -> AsyncIterator[Site]:
    """The test site on 127.0.0.1 (reachable because the tests allow-list 127.0.0.0/8)."""
    async with serve_site(ROUTES) as running:
        yield running


async def fetch(site: Site, path: str, **overrides: object) -> object:
    return await fetch_page(site.url(path), loopback_settings(site.port, **overrides))


async def test_fetch_page_reads_an_html_page(site: Site) -> None:
    fetched = await fetch_page(site.url("/article"), loopback_settings(site.port))
    assert (fetched.status, fetched.content_type, fetched.charset, fetched.is_html) == (
        200,
        "text/html",
        "utf-8",
        True,
    )
    assert fetched.text == ARTICLE.decode()
    assert fetched.requested_url == fetched.final_url == site.url("/article")


async def test_fetch_page_then_extract_article_gives_the_body(site: Site) -> None:
    fetched = await fetch_page(site.url("/article"), loopback_settings(site.port))
    assert extract_article(fetched.text, fetched.final_url).text.startswith("Councillors")


async def test_fetch_page_reads_plain_text(site: Site) -> None:
    fetched = await fetch_page(site.url("/plain"), loopback_settings(site.port))
    assert (fetched.is_html, fetched.text) == (False, "Plain words, in a plain page.")


@pytest.mark.parametrize("path", ["/gzip-page", "/br-page"])
async def test_fetch_page_decompresses_bodies(site: Site, path: str) -> None:
    fetched = await fetch_page(site.url(path), loopback_settings(site.port))
    assert fetched.text == ARTICLE.decode()


async def test_fetch_page_decodes_the_header_charset(site: Site) -> None:
    fetched = await fetch_page(site.url("/latin1"), loopback_settings(site.port))
    assert (fetched.text, fetched.charset) == ("<p>Un café à Noël</p>", "cp1252")


async def test_fetch_page_follows_redirects_up_to_the_limit(site: Site) -> None:
    fetched = await fetch_page(site.url("/chain/4"), loopback_settings(site.port))
    assert fetched.final_url == site.url("/article")
    assert site.requests == [
        "/chain/4",
        "/chain/3",
        "/chain/2",
        "/chain/1",
        "/chain/0",
        "/article",
    ]


async def test_fetch_page_refuses_a_chain_over_the_limit(site: Site) -> None:
    with pytest.raises(TooManyRedirects):
        await fetch_page(site.url("/chain/5"), loopback_settings(site.port))
    assert len(site.requests) == 6


async def test_fetch_page_stops_a_redirect_loop(site: Site) -> None:
    with pytest.raises(TooManyRedirects):
        await fetch_page(site.url("/loop/a"), loopback_settings(site.port))
    assert site.requests == ["/loop/a", "/loop/b"]


@pytest.mark.parametrize(
    ("code", "words"), [(404, "not found (error 404)"), (500, "error 500"), (403, "error 403")]
)
async def test_fetch_page_names_error_statuses(site: Site, code: int, words: str) -> None:
    with pytest.raises(FetchFailed) as caught:
        await fetch_page(site.url(f"/status/{code}"), loopback_settings(site.port))
    assert words in caught.value.user_message


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/pdf", "That link is a PDF (application/pdf), not a web page."),
        ("/image", "That link is an image (image/png), not a web page."),
        ("/png-as-html", "That link is an image (image/png), not a web page."),
    ],
)
async def test_fetch_page_refuses_what_is_not_a_page(site: Site, path: str, words: str) -> None:
    with pytest.raises(UnsupportedContent) as caught:
        await fetch_page(site.url(path), loopback_settings(site.port))
    assert caught.value.user_message.startswith(words)


@pytest.mark.parametrize("path", ["/gzip-bomb", "/brotli-bomb", "/endless"])
async def test_fetch_page_caps_the_body_size(site: Site, path: str) -> None:
    with pytest.raises(TooLarge):
        await fetch_page(site.url(path), loopback_settings(site.port))


async def test_fetch_page_refuses_a_large_content_length_up_front() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 52428800\r\n\r\n"
    async with serve_raw(raw_reply(head, [b"<p>start"])) as server:
        settings = loopback_settings(server.port)
        with pytest.raises(TooLarge):
            await fetch_page(f"http://127.0.0.1:{server.port}/", settings)


async def test_fetch_page_refuses_an_untyped_pdf() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\n"
    async with serve_raw(raw_reply(head, [b"%PDF-1.7\n%..."])) as server:
        with pytest.raises(UnsupportedContent):
            await fetch_page(f"http://127.0.0.1:{server.port}/", loopback_settings(server.port))


async def test_fetch_page_times_out_on_a_server_that_never_answers() -> None:
    async with serve_raw(never_answer) as server:
        settings = loopback_settings(server.port, timeout=0.3)
        started = time.monotonic()
        with pytest.raises(FetchTimeout):
            await fetch_page(f"http://127.0.0.1:{server.port}/", settings)
    assert time.monotonic() - started < 1.5


async def test_fetch_page_limits_the_whole_fetch_time() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
    async with serve_raw(raw_reply(head, [b"x"] * 100, delay=0.1)) as server:
        settings = loopback_settings(server.port, timeout=0.5)  # each byte in time, not all
        started = time.monotonic()
        with pytest.raises(FetchTimeout):
            await fetch_page(f"http://127.0.0.1:{server.port}/", settings)
    assert 0.9 < time.monotonic() - started < 2.0


# The loopback forms of issue 4's bad links: each is aimed at a canary that counts connections.
CANARY_LINKS = [
    ("http://127.0.0.1:{port}/", "loopback"),
    ("http://localhost:{port}/", "the local machine by name"),
    ("http://0.0.0.0:{port}/", "'this host', which Linux connects to loopback"),
    ("http://[::ffff:127.0.0.1]:{port}/", "loopback wrapped in IPv4-mapped IPv6"),
    ("http://2130706433:{port}/", "127.0.0.1 as one decimal number"),
    ("http://0x7f000001:{port}/", "127.0.0.1 as one hex number"),
    ("http://0177.0.0.1:{port}/", "127.0.0.1 with an octal part"),
    ("http://127.1:{port}/", "127.0.0.1 in shorthand"),
    ("http://user:secret@127.0.0.1:{port}/", "credentials in the URL"),
]


@pytest.mark.parametrize(("link", "reason"), CANARY_LINKS, ids=[r for _, r in CANARY_LINKS])
async def test_fetch_page_refuses_loopback_without_connecting(
    canary: RawServer, link: str, reason: str
) -> None:
    settings = loopback_settings(canary.port, allow=())
    with pytest.raises((BlockedAddress, InvalidUrl)):
        await fetch_page(link.format(port=canary.port), settings, resolver=FakeResolver({}))
    assert canary.connections == 0


async def test_fetch_page_refuses_ipv6_loopback_without_connecting(canary6: RawServer) -> None:
    settings = loopback_settings(canary6.port, allow=())
    with pytest.raises(BlockedAddress):
        await fetch_page(f"http://[::1]:{canary6.port}/", settings)
    assert canary6.connections == 0


async def test_fetch_page_with_no_allowed_networks_refuses_loopback(site: Site) -> None:
    with pytest.raises(BlockedAddress):
        await fetch_page(site.url("/article"), loopback_settings(site.port, allow=()))
    assert site.requests == []


# Links refused before any lookup or connection; a recording backend proves no attempt.
NO_CONNECT_LINKS = [
    ("http://169.254.169.254/latest/meta-data/", "link-local cloud metadata"),
    ("http://10.0.0.1/", "private 10/8"),
    ("http://192.168.1.1/", "private 192.168/16"),
    ("http://100.64.0.1/", "carrier-grade NAT"),
    ("http://[fc00::1]/", "IPv6 unique-local"),
    ("http://[fe80::1]/", "IPv6 link-local"),
    ("http://[64:ff9b::7f00:1]/", "NAT64 form of 127.0.0.1"),
    ("http://[2002:7f00:1::]/", "6to4 form of 127.0.0.1"),
    ("file:///etc/passwd", "file: scheme"),
    ("ftp://example.com/", "ftp: scheme"),
    ("gopher://example.com:70/_x", "gopher: scheme"),
    ("data:text/html,<p>x</p>", "data: URL"),
    ("javascript:alert(1)", "javascript: URL"),
]


@pytest.mark.parametrize(
    ("link", "reason"), NO_CONNECT_LINKS, ids=[r for _, r in NO_CONNECT_LINKS]
)
async def test_fetch_page_refuses_without_any_attempt(link: str, reason: str) -> None:
    backend, resolver = RecordingBackend(), FakeResolver({})
    async with FetchClient(network_backend=backend) as client:
        with pytest.raises(BlockedAddress):
            await fetch_page(link, loopback_settings(allow=()), resolver=resolver, client=client)
    assert (backend.attempts, resolver.calls) == ([], [])


async def test_fetch_page_refuses_a_name_that_resolves_to_a_private_address(
    canary: RawServer,
) -> None:
    resolver = FakeResolver({"intranet.example": ["127.0.0.1"]})
    with pytest.raises(BlockedAddress):
        await fetch_page(
            f"http://intranet.example:{canary.port}/",
            loopback_settings(canary.port, allow=()),
            resolver=resolver,
        )
    assert (canary.connections, resolver.calls) == (0, [("intranet.example", canary.port)])


async def test_fetch_page_refuses_a_name_with_any_private_address(canary: RawServer) -> None:
    resolver = FakeResolver({"mixed.example": ["127.0.0.1", "10.0.0.1"]})
    with pytest.raises(BlockedAddress):
        await fetch_page(
            f"http://mixed.example:{canary.port}/",
            loopback_settings(canary.port, allow=("127.0.0.1/32",)),
            resolver=resolver,
        )
    assert canary.connections == 0


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/", "http://internal.example:{port}/"])
async def test_fetch_page_refuses_a_redirect_from_public_to_private(
    canary: RawServer, target: str
) -> None:
    location = target.format(port=canary.port)
    async with serve_site({"/go": redirect(location)}, host="127.0.0.2") as public:
        settings = loopback_settings(public.port, canary.port, allow=("127.0.0.2/32",))
        resolver = FakeResolver({"internal.example": ["127.0.0.1"]})
        with pytest.raises(BlockedAddress):
            await fetch_page(public.url("/go"), settings, resolver=resolver)
    assert (public.requests, canary.connections) == (["/go"], 0)


async def test_fetch_page_refuses_a_redirect_to_a_file(site: Site) -> None:
    with pytest.raises(BlockedAddress):
        await fetch_page(site.url("/file-redirect"), loopback_settings(site.port))


async def test_fetch_page_connects_to_the_checked_address_and_keeps_the_host_name(
    canary: RawServer,
) -> None:
    # The second answer (DNS rebinding) would point at the canary; it must never be used.
    resolver = FakeResolver({"news.example": [["127.0.0.2"], ["127.0.0.1"]]})
    async with serve_site({"/host": echo_host}, host="127.0.0.2") as public:
        settings = loopback_settings(public.port, allow=("127.0.0.2/32",))
        fetched = await fetch_page(
            public.url("/host", host="news.example"), settings, resolver=resolver
        )
    assert fetched.text == f"Host: news.example:{public.port}"
    assert (len(resolver.calls), canary.connections) == (1, 0)


async def test_fetch_page_shares_one_client_between_concurrent_fetches() -> None:
    resolver = FakeResolver({"a.example": ["127.0.0.2"], "b.example": ["127.0.0.3"]})
    async with (
        serve_site({"/host": echo_host}, host="127.0.0.2") as site_a,
        serve_site({"/host": echo_host}, host="127.0.0.3") as site_b,
        FetchClient() as client,
    ):
        settings = loopback_settings(site_a.port, site_b.port)
        pages = await asyncio.gather(
            *(
                fetch_page(s.url("/host", host=name), settings, resolver=resolver, client=client)
                for s, name in [(site_a, "a.example"), (site_b, "b.example")] * 3
            )
        )
    assert [p.text.split(":")[1].strip() for p in pages] == ["a.example", "b.example"] * 3


async def test_fetch_page_accepts_a_host_name_with_a_trailing_dot() -> None:
    resolver = FakeResolver({"news.example": ["127.0.0.2"]})
    async with serve_site({"/host": echo_host}, host="127.0.0.2") as public:
        settings = loopback_settings(public.port, allow=("127.0.0.2/32",))
        url = public.url("/host", host="News.Example.")
        fetched = await fetch_page(url, settings, resolver=resolver)
    assert fetched.text == f"Host: news.example:{public.port}"


async def test_fetch_page_fails_cleanly_on_a_garbage_dns_answer() -> None:
    resolver = FakeResolver({"odd.example": ["not-an-address"]})
    with pytest.raises(FetchFailed):
        await fetch_page("http://odd.example/", loopback_settings(), resolver=resolver)


async def test_fetch_page_says_when_a_name_does_not_resolve() -> None:
    with pytest.raises(FetchFailed) as caught:
        await fetch_page("http://nowhere.example/", loopback_settings(), resolver=FakeResolver({}))
    assert "could not find that website" in caught.value.user_message


async def test_default_resolver_resolves_a_loopback_literal() -> None:
    assert await default_resolver("127.0.0.1", 80) == ["127.0.0.1"]


@pytest.fixture(scope="module")
def test_ca(tmp_path_factory: pytest.TempPathFactory) -> LocalCA:
    if not openssl_available():
        pytest.skip("the openssl command is not installed")
    return make_ca(tmp_path_factory.mktemp("ca"), "news.example")


async def test_fetch_page_checks_tls_against_the_host_name(test_ca: LocalCA) -> None:
    resolver = FakeResolver({"news.example": ["127.0.0.1"], "other.example": ["127.0.0.1"]})
    routes = {"/article": page(ARTICLE)}
    async with (
        serve_site(routes, ssl_context=test_ca.server_context()) as tls_site,
        FetchClient(test_ca.client_context()) as client,
    ):
        settings = loopback_settings(tls_site.port)
        good = f"https://news.example:{tls_site.port}/article"
        fetched = await fetch_page(good, settings, resolver=resolver, client=client)
        assert fetched.text == ARTICLE.decode()
        bad = f"https://other.example:{tls_site.port}/article"
        with pytest.raises(FetchFailed):  # the certificate is for news.example only
            await fetch_page(bad, settings, resolver=resolver, client=client)


def test_loopback_settings_allow_only_loopback() -> None:
    assert loopback_settings().allow_networks == (ipaddress.ip_network("127.0.0.0/8"),)
