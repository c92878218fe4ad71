"""The whole bot through the real aiogram HTTP client: the local Bot API server, the
demo's people, and the bot polling it, on the test database (SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from bot.demo import DemoRuntime, start_demo
from sandbox.client import SandboxClient


@pytest.fixture
async def demo(database_url: str, clock) -> AsyncIterator[DemoRuntime]:
    settings = Settings(_env_file=None, database_url=database_url)
    runtime = await start_demo(settings, port=0)
    try:
        yield runtime
    finally:
        await runtime.stop()


@pytest.fixture
async def client(demo: DemoRuntime) -> AsyncIterator[SandboxClient]:
    sandbox = SandboxClient(demo.server.base_url)
    try:
        yield sandbox
    finally:
        await sandbox.close()
