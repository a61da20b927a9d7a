"""The control API under /_control/: what tests and the console use to play the user.

Everything is JSON. Injections answer with what they created; /calls reads the bot's calls
after a cursor; /wait long-polls for the next matching call so tests never sleep; /faults and
/settings switch on errors; /reset starts over. Errors answer `{"error": "..."}`.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.localapi.channels import create_channel, inject_channel_post, set_bot_rights
from bot.localapi.inject import (
    ControlError,
    inject_command,
    inject_inline_query,
    inject_message,
    press_button,
    upload_file,
)
from bot.localapi.limits import Fault
from bot.localapi.state import BotState

__all__ = ["STATE_KEY", "add_control_routes"]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
STATE_KEY = web.AppKey("localapi_state", BotState)
MAX_WAIT = 120.0
View = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _state(request: web.Request) -> BotState:
    return request.app[STATE_KEY]


async def _body(request: web.Request) -> JSON:
    if not request.body_exists:
        return {}
    try:
        body = await request.json()
    except ValueError as exc:
        raise ControlError("the body must be a JSON object") from exc
    if not isinstance(body, dict):
        raise ControlError("the body must be a JSON object")
    return body


def _guarded(view: View) -> View:
    async def guarded(request: web.Request) -> web.StreamResponse:
        try:
            return await view(request)
        except ControlError as exc:
            return web.json_response({"error": str(exc)}, status=exc.status)
        except (ValueError, TypeError, KeyError) as exc:
            return web.json_response({"error": f"bad control request: {exc}"}, status=400)

    return guarded


def _methods(raw: Any) -> frozenset[str]:
    if not raw:
        return frozenset()
    names = raw.split(",") if isinstance(raw, str) else list(raw)
    return frozenset(str(name).strip().lower() for name in names if str(name).strip())


def _chat_filter(raw: Any) -> int | str | None:
    if raw in (None, ""):
        return None
    text = str(raw)
    return int(text) if text.lstrip("-").isdigit() else text


async def post_message(request: web.Request) -> web.StreamResponse:
    """Inject a user's message."""
    return web.json_response(inject_message(_state(request), await _body(request)))


async def post_command(request: web.Request) -> web.StreamResponse:
    """Inject a command message."""
    return web.json_response(inject_command(_state(request), await _body(request)))


async def post_callback(request: web.Request) -> web.StreamResponse:
    """Inject a button press."""
    return web.json_response(press_button(_state(request), await _body(request)))


async def post_inline_query(request: web.Request) -> web.StreamResponse:
    """Inject an inline query."""
    return web.json_response(inject_inline_query(_state(request), await _body(request)))


async def get_inline_query(request: web.Request) -> web.StreamResponse:
    """Show an inline query and the bot's answer (null until it answers)."""
    record = _state(request).inline_queries.get(request.match_info["query_id"])
    if record is None:
        raise ControlError("no such inline query", 404)
    return web.json_response({"id": record.query_id, "query": record.query,
                              "answer": record.answer})  # fmt: skip


async def post_file(request: web.Request) -> web.StreamResponse:
    """Keep a file for a user to send; answer its Document object."""
    return web.json_response(upload_file(_state(request), await _body(request)))


async def post_channel(request: web.Request) -> web.StreamResponse:
    """Create a channel with its administrators and the bot's rights."""
    body = await _body(request)
    return web.json_response({"chat": create_channel(_state(request), body)})


async def post_channel_post(request: web.Request) -> web.StreamResponse:
    """Post in a channel as the channel."""
    return web.json_response(inject_channel_post(_state(request), await _body(request)))


async def post_bot_rights(request: web.Request) -> web.StreamResponse:
    """Change the bot's status in a chat; the bot gets a my_chat_member update."""
    return web.json_response(set_bot_rights(_state(request), await _body(request)))


async def get_calls(request: web.Request) -> web.StreamResponse:
    """List the bot's calls, filtered by method, chat and a since-cursor."""
    state = _state(request)
    query = request.query
    since = int(query.get("since") or 0)
    found = state.calls.query(
        _methods(query.get("method")), _chat_filter(query.get("chat_id")), since
    )
    return web.json_response({"calls": [c.to_json() for c in found], "cursor": state.calls.seq})


async def post_wait(request: web.Request) -> web.StreamResponse:
    """Wait for the first call after `since` that matches; 408 when the timeout passes."""
    state, body = _state(request), await _body(request)
    timeout = min(float(body.get("timeout", 5.0)), MAX_WAIT)
    call = await state.calls.wait_for(
        _methods(body.get("method")),
        _chat_filter(body.get("chat_id")),
        int(body.get("since") or 0),
        timeout,
    )
    if call is None:
        raise ControlError(f"no matching call within {timeout} s", 408)
    return web.json_response({"call": call.to_json(), "cursor": state.calls.seq})


async def post_wait_polling(request: web.Request) -> web.StreamResponse:
    """Wait until the bot has called getUpdates; 408 when the timeout passes."""
    state, body = _state(request), await _body(request)
    timeout = min(float(body.get("timeout", 5.0)), MAX_WAIT)
    if not await state.updates.wait_for_poll(timeout):
        raise ControlError(f"the bot did not poll within {timeout} s", 408)
    return web.json_response({"polls": state.updates.polls_started})


async def get_chat(request: web.Request) -> web.StreamResponse:
    """Show a chat with its messages as last edited."""
    state = _state(request)
    record = state.chats.get(int(request.match_info["chat_id"]))
    if record is None:
        raise ControlError("no such chat", 404)
    action = None
    if record.last_action is not None:
        action = {"action": record.last_action[0], "time": record.last_action[1]}
    answers = [
        {"message_id": c.message_id, "data": c.data, **c.answer}
        for c in state.callbacks.values()
        if c.chat_id == record.chat_id and c.answer is not None
    ]
    messages = [copy.deepcopy(record.messages[key]) for key in sorted(record.messages)]
    return web.json_response(
        {"chat": record.chat, "messages": messages, "last_action": action, "answers": answers}
    )


async def post_fault(request: web.Request) -> web.StreamResponse:
    """Queue a fault for the next calls of a method."""
    state, body = _state(request), await _body(request)
    chat_id = body.get("chat_id")
    fault = Fault(
        method=str(body["method"]),
        kind=str(body.get("kind") or "retry_after"),
        remaining=int(body.get("count") or 1),
        chat_id=None if chat_id is None else int(chat_id),
        retry_after=int(body.get("retry_after") or 1),
        description=body.get("description"),
        migrate_to_chat_id=body.get("migrate_to_chat_id"),
    )
    state.faults.add(fault)
    return web.json_response({"faults": [f.to_json() for f in state.faults.faults]})


async def post_settings(request: web.Request) -> web.StreamResponse:
    """Switch flood limits and strict HTML checking on or off."""
    state, body = _state(request), await _body(request)
    if "flood_limits" in body:
        windows = {
            name: tuple(body[name])
            for name in ("per_chat", "per_group", "overall")
            if name in body
        }
        state.flood.configure(bool(body["flood_limits"]), **windows)
    if "strict_html" in body:
        state.strict_html = bool(body["strict_html"])
    return web.json_response(
        {"flood_limits": state.flood.enabled, "strict_html": state.strict_html}
    )


async def post_reset(request: web.Request) -> web.StreamResponse:
    """Forget chats, calls, faults and settings."""
    state = _state(request)
    state.reset()
    await state.webhook.delete()
    return web.json_response({"ok": True, "cursor": state.calls.seq})


async def get_info(request: web.Request) -> web.StreamResponse:
    """Show the bot, the call cursor, pending updates and the webhook."""
    state = _state(request)
    return web.json_response(
        {
            "bot": state.bot_user,
            "cursor": state.calls.seq,
            "pending_updates": len(state.updates.pending),
            "waiting_polls": state.updates.waiting,
            "webhook": state.webhook.info(),
        }
    )


def add_control_routes(app: web.Application) -> None:
    """Register the /_control/ routes on the server's app."""
    routes = [
        ("POST", "/_control/messages", post_message),
        ("POST", "/_control/commands", post_command),
        ("POST", "/_control/callbacks", post_callback),
        ("POST", "/_control/inline_queries", post_inline_query),
        ("GET", r"/_control/inline_queries/{query_id:\d+}", get_inline_query),
        ("POST", "/_control/files", post_file),
        ("POST", "/_control/channels", post_channel),
        ("POST", "/_control/channel_posts", post_channel_post),
        ("POST", "/_control/bot_rights", post_bot_rights),
        ("GET", "/_control/calls", get_calls),
        ("POST", "/_control/wait", post_wait),
        ("POST", "/_control/wait_polling", post_wait_polling),
        ("GET", r"/_control/chats/{chat_id:-?\d+}", get_chat),
        ("POST", "/_control/faults", post_fault),
        ("POST", "/_control/settings", post_settings),
        ("POST", "/_control/reset", post_reset),
        ("GET", "/_control/info", get_info),
    ]
    for method, path, view in routes:
        app.router.add_route(method, path, _guarded(view))
