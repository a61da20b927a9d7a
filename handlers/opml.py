"""/export and /import: a chat's own feeds out and in as an OPML file.

/export sends the feeds as `briefbot-feeds.opml`. /import reads an OPML file sent with the
caption /import, or the file in the message that /import replies to, refuses files over 1 MB
before downloading them, and adds each feed through the same safe fetcher as /addfeed.
"""

from __future__ import annotations

import logging

from telegram import Document, InputFile, Message, Update
from telegram.constants import ChatAction
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.errors import BriefingError
from bot.follow.opml import build_opml, check_opml_size, import_feeds, parse_opml
from bot.follow.schedule import utc_now
from handlers import messages
from handlers.context import BotApp, BotContext
from handlers.replies import send_html

__all__ = ["export_command", "import_command", "register"]

logger = logging.getLogger(__name__)

EXPORT_NAME = "briefbot-feeds.opml"
EXPORT_TITLE = "briefbot feeds"
IMPORT_CAPTION = filters.CaptionRegex(r"^/import(@\w+)?(\s|$)")


async def export_command(update: Update, context: BotContext) -> None:
    """/export: send the chat's own feeds as an OPML file."""
    message = update.effective_message
    if message is None:
        return
    feeds = context.feeds.feeds(message.chat_id)
    if not feeds:
        await send_html(message, messages.EXPORT_NO_FEEDS)
        return
    data = build_opml(feeds, EXPORT_TITLE, utc_now())
    await message.reply_document(
        InputFile(data, filename=EXPORT_NAME),
        caption=messages.export_caption(len(feeds)),
    )


async def _download(document: Document) -> bytes:
    """Fetch a document's bytes, refusing a file over the limit before it is downloaded."""
    check_opml_size(document.file_size or 0)
    found = await document.get_file()
    return bytes(await found.download_as_bytearray())


async def _import(message: Message, context: BotContext, document: Document) -> None:
    await message.reply_chat_action(ChatAction.TYPING)
    try:
        feeds = parse_opml(await _download(document))
    except BriefingError as exc:
        logger.info("chat %s sent an OPML file that was refused: %r", message.chat_id, exc)
        await send_html(message, messages.error_reply(exc))
        return
    if not feeds:
        await send_html(message, messages.IMPORT_NO_FEEDS)
        return
    report = await import_feeds(context.feeds, message.chat_id, feeds)
    if report.added:
        context.scheduler.ingest_soon()
    await send_html(
        message,
        messages.import_report(
            [a.feed.title or a.feed.url for a in report.added],
            [a.feed.title or a.feed.url for a in report.already],
            [(feed.url, messages.error_reply(exc)) for feed, exc in report.failed],
            report.left_out,
        ),
    )


async def import_command(update: Update, context: BotContext) -> None:
    """/import as a file's caption, or in reply to a message with a file: add its feeds."""
    message = update.effective_message
    if message is None:
        return
    document = message.document
    if document is None and message.reply_to_message is not None:
        document = message.reply_to_message.document
    if document is None:
        await send_html(message, messages.IMPORT_USAGE)
        return
    await _import(message, context, document)


def register(app: BotApp) -> None:
    """Add /export and /import (a command, or the caption of a file)."""
    app.add_handler(CommandHandler("export", export_command))
    app.add_handler(CommandHandler("import", import_command))
    app.add_handler(MessageHandler(filters.Document.ALL & IMPORT_CAPTION, import_command))
