"""Bot API methods that write to chats: send, edit and delete messages, chat actions, answers.

Texts go through the same steps as on Telegram: HTML parsing (or an `entities` array),
normalization and trimming, the 1-4096 character check, then urls, mentions, hashtags and bot
commands found in the text become entities. An edit that changes nothing answers "message is not
modified"; an edit without reply_markup removes the inline keyboard, as on Telegram.
"""

from __future__ import annotations

import copy
import logging
import time
from typing import Any

from bot.localapi.channels import check_can_post
from bot.localapi.entities import (
    MAX_MESSAGE_LENGTH,
    Entity,
    TextProblem,
    entities_from_json,
    entities_to_json,
    find_auto_entities,
    message_length,
    normalize_text,
    sort_entities,
)
from bot.localapi.html_check import HtmlParseError, parse_html
from bot.localapi.markup import parse_reply_markup
from bot.localapi.state import BotState, ChatRecord
from bot.localapi.wire import (
    ApiError,
    Params,
    get_bool,
    get_chat_id,
    get_int,
    get_json,
    get_str,
    require_int,
)

__all__ = [
    "answer_callback_query",
    "delete_message",
    "edit_message_reply_markup",
    "edit_message_text",
    "prepare_text",
    "send_chat_action",
    "send_message",
]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip
MAX_CALLBACK_ANSWER = 200
QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"


def prepare_text(state: BotState, params: Params) -> tuple[str, list[Entity]]:
    """Parse, normalize and check a message text as Telegram does before storing it."""
    raw = get_str(params, "text")
    if not raw:
        raise ApiError.bad_request("message text is empty")
    parse_mode = (get_str(params, "parse_mode") or "").strip().lower()
    try:
        text, entities = _parse(raw, parse_mode, params, state.strict_html)
        text, entities = normalize_text(text, entities)
    except HtmlParseError as exc:
        raise ApiError.bad_request(f"can't parse entities: {exc}") from exc
    except TextProblem as exc:
        raise ApiError(400, str(exc)) from exc
    if message_length(text) > MAX_MESSAGE_LENGTH:
        raise ApiError.bad_request("message is too long")
    return text, sort_entities(entities + find_auto_entities(text, entities))


def _parse(raw: str, parse_mode: str, params: Params, strict: bool) -> tuple[str, list[Entity]]:
    if parse_mode == "html":
        parsed = parse_html(raw, strict=strict)
        return parsed.text, list(parsed.entities)
    if parse_mode in {"markdown", "markdownv2"}:
        # Only HTML is emulated; failing loudly beats storing unparsed markup silently.
        raise ApiError.bad_request(
            f"parse_mode {parse_mode} is not emulated by the local Bot API server; use HTML"
        )
    if parse_mode:
        raise ApiError.bad_request("unsupported parse_mode")
    if params.get("entities") not in (None, ""):
        return raw, entities_from_json(raw, get_json(params, "entities"))
    return raw, []


def without_reply(message: JSON) -> JSON:
    """Copy a message for nesting as reply_to_message (Telegram nests one level only)."""
    nested = copy.deepcopy(message)
    nested.pop("reply_to_message", None)
    return nested


def _reply_target(record: ChatRecord, params: Params) -> JSON | None:
    reply = get_json(params, "reply_parameters") or {}
    if not isinstance(reply, dict):
        raise ApiError.bad_request("can't parse reply parameters JSON object")
    message_id = get_int(reply, "message_id") or get_int(params, "reply_to_message_id")
    if not message_id:
        return None
    target = record.messages.get(message_id)
    if target is not None:
        return without_reply(target)
    if get_bool(reply, "allow_sending_without_reply") or get_bool(
        params, "allow_sending_without_reply"
    ):
        return None
    raise ApiError.bad_request("message to be replied not found")


async def send_message(state: BotState, params: Params) -> JSON:
    """Answer sendMessage: store the bot's message and return it."""
    record = state.find_chat(get_chat_id(params))
    check_can_post(state, record)
    text, entities = prepare_text(state, params)
    markup = parse_reply_markup(params)
    message: JSON = {"from": state.bot_user, "text": text}
    if entities:
        message["entities"] = entities_to_json(entities)
    reply_to = _reply_target(record, params)
    if reply_to is not None:
        message["reply_to_message"] = reply_to
    if markup is not None:
        message["reply_markup"] = markup
    return state.add_message(record, message)


def _editable(state: BotState, params: Params) -> JSON:
    if params.get("inline_message_id"):
        raise ApiError.bad_request("MESSAGE_ID_INVALID")
    record = state.find_chat(get_chat_id(params))
    message_id = require_int(params, "message_id", "message identifier is not specified")
    message = state.find_message(record, message_id, "message to edit not found")
    if message.get("from", {}).get("id") != state.bot_user["id"]:
        raise ApiError.bad_request("message can't be edited")
    return message


def _apply_edit(message: JSON, changes: JSON) -> JSON:
    if all(message.get(key) == (value or None) for key, value in changes.items()):
        raise ApiError.bad_request(NOT_MODIFIED)
    for key, value in changes.items():
        if value:
            message[key] = value
        else:
            message.pop(key, None)
    message["edit_date"] = int(time.time())
    return copy.deepcopy(message)


async def edit_message_text(state: BotState, params: Params) -> JSON:
    """Answer editMessageText: change a message the bot sent and return it."""
    message = _editable(state, params)
    if "text" not in message:
        raise ApiError.bad_request("there is no text in the message to edit")
    text, entities = prepare_text(state, params)
    markup = parse_reply_markup(params, inline_only=True)
    changes = {"text": text, "entities": entities_to_json(entities), "reply_markup": markup}
    return _apply_edit(message, changes)


async def edit_message_reply_markup(state: BotState, params: Params) -> JSON:
    """Answer editMessageReplyMarkup: change or remove a message's inline keyboard."""
    message = _editable(state, params)
    markup = parse_reply_markup(params, inline_only=True)
    return _apply_edit(message, {"reply_markup": markup})


async def delete_message(state: BotState, params: Params) -> bool:
    """Answer deleteMessage: remove a message from its chat."""
    record = state.find_chat(get_chat_id(params))
    message_id = require_int(params, "message_id", "message identifier is not specified")
    state.find_message(record, message_id, "message to delete not found")
    del record.messages[message_id]
    return True


async def send_chat_action(state: BotState, params: Params) -> bool:
    """Answer sendChatAction: remember the action (Telegram shows it for 5 seconds)."""
    record = state.find_chat(get_chat_id(params))
    action = get_str(params, "action") or ""
    if action not in CHAT_ACTIONS:
        raise ApiError.bad_request("wrong parameter action in request")
    record.last_action = (action, time.time())
    return True


async def answer_callback_query(state: BotState, params: Params) -> bool:
    """Answer answerCallbackQuery: each button press can be answered once."""
    query_id = get_str(params, "callback_query_id") or ""
    callback = state.callbacks.get(query_id)
    if callback is None or callback.answer is not None:
        raise ApiError.bad_request(QUERY_INVALID)
    text = get_str(params, "text") or ""
    if len(text) > MAX_CALLBACK_ANSWER:
        raise ApiError.bad_request("MESSAGE_TOO_LONG")
    callback.answer = {
        "text": text,
        "show_alert": get_bool(params, "show_alert"),
        "url": get_str(params, "url"),
    }
    return True
