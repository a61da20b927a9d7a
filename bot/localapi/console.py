"""The terminal chat behind `briefbot console`: type as a user, read the bot's answers.

It talks only to the control API. Each line becomes a message from a fixed console user in a
private chat: "/cmd args" is a command, a bare number N presses the Nth button of the bot's last
message with buttons. After each line it waits until the bot's replies settle (a quiet spell
with no chat action in progress, or an overall timeout) and prints the messages it sent or
edited in their final state as plain text, buttons numbered. End of input ends it with 0.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any, TextIO

from bot.localapi.control import ApiCall, ControlApiError, ControlClient
from bot.localapi.server import LocalBotApiServer, running_server

__all__ = [
    "ConsoleSession",
    "ConsoleSettings",
    "render_buttons",
    "render_message",
    "render_text",
    "run_console",
    "serve_console",
]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
BotRunner = Callable[[LocalBotApiServer], AbstractAsyncContextManager[object]]
OUTPUT_METHODS = (
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "deleteMessage",
    "answerCallbackQuery",
    "sendChatAction",
)
BANNER = (
    "briefbot console: type a message or a link and press Enter. A line starting with / is a "
    'command; a number presses that button. To paste an article of several paragraphs, put """ '
    "on a line before and after it. End of input (Ctrl-D) quits."
)
BLOCK = '"""'  # a line of its own opening or closing a message of several lines
INDENT = "     "


@dataclass(frozen=True, slots=True)
class ConsoleSettings:
    """Who the console user is and how long to wait for the bot."""

    user_id: int = 100_042
    first_name: str = "Console"
    quiet: float = 0.4  # seconds without a call after which the replies count as settled
    timeout: float = 60.0  # the longest wait for one line's replies
    action_window: float = 5.0  # Telegram shows a chat action for 5 seconds
    show_progress: bool | None = None  # print progress edits as they come; None: if a TTY
    extra: JSON = field(default_factory=dict)  # more fields for every message, e.g. username


def _index_map(text: str) -> dict[int, int]:
    mapping, offset = {}, 0
    for index, char in enumerate(text):
        mapping[offset] = index
        offset += 2 if ord(char) > 0xFFFF else 1
    mapping[offset] = len(text)
    return mapping


def render_text(text: str, entities: list[JSON]) -> str:
    """Render a message text as plain text: links become "text (url)", quotes get "> "."""
    where = _index_map(text)
    inserts: dict[int, list[str]] = {}
    for entity in entities:
        start = where.get(entity["offset"], 0)
        end = where.get(entity["offset"] + entity["length"], len(text))
        url = str(entity.get("url", ""))
        if entity["type"] == "text_link" and url.rstrip("/") != text[start:end].rstrip("/"):
            inserts.setdefault(end, []).append(f" ({url})")
        elif entity["type"] in {"blockquote", "expandable_blockquote"}:
            for index in [start] + [i + 1 for i in range(start, end) if text[i] == "\n"]:
                inserts.setdefault(index, []).insert(0, "> ")
    pieces = []
    for index, char in enumerate(text + "\0"):
        pieces.extend(inserts.get(index, []))
        pieces.append(char)
    return "".join(pieces)[:-1]


def _buttons(message: JSON) -> list[JSON]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [button for row in rows for button in row]


def render_buttons(message: JSON) -> list[str]:
    """Render the inline keyboard as numbered lines, one per row: "[1] Quotes only  [2] ..."."""
    lines, number = [], 0
    for row in message.get("reply_markup", {}).get("inline_keyboard", []):
        labels = []
        for button in row:
            number += 1
            link = f" ({button['url']})" if "url" in button else ""
            labels.append(f"[{number}] {button['text']}{link}")
        lines.append("  ".join(labels))
    return lines


def render_message(message: JSON) -> str:
    """Render one bot message with its buttons, as the console prints it."""
    body = message.get("text", message.get("caption", ""))
    entities: list[JSON] = message.get("entities") or message.get("caption_entities") or []
    lines = render_text(str(body), entities).split("\n") + render_buttons(message)
    return "\n".join(("bot> " if i == 0 else INDENT) + line for i, line in enumerate(lines))


def _progress(call: ApiCall, out: TextIO, settings: ConsoleSettings) -> None:
    show = settings.show_progress
    if show is None:
        show = out.isatty()
    if show and call.ok and call.method in {"sendMessage", "editMessageText"}:
        status = str(call.result.get("text", "")).split("\n")[0]
        print(f"{INDENT}… {status}", file=out, flush=True)


def _touched(calls: list[ApiCall]) -> list[int]:
    ids: list[int] = []
    for call in calls:
        if not call.ok or call.method in {"sendChatAction", "answerCallbackQuery"}:
            continue
        message_id = call.result["message_id"] if call.method == "sendMessage" else None
        message_id = message_id or int(call.params.get("message_id") or 0)
        if message_id and message_id not in ids:
            ids.append(message_id)
    return ids


@dataclass(slots=True)
class ConsoleSession:
    """One console conversation: the private chat, the call cursor and chat-action timing."""

    control: ControlClient
    out: TextIO
    settings: ConsoleSettings
    cursor: int = 0
    action_at: float = 0.0  # when the bot last sent a chat action
    action_cleared: bool = True  # a message after the action clears it, as in Telegram clients

    @property
    def chat_id(self) -> int:
        """Return the console's private chat id (the console user's id)."""
        return self.settings.user_id

    def _busy(self, strict: bool) -> bool:
        recent = time.time() - self.action_at < self.settings.action_window
        return recent and (strict or not self.action_cleared)

    def _see(self, call: ApiCall) -> None:
        self.cursor = call.seq
        if call.method == "sendChatAction" and call.ok:
            self.action_at, self.action_cleared = call.time, False
        elif call.method == "sendMessage" and call.ok:
            self.action_cleared = True
        _progress(call, self.out, self.settings)

    async def collect(self, expect_reply: bool, strict: bool) -> list[ApiCall]:
        """Collect the bot's calls in the chat until its replies settle.

        Settled means a quiet spell with no chat action showing; with `expect_reply` the first
        visible reply is awaited (up to the timeout), and `strict` keeps waiting while any chat
        action is under 5 seconds old, even one a message has cleared.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.settings.timeout
        calls: list[ApiCall] = []
        while (left := deadline - loop.time()) > 0:
            waiting = expect_reply and not any(c.method != "sendChatAction" for c in calls)
            try:
                call = await self.control.wait_for_call(
                    OUTPUT_METHODS,
                    chat_id=self.chat_id,
                    since=self.cursor,
                    timeout=left if waiting else min(self.settings.quiet, left),
                )
            except TimeoutError:
                if not waiting and not self._busy(strict):
                    break
                continue
            calls.append(call)
            self._see(call)
        return calls

    async def messages(self) -> list[JSON]:
        """Return the chat's messages, or none before the first message creates the chat."""
        try:
            return await self.control.chat_messages(self.chat_id)
        except ControlApiError:
            return []

    async def show(self, calls: list[ApiCall]) -> None:
        """Print the messages these calls sent or edited, as they are now, and any notices."""
        if not calls:
            return
        for call in calls:
            if not call.ok:
                print(f"[{call.method} failed: {call.response.get('description')}]", file=self.out)
        current = {m["message_id"]: m for m in await self.messages()}
        for message_id in _touched(calls):
            if message_id in current:
                print(render_message(current[message_id]), file=self.out)
        for call in calls:
            if call.method == "answerCallbackQuery" and call.ok and call.params.get("text"):
                kind = "alert" if call.params.get("show_alert") in (True, "true") else "notice"
                print(f"[{kind}] {call.params['text']}", file=self.out)
        self.out.flush()

    async def press(self, number: int) -> bool:
        """Press the Nth button of the bot's last message with buttons; False if there is none."""
        keyed = [
            m for m in await self.messages() if m.get("from", {}).get("is_bot") and _buttons(m)
        ]
        if not keyed:
            print("No message has buttons yet.", file=self.out)
            return False
        buttons = _buttons(keyed[-1])
        if not 1 <= number <= len(buttons):
            print(f"There is no button {number}; choose 1 to {len(buttons)}.", file=self.out)
            return False
        button = buttons[number - 1]
        if "callback_data" not in button:
            print(f"That button opens {button.get('url', 'something else')}.", file=self.out)
            return False
        await self.control.press_button(
            self.chat_id, keyed[-1]["message_id"], button["callback_data"]
        )
        return True

    async def send_line(self, line: str) -> None:
        """Send one typed line to the bot and print what it answers."""
        late = await self.control.calls(OUTPUT_METHODS, chat_id=self.chat_id, since=self.cursor)
        for call in late:
            self._see(call)
        await self.show(late)
        user: JSON = {"first_name": self.settings.first_name, **self.settings.extra}
        if line.isdigit():
            if not await self.press(int(line)):
                return
        elif line.startswith("/"):
            command, _, args = line[1:].partition(" ")
            await self.control.inject_command(command, args.strip(), user_id=self.chat_id, **user)
        else:
            await self.control.inject_message(line, user_id=self.chat_id, **user)
        calls = await self.collect(expect_reply=True, strict=False)
        await self.show(calls)
        if not calls:
            print("[the bot did not answer]", file=self.out, flush=True)

    async def finish(self) -> None:
        """Wait for work still in progress (a chat action under 5 s old) and print it."""
        await self.show(await self.collect(expect_reply=False, strict=True))


async def run_console(
    control: ControlClient,
    stdin: TextIO,
    stdout: TextIO,
    settings: ConsoleSettings | None = None,
) -> int:
    """Chat with the bot line by line until end of input; return the exit status (0)."""
    session = ConsoleSession(control, stdout, settings or ConsoleSettings())
    session.cursor = await control.cursor()
    print(BANNER, file=stdout, flush=True)
    while line := await asyncio.to_thread(stdin.readline):
        if line.strip() == BLOCK:
            line = await _read_block(stdin)
        if line.strip():
            await session.send_line(line.strip())
    await session.finish()
    print("Bye.", file=stdout, flush=True)
    return 0


async def _read_block(stdin: TextIO) -> str:
    """Read the lines of a pasted message up to the closing marker (or end of input)."""
    lines: list[str] = []
    while (line := await asyncio.to_thread(stdin.readline)) and line.strip() != BLOCK:
        lines.append(line.rstrip("\n"))
    return "\n".join(lines)


async def serve_console(
    stdin: TextIO,
    stdout: TextIO,
    start_bot: BotRunner,
    settings: ConsoleSettings | None = None,
) -> int:
    """Start a local server and the bot (`start_bot(server)` runs it), then run the console."""
    settings = settings or ConsoleSettings()
    async with (
        running_server() as server,
        ControlClient(server.url) as control,
        start_bot(server),
    ):
        # Polling starts after deleteWebhook, which may drop updates sent before it.
        await control.wait_until_polling(settings.timeout)
        return await run_console(control, stdin, stdout, settings)
