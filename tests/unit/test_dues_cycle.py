"""The monthly dues cycle on the real database: the members' reminder at 09:00 on the dues day
(only the unpaid assessed members, each with their own amount), the officers' digest, a
branch's own dues day and time zone, the grace period for a sweep that comes late, quiet
hours, arrears warnings once per level and unpaid run (across a year boundary), escalation
to the nearest committee with reachable admins, a fixed number of SQL statements whatever
the number of branches, and the messages in three languages."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.handlers.render import TEXT_LIMIT
from bot.i18n import Translator, load_core
from bot.renderers.dues import RENDERERS
from bot.services import dues, dues_cycle, people
from bot.services.dues_cycle import CycleCounts, CyclePolicy
from bot.services.dues_rules import (
    BACK_PAY_MONTHS,
    Assessment,
    DuesCategory,
    arrears_streak,
    due_in,
    unpaid_months,
)
from bot.services.locale import LOCALES
from bot.services.periods import parse_month_label
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Level, Role
from storage.dues_cycle_repo import ProfileRow
from storage.models import (
    Broadcast,
    BroadcastKind,
    BroadcastStatus,
    Delivery,
    DuesCredit,
    DuesPayment,
    DuesProfile,
    Organization,
    PaymentStatus,
    Person,
    ReminderMark,
)
from storage.uow import UnitOfWork
from tests.factories import T0, Tree, build_tree, make_org, make_person

T = TypeVar("T")

SHANGHAI = ZoneInfo("Asia/Shanghai")
MOSCOW = ZoneInfo("Europe/Moscow")
POLICY = CyclePolicy(
    default_zone=SHANGHAI,
    quiet=QuietHours.parse("21:30-07:30"),
    dues_day=5,
    digest_days=7,
    grace=timedelta(hours=72),
)
Uow = Callable[[], UnitOfWork]


def at(year: int, month: int, day: int, hour: int = 9, minute: int = 5, zone=SHANGHAI):
    """A local wall-clock moment as UTC."""
    return datetime(year, month, day, hour, minute, tzinfo=zone).astimezone(UTC)


async def assess(u: UnitOfWork, person: Person, branch: Organization, month: str, fen: int):
    u.session.add(
        DuesProfile(
            person_id=person.id,
            branch_id=branch.id,
            from_month=parse_month_label(month),
            category=DuesCategory.FARMER if fen else DuesCategory.HARDSHIP,
            base_fen=0,
            rule_fen=fen or 20,
            amount_fen=fen,
            set_at=T0,
        )
    )
    await u.session.flush()


async def pay(u: UnitOfWork, person: Person, branch: Organization, months: list[str], fen: int):
    payment = DuesPayment(
        person_id=person.id,
        branch_id=branch.id,
        amount_fen=fen * len(months),
        months=[parse_month_label(m) for m in months],
        status=PaymentStatus.CONFIRMED,
        reported_at=T0,
    )
    u.session.add(payment)
    await u.session.flush()
    for month in months:
        u.session.add(
            DuesCredit(
                payment_id=payment.id,
                person_id=person.id,
                branch_id=branch.id,
                month=parse_month_label(month),
                amount_fen=fen,
            )
        )
    await u.session.flush()


async def sweep(uow: Uow, now: datetime, policy: CyclePolicy = POLICY) -> CycleCounts:
    """The scheduler's two dues jobs at `now`: the sweep plans, the expansion queues what
    is due. What was queued, and the stages the sweep skipped."""
    async with uow() as u:
        planned = await dues_cycle.run_cycle(u, now, policy)
    return replace(await expand(uow, now, policy), skipped=planned.skipped)


async def expand(uow: Uow, now: datetime, policy: CyclePolicy = POLICY) -> CycleCounts:
    """Every batch of planned broadcasts due at `now`."""
    total = CycleCounts()
    while True:
        async with uow() as u:
            counts = await dues_cycle.expand_due(u, now, policy)
        if counts is None:
            return total
        total += counts


@dataclass
class Sent:
    broadcast: Broadcast
    deliveries: list[Delivery]

    @property
    def people(self) -> set[int]:
        return {d.person_id for d in self.deliveries}

    def personal(self, person: Person) -> dict[str, Any] | None:
        [row] = [d for d in self.deliveries if d.person_id == person.id]
        return row.payload


async def queued(uow: Uow, kind: BroadcastKind | None = None) -> list[Sent]:
    """The broadcasts with their rows written (not those still planned)."""
    async with uow() as u:
        query = (
            select(Broadcast)
            .where(Broadcast.status != BroadcastStatus.PLANNED)
            .order_by(Broadcast.id)
        )
        if kind is not None:
            query = query.where(Broadcast.kind == kind)
        found = []
        for broadcast in await u.session.scalars(query):
            rows = await u.session.scalars(
                select(Delivery).where(Delivery.broadcast_id == broadcast.id).order_by(Delivery.id)
            )
            found.append(Sent(broadcast, list(rows)))
        return found


async def marks(uow: Uow) -> dict[str, bool]:
    async with uow() as u:
        rows = await u.session.execute(select(ReminderMark.key, ReminderMark.skipped))
        return dict(rows.all())


async def set_org(uow: Uow, org: Organization, **values: Any) -> None:
    async with uow() as u:
        found = await u.organizations.get(org.id)
        assert found is not None
        for name, value in values.items():
            setattr(found, name, value)
        await u.commit()


@dataclass
class World:
    """Branch A: Bateer owes 1.50 from October, the group leader paid December, the
    secretary is exempt, one member has no Telegram, a newcomer has no profile.
    Branch B: its secretary owes 3.00 from December."""

    tree: Tree
    offline: Person
    newcomer: Person


@pytest.fixture
async def world(uow: Uow) -> World:
    tree = await build_tree(uow)
    async with uow() as u:
        offline = await make_person(u, "离线党员", None, [(tree.branch_a, Role.MEMBER)])
        newcomer = await make_person(u, "新党员", 3100, [(tree.branch_a, Role.MEMBER)])
        await assess(u, tree.member_a, tree.branch_a, "2026-10", 150)
        await assess(u, tree.leader_a1, tree.branch_a, "2026-12", 20)
        await pay(u, tree.leader_a1, tree.branch_a, ["2026-12"], 20)
        await assess(u, tree.secretary_a, tree.branch_a, "2026-12", 0)
        await assess(u, offline, tree.branch_a, "2026-12", 50)
        await assess(u, tree.secretary_b, tree.branch_b, "2026-12", 300)
        await u.commit()
    return World(tree, offline, newcomer)


# ----------------------------------------------------------------------------- reminders


async def test_nothing_before_nine_then_one_reminder_per_branch_to_the_unpaid(
    uow: Uow, world: World
) -> None:
    tree = world.tree
    early = await sweep(uow, at(2026, 12, 5, 8, 55))
    # November's stages of both branches are long past: marked skipped, nothing sent
    assert early == CycleCounts(skipped=4)
    assert await queued(uow) == []

    now = at(2026, 12, 5, 9, 5)
    assert await sweep(uow, now) == CycleCounts(reminders=2)
    sent = {s.broadcast.org_id: s for s in await queued(uow, BroadcastKind.DUES_REMINDER)}
    a, b = sent[tree.branch_a.id], sent[tree.branch_b.id]
    # paid (leader), exempt (secretary), no Telegram, no profile: all left out
    assert a.people == {tree.member_a.id}
    assert a.personal(tree.member_a) == {"amount": 150, "earlier": 2, "owed": 450}
    assert a.broadcast.payload == {"branch": tree.branch_a.name, "month": "2026-12"}
    assert a.broadcast.dedupe_key == f"dues-remind:{tree.branch_a.id}:2026-12"
    assert a.broadcast.not_before == now
    assert [d.locale for d in a.deliveries] == ["mn"]
    assert b.people == {tree.secretary_b.id}
    assert b.personal(tree.secretary_b) == {"amount": 300, "earlier": 0, "owed": 300}

    assert await sweep(uow, now + timedelta(minutes=10)) == CycleCounts()
    assert len(await queued(uow)) == 2
    recorded = await marks(uow)
    assert recorded[f"dues-remind:{tree.branch_a.id}:2026-12"] is False
    assert recorded[f"dues-remind:{tree.branch_a.id}:2026-11"] is True


async def test_digest_to_the_officers_with_figures_and_new_warnings(
    uow: Uow, world: World
) -> None:
    tree = world.tree
    await sweep(uow, at(2026, 12, 5))
    counts = await sweep(uow, at(2026, 12, 12))
    assert counts == CycleCounts(digests=2, warnings=1)
    digests = {s.broadcast.org_id: s for s in await queued(uow, BroadcastKind.DUES_DIGEST)}
    a = digests[tree.branch_a.id]
    assert a.people == {tree.secretary_a.id}
    assert a.broadcast.payload == {
        "branch": tree.branch_a.name,
        "month": "2026-12",
        "assessed": 4,
        "exempt": 1,
        "paid": 1,
        "unpaid": 2,
        "due_fen": 220,
        "paid_fen": 20,
        "unpaid_members": [
            {"name": tree.member_a.display_name, "amount": 150, "months": 3},
            {"name": "离线党员", "amount": 50, "months": 1},
        ],
        "unassessed": 1,
        "warned": [
            {"name": tree.member_a.display_name, "level": "warning", "months": 3, "owed": 450}
        ],
        "warned_count": 1,
    }
    assert all(d.payload is None for d in a.deliveries)
    b = digests[tree.branch_b.id]
    assert b.people == {tree.secretary_b.id}
    assert (b.broadcast.payload["unpaid"], b.broadcast.payload["warned_count"]) == (1, 0)

    [warning] = await queued(uow, BroadcastKind.DUES_ARREARS)
    assert warning.people == {tree.member_a.id}
    assert warning.personal(tree.member_a) == {
        "level": "warning",
        "months": 3,
        "first": "2026-10",
        "last": "2026-12",
        "owed": 450,
    }
    assert f"dues-arrears:{tree.member_a.id}:warning:2026-10" in await marks(uow)
    assert await sweep(uow, at(2026, 12, 12, 9, 15)) == CycleCounts()


async def test_a_branch_without_assessed_members_gets_no_digest(uow: Uow) -> None:
    await build_tree(uow)
    assert await sweep(uow, at(2026, 12, 12)) == CycleCounts(skipped=6)
    assert await queued(uow) == []


async def test_the_nearest_dues_day_setting_moves_the_reminder(uow: Uow, world: World) -> None:
    tree = world.tree
    await set_org(uow, tree.committee, settings={"dues_day": 10})
    await set_org(uow, tree.branch_a, settings={"dues_day": 20})
    await sweep(uow, at(2026, 12, 5))
    assert await queued(uow) == []
    await sweep(uow, at(2026, 12, 10))
    assert [s.broadcast.org_id for s in await queued(uow)] == [tree.branch_b.id]
    await sweep(uow, at(2026, 12, 19, 23, 0))
    await sweep(uow, at(2026, 12, 20))
    reminders = await queued(uow, BroadcastKind.DUES_REMINDER)
    assert [s.broadcast.org_id for s in reminders] == [tree.branch_b.id, tree.branch_a.id]


async def test_the_branch_zone_decides_the_moment(uow: Uow, world: World) -> None:
    tree = world.tree
    await set_org(uow, tree.branch_b, timezone="Europe/Moscow")
    await sweep(uow, at(2026, 12, 5, 9, 5))  # 04:05 in Moscow
    assert [s.broadcast.org_id for s in await queued(uow)] == [tree.branch_a.id]
    await sweep(uow, at(2026, 12, 5, 8, 55, MOSCOW))
    assert len(await queued(uow)) == 1
    await sweep(uow, at(2026, 12, 5, 9, 5, MOSCOW))
    assert [s.broadcast.org_id for s in await queued(uow)] == [
        tree.branch_a.id,
        tree.branch_b.id,
    ]


async def test_a_reminder_four_days_late_is_skipped_and_marked(uow: Uow, world: World) -> None:
    tree = world.tree
    counts = await sweep(uow, at(2026, 12, 9))
    assert counts == CycleCounts(skipped=6)
    assert await queued(uow) == []
    assert (await marks(uow))[f"dues-remind:{tree.branch_a.id}:2026-12"] is True


async def test_a_reminder_two_days_late_is_sent_once(uow: Uow, world: World) -> None:
    assert (await sweep(uow, at(2026, 12, 7))).reminders == 2
    assert (await sweep(uow, at(2026, 12, 7, 9, 15))).reminders == 0
    assert len(await queued(uow, BroadcastKind.DUES_REMINDER)) == 2


async def test_a_late_sweep_in_the_evening_waits_for_the_morning(uow: Uow, world: World) -> None:
    assert (await sweep(uow, at(2026, 12, 5, 23, 0))).reminders == 0
    assert await queued(uow) == []  # planned for the morning, judged then
    assert (await expand(uow, at(2026, 12, 6, 7, 29))).reminders == 0
    assert (await expand(uow, at(2026, 12, 6, 7, 30))).reminders == 2
    sent = await queued(uow, BroadcastKind.DUES_REMINDER)
    assert sent and {s.broadcast.not_before for s in sent} == {at(2026, 12, 6, 7, 30)}
    assert {d.next_attempt_at for s in sent for d in s.deliveries} == {at(2026, 12, 6, 7, 30)}


# ----------------------------------------------------------------------------- arrears


async def warnings_of(uow: Uow, person: Person) -> list[dict[str, Any] | None]:
    return [
        s.personal(person)
        for s in await queued(uow, BroadcastKind.DUES_ARREARS)
        if person.id in s.people
    ]


async def test_arrears_warn_once_per_level_across_the_year_and_escalate_once(uow: Uow) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        await assess(u, tree.member_a, tree.branch_a, "2026-08", 150)
        await pay(u, tree.member_a, tree.branch_a, ["2026-08"], 150)
        await u.commit()

    assert (await sweep(uow, at(2026, 11, 12))).warnings == 1
    assert (await sweep(uow, at(2026, 12, 12))).warnings == 0  # four months: still a warning
    assert (await sweep(uow, at(2027, 1, 12))).warnings == 1
    escalated = await sweep(uow, at(2027, 2, 12))
    assert (escalated.warnings, escalated.escalations) == (1, 1)
    later = await sweep(uow, at(2027, 3, 12))
    assert (later.warnings, later.escalations) == (0, 0)

    assert [(w or {}).get("level") for w in await warnings_of(uow, tree.member_a)] == [
        "warning",
        "urgent",
        "escalation",
    ]
    assert (await warnings_of(uow, tree.member_a))[1] == {
        "level": "urgent",
        "months": 5,
        "first": "2026-09",
        "last": "2027-01",
        "owed": 750,
    }
    [escalation] = await queued(uow, BroadcastKind.DUES_ESCALATION)
    assert escalation.broadcast.org_id == tree.committee.id
    assert escalation.people == {tree.admin.id}
    assert escalation.broadcast.payload == {
        "committee": tree.committee.name,
        "month": "2027-02",
        "members": [
            {"branch": tree.branch_a.name, "name": tree.member_a.display_name, "months": 6}
        ],
        "count": 1,
    }
    assert escalation.broadcast.dedupe_key == f"dues-escalation:{tree.committee.id}:2027-02"
    digests = await queued(uow, BroadcastKind.DUES_DIGEST)
    assert [s.broadcast.payload["warned_count"] for s in digests] == [1, 0, 1, 1, 0]


async def test_a_payment_ends_the_run_and_a_new_run_warns_again(uow: Uow) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        await assess(u, tree.member_a, tree.branch_a, "2026-08", 150)
        await u.commit()
    assert (await sweep(uow, at(2026, 10, 12))).warnings == 1
    async with uow() as u:
        await pay(u, tree.member_a, tree.branch_a, ["2026-08", "2026-09", "2026-10"], 150)
        await pay(u, tree.member_a, tree.branch_a, ["2026-11"], 150)
        await u.commit()
    assert (await sweep(uow, at(2026, 11, 12))).warnings == 0
    assert (await sweep(uow, at(2027, 2, 12))).warnings == 1
    warned = [k for k in await marks(uow) if k.startswith("dues-arrears:")]
    assert sorted(warned) == [
        f"dues-arrears:{tree.member_a.id}:warning:2026-08",
        f"dues-arrears:{tree.member_a.id}:warning:2026-12",
    ]


async def test_an_exempt_month_ends_the_run(uow: Uow) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        await assess(u, tree.member_a, tree.branch_a, "2026-08", 150)
        await assess(u, tree.member_a, tree.branch_a, "2026-10", 0)
        await assess(u, tree.member_a, tree.branch_a, "2026-11", 150)
        await u.commit()
    assert (await sweep(uow, at(2026, 12, 12))).warnings == 0
    [digest] = await queued(uow, BroadcastKind.DUES_DIGEST)
    assert digest.broadcast.payload["unpaid_members"][0]["months"] == 2


async def test_a_sweep_judging_two_months_warns_each_member_once(uow: Uow) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        await assess(u, tree.member_a, tree.branch_a, "2026-08", 150)  # 4 then 5 months
        await assess(u, tree.leader_a1, tree.branch_a, "2026-05", 20)  # 7 then 8 months
        await u.commit()
    counts = await sweep(uow, at(2026, 12, 12))  # November's digest was missed
    assert (counts.warnings, counts.escalations) == (2, 1)
    assert [(w or {}).get("level") for w in await warnings_of(uow, tree.member_a)] == ["urgent"]
    assert [(w or {}).get("months") for w in await warnings_of(uow, tree.leader_a1)] == [8]
    warned = sorted(k for k in await marks(uow) if k.startswith("dues-arrears:"))
    assert warned == [
        f"dues-arrears:{tree.member_a.id}:urgent:2026-08",
        f"dues-arrears:{tree.member_a.id}:warning:2026-08",
        f"dues-arrears:{tree.leader_a1.id}:escalation:2026-05",
    ]
    assert await sweep(uow, at(2026, 12, 12, 9, 15)) == CycleCounts()


async def test_officers_are_warned_directly_when_the_digest_came_too_late(uow: Uow) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        await assess(u, tree.member_a, tree.branch_a, "2026-09", 150)
        await u.commit()
    counts = await sweep(uow, at(2026, 11, 20))  # the digest of the 12th is 8 days old
    assert (counts.digests, counts.warnings) == (0, 1)
    assert await queued(uow, BroadcastKind.DUES_DIGEST) == []
    arrears = {frozenset(s.people): s for s in await queued(uow, BroadcastKind.DUES_ARREARS)}
    officers = arrears[frozenset({tree.secretary_a.id})]
    assert officers.deliveries[0].payload is None
    assert officers.broadcast.payload["warned"] == [
        {"name": tree.member_a.display_name, "level": "warning", "months": 3, "owed": 450}
    ]
    assert arrears[frozenset({tree.member_a.id})].personal(tree.member_a) is not None


async def test_escalation_goes_to_the_nearest_committee_with_reachable_admins(uow: Uow) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        district = await make_org(u, "C2", Level.COMMITTEE, tree.committee, name="街道党工委")
        await make_person(u, "无账号管理员", None, [(district, Role.ADMIN)])
        branch = await make_org(u, "BX", Level.BRANCH, district, name="幸福社区党支部")
        member = await make_person(u, "欠费党员", 3300, [(branch, Role.MEMBER)])
        await assess(u, member, branch, "2026-09", 20)
        await u.commit()
    counts = await sweep(uow, at(2027, 2, 12))
    assert (counts.warnings, counts.escalations) == (1, 1)
    [escalation] = await queued(uow, BroadcastKind.DUES_ESCALATION)
    assert escalation.broadcast.org_id == tree.committee.id
    assert escalation.people == {tree.admin.id}
    # no officer at the branch: the member is still warned
    [warning] = await queued(uow, BroadcastKind.DUES_ARREARS)
    assert warning.people == {member.id}


async def test_the_digest_goes_where_reports_go_when_a_branch_has_no_officer_on_telegram(
    uow: Uow, clock: Any
) -> None:
    """A branch under a general branch whose only secretary has no Telegram: the members'
    reports go to the general branch's officers (bot.services.dues), and so does the digest,
    and the officers' copy of the arrears warnings."""
    tree = await build_tree(uow)
    async with uow() as u:
        general = await make_org(u, "GB", Level.GENERAL_BRANCH, tree.committee, name="总支")
        head = await make_person(u, "总支书记", 2500, [(general, Role.SECRETARY)])
        branch = await make_org(u, "GB-1", Level.BRANCH, general, name="牧区党支部")
        await make_person(u, "没有账号的书记", None, [(branch, Role.SECRETARY)])
        member = await make_person(u, "牧民党员", 3500, [(branch, Role.MEMBER)])
        await assess(u, member, branch, "2026-09", 50)
        await u.commit()
    async with uow() as u:
        actor = await people.actor_for(u, member)
        reported = await dues.report_payment(
            u, actor, [parse_month_label("2026-09")], 50, clock(), SHANGHAI
        )
    assert [r.person_id for r in reported.officers] == [head.id]

    assert (await sweep(uow, at(2026, 11, 12))).digests == 1
    [digest] = await queued(uow, BroadcastKind.DUES_DIGEST)
    assert digest.broadcast.org_id == branch.id and digest.people == {head.id}
    # January's digest found four days late: skipped, the officers warned directly
    late = await sweep(uow, at(2027, 1, 16))
    assert (late.digests, late.warnings) == (0, 1)
    officers = [
        s for s in await queued(uow, BroadcastKind.DUES_ARREARS) if s.deliveries[0].payload is None
    ]
    assert [s.people for s in officers] == [{head.id}]


async def test_a_later_digest_day_in_the_same_month_escalates_under_a_new_key(
    uow: Uow,
) -> None:
    tree = await build_tree(uow)
    await set_org(uow, tree.branch_b, settings={"dues_day": 15})
    async with uow() as u:
        await assess(u, tree.member_a, tree.branch_a, "2026-09", 150)
        await assess(u, tree.secretary_b, tree.branch_b, "2026-09", 150)
        await u.commit()
    assert (await sweep(uow, at(2027, 2, 12))).escalations == 1
    assert (await sweep(uow, at(2027, 2, 22))).escalations == 1
    escalations = await queued(uow, BroadcastKind.DUES_ESCALATION)
    base = f"dues-escalation:{tree.committee.id}:2027-02"
    assert [s.broadcast.dedupe_key for s in escalations] == [base, f"{base}:2"]
    assert [s.broadcast.payload["members"][0]["name"] for s in escalations] == [
        tree.member_a.display_name,
        tree.secretary_b.display_name,
    ]


# ----------------------------------------------------------------------------- the arithmetic

BASE_MONTH = parse_month_label("2025-01")


@settings(max_examples=400, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.integers(0, 23), st.sampled_from([0, 20, 150])),
        min_size=1,
        max_size=3,
        unique_by=lambda r: r[0],
    ),
    paid=st.sets(st.integers(0, 29)),
    offset=st.integers(0, 29),
)
def test_judging_a_member_agrees_with_the_dues_rules(
    rows: list[tuple[int, int]], paid: set[int], offset: int
) -> None:
    """The sweep's shortcuts (bits of paid months, one-row histories) give what
    dues_rules.arrears_streak and unpaid_months give."""
    history = [
        ProfileRow(7, 1, BASE_MONTH + start, fen, None, None, "党员")
        for start, fen in sorted(rows)
    ]
    month = BASE_MONTH + offset
    known = [r for r in history if r.from_month <= month]
    if not known:
        return
    credited = {BASE_MONTH + m for m in paid}
    mask_start = month - BACK_PAY_MONTHS
    mask = sum(1 << (m - mask_start) for m in credited if mask_start <= m <= month)
    last_paid = max((m for m in credited if m <= month), default=None)
    found = dues_cycle.judge(
        known, known[-1], month, last_paid, 20 * (month in credited), mask, mask_start
    )

    plan = [Assessment(r.from_month, r.amount_fen) for r in known]
    assert found.paid is (month in credited)
    assert found.streak == arrears_streak(plan, last_paid, month)
    owed_run = range(month - found.streak + 1, month + 1)
    assert found.run_fen == sum(due_in(plan, m) or 0 for m in owed_run)
    if found.owing:
        earlier = [
            m for m in unpaid_months(plan, credited, month - 1) if m >= month - BACK_PAY_MONTHS
        ]
        assert found.earlier == len(earlier)
        assert found.earlier_fen == sum(due_in(plan, m) or 0 for m in earlier)
    else:
        assert (found.streak, found.earlier, found.earlier_fen) == (0, 0, 0)


# ----------------------------------------------------------------------------- set-based


async def populate(uow: Uow, committee: Organization, count: int, start: int) -> None:
    """`count` branches, each with a secretary, a member six months unpaid and one paid."""
    async with uow() as u:
        for number in range(count):
            branch = await make_org(u, f"S{start + number}", Level.BRANCH, committee)
            seat = 100_000 + (start + number) * 10
            await make_person(u, f"书记{number}", seat, [(branch, Role.SECRETARY)])
            owing = await make_person(u, f"欠费{number}", seat + 1, [(branch, Role.MEMBER)])
            paying = await make_person(u, f"按时{number}", seat + 2, [(branch, Role.MEMBER)])
            await assess(u, owing, branch, "2026-07", 150)
            await assess(u, paying, branch, "2026-07", 150)
            await pay(u, paying, branch, ["2026-11", "2026-12"], 150)
        await u.commit()


class Statements:
    """The SQL statements one step of the cycle issues."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.seen: list[str] = []

    def _count(self, *args: Any) -> None:
        # The outbox writes broadcast headers one INSERT each on SQLite (its RETURNING
        # sorted by parameter order has no sentinel there): not the cycle's doing.
        if not str(args[2]).startswith("INSERT INTO broadcasts"):
            self.seen.append(str(args[2]))

    async def of(self, step: Awaitable[T]) -> tuple[T, list[str]]:
        self.seen = []
        event.listen(self.engine.sync_engine, "before_cursor_execute", self._count)
        try:
            return await step, self.seen
        finally:
            event.remove(self.engine.sync_engine, "before_cursor_execute", self._count)


async def plan(uow: Uow, now: datetime, policy: CyclePolicy) -> CycleCounts:
    async with uow() as u:
        return await dues_cycle.run_cycle(u, now, policy)


async def expand_batch(
    uow: Uow, now: datetime, policy: CyclePolicy, limit: int = dues_cycle.EXPAND_BATCH
) -> CycleCounts | None:
    async with uow() as u:
        return await dues_cycle.expand_due(u, now, policy, limit)


async def test_the_sweep_and_each_expansion_batch_issue_the_same_statements_for_3_and_30_branches(
    uow: Uow, engine: AsyncEngine
) -> None:
    tree = await build_tree(uow)
    policy = replace(POLICY, digest_days=0)  # reminder and digest in the same sweep
    measure = Statements(engine)

    await populate(uow, tree.committee, 3, 0)
    now = at(2026, 12, 5)
    small_plan, small_sweep = await measure.of(plan(uow, now, policy))
    assert small_plan == CycleCounts(reminders=3, digests=3, skipped=10)  # not A, B: no dues
    small, small_batch = await measure.of(expand_batch(uow, now, policy))
    assert small == CycleCounts(reminders=3, digests=3, warnings=3, escalations=1)
    assert await expand_batch(uow, now, policy) is None  # all expanded, once

    async with uow() as u:
        other = await make_org(u, "C9", Level.COMMITTEE, name="另一党委")
        other.settings = {"dues_day": 20}
        await make_person(u, "另一管理员", 9999, [(other, Role.ADMIN)])
        await u.commit()
    await populate(uow, other, 30, 100)
    now = at(2026, 12, 20)
    large_plan, large_sweep = await measure.of(plan(uow, now, policy))
    assert large_plan == CycleCounts(reminders=30, digests=30, skipped=60)
    assert len(large_sweep) == len(small_sweep), large_sweep
    large, large_batch = await measure.of(expand_batch(uow, now, policy))
    assert large == CycleCounts(reminders=30, digests=30, warnings=30, escalations=1)
    assert len(large_batch) == len(small_batch), large_batch

    idle, idle_sweep = await measure.of(plan(uow, at(2026, 12, 20, 9, 15), policy))
    assert idle == CycleCounts() and len(idle_sweep) == 3  # organizations and two mark kinds
    _, idle_expansion = await measure.of(expand_batch(uow, at(2026, 12, 20, 9, 15), policy))
    assert len(idle_expansion) == 1  # the planned broadcasts due


@pytest.mark.parametrize("branches_a_batch", [1, 2, 3, 100])
async def test_batches_take_whole_branches_and_warn_each_member_once(
    uow: Uow, branches_a_batch: int
) -> None:
    """Five branches with dues have two months due at once (November's digest, late after
    the downtime, and December's): a batch judges both months of a branch together, so each
    member is warned once, at the later month's level. A committee whose branches fall in
    several batches gets an escalation per batch, under numbered keys."""
    tree = await build_tree(uow)
    policy = replace(POLICY, digest_days=0)
    await populate(uow, tree.committee, 5, 0)
    now = at(2026, 12, 5)
    await plan(uow, now, policy)
    batches = []
    while (batch := await expand_batch(uow, now, policy, limit=branches_a_batch)) is not None:
        batches.append(batch)
    assert len(batches) == -(-5 // branches_a_batch)
    assert sum(b.warnings for b in batches) == 5
    warned = [
        d.person_id
        for s in await queued(uow, BroadcastKind.DUES_ARREARS)
        for d in s.deliveries
        if d.payload is not None  # the members' own copies
    ]
    assert len(warned) == len(set(warned)) == 5
    escalations = await queued(uow, BroadcastKind.DUES_ESCALATION)
    assert escalations and len(escalations) == sum(b.escalations for b in batches)
    if branches_a_batch >= 5:
        assert len(escalations) == 1
    base = f"dues-escalation:{tree.committee.id}:2026-12"
    assert [s.broadcast.dedupe_key for s in escalations] == [base] + [
        f"{base}:{number}" for number in range(2, len(escalations) + 1)
    ]
    assert sum(s.broadcast.payload["count"] for s in escalations) == 5


async def test_a_reminder_is_judged_when_due_so_who_paid_meanwhile_is_left_out(
    uow: Uow, world: World
) -> None:
    tree = world.tree
    assert (await plan(uow, at(2026, 12, 5, 23, 0), POLICY)).reminders == 2
    async with uow() as u:  # in the night, before the morning's reminders go out
        await pay(u, tree.member_a, tree.branch_a, ["2026-10", "2026-11", "2026-12"], 150)
        await pay(u, world.offline, tree.branch_a, ["2026-12"], 50)
        await u.commit()
    counts = await expand(uow, at(2026, 12, 6, 7, 30))
    # branch A: nobody owes now, so its planned reminder is dropped; branch B's goes out
    assert counts.reminders == 1
    [reminder] = await queued(uow, BroadcastKind.DUES_REMINDER)
    assert reminder.broadcast.org_id == tree.branch_b.id
    assert reminder.people == {tree.secretary_b.id}
    async with uow() as u:
        statuses = await u.session.scalars(select(Broadcast.status))
        assert set(statuses) == {BroadcastStatus.QUEUED}  # no plan left behind
    # the marks say the stage was handled: a later sweep plans nothing again
    assert (await sweep(uow, at(2026, 12, 6, 9, 0))).reminders == 0


# ----------------------------------------------------------------------------- renderers


async def test_every_message_renders_in_three_languages(uow: Uow, world: World) -> None:
    tree = world.tree
    async with uow() as u:
        await assess(u, tree.secretary_b, tree.branch_b, "2026-06", 300)
        await u.commit()
    await sweep(uow, at(2026, 12, 5))  # B's secretary: six months to November, escalated
    await sweep(uow, at(2026, 12, 12))
    await sweep(uow, at(2027, 2, 20))  # the digest is late: officers get the warning list
    core = await load_core()
    sent = await queued(uow)
    assert {s.broadcast.kind for s in sent} == set(RENDERERS)
    for item in sent:
        for delivery in item.deliveries:
            for locale in LOCALES:
                outgoing = RENDERERS[item.broadcast.kind](
                    item.broadcast, delivery, Translator(core, locale)
                )
                assert outgoing.text and "{" not in outgoing.text, (locale, item.broadcast.kind)
                assert len(outgoing.text) <= TEXT_LIMIT
    reminder = next(s for s in sent if s.broadcast.kind is BroadcastKind.DUES_REMINDER)
    own = next(d for d in reminder.deliveries if d.person_id == tree.member_a.id)
    english = RENDERERS[BroadcastKind.DUES_REMINDER](
        reminder.broadcast, own, Translator(core, "en")
    ).text
    assert "1.50 yuan" in english and "2 earlier months" in english and "4.50" in english
    escalation = next(s for s in sent if s.broadcast.kind is BroadcastKind.DUES_ESCALATION)
    zh = RENDERERS[BroadcastKind.DUES_ESCALATION](
        escalation.broadcast, escalation.deliveries[0], Translator(core, "zh")
    ).text
    assert tree.secretary_b.display_name in zh and "党章第九条" in zh
    member_warning = [
        s
        for s in sent
        if s.broadcast.kind is BroadcastKind.DUES_ARREARS and tree.secretary_b.id in s.people
    ][-1]
    warned = RENDERERS[BroadcastKind.DUES_ARREARS](
        member_warning.broadcast, member_warning.deliveries[0], Translator(core, "en")
    ).text
    assert "Article 9" in warned and "6 months" in warned and "2026-06 – 2026-11" in warned


async def test_long_lists_fit_one_message_and_say_how_many_more() -> None:
    core = await load_core()
    name = "很长的名字" * 20
    payload = {
        "branch": "支部",
        "month": "2026-12",
        "assessed": 900,
        "exempt": 0,
        "paid": 100,
        "unpaid": 800,
        "due_fen": 90_000,
        "paid_fen": 10_000,
        "unpaid_members": [{"name": name, "amount": 100, "months": 2}] * 40,
        "unassessed": 3,
        "warned": [{"name": name, "level": "urgent", "months": 5, "owed": 500}] * 40,
        "warned_count": 120,
    }
    broadcast = Broadcast(kind=BroadcastKind.DUES_DIGEST, payload=payload)
    for locale in LOCALES:
        text = RENDERERS[BroadcastKind.DUES_DIGEST](
            broadcast, Delivery(payload=None), Translator(core, locale)
        ).text
        assert len(text) <= TEXT_LIMIT
        assert text.count(name) >= 10
        assert core.get("duesn-digest-hint", locale) in text  # the end is not cut off
    english = RENDERERS[BroadcastKind.DUES_DIGEST](
        broadcast, Delivery(payload=None), Translator(core, "en")
    ).text
    shown = english.count(name)
    assert "… and" in english and shown < 80


@given(
    amount=st.integers(0, 10**7),
    earlier=st.integers(0, 6),
    earlier_fen=st.integers(0, 10**8),
)
def test_a_members_reminder_json_is_what_json_dumps_writes(
    amount: int, earlier: int, earlier_fen: int
) -> None:
    """The sweep writes each member's own reminder payload directly, not through json.dumps:
    the text must be the very one json.dumps gives, and read back the same."""
    member = dues_cycle.MemberDue(
        1, "党员", 42, "zh", amount, 0, False, 1, amount, earlier, earlier_fen
    )
    expected = {"amount": amount, "earlier": earlier, "owed": amount + earlier_fen}
    text = dues_cycle.reminder_json(member)
    assert text == json.dumps(expected)
    assert json.loads(text) == expected
