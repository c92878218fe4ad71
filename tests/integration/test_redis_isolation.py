"""Per-user update locks in the real Redis: a killed holder's lock lapses within the lease,
a slow handler keeps its lock past it, and different users never wait for each other."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from aiogram.fsm.storage.base import DefaultKeyBuilder, StorageKey
from redis.asyncio import Redis

from bot.app import build_isolation, build_storage
from bot.config import Settings
from bot.redis_isolation import LEASED_FOR, LeasedRedisEventIsolation
from tests.local_redis import REDIS_URL, needs_redis

LEASE = 0.6
ALICE = StorageKey(bot_id=42, chat_id=7001, user_id=7001)
BAYAR = StorageKey(bot_id=42, chat_id=7002, user_id=7002)


pytestmark = needs_redis


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    keys = [DefaultKeyBuilder().build(key, "lock") for key in (ALICE, BAYAR)]
    await client.delete(*keys)
    yield client
    await client.delete(*keys)
    await client.aclose()


async def test_a_lock_left_by_a_killed_process_lapses_within_the_lease(redis: Redis) -> None:
    # what a holder killed mid-update leaves behind: its last lease, never released
    assert await redis.lock(DefaultKeyBuilder().build(ALICE, "lock"), timeout=LEASE).acquire()
    started = time.monotonic()
    async with LeasedRedisEventIsolation(redis, lease=LEASE).lock(ALICE):
        waited = time.monotonic() - started
    assert 0.2 < waited < LEASE + 0.5


async def test_a_slow_handler_keeps_its_lock_past_the_lease(redis: Redis) -> None:
    first, second = (LeasedRedisEventIsolation(redis, lease=LEASE) for _ in range(2))
    order: list[str] = []

    async def slow() -> None:
        async with first.lock(ALICE):
            order.append("slow starts")
            await asyncio.sleep(3 * LEASE)
            order.append("slow ends")

    async def next_update() -> None:
        async with second.lock(ALICE):
            order.append("next")

    slow_task = asyncio.create_task(slow())
    await asyncio.sleep(0.05)
    await asyncio.gather(next_update(), slow_task)
    assert order == ["slow starts", "slow ends", "next"]
    assert await redis.exists(DefaultKeyBuilder().build(ALICE, "lock")) == 0  # released


async def test_different_users_do_not_wait_for_each_other(redis: Redis) -> None:
    isolation = LeasedRedisEventIsolation(redis, lease=LEASE)
    async with isolation.lock(ALICE):
        started = time.monotonic()
        async with isolation.lock(BAYAR):
            assert time.monotonic() - started < 0.2


async def test_the_bot_uses_leased_locks_when_redis_is_configured() -> None:
    storage = build_storage(Settings(_env_file=None, redis_url=REDIS_URL))
    try:
        isolation = build_isolation(storage)
        assert isinstance(isolation, LeasedRedisEventIsolation)
        assert isolation.lease == LEASED_FOR
    finally:
        await storage.close()
