"""Parsing paragraph by paragraph: the same text and tokens as one parse, no shared sentence."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

import bot.briefing.nlp as nlp_module
from bot.briefing.nlp import paragraph_chunks, parse

ARTICLE = (
    "Port Talks Stall\n\n"
    "Mayor Ana Ruiz said on Monday that the harbour deal could collapse.\n"
    "  \n"
    '"We will not sign a bad deal," she said. The union wants a vote.\n\n'
    "Talks resume on Friday"
)


@given(st.text(alphabet=st.sampled_from("ab .\n\t\r"), max_size=40))
def test_chunks_give_the_text_back(text: str) -> None:
    assert "".join(paragraph_chunks(text)) == text


def test_each_chunk_ends_after_its_line_breaks() -> None:
    assert paragraph_chunks("One.\n\n  Two.\nThree") == ["One.\n\n  ", "Two.\n", "Three"]
    assert paragraph_chunks("") == [""]


def test_parse_keeps_the_tokens_of_one_parse(nlp: Language) -> None:
    doc = parse(nlp, ARTICLE)
    assert doc.text == ARTICLE
    assert [t.text for t in doc] == [t.text for t in nlp(ARTICLE)]
    assert [t.idx for t in doc] == [t.idx for t in nlp(ARTICLE)]


def test_parse_starts_a_sentence_in_every_paragraph(nlp: Language) -> None:
    doc = parse(nlp, ARTICLE)
    openings = {s[0].text for s in doc.sents if not s[0].is_space}
    assert {"Port", "Mayor", '"', "Talks"} <= openings
    whole = nlp(ARTICLE)
    assert [(e.start_char, e.label_) for e in doc.ents] == [
        (e.start_char, e.label_) for e in whole.ents
    ]
    assert all("\n" not in s.text.strip() for s in doc.sents)


def test_parse_tags_entities_beside_the_parser(nlp: Language) -> None:
    doc = parse(nlp, ARTICLE)
    # The entity recogniser runs beside the parser; its entities reach every paragraph.
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "DATE"] == [
        ("Monday", "DATE"),
        ("Friday", "DATE"),
    ]
    assert any(t.dep_ == "ROOT" for t in doc)
    assert all(t.lemma_ for t in doc if t.is_alpha)


class _BrokenRecogniser:
    def pipe(self, docs: object, batch_size: int) -> list[object]:
        raise RuntimeError("recogniser failed")


class _ModelWithABrokenRecogniser:
    """The real model, but its entity recogniser fails."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def get_pipe(self, name: str) -> object:
        return _BrokenRecogniser() if name == "ner" else self.nlp.get_pipe(name)

    def __getattr__(self, name: str) -> object:
        return getattr(self.nlp, name)


def test_an_error_of_the_recogniser_reaches_the_caller(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken: Any = _ModelWithABrokenRecogniser(nlp)
    # In its thread, and in its process (where it is tried again in this one, and fails).
    monkeypatch.setattr(nlp_module, "_recogniser_process", lambda model: None)
    with pytest.raises(RuntimeError, match="recogniser failed"):
        parse(broken, ARTICLE)
    monkeypatch.undo()
    with pytest.raises(RuntimeError, match="recogniser failed"):
        parse(broken, ARTICLE)


def test_a_number_sign_stays_one_token_and_one_sentence(nlp: Language) -> None:
    doc = parse(nlp, "As Tom Reyes, the No. 2 in the leadership, put it: the plan fails.\n")
    assert "No." in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


def test_an_answer_no_still_ends_its_sentence(nlp: Language) -> None:
    doc = parse(nlp, 'She asked, "Is it over? No. But it hurts."\n')
    assert any(s.text.startswith("But") for s in doc.sents)
