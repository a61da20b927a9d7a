"""Article extraction: turn a fetched page into the article's text and what is known about it.

CPU-bound, synchronous and pure: no I/O, no asyncio, no `telegram`. The bot runs it in a worker
process, so only plain dataclasses go in and out. The text comes from trafilatura (precision
mode, no comments), converted with markdownify to paragraphs separated by blank lines; links and
images are dropped so URLs never count as text, and the title lives in `meta.title`, not in the
text. `meta.complete` is false, with a warning, when the page looks like a teaser.
"""

from __future__ import annotations

import logging
import re
from copy import deepcopy
from dataclasses import dataclass

import trafilatura
from lxml import etree  # type: ignore[import-untyped]
from lxml.html import HtmlElement  # type: ignore[import-untyped]
from markdownify import MarkdownConverter

from bot.briefing.model import ArticleMeta
from bot.errors import NotAnArticle
from bot.links.extract_rules import (
    clean_lines,
    completeness,
    has_prose,
    page_language,
    paywall_signals,
)

__all__ = ["Extracted", "extract_article", "extract_plain_text"]

logger = logging.getLogger(__name__)

# Elements that never hold article text. Removing them before trafilatura runs makes every
# later pass cheaper; trafilatura would delete them itself (its MANUALLY_CLEANED list).
JUNK_TAGS = (
    "applet",
    "aside",
    "audio",
    "button",
    "canvas",
    "datalist",
    "dialog",
    "embed",
    "footer",
    "frame",
    "frameset",
    "iframe",
    "input",
    "link",
    "map",
    "marquee",
    "menu",
    "menuitem",
    "nav",
    "noindex",
    "noscript",
    "object",
    "option",
    "picture",
    "select",
    "source",
    "style",
    "svg",
    "template",
    "textarea",
    "track",
    "video",
)
# Script types that carry metadata (read before they are removed).
METADATA_SCRIPTS = ("application/ld+json", "application/settings+json")
# Under this many characters, the fast pass probably missed the article: retry harder.
SHORT_TEXT_CHARS = 800
# The recall pass replaces a short result only when it finds this much more text.
RECALL_GAIN = 2.0
# A paragraph this long counts when looking for an article body split into parts.
SPLIT_PARAGRAPH_CHARS = 40
# trafilatura's XML body tags, mapped to the HTML that markdownify understands.
XML_TO_HTML = {
    "head": "h3",
    "quote": "blockquote",
    "list": "ul",
    "item": "li",
    "lb": "br",
}
# Tags whose text stays but whose markup goes (emphasis, links, deletions).
UNWRAP_TAGS = ("hi", "ref", "del", "span")


@dataclass(frozen=True, slots=True)
class Extracted:
    """An article's text (without its title) and what the page says about it."""

    text: str
    meta: ArticleMeta


class _TextConverter(MarkdownConverter):
    """markdownify with links and images reduced to their text, and no Markdown escaping."""

    def __init__(self) -> None:
        super().__init__(
            strip=["a", "img"],
            heading_style="ATX",
            bullets="-",
            escape_asterisks=False,
            escape_underscores=False,
            escape_misc=False,
            bs4_options="lxml",
        )


_CONVERTER = _TextConverter()


def extract_article(html: str, url: str | None = None) -> Extracted:
    """Extract the main article text and its metadata from a page's HTML.

    Raises:
        NotAnArticle: the page holds no article text.
    """
    tree = _parse(html)
    signals = paywall_signals(tree)
    _drop_scripts(tree)
    etree.strip_elements(tree, *JUNK_TAGS, with_tail=False)
    metadata = trafilatura.extract_metadata(tree, url, extensive=False)
    etree.strip_elements(tree, "script", with_tail=False)
    _join_split_bodies(tree)
    body = _extract_body(tree, url)
    text = clean_lines(_to_text(body), metadata.title) if body is not None else ""
    if not has_prose(text):
        raise NotAnArticle(detail=f"no article text in {url or 'the page'}")
    complete, warnings = completeness(text, signals)
    meta = ArticleMeta(
        url=url or metadata.url,  # the address fetched, not the one the page claims
        title=metadata.title,
        site=metadata.sitename,
        byline=metadata.author,
        published=metadata.date,
        language=page_language(tree),
        complete=complete,
        warnings=warnings,
    )
    return Extracted(text=text, meta=meta)


def extract_plain_text(text: str, url: str | None = None) -> Extracted:
    """Turn a text/plain page into paragraphs separated by blank lines, unwrapping hard wraps.

    Raises:
        NotAnArticle: the page holds no text.
    """
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            paragraphs.append(" ".join(lines))
    if not paragraphs:
        raise NotAnArticle(detail=f"no text in {url or 'the page'}")
    return Extracted(text="\n\n".join(paragraphs), meta=ArticleMeta(url=url))


def _parse(html: str) -> HtmlElement:
    """Parse HTML into a tree, or raise NotAnArticle when nothing parses."""
    tree = trafilatura.load_html(html) if html.strip() else None
    if tree is None:
        raise NotAnArticle(detail="the page could not be parsed as HTML")
    return tree


def _drop_scripts(tree: HtmlElement) -> None:
    """Remove scripts except those holding metadata, which trafilatura reads."""
    for script in list(tree.iter("script")):
        if (script.get("type") or "").strip().lower() not in METADATA_SCRIPTS:
            script.drop_tree()


def _extract_body(tree: HtmlElement, url: str | None) -> etree._Element | None:
    """Find the main content with trafilatura: fast precision first, then harder passes."""
    body, size = _run_trafilatura(tree, url, precision=True, fast=True)
    if size >= SHORT_TEXT_CHARS:
        return body
    logger.debug("fast pass found %d characters in %s; trying the full passes", size, url)
    slow_body, slow_size = _run_trafilatura(tree, url, precision=True, fast=False)
    if slow_size > size:
        body, size = slow_body, slow_size
    if size >= SHORT_TEXT_CHARS:
        return body
    recall_body, recall_size = _run_trafilatura(tree, url, precision=False, fast=False)
    return recall_body if recall_size > RECALL_GAIN * size else body


def _run_trafilatura(
    tree: HtmlElement, url: str | None, *, precision: bool, fast: bool
) -> tuple[etree._Element | None, int]:
    """Run one trafilatura pass (precision or recall mode); return its XML body and text size."""
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        favor_precision=precision,
        favor_recall=not precision,
        include_comments=False,
        include_tables=True,
    )
    if document is None or isinstance(document, dict) or document.body is None:
        return None, 0
    return document.body, len(document.text or "")


def _to_text(body: etree._Element) -> str:
    """Convert trafilatura's XML body to Markdown-flavoured plain text."""
    body = deepcopy(body)
    etree.strip_elements(body, "graphic", with_tail=False)
    etree.strip_tags(body, *UNWRAP_TAGS)
    _flatten_tables(body)
    for element in body.iter(*XML_TO_HTML):
        element.tag = XML_TO_HTML[str(element.tag)]
        element.attrib.clear()
    body.tag = "div"
    text: str = _CONVERTER.convert(etree.tostring(body, encoding="unicode"))
    return text


def _flatten_tables(body: etree._Element) -> None:
    """Turn each table row into a paragraph of its cells joined by " | ".

    Markdown tables add separator lines that are no prose, and markdownify slows down on
    large tables (it looks up every cell's parents), so rows become plain paragraphs.
    """
    for table in list(body.iter("table")):
        rows = []
        for row in table.iter("row"):
            cells = (" ".join("".join(cell.itertext()).split()) for cell in row.iter("cell"))
            line = " | ".join(cell for cell in cells if cell)
            if line:
                paragraph = etree.Element("p")
                paragraph.text = line
                rows.append(paragraph)
        container = etree.Element("div")
        container.extend(rows)
        container.tail = table.tail
        table.getparent().replace(table, container)


def _join_split_bodies(tree: HtmlElement) -> None:
    """Move the parts of an article body that ads split apart back into its first part.

    Sites cut a long body into sibling containers of the same class with ads between them;
    trafilatura would otherwise keep only the first part.
    """
    groups: dict[tuple[str, str], list[HtmlElement]] = {}
    for element in tree.iter("div", "section", "article"):
        if element.get("class") and _has_paragraphs(element):
            groups.setdefault((element.tag, element.get("class", "")), []).append(element)
    for parts in groups.values():
        members = set(parts)
        if len(parts) < 2 or any(a in members for p in parts for a in p.iterancestors()):
            continue
        for part in parts[1:]:
            parts[0].extend(list(part))


def _has_paragraphs(element: HtmlElement) -> bool:
    """Tell whether an element directly holds at least two paragraphs of real text."""
    found = 0
    for paragraph in element.iterchildren("p"):
        found += len(paragraph.text_content()) >= SPLIT_PARAGRAPH_CHARS
        if found >= 2:
            return True
    return False
