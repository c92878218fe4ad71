"""Reminder marks: which scheduled reminders and reports were handled, by unique key."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.bulk import insert_rows
from storage.models import ReminderMark


@dataclass(frozen=True)
class Mark:
    key: str
    kind: str
    period: str
    skipped: bool = False


class ReminderMarkRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def keys(self, kind: str, periods: Collection[str]) -> set[str]:
        """The keys already handled of one kind in these periods: one query for a whole sweep."""
        if not periods:
            return set()
        rows = await self._session.scalars(
            select(ReminderMark.key).where(
                ReminderMark.kind == kind, ReminderMark.period.in_(sorted(set(periods)))
            )
        )
        return set(rows.all())

    async def existing(self, keys: Collection[str]) -> set[str]:
        """Which of `keys` were handled already."""
        if not keys:
            return set()
        rows = await self._session.scalars(
            select(ReminderMark.key).where(ReminderMark.key.in_(sorted(set(keys))))
        )
        return set(rows.all())

    async def add(self, marks: Sequence[Mark], at: datetime) -> None:
        """Record many marks in one executemany (through the driver: a digest day writes tens
        of thousands). A key recorded before (another process got there first) fails the
        transaction: the caller's queued messages roll back with it."""
        if not marks:
            return
        table = ReminderMark.__table__
        assert isinstance(table, Table)
        await insert_rows(
            self._session,
            table,
            ("key", "kind", "period", "at", "skipped"),
            [(m.key, m.kind, m.period, at, m.skipped) for m in marks],
        )
