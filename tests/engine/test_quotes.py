"""Speech or not: titles and scare quotes are not speech; partial quotes sit in a sentence."""

from __future__ import annotations

import pytest

from bot.briefing.quotes import looks_like_work_title, speech_kind
from tests.engine.conftest import MakeBrief
from tests.helpers.briefs import quote_with


@pytest.mark.parametrize(
    ("text", "lead", "how"),
    [
        ("Meet the Voters", "She appeared on the show ", "none"),
        ("Meet the Voters", "She appeared on the show ", "verb"),
        ("The Long Road Home", "his memoir ", "verb"),
        ("The Long Road Home", "", "split"),
        ("experts", "The so-called ", "none"),
        ("peace", "", "none"),
        ("a reset", "what he calls ", "none"),
    ],
    ids=["show", "show-cued", "book-cued", "book-split", "scare", "one-word", "uncued-short"],
)
def test_speech_kind_rejects_titles_and_scare_quotes(text: str, lead: str, how: str) -> None:
    assert speech_kind(text, lead, how) is None


@pytest.mark.parametrize(
    ("text", "lead", "how"),
    [
        ("We will rebuild every house,", "", "verb"),
        ("We will rebuild every house.", "She said: ", "verb"),
        ("We will rebuild every house.", "She said, ", "verb"),
        ("We will rebuild every house.", "", "none"),
        ("Every month we delay costs us contracts.", "", "continued"),
    ],
    ids=["after-verb", "after-colon", "after-comma", "uncued-long", "continued"],
)
def test_speech_kind_direct(text: str, lead: str, how: str) -> None:
    assert speech_kind(text, lead, how) == "direct"


@pytest.mark.parametrize(
    ("text", "lead", "how"),
    [
        ("disastrous", "Rita Moss called it ", "verb"),
        ("we will rebuild every house", "She said ", "verb"),
        ("a weight on every family", "He called the deficit ", "verb"),
        ("reckless", "", "verb"),
        ("and the first ships arrive tomorrow.", "", "split"),
    ],
    ids=["one-word", "lower-case-after-said", "phrase", "lower-case", "second-half"],
)
def test_speech_kind_partial(text: str, lead: str, how: str) -> None:
    assert speech_kind(text, lead, how) == "partial"


def test_speech_kind_takes_capitalised_speech_with_cue() -> None:
    assert speech_kind("Never Again Will We Wait Like This", "", "verb") == "direct"


# With the model: what the engine returns as quotes.


def test_engine_returns_one_word_quote_as_partial(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The new law drew sharp criticism from the opposition on Thursday. "
        'Rita Moss called it "disastrous" and urged a new vote.'
    )
    quote = quote_with(brief, "disastrous")
    assert (quote.text, quote.kind, quote.speaker) == ("disastrous", "partial", "Rita Moss")


@pytest.mark.parametrize(
    "text",
    [
        'Jane Holt appeared on the show "Meet the Voters" on Sunday evening. '
        "She talked about schools and roads for an hour.",
        'The novel "A Quiet Harbor" by Edith Grey sold well this year in many countries.',
        'The so-called "experts" on the panel disagreed with each other about the figures '
        "on Monday.",
    ],
    ids=["show-title", "book-title", "scare-quote"],
)
def test_engine_skips_titles_and_scare_quotes(make_brief: MakeBrief, text: str) -> None:
    assert make_brief(text).quotes == ()


def test_engine_skips_scare_quote_after_unclosed_quote(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Mayor Hugo Lenz spoke at the meeting on Tuesday evening in front of a full hall.\n"
        "Lenz said: “The repairs are scheduled for the spring and the money is set aside\n"
        'The evening ended with a film about the so-called "experts" from the county.\n'
    )
    assert [q.text for q in brief.quotes] == [
        "The repairs are scheduled for the spring and the money is set aside"
    ]


def test_engine_keeps_full_sentence_quote_direct(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "The minister visited the flooded villages along the river on Tuesday. "
        '"We will rebuild every house that was lost," said Harold Finch.'
    )
    assert quote_with(brief, "rebuild").kind == "direct"


def test_engine_keeps_quote_after_wrote_on_x_direct(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Hugo Lenz arrived at the meeting late on Tuesday and sat down at the back of the room.\n"
        '"Every big project has critics," he wrote on X. "The bridge will be built anyway."\n'
    )
    assert quote_with(brief, "built anyway").kind == "direct"


# Issue 10: titles of works with the sentence's comma or full stop inside the marks.
@pytest.mark.parametrize(
    ("text", "lead", "how", "spoken"),
    [
        ("Harbour Nights,", "She wrote songs for the television show ", "verb", True),
        ("Harbour Nights.", "She appeared on an episode of ", "paragraph", False),
        ("Harbour Nights,", "", "verb", False),
        ("Harbour Nights: The Return", "She appeared on the show ", "verb", True),
    ],
    ids=["after-show", "after-of", "not-spoken", "subtitle"],
)
def test_speech_kind_rejects_work_titles_quoted_american_style(
    text: str, lead: str, how: str, spoken: bool
) -> None:
    assert speech_kind(text, lead, how, spoken) is None


@pytest.mark.parametrize(
    ("text", "lead", "how"),
    [("Amazing,", "", "verb"), ("Please.", "", "split"), ("Never Again,", "", "verb")],
    ids=["one-word-said", "one-word-split", "capitalised-said"],
)
def test_speech_kind_keeps_short_capitalised_speech(text: str, lead: str, how: str) -> None:
    # Issue 10: `"Amazing," Davis said` is speech, whatever its capitals.
    assert speech_kind(text, lead, how, True) == "direct"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Harbour Nights,", True),
        ("Harbour Nights: The Return", True),
        ("Harbour Nights: the return", False),
        ("Harbour. Nights", False),
        ("We will win,", False),
    ],
)
def test_looks_like_work_title(text: str, title: bool) -> None:
    assert looks_like_work_title(text) is title
