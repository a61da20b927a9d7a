"""The topic commands and buttons on an offline bot."""

from __future__ import annotations

from bot.errors import UnknownTimeZone
from handlers import messages
from tests.handlers.conftest import Harness


def _buttons(harness: Harness, method: str = "sendMessage") -> list[tuple[str, str]]:
    keyboard = harness.request.made(method)[-1].keyboard or []
    return [(b["text"], b["callback_data"]) for row in keyboard for b in row]


async def test_follow_without_words_explains(harness: Harness) -> None:
    await harness.send("/follow")
    assert harness.request.made("sendMessage")[0].text == messages.FOLLOW_USAGE


async def test_follow_confirms_with_schedule_and_zone(harness: Harness) -> None:
    await harness.send('/subscribe harbor "Lena Ortiz" -budget')
    (reply,) = harness.request.made("sendMessage")
    assert 'You now follow <b>harbor "Lena Ortiz" -budget</b>' in reply.text
    assert "every day at 08:00 (UTC time)" in reply.text
    await harness.send("/follow HARBOR  “Lena Ortiz” -budget")
    assert "You already follow" in harness.request.made("sendMessage")[-1].text


async def test_follow_refuses_only_exclusions(harness: Harness) -> None:
    await harness.send("/follow -war")
    assert "I could not read that topic" in harness.request.made("sendMessage")[0].text


async def test_following_lists_topics_with_buttons(harness: Harness) -> None:
    await harness.send("/follow harbor")
    await harness.send("/follow school budget")
    await harness.send("/following")
    listing = harness.request.made("sendMessage")[-1]
    assert "1. <b>harbor</b> — every day at 08:00" in listing.text
    assert "2. <b>school budget</b>" in listing.text
    labels = [label for label, _data in _buttons(harness)]
    assert labels[:3] == ["Pause 1", "Remove 1", "Schedule 1"]


async def test_pause_button_pauses_and_edits_the_list(harness: Harness) -> None:
    await harness.send("/follow harbor")
    await harness.send("/following")
    pause = dict(_buttons(harness))["Pause 1"]
    await harness.press(pause)
    edit = harness.request.made("editMessageText")[-1]
    assert "<i>paused</i>" in edit.text
    assert "Resume 1" in [label for label, _ in _buttons(harness, "editMessageText")]


async def test_schedule_button_offers_choices_then_sets_one(harness: Harness) -> None:
    await harness.send("/follow harbor")
    await harness.send("/following")
    await harness.press(dict(_buttons(harness))["Schedule 1"])
    choices = dict(_buttons(harness, "editMessageText"))
    await harness.press(choices["Every 6 hours"])
    assert "every 6 hours (its own schedule)" in harness.request.made("editMessageText")[-1].text


async def test_unfollow_by_number(harness: Harness) -> None:
    await harness.send("/follow harbor")
    await harness.send("/unfollow 1")
    assert harness.request.made("sendMessage")[-1].text == messages.unfollowed("harbor")
    await harness.send("/unfollow 1")
    assert harness.request.made("sendMessage")[-1].text == messages.TOPIC_GONE


async def test_settings_sets_zone_and_schedule(harness: Harness) -> None:
    await harness.send("/settings tz america/new_york")
    await harness.send("/settings times 07:00 19:30")
    text = harness.request.made("sendMessage")[-1].text
    assert "Time zone: <b>America/New_York</b>" in text
    assert "every day at 07:00 and 19:30" in text


async def test_settings_unknown_zone_says_what_to_send(harness: Harness) -> None:
    await harness.send("/settings tz Mars/Olympus")
    text = harness.request.made("sendMessage")[0].text
    assert text == UnknownTimeZone.default_message  # not "I could not read that schedule"


async def test_digest_with_nothing_new_says_so(harness: Harness) -> None:
    await harness.send("/digest")
    assert harness.request.made("sendMessage")[-1].text == messages.NO_TOPICS
    await harness.send("/follow harbor")
    await harness.send("/digest")
    assert harness.request.made("sendMessage")[-1].text == messages.DIGEST_NOTHING


async def test_addfeed_without_address_explains(harness: Harness) -> None:
    await harness.send("/addfeed")
    assert harness.request.made("sendMessage")[0].text == messages.ADDFEED_USAGE
