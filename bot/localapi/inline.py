"""Inline mode on the local server: users' inline queries and the bot's answerInlineQuery.

A query is answered once, within the answer window (Telegram answers "query is too old" after
it). Each result is checked as Telegram checks it: a known type, a unique id of 1-64 bytes, a
title, and an input message whose text passes the same HTML parsing and length check as
sendMessage. The button that opens the bot's private chat carries a start parameter of 1-64
characters from A-Z, a-z, 0-9, _ and -.
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any

from bot.localapi.markup import parse_reply_markup
from bot.localapi.messages import QUERY_INVALID, prepare_text
from bot.localapi.state import BotState, InlineQueryRecord
from bot.localapi.wire import ApiError, Params, get_bool, get_int, get_json, get_str

__all__ = ["ANSWER_WINDOW", "answer_inline_query", "check_start_parameter", "inline_query"]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
ANSWER_WINDOW = 10.0  # seconds; Telegram drops an answer that comes later
MAX_RESULTS = 50
MAX_RESULT_ID_BYTES = 64
MAX_QUERY_CHARS = 256
RESULT_TYPES = frozenset(
    {
        "article", "photo", "gif", "mpeg4_gif", "video", "audio", "voice", "document",
        "location", "venue", "contact", "game", "sticker",
    }
)  # fmt: skip
START_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")


def inline_query(record: InlineQueryRecord, user: JSON, chat_type: str | None) -> JSON:
    """Return the InlineQuery object an update carries."""
    query: JSON = {"id": record.query_id, "from": user, "query": record.query, "offset": ""}
    if chat_type:
        query["chat_type"] = chat_type
    return query


def check_start_parameter(value: Any) -> str:
    """Return a deep-link start parameter, or answer 400 as Telegram does."""
    if not isinstance(value, str) or not START_PARAMETER.fullmatch(value):
        raise ApiError.bad_request("START_PARAM_INVALID")
    return value


def _check_button(button: Any) -> JSON | None:
    if button in (None, ""):
        return None
    if not isinstance(button, dict) or not str(button.get("text") or "").strip():
        raise ApiError.bad_request("can't parse inline query results button: text is empty")
    actions = [key for key in ("start_parameter", "web_app") if key in button]
    if len(actions) != 1:
        raise ApiError.bad_request(
            "can't parse inline query results button: exactly one of the fields must be used"
        )
    if "start_parameter" in button:
        check_start_parameter(button["start_parameter"])
    return dict(button)


def _message_content(state: BotState, content: Any) -> JSON:
    if not isinstance(content, dict) or "message_text" not in content:
        raise ApiError.bad_request("can't parse input message content: message_text expected")
    if not str(content.get("message_text") or "").strip():
        raise ApiError.bad_request("MESSAGE_EMPTY")
    params: Params = {"text": content["message_text"]}
    for key in ("parse_mode", "entities"):
        if content.get(key) is not None:
            params[key] = content[key]
    text, entities = prepare_text(state, params)
    return {"text": text, "entity_count": len(entities)}


def _check_result(state: BotState, result: Any, seen: set[str]) -> JSON:
    if not isinstance(result, dict) or result.get("type") not in RESULT_TYPES:
        raise ApiError.bad_request("RESULT_TYPE_INVALID")
    result_id = result.get("id")
    if not isinstance(result_id, str) or not 1 <= len(result_id.encode()) <= MAX_RESULT_ID_BYTES:
        raise ApiError.bad_request("RESULT_ID_INVALID")
    if result_id in seen:
        raise ApiError.bad_request("RESULT_ID_DUPLICATE")
    seen.add(result_id)
    if result["type"] == "article" and not str(result.get("title") or "").strip():
        raise ApiError.bad_request("RESULT_TITLE_EMPTY")
    checked: JSON = {"id": result_id, "type": result["type"], "title": result.get("title")}
    if "input_message_content" in result:
        checked["message"] = _message_content(state, result["input_message_content"])
    elif result["type"] == "article":
        raise ApiError.bad_request("can't parse input message content: object expected")
    if result.get("reply_markup") is not None:
        parse_reply_markup({"reply_markup": result["reply_markup"]}, inline_only=True)
    return checked


async def answer_inline_query(state: BotState, params: Params) -> bool:
    """Answer answerInlineQuery: each query once, in time, with valid results."""
    query_id = get_str(params, "inline_query_id") or ""
    record = state.inline_queries.get(query_id)
    if record is None or record.answer is not None:
        raise ApiError.bad_request(QUERY_INVALID)
    waited = time.monotonic() - record.created
    if waited > ANSWER_WINDOW:
        raise ApiError.bad_request(QUERY_INVALID)
    results = get_json(params, "results")
    if not isinstance(results, list):
        raise ApiError.bad_request("can't parse results JSON object")
    if len(results) > MAX_RESULTS:
        raise ApiError.bad_request("RESULTS_TOO_MUCH")
    seen: set[str] = set()
    checked = [_check_result(state, result, seen) for result in results]
    button = _check_button(get_json(params, "button"))
    cache_time = get_int(params, "cache_time")
    if cache_time is not None and cache_time < 0:
        raise ApiError.bad_request("cache_time must be non-negative")
    record.answer = {
        "results": checked,
        "button": button,
        "cache_time": 300 if cache_time is None else cache_time,
        "is_personal": get_bool(params, "is_personal"),
        "seconds": round(waited, 3),
    }
    return True
