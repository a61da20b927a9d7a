"""An async client for the local server's control API, for tests and the console.

async with running_server() as server, ControlClient(server.url) as control:
    since = await control.cursor()
    await control.inject_command("start")
    call = await control.wait_for_call("sendMessage", since=since)
"""

from __future__ import annotations

import asyncio
import base64
import logging
from collections.abc import Callable, Sequence
from typing import Any

import httpx

from bot.localapi.calls import ApiCall

__all__ = ["DEFAULT_USER_ID", "ApiCall", "ControlApiError", "ControlClient"]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
DEFAULT_USER_ID = 100_001
HTTP_SLACK = 5.0


class ControlApiError(RuntimeError):
    """The control API refused a request; the message is its explanation."""


def _compact(**fields: Any) -> JSON:
    return {key: value for key, value in fields.items() if value is not None}


def _method_filter(method: str | Sequence[str] | None) -> str | None:
    if method is None or isinstance(method, str):
        return method
    return ",".join(method)


class ControlClient:
    """Drive the local Bot API server: play the user, read the bot's calls, inject faults."""

    def __init__(self, url: str, *, timeout: float = 10.0) -> None:
        self.url = url.rstrip("/")
        self._timeout = timeout
        self._http = httpx.AsyncClient(base_url=f"{self.url}/_control", timeout=timeout)

    async def __aenter__(self) -> ControlClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._http.aclose()

    async def _request(self, verb: str, path: str, **kwargs: Any) -> JSON:
        response = await self._http.request(verb, path, **kwargs)
        try:
            data = response.json()
        except ValueError:
            data = {"error": response.text}
        if response.status_code == 408:
            raise TimeoutError(data.get("error", "timed out"))
        if response.is_error:
            raise ControlApiError(f"{verb} {path}: {data.get('error', response.text)}")
        result: JSON = data
        return result

    async def inject_message(
        self,
        text: str | None = None,
        *,
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        chat_type: str = "private",
        **extra: Any,
    ) -> JSON:
        """Send the bot a user's message; return the update (the message is under "message").

        Extra fields: caption, entities, reply_to_message_id, forward_origin, first_name,
        username, chat_title, allow_long, document (a file_id from `upload_file`).
        """
        body = _compact(text=text, chat_id=chat_id, user_id=user_id, chat_type=chat_type, **extra)
        update: JSON = (await self._request("POST", "/messages", json=body))["update"]
        return update

    async def inject_command(
        self,
        command: str,
        args: str = "",
        *,
        chat_id: int | None = None,
        user_id: int = DEFAULT_USER_ID,
        chat_type: str = "private",
        **extra: Any,
    ) -> JSON:
        """Send the bot a command such as ("brief", "https://...") with its bot_command entity."""
        body = _compact(
            command=command, args=args, chat_id=chat_id, user_id=user_id, chat_type=chat_type
        )
        update: JSON = (await self._request("POST", "/commands", json={**body, **extra}))["update"]
        return update

    async def press_button(
        self, chat_id: int, message_id: int, data: str, *, user_id: int | None = None
    ) -> JSON:
        """Press the callback button with this data on a bot message; return the update."""
        body = _compact(chat_id=chat_id, message_id=message_id, data=data, user_id=user_id)
        update: JSON = (await self._request("POST", "/callbacks", json=body))["update"]
        return update

    async def inject_inline_query(
        self, query: str, *, user_id: int = DEFAULT_USER_ID, chat_type: str = "sender"
    ) -> JSON:
        """Type "@bot <query>" as a user; return the update (the query is "inline_query")."""
        body = {"query": query, "user_id": user_id, "chat_type": chat_type}
        update: JSON = (await self._request("POST", "/inline_queries", json=body))["update"]
        return update

    async def inline_query(self, query_id: str) -> JSON:
        """Return an inline query with the bot's answer (None until the bot answers)."""
        return await self._request("GET", f"/inline_queries/{query_id}")

    async def upload_file(
        self, content: bytes, file_name: str, mime_type: str = "application/xml"
    ) -> JSON:
        """Keep a file for a user to send; return its Document (pass its file_id as document)."""
        body = {
            "content_base64": base64.b64encode(content).decode(),
            "file_name": file_name,
            "mime_type": mime_type,
        }
        document: JSON = (await self._request("POST", "/files", json=body))["document"]
        return document

    async def create_channel(
        self,
        chat_id: int,
        title: str,
        username: str | None = None,
        *,
        admins: Sequence[int] = (),
        bot_status: str = "administrator",
        can_post_messages: bool = True,
    ) -> JSON:
        """Create a channel with these administrators and the bot's status; return its Chat."""
        body = _compact(
            chat_id=chat_id, title=title, username=username, admins=list(admins),
            bot_status=bot_status, can_post_messages=can_post_messages,
        )  # fmt: skip
        chat: JSON = (await self._request("POST", "/channels", json=body))["chat"]
        return chat

    async def post_in_channel(self, chat_id: int, text: str) -> JSON:
        """Post a message in a channel as the channel; return the channel_post update."""
        body = {"chat_id": chat_id, "text": text}
        update: JSON = (await self._request("POST", "/channel_posts", json=body))["update"]
        return update

    async def set_bot_rights(
        self,
        chat_id: int,
        status: str,
        *,
        can_post_messages: bool = False,
        user_id: int | None = None,
    ) -> JSON:
        """Change the bot's status in a chat ("administrator", "member", "left", "kicked")."""
        body = _compact(
            chat_id=chat_id, status=status, can_post_messages=can_post_messages, user_id=user_id
        )
        update: JSON = (await self._request("POST", "/bot_rights", json=body))["update"]
        return update

    async def download(self, file_path: str, token: str) -> bytes:
        """Download a file as the bot would, from /file/bot<token>/<file_path>."""
        async with httpx.AsyncClient(base_url=self.url, timeout=self._timeout) as http:
            response = await http.get(f"/file/bot{token}/{file_path}")
        response.raise_for_status()
        return response.content

    async def calls(
        self,
        method: str | Sequence[str] | None = None,
        *,
        chat_id: int | str | None = None,
        since: int = 0,
    ) -> list[ApiCall]:
        """Return the bot's calls after the `since` cursor, filtered by method and chat."""
        query = _compact(method=_method_filter(method), chat_id=chat_id, since=since)
        data = await self._request("GET", "/calls", params=query)
        return [ApiCall.from_json(call) for call in data["calls"]]

    async def cursor(self) -> int:
        """Return the sequence number of the last call, to pass later as `since`."""
        return int((await self.info())["cursor"])

    async def wait_for_call(
        self,
        method: str | Sequence[str] | None = None,
        *,
        chat_id: int | str | None = None,
        since: int = 0,
        timeout: float = 5.0,  # noqa: ASYNC109 - the server does the waiting, not this loop
        match: Callable[[ApiCall], bool] | None = None,
    ) -> ApiCall:
        """Wait for the first call after `since` that matches; raise TimeoutError if none comes."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            remaining = max(deadline - loop.time(), 0.0)
            body = _compact(
                method=_method_filter(method), chat_id=chat_id, since=since, timeout=remaining
            )
            data = await self._request("POST", "/wait", json=body, timeout=remaining + HTTP_SLACK)
            call = ApiCall.from_json(data["call"])
            if match is None or match(call):
                return call
            since = call.seq

    async def wait_until_polling(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait until the bot has called getUpdates once; raise TimeoutError if it doesn't."""
        body = {"timeout": timeout}
        await self._request("POST", "/wait_polling", json=body, timeout=timeout + HTTP_SLACK)

    async def chat(self, chat_id: int) -> JSON:
        """Return a chat: its Chat object, messages, last chat action and callback answers."""
        return await self._request("GET", f"/chats/{chat_id}")

    async def chat_messages(self, chat_id: int) -> list[JSON]:
        """Return a chat's messages in their current state, oldest first."""
        return list((await self.chat(chat_id))["messages"])

    async def add_fault(
        self,
        method: str,
        kind: str = "retry_after",
        *,
        chat_id: int | None = None,
        count: int = 1,
        retry_after: int = 1,
        description: str | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        """Make the next `count` calls of `method` fail.

        Kinds: "retry_after" (429), "blocked" (403), "server_error" (500), "bad_request" (400
        with `description`), "migrate" (400 with `migrate_to_chat_id`).
        """
        body = _compact(
            method=method,
            kind=kind,
            chat_id=chat_id,
            count=count,
            retry_after=retry_after,
            description=description,
            migrate_to_chat_id=migrate_to_chat_id,
        )
        await self._request("POST", "/faults", json=body)

    async def set_flood_limits(
        self,
        on: bool,
        *,
        per_chat: tuple[int, float] | None = None,
        per_group: tuple[int, float] | None = None,
        overall: tuple[int, float] | None = None,
    ) -> None:
        """Switch Telegram's flood limits on or off; windows are (messages, seconds)."""
        body = _compact(per_chat=per_chat, per_group=per_group, overall=overall)
        await self._request("POST", "/settings", json={"flood_limits": on, **body})

    async def set_strict_html(self, on: bool) -> None:
        """Also refuse a bare "&" in HTML texts (Telegram itself keeps it as text)."""
        await self._request("POST", "/settings", json={"strict_html": on})

    async def reset(self) -> None:
        """Forget chats, calls, faults and settings (update ids and the cursor keep counting)."""
        await self._request("POST", "/reset")

    async def info(self) -> JSON:
        """Return the bot, the call cursor, pending updates, waiting polls and the webhook."""
        return await self._request("GET", "/info")
