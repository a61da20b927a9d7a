"""Agency: what a name mention does in its sentence (acts, is affected, sets, reports)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bot.briefing.agency import (
    AGENT,
    COMPARISON,
    MODIFIER,
    OBJECT,
    OTHER,
    REPORT,
    SETTING,
    mention_function,
)
from bot.briefing.mentions import Mention


def _function_of(nlp: Language, text: str, name: str) -> str:
    doc = nlp(text)
    ent = next(e for e in doc.ents if e.text == name)
    mention = Mention(ent.start, ent.end, "name", "place", ent.text, 0, 0)
    return mention_function(doc, mention)


@pytest.mark.parametrize(
    ("text", "name", "function"),
    [
        ("Ohio sued the federal government on Monday over the new rules.", "Ohio", AGENT),
        ("Protesters gathered in Ohio on Monday as the vote began.", "Ohio", SETTING),
        ("The mayor told CNN on Monday that the bridge would reopen.", "CNN", REPORT),
        (
            "The bridge will reopen in spring, according to the Daily Ledger.",
            "the Daily Ledger",
            REPORT,
        ),
        ("The Iowa caucuses are the first test of the season.", "Iowa", MODIFIER),
        ("The senators sued Google over the new search rules.", "Google", OBJECT),
        ("As reported by the Daily Ledger, the bridge will close.", "the Daily Ledger", REPORT),
        ("The race was called by the Daily Ledger after midnight.", "the Daily Ledger", AGENT),
        ("Polls favour Ohio, which sued the agency in May.", "Ohio", AGENT),
        ("He admires strong leaders like Karl Brandt and always has.", "Karl Brandt", COMPARISON),
        ("He won states such as Ohio in the first round of votes.", "Ohio", COMPARISON),
        (
            "The firm declined to comment on the price to the Daily Ledger.",
            "the Daily Ledger",
            REPORT,
        ),
        ("The mayor spoke to the Daily Ledger about the bridge.", "the Daily Ledger", REPORT),
        ("The mayor sent the plans to Ohio on Monday.", "Ohio", SETTING),
        ("The leaders of Norway and Chile agreed on Tuesday to reopen the port.", "Norway", AGENT),
        ("Poland's climate minister said the fund would retrain miners.", "Poland", AGENT),
        ("Poland's coal mines will close by 2035 under the new plan.", "Poland", OTHER),
        (
            "Crews from the Harbor Workers Union walked off the job on Monday.",
            "the Harbor Workers Union",
            AGENT,
        ),
        (
            "Ann Lee, vice president at Acme Foods, said the plant would close.",
            "Acme Foods",
            SETTING,
        ),
    ],
    ids=[
        "subject",
        "in-place",
        "told-outlet",
        "according-to",
        "modifier",
        "object",
        "reported-by",
        "passive-agent",
        "relative-clause",
        "like-a-name",
        "such-as",
        "comment-to-outlet",
        "spoke-to",
        "sent-to-place",
        "leaders-of-a-country",
        "a-country's-minister",
        "a-country's-mines",
        "members-of-a-body",
        "works-at-a-body",
    ],
)
def test_mention_function(nlp: Language, text: str, name: str, function: str) -> None:
    assert _function_of(nlp, text, name) == function
