"""A link to a private address is refused when the allow-list is empty (as in production)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.config import Config
from bot.errors import BlockedAddress
from bot.localapi import ControlClient
from tests.e2e.conftest import BotStarter
from tests.helpers.articles import ArticleSite

pytestmark = pytest.mark.e2e

USER = 720_001


async def test_blocked_address_is_refused(
    control: ControlClient, start_bot: BotStarter, config: Config, article_site: ArticleSite
) -> None:
    async with start_bot(fetch=replace(config.fetch, allow_networks=())):
        since = await control.cursor()
        await control.inject_message(article_site.url("/article/1"), user_id=USER)
        reply = await control.wait_for_call(
            "editMessageText", chat_id=USER, since=since, timeout=20,
            match=lambda c: "Reading" not in str(c.params.get("text")),
        )  # fmt: skip
    assert reply.result["text"] == BlockedAddress.default_message
    assert article_site.requests == []
