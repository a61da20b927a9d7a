"""Tell speech from scare quotes and titles, and direct quotes from partial ones.

`speech_kind` decides from plain strings: the quoted words, the unquoted words that lead
into them in the same sentence, and how the quote was attributed.
"""

from __future__ import annotations

import re

__all__ = ["CUED", "speech_kind"]

# How a quote was attributed when its own sentence says who spoke.
CUED = frozenset({"verb", "according", "colon", "dash"})
_WORD = re.compile(r"[\w’'-]+")
_SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "vs",
        "v",
        "nor",
        "per",
        "via",
    }
)
_MIN_UNCUED_WORDS = 4


def _looks_like_title(text: str) -> bool:
    """A short run of capitalised words with no sentence punctuation: a title or a name."""
    words = _WORD.findall(text)
    if not words or len(words) > 10 or re.search(r"[.!?,;:]\W*$|[.;:] ", text):
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(big) and all(w[:1].isupper() or w[:1].isdigit() for w in big)


def _is_partial(text: str, lead: str) -> bool:
    """A quote is partial when it sits inside a sentence of the writer's own words."""
    if text[:1].islower():
        return True
    lead = lead.rstrip()
    if not lead:
        return False
    return not lead.endswith((":", ",", "—", "–", "-"))


def speech_kind(text: str, lead: str, how: str) -> str | None:
    """Return 'direct' or 'partial' for quoted speech, None for a scare quote or a title.

    Args:
        text: the quoted words.
        lead: the unquoted words before the quote in the same sentence.
        how: how the quote was attributed (see speakers.QuoteDraft.how).
    """
    words = len(_WORD.findall(text))
    partial = _is_partial(text, lead)
    if _looks_like_title(text) and (how not in CUED or words < _MIN_UNCUED_WORDS or partial):
        return None
    if how in CUED or how == "subject":
        return "partial" if partial else "direct"
    if how in ("continued", "split", "paragraph", "introduced"):
        # A quote in a paragraph whose other quote names the speaker is speech at any length.
        return "partial" if partial else "direct"
    if partial or words < _MIN_UNCUED_WORDS:
        return None
    return "direct"
