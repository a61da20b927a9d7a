"""Inline "who <name>": which queries ask the quote bank (issue 13)."""

from __future__ import annotations

import pytest

from handlers.inline import _who_name


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("who Lena Ortiz", "Lena Ortiz"),
        ("  WHO  ortiz ", "ortiz"),
        ("who", None),
        ("whom it may concern", None),
        ("https://gazette.example/who", None),
    ],
)
def test_who_name_reads_the_name_after_who(query: str, name: str | None) -> None:
    assert _who_name(query) == name
