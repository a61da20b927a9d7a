"""Stake features: the cues a careful reader's stake is stated with, one behaviour per test."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bot.briefing.engine import stake_candidates_of

OPENING = "The council met on Monday to discuss the harbor. "


def features_of(nlp: Language, sentence: str) -> dict[str, float]:
    """The features of the candidate that holds this sentence."""
    text = OPENING + sentence
    found = [c for c in stake_candidates_of(text, nlp) if c.start >= len(OPENING)]
    assert len(found) == 1
    return found[0].features


@pytest.mark.parametrize(
    ("sentence", "feature"),
    [
        ("The mayor wants to sell the old ferry before the winter.", "desire_xcomp"),
        ("The port could lose its biggest customer next spring.", "modal=could"),
        ("If the vote fails, the dredging will stop for a whole year.", "mark_cond"),
        ("The union is likely to strike when the contract ends.", "future_adj"),
        ("The city raised the fees to pay for the new cranes.", "purpose_to"),
        ("The delay puts three hundred jobs at risk this winter.", "c=risk_any"),
        ("Fishermen stand to gain a new pier from the long deal.", "c=gain_any"),
    ],
    ids=["desire", "modal", "condition", "likely", "purpose", "risk", "gain"],
)
def test_sentence_features_mark_stake_cues(nlp: Language, sentence: str, feature: str) -> None:
    assert features_of(nlp, sentence).get(feature) == 1.0


def test_sentence_features_see_quoted_words(nlp: Language) -> None:
    features = features_of(nlp, '"We will lose the contract if we wait," said Mayor Ana Ruiz.')
    assert features["quoted_any"] == 1.0


def test_sentence_features_see_the_main_actor(nlp: Language) -> None:
    text = (
        "Mayor Ana Ruiz opened the harbor on Monday. Ana Ruiz said the port was ready. "
        "Ruiz wants to double the traffic by the spring."
    )
    last = stake_candidates_of(text, nlp)[-1]
    assert last.features["top1"] == 1.0


def test_stake_candidates_skip_sentences_without_any_cue(nlp: Language) -> None:
    text = OPENING + "The hall was full and the chairs were blue and the walls were white."
    assert all(c.start < len(OPENING) for c in stake_candidates_of(text, nlp))
