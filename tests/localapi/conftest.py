"""Fixtures for the local Bot API server tests.

`server` runs a fresh server on the test's own event loop; `threaded_server` is the
session-scoped variant the e2e tests use (its own loop in a thread), reset before each use.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from telegram import Bot

from bot.localapi import ControlClient, LocalBotApiServer, running_server, start_in_thread

PRIVATE_CHAT = 100_001  # the control API's default user, whose private chat has the same id


@pytest.fixture
async def server() -> AsyncIterator[LocalBotApiServer]:
    async with running_server() as local_server:
        yield local_server


@pytest.fixture
async def control(server: LocalBotApiServer) -> AsyncIterator[ControlClient]:
    async with ControlClient(server.url) as client:
        yield client


@pytest.fixture
async def bot(server: LocalBotApiServer, control: ControlClient) -> AsyncIterator[Bot]:
    """A python-telegram-bot Bot pointed at the server, with a private chat to talk in."""
    await control.inject_message("hello", user_id=PRIVATE_CHAT)
    async with Bot(server.token, base_url=server.base_url) as ptb_bot:
        yield ptb_bot


@pytest.fixture(scope="session")
def threaded_server() -> Iterator[LocalBotApiServer]:
    local_server = start_in_thread()
    yield local_server
    local_server.stop()


@pytest.fixture
async def shared_control(threaded_server: LocalBotApiServer) -> AsyncIterator[ControlClient]:
    """A control client for the session server, which it resets first."""
    async with ControlClient(threaded_server.url) as client:
        await client.reset()
        yield client
