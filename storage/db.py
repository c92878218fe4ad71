"""Engine and session factory, with the SQLite pragmas the project relies on."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_POOL_SIZE = 3
"""Connections to a SQLite file. It has one write lock, so more connections only queue on
it, and each costs a thread and a page cache: 15 (the pool's default) held 8 MB more after
a few thousand updates than 3 do, at the same throughput (bench/memory_bench.py). Three
cover an update, the outbox sender and a scheduler sweep at once."""


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine; on SQLite foreign keys are enforced and the journal is WAL, and a
    file database gets a pool of SQLITE_POOL_SIZE connections."""
    if _is_sqlite_file(url) and "poolclass" not in kwargs:
        kwargs.setdefault("pool_size", SQLITE_POOL_SIZE)
        kwargs.setdefault("max_overflow", 0)
    engine = create_async_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def _is_sqlite_file(url: str) -> bool:
    parsed = make_url(url)
    database = parsed.database or ""
    return (
        parsed.get_backend_name() == "sqlite"
        and database not in ("", ":memory:")
        and parsed.query.get("mode") != "memory"
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Writers queue on SQLite's one write lock. In a burst (a meeting's members all tapping
    # "sign in" within seconds, 32+ updates in flight) 5 s let unlucky ones time out: the
    # member was told something went wrong and the update answered 500. Waiting is better.
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
