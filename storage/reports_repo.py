"""The reads of the reports, as whole sets under one organization (a branch or a committee):
its tree, the meetings held with their attendance counts, the dues profiles and credits of
the people assessed there, the tickets, the guidance receipts. Each is one statement
whatever the number of branches, members or meetings; the subtree is a path prefix (a
subquery or join), never a growing list of ids."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.roles import MeetingKind
from storage.models import (
    Attendance,
    AttendanceStatus,
    DuesCredit,
    DuesProfile,
    Guidance,
    GuidanceReceipt,
    GuidanceStatus,
    Invitation,
    InvitationResponse,
    Meeting,
    MeetingStatus,
    Organization,
    Ticket,
    TicketStatus,
)


class HeldRow(NamedTuple):
    """A held meeting with its attendance counts (reports.MeetingAttendance's raw form)."""

    id: int
    org_id: int
    kind: MeetingKind
    title: str
    starts_at: datetime
    invited: int
    present: int
    on_leave: int


class DuesRow(NamedTuple):
    person_id: int
    branch_id: int
    from_month: int
    amount_fen: int


class CreditRow(NamedTuple):
    person_id: int
    month: int
    amount_fen: int


class TicketRow(NamedTuple):
    org_id: int
    status: TicketStatus
    reported_at: datetime
    due_at: datetime
    resolved_at: datetime | None
    rating: int | None


class ReceiptRow(NamedTuple):
    branch_id: int
    acknowledged: bool


def _under(path: str) -> Select[int]:
    """The ids of the organizations at or below `path`."""
    return select(Organization.id).where(Organization.path.startswith(path, autoescape=True))


class ReportsRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def organizations(self, root: Organization) -> list[Organization]:
        """`root`, everything below it and its ancestors (whose settings it inherits), each
        after its parent."""
        ancestors = [int(part) for part in root.path.strip("/").split("/") if part]
        rows = await self._session.scalars(
            select(Organization)
            .where(
                or_(
                    Organization.path.startswith(root.path, autoescape=True),
                    Organization.id.in_(ancestors),
                )
            )
            .order_by(Organization.path)
        )
        return list(rows.all())

    async def held_meetings(
        self, under: str, start: datetime, end: datetime, now: datetime
    ) -> list[HeldRow]:
        """Meetings below `under` starting in [start, end) that were held (started by `now`,
        not cancelled, a confirmed sign-in): invitations, confirmed sign-ins, and approved
        leaves of those with no sign-in confirmed or waiting for review."""
        invited = (
            select(func.count(Invitation.id))
            .where(Invitation.meeting_id == Meeting.id)
            .correlate(Meeting)
            .scalar_subquery()
        )
        present = (
            select(func.count(Attendance.id))
            .where(
                Attendance.meeting_id == Meeting.id,
                Attendance.status == AttendanceStatus.CONFIRMED,
            )
            .correlate(Meeting)
            .scalar_subquery()
        )
        # signed in (or waiting for review): not on leave, as meetings.summary counts it
        came = exists().where(
            Attendance.meeting_id == Invitation.meeting_id,
            Attendance.person_id == Invitation.person_id,
            Attendance.status.in_([AttendanceStatus.CONFIRMED, AttendanceStatus.PENDING_REVIEW]),
        )
        on_leave = (
            select(func.count(Invitation.id))
            .where(
                Invitation.meeting_id == Meeting.id,
                Invitation.response == InvitationResponse.LEAVE_APPROVED,
                ~came,
            )
            .correlate(Meeting)
            .scalar_subquery()
        )
        rows = await self._session.execute(
            select(
                Meeting.id,
                Meeting.org_id,
                Meeting.kind,
                Meeting.title,
                Meeting.starts_at,
                invited,
                present,
                on_leave,
            ).where(
                Meeting.org_id.in_(_under(under)),
                Meeting.status != MeetingStatus.CANCELLED,
                Meeting.starts_at >= start,
                Meeting.starts_at < end,
                Meeting.starts_at <= now,
                present > 0,
            )
        )
        return [HeldRow._make(row) for row in rows]

    @staticmethod
    def _assessed_under(under: str) -> Select[int]:
        """The people with a dues profile at a branch below `under`."""
        return select(DuesProfile.person_id).where(DuesProfile.branch_id.in_(_under(under)))

    async def dues_profiles(self, under: str, last: int) -> list[DuesRow]:
        """Every profile row up to month `last` of everybody assessed below `under` (their
        rows elsewhere too: a member who moved pays where the row in force says), by person
        and month."""
        rows = await self._session.execute(
            select(
                DuesProfile.person_id,
                DuesProfile.branch_id,
                DuesProfile.from_month,
                DuesProfile.amount_fen,
            )
            .where(
                DuesProfile.person_id.in_(self._assessed_under(under)),
                DuesProfile.from_month <= last,
            )
            .order_by(DuesProfile.person_id, DuesProfile.from_month)
        )
        return [DuesRow._make(row) for row in rows]

    async def dues_credits(self, under: str, first: int, last: int) -> list[CreditRow]:
        """The months [first, last] paid by everybody assessed below `under`."""
        rows = await self._session.execute(
            select(DuesCredit.person_id, DuesCredit.month, DuesCredit.amount_fen).where(
                DuesCredit.person_id.in_(self._assessed_under(under)),
                DuesCredit.month >= first,
                DuesCredit.month <= last,
            )
        )
        return [CreditRow._make(row) for row in rows]

    async def tickets(self, under: str, start: datetime, end: datetime) -> list[TicketRow]:
        """Tickets of the organizations below `under` reported in [start, end)."""
        rows = await self._session.execute(
            select(
                Ticket.org_id,
                Ticket.status,
                Ticket.reported_at,
                Ticket.due_at,
                Ticket.resolved_at,
                Ticket.rating,
            ).where(
                Ticket.org_id.in_(_under(under)),
                Ticket.reported_at >= start,
                Ticket.reported_at < end,
            )
        )
        return [TicketRow._make(row) for row in rows]

    async def receipts(self, under: str, months: Sequence[str]) -> list[ReceiptRow]:
        """The receipts of branches below `under` of the guidance published for `months`
        ("2026-11")."""
        rows = await self._session.execute(
            select(GuidanceReceipt.branch_id, GuidanceReceipt.acknowledged_at.is_not(None))
            .join(Guidance, Guidance.id == GuidanceReceipt.guidance_id)
            .where(
                GuidanceReceipt.branch_id.in_(_under(under)),
                Guidance.status == GuidanceStatus.PUBLISHED,
                Guidance.month.in_(list(months)),
            )
        )
        return [ReceiptRow(int(branch_id), bool(acknowledged)) for branch_id, acknowledged in rows]
