"""Name genders: a prior for resolving "he" and "she" to the right person."""

from __future__ import annotations

import pytest

from bot.briefing.lexicon import name_gender


@pytest.mark.parametrize(
    ("first_name", "gender"),
    [
        ("Anna", "f"),
        ("Mark", "m"),
        ("Elena", "f"),
        ("Viktor", "m"),
        ("ANNA", "f"),
        ("mark", "m"),
        ("Wm.", None),
        ("Helena", "f"),  # from the census list
        ("Desmond", "m"),
    ],
)
def test_name_gender_of_common_name(first_name: str, gender: str | None) -> None:
    assert name_gender(first_name) == gender


@pytest.mark.parametrize("first_name", ["Robin", "Alex", "Jordan", "Kim"])
def test_name_gender_of_shared_name_is_unknown(first_name: str) -> None:
    assert name_gender(first_name) is None


@pytest.mark.parametrize("first_name", ["Zorbax", "", "Qwerty"])
def test_name_gender_of_unknown_name_is_none(first_name: str) -> None:
    assert name_gender(first_name) is None


def test_name_gender_strips_initial_full_stop() -> None:
    assert name_gender("Ed.") == "m"


@pytest.mark.parametrize("word", ["Page", "Georgia", "Davis", "Numbers", "German", "Israel"])
def test_words_and_places_that_open_other_names_are_no_first_names(word: str) -> None:
    assert name_gender(word) is None
