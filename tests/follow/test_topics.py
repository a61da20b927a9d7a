"""The topic parser: words, phrases, OR, exclusions, actors, folding, and valid FTS5 always."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import InvalidTopic
from bot.follow.topics import MAX_QUERY_CHARS, Term, TopicQuery, fold, parse_topic


def _fts_table() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE idx USING fts5(title, body, actors, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    rows = [
        (
            "Peace talks resume",
            "Zelensky met envoys in Geneva for peace talks.",
            "Volodymyr Zelensky",
        ),
        ("Harbor bridge reopens", "The mayor said the bridge opens in May.", "Lena Ortiz"),
        (
            "Ceasefire deal",
            "Both sides agreed a ceasefire; Zelensky was not there.",
            "Olena Kovalenko",
        ),
        (
            "Café owners protest",
            "José Núñez and other owners of the café on Main Street protested.",
            "José Núñez",
        ),
    ]
    conn.executemany("INSERT INTO idx (title, body, actors) VALUES (?, ?, ?)", rows)
    return conn


def _matches(query: str) -> list[int]:
    conn = _fts_table()
    fts = parse_topic(query).to_fts()
    found = conn.execute("SELECT rowid FROM idx WHERE idx MATCH ? ORDER BY rowid", [fts])
    return [row[0] for row in found]


def test_parse_topic_words_are_all_required() -> None:
    assert parse_topic("peace talks") == TopicQuery(
        ((Term("word", "peace"),), (Term("word", "talks"),))
    )
    assert _matches("peace talks") == [1]


def test_parse_topic_phrase_keeps_word_order() -> None:
    assert parse_topic('"peace talks"').groups == ((Term("phrase", "peace talks"),),)
    assert _matches('"talks peace"') == []


def test_parse_topic_curly_quotes_make_a_phrase() -> None:
    assert parse_topic("“peace talks”").groups == ((Term("phrase", "peace talks"),),)


def test_parse_topic_or_binds_tighter_than_and() -> None:
    query = parse_topic("zelensky peace OR ceasefire")
    assert query.groups == (
        (Term("word", "zelensky"),),
        (Term("word", "peace"), Term("word", "ceasefire")),
    )
    assert _matches("zelensky peace OR ceasefire") == [1, 3]


def test_parse_topic_lowercase_or_is_a_word() -> None:
    assert len(parse_topic("peace or war").groups) == 3


def test_parse_topic_excluded_words_and_phrases() -> None:
    query = parse_topic('zelensky -ceasefire -"harbor bridge"')
    assert query.excluded == (Term("word", "ceasefire"), Term("phrase", "harbor bridge"))
    assert _matches("zelensky -ceasefire") == [1]


def test_parse_topic_actor_matches_actors_not_words() -> None:
    assert parse_topic('actor:"Volodymyr Zelensky"').groups == (
        (Term("actor", "Volodymyr Zelensky"),),
    )
    assert _matches("actor:Zelensky") == [1]  # row 3 names him only in its text
    assert _matches('-actor:"Lena Ortiz" bridge OR ceasefire') == [3]


@pytest.mark.parametrize("query", ["cafe", "CAFÉ", "jose nunez", "JOSÉ"])
def test_parse_topic_folds_case_and_diacritics(query: str) -> None:
    assert _matches(query) == [4]


def test_parse_topic_canonical_round_trips() -> None:
    query = parse_topic('peace  OR  "cease fire" -war actor:Kovalenko')
    assert query.canonical() == 'peace OR "cease fire" actor:"Kovalenko" -war'
    assert parse_topic(query.canonical()) == query


def test_topic_key_ignores_case_and_accents() -> None:
    assert parse_topic("Café Owners").key() == parse_topic("cafe owners").key()


def test_fold_strips_marks_and_collapses_spacing() -> None:
    assert fold("  Žofie   Ňůñez ") == "zofie nunez"


def _fold_by_character(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFC", bare).split())


@given(st.text())
def test_fold_drops_exactly_the_marks_a_per_character_loop_drops(text: str) -> None:
    # fold skips ASCII when it looks for marks (issue 13: the quote bank folds many quotes).
    assert fold(text) == _fold_by_character(text)


@pytest.mark.parametrize("text", ["", "   ", "-war", "OR", "!!! ???", "x" * (MAX_QUERY_CHARS + 1)])
def test_parse_topic_refuses_unusable_queries(text: str) -> None:
    with pytest.raises(InvalidTopic):
        parse_topic(text)


def test_parse_topic_refuses_too_many_terms() -> None:
    with pytest.raises(InvalidTopic):
        parse_topic(" ".join(f"w{n}" for n in range(13)))


def test_parse_topic_apostrophes_stay_in_words() -> None:
    assert parse_topic("O'Brien").groups == ((Term("word", "O'Brien"),),)


def test_parse_topic_fts_syntax_in_input_is_only_text() -> None:
    assert _matches('title:peace NEAR(a b) * ^x AND "') == []


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_parse_topic_any_input_gives_valid_fts_or_invalid_topic(text: str) -> None:
    try:
        query = parse_topic(text)
    except InvalidTopic:
        return
    conn = _fts_table()
    conn.execute("SELECT rowid FROM idx WHERE idx MATCH ?", [query.to_fts()]).fetchall()
    assert parse_topic(query.canonical()).key() == query.key()
