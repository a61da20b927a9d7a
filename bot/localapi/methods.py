"""The Bot API methods the local server answers, by name, and the ones about the bot itself.

Method names are case-insensitive, as on Telegram. Message methods live in `messages`; this
module holds getMe, getUpdates, the webhook methods, the command menu, close and logOut.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bot.localapi import channels, files, inline, messages
from bot.localapi.state import BotState
from bot.localapi.wire import (
    ApiError,
    Params,
    get_bool,
    get_float,
    get_int,
    get_json,
    get_str,
)

__all__ = ["METHODS", "Answer", "canonical_method"]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
Handler = Callable[[BotState, Params], Awaitable[Any]]
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
    "the webhook first"
)
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
COMMAND = re.compile(r"[a-z0-9_]{1,32}")
MAX_COMMANDS = 100
MAX_UPDATES = 100


@dataclass(frozen=True, slots=True)
class Answer:
    """A successful result that Telegram sends with a description (the webhook methods)."""

    result: Any
    description: str


async def get_me(state: BotState, params: Params) -> JSON:
    """Answer getMe with the bot's User object."""
    return {
        **state.bot_user,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": True,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


async def get_updates(state: BotState, params: Params) -> list[JSON]:
    """Answer getUpdates: confirm below offset, long-poll up to timeout seconds."""
    if state.webhook.active:
        raise ApiError(409, WEBHOOK_CONFLICT)
    limit = min(max(get_int(params, "limit") or MAX_UPDATES, 1), MAX_UPDATES)
    timeout = max(get_float(params, "timeout") or 0.0, 0.0)
    allowed = _allowed_updates(params)
    return await state.updates.poll(get_int(params, "offset") or 0, limit, timeout, allowed)


def _allowed_updates(params: Params) -> list[str] | None:
    if params.get("allowed_updates") in (None, ""):
        return None
    allowed = get_json(params, "allowed_updates")
    if not isinstance(allowed, list) or not all(isinstance(kind, str) for kind in allowed):
        raise ApiError.bad_request("can't parse allowed_updates JSON array")
    return allowed


def _check_webhook_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ApiError.bad_request("bad webhook: an HTTP or HTTPS URL must be provided")
    host = parts.hostname
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ApiError.bad_request(
            "bad webhook: the local Bot API server delivers only to loopback addresses"
        )


async def set_webhook(state: BotState, params: Params) -> Answer:
    """Answer setWebhook; an empty url removes the webhook, as on Telegram."""
    url = (get_str(params, "url") or "").strip()
    if not url:
        return await delete_webhook(state, params)
    _check_webhook_url(url)
    secret = get_str(params, "secret_token")
    if secret is not None and not SECRET_TOKEN.fullmatch(secret):
        raise ApiError.bad_request("secret token contains unallowed characters")
    max_connections = get_int(params, "max_connections") or 40
    if not 1 <= max_connections <= 100:
        raise ApiError.bad_request("max_connections must be between 1 and 100")
    allowed = _allowed_updates(params)
    if allowed is not None:
        state.updates.allowed = allowed
    if get_bool(params, "drop_pending_updates"):
        state.updates.drop_pending()
    already = state.webhook.url == url
    state.webhook.set(url, secret, max_connections)
    return Answer(True, "Webhook is already set" if already else "Webhook was set")


async def delete_webhook(state: BotState, params: Params) -> Answer:
    """Answer deleteWebhook, dropping pending updates if asked."""
    if get_bool(params, "drop_pending_updates"):
        state.updates.drop_pending()
    was_set = state.webhook.active
    await state.webhook.delete()
    return Answer(True, "Webhook was deleted" if was_set else "Webhook is already deleted")


async def get_webhook_info(state: BotState, params: Params) -> JSON:
    """Answer getWebhookInfo."""
    return state.webhook.info()


def _scope_key(params: Params) -> tuple[str, str]:
    scope = get_json(params, "scope") or {"type": "default"}
    if not isinstance(scope, dict) or "type" not in scope:
        raise ApiError.bad_request("can't parse BotCommandScope JSON object")
    return json.dumps(scope, sort_keys=True), get_str(params, "language_code") or ""


async def set_my_commands(state: BotState, params: Params) -> bool:
    """Answer setMyCommands after checking each command as Telegram does."""
    commands = get_json(params, "commands")
    if not isinstance(commands, list) or len(commands) > MAX_COMMANDS:
        raise ApiError.bad_request("can't parse commands JSON array")
    for command in commands:
        if not isinstance(command, dict) or not COMMAND.fullmatch(str(command.get("command"))):
            raise ApiError.bad_request("BOT_COMMAND_INVALID")
        description = command.get("description")
        if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
            raise ApiError.bad_request("command description must be 1-256 characters long")
    key = _scope_key(params)
    stored = [{"command": c["command"], "description": c["description"]} for c in commands]
    if stored:
        state.commands[key] = stored
    else:
        state.commands.pop(key, None)
    return True


async def get_my_commands(state: BotState, params: Params) -> list[JSON]:
    """Answer getMyCommands for the given scope and language."""
    return state.commands.get(_scope_key(params), [])


async def delete_my_commands(state: BotState, params: Params) -> bool:
    """Answer deleteMyCommands for the given scope and language."""
    state.commands.pop(_scope_key(params), None)
    return True


async def close(state: BotState, params: Params) -> bool:
    """Answer close (the bot moves to another server); nothing to do here."""
    return True


async def log_out(state: BotState, params: Params) -> bool:
    """Answer logOut; nothing to do here."""
    return True


METHODS: dict[str, Handler] = {
    "getMe": get_me,
    "getUpdates": get_updates,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "sendMessage": messages.send_message,
    "editMessageText": messages.edit_message_text,
    "editMessageReplyMarkup": messages.edit_message_reply_markup,
    "deleteMessage": messages.delete_message,
    "sendChatAction": messages.send_chat_action,
    "answerCallbackQuery": messages.answer_callback_query,
    "answerInlineQuery": inline.answer_inline_query,
    "sendDocument": files.send_document,
    "getFile": files.get_file,
    "getChat": channels.get_chat,
    "getChatMember": channels.get_chat_member,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "close": close,
    "logOut": log_out,
}
_BY_LOWER = {name.lower(): name for name in METHODS}


def canonical_method(name: str) -> str | None:
    """Return the method's canonical spelling, or None if the server doesn't know it."""
    return _BY_LOWER.get(name.lower())
