"""The text on each side of a quote, and the cues in it that need no speech verb.

A window is the unquoted text before or after a quote within its paragraph and sentence;
`According to X, "..."`, `Name: "..."` and `"..." — Name` name a speaker without a verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from bot.briefing.cleanup import dateline_length

__all__ = [
    "Window",
    "according_to",
    "colon_source",
    "dash_source",
    "dateline_tokens",
    "ends_with",
    "windows_of",
]

_SENTENCE_END = frozenset({".", "!", "?"})
_DASHES = frozenset({"—", "―", "–", "-", "--"})


@dataclass(frozen=True, slots=True)
class Window:
    """Unquoted tokens on one side of a quote, within its paragraph and sentence."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    side: str  # "before" or "after"


def dateline_tokens(doc: Doc) -> set[int]:
    """The tokens of the datelines opening paragraphs ("LONDON (AP) —"): never a speaker.

    The parser often makes the dateline the subject of the lede's verb (issue 10).
    """
    text = doc._.brief_text
    found: set[int] = set()
    for lo, _hi in doc._.brief_paragraphs:
        length = dateline_length(text, lo)
        span = doc.char_span(lo, lo + length, alignment_mode="expand") if length else None
        if span is not None:
            found.update(range(span.start, span.end))
    return found


def windows_of(
    doc: Doc, quoted: list[bool], first: int, last: int, lo: int, hi: int
) -> tuple[Window, Window]:
    """Return the unquoted windows before and after the quote tokens [first, last)."""
    start = first
    while start > lo and not quoted[start - 1] and doc[start - 1].text not in _SENTENCE_END:
        start -= 1
    end = last
    while end < hi and not quoted[end]:
        end += 1
        if doc[end - 1].text in _SENTENCE_END and end - last > 1:
            break
    return Window(start, first, "before"), Window(last, end, "after")


def ends_with(doc: Doc, window: Window, marks: str) -> bool:
    """Tell whether the unquoted text of a before-window ends with one of these marks."""
    if window.end <= window.start:
        return False
    text = doc[window.start : window.end].text.rstrip(" \n“\"‘'«„")
    return bool(text) and text[-1] in marks


def according_to(doc: Doc, window: Window) -> Token | None:
    """Find `According to X, "..."`: the head of X."""
    for tok in doc[window.start : window.end]:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            return next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
    return None


def colon_source(doc: Doc, window: Window) -> Token | None:
    """Find `Name: "..."` or `X's response was: "..."`: the name nearest the colon."""
    toks = [t for t in doc[window.start : window.end] if not t.is_space and not t.is_quote]
    if not toks or not ends_with(doc, window, ":") or len(toks) > 16:
        return None
    names = [t for t in toks if t.ent_type_ in ("PERSON", "ORG", "NORP") or t.pos_ == "PROPN"]
    people = [t for t in names if t.ent_type_ == "PERSON"]
    candidates = people or names
    return candidates[-1] if candidates else None


def dash_source(doc: Doc, window: Window) -> Token | None:
    """`"..." — Name` after a quote."""
    toks = [t for t in doc[window.start : window.end] if not t.is_space]
    if not toks or toks[0].text not in _DASHES:
        return None
    names = [t for t in toks[1:6] if t.pos_ == "PROPN"]
    return names[-1] if names else None
