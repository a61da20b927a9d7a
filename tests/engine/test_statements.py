"""Statements: reported speech of named actors, as verbatim spans of the article."""

from __future__ import annotations

import pytest

from tests.engine.conftest import MakeBrief
from tests.helpers.briefs import statement_with

OPENING = (
    "The ferry operator published its accounts on Monday after months of delay and criticism. "
)

# (id, sentence, verb)
REPORTED_CASES = [
    ("says", "Mara Quist says the company has hidden its losses for years.", "says"),
    ("said-after", "The company has hidden its losses for years, Mara Quist said.", "said"),
    (
        "told-that",
        "Mara Quist told reporters that the company had hidden its losses for years.",
        "told",
    ),
    ("believes", "Mara Quist believes the company has hidden its losses for years.", "believes"),
    (
        "according-to-first",
        "According to Mara Quist, the company has hidden its losses for years.",
        "according to",
    ),
    (
        "according-to-inside",
        "The company, according to Mara Quist, has hidden its losses for years.",
        "according to",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [case[1:] for case in REPORTED_CASES],
    ids=[case[0] for case in REPORTED_CASES],
)
def test_statement_of_reported_speech(make_brief: MakeBrief, sentence: str, verb: str) -> None:
    statement = statement_with(make_brief(OPENING + sentence), "hidden its losses")
    assert (statement.text, statement.speaker, statement.verb, statement.kind) == (
        sentence,
        "Mara Quist",
        verb,
        "reported",
    )


def test_statement_speaker_id_points_at_actor(make_brief: MakeBrief) -> None:
    brief = make_brief(OPENING + "Mara Quist says the company has hidden its losses for years.")
    actor = brief.actor(statement_with(brief, "hidden").speaker_id)
    assert actor is not None
    assert actor.name == "Mara Quist"


def test_statement_by_surname_goes_to_full_name(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Mayor Karen Holt opened the new library on Monday. "
        "Holt said the building had cost less than planned."
    )
    assert statement_with(brief, "cost less").speaker == "Karen Holt"


@pytest.mark.parametrize(
    "sentence",
    [
        '"The company has hidden its losses for years," Mara Quist said.',
        "I think the company has hidden its losses for years.",
        "Union leaders say the company has hidden its losses for years.",
        "The company has hidden its losses for years.",
    ],
    ids=["direct-quote", "writer", "unnamed-group", "no-speech"],
)
def test_statement_not_made_of(make_brief: MakeBrief, sentence: str) -> None:
    assert make_brief(OPENING + sentence).statements == ()


def test_statement_in_relative_clause(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "Mark Dorn, who recently said he would join the talks, stayed at home."
    )
    assert statement_with(brief, "join the talks").speaker == "Mark Dorn"


def test_statement_is_never_credited_to_the_dateline(make_brief: MakeBrief) -> None:
    # Issue 10: the parser makes the dateline the subject of the lede's verb.
    brief = make_brief(
        "PORTVILLE (Wire) — The harbour council was told on Monday that the ferry would stop "
        "running for the whole winter.\n\nMore text follows about the ferry and the vote.\n"
    )
    assert all(s.speaker != "PORTVILLE" for s in brief.statements)
