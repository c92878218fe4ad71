"""Webhook mode end to end: the local Bot API server posts a user's updates to a real
`build_webhook_app` on a local port, and the bot answers through the real aiogram client."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
from aiogram import Bot
from aiogram.types import WebhookInfo
from aiohttp import web
from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.app import build_application, build_bot
from bot.config import Settings
from bot.webhook import build_webhook_app
from sandbox.client import SandboxClient, message_text
from sandbox.server import SandboxServer
from storage.models import ProcessedUpdate
from storage.uow import UnitOfWork

TOKEN = "100000:webhook-token-for-the-local-sandbox-only"
SECRET = "e2e_webhook-secret"
USER = 300001
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def sandbox() -> AsyncIterator[tuple[SandboxServer, SandboxClient]]:
    server = SandboxServer(token=TOKEN)
    await server.start(port=0)
    client = server.client()
    await client.create_user("Wang", id=USER, language_code="zh")
    try:
        yield server, client
    finally:
        await client.close()
        await server.stop()


@pytest.fixture
def settings(sandbox: tuple[SandboxServer, SandboxClient], database_url: str) -> Settings:
    server, _ = sandbox
    return Settings(
        _env_file=None,
        database_url=database_url,
        bot_token=SecretStr(TOKEN),
        bot_api_server=server.base_url,
        quiet_hours="00:00-00:00",
        webhook_secret=SecretStr(SECRET),
        webhook_path="/telegram",
    )


@asynccontextmanager
async def _webhook_process(
    settings: Settings,
    port: int,
    session_factory: async_sessionmaker[AsyncSession],
    engine: AsyncEngine,
) -> AsyncIterator[Bot]:
    """What `zhibu webhook` runs, on the given port (reused across a restart)."""
    settings = settings.model_copy(
        update={"webhook_url": f"http://127.0.0.1:{port}{settings.webhook_path}"}
    )
    bot = build_bot(settings)
    dispatcher = build_application(settings, session_factory, bot)
    runner = web.AppRunner(build_webhook_app(settings, dispatcher, bot, engine))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    await runner.setup()
    try:
        await web.SockSite(runner, sock).start()
        yield bot
    finally:
        await runner.cleanup()
        await bot.session.close()


async def _processed(uow: Callable[[], UnitOfWork]) -> int:
    async with uow() as u:
        return int(await u.session.scalar(select(func.count(ProcessedUpdate.update_id))) or 0)


def _free_port() -> int:
    """A port to register in the webhook URL before the app (whose startup registers it)
    listens there."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def _acknowledged(bot: Bot) -> WebhookInfo:
    for _ in range(50):
        info = await bot.get_webhook_info()
        if info.pending_update_count == 0:
            return info
        await asyncio.sleep(0.1)
    raise AssertionError(f"updates still pending: {info}")


async def test_start_is_answered_through_the_webhook(
    sandbox: tuple[SandboxServer, SandboxClient],
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    engine: AsyncEngine,
    uow: Callable[[], UnitOfWork],
) -> None:
    _, client = sandbox
    port = _free_port()
    async with _webhook_process(settings, port, session_factory, engine) as bot:
        info = await bot.get_webhook_info()
        assert info.url == f"http://127.0.0.1:{port}/telegram"
        await client.mark()
        await client.send_text(USER, "/start")
        reply = await client.wait_for_bot_message(USER)
        assert message_text(reply)
        # answered (200) once its handling ended, which may be just after the reply
        info = await _acknowledged(bot)
        assert info.last_error_message is None
        menu = await client.commands(USER)
        assert {c["command"] for c in menu} >= {"help", "language"}  # startup ran
    assert await _processed(uow) == 1


async def test_an_update_sent_while_the_process_is_down_is_answered_after_restart(
    sandbox: tuple[SandboxServer, SandboxClient],
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    engine: AsyncEngine,
    uow: Callable[[], UnitOfWork],
) -> None:
    server, client = sandbox
    port = _free_port()
    async with _webhook_process(settings, port, session_factory, engine):
        await client.mark()
        await client.send_text(USER, "/start")
        await client.wait_for_bot_message(USER)
    await client.send_text(USER, "/help")  # nobody listens: Telegram keeps it and retries
    with pytest.raises(TimeoutError):
        await client.wait_for_bot_message(USER, timeout=1.0)
    assert server.state.webhook.last_error_message is not None
    async with _webhook_process(settings, port, session_factory, engine):
        answer = await client.wait_for_bot_message(USER, timeout=10.0)
        assert "/" in message_text(answer)  # the help lists commands
    assert await _processed(uow) == 2


async def _healthy(url: str) -> bool:
    try:
        async with aiohttp.ClientSession() as session, session.get(url) as response:
            return response.status == 200
    except aiohttp.ClientError:
        return False


async def test_the_webhook_command_serves_and_stops_gracefully_on_sigterm(
    sandbox: tuple[SandboxServer, SandboxClient], tmp_path: Path
) -> None:
    """`zhibu webhook` as operators run it: migrates a fresh database, registers the webhook,
    answers, and on SIGTERM stops after its shutdown ran, exiting 0."""
    server, client = sandbox
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZHIBU_")}
    env.update(
        ZHIBU_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'zhibu.db'}",
        ZHIBU_BOT_TOKEN=TOKEN,
        ZHIBU_BOT_API_SERVER=server.base_url,
        ZHIBU_WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram",
        ZHIBU_WEBHOOK_SECRET=SECRET,
        ZHIBU_WEBHOOK_PORT=str(port),
        ZHIBU_QUIET_HOURS="00:00-00:00",
    )
    log_path = tmp_path / "webhook.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(  # noqa: ASYNC220 - returns at once
            [sys.executable, "-m", "bot", "webhook"],
            cwd=tmp_path,  # no stray .env is read
            env=env | {"PYTHONPATH": str(ROOT)},
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        for _ in range(150):
            assert process.poll() is None, log_path.read_text()
            if await _healthy(f"http://127.0.0.1:{port}/healthz"):
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError(f"not serving: {log_path.read_text()}")
        assert server.state.webhook.url == f"http://127.0.0.1:{port}/telegram"
        await client.mark()
        await client.send_text(USER, "/start")
        await client.wait_for_bot_message(USER)
        process.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(process.wait, 15) == 0, log_path.read_text()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    log = log_path.read_text()
    # the update was answered (in flight or before), then the dispatcher's shutdown ran
    shut_down = log.index("Scheduler has been shut down")
    assert log.index('"POST /telegram HTTP/1.1" 200') < shut_down
    assert log.index("stopping") < shut_down
