"""Limits through the real bot over HTTP: an article over the worker's time limit (issue 11)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.app import build_app, running
from bot.config import Config
from bot.localapi import ControlClient
from bot.localapi.control import ApiCall
from bot.workers import WorkerPool
from tests.helpers.articles import ArticleSite

pytestmark = pytest.mark.e2e

USER = 740_001


@pytest.fixture
async def strict_pool() -> AsyncIterator[WorkerPool]:
    """One worker whose jobs may run a fifth of a second: briefing a long story takes more."""
    pool = WorkerPool(1, time_limit=0.2)
    await pool.warm_up()
    yield pool
    await pool.close()


def _too_much(call: ApiCall) -> bool:
    return call.ok and "too much for me to brief" in str(call.params.get("text", ""))


async def test_article_over_the_time_limit_is_stopped_and_answered(
    config: Config, strict_pool: WorkerPool, control: ControlClient, article_site: ArticleSite
) -> None:
    async with running(build_app(config, pool=strict_pool), poll_interval=0.0):
        await control.wait_until_polling(10)
        since = await control.cursor()
        await control.inject_message(article_site.url("/long"), user_id=USER)
        reply = await control.wait_for_call(
            ("sendMessage", "editMessageText"), chat_id=USER, since=since, timeout=60,
            match=_too_much,
        )  # fmt: skip
        assert reply.params["text"].startswith("Sorry, that article was too much")
        calls = await control.calls(chat_id=USER, since=since)
        assert not any("reply_markup" in c.params for c in calls)  # no brief was sent


def _is_brief(call: ApiCall) -> bool:
    result = call.result
    return call.ok and isinstance(result, dict) and bool(result.get("reply_markup"))


async def _briefs(control: ControlClient, chat: int, since: int) -> list[ApiCall]:
    return [c for c in await control.calls(chat_id=chat, since=since) if _is_brief(c)]


@pytest.mark.usefixtures("bot")
async def test_three_heavy_links_of_one_user_do_not_delay_another(
    control: ControlClient, article_site: ArticleSite
) -> None:
    heavy, other = 740_002, 740_003
    since = await control.cursor()
    for n in (1, 2, 3):  # three messages at once: the bot handles them concurrently
        await control.inject_message(article_site.url(f"/heavy/{n}"), user_id=heavy)
    await control.inject_message(article_site.url("/article/31"), user_id=other)
    theirs = await control.wait_for_call(
        ("sendMessage", "editMessageText"), chat_id=other, since=since, timeout=60,
        match=_is_brief,
    )  # fmt: skip
    assert "Harbor bridge 31" in theirs.params["text"]
    done = await _briefs(control, heavy, since)
    assert len(done) <= 1  # the other user did not wait behind the heavy user's pile
    seen = done[-1].seq if done else since
    for _ in range(3 - len(done)):  # the heavy user's briefs all come, one after another
        seen = (await control.wait_for_call(
            ("sendMessage", "editMessageText"), chat_id=heavy, since=seen, timeout=90,
            match=_is_brief,
        )).seq  # fmt: skip
