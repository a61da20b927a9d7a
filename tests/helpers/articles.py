"""Article pages written for these tests (a made-up town, made-up people), served on loopback.

`ArticleSite` runs a small HTTP server on 127.0.0.1 in a thread: /article/N is a short news
story whose headline carries N, /long is a story with many quotes (its quotes-only brief runs
past 12,000 characters), /voices/NAME is one of `VOICE_STORIES` (two outlets quoting Mayor
Lena Ortiz on different days, for the quote bank), /held/N is story N served only once the
test calls `release()` after `hold()`, /heavy/N a long story that takes seconds to brief,
and any other path answers 404.
"""

from __future__ import annotations

import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOLD_SECONDS = 30.0  # a held page is served anyway after this long
PARAGRAPHS = (
    "The town of Port Alder will reopen its harbor bridge next month after two years of "
    "repairs, officials said on Tuesday.",
    "\u201cWe are ready to open the bridge to traffic in May,\u201d said Mayor Lena Ortiz, who "
    "has led the project since the storm damaged the old deck.",
    "The town council must still approve a final payment of four million dollars to the "
    "builder before the work can be signed off.",
    "\u201cIf the payment is delayed, the opening could slip to the summer,\u201d said Tom "
    "Becker, the town engineer. He added that the crews had finished the last inspection.",
    "Shop owners near the bridge said the long closure had cost them customers, and several "
    "stores on the waterfront cut their opening hours during the winter.",
    "\u201cHalf of our regulars stopped coming,\u201d said Maria Chen, who runs a bakery on "
    "Harbor Street. \u201cWe need the bridge back before the tourist season.\u201d",
    "The bridge carries about thirty thousand cars a day and links the old town with the "
    "ferry port, the hospital and the main school.",
)


HEAVY_QUOTES = 250


def story(number: int) -> tuple[str, list[str]]:
    """Return the headline and paragraphs of short story N."""
    return f"Harbor bridge {number} to reopen in May", list(PARAGRAPHS)


def long_story(quotes: int = 110) -> tuple[str, list[str]]:
    """Return a story with many quotes by a few speakers, for a brief that must be split."""
    speakers = ("Mayor Lena Ortiz", "Tom Becker, the town engineer,", "Maria Chen")
    paragraphs = list(PARAGRAPHS[:1])
    for n in range(quotes):
        speaker = speakers[n % len(speakers)]
        paragraphs.append(
            f"\u201cSection {n + 1} of the harbor plan needs more work before the winter storms "
            f"arrive, and we will not cut corners on it,\u201d said {speaker} at the meeting."
        )
    return "Port Alder debates every section of its harbor plan", paragraphs


SHARED_QUOTE = "The bridge belongs to everyone in this town, and it will open on time"
# name: (headline, outlet, date published, paragraphs); both quote Lena Ortiz.
VOICE_STORIES = {
    "payment": (
        "Council approves the last bridge payment",
        "Bell Harbor News",
        "2026-11-20",
        [
            "The town council of Port Alder approved the last payment for the harbor bridge "
            "on Monday evening, after a long debate about the budget and the works.",
            f"\u201c{SHARED_QUOTE},\u201d said Mayor Lena Ortiz after the vote.",
            "\u201cThe money is there and the crews can finish the deck before the spring "
            "tides,\u201d Ortiz told reporters outside the hall.",
            "Several council members asked for a new review of the costs before the bridge "
            "opens to traffic, but the motion failed by two votes.",
        ],
    ),
    "ferry": (
        "Ferry service returns while the bridge is finished",
        "Cedar Post",
        "2026-11-28",
        [
            "The ferry between Port Alder and the old town will run again from Monday, giving "
            "commuters a way across the harbor until the bridge reopens.",
            "\u201cNobody should have to drive an hour around the bay to reach the "
            "hospital,\u201d said Mayor Lena Ortiz, who announced the service on Friday.",
            f"\u201c{SHARED_QUOTE},\u201d Ortiz added.",
            "The ferry will carry about four hundred passengers a day and leave every twenty "
            "minutes during the morning and evening rush.",
        ],
    ),
}


def page(
    title: str,
    paragraphs: list[str],
    site: str = "Alder Gazette",
    published: str | None = None,
) -> str:
    """Render a story as a news page with a header, navigation and a footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    date = f"<meta property='article:published_time' content='{published}'>" if published else ""
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} | {html.escape(site)}</title>"
        f"<meta property='og:title' content='{html.escape(title)}'>{date}"
        f"<meta property='og:site_name' content='{html.escape(site)}'></head><body>"
        f"<header><nav><a href='/'>Home</a> <a href='/town'>Town</a></nav></header>"
        f"<main><article><h1>{html.escape(title)}</h1>"
        f"<p class='byline'>By Sam Rivera</p>{body}</article></main>"
        f"<footer>{html.escape(site)}, all rights reserved.</footer></body></html>"
    )


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        path = self.path.split("?", 1)[0]
        if path.startswith("/article/") and path.removeprefix("/article/").isdigit():
            self._send(200, page(*story(int(path.removeprefix("/article/")))))
        elif path.removeprefix("/voices/") in VOICE_STORIES:
            title, site, published, paragraphs = VOICE_STORIES[path.removeprefix("/voices/")]
            self._send(200, page(title, paragraphs, site, published))
        elif path.startswith("/held/") and path.removeprefix("/held/").isdigit():
            self.server.released.wait(HOLD_SECONDS)  # until the test lets the page go
            self._send(200, page(*story(int(path.removeprefix("/held/")))))
        elif path == "/long":
            self._send(200, page(*long_story()))
        elif path.startswith("/heavy/"):  # a long story that takes seconds to brief
            self._send(200, page(*long_story(HEAVY_QUOTES)))
        else:
            self._send(404, "<html><body><h1>Not found</h1></body></html>")

    def _send(self, status: int, text: str) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    requests: list[str]
    released: threading.Event


class ArticleSite:
    """The article server on 127.0.0.1, in a daemon thread; `requests` lists the paths served."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.requests = self.requests = []
        self._server.released = self.released = threading.Event()
        self.released.set()
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """Return the URL of a path on this site."""
        return f"http://127.0.0.1:{self.port}{path}"

    def hold(self) -> None:
        """Make /held/<n> pages wait until `release()` (a slow site, without a timer)."""
        self.released.clear()

    def release(self) -> None:
        """Let the held pages go."""
        self.released.set()

    def start(self) -> ArticleSite:
        """Start serving."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and join the thread."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
