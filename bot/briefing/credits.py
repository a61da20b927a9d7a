"""Datelines and credit lines: words about the article, not about its events.

"PHILADELPHIA (AP) —" says where a story was filed and by whom; "(Reporting by Ann Lee;
Editing by Tom Hart)", "Follow Ann Lee on Twitter" and "Ann Lee is a senior editor at
The Post" name its authors. Names in them are neither actors nor speakers.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from bot.briefing.cleanup import dateline_length

__all__ = ["credit_tokens", "dateline_end"]

_MAX_CREDIT_WORDS = 40
_CREDIT = re.compile(
    r"""
    ^\W*(?:additional\s+)?(?:reporting|editing|writing|research|compiled|produced)
        (?:\s+and\s+\w+)?\s+by\b
    | \bcontributed\s+(?:reporting\s+)?(?:to\s+)?(?:this|the)\s+(?:report|story|article)\b
    | ^\W*contributing\b
    | ^\W*follow\b.{0,80}\bon\s+(?:twitter|facebook|instagram|x|bluesky|threads)\b
    | ^\W*(?:twitter|email|e-mail|contact)\s*:
    | ^\W*(?:photo|image|video)\s*(?:credit|by)?\s*:
    | ^\W*(?:copyright|©)
    | \ball\s+rights\s+reserved\b
    | ^[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3}\s+(?:is|was)\s+(?:an?\s+|the\s+)?
        (?:\w+\s+){0,3}(?:reporter|writer|editor|correspondent|columnist|journalist|
        contributor|producer)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(r"^\W*by\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3}\W*$")
# "Ann Lee, Ledger diplomatic correspondent" on a line of its own: who wrote the next part.
_SIGNED = re.compile(
    r"^[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3},\s+(?:[\w.&'’\-]+\s+){0,4}"
    r"(?:reporter|writer|editor|correspondent|columnist|journalist)\W*$"
)
# "Our reporter Tom Barclay is at the scene": the outlet's own journalist, not an actor.
_OWN_JOURNALIST = re.compile(
    r"\b(?:[Oo]ur|[Mm]y)\s+(?:[a-z]+\s+){0,2}(?:reporter|correspondent|editor|writer|columnist"
    r"|journalist|photographer)s?,?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
)
_PHOTO_CREDIT = re.compile(r"^[^/]{3,60}\s/\s[^/]{2,40}$")  # "Jonathan Drake / Reuters."


def dateline_end(paragraph: str) -> int:
    """Return where a dateline opening a paragraph ends (0 when there is none)."""
    lead = len(paragraph) - len(paragraph.lstrip(" \t"))
    length = dateline_length(paragraph, lead)
    return lead + length if length else 0


def _is_credit(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _MAX_CREDIT_WORDS:
        return False
    if _CREDIT.search(line):
        return True
    return len(words) <= 10 and bool(
        _BYLINE.match(line) or _PHOTO_CREDIT.match(line.strip()) or _SIGNED.match(line)
    )


def credit_tokens(doc: Doc) -> set[int]:
    """Return the indexes of the tokens in datelines and credit lines."""
    text: str = doc._.brief_text
    found: set[int] = set()
    for lo, hi in doc._.brief_paragraphs:
        line = text[lo:hi]
        end = hi if _is_credit(line.strip()) else lo + dateline_end(line)
        spans = [(lo, end)] if end > lo else []
        spans += [(lo + m.start(), lo + m.end()) for m in _OWN_JOURNALIST.finditer(line)]
        for start, stop in spans:
            span = doc.char_span(start, stop, alignment_mode="expand")
            if span is not None:
                found.update(range(span.start, span.end))
    return found
