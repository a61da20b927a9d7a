"""The local Bot API server: `/bot<token>/<method>` answered like Telegram, over real HTTP.

Each call is checked in Telegram's order (token, then method), may hit an injected fault or a
flood limit, and is recorded with its answer for the control API. The server binds to loopback
only. Run it with `running_server()` inside a test's event loop, or with `start_in_thread()`
when a session-scoped fixture needs it on a loop of its own.

Unknown methods answer 400 "Bad Request: method not found" rather than Telegram's 404 "Not
Found", because python-telegram-bot maps every 404 to InvalidToken (see BaseRequest).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import socket
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web

from bot.localapi.control_routes import STATE_KEY, add_control_routes
from bot.localapi.files import download_file
from bot.localapi.methods import METHODS, Answer, canonical_method
from bot.localapi.state import BotState
from bot.localapi.wire import ApiError, Params, error_body, get_json, read_params

__all__ = [
    "DEFAULT_TOKEN",
    "DEFAULT_USERNAME",
    "LocalBotApiServer",
    "create_app",
    "running_server",
    "start_in_thread",
]

logger = logging.getLogger(__name__)

JSON = dict[str, Any]
DEFAULT_TOKEN = "123456789:LOCAL-briefbot-test-token"
DEFAULT_USERNAME = "briefbot_local_bot"
DEFAULT_FIRST_NAME = "Briefbot"
JSON_PARAMS = frozenset(
    {
        "reply_markup", "entities", "reply_parameters", "link_preview_options",
        "allowed_updates", "commands", "scope", "caption_entities", "results", "button",
    }
)  # fmt: skip
INT_PARAMS = frozenset({"chat_id", "message_id", "offset", "limit", "timeout", "max_connections"})
SHUTDOWN_TIMEOUT = 2.0
START_TIMEOUT = 10.0


def _log_params(params: Params) -> Params:
    """Decode JSON and numeric parameters so recorded calls are easy to assert on."""
    shown: Params = {}
    for key, value in params.items():
        if isinstance(value, dict) and isinstance(value.get("content"), bytes):
            shown[key] = {"file_name": value.get("file_name"), "file_size": len(value["content"])}
            continue
        try:
            if key in JSON_PARAMS:
                value = get_json(params, key)
            elif key in INT_PARAMS and isinstance(value, str) and value.lstrip("-").isdigit():
                value = int(value)
        except ApiError:
            pass  # recorded as sent; the method itself answers the error
        shown[key] = value
    return shown


def _call_chat(state: BotState, params: Params) -> int | str | None:
    chat_id = params.get("chat_id")
    if chat_id not in (None, ""):
        text = str(chat_id)
        return int(text) if text.lstrip("-").isdigit() else text
    callback = state.callbacks.get(str(params.get("callback_query_id", "")))
    return callback.chat_id if callback else None


async def _answer(state: BotState, token: str, method: str | None, params: Params) -> JSON:
    if token != state.token:
        raise ApiError(401, "Unauthorized")
    if method is None:
        raise ApiError.bad_request("method not found")
    chat_id = _call_chat(state, params)
    chat = state.chats.get(chat_id) if isinstance(chat_id, int) else None
    error = state.faults.take(method, chat_id)
    if error is None and chat is not None:
        error = state.flood.check(method, chat.chat_id, chat.chat["type"])
    if error is not None:
        raise error
    result = await METHODS[method](state, params)
    if chat is not None:
        state.flood.record(method, chat.chat_id, chat.chat["type"])
    if isinstance(result, Answer):
        return {"ok": True, "result": result.result, "description": result.description}
    return {"ok": True, "result": result}


async def handle_bot_call(request: web.Request) -> web.Response:
    """Answer one Bot API call and record it."""
    state = request.app[STATE_KEY]
    started, clock = time.time(), time.monotonic()
    name = request.match_info["method"]
    method = canonical_method(name)
    params: Params = {}
    try:
        params = await read_params(request)
        status, body = 200, await _answer(state, request.match_info["token"], method, params)
    except ApiError as exc:
        status, body = exc.status, exc.body()
    except Exception:  # a bug in the fake must reach the bot as a server error, not a hang
        logger.exception("Local Bot API server failed on %s", name)
        status, body = 500, error_body(500, "Internal Server Error")
    state.calls.add(
        method=method or name,
        params=_log_params(params),
        chat_id=_call_chat(state, params),
        time=started,
        duration=time.monotonic() - clock,
        status=status,
        response=body,
    )
    return web.json_response(body, status=status)


async def handle_file_download(request: web.Request) -> web.Response:
    """Serve a file the bot asked for with getFile."""
    return await download_file(request, request.app[STATE_KEY])


async def _shutdown(app: web.Application) -> None:
    state = app[STATE_KEY]
    state.updates.close()
    await state.webhook.delete()


def create_app(state: BotState) -> web.Application:
    """Build the aiohttp app serving the Bot API and the control API for one bot."""
    app = web.Application(client_max_size=50 * 1024 * 1024)
    app[STATE_KEY] = state
    for verb in ("GET", "POST"):
        app.router.add_route(verb, "/bot{token}/{method}", handle_bot_call)
    app.router.add_route("GET", "/file/bot{token}/{path:.+}", handle_file_download)
    add_control_routes(app)
    app.on_shutdown.append(_shutdown)
    return app


def _check_loopback(host: str) -> None:
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"the local Bot API server binds to loopback only, not {host!r}")


class LocalBotApiServer:
    """A fake Telegram for one bot, on 127.0.0.1; the bot uses base_url f"{server.url}/bot"."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        token: str = DEFAULT_TOKEN,
        username: str = DEFAULT_USERNAME,
        first_name: str = DEFAULT_FIRST_NAME,
    ) -> None:
        _check_loopback(host)
        if not token.split(":", 1)[0].isdigit():
            raise ValueError("a bot token starts with the bot's numeric id and a colon")
        self.host, self.port, self.token = host, port, token
        self._bot = (username, first_name)
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def url(self) -> str:
        """Return the server's root URL, e.g. http://127.0.0.1:8081."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def base_url(self) -> str:
        """Return the value for python-telegram-bot's `base_url` (the token is appended)."""
        return f"{self.url}/bot"

    @property
    def api_url(self) -> str:
        """Return the URL that method names are appended to, token included."""
        return f"{self.base_url}{self.token}"

    async def start(self) -> None:
        """Start serving on the event loop that calls this."""
        sock = socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self.port))
        except OSError:
            sock.close()
            raise
        self.port = sock.getsockname()[1]
        state = BotState(self.token, *self._bot)
        runner = web.AppRunner(
            create_app(state),
            access_log=None,
            handle_signals=False,
            shutdown_timeout=SHUTDOWN_TIMEOUT,
            handler_cancellation=True,
        )
        await runner.setup()
        await web.SockSite(runner, sock).start()
        self._runner = runner
        logger.info("Local Bot API server listening on %s", self.url)

    async def close(self) -> None:
        """Stop serving; waiting getUpdates calls answer at once."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def __aenter__(self) -> LocalBotApiServer:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def start_in_thread(self) -> LocalBotApiServer:
        """Start serving on a new event loop in a daemon thread; `stop()` ends it."""
        ready = threading.Event()
        failure: list[BaseException] = []
        loop = asyncio.new_event_loop()

        def serve() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self.start())
            except BaseException as exc:  # reported to the starting thread below
                failure.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            loop.run_forever()
            loop.close()

        self._loop = loop
        self._thread = threading.Thread(target=serve, name="localapi-server", daemon=True)
        self._thread.start()
        if not ready.wait(START_TIMEOUT) or failure:
            raise RuntimeError("the local Bot API server did not start") from (
                failure[0] if failure else None
            )
        return self

    def stop(self) -> None:
        """Stop a server started with `start_in_thread()` and join its thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        future = asyncio.run_coroutine_threadsafe(self.close(), loop)
        with contextlib.suppress(TimeoutError):
            future.result(START_TIMEOUT)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(START_TIMEOUT)
        self._loop = self._thread = None


@contextlib.asynccontextmanager
async def running_server(
    host: str = "127.0.0.1", port: int = 0, **options: Any
) -> AsyncIterator[LocalBotApiServer]:
    """Run a local Bot API server on the current event loop for the duration of the block."""
    server = LocalBotApiServer(host, port, **options)
    await server.start()
    try:
        yield server
    finally:
        await server.close()


def start_in_thread(host: str = "127.0.0.1", port: int = 0, **options: Any) -> LocalBotApiServer:
    """Start a local Bot API server in a background thread; call `.stop()` when done."""
    return LocalBotApiServer(host, port, **options).start_in_thread()
