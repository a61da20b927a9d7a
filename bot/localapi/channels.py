"""Channels on the local server: getChat, getChatMember, channel posts and my_chat_member.

A test creates a channel with its administrators and the bot's own rights, posts in it as
the channel (a `channel_post` update, with no `from`), and changes the bot's rights (a
`my_chat_member` update). Sending into a channel needs the bot to be an administrator that
may post messages, as on Telegram: a bot that left or was removed gets 403, a bot without
the right gets 400.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from bot.localapi.entities import entities_to_json, find_auto_entities, sort_entities
from bot.localapi.state import BotState, ChatRecord
from bot.localapi.wire import ApiError, Params, get_chat_id, get_int

__all__ = [
    "check_can_post",
    "create_channel",
    "get_chat",
    "get_chat_member",
    "inject_channel_post",
    "set_bot_rights",
]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
ADMIN_RIGHTS = (
    "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
    "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories",
    "can_edit_stories", "can_delete_stories", "can_edit_messages",
)  # fmt: skip
GONE = frozenset({"left", "kicked"})


def _member(user: JSON, status: str, can_post: bool = True) -> JSON:
    member: JSON = {"user": user, "status": status}
    if status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update({"can_be_edited": False, "is_anonymous": False})
        member.update({right: True for right in ADMIN_RIGHTS})
        member["can_post_messages"] = can_post
    elif status == "kicked":
        member["until_date"] = 0
    return member


def create_channel(state: BotState, body: JSON) -> JSON:
    """Create a channel with its administrators and the bot's status; return its Chat."""
    chat_id = int(body.get("chat_id") or 0)
    if not str(chat_id).startswith("-100"):
        raise ValueError("a channel's chat_id starts with -100")
    chat: JSON = {"id": chat_id, "type": "channel", "title": str(body.get("title") or "Channel")}
    if body.get("username"):
        chat["username"] = str(body["username"]).lstrip("@")
    record = state.ensure_chat(chat)
    record.chat.update(chat)
    members = state.members.setdefault(chat_id, {})
    for user_id in body.get("admins") or []:
        user = state.users.setdefault(int(user_id), _user(int(user_id)))
        members[int(user_id)] = _member(user, "administrator")
    status = str(body.get("bot_status") or "administrator")
    members[state.bot_user["id"]] = _member(
        state.bot_user, status, bool(body.get("can_post_messages", True))
    )
    return record.chat


def _user(user_id: int) -> JSON:
    return {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}


def set_bot_rights(state: BotState, body: JSON) -> JSON:
    """Change the bot's status in a chat and deliver the my_chat_member update."""
    record = state.chats.get(int(body.get("chat_id") or 0))
    if record is None:
        raise ValueError("no such chat")
    members = state.members.setdefault(record.chat_id, {})
    bot_id = state.bot_user["id"]
    old = members.get(bot_id) or _member(state.bot_user, "left")
    new = _member(
        state.bot_user, str(body.get("status") or "left"), bool(body.get("can_post_messages"))
    )
    members[bot_id] = new
    actor_id = int(body.get("user_id") or 0)
    actor = state.users.get(actor_id) or _user(actor_id) if actor_id else state.bot_user
    change = {
        "chat": record.chat, "from": actor, "date": int(time.time()),
        "old_chat_member": old, "new_chat_member": new,
    }  # fmt: skip
    update, queued = state.updates.push("my_chat_member", change)
    return {"update": update, "queued": queued}


def inject_channel_post(state: BotState, body: JSON) -> JSON:
    """Post a message in a channel, as the channel; return the channel_post update."""
    record = state.chats.get(int(body.get("chat_id") or 0))
    if record is None or record.chat["type"] != "channel":
        raise ValueError("no such channel")
    text = str(body.get("text") or "")
    if not text.strip():
        raise ValueError("text must not be empty")
    message: JSON = {"sender_chat": record.chat, "text": text}
    entities = find_auto_entities(text, [])
    if entities:
        message["entities"] = entities_to_json(sort_entities(entities))
    stored = state.add_message(record, message)
    update, queued = state.updates.push("channel_post", stored)
    return {"update": update, "message": stored, "queued": queued}


def check_can_post(state: BotState, record: ChatRecord) -> None:
    """Refuse a message to a channel the bot may not post in, as Telegram does."""
    if record.chat["type"] != "channel":
        return
    member = state.members.get(record.chat_id, {}).get(state.bot_user["id"])
    if member is None or member["status"] in GONE:
        raise ApiError(403, "Forbidden: bot is not a member of the channel chat")
    if member["status"] == "creator":
        return
    if member["status"] != "administrator" or not member.get("can_post_messages"):
        raise ApiError.bad_request("need administrator rights in the channel chat")


async def get_chat(state: BotState, params: Params) -> JSON:
    """Answer getChat with the chat's full info."""
    record = state.find_chat(get_chat_id(params))
    info: JSON = {**record.chat, "accent_color_id": 0, "max_reaction_count": 11}
    info["accepted_gift_types"] = {
        "unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
        "premium_subscription": False, "gifts_from_channels": False,
    }  # fmt: skip
    return info


async def get_chat_member(state: BotState, params: Params) -> JSON:
    """Answer getChatMember: the member's status and rights ("left" for a stranger)."""
    record = state.find_chat(get_chat_id(params))
    user_id = get_int(params, "user_id")
    if user_id is None:
        raise ApiError.bad_request("user_id is empty")
    found = state.members.get(record.chat_id, {}).get(user_id)
    if found is not None:
        return found
    if record.chat["type"] == "private" and user_id == record.chat_id:
        return _member(state.users.get(user_id) or _user(user_id), "member")
    user = state.bot_user if user_id == state.bot_user["id"] else state.users.get(user_id)
    return _member(user or _user(user_id), "left")
