"""A bot killed with SIGKILL in the middle of a fan-out, then restarted: nothing lost or repeated.

The bot runs in a process of its own (`tests.helpers.botproc`) against the session's local
Bot API server and feed site, sending digests three a second. The test kills it 0.3 s after
the third digest went out, while the sender waits for its next turn (the moment between
Telegram's answer and the commit is docs/delivery.md's one gap, and it is not what this
test hits), starts it again on the same database, and counts every digest each chat got.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path

import pytest

from bot.localapi import ApiCall, ControlClient, LocalBotApiServer
from tests.e2e.test_subscriptions import _is_digest
from tests.helpers.feeds import FeedSite, harbor_story

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

USERS = tuple(range(770_001, 770_007))
STORIES = (801, 802, 803)
ROOT = Path(__file__).resolve().parents[2]


async def _start(spec: Path, log: Path) -> asyncio.subprocess.Process:
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tests.helpers.botproc", str(spec),
            cwd=ROOT, stdout=out, stderr=out, start_new_session=True,
        )  # fmt: skip


async def _say(control: ControlClient, user: int, command: str, args: str = "") -> None:
    since = await control.cursor()
    await control.inject_command(command, args, user_id=user)
    await control.wait_for_call("sendMessage", chat_id=user, since=since, timeout=60)


async def _digests(control: ControlClient, since: int) -> list[ApiCall]:
    return [c for c in await control.calls("sendMessage", since=since) if _is_digest(c)]


async def _wait_for_digests(control: ControlClient, since: int, count: int) -> list[ApiCall]:
    for _ in range(600):
        found = await _digests(control, since)
        if len(found) >= count:
            return found
        await asyncio.sleep(0.1)
    raise AssertionError(f"only {len(await _digests(control, since))} of {count} digests came")


def _kill(process: asyncio.subprocess.Process) -> None:
    os.killpg(process.pid, signal.SIGKILL)  # the bot and its worker process, nothing else


async def test_sigkill_mid_delivery_then_restart_loses_nothing_and_repeats_nothing(
    control: ControlClient, local_api: LocalBotApiServer, feed_site: FeedSite, tmp_path: Path
) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(feed_site.add_feed("crash") + "\n")
    spec = tmp_path / "spec.json"
    settings = {"api": local_api.url, "db": str(tmp_path / "bot.db"), "feeds": str(feeds),
                "port": feed_site.port, "per_second": 3}  # fmt: skip
    spec.write_text(json.dumps(settings))
    log = tmp_path / "bot.log"
    first = await _start(spec, log)
    try:
        for user in USERS:
            await _say(control, user, "settings", "instant")
            await _say(control, user, "follow", "harbor")
        since = await control.cursor()
        for number in STORIES:
            feed_site.publish("crash", f"crash-{number}", harbor_story(number))
        await control.inject_command("addfeed", feed_site.feed_url("crash"), user_id=USERS[0])
        await _wait_for_digests(control, since, 3)
        await asyncio.sleep(0.3)
    finally:
        _kill(first)
        await first.wait()
    before = len(await _digests(control, since))
    assert 3 <= before < len(USERS), log.read_text()
    second = await _start(spec, log)
    try:
        digests = await _wait_for_digests(control, since, len(USERS))
        await asyncio.sleep(1.5)  # anything sent twice would come by now
        digests = await _digests(control, since)
    finally:
        second.send_signal(signal.SIGTERM)
        await asyncio.wait_for(second.wait(), 30)
    assert sorted(int(c.chat_id or 0) for c in digests) == sorted(USERS)  # one each, no more
    for call in digests:
        for number in STORIES:
            assert f"Harbor bridge {number} to reopen" in call.result["text"]
