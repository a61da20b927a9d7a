"""From a source (text, HTML, URL or file) to a Brief: the glue the CLI and workers use.

CPU work only, except `brief_url`, which fetches first. The bot runs `brief_text` and
`brief_html` in its worker processes; it fetches on its own event loop.
"""

from __future__ import annotations

import asyncio
import re

from bot.briefing.engine import DEFAULT_MAX_CHARS, build_brief
from bot.briefing.model import ArticleMeta, Brief
from bot.config import FetchSettings
from bot.links.sources import looks_like_html, read_source

__all__ = ["URL_RE", "brief_html", "brief_source", "brief_text", "brief_url"]

URL_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://\S+$")


def brief_text(
    text: str, meta: ArticleMeta | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Brief:
    """Brief pasted text."""
    return build_brief(text, meta, max_chars=max_chars)


def brief_html(page: str, url: str | None = None, max_chars: int = DEFAULT_MAX_CHARS) -> Brief:
    """Extract the article from a page's HTML and brief it."""
    from bot.links.extract import extract_article

    extracted = extract_article(page, url)
    return build_brief(extracted.text, extracted.meta, max_chars=max_chars)


def brief_url(
    url: str, settings: FetchSettings | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Brief:
    """Fetch a page safely, extract its article and brief it."""
    from bot.links.extract import extract_plain_text
    from bot.links.fetch import fetch_page

    page = asyncio.run(fetch_page(url, settings or FetchSettings()))
    if page.is_html:
        return brief_html(page.text, page.final_url, max_chars)
    extracted = extract_plain_text(page.text, page.final_url)
    return build_brief(extracted.text, extracted.meta, max_chars=max_chars)


def brief_source(
    source: str, settings: FetchSettings | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Brief:
    """Brief a URL, or a file path or standard input ('-') holding text or a saved page."""
    if URL_RE.match(source.strip()):
        return brief_url(source.strip(), settings, max_chars)
    content = read_source(source)
    if looks_like_html(content):
        return brief_html(content, None, max_chars)
    return brief_text(content, max_chars=max_chars)
