"""The sandbox server: the Bot API at `/bot{token}/{method}`, file downloads at
`/file/bot{token}/{file_path}`, the control API under `/sandbox/`, and the web chat (static
files from `sandbox/web/`) at `/` and `/web/`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from collections.abc import AsyncIterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from aiohttp import web

from sandbox.bodies import MAX_REQUEST_BYTES, read_params
from sandbox.bot_api import BotApi
from sandbox.control import Control, add_routes, control_errors
from sandbox.errors import ApiError
from sandbox.limits import SandboxClock, SandboxLimits
from sandbox.state import SandboxState
from sandbox.webhook import WebhookDeliverer

if TYPE_CHECKING:
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer

    from sandbox.client import SandboxClient

log = logging.getLogger(__name__)

DEFAULT_TOKEN = "123456789:sandbox-token"
WEB_ROOT = Path(__file__).parent / "web"
STATE_KEY = web.AppKey("sandbox_state", SandboxState)
API_KEY = web.AppKey("sandbox_api", BotApi)

_UNAUTHORIZED = {"ok": False, "error_code": 401, "description": "Unauthorized"}
_FILE_NOT_FOUND = {"ok": False, "error_code": 404, "description": "Not Found"}


async def _bot_api(request: web.Request) -> web.Response:
    state = request.app[STATE_KEY]
    if request.match_info["token"] != state.token:
        return web.json_response(_UNAUTHORIZED, status=401)
    try:
        params = await read_params(request)
        result = await request.app[API_KEY].call(request.match_info["method"], params)
    except ApiError as exc:
        return web.json_response(exc.to_json(), status=exc.code)
    except Exception as exc:
        log.exception("sandbox failed on %s", request.match_info["method"])
        error = ApiError(500, f"Internal Server Error: {type(exc).__name__}: {exc}")
        return web.json_response(error.to_json(), status=500)
    return web.json_response({"ok": True, "result": result})


async def _download(request: web.Request) -> web.Response:
    state = request.app[STATE_KEY]
    stored = state.files_by_path.get(request.match_info["path"])
    if request.match_info["token"] != state.token or stored is None:
        return web.json_response(_FILE_NOT_FOUND, status=404)
    return web.Response(body=stored.data, content_type="application/octet-stream")


def _add_web(app: web.Application, root: Path) -> None:
    if not root.is_dir():
        return
    index = root / "index.html"

    async def _index(request: web.Request) -> web.StreamResponse:
        if not index.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(index)

    app.router.add_get("/", _index)
    app.router.add_get("/web", _index)
    app.router.add_get("/web/", _index)
    app.router.add_static("/web/", root, show_index=False, follow_symlinks=False)


def create_app(
    token: str = DEFAULT_TOKEN,
    bot_username: str = "zhibu_demo_bot",
    limits: SandboxLimits | None = None,
    clock: SandboxClock = time.time,
    *,
    bot_first_name: str = "Zhibu",
    state: SandboxState | None = None,
    web_root: Path | None = WEB_ROOT,
) -> web.Application:
    """The sandbox as an aiohttp application, for embedding (`state` wins over the rest)."""
    if state is None:
        state = SandboxState(token, bot_username, limits, clock, bot_first_name=bot_first_name)
    api = BotApi(state)
    app = web.Application(client_max_size=MAX_REQUEST_BYTES, middlewares=[control_errors])
    app[STATE_KEY] = state
    app[API_KEY] = api
    app.router.add_route("*", "/bot{token}/{method}", _bot_api)
    app.router.add_get("/file/bot{token}/{path:.+}", _download)
    add_routes(app, Control(state))
    if web_root is not None:
        _add_web(app, web_root)

    async def _webhooks(app: web.Application) -> AsyncIterator[None]:
        task = asyncio.create_task(WebhookDeliverer(state, api).run())
        yield
        state.close()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def _shutdown(app: web.Application) -> None:
        state.close()

    app.cleanup_ctx.append(_webhooks)
    app.on_shutdown.append(_shutdown)
    return app


class SandboxServer:
    """A local Bot API server; `async with SandboxServer(token) as server:` runs it."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        bot_username: str = "zhibu_demo_bot",
        limits: SandboxLimits | None = None,
        clock: SandboxClock = time.time,
        *,
        bot_first_name: str = "Zhibu",
        web_root: Path | None = WEB_ROOT,
    ) -> None:
        self.state = SandboxState(
            token, bot_username, limits, clock, bot_first_name=bot_first_name
        )
        self.app = create_app(state=self.state, web_root=web_root)
        self._runner: web.AppRunner | None = None
        self._base_url: str | None = None

    @property
    def token(self) -> str:
        return self.state.token

    @property
    def base_url(self) -> str:
        if self._base_url is None:
            raise RuntimeError("the sandbox server is not running")
        return self._base_url

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Listen on host:port (0 picks a free port) and return the base URL."""
        if self._runner is not None:
            raise RuntimeError("the sandbox server is already running")
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
        except OSError:
            sock.close()
            raise
        runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        await web.SockSite(runner, sock).start()
        self._runner = runner
        bound_port = sock.getsockname()[1]
        shown = f"[{host}]" if family == socket.AF_INET6 else host
        self._base_url = f"http://{shown}:{bound_port}"
        return self._base_url

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is None:
            return
        self.state.close()
        await runner.cleanup()

    async def __aenter__(self) -> Self:
        if self._runner is None:
            await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def api_server(self) -> TelegramAPIServer:
        """What to give aiogram: `AiohttpSession(api=server.api_server())`."""
        from aiogram.client.telegram import TelegramAPIServer

        return TelegramAPIServer.from_base(self.base_url)

    def aiogram_session(self, **kwargs: Any) -> AiohttpSession:
        from aiogram.client.session.aiohttp import AiohttpSession

        return AiohttpSession(api=self.api_server(), **kwargs)

    def client(self) -> SandboxClient:
        """A control client for this server (close it, or use it with `async with`)."""
        from sandbox.client import SandboxClient

        return SandboxClient(self.base_url)
