"""OPML in and out: building a feed list, reading one safely (issue 12)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.errors import InvalidOpml
from bot.follow.opml import MAX_OPML_BYTES, OpmlFeed, build_opml, parse_opml
from storage import FeedRecord

WHEN = datetime(2026, 5, 4, 8, 30, tzinfo=UTC)


def _feed(feed_id: int, url: str, title: str | None) -> FeedRecord:
    return FeedRecord(
        id=feed_id, url=url, title=title, etag=None, last_modified=None, is_default=False,
        active=True, failures=0, last_error=None, next_poll_at=None,
    )  # fmt: skip


def test_build_opml_then_parse_opml_round_trips() -> None:
    feeds = [
        _feed(1, "https://gazette.example/feed.xml?a=1&b=2", "Alder <Gazette>"),
        _feed(2, "https://bell.example/atom", None),
    ]
    data = build_opml(feeds, "briefbot feeds", WHEN)
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert b"Mon, 04 May 2026 08:30:00 +0000" in data
    assert parse_opml(data) == [
        OpmlFeed("https://gazette.example/feed.xml?a=1&b=2", "Alder <Gazette>"),
        OpmlFeed("https://bell.example/atom", "https://bell.example/atom"),
    ]


def test_parse_opml_reads_nested_outlines_once_each() -> None:
    data = b"""<opml version="1.1"><body><outline text="News">
      <outline text="One" xmlurl="https://one.example/rss"/>
      <outline title="Two" text="2" xmlUrl="https://two.example/rss"/>
      <outline text="Folder only"/>
      <outline text="One again" xmlUrl="https://one.example/rss"/>
    </outline></body></opml>"""
    assert parse_opml(data) == [
        OpmlFeed("https://one.example/rss", "One"),
        OpmlFeed("https://two.example/rss", "Two"),
    ]


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b'<!DOCTYPE opml [<!ENTITY a "x">]><opml><body/></opml>', "refused XML"),
        (b'<!DOCTYPE opml SYSTEM "http://evil.example/x.dtd"><opml/>', "refused XML"),
        (b"<opml><body><outline", "not XML"),
        (b"<rss><channel/></rss>", "root element"),
        (b"<opml>" + b" " * MAX_OPML_BYTES + b"</opml>", "too large"),
    ],
)
def test_parse_opml_refuses_unsafe_or_wrong_files(data: bytes, detail: str) -> None:
    with pytest.raises(InvalidOpml) as caught:
        parse_opml(data)
    assert detail in str(caught.value.detail)
