"""Text cleanup: drop scraping debris from pasted text, find the title, keep paragraphs.

Cleanup only ever blanks whole lines: a dropped line (debris, the headline and its
copies) is replaced by as many line breaks as it had characters. Every kept line stays
as the user sent it, at the same offsets, so an offset into the cleaned text is also an
offset into the original, and a quote's offsets mean the same in both.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Cleaned", "clean_text", "fold_line"]

# Whole lines that are navigation, promotion or share prompts rather than article text.
_DEBRIS_LINES = re.compile(
    r"""^(?:
        also\ read|read\ (?:more|also|next|this\ next)|related(?:\ (?:articles?|stories|coverage))?
        |more\ from\ .{1,40}|recommended(?:\ for\ you)?|trending(?:\ now)?|popular|most\ read
        |others\ are\ reading(?:\ now)?|what\ others\ are\ reading|you\ (?:may|might)\ also\ like
        |advertisement|advertising|sponsored(?:\ content)?
        |story\ continues\ below(?:\ advertisement)?|continue\ reading(?:\ below)?
        |skip\ to\ (?:main\ )?content|back\ to\ top|scroll\ (?:down|to\ continue)
        |share(?:\ (?:this|the)\ (?:article|story|post))?:?|share\ on\ \w+
        |tweet|email|print|comments?
        |sign\ up(?:\ for\ .{1,60})?|subscribe(?:\ now|\ to\ .{1,60})?|follow\ us(?:\ on\ .{1,40})?
        |loading(?:\.\.\.|…)?|image|photo|video|watch|listen|close|menu|search|home|homepage
        |click\ here.{0,60}|download\ (?:the|our)\ app.{0,40}|newsletter.{0,40}
    )[.:!]?$""",
    re.IGNORECASE | re.VERBOSE,
)
# Lines that ask for a share, a like or a comment, wherever the prompt sits in the line.
_SHARE_PROMPT = re.compile(
    r"\b(?:share (?:it|this|the article|the story)|did you (?:find|like|enjoy) (?:the|this) "
    r"(?:article|story)|leave a comment|like us on|follow us on|sign up for our newsletter)\b",
    re.IGNORECASE,
)
# Breadcrumb trails: "Homepage News ...", "Home > World > Europe", "Home » Politics".
_BREADCRUMB = re.compile(
    r"^(?:home(?:page)?\s*(?:[>»/|›]\s*)?(?:news|world|politics)\b|home\s*[>»/|›])", re.IGNORECASE
)
_CSS_LINE = re.compile(
    r"^(?:[.#]?[\w-]+(?:[ ,.#>:-]+[\w-]+)*\s*\{|[\w-]+\s*:\s*[^:]{1,60};|\})\s*$"
)
_SENTENCE_END = re.compile(r"[.!?…\"”’)]$")
_MAX_TITLE_WORDS = 30


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Pasted text with its debris dropped, and the title found in it."""

    text: str
    title: str | None
    dropped: tuple[str, ...]


def fold_line(line: str) -> str:
    """Fold a line for comparison: NFKC, lower case, words only."""
    folded = unicodedata.normalize("NFKC", line).casefold()
    return " ".join(re.findall(r"\w+", folded))


def _is_debris(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    return bool(
        _DEBRIS_LINES.match(stripped)
        or (_SHARE_PROMPT.search(stripped) and len(stripped.split()) <= 20)
        or _CSS_LINE.match(stripped)
    )


def _strip_breadcrumb(line: str, title_key: str | None) -> bool:
    """Tell whether a line is a breadcrumb trail, possibly followed by the headline."""
    stripped = line.strip()
    if not _BREADCRUMB.match(stripped):
        return False
    words = stripped.split()
    return len(words) <= 6 or bool(title_key and fold_line(stripped).endswith(title_key))


def _title_candidate(lines: list[str]) -> str | None:
    """Pick the headline: the first short line, preferring one repeated near the top."""
    top = [
        ln.strip()
        for ln in lines[:12]
        if ln.strip() and not _is_debris(ln) and not _strip_breadcrumb(ln, None)
    ]
    keys = [fold_line(ln) for ln in top]
    for line, key in zip(top, keys, strict=True):
        if key and keys.count(key) > 1 and len(line.split()) <= _MAX_TITLE_WORDS:
            return line
    for line, key in zip(top, keys, strict=True):
        if any(k != key and k.endswith(key) and len(key) > 20 for k in keys):
            return line
    if not top:
        return None
    first = top[0]
    if len(first.split()) <= _MAX_TITLE_WORDS and not _looks_like_body(first):
        return first
    return None


def _looks_like_body(line: str) -> bool:
    """Tell whether a line reads like a body paragraph rather than a headline."""
    words = line.split()
    return (
        len(words) > 22
        or ". " in line.strip()
        or (len(words) > 14 and line.rstrip().endswith("."))
    )


def _kept_lines(lines: list[str], title: str | None) -> tuple[list[bool], list[str]]:
    """Decide for every line whether it stays; return the decisions and the dropped lines."""
    title_key = fold_line(title) if title else None
    keep: list[bool] = []
    dropped: list[str] = []
    for line in lines:
        key = fold_line(line)
        drop = _is_debris(line) or _strip_breadcrumb(line, title_key)
        if not drop and title_key and key == title_key:
            # The headline is the title, not body text; scrapers often repeat it too.
            drop = True
        keep.append(not drop)
        if drop and line.strip():
            dropped.append(line.strip())
    return keep, dropped


def clean_text(raw: str, find_title: bool = True) -> Cleaned:
    """Drop debris lines from pasted text and find its title; kept lines stay verbatim."""
    lines = raw.splitlines(keepends=True)
    title = _title_candidate(lines) if find_title else None
    keep, dropped = _kept_lines(lines, title)
    text = "".join(
        line if kept else "\n" * len(line) for line, kept in zip(lines, keep, strict=True)
    )
    if title and not text.strip():
        # A text that is one short line is body text, not a headline.
        return Cleaned(text=raw, title=None, dropped=())
    return Cleaned(text=text, title=_title_text(title), dropped=tuple(dropped))


def _title_text(title: str | None) -> str | None:
    """The headline as shown: without the full stop some sources add to it."""
    if not title:
        return None
    title = title.strip()
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title
