"""Ranking actors: the central ones first, and a long list filled to twelve (issue 10)."""

from __future__ import annotations

from bot.briefing.actors import centrality, rank_actors
from bot.briefing.agency import AGENT, COMPARISON, OBJECT
from bot.briefing.names import ActorDraft


def _person(name: str, acts: int, at: int) -> ActorDraft:
    """A named person the article shows acting `acts` times, first met at token `at`."""
    first, last = name.split()
    return ActorDraft(name, "person", {name}, first, last, mentions=acts, first_token=at,
                      full_mentions=1, functions={AGENT: acts})  # fmt: skip


MINOR = _person("Ida Brandt", 0, 900)
MINOR.mentions = 1


def test_minor_actor_is_below_the_bar_but_close() -> None:
    assert -1.0 < centrality(MINOR, 1000) <= 0


def test_short_list_keeps_only_central_actors() -> None:
    central = [_person(f"Anna Keller{n}", 3, n * 10) for n in range(4)]
    actors, _ = rank_actors([*central, MINOR], 1000)
    assert "Ida Brandt" not in [a.name for a in actors]


def test_full_list_is_filled_to_twelve_with_the_next_ones() -> None:
    central = [_person(f"Anna Keller{n}", 3, n * 10) for n in range(8)]
    actors, ids = rank_actors([MINOR, *central], 1000)
    assert [a.name for a in actors][-1] == "Ida Brandt"  # after every central actor
    assert len(ids) == 9


def _body(name: str, acts: int) -> ActorDraft:
    """An organization the article names `acts` times, each time acting."""
    return ActorDraft(name, "organization", {name}, mentions=acts, functions={AGENT: acts})


def test_party_members_as_a_whole_rank_below_a_named_body() -> None:
    assert centrality(_body("Democrats", 4), 1000) < centrality(_body("Farmers League", 4), 1000)


def _owner(name: str, mentions: int) -> ActorDraft:
    """An organization named `mentions` times, only as the owner of things ("X's probe")."""
    return ActorDraft(
        name, "organization", {name}, mentions=mentions, functions={"other": mentions}
    )


def test_acronym_named_often_ranks_as_a_body_named_in_full() -> None:
    often = centrality(_owner("NSRA", 5), 1000)
    assert often == centrality(_owner("Norland Space Research Agency", 5), 1000)
    assert centrality(_owner("NSRA", 2), 1000) < often - 1.0


def test_party_nickname_ranks_below_a_named_body() -> None:
    assert centrality(_body("GOP", 4), 1000) < centrality(_body("Acme", 4), 1000) - 1.0


def test_person_named_only_in_a_comparison_is_not_listed() -> None:
    compared = _person("Karl Brandt", 0, 20)
    compared.mentions, compared.role, compared.functions = 1, "general", {COMPARISON: 1}
    central = [_person(f"Anna Keller{n}", 3, n * 10) for n in range(3)]
    actors, _ = rank_actors([*central, compared], 1000)
    assert "Karl Brandt" not in [a.name for a in actors]


def test_names_only_compared_still_open_the_tail() -> None:
    compared = _person("Karl Brandt", 0, 20)
    compared.mentions, compared.role, compared.functions = 1, "general", {COMPARISON: 1}
    central = [_person(f"Anna Keller{n}", 3, n * 10) for n in range(7)]
    actors, _ = rank_actors([*central, compared, MINOR], 1000)
    assert [a.name for a in actors][-1] == "Ida Brandt"


def test_a_states_government_is_listed_as_the_country_acting() -> None:
    state = _body("Norlandish government", 4)
    state.state = True
    actors, _ = rank_actors([state, _body("Federal government", 4)])
    kinds = {a.name: a.kind for a in actors}
    assert kinds == {"Norlandish government": "place", "Federal government": "organization"}


def test_body_named_once_as_directly_affected_fills_a_full_list() -> None:
    central = [_person(f"Anna Keller{n}", 3, n * 10) for n in range(8)]
    fined = ActorDraft("Orvane Shipping Company", "organization", {"Orvane Shipping Company"},
                       mentions=1, first_token=20, functions={OBJECT: 1})  # fmt: skip
    actors, _ = rank_actors([*central, fined], 1000)
    assert "Orvane Shipping Company" in [a.name for a in actors]


def test_country_that_acts_once_by_name_is_listed_when_central() -> None:
    # "Russia said it would not cut output" once by name, once inside a quote.
    russia = ActorDraft("Russia", "place", {"Russia"}, mentions=2,
                        functions={AGENT: 1, "quoted-" + AGENT: 1})  # fmt: skip
    assert centrality(russia, 1000) > 0
    actors, _ = rank_actors([russia], 1000)
    assert [a.name for a in actors] == ["Russia"]
