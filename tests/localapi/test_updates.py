"""Getting updates: offset acknowledgement, long polling, conflicts and webhook delivery."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot
from telegram.error import BadRequest, Conflict

from bot.localapi import ControlClient, LocalBotApiServer


@pytest.fixture
async def quiet_bot(server: LocalBotApiServer) -> AsyncIterator[Bot]:
    """A Bot with no updates waiting for it."""
    async with Bot(server.token, base_url=server.base_url) as ptb_bot:
        yield ptb_bot


async def test_get_updates_drops_updates_below_offset_for_good(
    quiet_bot: Bot, control: ControlClient
) -> None:
    for text in ("one", "two", "three"):
        await control.inject_message(text)
    first = await quiet_bot.get_updates()
    assert [u.message.text for u in first if u.message] == ["one", "two", "three"]
    again = await quiet_bot.get_updates(offset=first[1].update_id)
    assert [u.message.text for u in again if u.message] == ["two", "three"]
    later = await quiet_bot.get_updates()
    assert [u.update_id for u in later] == [first[1].update_id, first[2].update_id]


async def test_get_updates_respects_limit(quiet_bot: Bot, control: ControlClient) -> None:
    for text in ("one", "two", "three"):
        await control.inject_message(text)
    assert len(await quiet_bot.get_updates(limit=2)) == 2


async def test_get_updates_negative_offset_keeps_the_last(
    quiet_bot: Bot, control: ControlClient
) -> None:
    for text in ("one", "two", "three"):
        await control.inject_message(text)
    updates = await quiet_bot.get_updates(offset=-1)
    assert [u.message.text for u in updates if u.message] == ["three"]


async def test_long_poll_returns_as_soon_as_an_update_arrives(
    quiet_bot: Bot, control: ControlClient
) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(quiet_bot.get_updates(timeout=20, read_timeout=30))
    await control.wait_until_polling()
    await control.inject_message("now")
    updates = await poll
    assert [u.message.text for u in updates if u.message] == ["now"]
    assert time.monotonic() - started < 5


async def test_long_poll_times_out_empty(quiet_bot: Bot) -> None:
    assert await quiet_bot.get_updates(timeout=1) == ()


async def test_newer_get_updates_ends_older_with_conflict(
    server: LocalBotApiServer, quiet_bot: Bot, control: ControlClient
) -> None:
    older = asyncio.create_task(quiet_bot.get_updates(timeout=20, read_timeout=30))
    await control.wait_until_polling()
    async with Bot(server.token, base_url=server.base_url) as second_instance:
        assert await second_instance.get_updates() == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await older


async def test_allowed_updates_filters_new_updates(quiet_bot: Bot, control: ControlClient) -> None:
    await quiet_bot.get_updates(allowed_updates=["callback_query"])
    update = await control.inject_message("ignored")
    assert update["message"]["text"] == "ignored"
    assert await quiet_bot.get_updates() == ()


@contextlib.asynccontextmanager
async def _receiver(
    received: asyncio.Queue[tuple[dict[str, Any], str | None]],
) -> AsyncIterator[str]:
    """Run a loopback webhook receiver; yield its URL."""

    async def receive(request: web.Request) -> web.Response:
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        await received.put((await request.json(), secret))
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/hook", receive)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    await web.SockSite(runner, sock).start()
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/hook"
    finally:
        await runner.cleanup()


async def test_webhook_delivers_updates_with_secret_token(
    quiet_bot: Bot, control: ControlClient
) -> None:
    received: asyncio.Queue[tuple[dict[str, Any], str | None]] = asyncio.Queue()
    async with _receiver(received) as url:
        assert await quiet_bot.set_webhook(url, secret_token="s3cret_token") is True
        await control.inject_message("via webhook")
        update, secret = await asyncio.wait_for(received.get(), 5)
        info = await quiet_bot.get_webhook_info()
        await quiet_bot.delete_webhook()
    assert (update["message"]["text"], secret) == ("via webhook", "s3cret_token")
    assert (info.url, info.pending_update_count) == (url, 0)


async def test_get_updates_conflicts_while_webhook_is_set(quiet_bot: Bot) -> None:
    await quiet_bot.set_webhook("http://127.0.0.1:9/hook")
    with pytest.raises(Conflict, match="webhook is active"):
        await quiet_bot.get_updates()
    assert await quiet_bot.delete_webhook() is True
    assert await quiet_bot.get_updates() == ()


async def test_webhook_failure_keeps_update_and_reports_error(
    quiet_bot: Bot, control: ControlClient
) -> None:
    await quiet_bot.set_webhook("http://127.0.0.1:9/hook")
    await control.inject_message("undelivered")
    deadline = time.monotonic() + 5
    while (info := await quiet_bot.get_webhook_info()).last_error_message is None:
        assert time.monotonic() < deadline
        await asyncio.sleep(0.05)
    assert info.pending_update_count == 1
    await quiet_bot.delete_webhook()
    assert [u.message.text for u in await quiet_bot.get_updates() if u.message] == ["undelivered"]


async def test_webhook_must_be_loopback(quiet_bot: Bot) -> None:
    with pytest.raises(BadRequest, match="loopback"):
        await quiet_bot.set_webhook("https://example.com/hook")
