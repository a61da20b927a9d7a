"""Run one piece of an article's work in a second thread, beside the caller's.

The sentence encoder (and the entity recogniser, where no process of its own can run)
spend much of their time outside Python's GIL, so a second thread uses the second core.
A thread per call, not a pool: a pool's thread does not survive a fork of the worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Beside"]

T = TypeVar("T")


class Beside(Generic[T]):
    """Start `work` in a daemon thread; `result()` waits for it and returns or re-raises."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._value: list[T] = []
        self._error: list[BaseException] = []
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value.append(self._work())
        except BaseException as error:  # re-raised in the caller's thread by result()
            self._error.append(error)

    def result(self) -> T:
        """Wait for the work; return its value, or raise its error in this thread."""
        self._thread.join()
        if self._error:
            raise self._error[0]
        return self._value[0]
