"""The whole bot through the real aiogram HTTP client: the local Bot API server, the
demo's people, and the bot polling it, on the test database (SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from bot.demo import DemoRuntime, start_demo
from sandbox.client import SandboxClient


@pytest.fixture
async def demo(database_url: str) -> AsyncIterator[DemoRuntime]:
    """The demo on the wall clock (the sandbox stamps messages with real time). Quiet hours
    are switched off so the results don't depend on the hour CI runs at; the flow tests
    cover quiet hours with a fake clock. On PostgreSQL the outbox sender and the scheduler
    act only once this process leads (an advisory lock, taken after a lease of two polls):
    a short poll makes that a fraction of a second instead of ten."""
    settings = Settings(
        _env_file=None,
        database_url=database_url,
        scheduler_poll_seconds=0.2,
        quiet_hours="00:00-00:00",
    )
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
