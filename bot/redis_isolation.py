"""Per-user update locks across processes, in Redis (imported only when Redis is configured)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from aiogram.fsm.storage.base import BaseEventIsolation, DefaultKeyBuilder, KeyBuilder, StorageKey
from redis.asyncio import Redis
from redis.asyncio.lock import Lock
from redis.exceptions import LockError

log = logging.getLogger(__name__)
LEASED_FOR = 10.0  # seconds: how long a killed process's users may have to wait


class LeasedRedisEventIsolation(BaseEventIsolation):
    """One update per user at a time across processes, the lock in Redis under a lease of
    `lease` seconds that the holder renews every third of it while the update is handled.

    aiogram's RedisEventIsolation holds each lock for a fixed 60 s: a process killed
    mid-update left those users unanswered for a minute after the restart. Here a dead
    holder's lock lapses within `lease`, and a slow handler (an export) keeps its lock."""

    def __init__(
        self,
        redis: Redis,
        *,
        lease: float = LEASED_FOR,
        poll: float = 0.05,
        key_builder: KeyBuilder | None = None,
    ) -> None:
        self.redis = redis
        self.lease = lease
        self.poll = poll
        self.key_builder = key_builder or DefaultKeyBuilder()

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncGenerator[None, None]:
        lock = Lock(
            self.redis, self.key_builder.build(key, "lock"), timeout=self.lease, sleep=self.poll
        )
        await lock.acquire()
        renewal = asyncio.create_task(self._renew(lock))
        try:
            yield
        finally:
            renewal.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewal
            with contextlib.suppress(LockError):  # lapsed: someone else's now
                await lock.release()

    async def _renew(self, lock: Lock) -> None:
        while True:
            await asyncio.sleep(self.lease / 3)
            try:
                await lock.reacquire()
            except LockError:
                log.warning("a user's update lock lapsed while their update was handled")
                return

    async def close(self) -> None:
        pass
