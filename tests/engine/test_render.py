"""Rendering: plain text per view, and Telegram HTML that the Bot API would accept."""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from bot.briefing.model import Article, Brief
from bot.briefing.render import (
    FULL_VIEW_QUOTES,
    TELEGRAM_LIMIT,
    VIEWS,
    partial_context,
    render_html,
    render_text,
    speaker_label,
    visible_length,
)
from bot.localapi.html_check import check_message_html, parse_html
from tests.helpers.briefs import Said, hand_brief

TEXT = (
    "Ana Ruiz opened the port meeting on Monday. "
    '"We will win this vote," she said. '
    'Ben Cole called the plan "a gamble with our jobs" and walked out. '
    '"The numbers do not add up," Ruiz said. '
    "If the vote fails, the port closes."
)


def _brief() -> Brief:
    return hand_brief(
        TEXT,
        quotes=[
            Said("We will win this vote,", "Ana Ruiz"),
            Said("a gamble with our jobs", "Ben Cole", "partial"),
            Said("The numbers do not add up,", "Ana Ruiz"),
        ],
        stakes=[("If the vote fails, the port closes.", "condition")],
        actors=[("Ana Ruiz", "harbour master"), ("Ben Cole", "union steward")],
        title="Port vote splits the town",
        summary=["Ana Ruiz opened the port meeting on Monday."],
    )


def _long_quote_brief(quote: str) -> Brief:
    text = f'Ana Ruiz spoke for an hour. "{quote}" she said.'
    return hand_brief(text, quotes=[Said(quote, "Ana Ruiz")])


def _many_quotes_brief(count: int = 300) -> Brief:
    sentences = [
        f'"Point number {n} is that the port must stay open," Ruiz said.' for n in range(count)
    ]
    text = " ".join(sentences)
    quotes = [
        Said(f"Point number {n} is that the port must stay open,", "Ana Ruiz")
        for n in range(count)
    ]
    return hand_brief(text, quotes=quotes)


def _special_brief() -> Brief:
    text = 'Li & Partners <Ltd> said: "Profits < costs & taxes > zero, so we close." Odd & odd.'
    return hand_brief(
        text,
        quotes=[Said("Profits < costs & taxes > zero, so we close.", "Li & <Partners>")],
        stakes=[("Odd & odd.", "risk")],
        actors=[("Li & <Partners>", "owner of <Ltd> & co")],
        title="Profits <fall> & costs rise",
    )


QUOTE_12000 = " ".join(["harbour"] * 1500) + "."
assert len(QUOTE_12000) == 12_000

LARGE_BRIEFS = {
    "quote-12000-chars": lambda: _long_quote_brief(QUOTE_12000),
    "quote-emoji": lambda: _long_quote_brief(" ".join(["⚓🚢"] * 2000)),
    # Splitting costs time per word (each candidate is unescaped again): 6,000 characters
    # in 600 words keep this case fast while still needing two parts.
    "quote-escapes": lambda: _long_quote_brief(" ".join(["<&><&><&>"] * 600)),
    "many-quotes": _many_quotes_brief,
    "special-chars": _special_brief,
    "plain": _brief,
}


@cache
def _parts(name: str, view: str) -> tuple[str, ...]:
    """The HTML parts of a named brief in a view, rendered once for all tests that check them."""
    return tuple(render_html(LARGE_BRIEFS[name](), view))


# render_text


@pytest.mark.parametrize(
    "heading", ["Port vote splits the town", "KEY ACTORS", "QUOTES", "STAKES", "Source:"]
)
def test_render_text_full_shows_every_section(heading: str) -> None:
    assert heading in render_text(_brief(), "full")


def test_render_text_full_shows_speakers_and_roles() -> None:
    out = render_text(_brief(), "full")
    assert "  - Ana Ruiz — harbour master" in out
    assert "  - Ana Ruiz: “We will win this vote,”" in out


@pytest.mark.parametrize(
    ("view", "present", "absent"),
    [
        ("quotes", "QUOTES ONLY (3)", "KEY ACTORS"),
        ("actors", "KEY ACTORS", "STAKES"),
        ("stakes", "STAKES", "KEY ACTORS"),
    ],
)
def test_render_text_view_shows_its_section_only(view: str, present: str, absent: str) -> None:
    out = render_text(_brief(), view)
    assert present in out
    assert absent not in out


def test_render_text_quotes_view_groups_by_speaker_in_article_order() -> None:
    out = render_text(_brief(), "quotes")
    ruiz = out.index("Ana Ruiz — harbour master")
    cole = out.index("Ben Cole — union steward")
    assert ruiz < out.index("We will win") < out.index("do not add up") < cole
    assert cole < out.index("a gamble")


def test_render_text_shows_partial_quote_with_words_around_it() -> None:
    out = render_text(_brief(), "quotes")
    assert "Ben Cole called the plan “a gamble with our jobs” and walked out." in out


def test_render_text_full_caps_quotes_and_points_to_quotes_view() -> None:
    out = render_text(_many_quotes_brief(12), "full")
    assert out.count("Point number") == FULL_VIEW_QUOTES
    assert f"…and {12 - FULL_VIEW_QUOTES} more: see Quotes only." in out


def test_render_text_says_when_there_are_no_quotes() -> None:
    brief = Brief(Article("Nothing was said at all in this short article."))
    assert "No quotes in this article." in render_text(brief, "quotes")


def test_render_text_shows_warnings() -> None:
    brief = dataclasses.replace(_brief(), article=Article(TEXT, warnings=("Cut short.",)))
    assert "Note: Cut short." in render_text(brief)


# partial_context


def test_a_quote_split_by_its_attribution_is_one_line() -> None:
    text = (
        '"We did not get the result we wanted," Marek told reporters, "but the people did '
        'not hand anyone a blank cheque." Her rival said nothing.'
    )
    brief = hand_brief(
        text,
        quotes=[
            Said("We did not get the result we wanted,", "Ilona Marek", "direct"),
            Said("but the people did not hand anyone a blank cheque.", "Ilona Marek", "partial"),
        ],
    )
    lines = [line for line in render_text(brief, "full").splitlines() if "“" in line]
    assert lines == [
        "  - Ilona Marek: “We did not get the result we wanted,” Marek told reporters, “but "
        "the people did not hand anyone a blank cheque.”"
    ]


def test_partial_context_gives_words_of_its_sentence() -> None:
    brief = _brief()
    assert partial_context(TEXT, brief.quotes[1]) == (
        "Ben Cole called the plan",
        "and walked out.",
    )


def test_partial_context_stops_at_quote_ending_sentence() -> None:
    text = 'Lea Moss called the plan "reckless." She voted against it on Monday.'
    brief = hand_brief(text, quotes=[Said("reckless.", "Lea Moss", "partial")])
    assert partial_context(text, brief.quotes[0]) == ("Lea Moss called the plan", "")


def test_partial_context_cuts_long_sentence_with_ellipsis() -> None:
    lead = " ".join(f"w{n}" for n in range(20))
    text = f'{lead} "odd" end.'
    brief = hand_brief(text, quotes=[Said("odd", None, "partial")])
    left, _ = partial_context(text, brief.quotes[0])
    assert left.startswith("… ")
    assert left.endswith("w19")


def test_partial_quotes_of_one_sentence_are_one_line() -> None:
    text = (
        'Ann Lee told reporters the fine was "a good start" but warned that it came "years '
        'too late" for the rivals. Tom Berg called it "fair" on Monday. He also called it "late".'
    )
    brief = hand_brief(
        text,
        quotes=[
            Said("a good start", "Ann Lee", "partial"),
            Said("years too late", "Ann Lee", "partial"),
            Said("fair", "Tom Berg", "partial"),
            Said("late", "Tom Berg", "partial"),
        ],
    )
    lines = [line for line in render_text(brief, "full").splitlines() if line.startswith("  - ")]
    quote_lines = [line for line in lines if "“" in line]
    assert quote_lines[0] == (
        "  - Ann Lee: Ann Lee told reporters the fine was “a good start” but warned that it "
        "came “years too late” for the rivals."
    )
    # Two sentences stay two lines, even of one speaker.
    assert len(quote_lines) == 3


def test_partial_context_cut_short_starts_at_a_clause() -> None:
    text = (
        "Lawyer Ann Lee, who argued the case for the Riverside Farmers' Collective on "
        'Friday, said the ruling was "a lesson for every government."'
    )
    brief = hand_brief(text, quotes=[Said("a lesson for every government.", "Ann Lee", "partial")])
    assert partial_context(text, brief.quotes[0]) == ("… said the ruling was", "")


# render_html


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("name", LARGE_BRIEFS)
def test_render_html_parts_fit_telegram_limit(name: str, view: str) -> None:
    assert all(visible_length(part) <= TELEGRAM_LIMIT for part in _parts(name, view))


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("name", LARGE_BRIEFS)
def test_render_html_parts_pass_bot_api_check(name: str, view: str) -> None:
    parts = _parts(name, view)
    assert [check_message_html(part, strict=True) for part in parts] == [None] * len(parts)


@pytest.mark.parametrize("name", ["quote-12000-chars", "many-quotes"])
def test_render_html_splits_large_brief_into_parts(name: str) -> None:
    assert len(_parts(name, "quotes")) > 1


def test_render_html_keeps_every_word_of_long_quote() -> None:
    quote = " ".join(f"word{n}" for n in range(2000))
    visible = " ".join(parse_html(p).text for p in render_html(_long_quote_brief(quote), "quotes"))
    assert all(f"word{n}" in visible for n in (0, 999, 1999))


def test_render_html_splits_quote_without_spaces() -> None:
    parts = render_html(_long_quote_brief("x" * 12_000), "quotes")
    assert all(check_message_html(part, strict=True) is None for part in parts)


def test_render_html_escapes_special_characters() -> None:
    html = "\n".join(render_html(_special_brief(), "full"))
    assert "Li &amp; &lt;Partners&gt;" in html
    assert "Profits &lt; costs &amp; taxes &gt; zero" in html
    assert "owner of &lt;Ltd&gt; &amp; co" in html
    assert "<Partners>" not in html


def test_render_html_shows_special_characters_as_written() -> None:
    visible = parse_html("\n".join(render_html(_special_brief(), "full"))).text
    assert "“Profits < costs & taxes > zero, so we close.”" in visible
    assert "Profits <fall> & costs rise" in visible


def test_render_html_links_title_to_article_url() -> None:
    article = Article(TEXT, title="Port vote", url='https://news.example/a?b=1&c="2"')
    parts = render_html(dataclasses.replace(_brief(), article=article), "full")
    assert parts[0].startswith('<b><a href="https://news.example/a?b=1&amp;c=&quot;2&quot;">')
    assert check_message_html(parts[0], strict=True) is None


def test_render_html_quotes_view_shows_partial_in_context() -> None:
    visible = parse_html("\n".join(render_html(_brief(), "quotes"))).text
    assert "Ben Cole called the plan “a gamble with our jobs” and walked out." in visible


@pytest.mark.parametrize(
    ("message", "length"),
    [("<b>abc</b>", 3), ("a &amp; b", 5), ("⚓", 1), ("🚢", 2), ("<i>x</i>&lt;", 2)],
)
def test_visible_length_counts_utf16_units_of_visible_text(message: str, length: int) -> None:
    assert visible_length(message) == length


@pytest.mark.parametrize(
    ("text", "words", "shown"),
    [
        (
            'Lea Moss said the plan was "not, as such, against the rules", adding that she '
            "would vote for it.",
            "not, as such, against the rules",
            "Lea Moss said the plan was “not, as such, against the rules”, adding that",
        ),
        (
            'Lea Moss called it "a gamble"; others agreed with her.',
            "a gamble",
            "Lea Moss called it “a gamble”; others agreed with her.",
        ),
        (
            'Lea Moss praised the "fair deal"—and then voted no.',
            "fair deal",
            "Lea Moss praised the “fair deal”—and then voted no.",
        ),
    ],
    ids=["comma", "semicolon", "dash"],
)
def test_render_text_partial_quote_keeps_punctuation_next_to_closing_mark(
    text: str, words: str, shown: str
) -> None:
    # Issue 10: no space between the closing mark and the punctuation after it.
    brief = hand_brief(text, quotes=[Said(words, "Lea Moss", "partial")])
    assert shown in render_text(brief, "quotes")


def test_partial_context_reads_past_an_abbreviation_in_its_sentence() -> None:
    text = 'Kim Ray refers to him as "Mr. Lee," while Lee calls her "Kim." They met in 2019.'
    quotes = [Said("Mr. Lee,", "Kim Ray", "partial"), Said("Kim.", None, "partial")]
    brief = hand_brief(text, quotes=quotes)
    # Not 'Lee," while Lee calls her': "Mr." ends no sentence.
    assert partial_context(text, brief.quotes[1]) == (
        'Kim Ray refers to him as "Mr. Lee," while Lee calls her',
        "",
    )
    assert partial_context(text, brief.quotes[0]) == (
        "Kim Ray refers to him as",
        'while Lee calls her "Kim."',
    )


@pytest.mark.parametrize(
    ("speaker", "label"),
    [
        (None, "Unattributed"),
        ("one person", "One person"),
        ("the 56-year-old", "The 56-year-old"),
        ("Lea Moss", "Lea Moss"),
        ("de Blasio", "de Blasio"),
    ],
)
def test_speaker_label_opens_with_a_capital_unless_a_name_does_not(
    speaker: str | None, label: str
) -> None:
    assert speaker_label(speaker) == label


def test_partial_context_cut_short_reaches_back_to_open_its_clause() -> None:
    text = (
        "The Hollow Saints went further on Friday: in a statement, the band said it would ask "
        'fans to cancel subscriptions to whichever service "walks away first."'
    )
    brief = hand_brief(text, quotes=[Said("walks away first.", "Hollow Saints", "partial")])
    left, _ = partial_context(text, brief.quotes[0])
    assert left == (
        "… the band said it would ask fans to cancel subscriptions to whichever service"
    )
