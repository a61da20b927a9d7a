"""Stake features: the cues a careful reader's stake is stated with, one behaviour per test."""

from __future__ import annotations

import os
import subprocess
import sys

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


@pytest.mark.parametrize(
    "sentence",
    [
        "A port official, who spoke on condition of anonymity, said the cranes would stay.",
        "The mayor said she would sell the ferry even if the vote went against her.",
    ],
    ids=["anonymity", "concession"],
)
def test_set_phrases_are_no_condition(nlp: Language, sentence: str) -> None:
    features = features_of(nlp, sentence)
    assert "c=condition_any" not in features
    assert "mark_cond" not in features


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


_FEATURES_SCRIPT = """
import json
from bot.briefing.engine import stake_candidates_of
text = (
    "Harbor fees rise. The harbor board raised the harbor fees again on Monday. "
    "The board said the fees would pay for new cranes, dredging, ferries and a new pier. "
    "Fishermen fear the harbor fees could cost them their boats and their pier. "
    "The mayor wants the board to freeze the fees before the ferry season and the vote."
)
print(json.dumps([sorted(c.features.items()) for c in stake_candidates_of(text)]))
"""


def test_features_are_the_same_in_every_process() -> None:
    # Sets iterate in a per-process order (string hashing is seeded at start-up): a float
    # summed over one would differ in its last bits, and `make train` would not repeat.
    runs = [
        subprocess.run(
            [sys.executable, "-c", _FEATURES_SCRIPT],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    ]
    assert runs[0]
    assert runs[0] == runs[1] == runs[2]
