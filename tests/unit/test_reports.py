"""Report data on the real database with the fake clock (2026-11-21 10:00 in Shanghai, 03:00
in Berlin): meeting slots per kind and organization for a month, a quarter and a year (held,
missed, still open; groups and branches only from when they existed), the meetings held with
应到 / 实到 / leave, dues member-months agreeing with the dues ledger, tickets agreeing with
the ticket statistics, guidance received / acknowledged, each branch in its own time zone;
the committee's branches scored and starred by hand-checked arithmetic; who may read what;
and a statement count that does not grow with the number of branches.

Every expected number below is worked out by hand from the fixture, in the comments."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import dues, registers, reports, tickets
from bot.services.dues_rules import DuesCalendar, DuesCategory
from bot.services.errors import AccessDenied, InvalidInput, NotFound
from bot.services.organizations import FREQUENCIES_SETTING
from bot.services.periods import Frequency, Period, month_index
from bot.services.roles import Audience, Level, MeetingKind, Role, SignInMethod
from bot.services.scoring import STARS_SETTING, WEIGHTS_SETTING, Component
from storage.models import (
    Attendance,
    AttendanceStatus,
    DuesCredit,
    DuesPayment,
    DuesProfile,
    Guidance,
    GuidanceReceipt,
    GuidanceStatus,
    Invitation,
    InvitationResponse,
    Meeting,
    MeetingStatus,
    Organization,
    PaymentStatus,
    Person,
    Ticket,
    TicketStatus,
)
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.factories import T0, actor_of, make_org, make_person

Uow = Callable[[], UnitOfWork]
SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
EARLY = datetime(2025, 1, 1, tzinfo=UTC)
CALENDAR = DuesCalendar(dues_day=5, digest_days=7)
SEP, OCT, NOV, DEC = (month_index(2026, m) for m in (9, 10, 11, 12))
MONTH_NOV = Period(NOV, NOV)
MONTH_OCT = Period(OCT, OCT)
Q4 = Period(OCT, DEC)
YEAR = Period(month_index(2026, 1), DEC)
K = MeetingKind


def local(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, zone: ZoneInfo = SHANGHAI
) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=zone)


def utc(month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


# ----------------------------------------------------------------------------- builders


async def add_org(
    u: UnitOfWork,
    code: str,
    level: Level,
    parent: Organization | None = None,
    *,
    created: datetime = EARLY,
    timezone: str | None = None,
    settings: dict[str, Any] | None = None,
) -> Organization:
    org = await make_org(u, code, level, parent, name=f"{code}支部")
    org.created_at = created
    org.timezone = timezone
    org.settings = settings or {}
    await u.session.flush()
    return org


SIGNED = {
    "present": AttendanceStatus.CONFIRMED,
    "pending": AttendanceStatus.PENDING_REVIEW,
    "rejected": AttendanceStatus.REJECTED,
}


async def add_meeting(
    u: UnitOfWork,
    org: Organization,
    kind: MeetingKind,
    starts_at: datetime,
    answers: Sequence[str] = ("present",),
    *,
    cancelled: bool = False,
) -> Meeting:
    """A meeting with one invited person per answer: "present" (confirmed sign-in), "leave"
    (approved leave, did not come), "leave+present" (approved leave, came after all),
    "leave+pending" / "leave+rejected" (approved leave, then a sign-in waiting for review /
    turned down), "pending" (sign-in waiting for review), "absent"."""
    meeting = Meeting(
        org_id=org.id,
        kind=kind,
        title=f"{kind.value} {starts_at:%m-%d}",
        starts_at=starts_at,
        audience=Audience.BRANCH,
        audience_org_id=org.id,
        code="1234",
        methods=[SignInMethod.TAP.value],
        reminder_minutes=[],
        status=MeetingStatus.CANCELLED if cancelled else MeetingStatus.SCHEDULED,
        created_at=T0,
        updated_at=T0,
    )
    u.session.add(meeting)
    await u.session.flush()
    for number, answer in enumerate(answers):
        person = Person(display_name=f"与会{meeting.id}-{number}", created_at=T0)
        u.session.add(person)
        await u.session.flush()
        leave = answer.startswith("leave")
        u.session.add(
            Invitation(
                meeting_id=meeting.id,
                person_id=person.id,
                response=InvitationResponse.LEAVE_APPROVED if leave else InvitationResponse.NONE,
            )
        )
        status = SIGNED.get(answer.removeprefix("leave+"))
        if status is not None and answer != "leave":
            u.session.add(
                Attendance(
                    meeting_id=meeting.id,
                    person_id=person.id,
                    method=SignInMethod.TAP,
                    signed_at=starts_at,
                    recorded_at=starts_at,
                    status=status,
                )
            )
    await u.session.flush()
    return meeting


async def add_profile(
    u: UnitOfWork, person: Person, branch: Organization, from_month: int, amount: int
) -> None:
    u.session.add(
        DuesProfile(
            person_id=person.id,
            branch_id=branch.id,
            from_month=from_month,
            category=DuesCategory.EMPLOYED if amount else DuesCategory.HARDSHIP,
            base_fen=0,
            rule_fen=max(amount, 1_000),
            amount_fen=amount,
            reason="" if amount >= 1_000 else "困难",
            set_at=T0,
        )
    )
    await u.session.flush()


async def add_credit(
    u: UnitOfWork, person: Person, branch: Organization, month: int, amount: int
) -> None:
    payment = DuesPayment(
        person_id=person.id,
        branch_id=branch.id,
        amount_fen=amount,
        months=[month],
        status=PaymentStatus.CONFIRMED,
        reported_at=T0,
        decided_at=T0,
    )
    u.session.add(payment)
    await u.session.flush()
    u.session.add(
        DuesCredit(
            payment_id=payment.id,
            person_id=person.id,
            branch_id=branch.id,
            month=month,
            amount_fen=amount,
        )
    )
    await u.session.flush()


async def add_ticket(
    u: UnitOfWork,
    org: Organization,
    reporter: Person,
    status: TicketStatus,
    reported_at: datetime,
    due_at: datetime,
    resolved_at: datetime | None = None,
    rating: int | None = None,
) -> None:
    u.session.add(
        Ticket(
            org_id=org.id,
            reporter_id=reporter.id,
            category="other",
            status=status,
            reported_at=reported_at,
            due_at=due_at,
            resolved_at=resolved_at,
            rating=rating,
            updated_at=reported_at,
        )
    )
    await u.session.flush()


async def add_guidance(
    u: UnitOfWork,
    committee: Organization,
    month: str,
    receipts: dict[Organization, bool],
    status: GuidanceStatus = GuidanceStatus.PUBLISHED,
) -> None:
    guidance = Guidance(
        org_id=committee.id,
        month=month,
        theme=f"{month} 主题",
        deadline=date(2026, 12, 31),
        publish_at=T0,
        status=status,
        created_at=T0,
        updated_at=T0,
    )
    u.session.add(guidance)
    await u.session.flush()
    for branch, acknowledged in receipts.items():
        u.session.add(
            GuidanceReceipt(
                guidance_id=guidance.id,
                branch_id=branch.id,
                acknowledged_at=T0 if acknowledged else None,
            )
        )
    await u.session.flush()


# ----------------------------------------------------------------------------- one committee


@dataclass
class World:
    """committee C ── branch A (Shanghai) ── groups G1 (2025), G2 (set up 2026-10-10)
    └─ branch B (Berlin, no groups)"""

    committee: Organization
    a: Organization
    g1: Organization
    g2: Organization
    b: Organization
    admin: Person
    secretary_a: Person
    secretary_b: Person


@pytest.fixture
async def world(uow: Uow) -> World:
    async with uow() as u:
        c = await add_org(u, "C", Level.COMMITTEE)
        a = await add_org(u, "A", Level.BRANCH, c)
        g1 = await add_org(u, "G1", Level.GROUP, a)
        g2 = await add_org(u, "G2", Level.GROUP, a, created=utc(10, 10))
        b = await add_org(u, "B", Level.BRANCH, c, timezone="Europe/Berlin")
        admin = await make_person(u, "组织部王", 1001, [(c, Role.ADMIN)])
        secretary_a = await make_person(u, "书记甲", 2001, [(a, Role.SECRETARY)])
        secretary_b = await make_person(u, "书记乙", 2002, [(b, Role.SECRETARY)])

        # A's meetings (Shanghai). Held in November: the lecture at 00:30 on the 1st (still
        # October 31 in UTC), the 支委会 (9 invited: 6 came, 1 with leave came anyway, 1
        # on leave, 1 waiting for review → 实到 7, leave 1) and G1's group meeting (3 of 4).
        await add_meeting(u, a, K.PARTY_LECTURE, local(2026, 11, 1, 0, 30), ["present"] * 2)
        await add_meeting(
            u,
            a,
            K.COMMITTEE_MEETING,
            local(2026, 11, 5, 10),
            ["present"] * 6 + ["leave+present", "leave", "pending"],
        )
        await add_meeting(
            u, g1, K.GROUP_MEETING, local(2026, 11, 10, 19), ["present"] * 3 + ["absent"]
        )
        # not held: cancelled (despite a sign-in), started without a confirmed sign-in, and
        # not started yet (G2's group meeting, another 支委会)
        await add_meeting(u, a, K.THEMED_PARTY_DAY, local(2026, 11, 8, 9), cancelled=True)
        await add_meeting(u, a, K.THEMED_PARTY_DAY, local(2026, 11, 12, 9), ["absent", "pending"])
        await add_meeting(u, g2, K.GROUP_MEETING, local(2026, 11, 28, 9))
        await add_meeting(u, a, K.COMMITTEE_MEETING, local(2026, 11, 25, 9))
        # held earlier: October's 党员大会 and a meeting at 23:30 on October 31 (local), March's
        # 民主评议; and the committee's own meeting, no branch's
        await add_meeting(u, a, K.GENERAL_MEETING, local(2026, 10, 15, 19), ["present"] * 5)
        await add_meeting(u, a, K.OTHER, local(2026, 10, 31, 23, 30))
        await add_meeting(u, a, K.DEMOCRATIC_REVIEW, local(2026, 3, 20, 9))
        await add_meeting(u, c, K.COMMITTEE_MEETING, local(2026, 11, 6, 9))
        # B's 支委会 at 20:00 on October 31 in Berlin: November 1st in Shanghai, October for B
        await add_meeting(
            u, b, K.COMMITTEE_MEETING, local(2026, 10, 31, 20, zone=BERLIN), ["present"] * 2
        )

        # Dues. m1 1000 from Sep; m2 reduced to 200 from Oct; m3 exempt; m4 800, never paid;
        # m5 moved from B to A in November; m6 moved from A to B in November.
        m1, m2, m3, m4, m5, m6 = [
            await make_person(u, f"党员{n}", roles=[(a, Role.MEMBER)]) for n in range(1, 7)
        ]
        await add_profile(u, m1, a, SEP, 1_000)
        await add_profile(u, m2, a, OCT, 200)
        await add_profile(u, m3, a, SEP, 0)
        await add_profile(u, m4, a, SEP, 800)
        await add_profile(u, m5, b, SEP, 600)
        await add_profile(u, m5, a, NOV, 600)
        await add_profile(u, m6, a, SEP, 300)
        await add_profile(u, m6, b, NOV, 300)
        await add_credit(u, m1, a, NOV, 1_000)
        await add_credit(u, m2, a, NOV, 500)  # 200 due, 300 given on top
        await add_credit(u, m5, b, OCT, 600)
        await add_credit(u, m5, a, NOV, 600)
        await add_credit(u, m6, a, OCT, 300)

        # Tickets of A (reported in November, Shanghai, unless said otherwise)
        r = m1
        await add_ticket(u, a, r, TicketStatus.CLOSED, utc(11, 2), utc(11, 5), utc(11, 4), 5)
        await add_ticket(u, a, r, TicketStatus.CLOSED, utc(11, 3), utc(11, 6), utc(11, 8), 4)
        await add_ticket(u, a, r, TicketStatus.IN_PROGRESS, utc(11, 10), utc(11, 15))
        await add_ticket(u, a, r, TicketStatus.NEW, utc(11, 20), utc(11, 25))
        await add_ticket(u, a, r, TicketStatus.DECLINED, utc(11, 6), utc(11, 9))
        await add_ticket(u, a, r, TicketStatus.MERGED, utc(11, 7), utc(11, 10))
        await add_ticket(u, a, r, TicketStatus.RESOLVED, utc(11, 12), utc(11, 16), utc(11, 14))
        # reopened by a rating of 2: open again, past due, its first resolution kept
        await add_ticket(u, a, r, TicketStatus.IN_PROGRESS, utc(11, 4), utc(11, 8), utc(11, 6), 2)
        await add_ticket(u, a, r, TicketStatus.NEW, utc(10, 31, 15), utc(11, 30))  # Oct 31 23:00
        await add_ticket(u, a, r, TicketStatus.NEW, utc(10, 31, 16, 30), utc(12, 1))  # Nov 1
        await add_ticket(u, b, r, TicketStatus.NEW, utc(11, 2), utc(12, 1))

        # Guidance: November's acknowledged by A, not by B; October's not by A; December's
        # not published yet
        await add_guidance(u, c, "2026-11", {a: True, b: False})
        await add_guidance(u, c, "2026-10", {a: False})
        await add_guidance(u, c, "2026-12", {a: True}, GuidanceStatus.SCHEDULED)
        await u.commit()
    return World(c, a, g1, g2, b, admin, secretary_a, secretary_b)


async def branch(
    uow: Uow, world: World, org: Organization, period: Period, now: datetime
) -> reports.BranchReport:
    actor = await actor_of(uow, world.admin)
    async with uow() as u:
        return await reports.branch_report(u, actor, org.id, period, now, SHANGHAI)


def slots(report: reports.BranchReport) -> dict[MeetingKind, tuple[int, int, int]]:
    return {c.kind: (c.held, c.missed, c.open) for c in report.compliance}


# ----------------------------------------------------------------------------- meetings


async def test_a_month_counts_each_slot_once(uow: Uow, world: World, clock: FakeClock) -> None:
    report = await branch(uow, world, world.a, MONTH_NOV, clock())
    assert report.through == date(2026, 11, 21) and report.zone == SHANGHAI
    # (held, missed, open), in MeetingKind order; OTHER is never required
    assert list(slots(report).items()) == [
        (K.GENERAL_MEETING, (1, 0, 0)),  # Q4: October's 党员大会
        (K.COMMITTEE_MEETING, (1, 0, 0)),  # November 5
        (K.GROUP_MEETING, (1, 0, 1)),  # G1 held; G2's is only scheduled, November runs on
        (K.PARTY_LECTURE, (1, 0, 0)),  # Q4: November 1 at 00:30 local
        (K.THEMED_PARTY_DAY, (0, 0, 1)),  # cancelled, and one without a confirmed sign-in
        (K.ORGANIZATIONAL_LIFE, (0, 0, 1)),  # 2026 still running
        (K.DEMOCRATIC_REVIEW, (1, 0, 0)),  # March
    ]
    assert (report.meetings_held, report.meetings_required) == (5, 5)
    assert [(m.kind, m.org_name, m.invited, m.present, m.on_leave) for m in report.meetings] == [
        (K.PARTY_LECTURE, "A支部", 2, 2, 0),
        (K.COMMITTEE_MEETING, "A支部", 9, 7, 1),
        (K.GROUP_MEETING, "G1支部", 4, 3, 0),
    ]
    assert report.meetings[1].rate == pytest.approx(7 / 9)
    assert report.attendance_rate == pytest.approx(12 / 15)  # (2 + 7 + 3) / (2 + 9 + 4)


async def test_leave_is_counted_as_the_register_counts_it(
    uow: Uow, world: World, clock: FakeClock
) -> None:
    """Approved leave, then a sign-in waiting for review: pending, as the meeting summary
    and the register say, not on leave; a turned-down sign-in leaves the leave standing."""
    async with uow() as u:
        a = await u.organizations.get(world.a.id)
        assert a is not None
        meeting = await add_meeting(
            u,
            a,
            K.OTHER,
            local(2026, 11, 15, 9),
            ["present", "leave+pending", "leave", "leave+rejected", "absent"],
        )
        await u.commit()
    report = await branch(uow, world, world.a, MONTH_NOV, clock())
    found = next(m for m in report.meetings if m.meeting_id == meeting.id)
    # 5 invited; 1 came; on leave: "leave" and "leave+rejected"
    assert (found.invited, found.present, found.on_leave) == (5, 1, 2)
    actor = await actor_of(uow, world.admin)
    async with uow() as u:
        kept = await registers.register(u, actor, world.a.id, MONTH_NOV, clock(), SHANGHAI)
    entry = next(e for e in kept.entries if e.meeting_id == meeting.id)
    assert (entry.invited, len(entry.present), len(entry.on_leave), len(entry.pending)) == (
        5,
        1,
        2,
        1,
    )


async def test_an_ended_month_counts_missed_slots(
    uow: Uow, world: World, clock: FakeClock
) -> None:
    report = await branch(uow, world, world.a, MONTH_OCT, clock())
    assert report.through == date(2026, 10, 31)
    assert slots(report) == {
        K.GENERAL_MEETING: (1, 0, 0),  # Q4
        K.COMMITTEE_MEETING: (0, 1, 0),
        K.GROUP_MEETING: (0, 1, 0),  # G1 only: G2 was set up on October 10
        K.PARTY_LECTURE: (1, 0, 0),  # Q4: the lecture of November 1 counts for the quarter
        K.THEMED_PARTY_DAY: (0, 1, 0),
        K.ORGANIZATIONAL_LIFE: (0, 0, 1),
        K.DEMOCRATIC_REVIEW: (1, 0, 0),
    }
    assert (report.meetings_held, report.meetings_required) == (3, 6)
    # the meeting at 23:30 local on October 31 is October's; the lecture at 00:30 on
    # November 1 (October 31 in UTC) is not
    assert [(m.kind, m.present) for m in report.meetings] == [
        (K.GENERAL_MEETING, 5),
        (K.OTHER, 1),
    ]


async def test_a_quarter_and_a_year_count_their_slots(
    uow: Uow, world: World, clock: FakeClock
) -> None:
    quarter = await branch(uow, world, world.a, Q4, clock())
    assert quarter.through == date(2026, 11, 21)
    assert slots(quarter) == {
        K.GENERAL_MEETING: (1, 0, 0),
        K.COMMITTEE_MEETING: (1, 1, 0),  # Oct missed, Nov held, Dec not begun
        K.GROUP_MEETING: (1, 1, 1),  # Oct: G1 missed; Nov: G1 held, G2 open
        K.PARTY_LECTURE: (1, 0, 0),
        K.THEMED_PARTY_DAY: (0, 1, 1),  # Oct missed, Nov open
        K.ORGANIZATIONAL_LIFE: (0, 0, 1),
        K.DEMOCRATIC_REVIEW: (1, 0, 0),
    }
    assert (quarter.meetings_held, quarter.meetings_required) == (5, 8)
    assert len(quarter.meetings) == 5  # Oct 15, Oct 31, Nov 1, Nov 5, Nov 10

    year = await branch(uow, world, world.a, YEAR, clock())
    assert slots(year) == {
        K.GENERAL_MEETING: (1, 3, 0),  # Q1–Q3 missed, Q4 held
        K.COMMITTEE_MEETING: (1, 10, 0),  # January–October missed, November held
        K.GROUP_MEETING: (1, 10, 1),  # G1: 10 missed + November; G2: November only
        K.PARTY_LECTURE: (1, 3, 0),
        K.THEMED_PARTY_DAY: (0, 10, 1),
        K.ORGANIZATIONAL_LIFE: (0, 0, 1),
        K.DEMOCRATIC_REVIEW: (1, 0, 0),
    }
    assert (year.meetings_held, year.meetings_required) == (5, 5 + 36)
    assert len(year.meetings) == 6  # the five above and March's 民主评议


async def test_each_branch_is_judged_in_its_own_zone(
    uow: Uow, world: World, clock: FakeClock
) -> None:
    november = await branch(uow, world, world.b, MONTH_NOV, clock())
    assert november.zone == BERLIN and november.through == date(2026, 11, 21)
    assert november.meetings == ()  # 20:00 on October 31 in Berlin is October's
    # no party group, so no 党小组会 required
    assert K.GROUP_MEETING not in slots(november)
    assert slots(november)[K.COMMITTEE_MEETING] == (0, 0, 1)
    october = await branch(uow, world, world.b, MONTH_OCT, clock())
    assert slots(october)[K.COMMITTEE_MEETING] == (1, 0, 0)
    assert [m.present for m in october.meetings] == [2]

    # 01:00 on December 1 in Shanghai is still November 30 in Berlin
    late = utc(11, 30, 17)
    december = Period(DEC, DEC)
    assert (await branch(uow, world, world.a, december, late)).through == date(2026, 12, 1)
    with pytest.raises(InvalidInput) as refused:
        await branch(uow, world, world.b, december, late)
    assert refused.value.key == "report-error-period"


# ----------------------------------------------------------------------------- dues


async def test_dues_count_member_months_where_the_member_pays(
    uow: Uow, world: World, clock: FakeClock
) -> None:
    november = await branch(uow, world, world.a, MONTH_NOV, clock())
    # due: m1 1000 + m2 200 + m4 800 + m5 600 (moved in); m3 exempt, m6 moved out
    # paid: m1 1000 + m2 500 (300 on top) + m5 600; months paid 3 of 4
    assert november.dues == reports.DuesSummary(2_600, 2_100, 4, 3)
    october = await branch(uow, world, world.a, MONTH_OCT, clock())
    # m1 1000 + m2 200 + m4 800 + m6 300 (still at A, paid); m5 was at B
    assert october.dues == reports.DuesSummary(2_300, 300, 4, 1)
    quarter = await branch(uow, world, world.a, Q4, clock())
    assert quarter.dues == reports.DuesSummary(4_900, 2_400, 8, 4)  # December not yet
    year = await branch(uow, world, world.a, YEAR, clock())
    # September: m1 1000 + m4 800 + m6 300, none paid
    assert year.dues == reports.DuesSummary(7_000, 2_400, 11, 4)
    at_b = await branch(uow, world, world.b, MONTH_NOV, clock())
    assert at_b.dues == reports.DuesSummary(300, 0, 1, 0)  # m6, moved in, unpaid
    assert (await branch(uow, world, world.b, MONTH_OCT, clock())).dues == (
        reports.DuesSummary(600, 600, 1, 1)  # m5 before moving
    )


async def test_dues_agree_with_the_ledger(uow: Uow, world: World, clock: FakeClock) -> None:
    secretary = await actor_of(uow, world.secretary_a)
    for month in (SEP, OCT, NOV):
        async with uow() as u:
            ledger = await dues.branch_ledger(
                u, secretary, world.a.id, month, clock(), SHANGHAI, CALENDAR
            )
            report = await reports.branch_report(
                u, secretary, world.a.id, Period(month, month), clock(), SHANGHAI
            )
        assert (report.dues.due_fen, report.dues.paid_fen) == (
            ledger.month.due_fen,
            ledger.month.paid_fen,
        ), month
        assert report.dues.months_paid == sum(
            line.paid for line in ledger.month.lines if line.due_fen > 0
        )


async def test_dues_of_a_member_who_moved_away_and_back(uow: Uow, clock: FakeClock) -> None:
    """p: at X from September (1000), at Y from October (500), back at X from November
    (1200), paid every month and December ahead; q: exempt at X from October, gave 50."""
    async with uow() as u:
        k = await add_org(u, "K2", Level.COMMITTEE)
        x = await add_org(u, "X2", Level.BRANCH, k)
        y = await add_org(u, "Y2", Level.BRANCH, k)
        admin = await make_person(u, "管理员", 1004, [(k, Role.ADMIN)])
        secretary = await make_person(u, "书记", 2004, [(x, Role.SECRETARY)])
        p, q = await make_person(u, "党员p"), await make_person(u, "党员q")
        await add_profile(u, p, x, SEP, 1_000)
        await add_profile(u, p, y, OCT, 500)
        await add_profile(u, p, x, NOV, 1_200)
        await add_profile(u, q, x, OCT, 0)
        await add_credit(u, p, x, SEP, 1_000)
        await add_credit(u, p, y, OCT, 500)
        await add_credit(u, p, x, NOV, 1_300)  # 100 on top
        await add_credit(u, p, x, DEC, 1_200)  # December has not come: not counted
        await add_credit(u, q, x, OCT, 50)
        await u.commit()
    actor = await actor_of(uow, admin)
    async with uow() as u:
        report = await reports.committee_report(u, actor, k.id, YEAR, clock(), SHANGHAI)
    found = {row.report.branch.code: row.report.dues for row in report.rows}
    # X: due September 1000 + November 1200 (q exempt); paid 1000 + 1300 + q's 50;
    # months paid 2 of 2 (q's month had nothing due)
    assert found["X2"] == reports.DuesSummary(2_200, 2_350, 2, 2)
    assert found["Y2"] == reports.DuesSummary(500, 500, 1, 1)  # October
    # the ledger's month sheets of X, September to November, add up to the same
    officer = await actor_of(uow, secretary)
    sheets = []
    for month in (SEP, OCT, NOV):
        async with uow() as u:
            ledger = await dues.branch_ledger(u, officer, x.id, month, clock(), SHANGHAI, CALENDAR)
        sheets.append(ledger.month)
    assert sum(s.due_fen for s in sheets) == 2_200
    assert sum(s.paid_fen for s in sheets) == 2_350


# ----------------------------------------------------------------------------- tickets, guidance


async def test_tickets_fare_as_the_statistics_say(
    uow: Uow, world: World, clock: FakeClock
) -> None:
    report = await branch(uow, world, world.a, MONTH_NOV, clock())
    # counted: two closed (one late), in progress past due, new, declined, resolved unrated,
    # reopened past due, the one reported at 00:30 on November 1; the merged one is not
    assert report.tickets == reports.TicketSummary(
        reported=8,
        resolved=3,
        resolved_late=1,
        open_late=2,
        declined=1,
        rated=2,
        average_rating=4.5,  # (5 + 4) / 2; the reopened ticket's 2 no longer counts
    )
    assert report.tickets.resolution_rate == pytest.approx(2 / 5)  # in time / (3 + 2)

    start, end = MONTH_NOV.bounds(SHANGHAI)
    async with uow() as u:
        found = await u.session.scalars(
            select(Ticket).where(
                Ticket.org_id == world.a.id, Ticket.reported_at >= start, Ticket.reported_at < end
            )
        )
        stats = tickets.compute_stats(found.all(), clock())
    assert (stats.reported, stats.resolved, stats.overdue, stats.average_rating) == (
        report.tickets.reported,
        report.tickets.resolved,
        report.tickets.overdue,
        report.tickets.average_rating,
    )


async def test_guidance_received_and_acknowledged(
    uow: Uow, world: World, clock: FakeClock
) -> None:
    assert (await branch(uow, world, world.a, MONTH_NOV, clock())).guidance == (
        reports.GuidanceSummary(1, 1)
    )
    # October's and November's; December's is not published
    assert (await branch(uow, world, world.a, Q4, clock())).guidance == (
        reports.GuidanceSummary(2, 1)
    )
    assert (await branch(uow, world, world.b, MONTH_NOV, clock())).guidance == (
        reports.GuidanceSummary(1, 0)
    )


async def test_rates_and_the_default_score(uow: Uow, world: World, clock: FakeClock) -> None:
    admin = await actor_of(uow, world.admin)
    async with uow() as u:
        report = await reports.committee_report(
            u, admin, world.committee.id, MONTH_NOV, clock(), SHANGHAI
        )
    row = next(r for r in report.rows if r.report.branch.id == world.a.id)
    assert row.report.rates() == pytest.approx(
        {
            Component.MEETINGS: 1.0,  # 5 / 5
            Component.ATTENDANCE: 0.8,  # 12 / 15
            Component.DUES: 0.75,  # 3 / 4
            Component.TICKETS: 0.4,  # 2 / 5
            Component.SATISFACTION: 0.9,  # 4.5 / 5
            Component.GUIDANCE: 1.0,
        }
    )
    # 30·1 + 20·0.8 + 20·0.75 + 10·0.4 + 10·0.9 + 10·1 = 84 → four stars
    assert (row.score.points, row.score.stars) == (84.0, 4)


# ----------------------------------------------------------------------------- committee


async def test_committee_scores_with_its_own_weights_and_stars(uow: Uow, clock: FakeClock) -> None:
    """Only the 支委会 required (monthly); weights meetings 40, attendance 20, dues 20,
    tickets 10, satisfaction 10, guidance 0; stars at 95 / 85 / 60 / 30."""
    others = {k.value: Frequency.NONE.value for k in MeetingKind if k is not K.COMMITTEE_MEETING}
    async with uow() as u:
        k = await add_org(
            u,
            "K",
            Level.COMMITTEE,
            settings={
                FREQUENCIES_SETTING: others,
                WEIGHTS_SETTING: {"meetings": 40, "guidance": 0},
                STARS_SETTING: [95, 85, 60, 30],
            },
        )
        x = await add_org(u, "X", Level.BRANCH, k)
        y = await add_org(u, "Y", Level.BRANCH, k)
        await add_org(u, "Z", Level.BRANCH, k, created=utc(11, 5))
        admin = await make_person(u, "管理员", 1002, [(k, Role.ADMIN)])
        px, py1, py2 = [await make_person(u, f"党员{n}") for n in "xyz"]
        # X: the 支委会 held with all 4 present; 1 member-month paid of 1
        await add_meeting(u, x, K.COMMITTEE_MEETING, local(2026, 10, 10, 9), ["present"] * 4)
        await add_profile(u, px, x, OCT, 1_000)
        await add_credit(u, px, x, OCT, 1_000)
        # Y: no 支委会 (missed); 1 paid of 2; a ticket solved in time, rated 4
        await add_profile(u, py1, y, OCT, 1_000)
        await add_profile(u, py2, y, OCT, 1_000)
        await add_credit(u, py1, y, OCT, 1_000)
        await add_ticket(u, y, py1, TicketStatus.CLOSED, utc(10, 5), utc(10, 8), utc(10, 7), 4)
        await add_guidance(u, k, "2026-10", {x: True, y: False})  # weight 0: not counted
        # Z: set up in November, nothing in October
        await u.commit()
    actor = await actor_of(uow, admin)
    async with uow() as u:
        report = await reports.committee_report(u, actor, k.id, MONTH_OCT, clock(), SHANGHAI)
    assert report.rules.weights == {
        Component.MEETINGS: 40,
        Component.ATTENDANCE: 20,
        Component.DUES: 20,
        Component.TICKETS: 10,
        Component.SATISFACTION: 10,
        Component.GUIDANCE: 0,
    }
    assert report.rules.stars == (95, 85, 60, 30)
    assert [row.report.branch.code for row in report.rows] == ["Y", "X", "Z"]
    y_row, x_row, z_row = report.rows
    # Y: attendance unknown (no meeting held), its weight re-spread over the other 80:
    # (40·0 + 20·0.5 + 10·1 + 10·0.8) / 80 = 28 / 80 = 35 → two stars (≥ 30, < 60)
    assert (y_row.score.points, y_row.score.stars) == (35.0, 2)
    assert y_row.report.rates()[Component.ATTENDANCE] is None
    # X: no tickets, so (40·1 + 20·1 + 20·1) / 80 = 100 → five stars
    assert (x_row.score.points, x_row.score.stars) == (100.0, 5)
    assert x_row.score.counted == (
        Component.MEETINGS,
        Component.ATTENDANCE,
        Component.DUES,
        Component.GUIDANCE,  # known, though weighed 0
    )
    # Z: nothing to judge, unscored, last
    assert (z_row.score.points, z_row.score.stars) == (None, None)
    assert z_row.report.compliance == (
        reports.KindCompliance(K.COMMITTEE_MEETING, Frequency.MONTHLY, 0, 0, 0),
    )


# ----------------------------------------------------------------------------- who reads what


async def test_places_and_authorization(uow: Uow, world: World, clock: FakeClock) -> None:
    admin = await actor_of(uow, world.admin)
    secretary_b = await actor_of(uow, world.secretary_b)
    async with uow() as u:
        member = await make_person(u, "群众", 4001, [(world.a, Role.RESIDENT)])
        await u.commit()
    resident = await actor_of(uow, member)
    async with uow() as u:
        places = await reports.places_for(u, admin)
        assert ([o.id for o in places.committees], places.branches) == ([world.committee.id], [])
        places = await reports.places_for(u, secretary_b)
        assert (places.committees, [o.id for o in places.branches]) == ([], [world.b.id])
        with pytest.raises(AccessDenied):
            await reports.places_for(u, resident)
        with pytest.raises(AccessDenied):
            await reports.branch_report(u, secretary_b, world.a.id, MONTH_NOV, clock(), SHANGHAI)
        with pytest.raises(AccessDenied):
            await reports.committee_report(
                u, secretary_b, world.committee.id, MONTH_NOV, clock(), SHANGHAI
            )
        with pytest.raises(NotFound):
            await reports.committee_report(u, admin, world.a.id, MONTH_NOV, clock(), SHANGHAI)
        with pytest.raises(NotFound):
            await reports.branch_report(u, admin, world.g1.id, MONTH_NOV, clock(), SHANGHAI)
        with pytest.raises(InvalidInput):
            await reports.committee_report(
                u, admin, world.committee.id, Period(DEC, DEC), clock(), SHANGHAI
            )
        own = await reports.branch_report(u, secretary_b, world.b.id, MONTH_NOV, clock(), SHANGHAI)
        assert own.branch.id == world.b.id


async def test_an_admin_reads_only_the_committees_under_them(
    uow: Uow, world: World, clock: FakeClock
) -> None:
    """C's admin and the admin of D, a committee beside C; S is a committee under C."""
    async with uow() as u:
        c = await u.organizations.get(world.committee.id)
        assert c is not None
        d = await add_org(u, "D", Level.COMMITTEE)
        d_branch = await add_org(u, "DB", Level.BRANCH, d)
        s = await add_org(u, "S", Level.COMMITTEE, c)
        s_branch = await add_org(u, "SB", Level.BRANCH, s)
        other = await make_person(u, "别的组织部", 1005, [(d, Role.ADMIN)])
        await u.commit()
    ours, theirs = await actor_of(uow, world.admin), await actor_of(uow, other)
    async with uow() as u:
        for actor, committee, branch_id in (
            (theirs, world.committee, world.a.id),
            (ours, d, d_branch.id),
        ):
            with pytest.raises(AccessDenied):
                await reports.committee_report(
                    u, actor, committee.id, MONTH_NOV, clock(), SHANGHAI
                )
            with pytest.raises(AccessDenied):
                await reports.branch_report(u, actor, branch_id, MONTH_NOV, clock(), SHANGHAI)
        assert [o.id for o in (await reports.places_for(u, theirs)).committees] == [d.id]
        # below C: S and its branch, and C's report takes S's branch in too
        below = await reports.committee_report(u, ours, s.id, MONTH_NOV, clock(), SHANGHAI)
        whole = await reports.committee_report(
            u, ours, world.committee.id, MONTH_NOV, clock(), SHANGHAI
        )
    assert [row.report.branch.id for row in below.rows] == [s_branch.id]
    assert {row.report.branch.id for row in whole.rows} == {world.a.id, world.b.id, s_branch.id}


def test_current_period_in_the_zone() -> None:
    moment = utc(12, 31, 17)  # January 1, 2027, 01:00 in Shanghai
    assert reports.current_period(moment, SHANGHAI, Frequency.MONTHLY) == Period(
        month_index(2027, 1), month_index(2027, 1)
    )
    assert reports.current_period(moment, BERLIN, Frequency.QUARTERLY) == Q4
    assert reports.current_period(moment, BERLIN, Frequency.YEARLY) == YEAR


# ----------------------------------------------------------------------------- statements


async def test_statements_do_not_grow_with_branches(
    uow: Uow, engine: AsyncEngine, clock: FakeClock
) -> None:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    async def committee_of(code: str, branches: int) -> tuple[Person, Organization]:
        async with uow() as u:
            committee = await add_org(u, code, Level.COMMITTEE)
            admin = await make_person(u, f"{code}管理员", roles=[(committee, Role.ADMIN)])
            receipts: dict[Organization, bool] = {}
            for n in range(branches):
                org = await add_org(u, f"{code}{n}", Level.BRANCH, committee)
                group = await add_org(u, f"{code}{n}G", Level.GROUP, org)
                await add_meeting(u, org, K.COMMITTEE_MEETING, local(2026, 11, 5), ["present"])
                await add_meeting(u, group, K.GROUP_MEETING, local(2026, 11, 6), ["absent"])
                payer = await make_person(u, f"{code}{n}党员")
                await add_profile(u, payer, org, OCT, 1_000)
                await add_credit(u, payer, org, NOV, 1_000)
                await add_ticket(u, org, payer, TicketStatus.NEW, utc(11, 2), utc(11, 3))
                receipts[org] = True
            await add_guidance(u, committee, "2026-11", receipts)
            await u.commit()
        return admin, committee

    async def counted(admin: Person, committee: Organization) -> reports.CommitteeReport:
        actor = await actor_of(uow, admin)
        statements.clear()
        event.listen(engine.sync_engine, "before_cursor_execute", count)
        try:
            async with uow() as u:
                return await reports.committee_report(
                    u, actor, committee.id, MONTH_NOV, clock(), SHANGHAI
                )
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", count)

    small = await counted(*await committee_of("P", 2))
    few = len(statements)
    large = await counted(*await committee_of("Q", 20))
    assert len(statements) == few <= 8, "\n".join(statements)
    assert len(small.rows) == 2 and len(large.rows) == 20
    # every branch alike: one 支委会 held (1 of 1 present), the group's without a sign-in
    # still open, dues 1 of 1; so equal scores, in tree order (Q10 after Q9, not after Q1)
    assert [row.report.branch.code for row in large.rows] == [f"Q{n}" for n in range(20)]
    first = large.rows[0].report
    assert slots(first)[K.COMMITTEE_MEETING] == (1, 0, 0)
    assert slots(first)[K.GROUP_MEETING] == (0, 0, 1)
    assert first.dues == reports.DuesSummary(1_000, 1_000, 1, 1)
    assert first.tickets.open_late == 1


async def test_the_counting_runs_off_the_event_loop(
    uow: Uow, world: World, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A committee's year is tens of thousands of rows: counted in a worker thread, so the
    bot keeps answering meanwhile."""
    threads: list[int] = []
    build = reports._build

    def recorded(read: Any) -> list[reports.BranchReport]:
        threads.append(threading.get_ident())
        return build(read)

    monkeypatch.setattr(reports, "_build", recorded)
    admin = await actor_of(uow, world.admin)
    async with uow() as u:
        report = await reports.committee_report(
            u, admin, world.committee.id, YEAR, clock(), SHANGHAI
        )
    assert len(report.rows) == 2
    assert threads and threading.get_ident() not in threads


async def test_a_committee_without_branches(uow: Uow, clock: FakeClock) -> None:
    async with uow() as u:
        empty = await add_org(u, "E", Level.COMMITTEE)
        admin = await make_person(u, "管理员", 1003, [(empty, Role.ADMIN)])
        await u.commit()
    actor = await actor_of(uow, admin)
    async with uow() as u:
        report = await reports.committee_report(u, actor, empty.id, MONTH_NOV, clock(), SHANGHAI)
    assert report.rows == () and report.committee.id == empty.id
