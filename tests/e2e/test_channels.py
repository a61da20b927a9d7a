"""Channels end to end: an administrator's topics post digests into a channel (issue 12)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.localapi import ApiCall, ControlClient
from handlers import messages
from handlers.context import BotApp
from tests.e2e.conftest import BotStarter
from tests.helpers.feeds import FeedSite, harbor_story

pytestmark = pytest.mark.e2e

CHANNEL = -100_900_001
ADMIN = 780_001
STRANGER = 780_002
DIGEST_MARK = "📬"


@pytest.fixture
async def app(
    control: ControlClient, start_bot: BotStarter, feed_site: FeedSite, tmp_path: Path
) -> AsyncIterator[BotApp]:
    """The bot reading one default feed, and the channel Harbor News administered by ADMIN."""
    feeds_file = tmp_path / "feeds.txt"
    feeds_file.write_text(feed_site.add_feed(f"chan-{tmp_path.name}") + "\n")
    await control.create_channel(CHANNEL, "Harbor News", "harbornews", admins=[ADMIN])
    async with start_bot(feeds_file=feeds_file) as started:
        yield started


def _publish(feed_site: FeedSite, tmp_path: Path, number: int) -> None:
    feed_site.publish(
        f"chan-{tmp_path.name}", f"chan-{tmp_path.name}-{number}", harbor_story(number)
    )


async def _poll(app: BotApp) -> None:
    assert app.bot_data.scheduler is not None
    await app.bot_data.scheduler.poll_now()  # type: ignore[attr-defined]


async def _say(control: ControlClient, user: int, command: str, args: str = "") -> ApiCall:
    since = await control.cursor()
    await control.inject_command(command, args, user_id=user)
    return await control.wait_for_call("sendMessage", chat_id=user, since=since, timeout=30)


def _topics(app: BotApp) -> list[tuple[str, bool]]:
    assert app.bot_data.subscriptions is not None
    return [(s.query, s.paused) for s in app.bot_data.subscriptions.topics(CHANNEL)]


async def _followed(control: ControlClient) -> None:
    reply = await _say(control, ADMIN, "follow", "@harbornews harbor bridge")
    assert reply.result["text"].startswith("Harbor News now follows harbor bridge.")


async def test_admin_follows_a_channel_and_its_digests_go_there(
    control: ControlClient, app: BotApp, feed_site: FeedSite, tmp_path: Path
) -> None:
    await _followed(control)
    _publish(feed_site, tmp_path, 401)
    await _poll(app)
    since = await control.cursor()
    reply = await _say(control, ADMIN, "digest", "@harbornews")
    digest = await control.wait_for_call(
        "sendMessage", chat_id=CHANNEL, since=since, timeout=30,
        match=lambda c: c.ok and DIGEST_MARK in str(c.result["text"]),
    )  # fmt: skip
    assert "Harbor bridge 401 to reopen in May" in digest.result["text"]
    assert reply.result["text"] == "Channel Harbor News:\nPosted what was waiting."
    listing = await _say(control, ADMIN, "following", "@harbornews")
    assert "1. harbor bridge" in listing.result["text"]
    assert "reply_markup" not in listing.result
    changed = await _say(control, ADMIN, "settings", "@harbornews daily 07:30")
    assert "every day at 07:30" in changed.result["text"]
    gone = await _say(control, ADMIN, "unfollow", "@harbornews 1")
    assert gone.result["text"].endswith("You no longer follow harbor bridge.")
    assert _topics(app) == []


async def test_open_under_a_channel_digest_opens_the_bots_chat(
    control: ControlClient, app: BotApp, feed_site: FeedSite, tmp_path: Path
) -> None:
    await _followed(control)
    _publish(feed_site, tmp_path, 402)
    await _poll(app)
    since = await control.cursor()
    await _say(control, ADMIN, "digest", "@harbornews")
    digest = await control.wait_for_call("sendMessage", chat_id=CHANNEL, since=since, timeout=30)
    data = digest.result["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    pressed = await control.cursor()
    await control.press_button(CHANNEL, digest.result["message_id"], data, user_id=STRANGER)
    answer = await control.wait_for_call("answerCallbackQuery", since=pressed, timeout=10)
    assert answer.params["url"].startswith("https://t.me/briefbot_local_bot?start=b")
    assert await control.calls("sendMessage", chat_id=CHANNEL, since=pressed) == []


@pytest.mark.usefixtures("app")
async def test_a_non_administrator_is_refused(control: ControlClient, app: BotApp) -> None:
    reply = await _say(control, STRANGER, "follow", "@harbornews harbor bridge")
    assert reply.result["text"].startswith("Only the administrators of Harbor News can change")
    for command in ("following", "digest", "settings"):
        again = await _say(control, STRANGER, command, "@harbornews")
        assert again.result["text"] == reply.result["text"]
    assert _topics(app) == []


@pytest.mark.usefixtures("app")
@pytest.mark.parametrize(
    ("bot_status", "expected"),
    [
        ("member", "I can't post in Harbor News yet."),
        ("left", "I can't post in Harbor News yet."),
    ],
)
async def test_a_channel_where_the_bot_cannot_post_is_refused(
    control: ControlClient, app: BotApp, bot_status: str, expected: str
) -> None:
    await control.create_channel(
        CHANNEL, "Harbor News", "harbornews", admins=[ADMIN], bot_status=bot_status,
        can_post_messages=False,
    )  # fmt: skip
    reply = await _say(control, ADMIN, "follow", "@harbornews harbor bridge")
    assert reply.result["text"].startswith(expected)
    assert _topics(app) == []


@pytest.mark.usefixtures("app")
async def test_an_unknown_channel_is_explained(control: ControlClient) -> None:
    reply = await _say(control, ADMIN, "follow", "@nosuchchannel harbor bridge")
    assert reply.result["text"].startswith("I can't find the channel @nosuchchannel.")


async def test_losing_the_right_to_post_pauses_topics_and_tells_the_admin(
    control: ControlClient, app: BotApp
) -> None:
    await _followed(control)
    since = await control.cursor()
    await control.set_bot_rights(CHANNEL, "administrator", can_post_messages=False, user_id=ADMIN)
    told = await control.wait_for_call("sendMessage", chat_id=ADMIN, since=since, timeout=10)
    assert told.result["text"] == (
        "I can no longer post in Harbor News, so I paused its topic. Make me an administrator "
        "allowed to post messages again and I will resume them."
    )
    assert _topics(app) == [("harbor bridge", True)]
    since = await control.cursor()
    await control.set_bot_rights(CHANNEL, "administrator", can_post_messages=True, user_id=ADMIN)
    back = await control.wait_for_call("sendMessage", chat_id=ADMIN, since=since, timeout=10)
    assert back.result["text"] == "I can post in Harbor News again, so I resumed its topic."
    assert _topics(app) == [("harbor bridge", False)]


async def test_forbidden_on_sending_a_digest_pauses_topics_and_tells_the_admin(
    control: ControlClient, app: BotApp, feed_site: FeedSite, tmp_path: Path
) -> None:
    await _followed(control)
    _publish(feed_site, tmp_path, 403)
    await _poll(app)
    await control.add_fault("sendMessage", "blocked", chat_id=CHANNEL)
    since = await control.cursor()
    await control.inject_command("digest", "@harbornews", user_id=ADMIN)
    told = await control.wait_for_call(
        "sendMessage", chat_id=ADMIN, since=since, timeout=30,
        match=lambda c: "can no longer post" in str(c.params.get("text")),
    )  # fmt: skip
    assert told.ok
    assert _topics(app) == [("harbor bridge", True)]


async def test_commands_posted_in_the_channel_work_and_buttons_are_for_admins(
    control: ControlClient, app: BotApp
) -> None:
    since = await control.cursor()
    await control.post_in_channel(CHANNEL, "/follow harbor bridge")
    followed = await control.wait_for_call("sendMessage", chat_id=CHANNEL, since=since)
    assert followed.result["text"].startswith("You now follow harbor bridge.")
    since = await control.cursor()
    await control.post_in_channel(CHANNEL, "/following")
    listing = await control.wait_for_call("sendMessage", chat_id=CHANNEL, since=since)
    rows = listing.result["reply_markup"]["inline_keyboard"]
    pause = next(b["callback_data"] for row in rows for b in row if b["callback_data"][:2] == "tp")
    since = await control.cursor()
    await control.press_button(CHANNEL, listing.result["message_id"], pause, user_id=STRANGER)
    refused = await control.wait_for_call("answerCallbackQuery", since=since, timeout=10)
    assert refused.params["text"] == messages.CHANNEL_ADMINS_ONLY
    assert _topics(app) == [("harbor bridge", False)]
    since = await control.cursor()
    await control.press_button(CHANNEL, listing.result["message_id"], pause, user_id=ADMIN)
    await control.wait_for_call("editMessageText", chat_id=CHANNEL, since=since, timeout=10)
    assert _topics(app) == [("harbor bridge", True)]


async def test_admin_adds_a_feed_to_the_channel(
    control: ControlClient, app: BotApp, feed_site: FeedSite, tmp_path: Path
) -> None:
    feed = feed_site.add_feed(f"chan-own-{tmp_path.name}", title="Cedar Post")
    refused = await _say(control, STRANGER, "addfeed", f"@harbornews {feed}")
    assert refused.result["text"].startswith("Only the administrators of Harbor News")
    added = await _say(control, ADMIN, "addfeed", f"@harbornews {feed}")
    assert added.result["text"].startswith("Channel Harbor News:\nAdded the feed Cedar Post")
    listing = await _say(control, ADMIN, "feeds", "@harbornews")
    assert "1. Cedar Post" in listing.result["text"]
    mine = await _say(control, ADMIN, "feeds")
    assert "Cedar Post" not in mine.result["text"]
    removed = await _say(control, ADMIN, "removefeed", "@harbornews 1")
    assert "Cedar Post" in removed.result["text"]
    assert app.bot_data.feeds is not None
    assert app.bot_data.feeds.feeds(CHANNEL) == []
