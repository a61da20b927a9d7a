"""Stake actors: whose stake a sentence states, picked by the shipped actor model."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bot.briefing.engine import stake_candidates_of
from bot.briefing.stakeactor import ActorOptions, load_actor_model, pick_actor
from bot.briefing.stakemodel import StakeModel
from tests.engine.conftest import MakeBrief

OPENING = "The board met on Monday. "


def _features(text: str, nlp: Language) -> list[dict[str, float]]:
    """The features of every actor option (not "no actor") of a one-stake text."""
    (candidate,) = [c for c in stake_candidates_of(OPENING + text, nlp) if c.start > 0]
    return [f for actor, f in candidate.actors.items() if actor is not None]


def test_stake_actor_options_always_offer_no_actor(nlp: Language) -> None:
    text = OPENING + "Prices could rise sharply if the plant closes next year."
    (candidate,) = [c for c in stake_candidates_of(text, nlp) if c.start > 0]
    assert list(candidate.actors) == [None]
    assert candidate.actors[None]["null_n=0"] == 1.0


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The new ruling could badly hurt Maria Lopez in the fall.", "p=affected"),
        ("Prosecutors could bring charges against Maria Lopez next year.", "p=for"),
        ("Maria Lopez hopes to win the seat in the fall.", "p=subject"),
        ("Maria Lopez said the ruling could cost the town its plant.", "p=reporter"),
    ],
    ids=["object-of-help", "against", "subject", "reporter"],
)
def test_stake_actor_place_of_mention(nlp: Language, sentence: str, place: str) -> None:
    (features,) = _features(sentence, nlp)
    assert features[place] == 1.0


def test_stake_actor_subject_of_wanting(nlp: Language) -> None:
    (features,) = _features("Maria Lopez wants to sell the plant to raise cash.", nlp)
    assert features["desire_subject"] == 1.0


def test_stake_actor_speaker_of_first_person_quote(nlp: Language) -> None:
    (features,) = _features('"If the buyer backs out, we lose everything," said Felix Amsel.', nlp)
    assert features["spk"] == features["spk_first"] == 1.0


def test_stake_actor_names_outside_the_stake_are_not_options(nlp: Language) -> None:
    text = '"You want to close the plant and cost us our jobs," Felix Amsel told Ivan Petrov.'
    options = _features(text, nlp)
    assert len(options) == 1  # the speaker; Ivan Petrov is named outside the quoted words
    assert options[0]["spk_second"] == 1.0


def test_pick_actor_takes_the_most_likely_option() -> None:
    model = StakeModel({"p=affected": 2.0, "null": 0.5}, 0.0, 0.0)
    options: ActorOptions = {3: {"p=reporter": 1.0}, 5: {"p=affected": 1.0}, None: {"null": 1.0}}
    assert pick_actor(options, model) == 5
    assert pick_actor({3: {"p=reporter": 1.0}, None: {"null": 1.0}}, model) is None


def test_load_actor_model_prefers_people_and_the_speakers_own_side() -> None:
    w = load_actor_model().weights
    assert w["l=person"] > w["l=place"]
    assert w["p=subject"] > w["p=object"]
    assert w["spk_first"] > w["spk_third"]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        (
            "Critics say the new ruling will help Maria Lopez win the seat in the fall.",
            "Maria Lopez",
        ),
        (
            "Prosecutors will not bring charges against Maria Lopez, the agency said.",
            "Maria Lopez",
        ),
        ("Prices in Ohio could rise sharply if the plant closes next year.", None),
    ],
    ids=["helped", "charged", "place-only"],
)
def test_stake_actor_in_brief(
    make_brief: MakeBrief, nlp: Language, sentence: str, actor: str | None
) -> None:
    text = OPENING + sentence
    (candidate,) = [c for c in stake_candidates_of(text, nlp) if c.start > 0]
    picked = pick_actor(candidate.actors, load_actor_model())
    assert (picked is None) == (actor is None)
    # Whether the stake is kept is the stake model's call; when kept, it has this actor.
    assert all(s.actor == actor for s in make_brief(text).stakes)
