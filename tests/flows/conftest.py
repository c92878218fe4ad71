"""A harness that feeds updates through the real Dispatcher (real middlewares, routers,
i18n, database) with a Bot whose session records what would have gone to Telegram."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.types import Update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import build_dispatcher
from bot.config import Settings
from bot.conversations import CompactMemoryStorage
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.fakes import TOKEN, RecordingSession


class Harness:
    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        session: RecordingSession,
        uow: Callable[[], UnitOfWork],
    ) -> None:
        self.dp = dispatcher
        self.bot = bot
        self.session = session
        self.uow = uow

    async def send(self, update: Update) -> Any:
        return await self.dp.feed_update(self.bot, update)


@pytest.fixture
async def harness(
    session_factory: async_sessionmaker[AsyncSession],
    uow: Callable[[], UnitOfWork],
    clock: FakeClock,
) -> AsyncIterator[Harness]:
    settings = Settings(_env_file=None, bot_token=TOKEN)
    dispatcher = build_dispatcher(
        settings, session_factory, clock=clock, storage=CompactMemoryStorage()
    )
    session = RecordingSession()
    bot = Bot(token=TOKEN, session=session)
    await dispatcher.emit_startup(bot=bot, bots=[bot], dispatcher=dispatcher)
    session.clear()
    yield Harness(dispatcher, bot, session, uow)
    await dispatcher.emit_shutdown(bot=bot, bots=[bot], dispatcher=dispatcher)
