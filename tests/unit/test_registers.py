"""The registers on hand-computed data: a November of a village branch (a group meeting, a
branch meeting signed in every way, a pending voice, leave approved, refused and undecided,
a cancelled meeting, one without sign-ins; next month's, a not yet started and another
branch's meeting left out), classified as the meeting summary does; the same meetings
held, invited, present and on leave as the chat report counts them (sign-ins without an
invitation too), down to the workbooks' totals; month boundaries in Asia/Shanghai and in a
branch's own zone; who may read them; the ticket register with every status, each
ticket's history and the chat report's ticket count; and statement counts that do not grow
with the data."""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.exports import attendance, register
from bot.i18n import load_core
from bot.services import meetings, registers, reports, tickets
from bot.services.access import Actor
from bot.services.errors import AccessDenied, InvalidInput, NotFound
from bot.services.periods import Period, month_index
from bot.services.registers import Absentee, Attendee
from bot.services.roles import Audience, Level, MeetingKind, Role, SignInMethod
from bot.services.tickets import Draft
from storage.models import (
    Attendance,
    AttendanceStatus,
    Invitation,
    InvitationResponse,
    Meeting,
    MeetingStatus,
    Organization,
    Person,
    Ticket,
    TicketEvent,
    TicketEventKind,
    TicketStatus,
)
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.factories import T0, Tree, actor_of, build_tree, make_org, make_person

SHANGHAI = ZoneInfo("Asia/Shanghai")
Uow = Callable[[], UnitOfWork]


def month(year: int, number: int) -> Period:
    index = month_index(year, number)
    return Period(index, index)


OCT, NOV, DEC = month(2026, 10), month(2026, 11), month(2026, 12)
Q4 = Period(month_index(2026, 10), month_index(2026, 12))


def local(day: int, hour: int, minute: int = 0, number: int = 11) -> datetime:
    """A Shanghai wall-clock time in 2026, as UTC."""
    return datetime(2026, number, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


async def add_meeting(
    u: UnitOfWork,
    org: Organization,
    kind: MeetingKind,
    starts_at: datetime,
    *,
    cancelled: bool = False,
    minutes: str = "",
    photos: tuple[str, ...] = (),
) -> Meeting:
    """A meeting as the meetings feature leaves it (written directly: it lies in the past)."""
    meeting = Meeting(
        org_id=org.id,
        kind=kind,
        title=f"{kind.value} {starts_at:%m-%d}",
        starts_at=starts_at,
        venue="嘎查党群服务中心",
        audience=Audience.GROUP if org.level is Level.GROUP else Audience.BRANCH,
        audience_org_id=org.id,
        code="1234",
        methods=[m.value for m in SignInMethod if m is not SignInMethod.PROXY],
        reminder_minutes=[],
        status=MeetingStatus.CANCELLED if cancelled else MeetingStatus.SCHEDULED,
        minutes=minutes,
        minutes_photos=list(photos),
        created_at=T0,
        updated_at=T0,
    )
    return await u.meetings.add(meeting)


def invite(
    u: UnitOfWork,
    meeting: Meeting,
    person: Person,
    response: InvitationResponse = InvitationResponse.NONE,
    reason: str = "",
) -> None:
    u.session.add(
        Invitation(
            meeting_id=meeting.id, person_id=person.id, response=response, leave_reason=reason
        )
    )


def sign(
    u: UnitOfWork,
    meeting: Meeting,
    person: Person,
    method: SignInMethod,
    signed_at: datetime,
    status: AttendanceStatus = AttendanceStatus.CONFIRMED,
    proxy_by: Person | None = None,
) -> None:
    u.session.add(
        Attendance(
            meeting_id=meeting.id,
            person_id=person.id,
            method=method,
            signed_at=signed_at,
            recorded_at=signed_at + timedelta(hours=3),  # the valley's signal came late
            status=status,
            proxy_by_id=proxy_by.id if proxy_by else None,
        )
    )


# ----------------------------------------------------------------------------- the register


@dataclass
class November:
    tree: Tree
    people: dict[str, Person]
    group_meeting: Meeting
    branch_meeting: Meeting
    cancelled: Meeting
    unattended: Meeting
    next_month: Meeting
    not_started: Meeting
    other_branch: Meeting


@pytest.fixture
async def november(uow: Uow) -> November:
    tree = await build_tree(uow)
    async with uow() as u:
        a, g = tree.branch_a, tree.group_a1
        roles: list[tuple[str, str, list[tuple[Organization, Role]]]] = [
            ("Altan", "Altan", [(a, Role.MEMBER)]),
            ("Bayar", "Bayar", [(g, Role.MEMBER)]),
            ("Bayar2", "Bayar", [(a, Role.PROBATIONARY_MEMBER)]),  # two members of one name
            ("Chuluu", "Chuluu", [(g, Role.CENTRAL_HOUSEHOLD)]),
            ("Dalai", "Dalai", [(a, Role.COMMITTEE_MEMBER), (g, Role.MEMBER)]),
            ("Erdene", "Erdene", [(a, Role.DEPUTY_SECRETARY)]),
            ("Gerel", "Gerel", [(a, Role.MEMBER)]),
            ("Hasar", "Hasar", [(a, Role.MEMBER)]),
            ("Ider", "Ider", [(a, Role.MEMBER)]),
            ("Jargal", "Jargal", [(a, Role.MEMBER)]),
            ("Ulaan", "Ulaan", [(a, Role.RESIDENT)]),
        ]
        p = {key: await make_person(u, name, None, held) for key, name, held in roles}
        p["secretary"] = tree.secretary_a
        p["member"] = tree.member_a
        p["leader"] = tree.leader_a1

        group_meeting = await add_meeting(u, g, MeetingKind.GROUP_MEETING, local(5, 19))
        for person in (p["leader"], p["Bayar"]):
            invite(u, group_meeting, person)
        sign(u, group_meeting, p["leader"], SignInMethod.TAP, local(5, 18, 50))

        branch_meeting = await add_meeting(
            u,
            a,
            MeetingKind.GENERAL_MEETING,
            local(12, 9),
            minutes="学习党的二十大精神",
            photos=("photo-1", "photo-2"),
        )
        bm = branch_meeting
        for name in ("secretary", "leader", "member", "Altan", "Chuluu", "Bayar", "Erdene"):
            invite(u, bm, p[name])
        invite(u, bm, p["Jargal"])
        invite(u, bm, p["Dalai"], InvitationResponse.LEAVE_REJECTED, "走亲戚")
        invite(u, bm, p["Ider"], InvitationResponse.LEAVE_REJECTED, "赶集")
        invite(u, bm, p["Bayar2"], InvitationResponse.LEAVE_APPROVED, "转场放牧")
        invite(u, bm, p["Gerel"], InvitationResponse.LEAVE_REQUESTED, "看病")
        invite(u, bm, p["Hasar"], InvitationResponse.LEAVE_APPROVED, "住院")
        sign(u, bm, p["secretary"], SignInMethod.TAP, local(12, 8, 55))
        sign(u, bm, p["leader"], SignInMethod.TAP, local(12, 8, 58))
        sign(u, bm, p["member"], SignInMethod.CODE, local(12, 9, 2))
        sign(u, bm, p["Dalai"], SignInMethod.LOCATION, local(12, 9, 4))  # came after all
        sign(u, bm, p["Altan"], SignInMethod.VOICE, local(12, 9, 5))  # approved
        sign(u, bm, p["Chuluu"], SignInMethod.PROXY, local(12, 9, 10), proxy_by=p["leader"])
        pending = AttendanceStatus.PENDING_REVIEW
        sign(u, bm, p["Bayar"], SignInMethod.VOICE, local(12, 9, 6), pending)
        sign(u, bm, p["Hasar"], SignInMethod.VOICE, local(12, 9, 7), pending)  # leave too
        sign(u, bm, p["Erdene"], SignInMethod.VOICE, local(12, 9, 8), AttendanceStatus.REJECTED)

        cancelled = await add_meeting(
            u, a, MeetingKind.PARTY_LECTURE, local(15, 14), cancelled=True
        )
        invite(u, cancelled, p["secretary"])
        sign(u, cancelled, p["secretary"], SignInMethod.TAP, local(15, 13, 50))  # before

        unattended = await add_meeting(u, a, MeetingKind.COMMITTEE_MEETING, local(20, 10))
        invite(u, unattended, p["secretary"])
        invite(u, unattended, p["Erdene"])

        next_month = await add_meeting(u, a, MeetingKind.PARTY_LECTURE, local(3, 9, number=12))
        not_started = await add_meeting(u, a, MeetingKind.THEMED_PARTY_DAY, local(25, 9))
        other_branch = await add_meeting(
            u, tree.branch_b, MeetingKind.GENERAL_MEETING, local(10, 9)
        )
        for meeting in (next_month, not_started, other_branch):
            invite(u, meeting, p["secretary"])
            sign(u, meeting, p["secretary"], SignInMethod.TAP, meeting.starts_at)
        await u.commit()
    return November(
        tree,
        p,
        group_meeting,
        branch_meeting,
        cancelled,
        unattended,
        next_month,
        not_started,
        other_branch,
    )


async def register_of(
    uow: Uow, actor: Actor, branch: Organization, period: Period, now: datetime
) -> registers.Register:
    async with uow() as u:
        return await registers.register(u, actor, branch.id, period, now, SHANGHAI)


def ids_of(people: tuple[Attendee, ...] | tuple[Absentee, ...]) -> list[int]:
    return [p.person_id for p in people]


async def test_a_month_of_meetings(uow: Uow, november: November, clock: FakeClock) -> None:
    w, p = november, november.people
    secretary = await actor_of(uow, w.tree.secretary_a)
    result = await register_of(uow, secretary, w.tree.branch_a, NOV, clock())
    assert result.branch.id == w.tree.branch_a.id and result.period == NOV
    assert result.zone == SHANGHAI
    # by start; next month's, the one not started yet and branch B's are left out
    assert [e.meeting_id for e in result.entries] == [
        w.group_meeting.id,
        w.branch_meeting.id,
        w.cancelled.id,
        w.unattended.id,
    ]
    group, branch, cancelled, unattended = result.entries

    assert (group.org_name, group.kind, group.held, group.invited) == (
        "第一党小组",
        MeetingKind.GROUP_MEETING,
        True,
        2,
    )
    assert group.present == (
        Attendee(p["leader"].id, "小组长其其格", SignInMethod.TAP, local(5, 18, 50), None),
    )
    assert group.absent == (Absentee(p["Bayar"].id, "Bayar", ""),)
    assert group.pending == group.on_leave == ()

    assert branch.org_name == "哈业胡同嘎查党支部" and branch.kind is MeetingKind.GENERAL_MEETING
    assert branch.title == "general_meeting 11-12" and branch.venue == "嘎查党群服务中心"
    assert branch.starts_at == datetime(2026, 11, 12, 1, tzinfo=UTC)
    assert branch.status is MeetingStatus.SCHEDULED and branch.held
    assert branch.invited == 13
    # method by method (tap, code, location, voice, proxy), by name within one
    assert branch.present == (
        Attendee(p["secretary"].id, "书记甲", SignInMethod.TAP, local(12, 8, 55), None),
        Attendee(p["leader"].id, "小组长其其格", SignInMethod.TAP, local(12, 8, 58), None),
        Attendee(p["member"].id, "党员巴特尔", SignInMethod.CODE, local(12, 9, 2), None),
        Attendee(p["Dalai"].id, "Dalai", SignInMethod.LOCATION, local(12, 9, 4), None),
        Attendee(p["Altan"].id, "Altan", SignInMethod.VOICE, local(12, 9, 5), None),
        Attendee(p["Chuluu"].id, "Chuluu", SignInMethod.PROXY, local(12, 9, 10), "小组长其其格"),
    )
    assert branch.pending == (
        Absentee(p["Bayar"].id, "Bayar", ""),
        Absentee(p["Hasar"].id, "Hasar", ""),  # a sign-in waiting outranks the leave
    )
    assert branch.on_leave == (Absentee(p["Bayar2"].id, "Bayar", "转场放牧"),)
    assert branch.absent == (
        Absentee(p["Erdene"].id, "Erdene", ""),  # voice rejected
        Absentee(p["Gerel"].id, "Gerel", ""),  # leave not decided
        Absentee(p["Ider"].id, "Ider", ""),  # leave refused
        Absentee(p["Jargal"].id, "Jargal", ""),
    )
    assert (branch.minutes, branch.minutes_photos) == ("学习党的二十大精神", 2)

    # cancelled: listed, never held, even with a sign-in from before the cancellation
    assert cancelled.status is MeetingStatus.CANCELLED and not cancelled.held
    assert ids_of(cancelled.present) == [p["secretary"].id]
    # started without a confirmed sign-in: not held
    assert unattended.status is MeetingStatus.SCHEDULED and not unattended.held
    assert unattended.invited == 2 and unattended.present == ()
    assert ids_of(unattended.absent) == [p["Erdene"].id, p["secretary"].id]
    assert unattended.minutes == "" and unattended.minutes_photos == 0

    # the party members now (no resident, no one of branch B or the committee), each once
    assert p["Bayar"].id < p["Bayar2"].id
    assert result.members == (
        (p["Altan"].id, "Altan"),
        (p["Bayar"].id, "Bayar"),
        (p["Bayar2"].id, "Bayar"),
        (p["Chuluu"].id, "Chuluu"),
        (p["Dalai"].id, "Dalai"),
        (p["Erdene"].id, "Erdene"),
        (p["Gerel"].id, "Gerel"),
        (p["Hasar"].id, "Hasar"),
        (p["Ider"].id, "Ider"),
        (p["Jargal"].id, "Jargal"),
        (p["secretary"].id, "书记甲"),
        (p["member"].id, "党员巴特尔"),
        (p["leader"].id, "小组长其其格"),
    )


async def test_classified_as_the_meeting_summary(
    uow: Uow, november: November, clock: FakeClock
) -> None:
    secretary = await actor_of(uow, november.tree.secretary_a)
    result = await register_of(uow, secretary, november.tree.branch_a, NOV, clock())
    entry = next(e for e in result.entries if e.meeting_id == november.branch_meeting.id)
    async with uow() as u:
        summary = await meetings.summary(u, secretary, november.branch_meeting.id)
    assert set(ids_of(entry.present)) == {person.id for person, _ in summary.present}
    assert ids_of(entry.pending) == [person.id for person, _ in summary.pending]
    assert ids_of(entry.on_leave) == [person.id for person, _ in summary.on_leave]
    # the register has no column for leave asked but not decided: that member is absent
    undecided = [person.id for person, _ in summary.leave_pending]
    assert undecided == [november.people["Gerel"].id]
    assert set(ids_of(entry.absent)) == {person.id for person in summary.absent} | set(undecided)
    sizes = (len(entry.present), len(entry.pending), len(entry.on_leave), len(entry.absent))
    assert sum(sizes) == entry.invited == 13 and sizes == (6, 2, 1, 4)


def rows_of(content: bytes) -> list[list[Any]]:
    """The first sheet's rows of a workbook, read back."""
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


async def walk_ins(uow: Uow, w: November) -> None:
    """Sign-ins without an invitation (the sign-in flow refuses them, data may still hold
    them): a resident at the branch meeting, branch B's secretary at the committee meeting
    nobody invited came to, which makes it held."""
    async with uow() as u:
        sign(u, w.branch_meeting, w.people["Ulaan"], SignInMethod.TAP, local(12, 9, 1))
        sign(u, w.unattended, w.tree.secretary_b, SignInMethod.CODE, local(20, 10, 3))
        await u.commit()


async def test_the_meetings_held_as_the_report_counts(
    uow: Uow, november: November, clock: FakeClock
) -> None:
    w = november
    await walk_ins(uow, w)
    secretary = await actor_of(uow, w.tree.secretary_a)
    result = await register_of(uow, secretary, w.tree.branch_a, NOV, clock())
    async with uow() as u:
        report = await reports.branch_report(
            u, secretary, w.tree.branch_a.id, NOV, clock(), SHANGHAI
        )
    # meeting id: (invited, present, on leave), by hand
    expected = {
        w.group_meeting.id: (2, 1, 0),
        # six invited came, and the resident; Bayar2 on leave (Hasar's leave was approved,
        # but a sign-in of his waits for review: pending, as the meeting summary has it)
        w.branch_meeting.id: (13, 7, 1),
        w.unattended.id: (2, 1, 0),  # branch B's secretary only
    }
    held = [e for e in result.entries if e.held]
    found = {e.meeting_id: (e.invited, len(e.present), len(e.on_leave)) for e in held}
    assert found == expected
    counted = {m.meeting_id: (m.invited, m.present, m.on_leave) for m in report.meetings}
    assert counted == expected
    assert [e.meeting_id for e in held] == [m.meeting_id for m in report.meetings]
    branch = next(e for e in held if e.meeting_id == w.branch_meeting.id)
    resident = next(a for a in branch.present if a.person_id == w.people["Ulaan"].id)
    assert resident == Attendee(
        w.people["Ulaan"].id, "Ulaan", SignInMethod.TAP, local(12, 9, 1), None, invited=False
    )
    assert report.attendance_rate == pytest.approx(9 / 17)

    core = await load_core()

    def zh(key: str) -> str:
        return str(core.get(key, "zh"))

    labels = register.labels(zh) | {"title": "记录册"}
    totals = rows_of(register.register_workbook(result, labels))[-1]
    assert totals[:9] == ["合计（已召开的会议）", None, None, None, None, 3, 17, 9, 9 / 17]
    labels = attendance.labels(zh) | {"title": "考勤"}
    rows = rows_of(attendance.attendance_workbook(result, labels))
    present = next(row for row in rows if row[0] == "实到")
    invited = next(row for row in rows if row[0] == "应到" and row[1] is None)
    assert present[2:6] == [1, 7, 1, 9]
    assert invited[2:5] == [2, 13, 2] and invited[6] == 17
    # both came without an invitation: marked, counted present, never invited
    marked = {row[0]: row[2:8] for row in rows if row[1] == "目前不是本支部党员"}
    assert marked == {
        "Ulaan": [None, "√*", None, 1, 0, None],
        "书记乙": [None, None, "√码*", 1, 0, None],
    }


async def test_other_branches_and_who_may_read(
    uow: Uow, november: November, clock: FakeClock
) -> None:
    tree = november.tree
    other = await register_of(
        uow, await actor_of(uow, tree.secretary_b), tree.branch_b, NOV, clock()
    )
    assert [e.meeting_id for e in other.entries] == [november.other_branch.id]
    assert other.members == ((tree.secretary_b.id, "书记乙"),)
    admin = await register_of(uow, await actor_of(uow, tree.admin), tree.branch_a, NOV, clock())
    assert len(admin.entries) == 4
    for person in (tree.secretary_b, tree.member_a, tree.leader_a1):
        actor = await actor_of(uow, person)
        with pytest.raises(AccessDenied):
            await register_of(uow, actor, tree.branch_a, NOV, clock())
        async with uow() as u:
            with pytest.raises(AccessDenied):
                await registers.ticket_register(u, actor, tree.branch_a.id, NOV, clock(), SHANGHAI)
    secretary = await actor_of(uow, tree.secretary_a)
    with pytest.raises(NotFound):  # a party group keeps no register of its own
        await register_of(uow, secretary, tree.group_a1, NOV, clock())


async def test_a_period_not_begun(uow: Uow, clock: FakeClock) -> None:
    tree = await build_tree(uow)
    secretary = await actor_of(uow, tree.secretary_a)
    with pytest.raises(InvalidInput) as refused:
        await register_of(uow, secretary, tree.branch_a, DEC, clock())
    assert refused.value.key == "report-error-period"
    async with uow() as u:
        with pytest.raises(InvalidInput) as refused:
            await registers.ticket_register(u, secretary, tree.branch_a.id, DEC, clock(), SHANGHAI)
    assert refused.value.key == "report-error-period"
    # December begins at 16:00 UTC on November 30 in Shanghai
    begun = await register_of(uow, secretary, tree.branch_a, DEC, local(1, 0, number=12))
    assert begun.entries == ()
    quarter = await register_of(uow, secretary, tree.branch_a, Q4, clock())
    assert quarter.period == Q4 and quarter.entries == ()


async def test_month_boundaries_in_the_branch_zone(uow: Uow, clock: FakeClock) -> None:
    tree = await build_tree(uow)
    at = {
        "oct-31 23:59": datetime(2026, 10, 31, 15, 59, tzinfo=UTC),
        "nov-1 00:00": datetime(2026, 10, 31, 16, 0, tzinfo=UTC),
        "nov-30 23:59": datetime(2026, 11, 30, 15, 59, tzinfo=UTC),
        "dec-1 01:00": datetime(2026, 11, 30, 17, 0, tzinfo=UTC),  # November 30 in UTC
    }
    async with uow() as u:
        made = {
            label: (await add_meeting(u, tree.branch_a, MeetingKind.OTHER, moment)).id
            for label, moment in at.items()
        }
        utc_branch = await make_org(u, "BU", Level.BRANCH, tree.committee)
        utc_branch.timezone = "UTC"
        late = await add_meeting(u, utc_branch, MeetingKind.OTHER, at["dec-1 01:00"])
        utc_secretary = await make_person(u, "UTC书记", 2003, [(utc_branch, Role.SECRETARY)])
        await u.commit()
    secretary = await actor_of(uow, tree.secretary_a)
    now = datetime(2026, 12, 2, tzinfo=UTC)

    async def meetings_in(period: Period, at: datetime = now) -> list[int]:
        found = await register_of(uow, secretary, tree.branch_a, period, at)
        return [e.meeting_id for e in found.entries]

    assert await meetings_in(OCT) == [made["oct-31 23:59"]]
    assert await meetings_in(NOV) == [made["nov-1 00:00"], made["nov-30 23:59"]]
    assert await meetings_in(DEC) == [made["dec-1 01:00"]]
    assert await meetings_in(Q4) == list(made.values())
    # a branch keeping UTC: the same moment is November's
    own = await register_of(uow, await actor_of(uow, utc_secretary), utc_branch, NOV, now)
    assert own.zone == ZoneInfo("UTC") and [e.meeting_id for e in own.entries] == [late.id]
    # started means starts_at <= now, to the second
    start = at["dec-1 01:00"]
    assert await meetings_in(DEC, start) == [made["dec-1 01:00"]]
    assert await meetings_in(DEC, start - timedelta(seconds=1)) == []


# ----------------------------------------------------------------------------- tickets


def utc(day: int, hour: int, number: int = 11) -> datetime:
    return datetime(2026, number, day, hour, tzinfo=UTC)


@dataclass
class Tickets:
    tree: Tree
    loop: int  # reported, assigned twice, accepted, solved, rated low, reopened, solved, rated
    duplicate_of: int  # stays new past its due time; the duplicate merged into it
    duplicate: int
    declined: int  # reported 00:30 on November 1 in Shanghai
    claimed: int  # posted, claimed, in progress, not due yet


@pytest.fixture
async def ticket_world(uow: Uow) -> Tickets:
    tree = await build_tree(uow)
    async with uow() as u:
        resident = await make_person(u, "居民刘大姐", 4001, [(tree.branch_a, Role.RESIDENT)])
        altan = await make_person(u, "Altan", 3003, [(tree.branch_a, Role.MEMBER)])
        await u.commit()
    res = await actor_of(uow, resident)
    sec = await actor_of(uow, tree.secretary_a)
    member = await actor_of(uow, tree.member_a)
    leader = await actor_of(uow, tree.leader_a1)

    async def reported(actor: Actor, org: Organization, at: datetime, category: str) -> int:
        async with uow() as u:
            draft = Draft(org_id=org.id, category=category, description="需要帮助")
            return (await tickets.report(u, actor, draft, at)).ticket.id

    async def step(action: Callable[..., Awaitable[object]], *args: object) -> None:
        async with uow() as u:
            await action(u, *args)

    a = tree.branch_a
    await reported(res, a, datetime(2026, 10, 31, 15, tzinfo=UTC), "elderly")  # October's
    await reported(
        await actor_of(uow, tree.secretary_b), tree.branch_b, utc(5, 2), "elderly"
    )  # branch B's
    declined = await reported(res, a, datetime(2026, 10, 31, 16, 30, tzinfo=UTC), "other")
    await step(tickets.decline, sec, declined, "不属于支部职责", utc(1, 2))

    loop = await reported(res, a, utc(3, 2), "elderly")  # due in 48 h: Nov 5 02:00
    await step(tickets.assign, sec, loop, altan.id, utc(3, 3))
    await step(tickets.assign, sec, loop, tree.leader_a1.id, utc(3, 4))
    await step(tickets.accept, leader, loop, utc(3, 5))
    await step(tickets.resolve, leader, loop, "已送药", [], utc(4, 2))
    await step(tickets.rate, res, loop, 1, utc(4, 6))  # reopened, due Nov 6 06:00
    await step(tickets.resolve, leader, loop, "已陪同就医", [], utc(7, 2))  # late
    await step(tickets.rate, res, loop, 4, utc(7, 3))

    duplicate_of = await reported(member, a, utc(10, 2), "other")  # due Nov 17 02:00
    duplicate = await reported(res, a, utc(11, 2), "other")
    await step(tickets.merge, sec, duplicate, duplicate_of, utc(11, 3))

    claimed = await reported(res, a, utc(20, 2), "elderly")  # due Nov 22 02:00
    await step(tickets.post, sec, claimed, utc(20, 3))
    await step(tickets.claim, member, claimed, utc(20, 4))
    return Tickets(tree, loop, duplicate_of, duplicate, declined, claimed)


async def test_the_ticket_register(uow: Uow, ticket_world: Tickets, clock: FakeClock) -> None:
    w = ticket_world
    secretary = await actor_of(uow, w.tree.secretary_a)
    async with uow() as u:
        result = await registers.ticket_register(
            u, secretary, w.tree.branch_a.id, NOV, clock(), SHANGHAI
        )
    assert result.branch.id == w.tree.branch_a.id and result.zone == SHANGHAI
    assert result.now == clock()
    rows = [
        (e.ticket.id, e.ticket.status, e.reporter, e.assignee, e.overdue) for e in result.entries
    ]
    assert rows == [
        (w.declined, TicketStatus.DECLINED, "居民刘大姐", None, False),
        (w.loop, TicketStatus.CLOSED, "居民刘大姐", "小组长其其格", True),  # solved late
        (w.duplicate_of, TicketStatus.NEW, "党员巴特尔", None, True),  # open past its due
        (w.duplicate, TicketStatus.MERGED, "居民刘大姐", None, False),
        (w.claimed, TicketStatus.IN_PROGRESS, "居民刘大姐", "党员巴特尔", False),
    ]
    loop = result.entries[1]
    assert loop.ticket.rating == 4 and loop.ticket.reopened == 1
    assert [(h.event.kind, h.who, h.subject) for h in loop.history] == [
        (TicketEventKind.REPORTED, "居民刘大姐", None),
        (TicketEventKind.ASSIGNED, "书记甲", "Altan"),
        (TicketEventKind.ASSIGNED, "书记甲", "小组长其其格"),
        (TicketEventKind.ACCEPTED, "小组长其其格", None),
        (TicketEventKind.RESOLVED, "小组长其其格", None),
        (TicketEventKind.RATED, "居民刘大姐", None),
        (TicketEventKind.REOPENED, None, None),  # the bot
        (TicketEventKind.RESOLVED, "小组长其其格", None),
        (TicketEventKind.RATED, "居民刘大姐", None),
    ]
    rated = [h.event.data["stars"] for h in loop.history if h.event.kind is TicketEventKind.RATED]
    assert rated == [1, 4]
    async with uow() as u:
        _, lines = await tickets.history(u, secretary, w.loop)
    assert [(h.event.id, h.who, h.subject) for h in loop.history] == [
        (h.event.id, h.who, h.subject) for h in lines
    ]
    merged_into = result.entries[2].history
    assert [(h.event.kind, h.who) for h in merged_into] == [
        (TicketEventKind.REPORTED, "党员巴特尔"),
        (TicketEventKind.MERGED, "书记甲"),
    ]
    assert merged_into[1].event.data == {"duplicate": w.duplicate}
    assert result.entries[3].ticket.merged_into_id == w.duplicate_of
    claimed = result.entries[4].history
    assert [(h.event.kind, h.who) for h in claimed] == [
        (TicketEventKind.REPORTED, "居民刘大姐"),
        (TicketEventKind.POSTED, "书记甲"),
        (TicketEventKind.CLAIMED, "党员巴特尔"),
    ]
    declined = result.entries[0]
    assert declined.ticket.decline_reason == "不属于支部职责"
    # at the report's `now`: after its due time the claimed ticket is overdue as well
    async with uow() as u:
        later = await registers.ticket_register(
            u, secretary, w.tree.branch_a.id, NOV, utc(22, 3), SHANGHAI
        )
    assert [e.overdue for e in later.entries] == [False, True, True, False, True]


async def test_ticket_register_counts_as_the_report(
    uow: Uow, ticket_world: Tickets, clock: FakeClock
) -> None:
    """What the ticket workbook's summary counts (reports.ticket_summary over the register's
    tickets at its `now`) is the chat report's figure: the merged duplicate left out, the
    loop solved late with 4 stars, the first of the pair open past its due time."""
    w = ticket_world
    secretary = await actor_of(uow, w.tree.secretary_a)
    async with uow() as u:
        listed = await registers.ticket_register(
            u, secretary, w.tree.branch_a.id, NOV, clock(), SHANGHAI
        )
        report = await reports.branch_report(
            u, secretary, w.tree.branch_a.id, NOV, clock(), SHANGHAI
        )
    expected = reports.TicketSummary(
        reported=4, resolved=1, resolved_late=1, open_late=1, declined=1, rated=1, average_rating=4
    )
    assert reports.ticket_summary((e.ticket for e in listed.entries), listed.now) == expected
    assert report.tickets == expected


# ----------------------------------------------------------------------------- statements


def counter(engine: AsyncEngine) -> tuple[list[str], Callable[..., None]]:
    statements: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    return statements, count


async def test_a_fixed_number_of_statements(
    uow: Uow, engine: AsyncEngine, clock: FakeClock
) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        people = [
            await make_person(u, f"党员{n}", None, [(tree.branch_a, Role.MEMBER)])
            for n in range(4)
        ]
        await u.commit()
    secretary = await actor_of(uow, tree.secretary_a)
    statements, count = counter(engine)

    async def add(meetings_and_tickets: int) -> None:
        async with uow() as u:
            for n in range(meetings_and_tickets):
                starts = utc(2, 2) + timedelta(hours=n)
                meeting = await add_meeting(u, tree.branch_a, MeetingKind.OTHER, starts)
                for person in people:
                    invite(u, meeting, person, InvitationResponse.LEAVE_APPROVED, "病假")
                sign(u, meeting, people[0], SignInMethod.TAP, starts)
                sign(u, meeting, people[1], SignInMethod.PROXY, starts, proxy_by=people[0])
                ticket = Ticket(
                    org_id=tree.branch_a.id,
                    reporter_id=people[n % 4].id,
                    assignee_id=people[(n + 1) % 4].id,
                    category="other",
                    status=TicketStatus.IN_PROGRESS,
                    reported_at=starts,
                    due_at=starts + timedelta(days=7),
                    updated_at=starts,
                )
                await u.tickets.add(ticket)
                for kind, actor, data in (
                    (TicketEventKind.REPORTED, people[n % 4].id, {}),
                    (TicketEventKind.ASSIGNED, None, {"assignee": people[(n + 1) % 4].id}),
                ):
                    u.tickets.record(
                        TicketEvent(
                            ticket_id=ticket.id, at=starts, actor_id=actor, kind=kind, data=data
                        )
                    )
            await u.commit()

    async def counted() -> tuple[int, int, int]:
        event.listen(engine.sync_engine, "before_cursor_execute", count)
        try:
            statements.clear()
            async with uow() as u:
                found = await registers.register(
                    u, secretary, tree.branch_a.id, NOV, clock(), SHANGHAI
                )
            meeting_statements = len(statements)
            statements.clear()
            async with uow() as u:
                listed = await registers.ticket_register(
                    u, secretary, tree.branch_a.id, NOV, clock(), SHANGHAI
                )
            assert all(e.reporter and e.assignee for e in listed.entries)
            assert all(h.who or h.subject for e in listed.entries for h in e.history)
            assert len(found.entries) == len(listed.entries)
            return len(found.entries), meeting_statements, len(statements)
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", count)

    await add(2)
    small = await counted()
    await add(18)
    large = await counted()
    assert small[0] == 2 and large[0] == 20
    assert small[1:] == large[1:] == (5, 4), statements  # the branch, then the sets
