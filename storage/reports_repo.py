"""The reads of the reports, as whole sets under one organization (a branch or a committee):
its tree, the meetings started with their attendance counts, the dues profiles of the
people assessed there and their credits summed per branch and month, the tickets, the
guidance receipts. Each is one statement whatever the number of branches, members or
meetings; the subtree is a path prefix (a subquery or join), never a growing list of ids.
Column reads come back as plain tuples (no ORM objects): the pure part of the reports works
on them in a thread."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple, TypeVarTuple

from sqlalchemy import Row, Select, and_, case, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.roles import MeetingKind
from storage.deadlines_repo import Window, in_windows
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

_Ts = TypeVarTuple("_Ts")
_BATCH = 2_000


class CountedRow(NamedTuple):
    """A started meeting, not cancelled, with its attendance counts: held (as the deadlines
    judge it) when `present` is above 0; reports.MeetingAttendance's raw form."""

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


class PaidRow(NamedTuple):
    """The credits of one month at one branch, where the profile row in force put them."""

    branch_id: int
    month: int
    paid_fen: int  # every credit, a voluntary extra or an exempt member's payment too
    months_paid: int  # of those, member-months with something due


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

    async def _rows(self, query: Select[*_Ts]) -> list[Row[*_Ts]]:
        """Plain rows on the session's connection (no ORM loading), in batches: turning tens
        of thousands of rows into Python values holds the event loop a batch at a time, not
        all at once."""
        connection = await self._session.connection()
        found: list[Row[*_Ts]] = []
        async for batch in (await connection.stream(query)).partitions(_BATCH):
            found.extend(batch)
        return found

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

    async def started_meetings(
        self,
        under: str,
        start: datetime,
        end: datetime,
        windows: Sequence[Window],
        now: datetime,
    ) -> list[CountedRow]:
        """Meetings below `under`, not cancelled, started by `now`, starting in [start, end)
        (any kind) or in one of `windows` (its kinds), each with its invitations, confirmed
        sign-ins, and approved leaves of those with no sign-in confirmed or waiting for
        review (as meetings.summary counts them). One statement for both what the slots
        ask (held or not) and the attendance of the meetings held."""
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
        # the earliest start wanted first, so the index on (org, start) skips older meetings
        earliest = min([start, *(w.start for w in windows)])
        query = select(
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
            Meeting.starts_at >= earliest,
            Meeting.starts_at <= now,
            or_(and_(Meeting.starts_at >= start, Meeting.starts_at < end), in_windows(windows)),
        )
        return [CountedRow._make(row) for row in await self._rows(query)]

    @staticmethod
    def _assessed_under(under: str) -> Select[int]:
        """The people with a dues profile at a branch below `under`."""
        return select(DuesProfile.person_id).where(DuesProfile.branch_id.in_(_under(under)))

    async def dues_profiles(self, under: str, last: int) -> list[DuesRow]:
        """Every profile row up to month `last` of everybody assessed below `under` (their
        rows elsewhere too: a member who moved pays where the row in force says), by person
        and month."""
        query = (
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
        return [DuesRow._make(row) for row in await self._rows(query)]

    async def dues_paid(self, under: str, first: int, last: int) -> list[PaidRow]:
        """The months [first, last] paid, summed per branch below `under` and month where
        the payer's profile row in force that month puts them (each row runs until the
        person's next one), instead of one row per member-month."""
        spans = (
            select(
                DuesProfile.person_id,
                DuesProfile.branch_id,
                DuesProfile.from_month,
                DuesProfile.amount_fen,
                func.lead(DuesProfile.from_month)
                .over(partition_by=DuesProfile.person_id, order_by=DuesProfile.from_month)
                .label("until"),
            )
            .where(
                DuesProfile.person_id.in_(self._assessed_under(under)),
                DuesProfile.from_month <= last,
            )
            .subquery()
        )
        query = (
            select(
                spans.c.branch_id,
                DuesCredit.month,
                func.sum(DuesCredit.amount_fen),
                func.count(case((spans.c.amount_fen > 0, 1))),
            )
            .join(
                DuesCredit,
                and_(
                    DuesCredit.person_id == spans.c.person_id,
                    DuesCredit.month >= spans.c.from_month,
                    or_(spans.c.until.is_(None), DuesCredit.month < spans.c.until),
                ),
            )
            .where(
                spans.c.branch_id.in_(_under(under)),
                DuesCredit.month >= first,
                DuesCredit.month <= last,
            )
            .group_by(spans.c.branch_id, DuesCredit.month)
        )
        return [PaidRow(*(int(value) for value in row)) for row in await self._rows(query)]

    async def tickets(self, under: str, start: datetime, end: datetime) -> list[TicketRow]:
        """Tickets of the organizations below `under` reported in [start, end)."""
        query = select(
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
        return [TicketRow._make(row) for row in await self._rows(query)]

    async def receipts(self, under: str, months: Sequence[str]) -> list[ReceiptRow]:
        """The receipts of branches below `under` of the guidance published for `months`
        ("2026-11")."""
        query = (
            select(GuidanceReceipt.branch_id, GuidanceReceipt.acknowledged_at.is_not(None))
            .join(Guidance, Guidance.id == GuidanceReceipt.guidance_id)
            .where(
                GuidanceReceipt.branch_id.in_(_under(under)),
                Guidance.status == GuidanceStatus.PUBLISHED,
                Guidance.month.in_(list(months)),
            )
        )
        return [
            ReceiptRow(int(branch_id), bool(acknowledged))
            for branch_id, acknowledged in await self._rows(query)
        ]
