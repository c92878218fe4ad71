"""Conversation state in the real Redis when ZHIBU_REDIS_URL is configured."""

from __future__ import annotations

import os
import socket

import pytest
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.redis import RedisStorage

from bot.app import build_storage
from bot.config import Settings

REDIS_URL = os.environ.get("ZHIBU_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")
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
