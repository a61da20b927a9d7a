"""The feed parser: RSS, RDF, Atom and JSON Feed; relative links; hostile XML refused."""

from __future__ import annotations

import pytest

from bot.errors import InvalidFeed
from bot.follow.feeds import MAX_ITEMS, parse_feed
from tests.helpers.feeds import Entry, atom, json_feed, rss

BASE = "https://news.example/feed.xml"
ENTRIES = [
    Entry("https://news.example/a", "First story", guid="id-a"),
    Entry("https://news.example/b", "Second story"),
]


@pytest.mark.parametrize(("build", "kind"), [(rss, "rss"), (atom, "atom"), (json_feed, "json")])
def test_parse_feed_reads_each_format(build: object, kind: str) -> None:
    feed = parse_feed(build(ENTRIES), BASE)  # type: ignore[operator]
    assert feed.kind == kind
    assert [item.url for item in feed.items] == [
        "https://news.example/a",
        "https://news.example/b",
    ]
    assert [item.title for item in feed.items] == ["First story", "Second story"]
    assert feed.items[0].guid == "id-a"
    assert feed.items[0].published == "2026-03-10T09:00:00+00:00"


def test_parse_feed_reads_rss_1_rdf() -> None:
    body = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="x"><title>RDF news</title></channel>
<item rdf:about="https://news.example/r"><title>R</title><link>https://news.example/r</link>
<dc:date>2026-03-10T10:00:00+01:00</dc:date></item></rdf:RDF>"""
    feed = parse_feed(body, BASE)
    assert (feed.kind, feed.title) == ("rdf", "RDF news")
    assert feed.items[0].published == "2026-03-10T09:00:00+00:00"


def test_parse_feed_resolves_relative_links_and_drops_other_schemes() -> None:
    body = rss([Entry("/story/1", "Relative"), Entry("javascript:alert(1)", "Bad", guid="x")])
    assert [item.url for item in parse_feed(body, BASE).items] == ["https://news.example/story/1"]


def test_parse_feed_uses_permalink_guid_when_there_is_no_link() -> None:
    body = b"<rss><channel><item><guid>https://news.example/g</guid></item></channel></rss>"
    assert parse_feed(body, BASE).items[0].url == "https://news.example/g"


def test_parse_feed_keeps_one_item_per_guid() -> None:
    body = rss(
        [
            Entry("https://news.example/a", "A", guid="same"),
            Entry("https://news.example/b", "B", guid="same"),
        ]
    )
    assert [item.title for item in parse_feed(body, BASE).items] == ["A"]


def test_parse_feed_caps_the_number_of_items() -> None:
    entries = [Entry(f"https://news.example/{n}", f"S {n}") for n in range(MAX_ITEMS + 50)]
    assert len(parse_feed(rss(entries), BASE).items) == MAX_ITEMS


def test_parse_feed_unreadable_date_is_none() -> None:
    body = rss([Entry("https://news.example/a", "A", published="sometime soon")])
    assert parse_feed(body, BASE).items[0].published is None


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss><channel><title>&lol2;</title></channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&xxe;</title><link>https://news.example/x</link></item></channel></rss>"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_parse_feed_refuses_entity_declarations(body: bytes) -> None:
    with pytest.raises(InvalidFeed):
        parse_feed(body, BASE)


def test_parse_feed_never_loads_an_external_dtd() -> None:
    body = b"""<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://10.0.0.1/rss.dtd">
<rss><channel><item><link>https://news.example/d</link></item></channel></rss>"""
    assert parse_feed(body, BASE).items[0].url == "https://news.example/d"


@pytest.mark.parametrize(
    "body",
    [b"<html><body>not a feed</body></html>", b"", b'{"items": []}', b"{broken", b"\x00\x01"],
)
def test_parse_feed_refuses_what_is_not_a_feed(body: bytes) -> None:
    with pytest.raises(InvalidFeed):
        parse_feed(body, BASE)


def test_parse_feed_reads_a_declared_encoding() -> None:
    body = '<?xml version="1.0" encoding="iso-8859-1"?><rss><channel><item><title>Café</title><link>https://news.example/c</link></item></channel></rss>'
    assert parse_feed(body.encode("iso-8859-1"), BASE).items[0].title == "Café"
