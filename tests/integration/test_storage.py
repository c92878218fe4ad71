"""Storage on the real database: migrations match the models, paths move with subtrees."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text

from bot.services.roles import Kind, Level
from storage.db import SQLITE_POOL_SIZE, create_engine
from storage.models import Base, Organization, Person
from tests.factories import make_org


async def test_models_match_migrations(engine) -> None:
    def diff(connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))

    async with engine.connect() as connection:
        differences = await connection.run_sync(diff)
    assert differences == []


async def test_sqlite_pragmas_or_postgres(engine, backend) -> None:
    async with engine.connect() as connection:
        if backend == "sqlite":
            assert (await connection.execute(text("PRAGMA foreign_keys"))).scalar() == 1
            assert (await connection.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        else:
            assert (await connection.execute(text("select 1"))).scalar() == 1


async def test_a_sqlite_file_gets_a_small_pool_and_memory_databases_keep_theirs(
    engine, backend, tmp_path
) -> None:
    """Three connections to a SQLite file (each is a thread and a page cache); a fourth
    caller waits for one to come back instead of opening more."""
    if backend != "sqlite":
        assert engine.pool.size() > SQLITE_POOL_SIZE  # PostgreSQL keeps SQLAlchemy's pool
        return
    assert engine.pool.size() == SQLITE_POOL_SIZE
    held = [await engine.connect() for _ in range(SQLITE_POOL_SIZE)]
    waiting = asyncio.create_task(engine.connect().start())
    await asyncio.sleep(0.2)
    assert not waiting.done()
    await held.pop().close()
    held.append(await asyncio.wait_for(waiting, 5))
    assert (await held[-1].execute(text("select 1"))).scalar() == 1
    for connection in held:
        await connection.close()

    memory = create_engine("sqlite+aiosqlite://")
    async with memory.connect() as connection:
        assert (await connection.execute(text("select 2"))).scalar() == 2
    await memory.dispose()


async def test_datetimes_come_back_aware_utc(uow) -> None:
    moment = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
    async with uow() as u:
        u.session.add(Person(telegram_id=1, display_name="a", created_at=moment))
        await u.commit()
    async with uow() as u:
        person = (await u.session.scalars(select(Person))).one()
        assert person.created_at == moment and person.created_at.tzinfo is not None


async def test_moving_a_branch_rewrites_its_subtree_paths(uow) -> None:
    async with uow() as u:
        c1 = await make_org(u, "C1", Level.COMMITTEE)
        c2 = await make_org(u, "C2", Level.COMMITTEE)
        branch = await make_org(u, "B", Level.BRANCH, c1, Kind.GRID)
        group = await make_org(u, "G", Level.GROUP, branch)
        await u.commit()
    async with uow() as u:
        moving = await u.organizations.get(branch.id)
        target = await u.organizations.get(c2.id)
        assert moving is not None and target is not None
        await u.organizations.move(moving, target)
        await u.commit()
    async with uow() as u:
        moved_group = await u.organizations.get(group.id)
        root = await u.organizations.get(c2.id)
        assert root is not None and moved_group is not None
        assert moved_group.path == f"/{c2.id}/{branch.id}/{group.id}/"
        assert [o.code for o in await u.organizations.subtree(root)] == ["C2", "B", "G"]


async def test_concurrent_sessions_do_not_lose_writes(uow) -> None:
    async def add(i: int) -> None:
        async with uow() as u:
            u.session.add(
                Organization(
                    code=f"X{i}",
                    name="x",
                    level=Level.COMMITTEE,
                    path="",
                    settings={},
                    created_at=datetime.now(UTC),
                )
            )
            await u.commit()

    await asyncio.gather(*(add(i) for i in range(20)))
    async with uow() as u:
        assert await u.organizations.count() == 20
