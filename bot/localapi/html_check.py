"""Parse Telegram's HTML parse mode exactly as the Bot API does, or say why it would refuse it.

This follows TDLib's `parse_html` (td/telegram/MessageEntity.cpp; its cases are in
test/message_entities.cpp): the supported tags, lenient attributes, `</>` closing the open tag,
unknown named entities such as `&nbsp;` kept as literal text, byte offsets in error messages and
UTF-16 offsets in the entities. `check_message_html` adds what the Bot API checks after parsing
(whitespace trimming, empty text, the 4096-character limit), so renderer tests can use it too.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from bot.localapi.entities import (
    MAX_MESSAGE_LENGTH,
    Entity,
    TextProblem,
    check_link,
    message_length,
    normalize_text,
    sort_entities,
    utf16_len,
)

__all__ = [
    "HtmlParseError",
    "ParsedText",
    "check_html",
    "check_message_html",
    "parse_html",
]

logger = logging.getLogger(__name__)

SUPPORTED_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
        "tg-spoiler", "tg-emoji", "code", "pre", "blockquote",
    }
)  # fmt: skip
SIMPLE_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
SPACES = frozenset(" \t\n\r\f\v")
NAME_STOP = SPACES | {">"}
ATTRIBUTE_STOP = SPACES | {"=", ">"}
TOKEN_CHARS = re.compile(r"[A-Za-z0-9.\-]*")
SURROGATE_ERROR = (
    "Text contains invalid Unicode characters after decoding HTML entities, "
    "check for unmatched surrogate code units"
)


class HtmlParseError(ValueError):
    """The markup is not valid Telegram HTML; the message is what Telegram would say."""


@dataclass(frozen=True, slots=True)
class ParsedText:
    """Plain text and its entities, as Telegram stores a formatted message."""

    text: str
    entities: tuple[Entity, ...]


@dataclass(slots=True)
class _OpenTag:
    name: str
    argument: str
    utf16_start: int
    text_start: int
    expandable: bool = False


@dataclass(slots=True)
class _Parser:
    src: str
    strict: bool = False
    pos: int = 0
    out: list[str] = field(default_factory=list)
    utf16: int = 0
    stack: list[_OpenTag] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    def byte_offset(self, index: int) -> int:
        return len(self.src[:index].encode("utf-8", "surrogatepass"))

    def fail(self, message: str) -> HtmlParseError:
        return HtmlParseError(message)

    def at(self, index: int) -> str:
        return self.src[index] if index < len(self.src) else ""

    def emit(self, chars: str) -> None:
        self.out.append(chars)
        self.utf16 += utf16_len(chars)

    def skip_spaces(self) -> None:
        while self.pos < len(self.src) and self.src[self.pos] in SPACES:
            self.pos += 1

    def run(self) -> ParsedText:
        while self.pos < len(self.src):
            char = self.src[self.pos]
            if char == "&":
                self.emit(self.read_entity())
            elif char == "<":
                self.read_tag()
            else:
                self.emit(char)
                self.pos += 1
        if self.stack:
            raise self.fail(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"'
            )
        text = "".join(self.out)
        if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
            raise self.fail(SURROGATE_ERROR)
        return ParsedText(text, tuple(sort_entities(self.entities)))

    def read_entity(self) -> str:
        decoded, end = decode_html_entity(self.src, self.pos)
        if self.strict and (end == self.pos + 1 or self.src[end - 1] != ";"):
            raise self.fail(
                f'Unescaped "&" at byte offset {self.byte_offset(self.pos)} '
                "(strict check: Telegram keeps it as text, but the text should say &amp;)"
            )
        self.pos = end
        return decoded

    def read_tag(self) -> None:
        begin = self.pos
        self.pos += 1
        if self.at(self.pos) == "/":
            self.close_tag(begin)
        else:
            self.open_tag(begin)

    def read_name(self) -> str:
        start = self.pos
        while self.pos < len(self.src) and self.src[self.pos] not in NAME_STOP:
            self.pos += 1
        return self.src[start : self.pos]

    def open_tag(self, begin: int) -> None:
        offset = self.byte_offset(begin)
        name = self.read_name().lower()
        if self.pos >= len(self.src):
            raise self.fail(f"Unclosed start tag at byte offset {offset}")
        if name not in SUPPORTED_TAGS:
            raise self.fail(f'Unsupported start tag "{name}" at byte offset {offset}')
        tag = _OpenTag(name, "", self.utf16, len("".join(self.out)))
        while self.at(self.pos) != ">":
            self.read_attribute(tag, offset)
        self.pos += 1
        if name == "span" and tag.argument != "spoiler":
            raise self.fail(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
        self.stack.append(tag)

    def read_attribute(self, tag: _OpenTag, offset: int) -> None:
        self.skip_spaces()
        if self.at(self.pos) == ">":
            return
        start = self.pos
        while self.pos < len(self.src) and self.src[self.pos] not in ATTRIBUTE_STOP:
            self.pos += 1
        attribute = self.src[start : self.pos].lower()
        if not attribute:
            raise self.fail(
                f'Empty attribute name in the tag "{tag.name}" at byte offset {offset}'
            )
        self.skip_spaces()
        if self.at(self.pos) != "=":
            if self.pos >= len(self.src):
                raise self.fail(f'Unclosed start tag "{tag.name}" at byte offset {offset}')
            _apply_attribute(tag, attribute, "")
            return
        self.pos += 1
        self.skip_spaces()
        if self.pos >= len(self.src):
            raise self.fail(f'Unclosed start tag "{tag.name}" at byte offset {offset}')
        value = self.read_value()
        if self.pos >= len(self.src):
            raise self.fail(f"Unclosed start tag at byte offset {offset}")
        _apply_attribute(tag, attribute, value)

    def read_value(self) -> str:
        quote = self.src[self.pos]
        if quote not in "'\"":
            start = self.pos
            match = TOKEN_CHARS.match(self.src, start)
            self.pos = match.end() if match else start
            if self.pos >= len(self.src) or self.src[self.pos] not in NAME_STOP:
                raise self.fail(
                    f"Unexpected end of name token at byte offset {self.byte_offset(start)}"
                )
            return self.src[start : self.pos].lower()
        self.pos += 1
        value: list[str] = []
        while self.pos < len(self.src) and self.src[self.pos] != quote:
            if self.src[self.pos] == "&":
                value.append(self.read_entity())
            else:
                value.append(self.src[self.pos])
                self.pos += 1
        self.pos += 1 if self.pos < len(self.src) else 0
        return "".join(value)

    def close_tag(self, begin: int) -> None:
        offset = self.byte_offset(begin)
        if not self.stack:
            raise self.fail(f"Unexpected end tag at byte offset {offset}")
        self.pos += 1
        end_name = self.read_name()
        self.skip_spaces()
        if self.at(self.pos) != ">":
            raise self.fail(f"Unclosed end tag at byte offset {offset}")
        self.pos += 1
        tag = self.stack.pop()
        if end_name and end_name != tag.name:
            raise self.fail(
                f'Unmatched end tag at byte offset {offset}, expected "</{tag.name}>", '
                f'found "</{end_name}>"'
            )
        if self.utf16 > tag.utf16_start:
            self.add_entity(tag)

    def add_entity(self, tag: _OpenTag) -> None:
        start, length = tag.utf16_start, self.utf16 - tag.utf16_start
        last = self.entities[-1] if self.entities else None
        same_span = last is not None and (last.offset, last.length) == (start, length)
        if tag.name in SIMPLE_TYPES:
            self.entities.append(Entity(SIMPLE_TYPES[tag.name], start, length))
        elif tag.name == "tg-emoji":
            if not tag.argument.isdigit() or int(tag.argument) == 0:
                raise self.fail("Invalid custom emoji identifier specified")
            self.entities.append(Entity("custom_emoji", start, length, extra=tag.argument))
        elif tag.name == "blockquote":
            kind = "expandable_blockquote" if tag.expandable else "blockquote"
            self.entities.append(Entity(kind, start, length))
        elif tag.name == "a":
            self.add_link(tag, start, length)
        elif tag.name == "pre" and same_span and last and last.type == "code" and last.extra:
            self.entities[-1] = Entity("pre", start, length, extra=last.extra)
        elif tag.name == "pre":
            self.entities.append(Entity("pre", start, length))
        elif same_span and last and last.type == "pre" and tag.argument:
            self.entities[-1] = Entity("pre", start, length, extra=tag.argument)
        else:
            self.entities.append(Entity("code", start, length, extra=tag.argument))

    def add_link(self, tag: _OpenTag, start: int, length: int) -> None:
        url = tag.argument or "".join(self.out)[tag.text_start :]
        user = re.fullmatch(r"tg://user\?id=(\d+)", url.strip())
        if user:
            self.entities.append(Entity("text_mention", start, length, extra=user.group(1)))
            return
        link = check_link(url)
        if link is not None:
            self.entities.append(Entity("text_link", start, length, extra=link))


def _apply_attribute(tag: _OpenTag, attribute: str, value: str) -> None:
    if tag.name == "a" and attribute == "href":
        tag.argument = value
    elif tag.name == "code" and attribute == "class" and value.startswith("language-"):
        tag.argument = value.removeprefix("language-")
    elif tag.name == "span" and attribute == "class" and value.startswith("tg-"):
        tag.argument = value.removeprefix("tg-")
    elif tag.name == "tg-emoji" and attribute == "emoji-id":
        tag.argument = value
    elif tag.name == "blockquote" and attribute == "expandable":
        tag.expandable = True


def decode_html_entity(src: str, pos: int) -> tuple[str, int]:
    """Decode the entity at `src[pos]` (an `&`); unknown ones stay literal, as in TDLib."""
    numeric = re.compile(r"#x([0-9A-Fa-f]*)|#([0-9]*)|([A-Za-z]*)").match(src, pos + 1)
    assert numeric is not None  # the pattern can match the empty string
    end = numeric.end()
    hex_digits, dec_digits, name = numeric.groups()
    if hex_digits is not None or dec_digits is not None:
        digits = hex_digits if hex_digits is not None else dec_digits
        code = int(digits, 16 if hex_digits is not None else 10) if digits else 0
        if code == 0 or code >= 0x10FFFF or end - pos >= 10:
            return "&", pos + 1
        decoded = chr(code)
    elif name in NAMED_ENTITIES:
        decoded = NAMED_ENTITIES[name]
    else:
        return "&", pos + 1
    return decoded, end + 1 if src[end : end + 1] == ";" else end


def parse_html(markup: str, strict: bool = False) -> ParsedText:
    """Turn Telegram HTML into plain text and entities, or raise `HtmlParseError`.

    With `strict`, an `&` that does not start a supported entity ending in `;` is an error too:
    Telegram keeps it as text, but a renderer that leaves it unescaped can turn "&lt;" in an
    article into "<".
    """
    return _Parser(markup, strict).run()


def check_html(markup: str, strict: bool = False) -> str | None:
    """Return Telegram's parse error for this markup, or None when it parses."""
    try:
        parse_html(markup, strict)
    except HtmlParseError as exc:
        return str(exc)
    return None


def check_message_html(
    markup: str, limit: int = MAX_MESSAGE_LENGTH, strict: bool = False
) -> str | None:
    """Return the Bot API's error for sending this HTML as a message, or None when it is fine."""
    try:
        parsed = parse_html(markup, strict)
        text, _ = normalize_text(parsed.text, list(parsed.entities))
    except HtmlParseError as exc:
        return f"Bad Request: can't parse entities: {exc}"
    except TextProblem as exc:
        return str(exc)
    if message_length(text) > limit:
        return "Bad Request: message is too long"
    return None
