"""Need tickets, their history and their service-level reminders. Flushes, never commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import case, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Organization,
    Ticket,
    TicketEvent,
    TicketReminder,
    TicketReminderKind,
    TicketStatus,
)

OPEN_STATUSES = (
    TicketStatus.NEW,
    TicketStatus.POSTED,
    TicketStatus.ASSIGNED,
    TicketStatus.IN_PROGRESS,
)
# Ticket ids arrive in callback data anyone can forge; PostgreSQL's INTEGER holds 32 bits.
ID_MAX = 2**31 - 1


class TicketRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, ticket: Ticket) -> Ticket:
        self._session.add(ticket)
        await self._session.flush()
        return ticket

    async def get(self, ticket_id: int) -> Ticket | None:
        if not 0 < ticket_id <= ID_MAX:
            return None
        return await self._session.get(Ticket, ticket_id)

    async def flush(self) -> None:
        await self._session.flush()

    def record(self, event: TicketEvent) -> None:
        self._session.add(event)

    async def events(self, ticket_id: int) -> Sequence[TicketEvent]:
        rows = await self._session.scalars(
            select(TicketEvent)
            .where(TicketEvent.ticket_id == ticket_id)
            .order_by(TicketEvent.at, TicketEvent.id)
        )
        return rows.all()

    async def of_reporter(self, person_id: int, offset: int, limit: int) -> Sequence[Ticket]:
        rows = await self._session.scalars(
            select(Ticket)
            .where(Ticket.reporter_id == person_id)
            .order_by(Ticket.reported_at.desc(), Ticket.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return rows.all()

    async def count_of_reporter(self, person_id: int) -> int:
        return int(
            await self._session.scalar(
                select(func.count(Ticket.id)).where(Ticket.reporter_id == person_id)
            )
            or 0
        )

    async def of_assignee(self, person_id: int, offset: int, limit: int) -> Sequence[Ticket]:
        """The member's tickets: the ones still to do first, earliest due first."""
        open_first = case(
            (Ticket.status.in_([TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS]), 0), else_=1
        )
        rows = await self._session.scalars(
            select(Ticket)
            .where(Ticket.assignee_id == person_id)
            .order_by(open_first, Ticket.due_at, Ticket.id)
            .offset(offset)
            .limit(limit)
        )
        return rows.all()

    async def count_of_assignee(self, person_id: int) -> int:
        return int(
            await self._session.scalar(
                select(func.count(Ticket.id)).where(Ticket.assignee_id == person_id)
            )
            or 0
        )

    def _open_under(self, paths: Iterable[str]) -> list[object]:
        return [
            Ticket.status.in_(OPEN_STATUSES),
            or_(*(Organization.path.startswith(p, autoescape=True) for p in paths)),
        ]

    async def open_under(
        self, paths: Sequence[str], now: datetime, offset: int, limit: int
    ) -> Sequence[Ticket]:
        """Open tickets of the organizations under `paths`: overdue first, then by status
        (undispatched first) and age."""
        if not paths:
            return []
        overdue_first = case((Ticket.due_at < now, 0), else_=1)
        stage = case({s: i for i, s in enumerate(OPEN_STATUSES)}, value=Ticket.status)
        rows = await self._session.scalars(
            select(Ticket)
            .join(Organization, Organization.id == Ticket.org_id)
            .where(*self._open_under(paths))  # type: ignore[arg-type]
            .order_by(overdue_first, stage, Ticket.due_at, Ticket.id)
            .offset(offset)
            .limit(limit)
        )
        return rows.all()

    async def count_open_under(self, paths: Sequence[str]) -> int:
        if not paths:
            return 0
        return int(
            await self._session.scalar(
                select(func.count(Ticket.id))
                .join(Organization, Organization.id == Ticket.org_id)
                .where(*self._open_under(paths))  # type: ignore[arg-type]
            )
            or 0
        )

    async def open_load(self, person_ids: Iterable[int]) -> dict[int, int]:
        """How many open tickets each person holds (assigned or in progress)."""
        wanted = list(set(person_ids))
        if not wanted:
            return {}
        rows = await self._session.execute(
            select(Ticket.assignee_id, func.count(Ticket.id))
            .where(
                Ticket.assignee_id.in_(wanted),
                Ticket.status.in_([TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS]),
            )
            .group_by(Ticket.assignee_id)
        )
        return {int(person): int(count) for person, count in rows.all() if person is not None}

    async def open_in_org(self, org_id: int, limit: int) -> Sequence[Ticket]:
        rows = await self._session.scalars(
            select(Ticket)
            .where(Ticket.org_id == org_id, Ticket.status.in_(OPEN_STATUSES))
            .order_by(Ticket.reported_at.desc(), Ticket.id.desc())
            .limit(limit)
        )
        return rows.all()

    async def reported_between(
        self, org_ids: Iterable[int], start: datetime, end: datetime
    ) -> Sequence[Ticket]:
        rows = await self._session.scalars(
            select(Ticket)
            .where(
                Ticket.org_id.in_(list(org_ids)),
                Ticket.reported_at >= start,
                Ticket.reported_at < end,
            )
            .order_by(Ticket.id)
        )
        return rows.all()

    # reminders
    async def plan(self, reminders: Iterable[TicketReminder]) -> None:
        self._session.add_all(list(reminders))
        await self._session.flush()

    async def drop_unsent(
        self, ticket_id: int, kinds: Iterable[TicketReminderKind] | None = None
    ) -> None:
        query = delete(TicketReminder).where(
            TicketReminder.ticket_id == ticket_id, TicketReminder.sent_at.is_(None)
        )
        if kinds is not None:
            query = query.where(TicketReminder.kind.in_(list(kinds)))
        await self._session.execute(query)

    async def reminders(self, ticket_id: int) -> Sequence[TicketReminder]:
        rows = await self._session.scalars(
            select(TicketReminder)
            .where(TicketReminder.ticket_id == ticket_id)
            .order_by(TicketReminder.due_at, TicketReminder.id)
        )
        return rows.all()

    async def due_reminders(self, now: datetime, limit: int) -> Sequence[TicketReminder]:
        rows = await self._session.scalars(
            select(TicketReminder)
            .where(TicketReminder.sent_at.is_(None), TicketReminder.due_at <= now)
            .order_by(TicketReminder.due_at, TicketReminder.id)
            .limit(limit)
        )
        return rows.all()

    async def claim_reminder(self, reminder_id: int, now: datetime) -> bool:
        """Mark a reminder done; False if another sweep took it first (never twice)."""
        result = await self._session.execute(
            update(TicketReminder)
            .where(TicketReminder.id == reminder_id, TicketReminder.sent_at.is_(None))
            .values(sent_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)
