"""Checking reply_markup the way Telegram does, inline keyboards above all.

An inline button has a non-empty text and exactly one action field (the Bot API docs:
"Exactly one of the optional fields must be used"); callback_data is 1-64 bytes, otherwise
Telegram answers BUTTON_DATA_INVALID. A keyboard holds at most 100 buttons. Only inline
keyboards are part of the sent Message; reply keyboards are accepted and not echoed.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.localapi.entities import check_link
from bot.localapi.wire import ApiError, Params, get_json

__all__ = ["BUTTON_ACTIONS", "parse_reply_markup"]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
BUTTON_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
MAX_BUTTONS = 100
MAX_CALLBACK_BYTES = 64
OTHER_MARKUPS = ("keyboard", "remove_keyboard", "force_reply")


def parse_reply_markup(params: Params, inline_only: bool = False) -> JSON | None:
    """Validate `reply_markup`; return the inline keyboard to store, or None if there is none."""
    if params.get("reply_markup") in (None, ""):
        return None
    markup = get_json(params, "reply_markup")
    if not isinstance(markup, dict):
        raise ApiError.bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _check_inline_keyboard(markup["inline_keyboard"])
        return {"inline_keyboard": markup["inline_keyboard"]}
    if inline_only:
        raise ApiError.bad_request("inline keyboard expected")
    if not any(key in markup for key in OTHER_MARKUPS):
        raise ApiError.bad_request("can't parse reply keyboard markup JSON object")
    return None


def _check_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise ApiError.bad_request('field "inline_keyboard" must be an Array of Arrays')
    buttons = [button for row in rows for button in row]
    if len(buttons) > MAX_BUTTONS:
        raise ApiError.bad_request("REPLY_MARKUP_TOO_LONG")
    for button in buttons:
        _check_button(button)


def _check_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise ApiError.bad_request("can't parse inline keyboard button: object expected")
    if not isinstance(button.get("text"), str) or not button["text"].strip():
        raise ApiError.bad_request("can't parse inline keyboard button: Text must be non-empty")
    actions = [key for key in BUTTON_ACTIONS if key in button]
    if not actions:
        raise ApiError.bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if len(actions) > 1:
        raise ApiError.bad_request(
            "can't parse inline keyboard button: exactly one of the optional fields must be used"
        )
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_BYTES:
            raise ApiError.bad_request("BUTTON_DATA_INVALID")
    if "url" in button and (not isinstance(button["url"], str) or not check_link(button["url"])):
        raise ApiError.bad_request("BUTTON_URL_INVALID")
