"""Find quoted spans by their quote marks, including marks lost in scraping.

This pass works on plain text, before and without the parser: it pairs quote marks
paragraph by paragraph and returns the spans between them. Deciding which spans are speech
and who said them is the job of `quotes` and `speakers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "MarkedSpan",
    "find_marked_spans",
    "fold_doubled_marks",
    "paragraph_bounds",
    "with_closing_mark",
]

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_STRAIGHT = '"'
_DOUBLE = _OPEN_DOUBLE + _CLOSE_DOUBLE + _STRAIGHT
_OPEN_CONTEXT = set(" \t\n([{—–-/:;,")
_CLOSE_CONTEXT = set(" \t\n)]}.,;:!?—–-/…")
_WORD = re.compile(r"\w")
# AP style writes double marks as two single ones: ‘‘...’’ or ``...'' (issue 10).
_DOUBLED = re.compile(r"’’|‘‘|``|''")
_ANY_DOUBLE = re.compile(r"’’|‘‘|``|''|[“”\"]")


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """The text between a pair of quote marks (or a mark and a paragraph edge)."""

    start: int
    end: int
    paragraph: int
    opened: bool  # an opening mark was found (False: lost in scraping, or paragraph start)
    closed: bool  # a closing mark was found (False: runs to the paragraph end)
    single: bool = False  # single quote marks (British style or nested)


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of every non-blank line; a line is a paragraph."""
    bounds = []
    for match in re.finditer(r"[^\n]+", text):
        segment = match.group()
        if segment.strip():
            lead = len(segment) - len(segment.lstrip())
            bounds.append((match.start() + lead, match.start() + len(segment.rstrip())))
    return bounds


def _direction(text: str, i: int) -> str:
    """Classify a double mark as 'open', 'close' or 'either' from its neighbours."""
    char = text[i]
    if char in _OPEN_DOUBLE:
        return "open"
    if char in _CLOSE_DOUBLE:
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in _OPEN_CONTEXT or (before in _DOUBLE and after not in " \n")
    closes = after in _CLOSE_CONTEXT or after in _DOUBLE or after == "'" or after == "’"
    if opens and after not in " \t\n" and not closes:
        return "open"
    if closes and before not in " \t\n" and not opens:
        return "close"
    return "either"


def _opens_by_context(text: str, i: int) -> bool:
    """A mistyped closing mark that sits where an opening one belongs ('said: ”We')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "(:—–") and after.isalnum()


def _closes_by_context(text: str, i: int, hi: int) -> bool:
    """A mistyped opening mark that sits where a closing one belongs ('said,“ he')."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < hi else " "
    if text[i] == _STRAIGHT and before in ",.!?":
        return True  # 'audiences,"Katie Lee said': the space after the quote was lost
    return not before.isspace() and (after.isspace() or after in ".,;:!?)")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pair_double(text: str, lo: int, hi: int, par: int) -> list[MarkedSpan]:
    """Pair the double quote marks of one paragraph."""
    marks = [i for i in range(lo, hi) if text[i] in _DOUBLE]
    spans: list[MarkedSpan] = []
    open_at: int | None = None
    for n, i in enumerate(marks):
        kind = _direction(text, i)
        if open_at is None:
            opens = _opens_by_context(text, i)
            if kind == "close" and n == 0 and _WORD.search(text, lo, i) and not opens:
                # The opening mark was lost: the quote runs from the paragraph start.
                spans.append(MarkedSpan(*_trimmed(text, lo, i), par, False, True))
            elif kind != "close" or text[i] == _STRAIGHT or opens or not _WORD.search(text, lo, i):
                # A closing mark at the paragraph start is a mistyped opening mark.
                open_at = i
            continue
        if kind == "open" and not _closes_by_context(text, i, hi):
            # A new opening mark inside a quote: the previous closing mark was lost.
            spans.append(MarkedSpan(*_trimmed(text, open_at + 1, i), par, True, False))
            open_at = i
            continue
        spans.append(MarkedSpan(*_trimmed(text, open_at + 1, i), par, True, True))
        open_at = None
    if open_at is not None:
        spans.append(MarkedSpan(*_trimmed(text, open_at + 1, hi), par, True, False))
    return [s for s in spans if s.end > s.start and _WORD.search(text, s.start, s.end)]


_SINGLE_PAIR = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–:;,]))[‘'](?=\w)"  # opening mark at a word start
    r"([^‘’'\n]*?(?:\w[’']\w[^‘’'\n]*?)*)"  # content; apostrophes inside words allowed
    r"(?<=[\w.,!?…])[’'](?=$|[\s)\].,;:!?—–])"  # closing mark at a word end
)


def _pair_single(
    text: str, lo: int, hi: int, par: int, taken: list[MarkedSpan]
) -> list[MarkedSpan]:
    """Find ‘single-quoted’ spans outside the double-quoted ones (British style)."""
    spans = []
    for match in _SINGLE_PAIR.finditer(text, lo, hi):
        start, end = match.span(1)
        if any(s.start - 1 <= start and end <= s.end + 1 for s in taken):
            continue  # nested inside a double-quoted span
        content = match.group(1)
        if len(content.split()) >= 2 and not content.endswith(("s", "in")):
            spans.append(MarkedSpan(*_trimmed(text, start, end), par, True, True, single=True))
    return spans


def fold_doubled_marks(text: str) -> str:
    """Rewrite AP-style two-apostrophe marks as one double mark (issue 10).

    `‘‘` and ``` `` ``` open, `’’` closes; `''` closes only a quote that one of those (or
    `“`) opened, since a text written with `''` on both sides uses it for other things too.
    The result has the same length as the text, so offsets into it are offsets into the
    text: the mark takes the character next to the quoted words, the other one a space.
    """
    if not _DOUBLED.search(text):
        return text
    chars = list(text)
    for match in _DOUBLED.finditer(text):
        i, pair = match.start(), match.group()
        if pair == "''" and not _opened_before(text, i):
            continue
        opens = pair in ("‘‘", "``")
        mark = "“" if opens else "”"
        chars[i : i + 2] = [" ", mark] if opens else [mark, " "]
    return "".join(chars)


def _opened_before(text: str, i: int) -> bool:
    """Tell whether the last double mark before i in its line opens a quote."""
    line_start = text.rfind("\n", 0, i) + 1
    marks = _ANY_DOUBLE.findall(text, line_start, i)
    return bool(marks) and marks[-1] in ("“", "‘‘", "``")


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Return every quoted span of the text, paragraph by paragraph, in order."""
    text = fold_doubled_marks(text)
    spans: list[MarkedSpan] = []
    for par, (lo, hi) in enumerate(paragraph_bounds(text)):
        double = _pair_double(text, lo, hi, par)
        single = _pair_single(text, lo, hi, par, double)
        spans.extend(sorted(double + single, key=lambda s: s.start))
    return spans


def with_closing_mark(text: str, start: int, end: int) -> int:
    """The end of a span taken on over the closing mark its open quote needs.

    The parser may leave a straight mark glued to a paragraph's last sentence (`the
    Plains."`) as a sentence of its own; a stake or a lede shown from that sentence kept its
    quote open.
    """
    if end >= len(text) or text[end] not in _CLOSE_DOUBLE + _STRAIGHT or end == start:
        return end
    if text[end - 1] not in ".!?,":
        return end
    span = text[start:end]
    straight_open = span.count(_STRAIGHT) % 2 == 1
    curly_open = sum(span.count(c) for c in _OPEN_DOUBLE) > sum(
        span.count(c) for c in _CLOSE_DOUBLE
    )
    return end + 1 if straight_open or curly_open else end
