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

__all__ = ["SENTENCE_BREAK", "Cleaned", "clean_text", "dateline_length", "fold_line"]

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
# Photo captions: "Photo: Boats in the harbor. (Ledger/File)", "Boats in the harbor. (AP Photo/
# Ann Lee)". A caption says what a picture shows; its sentence is no lede and no stake.
_CAPTION_LINE = re.compile(
    r"^(?:photos?|images?|pictures?|pictured|caption|photograph)\s*[:|—–]\s*\S"
    r"|\((?:[^()]{0,60}\b(?:photo|photos|images|pool)\b|[^()]{0,60}/file)[^()]{0,40}\)\s*$",
    re.IGNORECASE,
)
_MAX_CAPTION_WORDS = 40
_CSS_LINE = re.compile(
    r"^(?:[.#]?[\w-]+(?:[ ,.#>:-]+[\w-]+)*\s*\{|[\w-]+\s*:\s*[^:]{1,60};|\})\s*$"
)
_MAX_TITLE_WORDS = 30
_MAX_BODY_LIKE_WORDS = 22  # a longer line is a headline only when no sentence ends it
_MAX_DOTTED_TITLE_WORDS = 14  # a longer line ending in a full stop is a sentence
# The dateline that opens a wire story: "LONDON (AP) —", "BUFFALO, N.Y. —", "(Reuters) -",
# "Washington (Agency) -". It says where the story was filed, never who speaks (issue 10).
_DATELINE_LETTERS = 3
_DATELINE = re.compile(
    r"""(?:
        (?:[A-Z][A-Z.'’-]+(?:\ [A-Z][A-Z.'’-]+)*        # LONDON, NEW YORK, ST. LOUIS
          |[A-Z][a-z]+(?:\ [A-Z][a-z]+)*(?=\ ?\())       # Washington (Agency)
        (?:,\ [A-Z][\w.'’-]*(?:\ [A-Z][\w.'’-]*){0,3})?  # , N.Y. / , Ohio / , United Arab Emirates
        (?:,?\ [A-Z][a-z]{2,8}\.?\ \d{1,2}(?:,\ \d{4})?)?  # , Nov. 18 / , March 4, 2025
        (?:\ ?\([^()\n]{1,40}\))?                        # (Agency)
        (?:\ /[A-Za-z][\w .-]{1,30}/)?                    # /PRNewswire/: a release's wire
      |\([A-Z][^()\n]{1,40}\)                            # (Agency) alone
    )\ (?:[—–―]|--?)\ """,
    re.VERBOSE,
)
# A full stop that ends a sentence, not an abbreviation ("U.S. says", "Mr. Lee", "St. Paul").
SENTENCE_BREAK = re.compile(
    r"(?<![.\s][A-Za-z])(?<!^[A-Za-z])"  # not after an initial or inside "U.S."
    r"(?<!\bMr|\bMs|\bDr|\bSt|\bJr|\bSr|\bNo|\bvs|\bMt|\bFt|\bCo|\bLt)"
    r"(?<!\bMrs|\bSen|\bRep|\bGov|\bGen|\bCol|\bSgt|\bInc|\bLtd|\bRev|\bJan|\bFeb|\bAug)"
    r"(?<!\bSep|\bOct|\bNov|\bDec)(?<!\bSept|\bCorp|\bCapt|\bProf)"
    r"\.[\"”’')]*\s+(?=[\"“‘'(]?[A-Z0-9])"
)


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
        or (_CAPTION_LINE.search(stripped) and len(stripped.split()) <= _MAX_CAPTION_WORDS)
    )


def _strip_breadcrumb(line: str, title_key: str | None) -> bool:
    """Tell whether a line is a breadcrumb trail, possibly followed by the headline."""
    stripped = line.strip()
    if not _BREADCRUMB.match(stripped):
        return False
    words = stripped.split()
    return len(words) <= 6 or bool(title_key and fold_line(stripped).endswith(title_key))


def dateline_length(text: str, start: int = 0) -> int:
    """Return the length of the dateline opening a paragraph at `start`, 0 when none."""
    match = _DATELINE.match(text, start)
    if match is None:
        return 0
    # "US - China talks resumed": two capitals before a dash are a name, not a place filed from.
    if "(" not in match.group() and sum(c.isalpha() for c in match.group()) < _DATELINE_LETTERS:
        return 0
    return match.end() - start


def _title_candidate(lines: list[str]) -> str | None:
    """Pick the headline: the first short line, preferring one repeated near the top."""
    top = [
        (n, ln.strip())
        for n, ln in enumerate(lines[:12])
        if ln.strip() and not _is_debris(ln) and not _strip_breadcrumb(ln, None)
    ]
    keys = [fold_line(ln) for _, ln in top]
    for (_, line), key in zip(top, keys, strict=True):
        if key and keys.count(key) > 1 and len(line.split()) <= _MAX_TITLE_WORDS:
            return line
    for (_, line), key in zip(top, keys, strict=True):
        if any(k != key and k.endswith(key) and len(key) > 20 for k in keys):
            return line
    if not top:
        return None
    n, first = top[0]
    following = lines[n + 1] if n + 1 < len(lines) else ""
    return first if _reads_like_headline(first, following) else None


def _reads_like_headline(line: str, following: str) -> bool:
    """Tell whether a first line is a headline rather than the start of the body.

    A headline holds no full stop between sentences (an abbreviation such as "U.S." is
    none, issue 10) and ends without one, or is short. A line that opens with a dateline
    and reads as a sentence, or runs on into the next line of its paragraph, is body text.
    """
    words = len(line.split())
    if words > _MAX_TITLE_WORDS or SENTENCE_BREAK.search(line):
        return False
    end = line.rstrip(" \"”’')")[-1:]
    if dateline_length(line):
        # "LONDON (AP) — The party was accused ...", unless a kicker ("EXCLUSIVE – ...").
        return _title_case(line) or (end not in ".!?" and words <= _MAX_DOTTED_TITLE_WORDS)
    if end == ".":
        # A sentence of the body, unless short or written in Headline Style.
        return words <= _MAX_DOTTED_TITLE_WORDS or (
            words <= _MAX_BODY_LIKE_WORDS and _title_case(line)
        )
    if end in ",:":
        return False  # a lead-in to what follows
    # No full stop: a headline, unless hard-wrapped into the next line of its paragraph.
    if following.strip()[:1].islower():
        return False
    return words <= _MAX_BODY_LIKE_WORDS or (not following.strip() and _title_case(line))


def _title_case(line: str) -> bool:
    """Most words of four letters or more are capitalised: Headline Style."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) >= 4]
    capital = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= 3 and capital >= 0.8 * len(long_words)


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
