"""A tiny python-telegram-bot Application that echoes, with a button, for the e2e tests."""

from __future__ import annotations

import asyncio
import contextlib
import html
from collections.abc import AsyncIterator

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.localapi import LocalBotApiServer

KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Shout", callback_data="shout"),
            InlineKeyboardButton("Whisper", callback_data="whisper"),
        ],
        [InlineKeyboardButton("Docs", url="https://core.telegram.org/bots/api")],
    ]
)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message:
        await update.effective_message.reply_html(
            'Hi! <b>Send me</b> anything. See <a href="https://example.com/help">help</a>.'
        )


async def slow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer like a bot at work: typing, a status message, then a late edit."""
    message = update.effective_message
    if message is None:
        return
    await message.chat.send_action("typing")
    status = await message.reply_text("Reading the article...")
    await asyncio.sleep(0.6)
    await status.edit_text("<b>Done.</b>", parse_mode="HTML")


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or message.text is None:
        return
    await message.chat.send_action("typing")
    await message.reply_html(
        f"<i>{html.escape(message.text)}</i>", reply_markup=KEYBOARD, do_quote=True
    )


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None or not isinstance(query.message, object) or query.message is None:
        return
    text = getattr(query.message, "text", "") or ""
    await query.answer("Done")
    new = text.upper() if query.data == "shout" else text.lower()
    await query.edit_message_text(html.escape(new), parse_mode="HTML", reply_markup=KEYBOARD)


def build_echo_app(server: LocalBotApiServer) -> Application:  # type: ignore[type-arg]
    app = Application.builder().token(server.token).base_url(server.base_url).build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("slow", slow))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(on_button))
    return app


@contextlib.asynccontextmanager
async def running_echo_bot(server: LocalBotApiServer) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """Run the echo bot, polling the local server, for the duration of the block."""
    app = build_echo_app(server)
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0.0, timeout=5)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()
