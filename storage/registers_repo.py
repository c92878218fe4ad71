"""The reads of a branch's registers, as whole sets: the meetings of a period under the branch
with their invitations and sign-ins, its party members, and the tickets of a period with their
events and every name they mention. Each is one statement however many meetings, members or
tickets: the sets below are selected by the same criteria as subqueries, never as id lists."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Select, select, union
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.services.roles import MeetingKind, Role, SignInMethod
from storage.models import (
    Attendance,
    AttendanceStatus,
    Invitation,
    InvitationResponse,
    Meeting,
    MeetingStatus,
    Membership,
    Organization,
    Person,
    Ticket,
    TicketEvent,
)


class MeetingRow(NamedTuple):
    id: int
    org_name: str
    kind: MeetingKind
    title: str
    venue: str
    starts_at: datetime
    status: MeetingStatus
    minutes: str
    minutes_photos: list[str]


class InvitationRow(NamedTuple):
    meeting_id: int
    person_id: int
    name: str
    response: InvitationResponse
    leave_reason: str


class AttendanceRow(NamedTuple):
    meeting_id: int
    person_id: int
    name: str
    method: SignInMethod
    signed_at: datetime
    status: AttendanceStatus
    proxy_by: str | None  # the proxy's name


class RegistersRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    @staticmethod
    def _meeting_ids(path: str, start: datetime, end: datetime, now: datetime) -> Select[int]:
        """Meetings of organizations under `path` starting in [start, end) and by `now`."""
        return (
            select(Meeting.id)
            .join(Organization, Organization.id == Meeting.org_id)
            .where(
                Organization.path.startswith(path, autoescape=True),
                Meeting.starts_at >= start,
                Meeting.starts_at < end,
                Meeting.starts_at <= now,
            )
        )

    async def meetings(
        self, path: str, start: datetime, end: datetime, now: datetime
    ) -> list[MeetingRow]:
        """The started meetings of the window under `path` (cancelled ones too), by start."""
        rows = await self._session.execute(
            select(
                Meeting.id,
                Organization.name,
                Meeting.kind,
                Meeting.title,
                Meeting.venue,
                Meeting.starts_at,
                Meeting.status,
                Meeting.minutes,
                Meeting.minutes_photos,
            )
            .join(Organization, Organization.id == Meeting.org_id)
            .where(Meeting.id.in_(self._meeting_ids(path, start, end, now)))
            .order_by(Meeting.starts_at, Meeting.id)
        )
        return [MeetingRow._make(row) for row in rows]

    async def invitations(
        self, path: str, start: datetime, end: datetime, now: datetime
    ) -> list[InvitationRow]:
        """Everyone invited to those meetings, with their name and answer."""
        rows = await self._session.execute(
            select(
                Invitation.meeting_id,
                Invitation.person_id,
                Person.display_name,
                Invitation.response,
                Invitation.leave_reason,
            )
            .join(Person, Person.id == Invitation.person_id)
            .where(Invitation.meeting_id.in_(self._meeting_ids(path, start, end, now)))
        )
        return [InvitationRow._make(row) for row in rows]

    async def attendances(
        self, path: str, start: datetime, end: datetime, now: datetime
    ) -> list[AttendanceRow]:
        """Every sign-in to those meetings, whatever its status, with the signer's name (one
        not invited has no invitation to carry it) and the proxy's."""
        proxy = aliased(Person)
        rows = await self._session.execute(
            select(
                Attendance.meeting_id,
                Attendance.person_id,
                Person.display_name,
                Attendance.method,
                Attendance.signed_at,
                Attendance.status,
                proxy.display_name,
            )
            .join(Person, Person.id == Attendance.person_id)
            .outerjoin(proxy, proxy.id == Attendance.proxy_by_id)
            .where(Attendance.meeting_id.in_(self._meeting_ids(path, start, end, now)))
        )
        return [AttendanceRow._make(row) for row in rows]

    async def holders(self, path: str, roles: Collection[Role]) -> list[tuple[int, str]]:
        """(id, name) of the people holding one of `roles` under `path`, each once."""
        rows = await self._session.execute(
            select(Person.id, Person.display_name)
            .join(Membership, Membership.person_id == Person.id)
            .join(Organization, Organization.id == Membership.org_id)
            .where(
                Organization.path.startswith(path, autoescape=True),
                Membership.role.in_(list(roles)),
            )
            .distinct()
        )
        return [(row.id, row.display_name) for row in rows]

    @staticmethod
    def _ticket_ids(org_id: int, start: datetime, end: datetime) -> Select[int]:
        return select(Ticket.id).where(
            Ticket.org_id == org_id, Ticket.reported_at >= start, Ticket.reported_at < end
        )

    async def tickets(self, org_id: int, start: datetime, end: datetime) -> list[Ticket]:
        """The organization's tickets reported in [start, end), every status, by report."""
        rows = await self._session.scalars(
            select(Ticket)
            .where(Ticket.id.in_(self._ticket_ids(org_id, start, end)))
            .order_by(Ticket.reported_at, Ticket.id)
        )
        return list(rows.all())

    async def ticket_events(
        self, org_id: int, start: datetime, end: datetime
    ) -> list[TicketEvent]:
        """All events of those tickets, whenever they happened, ticket by ticket in order."""
        rows = await self._session.scalars(
            select(TicketEvent)
            .where(TicketEvent.ticket_id.in_(self._ticket_ids(org_id, start, end)))
            .order_by(TicketEvent.ticket_id, TicketEvent.at, TicketEvent.id)
        )
        return list(rows.all())

    async def ticket_names(self, org_id: int, start: datetime, end: datetime) -> dict[int, str]:
        """The names of everyone those tickets mention: reporters, assignees, the events'
        actors and the members the events assigned them to."""
        tickets = self._ticket_ids(org_id, start, end)
        mentioned = union(
            select(Ticket.reporter_id).where(Ticket.id.in_(tickets)),
            select(Ticket.assignee_id).where(Ticket.id.in_(tickets)),
            select(TicketEvent.actor_id).where(TicketEvent.ticket_id.in_(tickets)),
            select(TicketEvent.data["assignee"].as_integer()).where(
                TicketEvent.ticket_id.in_(tickets)
            ),
        )
        rows = await self._session.execute(
            select(Person.id, Person.display_name).where(Person.id.in_(mentioned))
        )
        return {row.id: row.display_name for row in rows}
