"""Fixtures for handler tests: the real handlers on an offline bot, with a test service.

The service is the real BriefService over an in-memory database; only its two edges are
test doubles: the briefer returns a hand-built brief, and the link source serves canned
pages (or raises the error a test asks for). No network, no worker processes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from itertools import count
from typing import Any

import pytest
from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes

from bot.follow.digest import DigestPart
from bot.follow.digests import DigestRunner, DigestSettings, SendResult, SendStatus
from bot.follow.quotebank import QuoteBank
from bot.follow.schedule import utc_now
from bot.follow.subscriptions import SubscriptionService
from bot.service import BriefService, ServiceSettings
from handlers import briefs, buttons, chats, errors, feeds, follow, start, unknown, who
from handlers import settings as settings_handlers
from handlers.context import BotApp, BotContext, BotData
from handlers.digest_view import render_digest
from storage import Database, open_db
from tests.helpers.doubles import CannedBriefer, CannedLinks
from tests.helpers.offline import BOT_USER, RecordingRequest

USER_ID = 501
GROUP_ID = -100_777
USER = {"id": USER_ID, "is_bot": False, "first_name": "Ann"}


class StubScheduler:
    """Counts what handlers ask of the scheduler; the real one needs a running job queue."""

    def __init__(self) -> None:
        self.reschedules = 0

    def reschedule(self) -> None:
        self.reschedules += 1

    def ingest_soon(self) -> None:
        return None


@dataclass
class RecordingSender:
    sent: list[tuple[int, DigestPart]] = field(default_factory=list)

    async def send(self, chat_id: int, part: DigestPart) -> SendResult:
        self.sent.append((chat_id, part))
        return SendResult(SendStatus.SENT, chat_id)


@dataclass
class Harness:
    app: BotApp
    request: RecordingRequest
    links: CannedLinks
    briefer: CannedBriefer
    db: Database
    ids: Iterator[int] = field(default_factory=lambda: count(1))

    def _message(self, text: str, chat_id: int, **extra: Any) -> dict[str, Any]:
        chat_type = "private" if chat_id > 0 else "supergroup"
        chat = {"id": chat_id, "type": chat_type, "title": None}
        return {"message_id": next(self.ids), "date": 0, "text": text, "chat": chat,
                "from": USER, **extra}  # fmt: skip

    async def send(self, text: str, chat_id: int = USER_ID, **extra: Any) -> None:
        message = self._message(text, chat_id, **extra)
        if text.startswith("/"):
            length = len(text.split()[0])
            message.setdefault("entities", []).insert(
                0, {"type": "bot_command", "offset": 0, "length": length}
            )
        await self.process({"update_id": next(self.ids), "message": message})

    async def press(self, data: str, message_id: int = 1001, chat_id: int = USER_ID) -> None:
        message = {"message_id": message_id, "date": 0, "text": "brief", "from": BOT_USER,
                   "chat": {"id": chat_id, "type": "private"}}  # fmt: skip
        query = {"id": str(next(self.ids)), "chat_instance": "ci", "data": data,
                 "from": USER, "message": message}  # fmt: skip
        await self.process({"update_id": next(self.ids), "callback_query": query})

    async def process(self, data: dict[str, Any]) -> None:
        await self.app.process_update(Update.de_json(data, self.app.bot))


@pytest.fixture
def settings() -> ServiceSettings:
    return ServiceSettings(max_chars=5000, briefs_per_minute=10)


@pytest.fixture
async def harness(settings: ServiceSettings) -> AsyncIterator[Harness]:
    request = RecordingRequest()
    app: BotApp = (
        ApplicationBuilder()
        .token("4242:offline-test-token")
        .request(request)
        .get_updates_request(RecordingRequest())
        .context_types(ContextTypes(context=BotContext, bot_data=BotData))
        .updater(None)
        .build()
    )
    modules = (
        start,
        briefs,
        buttons,
        follow,
        feeds,
        settings_handlers,
        who,
        chats,
        unknown,
        errors,
    )
    for module in modules:
        module.register(app)
    db, links, briefer = open_db(":memory:"), CannedLinks(), CannedBriefer()
    await app.initialize()
    app.bot_data.service = BriefService(db, briefer, links, settings)
    topics = SubscriptionService(db, utc_now)
    app.bot_data.subscriptions = topics
    app.bot_data.digests = DigestRunner(
        db, topics, RecordingSender(), render_digest, DigestSettings(), utc_now
    )
    app.bot_data.scheduler = StubScheduler()  # type: ignore[assignment]
    app.bot_data.quotes = QuoteBank(db)
    request.calls.clear()
    yield Harness(app, request, links, briefer, db)
    await app.shutdown()
    db.close()
