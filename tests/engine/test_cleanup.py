"""Cleanup: debris lines are blanked in place, the title is found, kept lines stay verbatim."""

from __future__ import annotations

import pytest

from bot.briefing.cleanup import clean_text, dateline_length, fold_line

BODY = "Ferry crews walked out on Monday, leaving hundreds of travellers stranded at the docks."
QUOTE = '"We had no choice," said a crew member who asked not to be named.'
HEADLINE = "Ferry Strike Halts Island Traffic"


def _article(*extra: str) -> str:
    """A headline, the debris lines to test, then two body paragraphs."""
    return "\n".join([HEADLINE, *extra, BODY, QUOTE]) + "\n"


@pytest.mark.parametrize(
    "debris",
    [
        "Homepage News",
        "Homepage News World",
        "Home › Local › Politics",
        "Home > World > Europe",
        "Also read",
        "Also read:",
        "Others are reading now",
        "Read more",
        "Share this article",
        "Share on Facebook",
        "Did you like this article? Share it with your friends!",
        "Advertisement",
        "Story continues below advertisement",
        "Sign up for our newsletter",
        "Photo: Ferry crews on the picket line at the docks. (Island Herald/File)",
        "Crews on the picket line at the docks on Monday. (AP Photo/Ann Lee)",
        "Image: the empty ferry terminal",
    ],
)
def test_clean_text_drops_debris_line(debris: str) -> None:
    cleaned = clean_text(_article(debris))
    assert debris not in cleaned.text
    assert debris in cleaned.dropped


@pytest.mark.parametrize(
    "line",
    [
        "Photographers crowded the docks as the crews walked out, and the union leader waved.",
        '"We will not back down," she said (photo below).',
    ],
)
def test_clean_text_keeps_body_lines_that_mention_photos(line: str) -> None:
    assert line in clean_text(_article(line)).text


def test_clean_text_drops_headline_repeated_three_times() -> None:
    raw = "\n".join([HEADLINE, HEADLINE, HEADLINE, BODY])
    cleaned = clean_text(raw)
    assert cleaned.title == HEADLINE
    assert HEADLINE not in cleaned.text


def test_clean_text_finds_title_on_first_line() -> None:
    assert clean_text(_article()).title == HEADLINE


def test_clean_text_finds_title_after_breadcrumb_with_repeats() -> None:
    raw = "\n".join(["Homepage News World", HEADLINE, HEADLINE, BODY])
    assert clean_text(raw).title == HEADLINE


def test_clean_text_never_takes_breadcrumb_as_title() -> None:
    cleaned = clean_text("\n".join(["Home > World > Europe", HEADLINE, BODY]))
    assert cleaned.title == HEADLINE


def test_clean_text_title_drops_trailing_full_stop() -> None:
    cleaned = clean_text("\n".join([HEADLINE + ".", BODY, QUOTE]))
    assert cleaned.title == HEADLINE


def test_clean_text_keeps_length_of_original() -> None:
    raw = _article("Also read", "Share this article")
    assert len(clean_text(raw).text) == len(raw)


def test_clean_text_blanks_dropped_lines_to_line_breaks() -> None:
    raw = _article("Others are reading now")
    cleaned = clean_text(raw)
    start = raw.index("Others are reading now")
    end = start + len("Others are reading now")
    assert cleaned.text[start:end] == "\n" * (end - start)


@pytest.mark.parametrize("kept", [BODY, QUOTE])
def test_clean_text_keeps_body_lines_verbatim_at_same_offsets(kept: str) -> None:
    raw = _article("Homepage News", "Also read", "Share this article")
    cleaned = clean_text(raw)
    start = raw.index(kept)
    assert cleaned.text[start : start + len(kept)] == kept


def test_clean_text_changes_nothing_but_dropped_lines() -> None:
    raw = _article("Also read")
    cleaned = clean_text(raw)
    differing = {i for i, (a, b) in enumerate(zip(raw, cleaned.text, strict=True)) if a != b}
    dropped = range(raw.index("Also read"), raw.index("Also read") + len("Also read"))
    headline = range(0, len(HEADLINE))
    assert differing <= set(dropped) | set(headline)


def test_clean_text_keeps_one_line_text_as_body() -> None:
    line = "Ferry crews walked out on Monday."
    cleaned = clean_text(line)
    assert cleaned.text == line
    assert cleaned.title is None


def test_clean_text_keeps_long_first_paragraph_as_body() -> None:
    long_first = BODY + " " + BODY
    cleaned = clean_text("\n".join([long_first, QUOTE]))
    assert cleaned.title is None
    assert cleaned.text.startswith(long_first)


def test_clean_text_keeps_body_line_mentioning_sharing() -> None:
    line = "The two companies agreed to share the cost of the new terminal for ten years."
    cleaned = clean_text("\n".join([HEADLINE, line, BODY]))
    assert line in cleaned.text


@pytest.mark.parametrize(
    ("line", "folded"),
    [
        ("Ferry Strike Halts Island Traffic", "ferry strike halts island traffic"),
        ("  Ferry   strike: halts — traffic! ", "ferry strike halts traffic"),
        ("ＦＵＬＬ width", "full width"),
    ],
)
def test_fold_line_compares_words_only(line: str, folded: str) -> None:
    assert fold_line(line) == folded


# Issue 10: a pasted article whose first line is its headline gets that headline as title.
@pytest.mark.parametrize(
    "headline",
    [
        "U.S. drops its objection to the harbour plan",
        "Mr. Lee says the ferry strike will end on Friday",
        "Harbour Council Votes to Keep the Ferry Running Through the Winter Despite Heavy Losses "
        "and a Strike by the Crews",
        "Harbour Council Votes to Keep the Ferry Running Through the Winter Months.",
        "Ferry strike halts island traffic;",
        "EXCLUSIVE – Harbour Master: The Ferry Will Sail",
    ],
    ids=[
        "us-abbreviation",
        "mr-abbreviation",
        "long-headline-style",
        "full-stop-headline-style",
        "semicolon",
        "kicker",
    ],
)
def test_clean_text_finds_headline_on_first_line(headline: str) -> None:
    cleaned = clean_text("\n\n".join([headline, BODY, QUOTE]))
    assert cleaned.title == headline.rstrip(".")
    assert headline not in cleaned.text


@pytest.mark.parametrize(
    "first",
    [
        "HARBOURTON (Wire) — Ferry crews walked out on Monday.",
        "Ferry crews walked out on Monday. Hundreds were stranded.",
        "Ferry crews walked out on Monday morning, leaving hundreds of travellers stranded at "
        "the docks for the whole day.",
    ],
    ids=["dateline-lede", "two-sentences", "long-sentence"],
)
def test_clean_text_keeps_first_body_line_as_body(first: str) -> None:
    cleaned = clean_text("\n\n".join([first, BODY, QUOTE]))
    assert cleaned.title is None
    assert cleaned.text.startswith(first)


def test_clean_text_keeps_hard_wrapped_first_line_as_body() -> None:
    # Issue 10: a line that runs on into the next one of its paragraph is no headline.
    raw = "Ferry crews walked out on Monday, leaving hundreds\nof travellers stranded.\n\n" + BODY
    assert clean_text(raw).title is None


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("LONDON (Wire) — The party said", "LONDON (Wire) — "),
        ("WASHINGTON - The party said", "WASHINGTON - "),
        ("HARBOURTON, N.Y. — The party said", "HARBOURTON, N.Y. — "),
        ("PORTVILLE, Ohio – The party said", "PORTVILLE, Ohio – "),
        ("(Wire) -- The party said", "(Wire) -- "),
        ("Portville (Wire) - The party said", "Portville (Wire) - "),
        ("FTC: We use links", ""),
        ("TK-Safe is a tool", ""),
        ("The party - said", ""),
        ("US - China talks resumed", ""),
        (
            "HARBOURTON, Calif., March 4, 2025 /Wirenews/ -- Acme Robotics, Inc. said",
            "HARBOURTON, Calif., March 4, 2025 /Wirenews/ -- ",
        ),
    ],
)
def test_dateline_length_finds_wire_datelines(line: str, dateline: str) -> None:
    assert dateline_length(line) == len(dateline)
