"""Random and hostile text: the engine returns a brief or a clear input error (issue 11).

Property-based (hypothesis): quote marks only, unbalanced and mixed marks, one endless
sentence, long name lists, control and bidi characters, every Unicode quote mark. Every span
of every brief must be the article text at its offsets (the `make_brief` fixture checks).
Long texts are briefed in pieces; here the piece sizes are made small so that short texts
take that path too.
"""

from __future__ import annotations

import sys
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.briefing import engine, pieces
from bot.briefing.cleanup import clean_text
from bot.briefing.model import Brief
from bot.briefing.pieces import split_pieces
from bot.errors import InputError
from tests.engine.conftest import MakeBrief

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from hostile import HOSTILE, NAMES, QUOTE_MARKS

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONTROL = (
    "\x00\x01\x07\x0b\x0c\x1b\x7f\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\u2028\u2029\ufeff"
)
WORDS = ["the", "mayor", "said", "council", "will", "vote", "he", "she", "told", "harbor",
         "Tuesday", "we", "wait", "according", "to", "if", "could", "lose", "budget"]  # fmt: skip

pieces_of_text = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(NAMES),
    st.sampled_from(list(QUOTE_MARKS)),
    st.sampled_from(list(CONTROL)),
    st.sampled_from([" ", " ", " ", "\n", "\n\n", ". ", ", ", "! ", "? ", " — ", "…"]),
    st.text(max_size=3),
)
hostile_text = st.lists(pieces_of_text, min_size=1, max_size=250).map("".join)


def _brief_or_input_error(make_brief: MakeBrief, text: str) -> Brief | None:
    try:
        return make_brief(text)  # checks every span is verbatim
    except InputError as exc:
        refused = exc
    assert refused.user_message  # a clear input error, in words a user can act on
    return None


@SETTINGS
@given(text=hostile_text)
def test_build_brief_random_text_briefs_or_refuses(make_brief: MakeBrief, text: str) -> None:
    _brief_or_input_error(make_brief, text)


@SETTINGS
@given(text=hostile_text)
def test_build_brief_in_pieces_random_text_briefs_or_refuses(
    make_brief: MakeBrief, text: str
) -> None:
    with patch.object(engine, "LONG_TEXT_CHARS", 200), patch.object(pieces, "PIECE_CHARS", 120):
        _brief_or_input_error(make_brief, text * 3)


@SETTINGS
@given(marks=st.lists(st.sampled_from([*QUOTE_MARKS, " ", "\n"]), max_size=300))
def test_build_brief_quote_marks_only_is_an_input_error(
    make_brief: MakeBrief, marks: list[str]
) -> None:
    with pytest.raises(InputError):
        make_brief("".join(marks))


@SETTINGS
@given(text=st.text(max_size=400), limit=st.integers(min_value=1, max_value=200))
def test_split_pieces_cover_the_text_in_order(text: str, limit: int) -> None:
    cuts = split_pieces(text, limit)
    assert "".join(text[a:b] for a, b in cuts) == text
    assert all(0 < b - a <= limit for a, b in cuts)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_build_brief_crafted_text_in_pieces_is_verbatim(make_brief: MakeBrief, name: str) -> None:
    news = (
        "Mayor Lena Ortiz said on Tuesday that the harbor bridge would reopen in May. "
        '"We are ready to open the bridge to traffic," Ortiz said.\n\n'
    )
    text = news + HOSTILE[name](3000) + "\n\n" + news
    with patch.object(engine, "LONG_TEXT_CHARS", 1000), patch.object(pieces, "PIECE_CHARS", 800):
        brief = _brief_or_input_error(make_brief, text)
    if brief is not None:
        assert brief.article.text == clean_text(text).text


def test_build_brief_in_pieces_merges_speakers_and_offsets(make_brief: MakeBrief) -> None:
    paragraph = (
        "Mayor Lena Ortiz said on Tuesday that the harbor bridge would reopen in May after "
        'two years of repairs. "We are ready to open the bridge to traffic," Ortiz said.\n\n'
    )
    text = paragraph * 6
    whole = make_brief(text)
    with patch.object(engine, "LONG_TEXT_CHARS", 300), patch.object(pieces, "PIECE_CHARS", 400):
        split = make_brief(text)
    assert split.article.text == whole.article.text
    assert [q.start for q in split.quotes] == [q.start for q in whole.quotes]
    assert {a.name for a in split.actors} >= {"Lena Ortiz"}
    (ortiz,) = [a for a in split.actors if a.name == "Lena Ortiz"]
    assert all(q.speaker_id == ortiz.id for q in split.quotes)


def test_build_brief_dense_text_is_briefed_in_part_and_says_so(make_brief: MakeBrief) -> None:
    text = "Mayor Lena Ortiz spoke at the harbor today about the bridge.\n\n" + (
        '"Yes," he said. ' * 200
    )
    with patch.object(engine, "LONG_TEXT_CHARS", 1000), patch.object(pieces, "PIECE_CHARS", 800):
        brief = make_brief(text)
    assert brief.article.complete is False
    assert any("only its first" in w for w in brief.article.warnings)
