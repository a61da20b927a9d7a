"""The real bot against the local Bot API server and a loopback article site."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.localapi import ApiCall, ControlClient
from bot.localapi.entities import message_length
from bot.localapi.html_check import parse_html
from handlers import messages
from tests.helpers.articles import PARAGRAPHS, ArticleSite

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("bot")]

USER = 700_001
PASTED = "\n\n".join(PARAGRAPHS)


def _has_keyboard(call: ApiCall) -> bool:
    return call.ok and bool((call.result or {}).get("reply_markup"))


async def _brief_call(
    control: ControlClient,
    chat: int,
    since: int,
    timeout: float = 30,  # noqa: ASYNC109
) -> ApiCall:
    return await control.wait_for_call(
        ("sendMessage", "editMessageText"), chat_id=chat, since=since, timeout=timeout,
        match=_has_keyboard,
    )  # fmt: skip


def _buttons(call: ApiCall) -> dict[str, str]:
    rows = call.result["reply_markup"]["inline_keyboard"]
    return {b["text"]: b["callback_data"] for row in rows for b in row}


async def test_start_welcomes_and_sets_commands(control: ControlClient) -> None:
    since = await control.cursor()
    await control.inject_command("start", user_id=USER)
    reply = await control.wait_for_call("sendMessage", chat_id=USER, since=since)
    assert reply.ok
    assert reply.result["text"].startswith("Hello! I turn a news article")
    info = await control.calls("setMyCommands")
    assert [c["command"] for c in info[-1].params["commands"]] == [
        "brief", "quotes", "follow", "following", "digest", "who", "settings", "addfeed",
        "feeds", "export", "import", "help", "start",
    ]  # fmt: skip


async def test_link_shows_progress_then_brief_with_keyboard(
    control: ControlClient, article_site: ArticleSite
) -> None:
    since = await control.cursor()
    await control.inject_message(f"Please brief {article_site.url('/article/1')}", user_id=USER)
    brief = await _brief_call(control, USER, since)
    calls = await control.calls(chat_id=USER, since=since)
    texts = [
        c.params.get("text", "") for c in calls if c.method in ("sendMessage", "editMessageText")
    ]
    assert texts[0].startswith("Reading the article…")
    assert any("✓ Loading the page" in t for t in texts)
    assert any("✓ Finding the article text" in t for t in texts)
    assert any(c.method == "sendChatAction" and c.params["action"] == "typing" for c in calls)
    assert brief.method == "editMessageText"
    assert "Harbor bridge 1 to reopen in May" in brief.result["text"]
    assert "Lena Ortiz" in brief.result["text"]
    assert "every quote checked word for word" in brief.result["text"]
    assert set(_buttons(brief)) >= {"Quotes only", "Actors", "Stakes", "✓ Full brief"}


async def test_quotes_button_edits_in_place(
    control: ControlClient, article_site: ArticleSite
) -> None:
    since = await control.cursor()
    await control.inject_message(article_site.url("/article/2"), user_id=USER)
    brief = await _brief_call(control, USER, since)
    press_at = await control.cursor()
    await control.press_button(USER, brief.result["message_id"], _buttons(brief)["Quotes only"])
    edit = await control.wait_for_call("editMessageText", chat_id=USER, since=press_at)
    answer = await control.wait_for_call("answerCallbackQuery", since=press_at)
    assert answer.ok
    assert edit.ok
    assert edit.params["message_id"] == brief.result["message_id"]
    assert "Quotes only (4)" in edit.result["text"]
    assert "✓ Quotes only" in _buttons(edit)


async def test_repeated_link_answers_from_cache(
    control: ControlClient, article_site: ArticleSite
) -> None:
    since = await control.cursor()
    await control.inject_message(article_site.url("/article/3?utm_source=x"), user_id=USER)
    await _brief_call(control, USER, since)
    again = await control.cursor()
    await control.inject_message(article_site.url("/article/3"), user_id=USER)
    brief = await _brief_call(control, USER, again)
    assert brief.method == "sendMessage"
    assert [c.method for c in await control.calls(chat_id=USER, since=again)] == ["sendMessage"]


async def test_pasted_text_gets_brief(control: ControlClient) -> None:
    since = await control.cursor()
    await control.inject_message(PASTED, user_id=USER)
    brief = await _brief_call(control, USER, since)
    assert "Source: pasted text" in brief.result["text"]
    assert "Maria Chen" in brief.result["text"]


def _split_paste() -> tuple[str, str]:
    """A paste longer than one Telegram message, cut as the apps cut it: near 4,096."""
    paragraphs = [f"{p} (Part {n}.)" for n in range(6) for p in PARAGRAPHS]
    first: list[str] = []
    while len("\n\n".join(first + paragraphs[len(first) : len(first) + 1])) < 4096:
        first.append(paragraphs[len(first)])
    return "\n\n".join(first), "\n\n".join(paragraphs[len(first) :])


async def test_a_paste_split_into_two_messages_is_briefed_once(control: ControlClient) -> None:
    head, tail = _split_paste()
    assert 3900 <= len(head) <= 4096
    since = await control.cursor()
    await control.inject_message(head, user_id=USER)
    await control.inject_message(tail, user_id=USER)
    brief = await _brief_call(control, USER, since)
    words = len(f"{head}\n{tail}".split())
    assert f"Source: pasted text · {words:,} words" in brief.result["text"]
    await asyncio.sleep(3)  # longer than the wait for a next part: no second brief comes
    sent = await control.calls(("sendMessage", "editMessageText"), chat_id=USER, since=since)
    briefs = [c for c in sent if _has_keyboard(c)]
    assert len(briefs) == 1


async def test_404_link_says_it_did_not_load(
    control: ControlClient, article_site: ArticleSite
) -> None:
    since = await control.cursor()
    await control.inject_message(article_site.url("/gone"), user_id=USER)
    reply = await control.wait_for_call(
        "editMessageText", chat_id=USER, since=since, timeout=20,
        match=lambda c: "Reading" not in str(c.params.get("text")),
    )  # fmt: skip
    assert "not found (error 404)" in reply.result["text"]


async def test_short_message_gets_hint(control: ControlClient) -> None:
    since = await control.cursor()
    await control.inject_message("hi", user_id=USER)
    reply = await control.wait_for_call("sendMessage", chat_id=USER, since=since)
    assert reply.result["text"] == messages.SHORT_HINT


async def test_429_during_reply_waits_and_retries(control: ControlClient) -> None:
    await control.add_fault("sendMessage", "retry_after", chat_id=USER, retry_after=1)
    since = await control.cursor()
    await control.inject_message(PASTED + "\n\nOne more line for a fresh text.", user_id=USER)
    brief = await _brief_call(control, USER, since)
    sends = await control.calls("sendMessage", chat_id=USER, since=since)
    assert sends[0].status == 429
    assert sends[1].ok
    assert sends[1].time - sends[0].time >= 1.0
    assert brief.ok


async def test_long_brief_is_split_into_valid_parts(
    control: ControlClient, article_site: ArticleSite
) -> None:
    since = await control.cursor()
    await control.inject_command("quotes", article_site.url("/long"), user_id=USER)
    await _brief_call(control, USER, since, timeout=60)
    calls = await control.calls(("sendMessage", "editMessageText"), chat_id=USER, since=since)
    parts = [c for c in calls if "Reading the article" not in str(c.params.get("text"))]
    assert all(c.ok for c in parts)
    lengths = [message_length(parse_html(str(c.params["text"])).text) for c in parts]
    assert len(parts) >= 3
    assert sum(lengths) >= 12_000
    assert max(lengths) <= 4096
    assert [_has_keyboard(c) for c in parts] == [False] * (len(parts) - 1) + [True]


async def test_twenty_users_at_once_each_get_their_own_brief(
    control: ControlClient, article_site: ArticleSite
) -> None:
    users = range(710_001, 710_021)
    since = await control.cursor()
    started = time.monotonic()
    for n, user in enumerate(users, start=100):
        await control.inject_message(article_site.url(f"/article/{n}"), user_id=user)
    briefs = await asyncio.gather(*(_brief_call(control, user, since, 60) for user in users))
    for n, brief in enumerate(briefs, start=100):
        assert f"Harbor bridge {n} to reopen" in brief.result["text"]
    assert time.monotonic() - started < 60
