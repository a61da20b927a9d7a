"""Rendering `/who`: a person's quotes as Telegram HTML pages, or as plain text for the CLI.

Pure. A page is one message: the person's name and role, then their quotes newest first,
grouped under each article's headline (linked), outlet and date; a quote several outlets
carry shows "reported by N sources". Pages hold whole quotes and stay within Telegram's
4096 visible characters; an article whose quotes run over two pages is headed on both.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime

from bot.briefing.render import TELEGRAM_LIMIT, visible_length
from bot.follow.quotebank import Person, WhoQuote
from handlers import messages

__all__ = ["MAX_QUOTE_CHARS", "MONTHS", "WhoView", "page_starts", "render_who", "render_who_text"]

MAX_QUOTE_CHARS = 600
PAGE_NOTE_RESERVE = 80  # room kept on every page for the "Page 2 of 3" line
_TAG = re.compile(r"<[^>]+>")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class WhoView:
    """One page of a person's quotes: its HTML, its number (from 0), whether older ones follow."""

    text: str
    page: int
    has_older: bool


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _date(said_at: str) -> str:
    try:
        moment = datetime.fromisoformat(said_at)
    except ValueError:
        return said_at[:10]
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"  # strftime costs 30 µs


def _article_html(item: WhoQuote) -> str:
    quote = item.quote
    title = _e(quote.title or quote.site or quote.url or "An article")
    if quote.url:
        title = f'<a href="{html.escape(quote.url)}">{title}</a>'
    site = f" · {_e(quote.site)}" if quote.site else ""
    return f"<b>{title}</b>{site} · {_date(quote.said_at)}"


def _short(text: str) -> str:
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    return text[: MAX_QUOTE_CHARS - 1].rsplit(" ", 1)[0] + " …"


def _quote_html(item: WhoQuote) -> str:
    quote = item.quote
    body = f"“{_e(_short(quote.text))}”"
    if quote.kind == "partial":
        body = f"<i>{_e(quote.before)}</i> {body} <i>{_e(quote.after)}</i>"
        body = body.replace("<i></i>", "").strip()
    sources = messages.reported_by(item.sources)
    note = f" <i>({sources})</i>" if sources else ""
    return f"• {body}{note}"


def _header(person: Person) -> str:
    speaker = person.speaker
    return messages.who_header(speaker.name, speaker.role, len(person.quotes), person.articles)


def page_starts(
    person: Person, limit: int = TELEGRAM_LIMIT, pages: int | None = None
) -> list[int]:
    """Return the index of the first quote of every page, or of the first `pages` + 1 only.

    Measuring stops there: the first page of 500 quotes need not measure them all.
    """
    budget = limit - visible_length(_header(person)) - PAGE_NOTE_RESERVE
    starts: list[int] = []
    used, article = budget + 1, None  # the first quote opens the first page
    for index, item in enumerate(person.quotes):
        cost = visible_length(_quote_html(item)) + 1
        new_article = item.quote.article_id != article
        heading = visible_length(_article_html(item)) + 2 if new_article else 0
        if used + cost + heading > budget:
            if pages is not None and len(starts) > pages:
                break
            starts.append(index)
            used, heading = 0, visible_length(_article_html(item)) + 2
        used += cost + heading
        article = item.quote.article_id
    return starts


def _body(quotes: tuple[WhoQuote, ...]) -> str:
    blocks: list[str] = []
    article = None
    for item in quotes:
        if item.quote.article_id != article:
            blocks.append(_article_html(item))
            article = item.quote.article_id
        blocks[-1] += "\n" + _quote_html(item)
    return "\n\n".join(blocks)


def render_who(person: Person, page: int = 0, limit: int = TELEGRAM_LIMIT) -> WhoView:
    """Render one page of a person's quotes (a page past the last shows the last)."""
    # Every page is measured, to say "of N": cheap next to the look-up (bench/who.py).
    starts = page_starts(person, limit) or [0]
    page = max(0, min(page, len(starts) - 1))
    has_older = page + 1 < len(starts)
    end = starts[page + 1] if has_older else len(person.quotes)
    parts = [_header(person), _body(person.quotes[starts[page] : end])]
    if has_older or page > 0:
        parts.append(messages.who_page(page + 1, len(starts)))
    return WhoView("\n\n".join(part for part in parts if part), page, has_older)


def render_who_text(person: Person) -> str:
    """Render all of a person's quotes as plain text (what `briefbot who` prints)."""
    lines = html.unescape(_TAG.sub("", _header(person))).splitlines()
    article = None
    for item in person.quotes:
        quote = item.quote
        if quote.article_id != article:
            article = quote.article_id
            site = f" · {quote.site}" if quote.site else ""
            lines += ["", f"{quote.title or 'An article'}{site} · {_date(quote.said_at)}"]
            lines += [f"  {quote.url}"] if quote.url else []
        body = f"“{quote.text}”"
        if quote.kind == "partial":
            body = f"{quote.before} {body} {quote.after}".strip()
        sources = messages.reported_by(item.sources)
        lines.append(f"  - {body}" + (f" ({sources})" if sources else ""))
    return "\n".join(lines) + "\n"
