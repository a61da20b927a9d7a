"""Rules around extraction: boilerplate lines, paywall signals, completeness and language.

Pure functions over text and parsed trees; `bot.links.extract` calls them. Every rule here is
general (no site names): labels such as "Related:" or "Read more:", calls to follow or
subscribe, and the schema.org paywall markup that news sites publish for search engines.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement  # type: ignore[import-untyped]

__all__ = [
    "PaywallSignals",
    "clean_lines",
    "completeness",
    "has_prose",
    "page_language",
    "paywall_signals",
]

# A page marked as paywalled whose body is shorter than this is a teaser.
TEASER_WORDS = 350
# A body under half the length the page announces is incomplete (and at least this many words
# short, so that a rounding in the page's word count does not matter).
MISSING_WORDS = 100
# An article has at least one line of this many words (a list of links has none).
PROSE_MIN_WORDS = 8
# Lines with more words than this are prose, never a boilerplate label.
LABEL_MAX_WORDS = 30

_WORD = re.compile(r"\w+")
# A line that is only a label, e.g. "Related stories", "Comments", "12 comments", "DON'T MISS".
_LABEL_LINE = re.compile(
    r"^(?:related(?: \w+)?|read (?:more|next|also)|see (?:more|also)|more(?: stories)?|also"
    r"|you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular|viewed)(?: .*)?"
    r"|don'?t miss|trending(?: now)?|comments?|\d+ comments?|tags|share(?: this(?: \w+)?)?"
    r"|advertisement|sponsored|top stories)\W*$",
    re.IGNORECASE,
)
# A line that starts with a label and a colon, e.g. "Read more: ...", "Also on example.com ...".
_LABEL_PREFIX = re.compile(
    r"^(?:related(?: \w+)?|read (?:more|next|also)|see (?:more|also)|also read|more|also"
    r"|watch|listen|download|click here|related coverage)\s*:",
    re.IGNORECASE,
)
# Calls to act: follow, subscribe, sign up, share.
_CALL_TO_ACTION = re.compile(
    r"^(?:follow (?:us|me|him|her|them|\S+) on (?:twitter|facebook|instagram|linkedin)"
    r"|(?:sign up|subscribe) (?:to|for|now)|get the latest .* inbox|like this (?:story|article)\?"
    r"|tell us what you think|click here to|copyright ©|© \d{4}|all rights reserved)",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*[-*+] ")
# Class or id names that sites give to paywall and subscriber-only boxes.
_PAYWALL_NAMES = re.compile(
    r"paywall|pay-wall|subscriber-only|subscribers-only|premium-content|regwall|meter-?wall"
    r"|locked-content|article-locked|tp-modal|piano-offer",
    re.IGNORECASE,
)
# What a paywall box says (a site-wide login widget named "paywall-..." does not say it).
_SUBSCRIBE_TEXT = re.compile(
    r"subscri(?:be|ption|ber)|continue reading|read the full|members? only", re.IGNORECASE
)
_BOX_TAGS = ("div", "section", "article", "aside", "p")
_FALSE_VALUES = (False, "false", "False", "FALSE", "no")


@dataclass(frozen=True, slots=True)
class PaywallSignals:
    """What a page says about its own paywall and length."""

    paywalled: bool = False
    expected_words: int | None = None


def clean_lines(text: str, title: str | None) -> str:
    """Drop boilerplate lines and a leading copy of the title; keep blank-line paragraphs."""
    kept: list[str] = []
    after_label = False
    for block in _paragraphs(text):
        lines = block.split("\n")
        if all(_LIST_ITEM.match(line) for line in lines):
            items = [] if after_label else [line for line in lines if not _is_label(line)]
            kept.extend(["\n".join(items)] if items else [])
            continue
        after_label = _is_label(block)
        if after_label or (not kept and title and _same_words(block, title)):
            continue
        kept.append(block)
    return "\n\n".join(kept)


def has_prose(text: str) -> bool:
    """Tell whether a text holds at least one sentence-length line, not only labels or links."""
    return any(len(_WORD.findall(line)) >= PROSE_MIN_WORDS for line in text.splitlines())


def completeness(text: str, signals: PaywallSignals) -> tuple[bool, tuple[str, ...]]:
    """Say whether the text is the whole article, with a warning for the reader if not."""
    words = len(text.split())
    expected = signals.expected_words
    if expected and expected >= 2 * words and expected - words >= MISSING_WORDS:
        return False, (
            f"Only the first {words} words were available "
            f"(the page says the article has about {expected} words).",
        )
    if signals.paywalled and words < TEASER_WORDS:
        return False, (
            f"Only the first {words} words were available (the page looks like a paywall teaser).",
        )
    return True, ()


def paywall_signals(tree: HtmlElement) -> PaywallSignals:
    """Read paywall markers and the announced length from JSON-LD, meta tags and class names."""
    paywalled, expected = False, 0
    for item in _json_ld_objects(tree):
        if item.get("isAccessibleForFree") in _FALSE_VALUES:
            paywalled = True
        expected = max(expected, _announced_words(item))
    tier = tree.xpath('string(//meta[@property="article:content_tier"]/@content)')
    if str(tier).strip().lower() == "locked":
        paywalled = True
    if not paywalled:
        paywalled = any(_is_paywall_box(element) for element in tree.iter(*_BOX_TAGS))
    return PaywallSignals(paywalled=paywalled, expected_words=expected or None)


def _is_paywall_box(element: HtmlElement) -> bool:
    """Tell whether an element is named like a paywall box and asks the reader to subscribe."""
    names = element.get("class", "") + " " + element.get("id", "")
    return bool(_PAYWALL_NAMES.search(names)) and bool(
        _SUBSCRIBE_TEXT.search(element.text_content()[:2000])
    )


def page_language(tree: HtmlElement) -> str | None:
    """Return the page's declared language as a lower-case code such as "en", if any."""
    candidates = [tree.getroottree().getroot().get("lang", "")]
    candidates += tree.xpath(
        "//meta[@http-equiv='content-language']/@content|//meta[@property='og:locale']/@content"
    )
    for raw in candidates:
        code = re.split(r"[-_,;\s]", str(raw).strip(), maxsplit=1)[0].lower()
        if re.fullmatch(r"[a-z]{2,3}", code):
            return code
    return None


def _paragraphs(text: str) -> Iterator[str]:
    """Yield the non-empty paragraphs of Markdown text, without trailing spaces on lines."""
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if lines:
            yield "\n".join(lines)


def _is_label(block: str) -> bool:
    """Tell whether a paragraph is a boilerplate label or call to action, not prose."""
    line = block.lstrip("#>-*+ ").strip()
    if len(_WORD.findall(line)) > LABEL_MAX_WORDS:
        return False
    return bool(
        _LABEL_LINE.match(line)
        or _LABEL_PREFIX.match(line)
        or _CALL_TO_ACTION.match(line)
        or _URL_ONLY.match(line)
    )


def _same_words(block: str, title: str) -> bool:
    """Tell whether a paragraph repeats the title (maybe without the site name after it)."""
    words, title_words = _WORD.findall(block.lower()), _WORD.findall(title.lower())
    if not words:
        return False
    return words == title_words or (len(words) >= 3 and title_words[: len(words)] == words)


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, object]]:
    """Yield every JSON object inside the page's JSON-LD scripts, nested ones included."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # broken or absurdly nested JSON: no signal
            continue
        yield from _walk_json(data)


def _walk_json(data: object) -> Iterator[dict[str, object]]:
    """Yield the dictionaries in a parsed JSON value (iteratively: depth is up to the page)."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list):
            stack.extend(reversed(value))


def _announced_words(item: dict[str, object]) -> int:
    """Return the word count a JSON-LD article announces (wordCount or articleBody), or 0."""
    count = item.get("wordCount")
    if isinstance(count, int | str) and str(count).strip().isdigit():
        return int(count)
    body = item.get("articleBody")
    return len(body.split()) if isinstance(body, str) else 0
