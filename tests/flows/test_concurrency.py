"""One user's slow Telegram call must not stall or fail another user's update (on SQLite
the write lock would otherwise be held across Telegram calls)."""

from __future__ import annotations

import asyncio

from aiogram import Bot
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import SendMessage
from aiogram.types import Update

from bot.app import build_dispatcher
from bot.config import Settings
from tests.factories import build_tree
from tests.fakes import TOKEN, Chatter, RecordingSession


class SlowSession(RecordingSession):
    """Telegram answering chat 2001 slowly (a 429 backoff, a slow network...)."""

    async def make_request(self, bot, method, timeout=None):  # noqa: ASYNC109
        if isinstance(method, SendMessage) and method.chat_id == 2001:
            await asyncio.sleep(6)
        return await super().make_request(bot, method, timeout)


async def test_a_slow_reply_to_one_user_does_not_fail_another(
    session_factory, uow, clock, backend
) -> None:
    await build_tree(uow)
    settings = Settings(_env_file=None, bot_token=TOKEN)
    dp = build_dispatcher(settings, session_factory, clock=clock, storage=MemoryStorage())
    session = SlowSession()
    bot = Bot(token=TOKEN, session=session)
    await dp.emit_startup(bot=bot, bots=[bot], dispatcher=dp)

    async def later(update: Update) -> object:
        await asyncio.sleep(0.2)
        return await dp.feed_update(bot, update)

    await asyncio.gather(
        dp.feed_update(bot, Chatter(2001, "书记甲").text("/help")),
        later(Chatter(3001, "Bater", "mn").text("/help")),
    )
    assert session.sent(3001), f"user 3001 got no answer ({backend})"
