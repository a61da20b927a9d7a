"""Inline mode end to end: "@bot <link>" typed in any chat, answered over real HTTP (issue 12)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.localapi import ApiCall, ControlClient
from bot.localapi.entities import message_length
from bot.localapi.html_check import parse_html
from bot.localapi.inline import ANSWER_WINDOW
from handlers import messages
from tests.e2e.conftest import BotStarter
from tests.helpers.articles import ArticleSite

pytestmark = pytest.mark.e2e

USER = 760_001
BOT_NAME = "briefbot_local_bot"


async def _ask(
    control: ControlClient, text: str, user: int = USER
) -> tuple[ApiCall, dict[str, Any]]:
    """Type an inline query; return the bot's answerInlineQuery call and the stored answer."""
    since = await control.cursor()
    update = await control.inject_inline_query(text, user_id=user)
    query_id = update["inline_query"]["id"]
    call = await control.wait_for_call(
        "answerInlineQuery", since=since, timeout=30,
        match=lambda c: str(c.params.get("inline_query_id")) == query_id,
    )  # fmt: skip
    answer = (await control.inline_query(query_id))["answer"]
    return call, answer


def _texts(call: ApiCall) -> dict[str, str]:
    return {r["title"]: r["input_message_content"]["message_text"] for r in call.params["results"]}


@pytest.mark.usefixtures("bot")
async def test_inline_link_answers_brief_and_quotes(
    control: ControlClient, article_site: ArticleSite
) -> None:
    await control.set_strict_html(True)  # a bare "&" is refused too
    call, answer = await _ask(control, f"look {article_site.url('/article/31')}")
    assert call.ok
    texts = _texts(call)
    assert list(texts) == [
        "Brief: Harbor bridge 31 to reopen in May",
        "Quotes: Harbor bridge 31 to reopen in May",
    ]
    for text in texts.values():
        assert message_length(parse_html(text).text) <= 4096
        assert "Lena Ortiz" in text
    assert answer["seconds"] < ANSWER_WINDOW
    assert call.params["is_personal"] in (True, "true", "True")


@pytest.mark.usefixtures("bot")
async def test_inline_long_brief_is_cut_with_a_link_to_the_chat(
    control: ControlClient, article_site: ArticleSite
) -> None:
    await control.set_strict_html(True)
    call, _ = await _ask(control, article_site.url("/long"))
    assert call.ok
    quotes = next(t for title, t in _texts(call).items() if title.startswith("Quotes: "))
    assert message_length(parse_html(quotes).text) <= 4096
    last_line = quotes.rsplit("\n", 1)[-1]
    found = re.search(rf'href="https://t\.me/{BOT_NAME}\?start=(q\d+)"', last_line)
    assert found is not None
    since = await control.cursor()
    await control.inject_command("start", found.group(1), user_id=USER)
    sent = await control.wait_for_call(
        "sendMessage", chat_id=USER, since=since, timeout=20,
        match=lambda c: bool((c.result or {}).get("reply_markup")),
    )  # fmt: skip
    parts = await control.calls("sendMessage", chat_id=USER, since=since)
    assert len(parts) >= 3
    assert sum(message_length(parse_html(str(p.params["text"])).text) for p in parts) >= 12_000
    assert "✓ Quotes only" in str(sent.result["reply_markup"])


@pytest.mark.usefixtures("bot")
async def test_inline_known_link_answers_from_the_cache(
    control: ControlClient, article_site: ArticleSite
) -> None:
    link = article_site.url("/article/32")
    first, _ = await _ask(control, link)
    served = len(article_site.requests)
    again, _ = await _ask(control, link, user=USER + 1)
    assert first.ok
    assert again.ok
    assert _texts(again) == _texts(first)
    assert len(article_site.requests) == served


@pytest.mark.usefixtures("bot")
@pytest.mark.parametrize("text", ["", "what is new today"])
async def test_inline_query_without_link_offers_the_chat(
    control: ControlClient, text: str
) -> None:
    call, answer = await _ask(control, text)
    assert call.ok
    assert answer["results"] == []
    assert answer["button"] == {"text": "Brief it in chat", "start_parameter": "inline"}


async def test_inline_slow_link_offers_the_chat_which_briefs_it(
    control: ControlClient, start_bot: BotStarter, article_site: ArticleSite
) -> None:
    link = article_site.url("/held/33")
    article_site.hold()
    try:
        async with start_bot(inline_answer_seconds=1.0):
            call, answer = await _ask(control, link)
            article_site.release()
            assert call.ok
            assert answer["results"] == []
            start = answer["button"]["start_parameter"]
            assert answer["button"]["text"] == "Brief it in chat"
            assert re.fullmatch(r"l[A-Za-z0-9_-]{1,63}", start)
            since = await control.cursor()
            await control.inject_command("start", start, user_id=USER)
            brief = await control.wait_for_call(
                ("sendMessage", "editMessageText"), chat_id=USER, since=since, timeout=30,
                match=lambda c: bool((c.result or {}).get("reply_markup")),
            )  # fmt: skip
    finally:
        article_site.release()
    assert "Harbor bridge 33 to reopen in May" in brief.result["text"]
    assert article_site.requests.count("/held/33") == 1  # the chat reused the inline work


async def test_inline_queries_count_against_the_rate_limit(
    control: ControlClient, start_bot: BotStarter, article_site: ArticleSite
) -> None:
    async with start_bot(briefs_per_minute=1):
        first, _ = await _ask(control, article_site.url("/article/34"), user=USER + 2)
        second, answer = await _ask(control, article_site.url("/article/35"), user=USER + 2)
    assert len(first.params["results"]) == 2
    assert second.ok
    assert answer["results"] == []
    assert answer["button"]["text"] == "Brief it in chat"


@pytest.mark.usefixtures("bot")
async def test_inline_link_typed_by_hand_is_fetched_once(
    control: ControlClient, article_site: ArticleSite
) -> None:
    user, link = USER + 3, article_site.url("/article/36")
    since, served = await control.cursor(), len(article_site.requests)
    typed = [link[:-4], link[:-1], link]  # Telegram sends a query at each pause in typing
    queries = [await control.inject_inline_query(text, user_id=user) for text in typed]
    last_id = queries[-1]["inline_query"]["id"]
    call = await control.wait_for_call(
        "answerInlineQuery", since=since, timeout=30,
        match=lambda c: str(c.params.get("inline_query_id")) == last_id,
    )  # fmt: skip
    assert len(call.params["results"]) == 2
    answered = await control.calls("answerInlineQuery", since=since)
    assert [str(c.params["inline_query_id"]) for c in answered] == [last_id]
    assert article_site.requests[served:] == ["/article/36"]


@pytest.mark.usefixtures("bot")
async def test_start_from_the_inline_button_without_a_link_welcomes(
    control: ControlClient,
) -> None:
    since = await control.cursor()
    await control.inject_command("start", "inline", user_id=USER + 3)
    reply = await control.wait_for_call("sendMessage", chat_id=USER + 3, since=since)
    assert reply.result["text"].startswith("Hello! I turn a news article")


@pytest.mark.usefixtures("bot")
async def test_start_with_a_brief_that_is_gone_says_so(control: ControlClient) -> None:
    since = await control.cursor()
    await control.inject_command("start", "b999999", user_id=USER + 3)
    reply = await control.wait_for_call("sendMessage", chat_id=USER + 3, since=since)
    assert reply.result["text"] == messages.BRIEF_GONE
