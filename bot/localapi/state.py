"""What the local Bot API server remembers: the bot, chats, messages, callbacks and every call.

All of it lives on the server's event loop and is changed only there, so it needs no locks.
Update ids and call sequence numbers keep counting across `reset()`, so a polling bot's offset
and a test's "since" cursor stay valid.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from bot.localapi.calls import CallRecord
from bot.localapi.limits import FaultBook, FloodLimiter
from bot.localapi.updates import UpdateQueue, Webhook
from bot.localapi.wire import ApiError

__all__ = [
    "BotState",
    "CallLog",
    "CallRecord",
    "CallbackRecord",
    "ChatRecord",
    "FileRecord",
    "InlineQueryRecord",
]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]


@dataclass(slots=True)
class ChatRecord:
    """One chat: its Telegram Chat object and its messages in their current (edited) state."""

    chat: JSON
    next_message_id: int = 1
    messages: dict[int, JSON] = field(default_factory=dict)
    last_action: tuple[str, float] | None = None

    @property
    def chat_id(self) -> int:
        """Return the chat's id."""
        return int(self.chat["id"])


@dataclass(slots=True)
class CallbackRecord:
    """A button press the bot has to answer with answerCallbackQuery."""

    query_id: str
    chat_id: int
    message_id: int
    data: str
    answer: JSON | None = None


@dataclass(slots=True)
class InlineQueryRecord:
    """An inline query a user typed; the bot answers it once, within the answer window."""

    query_id: str
    user_id: int
    query: str
    created: float
    answer: JSON | None = None


@dataclass(frozen=True, slots=True)
class FileRecord:
    """A file on the server: one the bot uploaded, or one a test gave a user to send."""

    file_id: str
    file_unique_id: str
    file_name: str
    mime_type: str
    content: bytes

    def document(self) -> JSON:
        """Return the Document object a message carries."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_size": len(self.content),
        }

    @property
    def file_path(self) -> str:
        """Return the path getFile gives, under /file/bot<token>/."""
        return f"documents/{self.file_unique_id}"


class CallLog:
    """Every call in order, with a way to wait for the next one that matches."""

    def __init__(self) -> None:
        self.records: list[CallRecord] = []
        self.seq = 0
        self._changed = asyncio.Event()

    def add(self, **fields: Any) -> CallRecord:
        """Append a call record and wake everyone waiting for calls."""
        self.seq += 1
        record = CallRecord(seq=self.seq, **fields)
        self.records.append(record)
        self._changed.set()
        self._changed = asyncio.Event()
        return record

    def query(
        self, methods: frozenset[str], chat_id: int | str | None, since: int
    ) -> list[CallRecord]:
        """Return the calls after `since` that match the method and chat filters."""
        return [r for r in self.records if r.matches(methods, chat_id, since)]

    async def wait_for(
        self, methods: frozenset[str], chat_id: int | str | None, since: int, within: float
    ) -> CallRecord | None:
        """Return the first matching call after `since`, waiting up to `within` seconds."""
        deadline = asyncio.get_running_loop().time() + within
        while True:
            found = self.query(methods, chat_id, since)
            if found:
                return found[0]
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return None
            changed = self._changed
            try:
                await asyncio.wait_for(changed.wait(), remaining)
            except TimeoutError:
                return None

    def clear(self) -> None:
        """Forget the recorded calls but keep counting sequence numbers."""
        self.records.clear()


class BotState:
    """The whole fake Telegram as one bot sees it."""

    def __init__(self, token: str, username: str, first_name: str) -> None:
        self.token = token
        self.bot_user: JSON = {
            "id": int(token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": first_name,
            "username": username,
        }
        self.updates = UpdateQueue()
        self.webhook = Webhook(self.updates)
        self.calls = CallLog()
        self.faults = FaultBook()
        self.flood = FloodLimiter()
        self.strict_html = False
        self.chats: dict[int, ChatRecord] = {}
        self.users: dict[int, JSON] = {}
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.callbacks: dict[str, CallbackRecord] = {}
        self.callback_seq = 0
        self.inline_queries: dict[str, InlineQueryRecord] = {}
        self.inline_seq = 0
        self.files: dict[str, FileRecord] = {}
        self.file_seq = 0
        self.members: dict[int, dict[int, JSON]] = {}  # chat id -> user id -> ChatMember

    def reset(self) -> None:
        """Forget chats, messages, calls, faults and settings; keep update and call counters."""
        self.chats.clear()
        self.users.clear()
        self.commands.clear()
        self.callbacks.clear()
        self.inline_queries.clear()
        self.files.clear()
        self.members.clear()
        self.calls.clear()
        self.faults.clear()
        self.flood.enabled = False
        self.strict_html = False
        self.updates.reset()

    def find_chat(self, chat_id: int | str) -> ChatRecord:
        """Return a known chat by id or @username, or answer 400 "chat not found"."""
        if isinstance(chat_id, str):
            name = chat_id.removeprefix("@").lower()
            for record in self.chats.values():
                if str(record.chat.get("username", "")).lower() == name:
                    return record
        elif chat_id in self.chats:
            return self.chats[chat_id]
        raise ApiError.bad_request("chat not found")

    def ensure_chat(self, chat: JSON) -> ChatRecord:
        """Return the chat with this id, creating it from `chat` the first time."""
        chat_id = int(chat["id"])
        if chat_id not in self.chats:
            self.chats[chat_id] = ChatRecord(chat=chat)
        return self.chats[chat_id]

    def add_message(self, record: ChatRecord, message: JSON) -> JSON:
        """Store a new message in a chat, giving it the next message id and today's date."""
        stored = {"message_id": record.next_message_id, **message}
        stored.setdefault("date", int(time.time()))
        stored["chat"] = record.chat
        record.next_message_id += 1
        record.messages[stored["message_id"]] = stored
        return copy.deepcopy(stored)

    def find_message(self, record: ChatRecord, message_id: int, missing: str) -> JSON:
        """Return a stored message, or answer 400 with `missing`."""
        message = record.messages.get(message_id)
        if message is None:
            raise ApiError.bad_request(missing)
        return message

    def new_callback(self, record: ChatRecord, message_id: int, data: str) -> CallbackRecord:
        """Register a button press and return it with a fresh query id."""
        self.callback_seq += 1
        query_id = str(4_000_000_000_000_000_000 + self.callback_seq)
        callback = CallbackRecord(query_id, record.chat_id, message_id, data)
        self.callbacks[query_id] = callback
        return callback

    def new_inline_query(self, user_id: int, query: str) -> InlineQueryRecord:
        """Register an inline query and return it with a fresh query id."""
        self.inline_seq += 1
        query_id = str(5_000_000_000_000_000_000 + self.inline_seq)
        record = InlineQueryRecord(query_id, user_id, query, time.monotonic())
        self.inline_queries[query_id] = record
        return record

    def add_file(self, content: bytes, file_name: str, mime_type: str) -> FileRecord:
        """Store a file and return it with fresh ids."""
        self.file_seq += 1
        unique = f"AgADlocal{self.file_seq:06d}"
        record = FileRecord(f"BQACAgIAAxkBlocal{self.file_seq:06d}", unique, file_name,
                            mime_type, content)  # fmt: skip
        self.files[record.file_id] = record
        return record

    def find_file(self, file_id: str) -> FileRecord:
        """Return a stored file, or answer 400 as Telegram does for an unknown file_id."""
        record = self.files.get(file_id)
        if record is None:
            raise ApiError.bad_request("invalid file_id")
        return record
