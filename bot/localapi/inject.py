"""Making updates as a Telegram user would: messages, commands and button presses.

Injected messages look like what Telegram delivers: a `from` user, a chat (a private chat's id
is the user's id), url/mention/hashtag/bot_command entities found in the text unless the caller
gives entities, a one-level `reply_to_message`, a photo when there is a caption. A button can be
pressed only if the bot's message really has a callback button with that data.
"""

from __future__ import annotations

import base64
import binascii
import copy
import logging
import time
from typing import Any

from bot.localapi.entities import (
    MAX_MESSAGE_LENGTH,
    TextProblem,
    entities_from_json,
    entities_to_json,
    find_auto_entities,
    sort_entities,
)
from bot.localapi.inline import inline_query
from bot.localapi.messages import without_reply
from bot.localapi.state import BotState, ChatRecord

__all__ = [
    "ControlError",
    "inject_command",
    "inject_inline_query",
    "inject_message",
    "press_button",
    "upload_file",
]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
DEFAULT_USER_ID = 100_001
CHAT_TYPES = frozenset({"private", "group", "supergroup"})
MAX_CAPTION_LENGTH = 1024
MAX_QUERY_CHARS = 256
FAKE_PHOTO = [
    {
        "file_id": "AgACAgIAAxkBAAIBlocalphoto",
        "file_unique_id": "AQADlocalphoto",
        "width": 320,
        "height": 240,
        "file_size": 10240,
    }
]


class ControlError(Exception):
    """A control API request that can't be carried out; the message says why."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _user(state: BotState, body: JSON, default_id: int = DEFAULT_USER_ID) -> JSON:
    user_id = int(body.get("user_id") or default_id)
    user = state.users.get(user_id) or {
        "id": user_id,
        "is_bot": False,
        "first_name": str(body.get("first_name") or f"User {user_id}"),
        "language_code": "en",
    }
    if body.get("username"):
        user["username"] = str(body["username"])
    state.users[user_id] = user
    return user


def _chat(state: BotState, body: JSON, user: JSON) -> ChatRecord:
    chat_type = str(body.get("chat_type") or "private")
    if chat_type not in CHAT_TYPES:
        raise ControlError(f"chat_type must be one of {sorted(CHAT_TYPES)}")
    if chat_type == "private":
        if body.get("chat_id") not in (None, user["id"]):
            raise ControlError("a private chat's id is the user's id")
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        if "username" in user:
            chat["username"] = user["username"]
        return state.ensure_chat(chat)
    chat_id = int(body.get("chat_id") or 0)
    if chat_id >= 0:
        raise ControlError("a group chat needs a negative chat_id")
    title = str(body.get("chat_title") or f"Group {-chat_id}")
    return state.ensure_chat({"id": chat_id, "type": chat_type, "title": title})


def _document(state: BotState, body: JSON) -> JSON | None:
    file_id = body.get("document")
    if file_id in (None, ""):
        return None
    record = state.files.get(str(file_id))
    if record is None:
        raise ControlError("no such file; upload it first", 404)
    return record.document()


def _content(state: BotState, body: JSON) -> JSON:
    document = _document(state, body)
    if document is not None and not body.get("caption"):
        return {"document": document}
    key = "caption" if body.get("caption") is not None else "text"
    text = str(body.get(key) or "")
    limit = MAX_CAPTION_LENGTH if key == "caption" else MAX_MESSAGE_LENGTH
    if not text.strip():
        raise ControlError(f"{key} must not be empty")
    if len(text) > limit and not body.get("allow_long"):
        raise ControlError(f"a user can't send a {key} over {limit} characters (allow_long)")
    try:
        given = body.get("entities")
        entities = entities_from_json(text, given) if given is not None else []
    except TextProblem as exc:
        raise ControlError(str(exc)) from exc
    if given is None:
        entities = find_auto_entities(text, [])
    content: JSON = {key: text}
    if entities:
        content["caption_entities" if key == "caption" else "entities"] = entities_to_json(
            sort_entities(entities)
        )
    if document is not None:
        content["document"] = document
    elif key == "caption":
        content["photo"] = copy.deepcopy(FAKE_PHOTO)
    return content


def inject_message(state: BotState, body: JSON) -> JSON:
    """Deliver a user's message to the bot; return the update, the message and `queued`."""
    user = _user(state, body)
    record = _chat(state, body, user)
    message: JSON = {"from": user, **_content(state, body)}
    reply_id = body.get("reply_to_message_id")
    if reply_id is not None:
        target = record.messages.get(int(reply_id))
        if target is None:
            raise ControlError(f"message {reply_id} is not in chat {record.chat_id}", 404)
        message["reply_to_message"] = without_reply(target)
    if body.get("forward_origin"):
        origin = dict(body["forward_origin"])
        origin.setdefault("date", int(time.time()))
        message["forward_origin"] = origin
    stored = state.add_message(record, message)
    update, queued = state.updates.push("message", stored)
    return {"update": update, "message": stored, "queued": queued}


def inject_command(state: BotState, body: JSON) -> JSON:
    """Deliver a command such as "/brief https://..." with its bot_command entity."""
    command = str(body.get("command") or "").lstrip("/")
    if not command:
        raise ControlError("command must not be empty")
    head = f"/{command}@{state.bot_user['username']}" if body.get("mention_bot") else f"/{command}"
    args = str(body.get("args") or "")
    text = f"{head} {args}" if args else head
    entities = [{"type": "bot_command", "offset": 0, "length": len(head)}]
    found = find_auto_entities(text, entities_from_json(text, entities))
    extra = [e for e in entities_to_json(found) if e["offset"] >= len(head)]
    return inject_message(state, {**body, "text": text, "entities": entities + extra})


def press_button(state: BotState, body: JSON) -> JSON:
    """Press a callback button on one of the bot's messages; return the update and query."""
    record = state.chats.get(int(body.get("chat_id") or 0))
    if record is None:
        raise ControlError("no such chat", 404)
    message = record.messages.get(int(body.get("message_id") or 0))
    if message is None:
        raise ControlError("no such message in that chat", 404)
    data = str(body.get("data") or "")
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    if data not in [button.get("callback_data") for row in rows for button in row]:
        raise ControlError("the message has no button with that callback_data")
    default_user = record.chat_id if record.chat["type"] == "private" else DEFAULT_USER_ID
    user = _user(state, body, default_user)
    callback = state.new_callback(record, message["message_id"], data)
    query = {
        "id": callback.query_id,
        "from": user,
        "message": copy.deepcopy(message),
        "chat_instance": str(abs(record.chat_id) * 7919 + 104_729),
        "data": data,
    }
    update, queued = state.updates.push("callback_query", query)
    return {"update": update, "callback_query": query, "queued": queued}


def inject_inline_query(state: BotState, body: JSON) -> JSON:
    """Deliver an inline query ("@bot <text>" typed in any chat); return the update."""
    user = _user(state, body)
    text = str(body.get("query") or "")
    if len(text) > MAX_QUERY_CHARS:
        raise ControlError(f"an inline query holds at most {MAX_QUERY_CHARS} characters")
    record = state.new_inline_query(user["id"], text)
    query = inline_query(record, user, body.get("chat_type") or "sender")
    update, queued = state.updates.push("inline_query", query)
    return {"update": update, "inline_query": query, "queued": queued}


def upload_file(state: BotState, body: JSON) -> JSON:
    """Keep a file a user is about to send (base64 content); return its Document object."""
    try:
        content = base64.b64decode(str(body.get("content_base64") or ""), validate=True)
    except binascii.Error as exc:
        raise ControlError("content_base64 is not base64") from exc
    name = str(body.get("file_name") or "document")
    record = state.add_file(content, name, str(body.get("mime_type") or "application/xml"))
    return {"document": record.document()}
