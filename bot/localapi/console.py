"""The terminal chat behind `briefbot console`: type as a user, read the bot's answers.

It talks only to the control API. Each line becomes a message from a fixed console user in a
private chat: "/cmd args" is a command, a bare number N presses the Nth button of the bot's last
message with buttons. After each line it waits until the bot's replies settle (a quiet spell
with no chat action in progress, or an overall timeout) and prints the messages it sent or
edited in their final state as plain text, buttons numbered. End of input ends it with 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any, TextIO

from bot.localapi.control import ApiCall, ControlClient
from bot.localapi.server import LocalBotApiServer, running_server

__all__ = [
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
    "command; a number presses that button. End of input (Ctrl-D) quits."
)
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
    extra: JSON = field(default_factory=dict)


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


def _typing(calls: list[ApiCall], settings: ConsoleSettings) -> bool:
    actions = [c for c in calls if c.method == "sendChatAction" and c.ok]
    return bool(actions) and time.time() - actions[-1].time < settings.action_window


def _progress(call: ApiCall, out: TextIO, settings: ConsoleSettings) -> None:
    show = settings.show_progress
    if show is None:
        show = out.isatty()
    if show and call.ok and call.method in {"sendMessage", "editMessageText"} and call.text:
        status = render_text(str(call.result.get("text", "")), []).split("\n")[0]
        print(f"{INDENT}… {status}", file=out, flush=True)


async def wait_until_settled(
    control: ControlClient, chat_id: int, since: int, out: TextIO, settings: ConsoleSettings
) -> list[ApiCall]:
    """Collect the bot's calls in this chat after `since` until its replies settle."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settings.timeout
    calls: list[ApiCall] = []
    while (left := deadline - loop.time()) > 0:
        replied = any(c.method != "sendChatAction" for c in calls)
        try:
            call = await control.wait_for_call(
                OUTPUT_METHODS,
                chat_id=chat_id,
                since=since,
                timeout=min(settings.quiet, left) if replied else left,
            )
        except TimeoutError:
            if replied and not _typing(calls, settings):
                break
            continue
        calls.append(call)
        since = call.seq
        _progress(call, out, settings)
    return calls


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


async def print_replies(
    control: ControlClient, chat_id: int, calls: list[ApiCall], out: TextIO
) -> None:
    """Print the messages these calls sent or edited, as they are now, and any notices."""
    for call in calls:
        if not call.ok:
            print(f"[{call.method} failed: {call.response.get('description')}]", file=out)
    current = {m["message_id"]: m for m in await control.chat_messages(chat_id)}
    for message_id in _touched(calls):
        if message_id in current:
            print(render_message(current[message_id]), file=out)
    for call in calls:
        if call.method == "answerCallbackQuery" and call.ok and call.params.get("text"):
            kind = "alert" if call.params.get("show_alert") in (True, "true") else "notice"
            print(f"[{kind}] {call.params['text']}", file=out)
    if not calls:
        print("[the bot did not answer]", file=out)
    out.flush()


async def _press(control: ControlClient, chat_id: int, number: int, out: TextIO) -> bool:
    with_buttons = [
        m for m in await control.chat_messages(chat_id) if m.get("from", {}).get("is_bot")
    ]
    with_buttons = [m for m in with_buttons if _buttons(m)]
    if not with_buttons:
        print("No message has buttons yet.", file=out)
        return False
    buttons = _buttons(with_buttons[-1])
    if not 1 <= number <= len(buttons):
        print(f"There is no button {number}; choose 1 to {len(buttons)}.", file=out)
        return False
    button = buttons[number - 1]
    if "callback_data" not in button:
        print(f"That button opens {button.get('url', 'something the console cannot')}.", file=out)
        return False
    await control.press_button(chat_id, with_buttons[-1]["message_id"], button["callback_data"])
    return True


async def send_line(
    control: ControlClient, line: str, out: TextIO, settings: ConsoleSettings
) -> None:
    """Send one typed line to the bot and print what it answers."""
    chat_id = settings.user_id
    user = {"user_id": settings.user_id, "first_name": settings.first_name, **settings.extra}
    since = await control.cursor()
    if line.isdigit():
        if not await _press(control, chat_id, int(line), out):
            return
    elif line.startswith("/"):
        command, _, args = line[1:].partition(" ")
        await control.inject_command(command, args.strip(), **user)
    else:
        await control.inject_message(line, **user)
    calls = await wait_until_settled(control, chat_id, since, out, settings)
    await print_replies(control, chat_id, calls, out)


async def run_console(
    control: ControlClient,
    stdin: TextIO,
    stdout: TextIO,
    settings: ConsoleSettings | None = None,
) -> int:
    """Chat with the bot line by line until end of input; return the exit status (0)."""
    settings = settings or ConsoleSettings()
    print(BANNER, file=stdout, flush=True)
    while line := await asyncio.to_thread(stdin.readline):
        if line.strip():
            await send_line(control, line.strip(), stdout, settings)
    print("Bye.", file=stdout, flush=True)
    return 0


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
        with contextlib.suppress(TimeoutError):
            await control.wait_for_call("getUpdates", timeout=settings.timeout)
        return await run_console(control, stdin, stdout, settings)
