"""Tell whether a text is English, so a brief of another language comes with a warning."""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["ENGLISH_WARNING", "english_warning"]

ENGLISH_WARNING = (
    "This text does not look like English. The engine is tuned for English, "
    "so this brief may miss actors, quotes and stakes."
)
_MIN_WORDS = 20
_MIN_STOP_SHARE = 0.18  # English prose runs at 40-55% function words


def english_warning(doc: Doc) -> str | None:
    """Return a warning when too few of the words are common English function words."""
    words = [t for t in doc if t.is_alpha]
    if len(words) < _MIN_WORDS:
        return None
    share = sum(t.is_stop for t in words) / len(words)
    return ENGLISH_WARNING if share < _MIN_STOP_SHARE else None
