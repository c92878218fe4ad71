"""storage.bulk writes rows through the driver: what it stores (raw, on SQLite and PostgreSQL)
must be what SQLAlchemy's own insert of the same values stores."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import Table, insert, text
from sqlalchemy.dialects import sqlite

from storage.bulk import insert_rows, processor_of
from storage.marks_repo import Mark
from storage.models import Broadcast, BroadcastKind, BroadcastStatus, ContentType, ReminderMark
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.factories import build_tree


def _table(model: Any) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


async def _stored(u: UnitOfWork, query: str) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in await u.session.execute(text(query))]


async def test_marks_are_stored_as_sqlalchemy_stores_them(
    uow: Callable[[], UnitOfWork], clock: FakeClock
) -> None:
    at = clock() + timedelta(microseconds=7)
    async with uow() as u:
        await u.marks.add(
            [Mark("raw:1", "dues-remind", "2026-11"), Mark("raw:2", "x", "2026-Q4", True)], at
        )
        await u.session.execute(
            insert(ReminderMark),
            [
                {"key": "core:1", "kind": "dues-remind", "period": "2026-11", "at": at},
                {"key": "core:2", "kind": "x", "period": "2026-Q4", "at": at, "skipped": True},
            ],
        )
        await u.commit()
    async with uow() as u:
        rows = await _stored(
            u, "SELECT key, kind, period, at, skipped FROM reminder_marks ORDER BY key"
        )
        assert await u.marks.keys("x", ["2026-Q4"]) == {"raw:2", "core:2"}
    core, raw = rows[:2], rows[2:]
    assert [r[1:] for r in raw] == [r[1:] for r in core]
    assert [r[0] for r in raw] == ["raw:1", "raw:2"]


async def test_broadcast_headers_are_stored_as_sqlalchemy_stores_them(
    uow: Callable[[], UnitOfWork], clock: FakeClock
) -> None:
    tree = await build_tree(uow)
    header = {
        "kind": BroadcastKind.DUES_DIGEST,
        "org_id": tree.branch_a.id,
        "content_type": ContentType.TEXT,
        "text": "",
        "payload": {"branch": "哈业胡同", "unpaid_members": [{"name": "巴特尔", "amount": 200}]},
        "urgent": True,
        "status": BroadcastStatus.QUEUED,
        "not_before": clock() + timedelta(hours=1, microseconds=5),
        "total": 3,
        "created_at": clock(),
    }
    async with uow() as u:
        await u.session.execute(insert(Broadcast), [{**header, "dedupe_key": "a:core"}])
        columns = [*header, "dedupe_key"]
        await insert_rows(u.session, _table(Broadcast), columns, [[*header.values(), "b:raw"]])
        await u.commit()
    async with uow() as u:
        rows = await _stored(
            u,
            "SELECT kind, org_id, content_type, text, payload, urgent, status, not_before,"
            " total, created_at, dedupe_key FROM broadcasts ORDER BY dedupe_key",
        )
        loaded = await u.outbox.by_dedupe_key("b:raw")
    assert rows[0][:-1] == rows[1][:-1]
    assert loaded is not None
    assert (loaded.payload, loaded.not_before, loaded.kind, loaded.urgent) == (
        header["payload"],
        header["not_before"],
        BroadcastKind.DUES_DIGEST,
        True,
    )


async def test_pending_orm_changes_are_written_first(
    uow: Callable[[], UnitOfWork], clock: FakeClock
) -> None:
    """As the session's own execute would: rows written through the driver may refer to them."""
    async with uow() as u:
        u.session.add(ReminderMark(key="orm", kind="x", period="2026-11", at=clock()))
        await u.marks.add([Mark("raw", "x", "2026-11")], clock())
        connection = await u.session.connection()
        count = await connection.exec_driver_sql("SELECT count(*) FROM reminder_marks")
        assert count.scalar() == 2


def test_remembered_conversions_tell_true_from_one_and_convert_documents_each_time() -> None:
    convert = processor_of(_table(Broadcast).c.payload, sqlite.dialect())
    assert [convert(v) for v in (1, True, 1, None)] == ["1", "true", "1", "null"]
    document = {"n": 1}
    assert convert(document) == '{"n": 1}'
    document["n"] = 2
    assert convert(document) == '{"n": 2}'
