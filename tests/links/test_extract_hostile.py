"""Random and hostile pages: the extractor returns article text or a clear error (issue 11).

Property-based (hypothesis): paragraphs of quote marks, control and bidi characters, broken
tags and name lists go through the extractor and then the engine; each ends in a brief whose
spans are verbatim at their offsets, or in an error with words a user can act on.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.briefing.engine import build_brief
from bot.errors import BriefingError
from bot.links.extract import extract_article, extract_plain_text
from tests.helpers.briefs import assert_verbatim

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from hostile import NAMES, QUOTE_MARKS

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NEWS = (
    "The harbor board met on Tuesday to weigh the cost of the bridge repairs, and the "
    "engineers said the work could take another year if the money is late."
)
CHUNKS = st.one_of(
    st.sampled_from([*QUOTE_MARKS, " ", "\n", "<", ">", "&", "&amp;", "</p>", "<p>", "<b>"]),
    st.sampled_from(["\u202e", "\u2066", "\u200b", "\x0b", "\x1b", "\ufeff", "\u2028"]),
    st.sampled_from(NAMES),
    st.sampled_from(["said", "the mayor", "told", "we will", ". ", ", "]),
    st.text(max_size=4),
)
paragraph = st.lists(CHUNKS, max_size=60).map("".join)


def _page(paragraphs: list[str], escape: bool) -> str:
    body = "".join(f"<p>{html.escape(p) if escape else p}</p>" for p in paragraphs)
    head = "<!doctype html><html><head><title>Harbor</title></head>"
    return f"{head}<body><article>{body}</article></body></html>"


def _brief_or_error(text: str) -> None:
    refused: BriefingError | None = None
    try:
        assert_verbatim(build_brief(text))
    except BriefingError as exc:
        refused = exc
    assert refused is None or refused.user_message


@SETTINGS
@given(paragraphs=st.lists(paragraph, min_size=1, max_size=8), escape=st.booleans())
def test_extract_article_hostile_page_extracts_or_refuses(
    paragraphs: list[str], escape: bool
) -> None:
    refused: BriefingError | None = None
    try:
        extracted = extract_article(_page([NEWS, *paragraphs, NEWS], escape))
    except BriefingError as exc:
        refused = exc
    if refused is not None:
        assert refused.user_message
        return
    _brief_or_error(extracted.text)


@SETTINGS
@given(text=st.lists(paragraph, max_size=8).map("\n\n".join))
def test_extract_plain_text_hostile_text_extracts_or_refuses(text: str) -> None:
    refused: BriefingError | None = None
    try:
        extracted = extract_plain_text(NEWS + "\n\n" + text)
    except BriefingError as exc:
        refused = exc
    if refused is not None:
        assert refused.user_message
        return
    _brief_or_error(extracted.text)
