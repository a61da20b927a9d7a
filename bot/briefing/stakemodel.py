"""The stake models: logistic regressions over `stakecues` features, shipped as JSON.

`make train` fits them on the project's own double-annotated articles
(bench/train_stakes.py): bot/data/stakes-model.json reads the cues of every sentence and
makes the shortlist; bot/data/stakes-vector-model.json reads the cues and the sentence
vectors (`sentvec`) of the shortlisted ones and orders them. The engine only reads them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "MODEL_FILE",
    "VECTOR_MODEL_FILE",
    "StakeModel",
    "load_stake_model",
    "load_vector_model",
]

MODEL_FILE = "stakes-model.json"
VECTOR_MODEL_FILE = "stakes-vector-model.json"  # the second look: cues and sentence vectors


@dataclass(frozen=True, slots=True)
class StakeModel:
    """Feature weights, the intercept, and the lowest probability still worth showing."""

    weights: dict[str, float]
    intercept: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        """Return how likely a careful reader is to mark this sentence as a stake."""
        z = self.intercept + sum(
            value * self.weights.get(name, 0.0) for name, value in features.items()
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        """Serialize the model (sorted, so retraining on the same data gives the same file)."""
        data = {
            "intercept": round(self.intercept, 6),
            "threshold": self.threshold,
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if v},
        }
        return json.dumps(data, indent=1, sort_keys=True) + "\n"


def parse_stake_model(text: str) -> StakeModel:
    """Read a model from its JSON text."""
    data = json.loads(text)
    return StakeModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
    )


def load_shipped_model(name: str) -> StakeModel:
    """Read a model shipped in bot/data by its file name."""
    return parse_stake_model(resources.files("bot").joinpath("data", name).read_text("utf-8"))


@cache
def load_stake_model() -> StakeModel:
    """Load the shipped shortlist model (cues only) once per process."""
    return load_shipped_model(MODEL_FILE)


@cache
def load_vector_model() -> StakeModel:
    """Load the shipped second-look model (cues and sentence vectors) once per process."""
    return load_shipped_model(VECTOR_MODEL_FILE)
