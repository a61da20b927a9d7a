"""The Brief model: `check_brief` proves every span is the article text at its offsets."""

from __future__ import annotations

import dataclasses

import pytest

from bot.briefing.model import Article, Brief, Quote, Stake, check_brief
from tests.helpers.briefs import Said, hand_brief

TEXT = 'Ana Ruiz spoke on Monday. "We will win," she said. If we lose, the port closes.'


def _brief() -> Brief:
    return hand_brief(
        TEXT,
        quotes=[Said("We will win,", "Ana Ruiz")],
        stakes=[("If we lose, the port closes.", "condition")],
    )


def test_check_brief_accepts_verbatim_spans() -> None:
    assert check_brief(_brief()) == []


def test_check_brief_catches_non_verbatim_quote() -> None:
    brief = _brief()
    quote = dataclasses.replace(brief.quotes[0], text="We shall win,")
    assert check_brief(dataclasses.replace(brief, quotes=(quote,))) == [
        f"quote at {quote.start}:{quote.end} is not verbatim"
    ]


def test_check_brief_catches_non_verbatim_statement() -> None:
    start = TEXT.index("Ana Ruiz spoke")
    statement = Quote("Ana Ruiz said on Monday.", start, start + 24, "Ana Ruiz", kind="reported")
    brief = dataclasses.replace(_brief(), statements=(statement,))
    assert check_brief(brief) == [f"statement at {start}:{start + 24} is not verbatim"]


def test_check_brief_catches_non_verbatim_stake() -> None:
    brief = _brief()
    stake = dataclasses.replace(brief.stakes[0], text="If we win, the port closes.")
    assert len(check_brief(dataclasses.replace(brief, stakes=(stake,)))) == 1


def test_check_brief_catches_shifted_offsets() -> None:
    brief = _brief()
    quote = brief.quotes[0]
    shifted = dataclasses.replace(quote, start=quote.start + 1, end=quote.end + 1)
    assert len(check_brief(dataclasses.replace(brief, quotes=(shifted,)))) == 1


@pytest.mark.parametrize(
    ("start", "end"),
    [(-1, 3), (5, 5), (7, 3), (len(TEXT) - 2, len(TEXT) + 5)],
    ids=["negative", "empty", "reversed", "past-end"],
)
def test_check_brief_catches_offsets_out_of_range(start: int, end: int) -> None:
    text = TEXT[max(start, 0) : max(end, 0)]
    brief = Brief(Article(TEXT), stakes=(Stake(text, start, end, "risk"),))
    assert check_brief(brief) == [f"stake at {start}:{end} is not verbatim"]


def test_check_brief_reports_every_bad_span() -> None:
    brief = _brief()
    quote = dataclasses.replace(brief.quotes[0], text="x")
    stake = dataclasses.replace(brief.stakes[0], text="y")
    assert len(check_brief(dataclasses.replace(brief, quotes=(quote,), stakes=(stake,)))) == 2


def test_article_word_count_counts_words() -> None:
    assert Article("One two  three\nfour.").word_count == 4


def test_brief_actor_looks_up_by_id() -> None:
    brief = _brief()
    assert brief.actor("a1") is not None
    assert brief.actor("a1").name == "Ana Ruiz"  # type: ignore[union-attr]
    assert brief.actor("a9") is None
    assert brief.actor(None) is None
