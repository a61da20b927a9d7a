"""Fixtures for the engine tests: the spaCy model, loaded once per session, and a briefer.

`make_brief(text)` briefs a text with the session model and checks, on every brief any
test builds, that each quote, statement and stake is verbatim (tests/helpers/briefs.py).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from bot.briefing.engine import build_brief
from bot.briefing.model import ArticleMeta, Brief
from bot.briefing.nlp import load_model
from tests.helpers.briefs import assert_verbatim

MakeBrief = Callable[..., Brief]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The English model, loaded once for the whole test session."""
    return load_model()


@pytest.fixture(scope="session")
def make_brief(nlp: Language) -> MakeBrief:
    """Brief a text with the session model; fail the test if any span is not verbatim."""

    def brief(text: str, meta: ArticleMeta | None = None) -> Brief:
        result = build_brief(text, meta, nlp=nlp)
        assert_verbatim(result)
        return result

    return brief
