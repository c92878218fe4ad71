"""The reads of the meeting-deadline feature, as whole sets: every organization, the meetings
of a time window, the meetings with a confirmed sign-in, the officers and admins who can be
reached. Each is one statement whatever the number of branches; rows come back as plain
tuples (no ORM objects), since a sweep reads tens of thousands of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Executable, and_, false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.roles import Level, MeetingKind, Role
from storage.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Membership,
    Organization,
    Person,
)


class OrgRow(NamedTuple):
    id: int
    parent_id: int | None
    path: str
    level: Level
    name: str
    timezone: str | None
    settings: dict[str, Any] | None
    created_at: datetime


class MeetingRow(NamedTuple):
    id: int
    org_id: int
    kind: MeetingKind
    starts_at: datetime


class HolderRow(NamedTuple):
    org_id: int
    person_id: int
    telegram_id: int
    language: str | None


@dataclass(frozen=True)
class Window:
    """Meetings of these kinds starting in [start, end)."""

    kinds: frozenset[MeetingKind]
    start: datetime
    end: datetime


_ORG_COLUMNS = (
    Organization.id,
    Organization.parent_id,
    Organization.path,
    Organization.level,
    Organization.name,
    Organization.timezone,
    Organization.settings,
    Organization.created_at,
)


def in_windows(windows: Sequence[Window]) -> ColumnElement[bool]:
    """Meetings of a window's kinds starting inside it, for any of `windows`."""
    clauses = [
        and_(
            Meeting.kind.in_(sorted(w.kinds)),
            Meeting.starts_at >= w.start,
            Meeting.starts_at < w.end,
        )
        for w in windows
        if w.kinds
    ]
    return or_(*clauses) if clauses else false()


class DeadlineRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _rows(self, query: Executable) -> Sequence[Sequence[Any]]:
        """Run a Core select on the session's connection, past the ORM's loading machinery
        (hundreds of thousands of plain rows a sweep)."""
        connection = await self._session.connection()
        return (await connection.execute(query)).all()  # one fetchall, not one call a row

    async def organizations(self) -> list[OrgRow]:
        """The whole forest, each node after its parent (path order)."""
        rows = await self._rows(select(*_ORG_COLUMNS).order_by(Organization.path))
        return [OrgRow._make(row) for row in rows]

    async def lineage_and_subtree(self, org: Organization) -> list[OrgRow]:
        """`org`, everything below it and its ancestors (whose settings it inherits)."""
        ancestors = [int(part) for part in org.path.strip("/").split("/") if part]
        rows = await self._rows(
            select(*_ORG_COLUMNS)
            .where(
                or_(
                    Organization.path.startswith(org.path, autoescape=True),
                    Organization.id.in_(ancestors),
                )
            )
            .order_by(Organization.path)
        )
        return [OrgRow._make(row) for row in rows]

    async def meetings(
        self, windows: Sequence[Window], now: datetime, under: str | None = None
    ) -> tuple[list[MeetingRow], set[int]]:
        """Meetings not cancelled in any of the windows (of organizations under the path
        `under`, if given), and which of them have started and have a confirmed sign-in.

        One statement: a meeting's sign-ins are looked up by its id (an index), where a join
        from the sign-ins side read all of them, every meeting of every year (a second as
        long as the meetings' own read on ten thousand branches)."""
        signed = (
            select(Attendance.id)
            .where(
                Attendance.meeting_id == Meeting.id,
                Attendance.status == AttendanceStatus.CONFIRMED,
            )
            .exists()
        )
        query = select(Meeting.id, Meeting.org_id, Meeting.kind, Meeting.starts_at, signed).where(
            Meeting.status != MeetingStatus.CANCELLED, in_windows(windows)
        )
        if under is not None:
            query = query.join(Organization, Organization.id == Meeting.org_id).where(
                Organization.path.startswith(under, autoescape=True)
            )
        found: list[MeetingRow] = []
        attended: set[int] = set()
        for meeting_id, org_id, kind, starts_at, confirmed in await self._rows(query):
            found.append(MeetingRow(meeting_id, org_id, kind, starts_at))
            if confirmed and starts_at <= now:
                attended.add(meeting_id)
        return found, attended

    async def reachable_holders(self, roles: Sequence[Role], level: Level) -> list[HolderRow]:
        """Everyone on Telegram holding one of `roles` in an organization of `level`."""
        rows = await self._rows(
            select(Membership.org_id, Person.id, Person.telegram_id, Person.language)
            .join(Person, Person.id == Membership.person_id)
            .join(Organization, Organization.id == Membership.org_id)
            .where(
                Membership.role.in_(list(roles)),
                Organization.level == level,
                Person.telegram_id.is_not(None),
            )
            .order_by(Membership.org_id, Person.id)
        )
        return [HolderRow._make(row) for row in rows]
