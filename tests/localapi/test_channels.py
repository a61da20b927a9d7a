"""Channels on the local server: getChat, getChatMember, posting rights and updates."""

from __future__ import annotations

import pytest
from telegram import Bot, ChatMember
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden

from bot.localapi import ControlClient

CHANNEL = -100_500_001
ADMIN = 600_001
BOT_ID = 123456789


async def test_get_chat_finds_a_channel_by_username(bot: Bot, control: ControlClient) -> None:
    await control.create_channel(CHANNEL, "Harbor News", "harbornews", admins=[ADMIN])
    chat = await bot.get_chat("@HarborNews")
    assert (chat.id, chat.type, chat.title) == (CHANNEL, ChatType.CHANNEL, "Harbor News")


async def test_get_chat_member_tells_administrators_from_others(
    bot: Bot, control: ControlClient
) -> None:
    await control.create_channel(CHANNEL, "Harbor News", "harbornews", admins=[ADMIN])
    admin = await bot.get_chat_member(CHANNEL, ADMIN)
    stranger = await bot.get_chat_member(CHANNEL, ADMIN + 1)
    me = await bot.get_chat_member(CHANNEL, BOT_ID)
    assert admin.status == ChatMember.ADMINISTRATOR
    assert stranger.status == ChatMember.LEFT
    assert me.status == ChatMember.ADMINISTRATOR
    assert me.can_post_messages is True  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("status", "can_post", "error", "match"),
    [
        ("administrator", False, BadRequest, "Need administrator rights"),
        ("member", False, BadRequest, "Need administrator rights"),
        ("left", False, Forbidden, "bot is not a member of the channel chat"),
    ],
)
async def test_send_to_a_channel_needs_posting_rights(
    bot: Bot,
    control: ControlClient,
    status: str,
    can_post: bool,
    error: type[Exception],
    match: str,
) -> None:
    await control.create_channel(
        CHANNEL, "Harbor News", bot_status=status, can_post_messages=can_post
    )
    with pytest.raises(error, match=match):
        await bot.send_message(CHANNEL, "Digest")


async def test_channel_post_and_rights_change_reach_the_bot(
    bot: Bot, control: ControlClient
) -> None:
    await control.create_channel(CHANNEL, "Harbor News", admins=[ADMIN])
    assert (await bot.send_message(CHANNEL, "Digest")).chat.id == CHANNEL
    await control.post_in_channel(CHANNEL, "/following")
    await control.set_bot_rights(CHANNEL, "administrator", can_post_messages=False, user_id=ADMIN)
    post, change = (await bot.get_updates(allowed_updates=["channel_post", "my_chat_member"]))[-2:]
    assert post.channel_post is not None
    assert post.channel_post.text == "/following"
    assert post.channel_post.entities[0].type == "bot_command"
    assert change.my_chat_member is not None
    assert change.my_chat_member.new_chat_member.status == ChatMember.ADMINISTRATOR
    assert change.my_chat_member.new_chat_member.can_post_messages is False  # type: ignore[attr-defined]
    assert change.my_chat_member.from_user.id == ADMIN
