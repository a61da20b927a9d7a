"""Quote marks: pairing every common style by paragraph, and marks lost or mistyped in scraping."""

from __future__ import annotations

import pytest

from bot.briefing.quotemarks import (
    MarkedSpan,
    find_marked_spans,
    fold_doubled_marks,
    paragraph_bounds,
    with_closing_mark,
)


def _texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_marked_spans(text)]


def _only(text: str) -> MarkedSpan:
    spans = find_marked_spans(text)
    assert len(spans) == 1, spans
    return spans[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said “we will win the vote” and left.", ["we will win the vote"]),
        ('She said "we will win the vote" and left.', ["we will win the vote"]),
        ("She said «we will win the vote» and left.", ["we will win the vote"]),
        ("She said „we will win the vote“ and left.", ["we will win the vote"]),
        ("She said ‘we will win the vote’ and left.", ["we will win the vote"]),
        ("She said 'we will win the vote' and left.", ["we will win the vote"]),
    ],
    ids=["curly", "straight", "guillemets", "low-high", "single-curly", "single-straight"],
)
def test_find_marked_spans_pairs_quote_style(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_find_marked_spans_finds_every_quote_in_paragraph() -> None:
    text = '"We will win," she said, "and then we rest."'
    assert _texts(text) == ["We will win,", "and then we rest."]


def test_find_marked_spans_marks_single_quotes() -> None:
    assert _only("He called it ‘a weight on every family’ today.").single


def test_find_marked_spans_runs_lost_opening_mark_from_paragraph_start() -> None:
    text = "First paragraph here.\nwe will win the vote,” she said."
    span = _only(text)
    assert text[span.start : span.end] == "we will win the vote,"
    assert (span.opened, span.closed) == (False, True)


def test_find_marked_spans_runs_lost_closing_mark_to_paragraph_end() -> None:
    text = "She said: “we will win the vote and then some\nNext paragraph."
    span = _only(text)
    assert text[span.start : span.end] == "we will win the vote and then some"
    assert (span.opened, span.closed) == (True, False)


def test_find_marked_spans_reads_mistyped_closing_mark() -> None:
    text = "He said, “we will win,“ and left the room."
    assert _texts(text) == ["we will win,"]


def test_find_marked_spans_reads_closing_mark_at_paragraph_start_as_opening() -> None:
    assert _texts("”We will win,” she said.") == ["We will win,"]


def test_find_marked_spans_reads_mistyped_opening_mark_after_colon() -> None:
    assert _texts("Aalto said: ”We expect a long weekend.”") == ["We expect a long weekend."]


def test_find_marked_spans_splits_multi_paragraph_quote() -> None:
    text = "“We will win the vote.\n“And we will win the next one,” she said."
    spans = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "We will win the vote.",
        "And we will win the next one,",
    ]
    assert [(s.paragraph, s.closed) for s in spans] == [(0, False), (1, True)]


@pytest.mark.parametrize(
    "text",
    [
        "It's the farmers' choice and we don't know what's next, isn't it?",
        "The ministers' plans and the workers' pay were on the table.",
        "Rock 'n' roll came back in the '90s, fans said.",
        "She was 5'10\" tall and he was 6' even.",
    ],
)
def test_find_marked_spans_ignores_apostrophes(text: str) -> None:
    assert [s for s in find_marked_spans(text) if s.single] == []


def test_find_marked_spans_keeps_nested_single_quotes_inside_double() -> None:
    text = "“He told me ‘never again’ and I believed him,” she said."
    assert _texts(text) == ["He told me ‘never again’ and I believed him,"]


def test_find_marked_spans_keeps_nested_straight_single_quotes_inside_double() -> None:
    text = "\"The minister has 'no intention' of changing course,\" he said."
    assert _texts(text) == ["The minister has 'no intention' of changing course,"]


def test_find_marked_spans_numbers_paragraphs() -> None:
    text = "“One,” she said.\n\nNo quote here.\n“Two,” she said."
    assert [s.paragraph for s in find_marked_spans(text)] == [0, 2]


def test_find_marked_spans_trims_spaces_inside_marks() -> None:
    text = "She said “ we will win ” and left."
    assert _texts(text) == ["we will win"]


def test_find_marked_spans_skips_marks_around_no_words() -> None:
    assert find_marked_spans("He wrote “ … ” and “—” in the margin.") == []


def test_paragraph_bounds_skips_blank_lines_and_trims_spaces() -> None:
    text = "  One.  \n\n\nTwo.\n   \n"
    assert [text[a:b] for a, b in paragraph_bounds(text)] == ["One.", "Two."]


# Issue 10: AP style writes double marks as two apostrophes; the closing `’’` must not let
# the quote run on over its attribution.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“The plan was a trick,’’ Rosa Vidal, head of the group, said. “We saw it.’’",
            ["The plan was a trick,", "We saw it."],
        ),
        ("‘‘The plan was a trick,’’ she said.", ["The plan was a trick,"]),
        ("She said ``the plan was a trick'' and left.", ["the plan was a trick"]),
        ("She said “the plan was a trick'' and left.", ["the plan was a trick"]),
    ],
    ids=["curly-close", "curly-both", "backticks", "straight-close"],
)
def test_find_marked_spans_reads_two_apostrophes_as_double_mark(
    text: str, expected: list[str]
) -> None:
    assert _texts(text) == expected


def test_find_marked_spans_leaves_two_straight_apostrophes_alone_without_opening() -> None:
    # Issue 10: `''` closes only a quote opened by a double mark.
    assert _texts("The crew called it ''the drill'' all week long.") == []


def test_fold_doubled_marks_keeps_length_and_offsets() -> None:
    text = "“A trick,’’ she said. ‘‘Yes.’’"
    folded = fold_doubled_marks(text)
    assert len(folded) == len(text)
    assert folded == "“A trick,”  she said.  “Yes.” "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"He says different things to different audiences,"Katie Lee said. She left.',
            ["He says different things to different audiences,"],
        ),
        ('"We will win."Katie Lee said so. She left.', ["We will win."]),
        (
            '"We will win," she said,"and we will stay." She left.',
            ["We will win,", "and we will stay."],
        ),
    ],
    ids=["after-a-comma", "after-a-full-stop", "opening-after-a-comma-outside"],
)
def test_straight_mark_glued_after_punctuation_closes_an_open_quote(
    text: str, expected: list[str]
) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ('He said it would "devastate farms."\n', 34, 35),  # a straight mark left open
        ("He said it would “devastate farms.”\n", 34, 35),  # a curly one
        ('He said it would "devastate" farms.\n', 35, 35),  # closed already
        ("It rained all day.\n", 18, 18),  # no mark at all
    ],
    ids=["straight", "curly", "closed", "none"],
)
def test_with_closing_mark(text: str, end: int, expected: int) -> None:
    assert with_closing_mark(text, 0, end) == expected
