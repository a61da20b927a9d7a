"""The quote bank end to end: links briefed, then /who over real HTTP; pasted texts stay out."""

from __future__ import annotations

import pytest

from bot.localapi import ApiCall, ControlClient
from bot.localapi.html_check import check_html
from tests.helpers.articles import SHARED_QUOTE, VOICE_STORIES, ArticleSite

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("bot")]

USER = 700_131
SECRET = "The private harbor plan stays between the two of us until the vote in March"
PASTED = (
    "Port Alder's mayor spoke to a small group of shop owners on Sunday about the future of "
    "the waterfront and the money the town expects from the state next year.\n\n"
    f"\u201c{SECRET},\u201d said Mayor Lena Ortiz at the meeting in the bakery on Harbor "
    "Street.\n\n"
    "The owners asked about parking, the ferry timetable and the noise of the works, and "
    "several of them said the closure of the bridge had cost them a third of their customers."
)


def _has_keyboard(call: ApiCall) -> bool:
    return call.ok and bool((call.result or {}).get("reply_markup"))


async def _send_and_wait(control: ControlClient, text: str) -> ApiCall:
    since = await control.cursor()
    await control.inject_message(text, user_id=USER)
    return await control.wait_for_call(
        ("sendMessage", "editMessageText"), chat_id=USER, since=since, timeout=60,
        match=_has_keyboard,
    )  # fmt: skip


async def _who(control: ControlClient, name: str) -> ApiCall:
    since = await control.cursor()
    await control.inject_command("who", name, user_id=USER)
    return await control.wait_for_call("sendMessage", chat_id=USER, since=since, timeout=30)


async def test_who_lists_a_persons_quotes_from_links_not_pasted_texts(
    control: ControlClient, article_site: ArticleSite
) -> None:
    # The newer story is briefed first: /who orders by the articles' dates, not by arrival.
    for name in ("ferry", "payment"):
        brief = await _send_and_wait(control, article_site.url(f"/voices/{name}"))
        assert "Lena Ortiz" in brief.result["text"]
    pasted = await _send_and_wait(control, PASTED)
    assert f"Lena Ortiz: “{SECRET}" in pasted.result["text"]  # its own brief shows it

    for query in ("Lena Ortiz", "ortiz", "LENA ORTÍZ"):
        reply = await _who(control, query)
        assert reply.ok
        assert check_html(reply.params["text"]) is None
        text = reply.result["text"]
        ferry, payment = VOICE_STORIES["ferry"], VOICE_STORIES["payment"]
        assert text.startswith("🗣 Lena Ortiz — Mayor")
        assert f"{ferry[0]} · {ferry[1]} · 28 Nov 2026" in text
        assert f"{payment[0]} · {payment[1]} · 20 Nov 2026" in text
        assert text.index(ferry[0]) < text.index(payment[0])  # newest first
        assert f"“{SHARED_QUOTE},” (reported by 2 sources)" in text
        assert text.count(SHARED_QUOTE) == 1
        assert "Nobody should have to drive" in text
        assert "The money is there" in text
        assert SECRET not in text
        links = [e["url"] for e in reply.result.get("entities", []) if e["type"] == "text_link"]
        assert article_site.url("/voices/ferry") in links
        assert article_site.url("/voices/payment") in links
        buttons = [
            b["text"] for row in reply.result["reply_markup"]["inline_keyboard"] for b in row
        ]
        assert buttons == ["Follow Lena Ortiz"]


async def test_inline_who_answers_with_a_persons_quotes(
    control: ControlClient, article_site: ArticleSite
) -> None:
    for name in ("ferry", "payment"):
        await _send_and_wait(control, article_site.url(f"/voices/{name}"))
    await _send_and_wait(control, PASTED)
    since = await control.cursor()
    update = await control.inject_inline_query("who ortiz", user_id=USER)
    query_id = update["inline_query"]["id"]
    call = await control.wait_for_call(
        "answerInlineQuery", since=since, timeout=30,
        match=lambda c: str(c.params.get("inline_query_id")) == query_id,
    )  # fmt: skip
    assert call.ok
    [result] = call.params["results"]
    assert result["title"] == "Who: Lena Ortiz"
    text = result["input_message_content"]["message_text"]
    assert check_html(text) is None
    assert text.count(SHARED_QUOTE) == 1
    assert "reported by 2 sources" in text
    assert SECRET not in text
