"""What a message asks for: links to brief, a pasted text, or nothing briefable."""

from __future__ import annotations

import re
from dataclasses import dataclass

from telegram import Message, MessageEntity

__all__ = [
    "MAX_LINKS",
    "MIN_WORDS",
    "TEXT_OVER_LINKS_WORDS",
    "Request",
    "command_request",
    "inline_link",
    "message_request",
]

MAX_LINKS = 3
MIN_WORDS = 80  # a pasted text shorter than this gets a hint, not a brief
TEXT_OVER_LINKS_WORDS = 200  # a text this long is the article, even if it holds links
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_URL_IN_ARGS = re.compile(r"^\S+\.\S+$")
_WEB_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
_BARE_LINK = re.compile(r"^[\w-]+(\.[\w-]+)*\.[a-zA-Z]{2,}(:\d+)?(/\S*)?$")


@dataclass(frozen=True, slots=True)
class Request:
    """What to brief: links (in order, at most MAX_LINKS), or a pasted text, or nothing."""

    links: tuple[str, ...] = ()
    text: str | None = None
    dropped_links: int = 0  # links over MAX_LINKS, left out

    @property
    def empty(self) -> bool:
        """Tell whether there is nothing to brief."""
        return not self.links and self.text is None


def _with_scheme(url: str) -> str:
    return url if _SCHEME.match(url) else f"https://{url}"


def _links(message: Message) -> list[str]:
    kinds: list[str | None] = [MessageEntity.URL, MessageEntity.TEXT_LINK]
    found = (
        message.parse_entities(kinds) if message.text else message.parse_caption_entities(kinds)
    )
    links = []
    for entity, text in sorted(found.items(), key=lambda item: item[0].offset):
        url = entity.url if entity.type == MessageEntity.TEXT_LINK and entity.url else text
        links.append(_with_scheme(url))
    return list(dict.fromkeys(links))


def _prose(text: str, links: list[str], mention: str | None) -> str:
    for piece in [*links, *([mention] if mention else [])]:
        text = text.replace(piece, " ")
    return text.strip()


def _decide(text: str, links: list[str], mention: str | None) -> Request:
    prose = _prose(text, links, mention)
    words = len(prose.split())
    if links and words < TEXT_OVER_LINKS_WORDS:
        return Request(tuple(links[:MAX_LINKS]), None, max(0, len(links) - MAX_LINKS))
    return Request(text=text.strip()) if words >= MIN_WORDS else Request()


def message_request(message: Message, bot_username: str | None = None) -> Request:
    """Read what a message asks to brief (its text or caption, links included)."""
    text = message.text or message.caption or ""
    mention = f"@{bot_username}" if bot_username else None
    return _decide(text, _links(message), mention)


def command_request(message: Message, bot_username: str | None = None) -> Request:
    """Read what a /brief or /quotes command asks for: its arguments, else the replied message."""
    text = message.text or ""
    args = text.split(maxsplit=1)[1].strip() if len(text.split(maxsplit=1)) > 1 else ""
    if args:
        links = _links(message)
        if not links and _URL_IN_ARGS.match(args):
            links = [_with_scheme(args)]
        if links:
            return Request(tuple(links[:MAX_LINKS]), None, max(0, len(links) - MAX_LINKS))
        return Request(text=args) if len(args.split()) >= MIN_WORDS else Request()
    if message.reply_to_message is not None:
        return message_request(message.reply_to_message, bot_username)
    return Request()


def inline_link(query: str) -> str | None:
    """Return the first web link in an inline query ("https://..." or "site.com/..."), or None."""
    for word in query.split():
        word = word.strip("<>()[]\"'")
        if _WEB_SCHEME.match(word) and len(word) > len("https://"):
            return word
        if _BARE_LINK.match(word):
            return _with_scheme(word)
    return None
