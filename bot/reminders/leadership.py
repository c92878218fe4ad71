"""Which process's scheduler acts when several bot processes share one database.

Every process runs its scheduler; each sweep first asks `is_leader` and returns at once when
the answer is no. On SQLite there is one process per database file, so it always leads. On
PostgreSQL the leader is whoever holds a session-level advisory lock on one dedicated
connection: when that process dies its session ends, PostgreSQL frees the lock, and another
process takes it at its next poll. The database stays the source of truth for what is due
(reminder marks, outbox keys), so a sweep that overlaps a change of leader still sends nothing
twice; leadership only keeps the other processes from doing the same work for nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger(__name__)

SCHEDULER_LOCK_KEY = -3624228125763584089
"""The advisory lock key: the first 8 bytes of sha256(b"zhibu:scheduler") read as a signed
big-endian 64-bit integer (0xcdb427b8bae1bfa7). In pg_locks it shows as locktype 'advisory',
classid 3451135928, objid 3135356839, objsubid 1."""

POLL_SECONDS = 5.0
"""How often a follower tries to take the lock and the leader checks its connection."""


class Leadership(Protocol):
    """Whether this process's scheduler should act now."""

    @property
    def is_leader(self) -> bool: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


class SoleLeader:
    """One process per database (SQLite): always the leader."""

    @property
    def is_leader(self) -> bool:
        return True

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None


class AdvisoryLockLeadership:
    """Leadership held as a PostgreSQL advisory lock on one dedicated AUTOCOMMIT connection.

    A follower tries `pg_try_advisory_lock` every `poll` seconds; the leader runs `SELECT 1`
    every `poll` seconds, and any error or a check slower than `timeout` drops leadership at
    once, closes the connection and starts over with a new one.

    Two processes never both claim leadership: a leader claims only for `poll + timeout`
    after its last good check (its lease), and a process that has just taken the lock waits
    that long before it claims, so a leader cut off from the database has stopped claiming
    before the next one starts.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        key: int = SCHEDULER_LOCK_KEY,
        poll: float = POLL_SECONDS,
        timeout: float | None = None,
    ) -> None:
        self._engine = engine
        self._key = key
        self._poll = poll
        self._timeout = poll if timeout is None else timeout
        self._lease = poll + self._timeout
        self._connection: AsyncConnection | None = None
        self._holds_lock = False
        self._claim_from = 0.0
        self._lease_until = 0.0
        self._task: asyncio.Task[None] | None = None

    @property
    def is_leader(self) -> bool:
        return self._holds_lock and self._claim_from <= time.monotonic() < self._lease_until

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="scheduler-leadership")

    async def stop(self) -> None:
        """Give the lock back so another process can take over at its next poll."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        held, connection = self._holds_lock, self._connection
        self._drop("stopping")
        if held and connection is not None:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(self._timeout):
                    await connection.scalar(select(func.pg_advisory_unlock(self._key)))
        await self._discard()

    async def _run(self) -> None:
        while True:
            try:
                await self._hold()
            except Exception as error:  # any failure means: start over with a new connection
                self._drop(_first_line(error))
                await self._discard()
            await asyncio.sleep(self._poll)

    async def _hold(self) -> None:
        """Connect, then try for the lock (follower) or check the connection (leader)."""
        async with asyncio.timeout(self._timeout):
            connection = await self._engine.connect()
        self._connection = connection
        async with asyncio.timeout(self._timeout):
            await connection.execution_options(isolation_level="AUTOCOMMIT")
        while True:
            started = time.monotonic()
            async with asyncio.timeout(self._timeout):
                if self._holds_lock:
                    await connection.scalar(select(1))
                else:
                    taken = await connection.scalar(select(func.pg_try_advisory_lock(self._key)))
                    if taken:
                        self._take()
            if self._holds_lock:
                self._lease_until = started + self._lease
            # the next check starts `poll` after this one started, so a healthy leader renews
            # its lease before it runs out
            await asyncio.sleep(max(0.0, started + self._poll - time.monotonic()))

    def _take(self) -> None:
        self._holds_lock = True
        self._claim_from = time.monotonic() + self._lease
        log.info(
            "took the scheduler lock %d: this process leads in %.1f s", self._key, self._lease
        )

    def _drop(self, reason: str) -> None:
        if self._holds_lock:
            log.info("no longer the scheduler leader (%s)", reason)
        self._holds_lock = False
        self._lease_until = 0.0

    async def _discard(self) -> None:
        """Close the physical connection rather than pool it: a pooled session would keep
        the lock."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        with contextlib.suppress(Exception):
            async with asyncio.timeout(self._timeout):
                await connection.invalidate()
        with contextlib.suppress(Exception):
            async with asyncio.timeout(self._timeout):
                await connection.close()


def _first_line(error: Exception) -> str:
    """The error's kind and its first line (SQLAlchemy appends the SQL and a link)."""
    first = str(error).partition("\n")[0]
    return f"{type(error).__name__}: {first}"


def leadership_for(engine: AsyncEngine, poll: float = POLL_SECONDS) -> Leadership:
    """Advisory-lock leadership on PostgreSQL, the sole process elsewhere (SQLite). Every
    process of one deployment must use the same `poll`."""
    if engine.dialect.name == "postgresql":
        return AdvisoryLockLeadership(engine, poll=poll)
    return SoleLeader()
