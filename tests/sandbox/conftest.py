"""A sandbox server per test, the real aiogram client pointed at it, and a control client."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from sandbox import SandboxClient, SandboxLimits, SandboxServer

TOKEN = "4242:SANDBOX-test-token"
BOT_ID = 4242
START = 1_790_000_000.0


class FakeTime:
    """Seconds since the epoch that only move when the test says so."""

    def __init__(self, start: float = START) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class QuickAiohttpSession(AiohttpSession):
    """aiogram's own session; only `close` skips its fixed 250 ms pause (meant for TLS)."""

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


def make_bot(base_url: str, token: str = TOKEN, **kwargs: Any) -> Bot:
    session = QuickAiohttpSession(api=TelegramAPIServer.from_base(base_url))
    return Bot(token, session=session, **kwargs)


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def limits() -> SandboxLimits:
    """Rate limits are off unless a test turns them on (test_limits does)."""
    return SandboxLimits(enabled=False)


@pytest.fixture
async def server(fake_time: FakeTime, limits: SandboxLimits) -> AsyncIterator[SandboxServer]:
    async with SandboxServer(TOKEN, limits=limits, clock=fake_time) as server:
        yield server


@pytest.fixture
async def bot(server: SandboxServer) -> AsyncIterator[Bot]:
    bot = make_bot(server.base_url)
    yield bot
    await bot.session.close()


@pytest.fixture
async def sandbox(server: SandboxServer) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(server.base_url) as client:
        yield client


@pytest.fixture
async def alice(sandbox: SandboxClient) -> dict[str, Any]:
    return await sandbox.create_user("Alice", username="alice", language_code="en")


@pytest.fixture
async def bob(sandbox: SandboxClient) -> dict[str, Any]:
    return await sandbox.create_user("Bob", last_name="Bayar", language_code="zh")
