"""The stake model: a logistic regression read from JSON."""

from __future__ import annotations

from bot.briefing.stakemodel import (
    StakeModel,
    load_stake_model,
    load_vector_model,
    parse_stake_model,
)


def test_stake_model_probability_rises_with_weighted_features() -> None:
    model = StakeModel({"modal": 2.0, "nums": -1.0}, intercept=-1.0, threshold=0.5)
    assert (
        model.probability({"modal": 1.0})
        > model.probability({})
        > model.probability({"nums": 1.0})
    )


def test_stake_model_ignores_unknown_features() -> None:
    model = StakeModel({"modal": 2.0}, intercept=0.0, threshold=0.5)
    assert model.probability({"unseen": 5.0}) == 0.5


def test_stake_model_survives_extreme_scores() -> None:
    model = StakeModel({"x": 1.0}, intercept=0.0, threshold=0.5)
    assert model.probability({"x": 1e6}) <= 1.0
    assert model.probability({"x": -1e6}) >= 0.0


def test_stake_model_json_round_trip() -> None:
    model = StakeModel({"b": -0.25, "a": 1.5}, intercept=-2.0, threshold=0.25)
    assert parse_stake_model(model.to_json()) == model


def test_stake_model_json_is_sorted_and_stable() -> None:
    model = StakeModel({"b": -0.25, "a": 1.5, "zero": 0.0}, intercept=-2.0, threshold=0.25)
    text = model.to_json()
    assert text == StakeModel(dict(reversed(model.weights.items())), -2.0, 0.25).to_json()
    assert '"zero"' not in text


def test_shipped_stake_models_load() -> None:
    # The shortlist model has no threshold of its own; the second look's threshold decides.
    shortlist, second_look = load_stake_model(), load_vector_model()
    assert shortlist.weights
    assert any(name.startswith("v") and name[1:].isdigit() for name in second_look.weights)
    assert 0.0 < second_look.threshold < 1.0
