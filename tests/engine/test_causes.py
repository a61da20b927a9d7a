"""Campaigns and movements named by a slogan (causes.py, issue 10)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bot.briefing.causes import named_causes
from tests.engine.conftest import MakeBrief
from tests.helpers.briefs import actor_named

OPENING = "Farmers and their allies met in the valley on Friday to talk about the dam.\n"

# (case, sentence, the cause's name the entities hold, or None)
CAUSE_CASES = [
    (
        "slogan-with-the",
        "Ann Lee of the Save the Rivers campaign spoke.",
        "Save the Rivers campaign",
    ),
    (
        "capitalised-words",
        "The Black Lives Matter movement marched.",
        "Black Lives Matter movement",
    ),
    ("one-made-up-word", "Activists of the Not1More campaign protested.", "Not1More campaign"),
    (
        "quoted",
        "The union-backed “Fight for $15” movement plans a protest.",
        "Fight for $15” movement",
    ),
    ("quoted-one-word", 'Leaders of the "Remain" campaign conceded.', 'Remain" campaign'),
    ("a-persons-campaign", "The Ted Cruz campaign said it had raised $2 million.", None),
    ("a-places-campaign", "The New Hampshire campaign was short.", None),
    ("a-year", "The 2016 campaign was long.", None),
    ("lower-case-quote", "He ran “a grassroots” campaign.", None),
    (
        "slogan-opened-by-a-verb",
        "The Save Kestrel Meadows group said it would consider a legal challenge.",
        "Save Kestrel Meadows group",
    ),
    ("a-persons-group", "The Ann Lee group said it would sue.", None),
]


@pytest.mark.parametrize(
    ("text", "name"),
    [case[1:] for case in CAUSE_CASES],
    ids=[case[0] for case in CAUSE_CASES],
)
def test_cause_named_by_a_slogan(nlp: Language, text: str, name: str | None) -> None:
    doc = nlp(text)
    causes = [e.text for e in named_causes(doc, list(doc.ents)) if e[-1].lower_ in _NOUNS]
    assert causes == ([name] if name else [])


_NOUNS = {"campaign", "movement", "group"}


def test_cause_is_an_actor_and_its_members_role(make_brief: MakeBrief) -> None:
    brief = make_brief(
        OPENING + "Kavitha Rao of the Save the Rivers campaign said the court had listened. "
        "The Save the Rivers campaign has fought the dam since 2019."
    )
    assert actor_named(brief, "Save the Rivers").kind == "organization"
    assert actor_named(brief, "Kavitha Rao").role == "Save the Rivers campaign"


# (case, text, the organization the brief lists)
CAUSE_ACTORS = [
    (
        # The quote marks and the noun are no part of the name; the movement plans, so it
        # is listed.
        "quoted-acts-through-its-noun",
        "The union-backed “Fight for $15” movement plans to protest the debate. "
        "Organizer Kendall Fells said the protest would be peaceful.",
        "Fight for $15",
    ),
    (
        "one-word-keeps-its-noun",
        "Activists of the Not1More campaign protested on Monday, and the Not1More "
        "campaign will march again in May.",
        "Not1More campaign",
    ),
    (
        "an-owners-campaign-keeps-its-owner",
        "Sen. Ann Lee spoke on Monday. The Lee campaign said it had raised $2 million, and "
        "the Lee campaign will spend it in May.",
        "Lee campaign",
    ),
]


@pytest.mark.parametrize(
    ("text", "name"),
    [case[1:] for case in CAUSE_ACTORS],
    ids=[case[0] for case in CAUSE_ACTORS],
)
def test_cause_listed_as_organization(make_brief: MakeBrief, text: str, name: str) -> None:
    assert actor_named(make_brief(OPENING + text), name).kind == "organization"
