"""Inline queries and documents on the local server, as python-telegram-bot sees them."""

from __future__ import annotations

import pytest
from telegram import (
    Bot,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputFile,
    InputTextMessageContent,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.localapi import ControlClient, LocalBotApiServer

from .conftest import PRIVATE_CHAT


def _article(result_id: str, text: str, title: str = "Brief: Bridge") -> InlineQueryResultArticle:
    content = InputTextMessageContent(text, parse_mode=ParseMode.HTML)
    return InlineQueryResultArticle(result_id, title, content)


async def _query(control: ControlClient, text: str = "https://example.com/a") -> str:
    update = await control.inject_inline_query(text, user_id=PRIVATE_CHAT)
    return str(update["inline_query"]["id"])


async def test_inline_query_update_reaches_the_bot(bot: Bot, control: ControlClient) -> None:
    query_id = await _query(control, "gazette.example/bridge")
    updates = await bot.get_updates()
    query = updates[-1].inline_query
    assert query is not None
    assert (query.id, query.query, query.from_user.id) == (
        query_id, "gazette.example/bridge", PRIVATE_CHAT,
    )  # fmt: skip


async def test_answer_inline_query_keeps_checked_results(bot: Bot, control: ControlClient) -> None:
    query_id = await _query(control)
    assert await bot.answer_inline_query(query_id, [_article("b1", "<b>Bridge</b> opens")])
    answer = (await control.inline_query(query_id))["answer"]
    assert answer["results"][0]["message"] == {"text": "Bridge opens", "entity_count": 1}
    assert answer["seconds"] >= 0


async def test_answer_inline_query_twice_is_refused(bot: Bot, control: ControlClient) -> None:
    query_id = await _query(control)
    await bot.answer_inline_query(query_id, [])
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_inline_query(query_id, [])


@pytest.mark.parametrize(
    ("results", "error"),
    [
        ([_article("a", "<b>unclosed")], "Can't parse entities"),
        ([_article("a", "x" * 4097)], "Message is too long"),
        ([_article("a", "one"), _article("a", "two")], "Result_id_duplicate"),
        ([_article("a", "one", title=" ")], "Result_title_empty"),
    ],
)
async def test_answer_inline_query_refuses_bad_results(
    bot: Bot, control: ControlClient, results: list[InlineQueryResultArticle], error: str
) -> None:
    query_id = await _query(control)
    with pytest.raises(BadRequest, match=error):
        await bot.answer_inline_query(query_id, results)


async def test_answer_inline_query_checks_the_start_parameter(
    bot: Bot, control: ControlClient
) -> None:
    query_id = await _query(control)
    bad = InlineQueryResultsButton("Brief it in chat", start_parameter="has space")
    with pytest.raises(BadRequest, match="Start_param_invalid"):
        await bot.answer_inline_query(query_id, [], button=bad)
    good = InlineQueryResultsButton("Brief it in chat", start_parameter="l_abc-123")
    assert await bot.answer_inline_query(query_id, [], button=good)
    answer = (await control.inline_query(query_id))["answer"]
    assert answer["button"] == {"text": "Brief it in chat", "start_parameter": "l_abc-123"}


async def test_unknown_inline_query_is_refused(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Query is too old"):
        await bot.answer_inline_query("42", [])


async def test_send_document_then_get_file_downloads_the_bytes(
    server: LocalBotApiServer, control: ControlClient
) -> None:
    await control.inject_message("hello", user_id=PRIVATE_CHAT)
    file_base = f"{server.url}/file/bot"
    async with Bot(server.token, base_url=server.base_url, base_file_url=file_base) as bot:
        sent = await bot.send_document(
            PRIVATE_CHAT, InputFile(b"<opml/>", filename="feeds.opml"), caption="Your feeds"
        )
        assert sent.document is not None
        assert (sent.document.file_name, sent.document.file_size) == ("feeds.opml", 7)
        assert sent.caption == "Your feeds"
        found = await bot.get_file(sent.document.file_id)
        assert bytes(await found.download_as_bytearray()) == b"<opml/>"


async def test_user_document_reaches_the_bot_and_downloads(
    server: LocalBotApiServer, control: ControlClient
) -> None:
    document = await control.upload_file(b"<opml version='2.0'/>", "mine.opml")
    await control.inject_message(
        caption="/import", document=document["file_id"], user_id=PRIVATE_CHAT
    )
    file_base = f"{server.url}/file/bot"
    async with Bot(server.token, base_url=server.base_url, base_file_url=file_base) as bot:
        message = (await bot.get_updates())[-1].message
        assert message is not None
        assert message.document is not None
        assert message.caption == "/import"
        assert "photo" not in message.api_kwargs
        assert not message.photo
        found = await bot.get_file(message.document.file_id)
        assert bytes(await found.download_as_bytearray()) == b"<opml version='2.0'/>"


async def test_unknown_file_id_is_refused(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await bot.get_file("nope")
