"""Rendering a digest as Telegram HTML messages: pure, so it is easy to test.

Each story: its title (linked), the site and how many sources carry it, one line, its
strongest quote with the speaker, and "also in" the other outlets (linked).
Then "Voices": the most telling quotes across the articles, a quote carried by several
outlets once with "reported by N sources". Parts stay within 4096 visible characters and
each is valid HTML on its own; the last part carries one "Open" button per article, which
sends that article's full brief.
"""

from __future__ import annotations

import html

from bot.briefing.render import TELEGRAM_LIMIT, visible_length
from bot.follow.digest import Digest, DigestItem, DigestPart, Source, Voice
from handlers import messages

__all__ = ["MAX_QUOTE_CHARS", "open_data", "render_digest"]

MAX_QUOTE_CHARS = 600
MAX_ALSO = 5  # outlets named under a story; the rest are counted


def open_data(brief_id: int) -> str:
    """Return the callback data of the button that opens a brief (under 64 bytes)."""
    return f"o:{brief_id}"


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _quote(text: str) -> str:
    if len(text) > MAX_QUOTE_CHARS:
        text = text[: MAX_QUOTE_CHARS - 1].rsplit(" ", 1)[0] + " …"
    return f"“{_e(text)}”"


def _item(number: int, item: DigestItem) -> str:
    title = _e(item.title)
    if item.url:
        title = f'<a href="{html.escape(item.url)}">{title}</a>'
    site = f" · {_e(item.site)}" if item.site else ""
    count = f" · {messages.sources_count(item.sources)}" if item.sources > 1 else ""
    lines = [f"<b>{number}. {title}</b>{site}{count}"]
    if item.line:
        lines.append(f"<i>{_e(item.line)}</i>")
    if item.quote:
        lines.append(f"{_quote(item.quote)} — <b>{_e(item.speaker or 'unattributed')}</b>")
    if item.also:
        names = [_source(source) for source in item.also[:MAX_ALSO]]
        more = len(item.also) - MAX_ALSO
        names += [messages.more_sources(more)] if more > 0 else []
        lines.append(f"{messages.ALSO_IN} {', '.join(names)}")
    return "\n".join(lines)


def _source(source: Source) -> str:
    if source.url:
        return f'<a href="{html.escape(source.url)}">{_e(source.name)}</a>'
    return _e(source.name)


def _voice(voice: Voice) -> str:
    sources = messages.reported_by(voice.sources)
    note = f" <i>({sources})</i>" if sources else ""
    return f"• <b>{_e(voice.speaker)}</b>: {_quote(voice.text)}{note}"


def _blocks(digest: Digest) -> list[str]:
    blocks = [messages.digest_header(digest.topic, len(digest.items))]
    blocks += [_item(n, item) for n, item in enumerate(digest.items, start=1)]
    if digest.voices:
        voices = "\n".join(_voice(voice) for voice in digest.voices)
        blocks.append(f"<b>{messages.VOICES}</b>\n{voices}")
    if digest.skipped:
        blocks.append(messages.digest_left_out(digest.skipped))
    return blocks


def _pack(blocks: list[str], limit: int) -> list[str]:
    parts: list[str] = []
    current = ""
    for block in blocks:
        candidate = f"{current}\n\n{block}" if current else block
        if visible_length(candidate) <= limit or not current:
            current = candidate
        else:
            parts.append(current)
            current = block
    return [*parts, current] if current else parts


def _buttons(digest: Digest) -> tuple[tuple[str, str], ...]:
    return tuple(
        (
            messages.button_label(f"{messages.BUTTON_OPEN} {n}.", item.title),
            open_data(item.brief_id),
        )
        for n, item in enumerate(digest.items, start=1)
    )


def render_digest(digest: Digest, limit: int = TELEGRAM_LIMIT) -> list[DigestPart]:
    """Render a digest as messages; the buttons go under the last one."""
    texts = _pack(_blocks(digest), limit)
    buttons = _buttons(digest)
    return [
        DigestPart(text, buttons if n == len(texts) else ())
        for n, text in enumerate(texts, start=1)
    ]
