"""/who and its buttons on an offline bot."""

from __future__ import annotations

import pytest

from handlers import messages
from handlers.who import actor_topic
from tests.handlers.conftest import Harness
from tests.helpers.quotes import quoted_brief, save_quoted


def _buttons(harness: Harness, method: str = "sendMessage") -> dict[str, str]:
    keyboard = harness.request.made(method)[-1].keyboard or []
    return {b["text"]: b["callback_data"] for row in keyboard for b in row}


def _save(harness: Harness, key: str, said: list[tuple[str, str]], **meta: str) -> None:
    brief = quoted_brief(said, url=f"https://{key}/", roles={"Lena Ortiz": "Mayor"}, **meta)
    save_quoted(harness.db, brief, key)


async def test_who_without_a_name_explains(harness: Harness) -> None:
    await harness.send("/who")
    assert harness.request.made("sendMessage")[0].text == messages.WHO_USAGE


async def test_who_unknown_says_so(harness: Harness) -> None:
    await harness.send("/who Nobody")
    assert "I have no quotes from <b>Nobody</b> yet" in harness.request.made("sendMessage")[0].text


async def test_who_shows_quotes_and_follow_button(harness: Harness) -> None:
    _save(harness, "a.example", [("Lena Ortiz", "We are ready")], title="Bridge reopens")
    await harness.send("/who ortiz")
    reply = harness.request.made("sendMessage")[0]
    assert reply.text.startswith("🗣 <b>Lena Ortiz</b> — Mayor")
    assert "Bridge reopens" in reply.text
    assert "“We are ready”" in reply.text
    assert list(_buttons(harness)) == ["Follow Lena Ortiz"]


async def test_who_follow_button_follows_the_actor_topic(harness: Harness) -> None:
    _save(harness, "a.example", [("Lena Ortiz", "We are ready")])
    await harness.send("/who Lena Ortiz")
    await harness.press(_buttons(harness)["Follow Lena Ortiz"])
    assert (
        'You now follow <b>actor:"Lena Ortiz"</b>' in harness.request.made("sendMessage")[-1].text
    )


async def test_who_asks_which_person_then_shows_the_chosen(harness: Harness) -> None:
    _save(harness, "a.example", [("Lena Ortiz", "Yes"), ("Carlos Ortiz", "No")])
    await harness.send("/who ORTIZ")
    assert "Several people" in harness.request.made("sendMessage")[0].text
    choices = _buttons(harness)
    assert set(choices) == {"Lena Ortiz — Mayor", "Carlos Ortiz"}
    await harness.press(choices["Carlos Ortiz"])
    edit = harness.request.made("editMessageText")[-1]
    assert edit.text.startswith("🗣 <b>Carlos Ortiz</b>")
    assert "“No”" in edit.text


async def test_who_older_button_pages_through(harness: Harness) -> None:
    words = "The harbor plan needs more work before the winter storms arrive " * 6
    for n in range(12):
        said = [("Lena Ortiz", f"{words}{n}-{m}") for m in range(3)]
        _save(harness, f"n{n}.example", said, published=f"2026-11-{n + 1:02d}")
    await harness.send("/who ortiz")
    first = harness.request.made("sendMessage")[0]
    assert f"{words}11-0" in first.text
    await harness.press(_buttons(harness)["Older quotes ›"])
    second = harness.request.made("editMessageText")[-1]
    assert "Page 2 of " in second.text
    assert f"{words}11-0" not in second.text
    assert "‹ Newer quotes" in _buttons(harness, "editMessageText")


async def test_who_button_after_the_quotes_are_gone_alerts(harness: Harness) -> None:
    _save(harness, "a.example", [("Lena Ortiz", "Yes")])
    await harness.send("/who ortiz")
    follow = _buttons(harness)["Follow Lena Ortiz"]
    harness.db.execute("DELETE FROM quote_bank")  # as the quote bank's retention does
    await harness.press(follow)
    (alert,) = harness.request.made("answerCallbackQuery")
    assert alert.params["text"] == messages.WHO_GONE


@pytest.mark.parametrize(
    ("name", "topic"),
    [
        ("Lena Ortiz", 'actor:"Lena Ortiz"'),
        ('Lena "The Mayor"  Ortiz', 'actor:"Lena The Mayor Ortiz"'),
    ],
)
def test_actor_topic_quotes_the_name_safely(name: str, topic: str) -> None:
    assert actor_topic(name) == topic
