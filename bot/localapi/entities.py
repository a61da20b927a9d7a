"""Message entities as the Bot API sends them: UTF-16 offsets, trimming, links found in text.

Text is normalized like TDLib's `fix_formatted_text`: carriage returns and a few invisible
characters are dropped, control characters become spaces, entities holding only whitespace are
removed, and the text is trimmed (leading whitespace only up to the first entity). The message
length limit counts Unicode code points (TDLib compares `utf8_length(text)` with
`message_text_length_max`), while entity offsets count UTF-16 code units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

__all__ = [
    "MAX_MESSAGE_LENGTH",
    "Entity",
    "TextProblem",
    "check_link",
    "entities_from_json",
    "entities_to_json",
    "find_auto_entities",
    "message_length",
    "normalize_text",
    "sort_entities",
    "utf16_len",
]

MAX_MESSAGE_LENGTH = 4096
# TDLib's type priorities, used to order entities that share offset and length.
PRIORITY = {
    "blockquote": 0, "expandable_blockquote": 0, "pre": 11, "code": 20, "text_link": 49,
    "text_mention": 49, "url": 50, "email": 50, "mention": 50, "hashtag": 50, "cashtag": 50,
    "bot_command": 50, "phone_number": 50, "bold": 90, "italic": 91, "underline": 92,
    "strikethrough": 93, "spoiler": 94, "custom_emoji": 99,
}  # fmt: skip
EXTRA_FIELD = {
    "text_link": "url",
    "pre": "language",
    "custom_emoji": "custom_emoji_id",
    "text_mention": "user",
}
# Found entities never overlap these (TDLib drops found entities that intersect them).
OPAQUE_TYPES = frozenset({"code", "pre", "text_link", "text_mention", "custom_emoji"})
DROPPED_CHARS = frozenset("\r\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u0333\u033f\u030a")
TRIMMED = frozenset(" \n\t")
TLDS = (
    "com|org|net|io|co|uk|de|fr|ru|info|news|biz|gov|edu|me|tv|app|dev|ai|eu|us|ca|au|nl|"
    "it|es|ch|se|no|pl|jp|cn|in|br|ly|gl|to|be|at|dk|fi|ie|nz|online|site|blog|int"
)
AUTO_PATTERNS = (
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}(?![\w@])")),
    ("url", re.compile(r"(?<![\w@])(?:https?|ftp|tg|ton)://[^\s<>\"]+", re.IGNORECASE)),
    (
        "url",
        re.compile(
            rf"(?<![\w@./-])(?:[A-Za-z0-9-]+\.)+(?:{TLDS})(?::\d{{1,5}})?(?:[/?#][^\s<>\"]*)?"
            r"(?![\w-])",
            re.IGNORECASE,
        ),
    ),
    (
        "bot_command",
        re.compile(r"(?<![\w/<>])/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/<>@])"),
    ),
    ("mention", re.compile(r"(?<![\w@])@[A-Za-z0-9_]{3,32}(?![\w@])")),
    ("hashtag", re.compile(r"(?<![\w#])#\w*[^\W\d]\w*")),
)


class TextProblem(ValueError):
    """The text can't be sent; the message is the Bot API's error description."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One message entity; `extra` holds its url, language, custom emoji id or user id."""

    type: str
    offset: int
    length: int
    extra: str = ""

    def to_json(self) -> dict[str, Any]:
        """Return the entity as a Bot API MessageEntity object."""
        data: dict[str, Any] = {"type": self.type, "offset": self.offset, "length": self.length}
        field_name = EXTRA_FIELD.get(self.type)
        if field_name == "user":
            data["user"] = {"id": int(self.extra), "is_bot": False, "first_name": ""}
        elif field_name and self.extra:
            data[field_name] = self.extra
        return data


def utf16_len(text: str) -> int:
    """Count UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def message_length(text: str) -> int:
    """Count characters as the Bot API does for the 4096 limit (Unicode code points)."""
    return len(text)


def sort_entities(entities: list[Entity]) -> list[Entity]:
    """Order entities by offset, longer first, then by TDLib's type priority."""
    return sorted(entities, key=lambda e: (e.offset, -e.length, PRIORITY.get(e.type, 50)))


def check_link(url: str) -> str | None:
    """Return the link Telegram would store for an `<a href>` or text_link, or None if invalid."""
    if not url or any(char.isspace() or ord(char) < 32 for char in url):
        return None
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", url)
    if scheme and scheme.group(1).lower() in {"tg", "ton"}:
        return url
    if scheme is None:
        url = "http://" + url
    elif scheme.group(1).lower() not in {"http", "https"}:
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if not host or ("." not in host and host != "localhost"):
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", *parts[3:]))


def entities_to_json(entities: list[Entity] | tuple[Entity, ...]) -> list[dict[str, Any]]:
    """Return entities as a list of Bot API MessageEntity objects."""
    return [entity.to_json() for entity in entities]


def entities_from_json(text: str, raw: Any) -> list[Entity]:
    """Read an `entities` parameter, checking it against the text, or raise `TextProblem`."""
    if not isinstance(raw, list):
        raise TextProblem("Bad Request: can't parse entities JSON object")
    limit = utf16_len(text)
    entities = [_entity_from_json(item, limit) for item in raw]
    return sort_entities([entity for entity in entities if entity.length > 0])


def _entity_from_json(item: Any, limit: int) -> Entity:
    if not isinstance(item, dict) or item.get("type") not in PRIORITY:
        raise TextProblem("Bad Request: can't parse entities: unsupported entity type")
    offset, length = item.get("offset"), item.get("length")
    if not isinstance(offset, int) or not isinstance(length, int) or offset < 0 or length < 0:
        raise TextProblem("Bad Request: can't parse entities: wrong entity offset or length")
    if offset + length > limit:
        raise TextProblem("Bad Request: can't parse entities: entity is out of the text bounds")
    kind = str(item["type"])
    extra = item.get(EXTRA_FIELD.get(kind, ""), "")
    if kind == "text_mention":
        extra = str(extra.get("id", "")) if isinstance(extra, dict) else ""
    if kind == "text_link":
        extra = check_link(str(extra)) or ""
        if not extra:
            raise TextProblem("Bad Request: can't parse entities: wrong HTTP URL")
    return Entity(kind, offset, length, str(extra or ""))


def _utf16_index(text: str) -> dict[int, int]:
    """Map each UTF-16 offset that starts a character (and the end) to its code point index."""
    index: dict[int, int] = {}
    offset = 0
    for position, char in enumerate(text):
        index[offset] = position
        offset += 2 if ord(char) > 0xFFFF else 1
    index[offset] = len(text)
    return index


def _to_spans(text: str, entities: list[Entity]) -> list[tuple[Entity, int, int]]:
    index = _utf16_index(text)
    spans = []
    for entity in entities:
        start, end = index.get(entity.offset), index.get(entity.offset + entity.length)
        if start is None or end is None:
            raise TextProblem(
                "Bad Request: can't parse entities: entity begins or ends in the middle "
                f"of a UTF-16 symbol at UTF-16 offset {entity.offset}"
            )
        spans.append((entity, start, end))
    return spans


def _from_spans(text: str, spans: list[tuple[Entity, int, int]]) -> list[Entity]:
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + (2 if ord(char) > 0xFFFF else 1))
    return sort_entities(
        [
            Entity(entity.type, offsets[start], offsets[end] - offsets[start], entity.extra)
            for entity, start, end in spans
            if end > start
        ]
    )


def normalize_text(text: str, entities: list[Entity]) -> tuple[str, list[Entity]]:
    """Clean and trim a message text as Telegram does, or raise `TextProblem` if it ends empty."""
    spans = _to_spans(text, entities)
    kept: list[str] = []
    new_index = []
    for char in text:
        new_index.append(len(kept))
        if char in DROPPED_CHARS:
            continue
        kept.append(" " if ord(char) < 32 and char not in "\n\t" else char)
    new_index.append(len(kept))
    cleaned = "".join(kept)
    moved = [(e, new_index[s], new_index[t]) for e, s, t in spans]
    moved = [(e, s, t) for e, s, t in moved if cleaned[s:t].strip(" \n\t")]
    end = len(cleaned.rstrip(" \n\t"))
    if end == 0:
        raise TextProblem("Bad Request: message text is empty")
    moved = [(e, s, min(t, end)) for e, s, t in moved]
    first_entity = min((s for _, s, _ in moved), default=end)
    start = 0
    while start < first_entity and cleaned[start] in TRIMMED:
        start += 1
    shifted = [(e, s - start, t - start) for e, s, t in moved]
    return cleaned[start:end], _from_spans(cleaned[start:end], shifted)


def find_auto_entities(text: str, existing: list[Entity]) -> list[Entity]:
    """Find the urls, emails, mentions, hashtags and bot commands Telegram marks by itself."""
    taken = [(s, t) for e, s, t in _to_spans(text, existing) if e.type in OPAQUE_TYPES]
    found: list[tuple[Entity, int, int]] = []
    for kind, pattern in AUTO_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.start(), match.start() + len(_trim_url(match.group()))
            if any(s < end and start < t for s, t in taken):
                continue
            taken.append((start, end))
            found.append((Entity(kind, 0, 0), start, end))
    return _from_spans(text, found)


def _trim_url(candidate: str) -> str:
    """Drop trailing punctuation a URL rarely ends with, keeping balanced parentheses."""
    while candidate and (
        candidate[-1] in ".,:;!?'\""
        or (candidate[-1] == ")" and candidate.count("(") < candidate.count(")"))
    ):
        candidate = candidate[:-1]
    return candidate
