"""Role phrases: the finders that read a role from the parse around one name."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from bot.briefing.appositions import apposition
from bot.briefing.role_phrases import DEFINITE_APPOSITION, INDEFINITE_APPOSITION, names_a_role
from bot.briefing.titles import title_role


def _person(nlp: Language, text: str) -> tuple[Doc, Span]:
    doc = nlp(text)
    return doc, next(e for e in doc.ents if e.label_ == "PERSON")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("US Secretary of State Karl Brandt flew to Geneva.", "US Secretary of State"),
        ("Mayor Anna Keller opened the bridge.", "Mayor"),
        ("Protesters met Anna Keller on Monday.", ""),
        ("The letter was sent by Chief of Staff Karl Brandt on Monday.", "Chief of Staff"),
        ("The club have sacked manager Karl Brandt after a defeat.", "manager"),
        ("Retired neurosurgeon Karl Brandt spoke first.", "Retired neurosurgeon"),
    ],
    ids=["with-of", "one-word", "none", "head-before-of", "after-a-verb", "participle"],
)
def test_title_role(nlp: Language, text: str, title: str) -> None:
    doc, name = _person(nlp, text)
    words = title_role(doc, name.start, doc[name.end - 1], "person")
    assert " ".join(w.text for w in words) == title


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("Anna Keller, the head of the water board, spoke first.", DEFINITE_APPOSITION),
        ("Anna Keller, a member of the water board, spoke first.", INDEFINITE_APPOSITION),
    ],
    ids=["definite", "indefinite"],
)
def test_apposition_rank(nlp: Language, text: str, rank: int) -> None:
    doc, name = _person(nlp, text)
    found = apposition(doc[name.end - 1], "person")
    assert found is not None
    assert found[1] == rank


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Reed met the adviser.", True),
        ("Reed met the farmer.", True),
        ("Reed met the weather.", False),
        ("Reed met the river.", False),
        ("Reed met the fee.", False),
        ("Reed met the list.", False),
    ],
    ids=["adviser", "farmer", "weather", "river", "fee", "list"],
)
def test_names_a_role(nlp: Language, text: str, role: bool) -> None:
    noun = nlp(text)[-2]
    assert names_a_role(noun) is role
