"""The quote bank's look-ups: a person's quotes, newest first, each distinct quote once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.follow.quotebank import QuoteBank, merge_sources
from storage import Database, list_speaker_quotes, open_db
from tests.helpers.quotes import quoted_brief, save_quoted

READY = "We are ready to open the bridge to traffic in May"


@pytest.fixture
def fresh_db() -> Iterator[Database]:
    db = open_db(":memory:")
    yield db
    db.close()


def _save_story(db: Database, key: str, site: str, published: str, said: list[str]) -> None:
    brief = quoted_brief(
        [("Lena Ortiz", words) for words in said],
        url=f"https://{key}/story", site=site, published=published,
        roles={"Lena Ortiz": "Mayor"},
    )  # fmt: skip
    save_quoted(db, brief, key)


def test_merge_sources_keeps_a_quote_once_with_its_sources(fresh_db: Database) -> None:
    _save_story(fresh_db, "b.example", "Bell News", "2026-11-30", [READY, "Only here"])
    _save_story(fresh_db, "a.example", "Alder Gazette", "2026-11-20", [f"{READY.upper()}!"])
    merged = merge_sources(list_speaker_quotes(fresh_db, "lena ortiz"))
    assert [(m.quote.text, m.quote.site, m.sources) for m in merged] == [
        (READY, "Bell News", 2),
        ("Only here", "Bell News", 1),
    ]


def test_who_by_surname_gives_the_person_newest_first(fresh_db: Database) -> None:
    _save_story(fresh_db, "a.example", "Alder Gazette", "2026-11-20", ["First words"])
    _save_story(fresh_db, "b.example", "Bell News", "2026-11-30", ["Last words"])
    answer = QuoteBank(fresh_db).who("ORTIZ")
    assert answer.person is not None
    assert (answer.person.speaker.name, answer.person.speaker.role) == ("Lena Ortiz", "Mayor")
    assert [q.quote.text for q in answer.person.quotes] == ["Last words", "First words"]
    assert answer.person.articles == 2


def test_who_counts_articles_whose_quotes_all_ran_elsewhere(fresh_db: Database) -> None:
    _save_story(fresh_db, "a.example", "Alder Gazette", "2026-11-20", [READY])
    _save_story(fresh_db, "b.example", "Bell News", "2026-11-30", [READY])
    person = QuoteBank(fresh_db).who("Lena Ortiz").person
    assert person is not None
    assert (len(person.quotes), person.articles, person.quotes[0].sources) == (1, 2, 2)


def test_who_offers_choices_when_a_surname_means_several(fresh_db: Database) -> None:
    _save_story(fresh_db, "a.example", "Alder Gazette", "2026-11-20", ["Yes"])
    save_quoted(fresh_db, quoted_brief([("Carlos Ortiz", "No")], url="https://c.example/"), "c")
    answer = QuoteBank(fresh_db).who("ortiz")
    assert answer.person is None
    assert {s.name for s in answer.choices} == {"Lena Ortiz", "Carlos Ortiz"}


def test_who_finds_nobody_for_an_unknown_name(fresh_db: Database) -> None:
    answer = QuoteBank(fresh_db).who("Nobody Known")
    assert (answer.query, answer.person, answer.choices) == ("Nobody Known", None, ())


def test_who_ignores_double_quotes_and_spacing(fresh_db: Database) -> None:
    _save_story(fresh_db, "a.example", "Alder Gazette", "2026-11-20", ["Yes"])
    answer = QuoteBank(fresh_db).who('  "Lena   Ortiz" ')
    assert answer.query == "Lena Ortiz"
    assert answer.person is not None


def test_person_by_id_outlives_the_brief_and_goes_with_the_quotes(fresh_db: Database) -> None:
    _save_story(fresh_db, "a.example", "Alder Gazette", "2026-11-20", ["Yes"])
    bank = QuoteBank(fresh_db)
    person = bank.who("ortiz").person
    assert person is not None
    assert bank.person(person.speaker.id) == person
    fresh_db.execute("DELETE FROM briefs")
    assert bank.person(person.speaker.id) == person
    fresh_db.execute("DELETE FROM quote_bank")
    assert bank.person(person.speaker.id) is None
