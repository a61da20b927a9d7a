"""The quote bank table: filled from public briefs only, replaced, kept, backfilled."""

from __future__ import annotations

import pytest

from storage import (
    Database,
    fill_quote_bank,
    find_speakers,
    get_speaker,
    list_speaker_quotes,
    migrate,
    name_key,
)
from tests.helpers.quotes import quoted_brief, save_quoted

ORTIZ = ("Lena Ortiz", "We are ready to open the bridge")


def _count(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM quote_bank").fetchone()[0])


@pytest.mark.parametrize(
    ("name", "key"),
    [("Lena Ortiz", "lena ortiz"), ("  ZOË   Müller ", "zoe muller"), ("José", "jose")],
)
def test_name_key_ignores_case_accents_and_spacing(name: str, key: str) -> None:
    assert name_key(name) == key


def test_save_brief_indexes_a_public_briefs_quotes(fresh_db: Database) -> None:
    brief = quoted_brief([ORTIZ, ("Tom Becker", "It could slip")], roles={"Lena Ortiz": "Mayor"})
    stored = save_quoted(fresh_db, brief, "news.example/a")
    (quote,) = list_speaker_quotes(fresh_db, "lena ortiz")
    assert (quote.text, quote.role, quote.brief_id) == (ORTIZ[1], "Mayor", stored.id)
    assert (quote.title, quote.url, quote.site) == ("Harbor news", "https://news.example/a",
                                                    "Alder Gazette")  # fmt: skip


def test_save_brief_never_indexes_a_pasted_text(fresh_db: Database) -> None:
    save_quoted(fresh_db, quoted_brief([ORTIZ], url=None), None)
    assert _count(fresh_db) == 0
    assert find_speakers(fresh_db, "Ortiz") == []


def test_save_brief_skips_quotes_without_a_speaker(fresh_db: Database) -> None:
    brief = quoted_brief([ORTIZ])
    unattributed = brief.quotes[0].__class__(ORTIZ[1], 1, 1 + len(ORTIZ[1]), None, None)
    save_quoted(fresh_db, brief.__class__(brief.article, quotes=(unattributed,)), "k")
    assert _count(fresh_db) == 0


def test_a_new_brief_of_an_article_replaces_its_quotes(fresh_db: Database) -> None:
    save_quoted(fresh_db, quoted_brief([ORTIZ]), "news.example/a")
    newer = save_quoted(fresh_db, quoted_brief([ORTIZ, ("Lena Ortiz", "Soon")]), "news.example/a")
    quotes = list_speaker_quotes(fresh_db, "lena ortiz")
    assert [q.text for q in quotes] == [ORTIZ[1], "Soon"]
    assert {q.brief_id for q in quotes} == {newer.id}


def test_quotes_outlive_their_pruned_brief(fresh_db: Database) -> None:
    save_quoted(fresh_db, quoted_brief([ORTIZ]), "news.example/a")
    fresh_db.execute("DELETE FROM briefs")
    (quote,) = list_speaker_quotes(fresh_db, "lena ortiz")
    assert (quote.text, quote.url) == (ORTIZ[1], "https://news.example/a")


def test_a_link_briefed_again_after_pruning_replaces_its_quotes(fresh_db: Database) -> None:
    save_quoted(fresh_db, quoted_brief([ORTIZ]), "news.example/a")
    fresh_db.execute("DELETE FROM briefs")
    fresh_db.execute("DELETE FROM articles")  # retention pruned the article row too
    again = save_quoted(fresh_db, quoted_brief([ORTIZ, ("Lena Ortiz", "Soon")]), "news.example/a")
    quotes = list_speaker_quotes(fresh_db, "lena ortiz")
    assert [q.text for q in quotes] == [ORTIZ[1], "Soon"]
    assert {q.brief_id for q in quotes} == {again.id}


def test_quotes_are_newest_first_by_the_articles_date(fresh_db: Database) -> None:
    save_quoted(fresh_db, quoted_brief([("Lena Ortiz", "Later")], published="2026-11-30"), "a")
    old = quoted_brief(
        [("Lena Ortiz", "Earlier")], url="https://b.example/", published="2026-11-02T08:00:00Z"
    )
    save_quoted(fresh_db, old, "b")
    save_quoted(fresh_db, quoted_brief([("Lena Ortiz", "Undated")], url="https://c.example/"), "c")
    texts = [q.text for q in list_speaker_quotes(fresh_db, "lena ortiz")]
    assert texts == ["Undated", "Later", "Earlier"]  # undated: when it was briefed, today


def test_a_date_after_the_brief_counts_as_the_briefs_time(fresh_db: Database) -> None:
    future = quoted_brief([("Lena Ortiz", "Soon")], published="2999-01-01")
    stored = save_quoted(fresh_db, future, "a")
    (quote,) = list_speaker_quotes(fresh_db, "lena ortiz")
    assert quote.said_at == stored.created_at


@pytest.mark.parametrize("query", ["Lena Ortiz", "lena ORTIZ", "Ortiz", "ortíz", " ortiz "])
def test_find_speakers_by_full_name_or_bare_surname(fresh_db: Database, query: str) -> None:
    save_quoted(fresh_db, quoted_brief([ORTIZ], roles={"Lena Ortiz": "Mayor"}), "a")
    (speaker,) = find_speakers(fresh_db, query)
    assert (speaker.name, speaker.role, speaker.quotes) == ("Lena Ortiz", "Mayor", 1)


def test_find_speakers_finds_an_accented_name_without_accents(fresh_db: Database) -> None:
    save_quoted(fresh_db, quoted_brief([("Zoë Müller", "Not yet")]), "a")
    assert [s.name for s in find_speakers(fresh_db, "zoe muller")] == ["Zoë Müller"]


def test_find_speakers_lists_everyone_a_surname_may_mean(fresh_db: Database) -> None:
    brief = quoted_brief([ORTIZ, ("Carlos Ortiz", "No"), ("Carlos Ortiz", "Never")])
    save_quoted(fresh_db, brief, "a")
    assert [s.name for s in find_speakers(fresh_db, "ortiz")] == ["Carlos Ortiz", "Lena Ortiz"]
    assert [s.name for s in find_speakers(fresh_db, "lena ortiz")] == ["Lena Ortiz"]


def test_find_speakers_by_surname_lists_a_speaker_named_by_surname_only(
    fresh_db: Database,
) -> None:
    save_quoted(fresh_db, quoted_brief([ORTIZ, ("Ortiz", "Maybe")]), "a")
    assert {s.name for s in find_speakers(fresh_db, "ortiz")} == {"Lena Ortiz", "Ortiz"}
    assert [s.name for s in find_speakers(fresh_db, "Lena Ortiz")] == ["Lena Ortiz"]


def test_find_speakers_does_not_match_inside_a_word(fresh_db: Database) -> None:
    save_quoted(fresh_db, quoted_brief([ORTIZ]), "a")
    assert find_speakers(fresh_db, "tiz") == []
    assert find_speakers(fresh_db, "lena") == []


def test_get_speaker_by_a_quote_id(fresh_db: Database) -> None:
    save_quoted(fresh_db, quoted_brief([ORTIZ]), "a")
    (speaker,) = find_speakers(fresh_db, "ortiz")
    assert get_speaker(fresh_db, speaker.id) == speaker
    assert get_speaker(fresh_db, speaker.id + 100) is None


def test_migration_fills_the_bank_once_for_briefs_already_stored(fresh_db: Database) -> None:
    save_quoted(fresh_db, quoted_brief([ORTIZ]), "a")
    save_quoted(fresh_db, quoted_brief([ORTIZ], url="https://b.example/"), "b")
    save_quoted(fresh_db, quoted_brief([ORTIZ], url=None), None)
    # As a database made before the quote bank: no rows, the migration not yet applied.
    fresh_db.execute("DELETE FROM quote_bank")
    fresh_db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_quote_bank'")
    migrate(fresh_db)
    assert _count(fresh_db) == 2
    migrate(fresh_db)
    assert fill_quote_bank(fresh_db) == 0
    assert _count(fresh_db) == 2


def test_fill_quote_bank_indexes_only_each_articles_newest_brief(fresh_db: Database) -> None:
    save_quoted(fresh_db, quoted_brief([ORTIZ]), "a")
    newest = save_quoted(fresh_db, quoted_brief([ORTIZ, ("Lena Ortiz", "Soon")]), "a")
    fresh_db.execute("DELETE FROM quote_bank")
    assert fill_quote_bank(fresh_db) == 1
    assert {q.brief_id for q in list_speaker_quotes(fresh_db, "lena ortiz")} == {newest.id}


def test_fill_quote_bank_skips_an_unreadable_brief(fresh_db: Database) -> None:
    save_quoted(fresh_db, quoted_brief([ORTIZ]), "a")
    fresh_db.execute("DELETE FROM quote_bank")
    fresh_db.execute("UPDATE briefs SET data = '{}'")
    assert fill_quote_bank(fresh_db) == 0
