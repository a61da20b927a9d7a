"""Work run in a thread beside the caller's: its value, or its error in the caller."""

from __future__ import annotations

import threading

import pytest

from bot.briefing.beside import Beside


def test_the_result_is_the_works_value_from_another_thread() -> None:
    caller = threading.get_ident()
    assert Beside(threading.get_ident).result() != caller
    assert Beside(lambda: [1, 2, 3]).result() == [1, 2, 3]


def test_an_error_of_the_work_is_raised_by_result() -> None:
    def fail() -> None:
        raise ValueError("the work failed")

    beside = Beside(fail)
    with pytest.raises(ValueError, match="the work failed"):
        beside.result()
