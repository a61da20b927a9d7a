"""`briefbot who NAME [--db PATH]`: a person's quotes from the bot's database, as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage import open_db
from tests.cli.conftest import RunCli
from tests.helpers.quotes import quoted_brief, save_quoted


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "bot.db"
    db = open_db(path)
    said = [("Lena Ortiz", "We are ready"), ("Carlos Ortiz", "No"), ("Zoë Müller", "Later")]
    brief = quoted_brief(
        said, title="Bridge reopens", url="https://a.example/", published="2026-11-20"
    )
    save_quoted(db, brief, "a.example/")
    save_quoted(db, quoted_brief([("Lena Ortiz", "A secret plan")], url=None), None)
    db.close()
    return path


def test_who_prints_a_persons_quotes(cli: RunCli, db_path: Path) -> None:
    result = cli("who", "lena", "ORTIZ", "--db", str(db_path))
    assert result.code == 0
    assert result.out.splitlines()[:2] == ["🗣 Lena Ortiz", "1 quote from 1 article, newest first"]
    assert (
        "Bridge reopens · Alder Gazette · 20 Nov 2026\n  https://a.example/\n  - “We are ready”\n"
        in result.out
    )
    assert "secret" not in result.out  # a pasted text's quote is never in the bank


def test_who_finds_a_name_without_its_accents(cli: RunCli, db_path: Path) -> None:
    assert "“Later”" in cli("who", "muller", "--db", str(db_path)).out


def test_who_names_the_people_a_surname_may_mean(cli: RunCli, db_path: Path) -> None:
    result = cli("who", "ortiz", "--db", str(db_path))
    assert result.code == 1
    assert result.err.startswith("briefbot: ortiz could be: ")
    assert "Lena Ortiz" in result.err
    assert "Carlos Ortiz" in result.err


def test_who_unknown_name_is_one_line_error(cli: RunCli, db_path: Path) -> None:
    result = cli("who", "Nobody", "--db", str(db_path))
    assert (result.code, result.out) == (1, "")
    assert result.err == "briefbot: no quotes from Nobody in this database.\n"


def test_who_without_a_database_says_so(cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = cli("who", "Ortiz", "--db", str(missing))
    assert result.code == 1
    assert "there is no database at" in result.err
    assert not missing.exists()
