"""Feeds in and out as OPML: build a chat's feed list, read one a user sends, add its feeds.

OPML comes from strangers, so it is read with defusedxml and no DTD at all: entity
expansion ("billion laughs"), external entities and DTD tricks are refused before anything
is read, and so is a file over 1 MB. Every feed in an imported file is added through the
feed service, which reads it with the same safe fetcher as /addfeed.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET  # building only; parsing goes through defusedxml
from dataclasses import dataclass
from datetime import datetime

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from bot.errors import BriefingError, InvalidOpml
from bot.follow.feedpoll import AddedFeed, FeedService
from storage import FeedRecord

__all__ = [
    "MAX_OPML_BYTES",
    "MAX_OPML_FEEDS",
    "ImportReport",
    "OpmlFeed",
    "build_opml",
    "check_opml_size",
    "import_feeds",
    "parse_opml",
]

logger = logging.getLogger(__name__)

MAX_OPML_BYTES = 1024 * 1024
MAX_OPML_FEEDS = 50  # more than a chat may keep; the rest are reported as left out


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    """One feed listed in an OPML file: its address and the name the file gives it."""

    url: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: feeds added, feeds the chat had already, failures with reasons."""

    added: tuple[AddedFeed, ...] = ()
    already: tuple[AddedFeed, ...] = ()
    failed: tuple[tuple[OpmlFeed, BriefingError], ...] = ()
    left_out: int = 0


def build_opml(feeds: list[FeedRecord], title: str, created: datetime) -> bytes:
    """Return an OPML 2.0 document listing these feeds."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = created.strftime("%a, %d %b %Y %H:%M:%S %z")
    body = ET.SubElement(root, "body")
    for feed in feeds:
        name = feed.title or feed.url
        ET.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=feed.url)
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def check_opml_size(size: int) -> None:
    """Refuse an OPML file over 1 MB (InvalidOpml), before or after it is downloaded."""
    if size > MAX_OPML_BYTES:
        raise InvalidOpml(
            f"That file has {size:,} bytes; I read OPML files up to 1 MB. Send a shorter "
            "list of feeds.",
            detail="too large",
        )


def parse_opml(data: bytes) -> list[OpmlFeed]:
    """Read the feeds an OPML file lists, in order and once each (InvalidOpml if unsafe)."""
    check_opml_size(len(data))
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InvalidOpml(
            "That file uses XML entities or a DTD, which I refuse for safety. Export your "
            "feeds again as plain OPML and send that file.",
            detail=f"refused XML: {type(exc).__name__}",
        ) from exc
    except ET.ParseError as exc:
        raise InvalidOpml(detail=f"not XML: {exc}") from exc
    if root.tag.lower() != "opml":
        raise InvalidOpml(detail=f"root element {root.tag!r}")
    found: dict[str, OpmlFeed] = {}
    for outline in root.iter("outline"):
        attributes = {key.lower(): value for key, value in outline.attrib.items()}
        url = attributes.get("xmlurl", "").strip()
        if url and url not in found:
            title = (attributes.get("title") or attributes.get("text") or "").strip()
            found[url] = OpmlFeed(url, title or None)
    return list(found.values())


async def import_feeds(service: FeedService, chat_id: int, feeds: list[OpmlFeed]) -> ImportReport:
    """Add each feed to the chat through the feed service (the safe fetcher), one by one."""
    added: list[AddedFeed] = []
    already: list[AddedFeed] = []
    failed: list[tuple[OpmlFeed, BriefingError]] = []
    for feed in feeds[:MAX_OPML_FEEDS]:
        try:
            result = await service.add(chat_id, feed.url)
        except BriefingError as exc:
            logger.info("chat %s could not import feed %s: %r", chat_id, feed.url, exc)
            failed.append((feed, exc))
            continue
        (added if result.added else already).append(result)
    left_out = max(0, len(feeds) - MAX_OPML_FEEDS)
    return ImportReport(tuple(added), tuple(already), tuple(failed), left_out)
