"""Conversation state in the real Redis when ZHIBU_REDIS_URL is configured."""

from __future__ import annotations

from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.redis import RedisStorage

from bot.app import build_storage
from bot.config import Settings
from tests.local_redis import REDIS_URL, needs_redis


@needs_redis
async def test_state_survives_in_redis_between_storages() -> None:
    settings = Settings(_env_file=None, redis_url=REDIS_URL)
    first, second = build_storage(settings), build_storage(settings)
    assert isinstance(first, RedisStorage)
    key = StorageKey(bot_id=42, chat_id=9001, user_id=9001)
    try:
        await first.set_state(key, "JoinFlow:name")
        await first.set_data(key, {"token": "abc"})
        # another process (another storage object) sees the same conversation
        assert await second.get_state(key) == "JoinFlow:name"
        assert await second.get_data(key) == {"token": "abc"}
    finally:
        await first.set_state(key, None)
        await first.set_data(key, {})
        await first.close()
        await second.close()
