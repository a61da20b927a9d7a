"""A loopback news site for subscription tests: feeds a test publishes to, and their stories.

`FeedSite` runs an HTTP server on 127.0.0.1 in a daemon thread (so a bot in another process
can read it too). A test publishes entries to named feeds (`/feeds/<name>`, RSS, Atom or
JSON Feed) and writes stories (`/story/<slug>`); the feeds answer conditional GETs with 304
and count them; a feed can be made to fail. Stories are made-up news in two subjects:
`harbor_story` (a harbor bridge, Mayor Lena Ortiz) and `school_story` (a school budget).
Builders for the three feed formats are plain functions, also used by the parser tests.
"""

from __future__ import annotations

import hashlib
import html
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.helpers.articles import PARAGRAPHS, page
from tests.helpers.stories import EVENTS


@dataclass(frozen=True)
class Entry:
    """One feed entry as a test writes it."""

    url: str
    title: str
    guid: str | None = None
    published: str = "Tue, 10 Mar 2026 09:00:00 GMT"


def rss(entries: list[Entry], title: str = "Alder Gazette") -> bytes:
    """Render an RSS 2.0 feed."""
    items = "".join(
        f"<item><title>{html.escape(e.title)}</title><link>{html.escape(e.url)}</link>"
        f"<guid>{html.escape(e.guid or e.url)}</guid><pubDate>{e.published}</pubDate></item>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(title)}</title><link>http://127.0.0.1/</link>{items}"
        "</channel></rss>"
    ).encode()


def atom(entries: list[Entry], title: str = "Bell Harbor News") -> bytes:
    """Render an Atom feed."""
    items = "".join(
        f"<entry><title>{html.escape(e.title)}</title>"
        f'<link rel="alternate" href="{html.escape(e.url)}"/>'
        f"<id>{html.escape(e.guid or e.url)}</id><updated>2026-03-10T09:00:00Z</updated></entry>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{html.escape(title)}</title>{items}</feed>"
    ).encode()


def json_feed(entries: list[Entry], title: str = "Cedar Post") -> bytes:
    """Render a JSON Feed 1.1."""
    items = [
        {"id": e.guid or e.url, "url": e.url, "title": e.title,
         "date_published": "2026-03-10T09:00:00Z"}
        for e in entries
    ]  # fmt: skip
    body = {"version": "https://jsonfeed.org/version/1.1", "title": title, "items": items}
    return json.dumps(body).encode()


FORMATS = {
    "rss": (rss, "application/rss+xml; charset=utf-8"),
    "atom": (atom, "application/atom+xml"),
    "json": (json_feed, "application/feed+json"),
}


def harbor_story(number: int) -> tuple[str, list[str]]:
    """Return harbor bridge story N (it matches "harbor" and, mostly, actor:"Lena Ortiz").

    Its body is event N modulo 12 of `tests.helpers.stories.EVENTS`, so stories whose numbers
    differ by less than 12 are distinct stories, not copies of one another (issue 14).
    """
    first = PARAGRAPHS[0].replace("harbor bridge", f"harbor bridge number {number}")
    return f"Harbor bridge {number} to reopen in May", [first, *EVENTS[number % len(EVENTS)][1]]


def school_story(number: int) -> tuple[str, list[str]]:
    """Return a school budget story (no harbor, no bridge)."""
    return f"School board {number} approves a new budget", [
        f"The Cedar Falls school board approved budget number {number} on Monday after a debate "
        "about class sizes and teacher pay.",
        "\u201cWe can finally hire the teachers our pupils need,\u201d said Ana Lopez, the "
        "superintendent, after the vote.",
        "Parents had asked the board for smaller classes for two years, and many of them "
        "came to the meeting to watch the vote.",
        "\u201cThis is a good first step, but the money runs out in three years,\u201d said "
        "Victor Hale, who chairs the parents' council.",
        "The budget adds twelve teaching posts and repairs the roof of the old gym, which "
        "has leaked since the winter storms.",
    ]


@dataclass
class _Feed:
    fmt: str
    title: str
    entries: list[Entry] = field(default_factory=list)
    failing: int = 0  # answer 500 this many more times


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        site = self.server.site
        with site.lock:
            site.requests.append(self.path)
            path = self.path.split("?", 1)[0]
            if path.startswith("/feeds/"):
                self._feed(site, path.removeprefix("/feeds/"))
            elif path.startswith("/story/") and path.removeprefix("/story/") in site.stories:
                self._send(200, page(*site.stories[path.removeprefix("/story/")]).encode(), {})
            else:
                self._send(404, b"<html><body><h1>Not found</h1></body></html>", {})

    def _feed(self, site: FeedSite, name: str) -> None:
        feed = site.feeds.get(name)
        if feed is None:
            self._send(404, b"not found", {})
            return
        if feed.failing > 0:
            feed.failing -= 1
            self._send(500, b"server error", {})
            return
        build, content_type = FORMATS[feed.fmt]
        body = build(feed.entries, feed.title)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            site.not_modified += 1
            self._send(304, b"", {"ETag": etag})
            return
        self._send(200, body, {"ETag": etag, "Content-Type": content_type})

    def _send(self, status: int, data: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: FeedSite


class FeedSite:
    """Feeds and stories on 127.0.0.1, in a daemon thread; `requests` lists the paths served."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.feeds: dict[str, _Feed] = {}
        self.stories: dict[str, tuple[str, list[str]]] = {}
        self.requests: list[str] = []
        self.not_modified = 0
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.site = self
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """Return the URL of a path on this site."""
        return f"http://127.0.0.1:{self.port}{path}"

    def feed_url(self, name: str) -> str:
        """Return a feed's URL."""
        return self.url(f"/feeds/{name}")

    def story_url(self, slug: str) -> str:
        """Return a story's URL."""
        return self.url(f"/story/{slug}")

    def add_feed(self, name: str, fmt: str = "rss", title: str | None = None) -> str:
        """Create an empty feed (rss, atom or json) and return its URL."""
        with self.lock:
            self.feeds[name] = _Feed(fmt, title or f"Feed {name}")
        return self.feed_url(name)

    def publish(self, feed: str, slug: str, story: tuple[str, list[str]]) -> str:
        """Write a story and put it at the top of a feed; return the story's URL."""
        with self.lock:
            self.stories[slug] = story
            entry = Entry(self.story_url(slug), story[0], guid=f"{feed}:{slug}")
            self.feeds[feed].entries.insert(0, entry)
        return entry.url

    def republish(self, feed: str, slug: str) -> str:
        """Put an already published story (its very URL) at the top of another feed."""
        with self.lock:
            title = self.stories[slug][0]
            entry = Entry(self.story_url(slug), title, guid=f"{feed}:{slug}")
            self.feeds[feed].entries.insert(0, entry)
        return entry.url

    def fail(self, feed: str, times: int) -> None:
        """Make a feed answer 500 the next `times` times."""
        with self.lock:
            self.feeds[feed].failing = times

    def feed_requests(self, name: str) -> int:
        """Count the requests a feed has had."""
        with self.lock:
            return sum(1 for path in self.requests if path == f"/feeds/{name}")

    def start(self) -> FeedSite:
        """Start serving."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and join the thread."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
