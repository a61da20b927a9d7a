"""A country acting through its officials: "Sudanese officials said" (demonyms.py, issue 10)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bot.briefing.demonyms import nationality_before_name, state_agents
from tests.engine.conftest import MakeBrief

# (case, text, the country the adjective's phrase is of, or None)
STATE_AGENT_CASES = [
    ("officials", "Sudan wants a deal. Sudanese officials said the dam was a risk.", "sudan"),
    ("diplomats", "Egypt objected. Egyptian diplomats walked out on Sunday.", "egypt"),
    ("not-a-named-country", "Egypt objected. Sudanese officials said it was a risk.", None),
    ("not-its-agents", "Sudan wants a deal. Sudanese farmers said the dam was a risk.", None),
    ("one-person", "Sudan wants a deal. The Sudanese minister said it was a risk.", None),
]


@pytest.mark.parametrize(
    ("text", "country"),
    [case[1:] for case in STATE_AGENT_CASES],
    ids=[case[0] for case in STATE_AGENT_CASES],
)
def test_state_agents(nlp: Language, text: str, country: str | None) -> None:
    names = ["sudan", "egypt"]
    countries = {name: n for n, name in enumerate(names) if name.title() in text.split(".")[0]}
    found = state_agents(nlp(text), countries, set())
    assert [names[actor] for _, _, actor in found] == ([country] if country else [])


def test_country_acting_through_its_officials_is_listed(make_brief: MakeBrief) -> None:
    brief = make_brief(
        "Talks on the river dam broke down on Sunday between Egypt, Ethiopia and Sudan.\n\n"
        "Egypt said the dam was a threat. Ethiopia said it would fill the reservoir in July. "
        "Egypt asked for a binding deal, and Ethiopia refused it.\n\n"
        "Sudan, caught between the two, has called for an agreement. Sudanese officials said "
        "a filling last year had left towns without water."
    )
    assert {"Egypt", "Ethiopia", "Sudan"} <= {a.name for a in brief.actors}


@pytest.mark.parametrize(
    ("words", "opens"),
    [
        ("Canadian Paul Hart", True),
        ("Irish Sean Doyle", True),
        ("Greek George Pappas", True),  # a people the lexicon knows, whatever its ending
        ("Brian Paul Hart", False),  # a first name, not a people's adjective
        ("American Airlines Group", False),  # no first name follows
        ("Japanese", False),
    ],
)
def test_nationality_before_a_name(nlp: Language, words: str, opens: bool) -> None:
    assert nationality_before_name(list(nlp(words))) is opens
