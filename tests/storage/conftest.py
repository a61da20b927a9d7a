"""Fixtures for storage tests: a fresh in-memory database per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storage import Database, open_db


@pytest.fixture
def fresh_db() -> Iterator[Database]:
    db = open_db(":memory:")
    yield db
    db.close()
