"""Tell speech from scare quotes and titles, and direct quotes from partial ones.

`speech_kind` decides from plain strings: the quoted words, the unquoted words that lead
into them in the same sentence, and how the quote was attributed.
"""

from __future__ import annotations

import re

__all__ = ["CUED", "looks_like_work_title", "speech_kind"]

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
# Words after which a capitalised quote is the title of a work (issue 10).
_WORK_NOUNS = frozenset(
    {"show", "series", "sitcom", "song", "single", "album", "track", "film", "movie", "book",
     "novel", "memoir", "podcast", "episode", "game", "play", "musical", "documentary",
     "poem", "program", "programme", "magazine", "column", "opera", "ballet", "painting"}
)  # fmt: skip
_WORK_PREPOSITIONS = frozenset({"of", "from", "to", "like", "on"})


def _looks_like_title(text: str) -> bool:
    """A short run of capitalised words with no sentence punctuation: a title or a name."""
    words = _WORD.findall(text)
    if not words or len(words) > 10 or re.search(r"[.!?,;:]\W*$|[.;:] ", text):
        return False
    return _capitalised(words)


def looks_like_work_title(text: str) -> bool:
    """A title as American style quotes it: `“Star Wars,”`, `“Half Life: Alyx”` (issue 10).

    The comma or full stop inside the marks is the sentence's, and a subtitle may follow
    a colon.
    """
    text = text.rstrip(" ,.")
    words = _WORD.findall(text)
    if not words or len(words) > 10 or re.search(r"[.!?,;:]\W*$|[.;] |: (?![A-Z\d])", text):
        return False
    return _capitalised(words)


def _names_a_work(lead: str) -> bool:
    """The words before a title say it names a work: `the show "..."`, `an episode of "..."`."""
    last = _WORD.findall(lead.lower())[-1:] or [""]
    return last[0] in _WORK_NOUNS or last[0] in _WORK_PREPOSITIONS or lead.endswith("(")


def _capitalised(words: list[str]) -> bool:
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


def speech_kind(text: str, lead: str, how: str, spoken: bool = True) -> str | None:
    """Return 'direct' or 'partial' for quoted speech, None for a scare quote or a title.

    Args:
        text: the quoted words.
        lead: the unquoted words before the quote in the same sentence.
        how: how the quote was attributed (see speakers.QuoteDraft.how).
        spoken: the attribution has a speech verb, a colon or a dash.
    """
    words = len(_WORD.findall(text))
    partial = _is_partial(text, lead)
    if _looks_like_title(text) and (how not in CUED or words < _MIN_UNCUED_WORDS or partial):
        return None
    if looks_like_work_title(text) and (_names_a_work(lead) or (not spoken and not partial)):
        return None  # "the show “Nashville,”", "from Pixar, “Star Wars,” Marvel" (issue 10)
    if how in CUED or how == "subject":
        return "partial" if partial else "direct"
    if how in ("continued", "split", "paragraph", "introduced"):
        # A quote in a paragraph whose other quote names the speaker is speech at any length.
        return "partial" if partial else "direct"
    if partial or words < _MIN_UNCUED_WORDS:
        return None
    return "direct"
