"""Documents on the local server: sendDocument, getFile and the file download route.

The bot uploads a document as multipart form data (or names one by file_id); the server keeps
its bytes and answers with a Message carrying the Document. getFile gives a file_path that the
bot downloads from `/file/bot<token>/<file_path>`, as from Telegram. Bots may download files
up to 20 MB and upload up to 50 MB; captions hold up to 1024 characters.
"""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import web

from bot.localapi.channels import check_can_post
from bot.localapi.entities import entities_to_json, message_length
from bot.localapi.markup import parse_reply_markup
from bot.localapi.messages import prepare_text
from bot.localapi.state import BotState, FileRecord
from bot.localapi.wire import ApiError, Params, get_chat_id, get_str

__all__ = ["MAX_DOWNLOAD_BYTES", "download_file", "get_file", "send_document"]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
MAX_CAPTION_LENGTH = 1024
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024


def _document(state: BotState, params: Params) -> FileRecord:
    value = params.get("document")
    if isinstance(value, str) and value.startswith("attach://"):  # a part of the same form
        value = params.get(value.removeprefix("attach://"))
    if isinstance(value, dict) and "content" in value:
        name = str(value.get("file_name") or "document")
        mime = str(value.get("content_type") or "application/octet-stream")
        return state.add_file(bytes(value["content"]), name, mime)
    if isinstance(value, str) and value.strip():
        return state.find_file(value.strip())
    raise ApiError.bad_request("there is no document in the request")


def _caption(state: BotState, params: Params) -> JSON:
    caption = get_str(params, "caption")
    if not caption:
        return {}
    text_params: Params = {"text": caption, "parse_mode": params.get("parse_mode")}
    if params.get("caption_entities") not in (None, ""):
        text_params["entities"] = params["caption_entities"]
    text, entities = prepare_text(state, {k: v for k, v in text_params.items() if v is not None})
    if message_length(text) > MAX_CAPTION_LENGTH:
        raise ApiError.bad_request("message caption is too long")
    content: JSON = {"caption": text}
    if entities:
        content["caption_entities"] = entities_to_json(entities)
    return content


async def send_document(state: BotState, params: Params) -> JSON:
    """Answer sendDocument: keep the file, store the message and return it."""
    record = state.find_chat(get_chat_id(params))
    check_can_post(state, record)
    document = _document(state, params)
    message: JSON = {"from": state.bot_user, "document": document.document()}
    message.update(_caption(state, params))
    markup = parse_reply_markup(params)
    if markup is not None:
        message["reply_markup"] = markup
    return state.add_message(record, message)


async def get_file(state: BotState, params: Params) -> JSON:
    """Answer getFile with the path to download the file from."""
    record = state.find_file(get_str(params, "file_id") or "")
    if len(record.content) > MAX_DOWNLOAD_BYTES:
        raise ApiError.bad_request("file is too big")
    return {**record.document(), "file_path": record.file_path}


async def download_file(request: web.Request, state: BotState) -> web.Response:
    """Serve `/file/bot<token>/<file_path>` with the file's bytes."""
    if request.match_info["token"] != state.token:
        return web.json_response({"ok": False, "error_code": 401}, status=401)
    path = request.match_info["path"]
    for record in state.files.values():
        if record.file_path == path:
            return web.Response(body=record.content, content_type=record.mime_type)
    return web.json_response({"ok": False, "error_code": 404}, status=404)
