"""Terms, handles, slogans and titles set off by quote marks are nobody's words (issue 10).

Each case is a short text of our own; the quote in it must not be listed as speech, or
must stay speech when someone uses the words.
"""

from __future__ import annotations

import pytest

from bot.briefing.terms import in_quoted_list
from tests.engine.conftest import MakeBrief
from tests.helpers.briefs import quote_with

OPENING = "The island clinic reported an unusual case to the health board on Monday morning.\n\n"

NOT_SPEECH = [
    ("passive-called", 'Doctors said the illness is called "harbour fever" in the old town.'),
    (
        "what-is-called",
        'Dr. Lena Voss said he had what is called "harbour fever" after the storm.',
    ),
    ("dubbed", 'Dr. Lena Voss treated him. The illness has been dubbed "harbour fever" locally.'),
    ("known-as", 'Dr. Lena Voss treated a condition known as "harbour fever" for a month.'),
    ("so-called", 'Dr. Lena Voss treated the so-called "harbour fever" for a month.'),
    (
        "a-show-called",
        'Dr. Lena Voss later hosted a radio show called "Ask the Doctor" on Fridays.',
    ),
    ("term-is", 'Dr. Lena Voss said the term most often used is "harbour fever" in the area.'),
    ("slogan", 'Dr. Lena Voss launched a campaign with the slogan "Wash hands, stay well."'),
    ("slogan-asked", 'The clinic chose a new slogan. The slogan?\n\n"Wash hands, stay well."'),
    ("handle", 'Dr. Lena Voss renamed the clinic account "harbourClinicNews" on Monday.'),
    (
        "quote-as-subject",
        'Dr. Lena Voss spoke.\n\n"Wash hands, stay well" is printed on every wall.',
    ),
    (
        "list-of-titles",
        'Dr. Lena Voss played songs including "Harbour Lights," "Old Town Road" and "Blue Sea."',
    ),
    (
        "nouns-naming-a-kind-of-the-noun-after",
        'Dr. Lena Voss said the clinic charges a $45 monthly "smart home technology" fee, '
        'a $30 "valet trash" fee and late fees.',
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_SPEECH], ids=[c[0] for c in NOT_SPEECH])
def test_engine_skips_quoted_names_that_are_not_speech(make_brief: MakeBrief, text: str) -> None:
    brief = make_brief(OPENING + text + "\n")
    assert brief.quotes == ()


SPEECH = [
    ("called-it", 'Dr. Lena Voss called the outbreak "a warning for every island" on Monday.'),
    ("used-the-words", 'Dr. Lena Voss used the words "a warning for every island" on Monday.'),
    ("own-slogan", 'Dr. Lena Voss said her slogan is "a warning for every island" this year.'),
    ("one-word-said", '"Amazing," Dr. Lena Voss said after the tests came back clean.'),
    ("adjective-before-a-noun", 'Dr. Lena Voss said it was a "reckless" decision by the board.'),
]


@pytest.mark.parametrize("text", [c[1] for c in SPEECH], ids=[c[0] for c in SPEECH])
def test_engine_keeps_words_someone_says(make_brief: MakeBrief, text: str) -> None:
    brief = make_brief(OPENING + text + "\n")
    assert [q.speaker for q in brief.quotes] == ["Lena Voss"]


def test_words_on_signs_are_nobodys_speech(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + 'Patients packed the hall, many holding signs that read "Clinics not cuts." '
        'Dr. Lena Voss spoke next. "We are full every night," she said.\n'
    )
    # The sign's words were given to the paragraph's speaker.
    assert [q.text for q in brief.quotes] == ["We are full every night,"]


def test_engine_keeps_speech_after_a_title_it_names(make_brief: MakeBrief) -> None:
    # `X called “Title” "a fine game."`: the title goes, X's words stay X's.
    brief = make_brief(
        OPENING + "Harbour Games called 'Island Quest: Part Two' \"a fine game for all ages.\"\n"
    )
    quote = quote_with(brief, "a fine game")
    assert (quote.speaker, len(brief.quotes)) == ("Harbour Games", 1)


@pytest.mark.parametrize(
    ("text", "words", "listed"),
    [
        ('songs "Harbour Lights," "Old Town Road" and "Blue Sea."', "Old Town Road", True),
        ('songs "Harbour Lights" and "Blue Sea."', "Blue Sea.", True),
        ('"We lost." "Blue Sea" is a song.', "We lost.", False),
        ('"We lost."\n"Blue Sea," she said.', "Blue Sea,", False),
    ],
    ids=["middle", "after-and", "sentence-ends", "new-line"],
)
def test_in_quoted_list(text: str, words: str, listed: bool) -> None:
    start = text.index(words)
    assert in_quoted_list(text, start, start + len(words)) is listed
