<<<<<<< HEAD
"""Article pages written for these tests (a made-up town, made-up people), served on loopback.

`ArticleSite` runs a small HTTP server on 127.0.0.1 in a thread: /article/N is a short news
story whose headline carries N, /long is a story with many quotes (its quotes-only brief runs
past 12,000 characters), and any other path answers 404.
=======
"""Invented articles for the engine tests, written for this test suite (no copied news text).

Each one packs many hard cases into a short text: scraping debris, every common quote-mark
style, marks lost in scraping, quotes split by their attribution or running over
paragraphs, role nouns, pronouns, channels, reported speech and stake sentences.
The verbatim invariant is checked on all of them, on examples/sample-article.txt and on
the seed article in ../shared when it is present.
>>>>>>> engine-tests
"""

from __future__ import annotations

<<<<<<< HEAD
import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


def page(title: str, paragraphs: list[str]) -> str:
    """Render a story as a news page with a header, navigation and a footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} | Alder Gazette</title>"
        f"<meta property='og:title' content='{html.escape(title)}'>"
        f"<meta property='og:site_name' content='Alder Gazette'></head><body>"
        f"<header><nav><a href='/'>Home</a> <a href='/town'>Town</a></nav></header>"
        f"<main><article><h1>{html.escape(title)}</h1>"
        f"<p class='byline'>By Sam Rivera</p>{body}</article></main>"
        f"<footer>Alder Gazette, all rights reserved.</footer></body></html>"
    )


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.requests.append(self.path)
        path = self.path.split("?", 1)[0]
        if path.startswith("/article/") and path.removeprefix("/article/").isdigit():
            self._send(200, page(*story(int(path.removeprefix("/article/")))))
        elif path == "/long":
            self._send(200, page(*long_story()))
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


class ArticleSite:
    """The article server on 127.0.0.1, in a daemon thread; `requests` lists the paths served."""

    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.requests = self.requests = []
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        """Return the URL of a path on this site."""
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> ArticleSite:
        """Start serving."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and join the thread."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
=======
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SAMPLE_ARTICLE = REPO / "examples" / "sample-article.txt"
SEED_ARTICLE = REPO.parent / "shared" / "examples" / "seed-putin-talks" / "article.txt"

FERRY_STRIKE = """\
Homepage News Regional
Ferry Strike Leaves Islanders Stranded
Ferry Strike Leaves Islanders Stranded
Ferry Strike Leaves Islanders Stranded

Crews on the northern ferry routes walked off the job on Monday, leaving hundreds of \
travellers and two supply trucks stranded at the harbour in Kelvik.

Union secretary Mara Quist said the strike would last until the operator, Northline \
Ferries, restores the pay it cut in the spring. "We did not want this," she said. "But \
the company left us no other way."

Northline's chief executive, Jonas Brekke, told the Harbour Gazette that the company \
could not afford the old wages. "If we pay what they ask, we will have to sell two \
ships," Brekke said, "and then nobody sails at all."

Also read

Others are reading now

His deputy, Ines Salo, was more hopeful. "I think we can meet halfway," she wrote on \
Telegram. "Both sides want the boats running by the weekend.

"Nobody gains from a long strike."

"It is a disgrace," said islander Petra Lund, who missed a hospital appointment in the city.

According to the regional council, food stocks on the smaller islands will last about \
a week.

Did you like this article? Share it with your friends!
"""

QUOTE_MARKS_TOUR = """\
The village of Orne held its first open council meeting in a decade on Tuesday night.

Mayor Hugo Lenz opened the meeting by reading the budget aloud. ‘We have balanced the \
books for the first time in years,’ he said. He called the old deficit ‘a weight on \
every family’ and thanked the staff.

Councillor Edda Marsh was not impressed. «The roads are still broken and the school \
roof still leaks,» she told the room.

the numbers only add up because the repairs were postponed,” Marsh added a moment later.

Lenz answered her directly: “The repairs are scheduled for the spring and the money \
is already set aside

The evening ended with a screening of the documentary "Roads of Orne" in the hall, which \
the so-called "experts" from the county had praised.

It's the farmers' market that everyone talks about, though, and the mayor's plan to \
move it hasn't won many friends.
"""

PLANT_SALE = """\
The board of Tessel Chemicals will vote next week on selling its oldest plant, in the \
river town of Aubry, to a foreign buyer.

Chairman Viktor Hahn wants to sell the plant to raise cash for a new battery factory. \
Hahn says the sale would save the company from a third year of losses.

According to Hahn, the buyer has promised to keep every worker for at least two years.

Workers fear the plan would end a century of production in Aubry. Union leader Rosa \
Imbert warned that the sale could cost four hundred jobs within five years.

"If the buyer backs out, the company risks losing its credit line," said Felix Amsel, \
an analyst at Orlov Bank. "The board is betting everything on one deal."

The town stands to lose a tenth of its tax income if the plant closes. Mayor Lina \
Okoro said the town would sue unless the buyer signs a binding jobs pledge.

The sale could also trigger a review by the competition authority, which would delay \
the deal by months.

Environmental groups hope to use the sale to force a cleanup of the river bank. The \
cleanup alone could cost more than the plant is worth, Amsel said.

Investors want the board to approve the deal quickly, and the share price rose on the \
news. Hahn aims to close the sale before the end of the year.
"""

MESSY_PASTE = """\
Home > World > Politics

Budget talks collapse at midnight

Finance Minister Oda Varga: "There will be no deal tonight and no deal this week."

Opposition leader Tomas Kerr called the budget "a fantasy" and said his party would \
vote against it. "We've read it twice, and it's worse the second time," Kerr said. \
"Nobody's pension is safe under this plan."

"The minister knows it," Kerr said, "and the voters will know it too."

Varga's spokesman, Nils Aalto, answered on X: "The minister has 'no intention' of \
changing course." — a line he repeated to reporters the next morning.

“Talks will resume on Friday,“ Aalto said. ”We expect a long weekend.”

Share this article
"""

ARTICLES = {
    "ferry_strike": FERRY_STRIKE,
    "quote_marks_tour": QUOTE_MARKS_TOUR,
    "plant_sale": PLANT_SALE,
    "messy_paste": MESSY_PASTE,
}
>>>>>>> engine-tests
