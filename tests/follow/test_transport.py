"""AiohttpRequest: PTB's calls over aiohttp, with PTB's own errors for a slow or absent server."""

from __future__ import annotations

import socket

import pytest
from telegram.error import NetworkError, TimedOut

from bot.follow.transport import AiohttpRequest
from bot.localapi import DEFAULT_TOKEN, running_server
from tests.helpers.servers import never_answer, serve_raw


async def test_aiohttp_request_carries_bot_calls() -> None:
    from telegram import Bot

    async with running_server() as server:
        bot = Bot(DEFAULT_TOKEN, base_url=server.base_url, request=AiohttpRequest())
        async with bot:
            assert (await bot.get_me()).username == "briefbot_local_bot"


async def test_aiohttp_request_times_out_as_ptb_does() -> None:
    request = AiohttpRequest()
    await request.initialize()
    try:
        async with serve_raw(never_answer) as silent:
            with pytest.raises(TimedOut):
                await request.do_request(
                    f"http://127.0.0.1:{silent.port}/x", "POST", read_timeout=0.2
                )
    finally:
        await request.shutdown()


async def test_aiohttp_request_refused_connection_is_a_network_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError):
            await request.do_request(f"http://127.0.0.1:{port}/x", "POST")
    finally:
        await request.shutdown()
