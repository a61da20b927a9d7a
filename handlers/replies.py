"""Sending and editing replies: HTML, split briefs, progress edits and the typing action.

A brief too long for one message goes out in parts, the buttons on the last; a view switch
edits every part (issue 11). Telegram's own failures are handled here: "message is not
modified" is ignored, an edit of a vanished message becomes a new message, and any other
BadRequest is logged with the text that caused it before it is raised (the error handler
then answers the user).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from types import TracebackType

from telegram import Bot, CallbackQuery, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.service import Stage
from handlers import messages

__all__ = [
    "ProgressReply",
    "edit_html",
    "send_html",
    "send_parts",
    "show_in_place",
    "show_typing",
]

logger = logging.getLogger(__name__)

TYPING_EVERY = 4.0  # Telegram shows a chat action for 5 seconds
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def _log_bad_request(exc: BadRequest, text: str) -> None:
    logger.error("Telegram refused a message (%s); the text was: %r", exc.message, text)


async def send_html(
    message: Message,
    text: str,
    keyboard: InlineKeyboardMarkup | None = None,
    *,
    quote: bool | None = None,
) -> Message:
    """Reply to a message with an HTML text (no link preview)."""
    try:
        return await message.reply_text(
            text,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard,
            link_preview_options=NO_PREVIEW,
            do_quote=quote,
        )
    except BadRequest as exc:
        _log_bad_request(exc, text)
        raise


async def edit_html(
    message: Message, text: str, keyboard: InlineKeyboardMarkup | None = None
) -> bool:
    """Edit a bot message into an HTML text; False when the message no longer exists."""
    try:
        await message.edit_text(
            text, parse_mode=ParseMode.HTML, reply_markup=keyboard, link_preview_options=NO_PREVIEW
        )
    except BadRequest as exc:
        reason = exc.message.lower()
        if "not modified" in reason:
            return True
        if "not found" in reason:
            return False
        _log_bad_request(exc, text)
        raise
    return True


async def _send_rest(
    anchor: Message, parts: list[str], keyboard: InlineKeyboardMarkup
) -> list[int]:
    sent = []
    for number, part in enumerate(parts, start=1):
        last = number == len(parts)
        sent.append((await send_html(anchor, part, keyboard if last else None, quote=False)).id)
    return sent


async def send_parts(
    anchor: Message, parts: list[str], keyboard: InlineKeyboardMarkup
) -> list[int]:
    """Send a brief's parts as new messages, the keyboard on the last; return their ids."""
    return await _send_rest(anchor, parts, keyboard)


async def _edit_part(
    bot: Bot, chat_id: int, message_id: int, text: str, keyboard: InlineKeyboardMarkup | None
) -> bool:
    """Edit one part of a shown brief; False when that message no longer exists."""
    try:
        await bot.edit_message_text(
            text,
            chat_id=chat_id,
            message_id=message_id,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard,
            link_preview_options=NO_PREVIEW,
        )
    except BadRequest as exc:
        reason = exc.message.lower()
        if "not modified" in reason:
            return True
        if "not found" in reason or "can't be edited" in reason:
            return False
        _log_bad_request(exc, text)
        raise
    return True


async def _drop_part(bot: Bot, chat_id: int, message_id: int) -> None:
    """Remove a part the new view no longer needs; if Telegram refuses, say where it went."""
    try:
        await bot.delete_message(chat_id, message_id)
    except BadRequest:
        with contextlib.suppress(BadRequest):
            await bot.edit_message_text(
                messages.PART_REPLACED, chat_id=chat_id, message_id=message_id
            )


async def show_in_place(
    query: CallbackQuery, parts: list[str], keyboard: InlineKeyboardMarkup, shown: list[int]
) -> list[int]:
    """Turn the messages of a shown brief (`shown`, in order) into these parts.

    Every old part is edited (or removed when the new view has fewer), so no part of the old
    view stays under the new one; extra parts follow as new messages. Returns the ids of the
    messages that now hold the brief, the one with the buttons last.
    """
    message = query.message
    if not isinstance(message, Message):
        return []
    bot, chat_id = message.get_bot(), message.chat_id
    kept: list[int] = []
    for number, (message_id, part) in enumerate(zip(shown, parts, strict=False), start=1):
        if await _edit_part(
            bot, chat_id, message_id, part, keyboard if number == len(parts) else None
        ):
            kept.append(message_id)
    for message_id in shown[len(parts) :]:
        await _drop_part(bot, chat_id, message_id)
    return kept + await _send_rest(message, parts[len(shown) :], keyboard)


async def show_typing(message: Message, forbidden_raises: bool = False) -> None:
    """Show "typing…" in a message's chat; a failure is only logged (it is decoration).

    `forbidden_raises`: a bot the user blocked hears of it (ProgressReply stops there).
    """
    try:
        await message.reply_chat_action(ChatAction.TYPING)
    except Forbidden:
        if forbidden_raises:
            raise
        logger.debug("typing action forbidden in chat %s", message.chat_id)
    except TelegramError as exc:
        logger.debug("typing action failed in chat %s: %s", message.chat_id, exc)


class ProgressReply:
    """One answer in the making: a status message edited per stage, then the brief.

    Nothing is sent until the first stage, so a cached brief arrives as a single message.
    While work goes on, the typing action is renewed every 4 seconds.
    """

    def __init__(self, message: Message, pasted: bool) -> None:
        self.message, self.pasted = message, pasted
        self._status: Message | None = None
        self._shown = ""
        self._typing: asyncio.Task[None] | None = None

    async def __aenter__(self) -> ProgressReply:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self._stop_typing()

    async def stage(self, stage: Stage) -> None:
        """Show that a stage has begun (the service's progress callback)."""
        text = messages.progress(stage, self.pasted)
        try:
            if self._status is None:
                self._status = await send_html(self.message, text)
                await self._send_typing()
                self._typing = asyncio.create_task(self._keep_typing())
            elif text != self._shown:
                await edit_html(self._status, text)
        except Forbidden:
            raise
        except TelegramError as exc:  # a lost progress edit must not cost the brief
            logger.warning("progress update failed in chat %s: %s", self.message.chat_id, exc)
        self._shown = text

    async def deliver(self, parts: list[str], keyboard: InlineKeyboardMarkup) -> list[int]:
        """Show the brief: the status message becomes its first part; the keyboard goes last.

        Returns the ids of the messages the parts went out as, in order.
        """
        await self._stop_typing()
        first_keyboard = keyboard if len(parts) == 1 else None
        if self._status is not None and await edit_html(self._status, parts[0], first_keyboard):
            return [self._status.id, *await _send_rest(self.message, parts[1:], keyboard)]
        first = await send_html(self.message, parts[0], first_keyboard)
        return [first.id, *await _send_rest(self.message, parts[1:], keyboard)]

    async def fail(self, text: str) -> None:
        """Show why there is no brief, in place of the status message."""
        await self._stop_typing()
        if self._status is None or not await edit_html(self._status, text):
            await send_html(self.message, text)

    async def _send_typing(self) -> None:
        await show_typing(self.message, forbidden_raises=True)

    async def _keep_typing(self) -> None:
        with contextlib.suppress(Forbidden):  # the error handler hears of it from the reply
            while True:
                await asyncio.sleep(TYPING_EVERY)
                await self._send_typing()

    async def _stop_typing(self) -> None:
        task, self._typing = self._typing, None
        if task is not None:
            task.cancel()
            await asyncio.wait({task})  # unlike awaiting it, never swallows our own cancel
