"""The registers a branch keeps on paper, from what the bot already knows: the
organizational-life register (组织生活记录册, every meeting with who came and how), from
which the attendance matrix (members × meetings) is drawn, and the ticket register.

The dataclasses below are what the exports and the handler use. Both registers are read
as whole sets (storage.registers_repo): a fixed number of statements however many meetings,
invitations or tickets a period holds, so a year's register costs what a month's does.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.services import scope
from bot.services.access import Action, Actor
from bot.services.errors import InvalidInput
from bot.services.meetings import PARTY_ROLES
from bot.services.organizations import zone_of
from bot.services.periods import Period
from bot.services.roles import Level, MeetingKind, SignInMethod
from bot.services.tickets import HistoryLine, assignee_of, is_overdue
from storage.models import (
    AttendanceStatus,
    InvitationResponse,
    MeetingStatus,
    Organization,
    Ticket,
    TicketEvent,
)
from storage.registers_repo import AttendanceRow, InvitationRow, MeetingRow, RegistersRepository
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class Attendee:
    person_id: int
    name: str
    method: SignInMethod
    signed_at: datetime  # UTC, when they signed (not when it reached the server)
    proxy_by: str | None  # who signed them in, for a proxy sign-in
    # False for a confirmed sign-in without an invitation: counted present (the chat
    # report and the held rule count every confirmed sign-in), never invited
    invited: bool = True


@dataclass(frozen=True)
class Absentee:
    person_id: int
    name: str
    reason: str  # the leave reason ("" for an absence without leave)


@dataclass(frozen=True)
class RegisterEntry:
    """One meeting of the branch or one of its groups in the period."""

    meeting_id: int
    org_name: str  # the branch, or the party group
    kind: MeetingKind
    title: str  # the topic
    venue: str
    starts_at: datetime  # UTC
    status: MeetingStatus
    held: bool  # started, not cancelled, at least one confirmed sign-in (as deadlines count)
    invited: int  # 应到: the invitations (a sign-in without one is present, never invited)
    present: tuple[Attendee, ...]  # confirmed sign-ins, by method then name
    pending: tuple[Absentee, ...]  # signed in, waiting for an officer's review
    on_leave: tuple[Absentee, ...]  # approved leave
    absent: tuple[Absentee, ...]  # invited, neither present, pending nor on leave
    minutes: str
    minutes_photos: int


@dataclass(frozen=True)
class Register:
    branch: Organization
    period: Period
    zone: ZoneInfo
    entries: tuple[RegisterEntry, ...]  # started meetings (cancelled ones too), by start
    members: tuple[tuple[int, str], ...]  # (person id, name): party members now, by name


@dataclass(frozen=True)
class TicketEntry:
    ticket: Ticket
    reporter: str
    assignee: str | None
    overdue: bool  # bot.services.tickets.is_overdue at `now`
    history: tuple[HistoryLine, ...]


@dataclass(frozen=True)
class TicketRegister:
    branch: Organization
    period: Period
    zone: ZoneInfo
    entries: tuple[TicketEntry, ...]  # tickets reported in the period, by report time
    now: datetime  # when it was read: `overdue` and the summary are judged at this moment


async def _branch_and_bounds(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    period: Period,
    now: datetime,
    default_zone: ZoneInfo,
) -> tuple[Organization, ZoneInfo, datetime, datetime]:
    """The branch the actor may read, its zone and the period's [start, end) in it."""
    branch = await scope.get_at_level(uow, actor, Action.VIEW_REPORTS, branch_id, Level.BRANCH)
    zone = zone_of(branch, default_zone)
    start, end = period.bounds(zone)
    if now < start:
        raise InvalidInput("report-error-period")
    return branch, zone, start, end


_METHOD_ORDER = {method: number for number, method in enumerate(SignInMethod)}


def _entry(
    meeting: MeetingRow, invited: list[InvitationRow], signed: dict[int, AttendanceRow]
) -> RegisterEntry:
    """One meeting, everyone invited classified as meetings.summary does: a confirmed
    sign-in, then one waiting for review, then approved leave; anyone else is absent (an
    undecided or refused leave too). A confirmed sign-in without an invitation is present
    as well, marked, as the reports count it."""
    present: list[Attendee] = []
    pending: list[Absentee] = []
    on_leave: list[Absentee] = []
    absent: list[Absentee] = []
    for invitation in sorted(invited, key=lambda i: (i.name, i.person_id)):
        record = signed.get(invitation.person_id)
        who = (invitation.person_id, invitation.name)
        if record is not None and record.status is AttendanceStatus.CONFIRMED:
            present.append(Attendee(*who, record.method, record.signed_at, record.proxy_by))
        elif record is not None and record.status is AttendanceStatus.PENDING_REVIEW:
            pending.append(Absentee(*who, ""))
        elif invitation.response is InvitationResponse.LEAVE_APPROVED:
            on_leave.append(Absentee(*who, invitation.leave_reason))
        else:
            absent.append(Absentee(*who, ""))
    listed = {invitation.person_id for invitation in invited}
    present.extend(
        Attendee(r.person_id, r.name, r.method, r.signed_at, r.proxy_by, invited=False)
        for r in signed.values()
        if r.person_id not in listed and r.status is AttendanceStatus.CONFIRMED
    )
    present.sort(key=lambda a: (_METHOD_ORDER[a.method], a.name, a.person_id))
    return RegisterEntry(
        meeting_id=meeting.id,
        org_name=meeting.org_name,
        kind=meeting.kind,
        title=meeting.title,
        venue=meeting.venue,
        starts_at=meeting.starts_at,
        status=meeting.status,
        # held as the deadlines judge it: a confirmed sign-in, invited or not
        held=meeting.status is not MeetingStatus.CANCELLED and bool(present),
        invited=len(invited),
        present=tuple(present),
        pending=tuple(pending),
        on_leave=tuple(on_leave),
        absent=tuple(absent),
        minutes=meeting.minutes,
        minutes_photos=len(meeting.minutes_photos),
    )


async def register(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    period: Period,
    now: datetime,
    default_zone: ZoneInfo,
) -> Register:
    """VIEW_REPORTS on the branch; a fixed number of statements however many meetings."""
    branch, zone, start, end = await _branch_and_bounds(
        uow, actor, branch_id, period, now, default_zone
    )
    repo = RegistersRepository(uow.session)
    meetings = await repo.meetings(branch.path, start, end, now)
    invited: dict[int, list[InvitationRow]] = defaultdict(list)
    for invitation in await repo.invitations(branch.path, start, end, now):
        invited[invitation.meeting_id].append(invitation)
    signed: dict[int, dict[int, AttendanceRow]] = defaultdict(dict)
    for attendance in await repo.attendances(branch.path, start, end, now):
        signed[attendance.meeting_id][attendance.person_id] = attendance
    members = await repo.holders(branch.path, PARTY_ROLES)
    return Register(
        branch=branch,
        period=period,
        zone=zone,
        entries=tuple(_entry(m, invited[m.id], signed[m.id]) for m in meetings),
        members=tuple(sorted(members, key=lambda m: (m[1], m[0]))),
    )


async def ticket_register(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    period: Period,
    now: datetime,
    default_zone: ZoneInfo,
) -> TicketRegister:
    """VIEW_REPORTS on the branch; a fixed number of statements however many tickets."""
    branch, zone, start, end = await _branch_and_bounds(
        uow, actor, branch_id, period, now, default_zone
    )
    repo = RegistersRepository(uow.session)
    found = await repo.tickets(branch.id, start, end)
    events: dict[int, list[TicketEvent]] = defaultdict(list)
    for event in await repo.ticket_events(branch.id, start, end):
        events[event.ticket_id].append(event)
    names = await repo.ticket_names(branch.id, start, end)

    def name(person_id: int | None) -> str | None:
        return names.get(person_id) if person_id is not None else None

    def history(ticket: Ticket) -> tuple[HistoryLine, ...]:
        return tuple(
            HistoryLine(e, name(e.actor_id), name(assignee_of(e))) for e in events[ticket.id]
        )

    entries = tuple(
        TicketEntry(
            ticket=t,
            reporter=names[t.reporter_id],
            assignee=name(t.assignee_id),
            overdue=is_overdue(t, now),
            history=history(t),
        )
        for t in found
    )
    return TicketRegister(branch=branch, period=period, zone=zone, entries=entries, now=now)
