"""Parsing paragraph by paragraph: the same text and tokens as one parse, no shared sentence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

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
