"""The Bot API wire format: request bodies in, `{"ok": ...}` answers out.

Telegram takes parameters from the query string, `application/x-www-form-urlencoded`,
`application/json` or `multipart/form-data`. python-telegram-bot 22 posts form-urlencoded
bodies (multipart when uploading), with every non-string value JSON-encoded, so numbers,
booleans and objects such as `reply_markup` arrive as strings and are decoded here on use.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from aiohttp import web

__all__ = [
    "ApiError",
    "Params",
    "error_body",
    "get_bool",
    "get_chat_id",
    "get_float",
    "get_int",
    "get_json",
    "get_str",
    "read_params",
    "require_int",
]

logger = logging.getLogger(__name__)

Params = dict[str, Any]


class ApiError(Exception):
    """A Bot API error answer: HTTP status, description and optional response parameters."""

    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    @classmethod
    def bad_request(cls, detail: str) -> ApiError:
        """Build a 400 answer; `detail` is what follows "Bad Request: "."""
        return cls(400, f"Bad Request: {detail}")

    def body(self) -> dict[str, Any]:
        """Return the JSON answer Telegram sends for this error."""
        return error_body(self.status, self.description, self.parameters)


def error_body(
    status: int, description: str, parameters: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Return `{"ok": false, "error_code": ..., "description": ...}` like Telegram."""
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return body


async def read_params(request: web.Request) -> Params:
    """Collect the parameters of a Bot API call from the query string and the body."""
    params: Params = dict(request.query)
    if not request.body_exists:
        return params
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError as exc:
            raise ApiError.bad_request("can't parse JSON object") from exc
        if not isinstance(body, dict):
            raise ApiError.bad_request("JSON object expected")
        params.update(body)
        return params
    form = await request.post()
    for key, value in form.items():
        if isinstance(value, web.FileField):
            params[key] = {
                "file_name": value.filename,
                "content_type": value.content_type,
                "content": value.file.read(),
            }
        else:
            params[key] = (
                value if isinstance(value, str) else bytes(value).decode(errors="replace")
            )
    return params


def get_json(params: Params, name: str) -> Any:
    """Return a parameter that holds an object or array, decoding it if it came as a string."""
    value = params.get(name)
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError as exc:
        raise ApiError.bad_request(f"can't parse {name} JSON object") from exc


def get_str(params: Params, name: str) -> str | None:
    """Return a string parameter, or None when it is missing."""
    value = params.get(name)
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value)


def get_int(params: Params, name: str) -> int | None:
    """Return an integer parameter, or None when it is missing."""
    value = params.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ApiError.bad_request(f"invalid {name} specified")
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError as exc:
        raise ApiError.bad_request(f"invalid {name} specified") from exc


def get_float(params: Params, name: str) -> float | None:
    """Return a numeric parameter such as a timeout, or None when it is missing."""
    value = params.get(name)
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise ApiError.bad_request(f"invalid {name} specified") from exc


def require_int(params: Params, name: str, missing: str) -> int:
    """Return an integer parameter, or answer 400 with `missing` when it is absent."""
    value = get_int(params, name)
    if value is None:
        raise ApiError.bad_request(missing)
    return value


def get_bool(params: Params, name: str, default: bool = False) -> bool:
    """Return a boolean parameter given as true/false, 1/0 or a JSON boolean."""
    value = params.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"true", "1", "yes"}


def get_chat_id(params: Params, name: str = "chat_id") -> int | str:
    """Return a chat id: an integer, or an "@username" string for public chats."""
    value = params.get(name)
    if value is None or value == "":
        raise ApiError.bad_request(f"{name} is empty")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    try:
        return int(text)
    except ValueError:
        if text.startswith("@"):
            return text
        raise ApiError.bad_request("chat not found") from None
