"""An offline Telegram for handler tests: a request object that records every call.

It answers like the Bot API (a Message for sends and edits, True for the rest) and never
touches the network; `fail_next` makes the next call of a method answer an error instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

BOT_ID = 4242
BOT_USERNAME = "brief_test_bot"
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Brief", "username": BOT_USERNAME}
JSON = dict[str, Any]


@dataclass
class Call:
    """One recorded Bot API call."""

    method: str
    params: JSON

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def keyboard(self) -> list[list[JSON]] | None:
        markup = self.params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        return markup["inline_keyboard"] if markup else None


@dataclass
class RecordingRequest(BaseRequest):
    """Record calls and answer them; fail a method on demand."""

    calls: list[Call] = field(default_factory=list)
    faults: dict[str, tuple[int, JSON]] = field(default_factory=dict)
    next_message_id: int = 1000

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    def fail_next(self, method: str, status: int, description: str, **parameters: Any) -> None:
        body: JSON = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        self.faults[method] = (status, body)

    def made(self, *methods: str) -> list[Call]:
        return [call for call in self.calls if not methods or call.method in methods]

    def _message(self, params: JSON) -> JSON:
        self.next_message_id += 1
        chat_id = int(params.get("chat_id", 1))
        chat = {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}
        message_id = int(params.get("message_id", self.next_message_id))
        return {"message_id": message_id, "date": 0, "chat": chat, "from": BOT_USER,
                "text": str(params.get("text", ""))}  # fmt: skip

    def _result(self, method: str, params: JSON) -> Any:
        if method == "getMe":
            return {**BOT_USER, "can_join_groups": True, "can_read_all_group_messages": False,
                    "supports_inline_queries": False}  # fmt: skip
        if method in ("sendMessage", "editMessageText"):
            return self._message(params)
        return True

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append(Call(endpoint, params))
        if endpoint in self.faults:
            status, body = self.faults.pop(endpoint)
            return status, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": self._result(endpoint, params)}).encode()
