"""Reading news feeds: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, from bytes already fetched.

Pure: no network, no files. XML is parsed with lxml set up the way defusedxml sets up a
parser: no DTD loading, no network, no entity expansion, no huge trees; a document that
declares entities (a "billion laughs" or an external-entity attack) is refused outright.
Item links are resolved against the feed's address and only http(s) links are kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree  # type: ignore[import-untyped]

from bot.errors import InvalidFeed

__all__ = ["MAX_ITEMS", "FeedItem", "ParsedFeed", "parse_feed"]

MAX_ITEMS = 200
MAX_TITLE_CHARS = 300
FEED_KINDS = ("rss", "rdf", "atom", "json")
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: where the article is, and what the feed says about it."""

    url: str
    guid: str  # the entry's id, else its link
    title: str | None = None
    published: str | None = None  # ISO 8601 in UTC, when the feed gives a readable date


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title and its entries, newest first as the feed lists them."""

    kind: str  # one of FEED_KINDS
    title: str | None
    items: tuple[FeedItem, ...]


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=True,
        recover=True,
    )


def _clean(text: str | None, limit: int = MAX_TITLE_CHARS) -> str | None:
    if text is None:
        return None
    cleaned = _SPACE.sub(" ", text).strip()
    return cleaned[:limit] or None


def _iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _date(text: str | None) -> str | None:
    """Read an RFC 822 (RSS) or ISO 8601 (Atom, JSON Feed) date; None when unreadable."""
    if not text or not text.strip():
        return None
    raw = text.strip()
    try:
        return _iso(datetime.fromisoformat(raw.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _iso(parsedate_to_datetime(raw))
    except (TypeError, ValueError, IndexError):
        return None


def _link(base: str, href: str | None) -> str | None:
    if not href or not href.strip():
        return None
    try:
        url = urljoin(base, href.strip())
    except ValueError:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _text(element: etree._Element, *names: str) -> str | None:
    for name in names:
        for child in _children(element, name):
            text = "".join(child.itertext()).strip()
            if text:
                return text
    return None


def _atom_link(entry: etree._Element, base: str) -> str | None:
    links = _children(entry, "link")
    preferred = [el for el in links if (el.get("rel") or "alternate") == "alternate"]
    for element in preferred or links:
        url = _link(base, element.get("href"))
        if url:
            return url
    return None


def _item(
    url: str | None, guid: str | None, title: str | None, date: str | None
) -> FeedItem | None:
    if url is None:
        return None
    return FeedItem(url=url, guid=(guid or url)[:1000], title=_clean(title), published=_date(date))


def _rss_item(item: etree._Element, base: str) -> FeedItem | None:
    guid = _text(item, "guid")
    url = _link(base, _text(item, "link"))
    guids = _children(item, "guid")
    if url is None and guid and guids:
        permalink = (guids[0].get("isPermaLink") or "true").lower()
        absolute = urlsplit(guid.strip()).scheme in ("http", "https")
        url = _link(base, guid) if permalink == "true" and absolute else None
    date = _text(item, "pubdate", "date", "published", "updated")
    return _item(url, guid, _text(item, "title"), date)


def _atom_entry(entry: etree._Element, base: str) -> FeedItem | None:
    date = _text(entry, "published", "updated")
    return _item(_atom_link(entry, base), _text(entry, "id"), _text(entry, "title"), date)


def _xml_feed(root: etree._Element, base: str) -> ParsedFeed:
    name = _local(root)
    if name == "rss":
        channel = next(iter(_children(root, "channel")), root)
        entries = [_rss_item(el, base) for el in _children(channel, "item")]
        return _feed("rss", _text(channel, "title"), entries)
    if name == "rdf":
        channel = next(iter(_children(root, "channel")), root)
        entries = [_rss_item(el, base) for el in _children(root, "item")]
        return _feed("rdf", _text(channel, "title"), entries)
    if name == "feed":
        entries = [_atom_entry(el, base) for el in _children(root, "entry")]
        return _feed("atom", _text(root, "title"), entries)
    raise InvalidFeed(detail=f"root element <{name}> is not a feed")


def _feed(kind: str, title: str | None, entries: list[FeedItem | None]) -> ParsedFeed:
    items = [item for item in entries if item is not None]
    unique = list({item.guid: item for item in reversed(items)}.values())[::-1]
    return ParsedFeed(kind, _clean(title), tuple(unique[:MAX_ITEMS]))


def _json_item(raw: Any, base: str) -> FeedItem | None:
    if not isinstance(raw, dict):
        return None
    url = _link(base, _str(raw.get("url"))) or _link(base, _str(raw.get("external_url")))
    date = _str(raw.get("date_published")) or _str(raw.get("date_modified"))
    return _item(url, _str(raw.get("id")), _str(raw.get("title")), date)


def _str(value: Any) -> str | None:
    if isinstance(value, str | int) and not isinstance(value, bool):
        return str(value)
    return None


def _json_feed(body: bytes, base: str) -> ParsedFeed:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InvalidFeed(detail=f"not JSON: {exc}") from exc
    version = data.get("version") if isinstance(data, dict) else None
    if not isinstance(version, str) or "jsonfeed.org" not in version:
        raise InvalidFeed(detail="JSON without a jsonfeed.org version")
    items = data.get("items")
    entries = [_json_item(raw, base) for raw in items] if isinstance(items, list) else []
    return _feed("json", _str(data.get("title")), entries)


def parse_feed(body: bytes, base_url: str) -> ParsedFeed:
    """Read a feed's entries from its raw bytes; `base_url` resolves relative links.

    Raises:
        InvalidFeed: not a feed, malformed beyond repair, or it declares XML entities.
    """
    start = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start in (b"{", b"["):
        return _json_feed(body, base_url)
    if _ENTITY_DECLARATION.search(body):
        raise InvalidFeed(detail="the document declares XML entities")
    try:
        root = etree.fromstring(body, parser=_parser(), base_url=base_url)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise InvalidFeed(detail=f"not XML: {exc}") from exc
    if root is None:
        raise InvalidFeed(detail="an empty document")
    return _xml_feed(root, base_url)
