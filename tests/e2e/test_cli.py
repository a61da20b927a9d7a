"""The commands people run: `briefbot console` and `briefbot run --webhook-url`."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import socket
import sys
import time
from pathlib import Path

import httpx
import pytest

from bot.config import Config
from bot.localapi import ControlClient, LocalBotApiServer
from bot.runner import run_console
from bot.workers import WorkerPool

pytestmark = pytest.mark.e2e

USER = 730_001


def test_console_answers_and_ends_at_end_of_input(
    config: Config, worker_pool: WorkerPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO("/start\nhello\n"))
    monkeypatch.setattr(sys, "stdout", out)
    assert run_console(config, pool=worker_pool) == 0
    text = out.getvalue()
    assert "bot> Hello! I turn a news article" in text
    assert "bot> Send me a link to a news article" in text
    assert text.rstrip().endswith("Bye.")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _bot_env(server: LocalBotApiServer, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BRIEFBOT_"))}
    return env | {
        "TELEGRAM_BOT_TOKEN": server.token,
        "TELEGRAM_API_URL": server.url,
        "BRIEFBOT_DB": str(tmp_path / "hook.db"),
        "BRIEFBOT_WORKERS": "1",
        "BRIEFBOT_WEBHOOK_SECRET": "local-secret_1",
        "BRIEFBOT_LOG_LEVEL": "WARNING",
    }


async def _wait_for_webhook(control: ControlClient, process: asyncio.subprocess.Process) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.returncode is None:
        if (await control.info()).get("webhook", {}).get("url"):
            return
        await asyncio.sleep(0.2)
    raise AssertionError("the bot did not set its webhook")


async def test_run_with_webhook_answers_and_stops_on_sigterm(
    local_api: LocalBotApiServer, control: ControlClient, tmp_path: Path
) -> None:
    port = _free_port()
    hook = f"http://127.0.0.1:{port}/hook"
    args = ["run", "--webhook-url", hook, "--listen", "127.0.0.1", "--port", str(port)]
    env = _bot_env(local_api, tmp_path)
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", *args, env=env, cwd=tmp_path
    )
    try:
        await _wait_for_webhook(control, process)
        since = await control.cursor()
        await control.inject_command("start", user_id=USER)
        reply = await control.wait_for_call("sendMessage", chat_id=USER, since=since, timeout=20)
        assert reply.result["text"].startswith("Hello!")
        async with httpx.AsyncClient() as client:  # no secret token header: refused
            forged = await client.post(hook, json={"update_id": 1})
        assert forged.status_code == 403
    finally:
        process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), 30)
    assert code == 0
