"""The dues service on a real database: profiles and their history, the member's account,
reported payments (confirm, reject, double confirm, a month paid meanwhile), batch records
for a quarter, the back-payment window, arrears across a year boundary, the branch ledger,
how many statements a branch overview takes, and the dues settings (a branch's dues day,
a committee's amount for farmers and herders)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import dues
from bot.services.access import Actor
from bot.services.dues import ProfileDraft
from bot.services.dues_rules import DuesCalendar, DuesCategory
from bot.services.errors import AccessDenied, Conflict, DomainError, InvalidInput, NotFound
from bot.services.periods import month_index
from bot.services.roles import Level, Role
from storage.marks_repo import Mark
from storage.models import DuesCredit, DuesPayment, DuesProfile, Organization, PaymentStatus
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.factories import T0, Tree, actor_of, build_tree, make_org, make_person

SHANGHAI = ZoneInfo("Asia/Shanghai")
FARMER_DEFAULT = 20
CALENDAR = DuesCalendar(dues_day=5, digest_days=7)  # the configured defaults
GRACE = timedelta(hours=72)  # the dues cycle's: a stage this late is still sent
APR, MAY, AUG, SEP, OCT, NOV, DEC = (month_index(2026, m) for m in (4, 5, 8, 9, 10, 11, 12))
JAN_2027 = month_index(2027, 1)


@dataclass
class World:
    tree: Tree
    secretary: Actor
    member: Actor
    leader: Actor
    other_secretary: Actor
    admin: Actor


@pytest.fixture
async def world(uow: Callable[[], UnitOfWork]) -> World:
    tree = await build_tree(uow)
    return World(
        tree,
        await actor_of(uow, tree.secretary_a),
        await actor_of(uow, tree.member_a),
        await actor_of(uow, tree.leader_a1),
        await actor_of(uow, tree.secretary_b),
        await actor_of(uow, tree.admin),
    )


async def add_profile(
    uow: Callable[[], UnitOfWork],
    person_id: int,
    branch: Organization,
    from_month: int,
    amount: int,
    category: DuesCategory = DuesCategory.EMPLOYED,
) -> None:
    async with uow() as u:
        u.session.add(
            DuesProfile(
                person_id=person_id,
                branch_id=branch.id,
                from_month=from_month,
                category=category,
                base_fen=0,
                rule_fen=amount,
                amount_fen=amount,
                reason="",
                set_at=T0,
            )
        )
        await u.commit()


async def credits(uow: Callable[[], UnitOfWork], person_id: int) -> dict[int, int]:
    async with uow() as u:
        return await u.dues.credits_of(person_id)


async def payment_row(uow: Callable[[], UnitOfWork], payment_id: int) -> DuesPayment:
    async with uow() as u:
        found = await u.dues.payment(payment_id)
    assert found is not None
    return found


async def report(
    uow: Callable[[], UnitOfWork],
    actor: Actor,
    months: list[int],
    amount: int,
    clock: FakeClock,
    **extra: Any,
) -> dues.Reported:
    async with uow() as u:
        return await dues.report_payment(u, actor, months, amount, clock(), SHANGHAI, **extra)


async def record(
    uow: Callable[[], UnitOfWork],
    actor: Actor,
    branch: Organization,
    people: list[int],
    months: list[int],
    clock: FakeClock,
    paid_by: str = "",
) -> dues.Batch:
    async with uow() as u:
        return await dues.record_payments(
            u, actor, branch.id, people, months, paid_by, clock(), SHANGHAI
        )


async def ledger(
    uow: Callable[[], UnitOfWork],
    actor: Actor,
    branch: Organization,
    clock: FakeClock,
    month: int | None = None,
) -> dues.Ledger:
    async with uow() as u:
        return await dues.branch_ledger(u, actor, branch.id, month, clock(), SHANGHAI, CALENDAR)


def key_of(error: pytest.ExceptionInfo[DomainError]) -> str:
    return error.value.key


# ----------------------------------------------------------------------------- profiles


async def test_set_profile_from_the_current_month_and_rewrite_it(uow, world, clock) -> None:
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, AUG, 1_000)
    draft = ProfileDraft(DuesCategory.EMPLOYED, base_fen=400_000)
    async with uow() as u:
        saved = await dues.set_profile(
            u, world.secretary, tree.branch_a.id, tree.member_a.id, draft, clock(), SHANGHAI, 20
        )
    assert (saved.from_month, saved.amount_fen, saved.rule_fen) == (NOV, 4_000, 4_000)
    assert saved.set_by_id == tree.secretary_a.id and saved.set_at == clock()

    clock.advance(days=2)
    reduced = ProfileDraft(
        DuesCategory.EMPLOYED, 400_000, reduced_fen=1_000, reason="  大病 住院 "
    )
    async with uow() as u:
        await dues.set_profile(
            u, world.secretary, tree.branch_a.id, tree.member_a.id, reduced, clock(), SHANGHAI, 20
        )
        rows = await u.dues.profiles_of(tree.member_a.id)
    assert [(r.from_month, r.amount_fen) for r in rows] == [(AUG, 1_000), (NOV, 1_000)]
    assert (rows[1].rule_fen, rows[1].reason) == (4_000, "大病 住院")


@pytest.mark.parametrize(
    ("draft", "key"),
    [
        (ProfileDraft(DuesCategory.EMPLOYED), "dues-error-base-missing"),
        (ProfileDraft(DuesCategory.RETIRED, -1), "dues-error-base-range"),
        (ProfileDraft(DuesCategory.RETIRED, 100_000_001), "dues-error-base-range"),
        (ProfileDraft(DuesCategory.EMPLOYED, 0), "dues-error-base-zero"),  # exempt, no reason
        (ProfileDraft(DuesCategory.ANNUAL_SALARY, 99), "dues-error-base-zero"),  # 0.99 yuan
        (ProfileDraft(DuesCategory.RETIRED, 0, 0, "无养老金"), "dues-error-base-zero"),
        (ProfileDraft(DuesCategory.HARDSHIP, 300_000), "dues-error-hardship"),
        (ProfileDraft(DuesCategory.STUDENT, reduced_fen=0), "dues-error-reason"),
        (ProfileDraft(DuesCategory.STUDENT, reduced_fen=0, reason="x" * 301), "dues-error-reason"),
        (
            ProfileDraft(DuesCategory.STUDENT, reduced_fen=21, reason="多交"),
            "dues-error-reduction",
        ),
    ],
)
async def test_bad_profiles_are_refused(uow, world, clock, draft, key) -> None:
    with pytest.raises(InvalidInput) as error:
        async with uow() as u:
            await dues.set_profile(
                u, world.secretary, world.tree.branch_a.id, world.tree.member_a.id, draft,
                clock(), SHANGHAI, 20,
            )  # fmt: skip
    assert key_of(error) == key
    async with uow() as u:
        assert await u.dues.profiles_of(world.tree.member_a.id) == []


async def test_who_may_assess_whom(uow, world, clock) -> None:
    tree = world.tree
    draft = ProfileDraft(DuesCategory.STUDENT)
    for actor in (world.member, world.other_secretary, world.admin):
        with pytest.raises(AccessDenied):
            async with uow() as u:
                await dues.set_profile(
                    u, actor, tree.branch_a.id, tree.member_a.id, draft, clock(), SHANGHAI, 20
                )
    with pytest.raises(NotFound):  # a member of another branch, or nobody
        async with uow() as u:
            await dues.set_profile(
                u, world.secretary, tree.branch_a.id, tree.secretary_b.id, draft, clock(),
                SHANGHAI, 20,
            )  # fmt: skip
    async with uow() as u:  # a party group's member is the branch's
        saved = await dues.set_profile(
            u, world.secretary, tree.branch_a.id, tree.leader_a1.id, draft, clock(), SHANGHAI, 20
        )
    assert (saved.branch_id, saved.amount_fen) == (tree.branch_a.id, 20)


async def test_farmer_amount_from_the_nearest_setting(uow, world, clock) -> None:
    tree = world.tree
    async with uow() as u:
        committee = await u.organizations.get(tree.committee.id)
        assert committee is not None
        committee.settings = {"dues_farmer_fen": 50}
        await u.commit()
    draft = ProfileDraft(DuesCategory.FARMER, base_fen=999)
    async with uow() as u:
        preview = await dues.preview_profile(
            u, world.secretary, tree.branch_a.id, tree.member_a.id, draft, FARMER_DEFAULT
        )
    assert preview.assessed.amount_fen == 50 and preview.draft.base_fen == 0
    async with uow() as u:
        branch = await u.organizations.get(tree.branch_b.id)
        assert branch is not None
        assert await dues.farmer_amount(u, branch, FARMER_DEFAULT) == 50
        other = await make_org(u, "C2", Level.COMMITTEE)
        lone = await make_org(u, "C2-B", Level.BRANCH, other)
        assert await dues.farmer_amount(u, lone, 30) == 30


async def test_a_stored_setting_out_of_range_is_passed_over(uow, world, clock) -> None:
    """Settings written around the settings service (an import, a hand edit) are checked
    like typed ones: a farmer amount above 1 yuan would make every herder's assessment fail,
    so the next level up (or the default) holds."""
    tree = world.tree
    async with uow() as u:
        committee = await u.organizations.get(tree.committee.id)
        branch = await u.organizations.get(tree.branch_a.id)
        assert committee is not None and branch is not None
        committee.settings = {"dues_farmer_fen": 80}
        branch.settings = {"dues_farmer_fen": 500, "dues_day": True}
        await u.commit()
    draft = ProfileDraft(DuesCategory.FARMER)
    async with uow() as u:
        preview = await dues.preview_profile(
            u, world.secretary, tree.branch_a.id, tree.member_a.id, draft, FARMER_DEFAULT
        )
    assert preview.assessed.amount_fen == 80
    assert dues.nearest_setting([{"dues_day": True}, {"dues_day": 29}], "dues_day", 5) == 5
    assert dues.nearest_setting([None, {"dues_day": 28}], "dues_day", 5) == 28


# ----------------------------------------------------------------------------- the account


async def test_account_owed_payable_and_streak(uow, world, clock) -> None:
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, SEP, 1_000)
    async with uow() as u:
        mine = await dues.account(u, world.member, clock(), SHANGHAI, CALENDAR)
    assert mine.branch.id == tree.branch_a.id and mine.month == NOV
    assert mine.unpaid == [SEP, OCT, NOV] and mine.owed_fen == 3_000 and mine.streak == 3
    assert mine.payable == [SEP, OCT, NOV]
    assert list(mine.choices) == [SEP, OCT, NOV, DEC, JAN_2027, JAN_2027 + 1]
    assert mine.profile is not None and mine.profile.amount_fen == 1_000

    with pytest.raises(AccessDenied):  # an admin pays no dues here
        async with uow() as u:
            await dues.account(u, world.admin, clock(), SHANGHAI, CALENDAR)


async def test_a_party_group_member_pays_to_the_groups_branch(uow, world, clock) -> None:
    async with uow() as u:
        mine = await dues.account(u, world.leader, clock(), SHANGHAI, CALENDAR)
    assert mine.branch.id == world.tree.branch_a.id and mine.unpaid == [] and mine.choices == {}


async def test_two_branches_the_profiles_branch_wins(uow, world, clock) -> None:
    tree = world.tree
    async with uow() as u:
        both = await make_person(
            u, "两边的党员", 3100, [(tree.branch_a, Role.MEMBER), (tree.branch_b, Role.MEMBER)]
        )
        await u.commit()
    actor = await actor_of(uow, both)
    async with uow() as u:
        first = await dues.account(u, actor, clock(), SHANGHAI, CALENDAR)
    assert first.branch.id == tree.branch_a.id  # no profile: the first in tree order
    await add_profile(uow, both.id, tree.branch_b, NOV, 500)
    async with uow() as u:
        assert (
            await dues.account(u, actor, clock(), SHANGHAI, CALENDAR)
        ).branch.id == tree.branch_b.id


async def test_arrears_across_december_and_january(uow, world, clock) -> None:
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, NOV, 1_000)
    await record(uow, world.secretary, tree.branch_a, [tree.member_a.id], [NOV], clock)
    clock.now = datetime(2027, 1, 20, 4, 0, tzinfo=UTC)
    async with uow() as u:
        mine = await dues.account(u, world.member, clock(), SHANGHAI, CALENDAR)
    assert mine.unpaid == [DEC, JAN_2027] and mine.streak == 2 and mine.owed_fen == 2_000
    assert mine.paid_this_year == []  # November was last year
    seen = await ledger(uow, world.secretary, tree.branch_a, clock)
    line = next(x for x in seen.month.lines if x.person_id == tree.member_a.id)
    assert (line.arrears_months, line.arrears_fen, line.streak) == (2, 2_000, 2)
    december = await ledger(uow, world.secretary, tree.branch_a, clock, DEC)
    line = next(x for x in december.month.lines if x.person_id == tree.member_a.id)
    assert (line.arrears_months, line.streak, line.paid) == (1, 1, False)
    year_2026 = december.year
    assert year_2026.last == DEC and year_2026.due_fen == 2_000 and year_2026.paid_fen == 1_000


# ----------------------------------------------------------------------------- reports


async def test_report_confirm_books_the_extra_on_the_last_month(uow, world, clock) -> None:
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, OCT, 1_000)
    reported = await report(
        uow, world.member, [NOV, OCT], 3_000, clock, receipt_file_id="r-1", paid_by=" 女儿 "
    )
    payment = reported.payment
    assert payment.status is PaymentStatus.REPORTED and payment.months == [OCT, NOV]
    assert payment.paid_by == "女儿" and payment.receipt_file_id == "r-1"
    assert [r.person_id for r in reported.officers] == [tree.secretary_a.id]
    assert await credits(uow, tree.member_a.id) == {}  # nothing booked before confirming

    async with uow() as u:
        decided = await dues.confirm_payment(u, world.secretary, payment.id, clock())
    assert decided.shares == {OCT: 1_000, NOV: 2_000}
    assert decided.member is not None and decided.member.chat_id == 3001
    assert await credits(uow, tree.member_a.id) == {OCT: 1_000, NOV: 2_000}
    confirmed = await payment_row(uow, payment.id)
    assert confirmed.status is PaymentStatus.CONFIRMED
    assert confirmed.decided_by_id == tree.secretary_a.id

    with pytest.raises(Conflict) as error:  # a double tap, or another officer
        async with uow() as u:
            await dues.confirm_payment(u, world.secretary, payment.id, clock())
    assert key_of(error) == "dues-error-already-confirmed"
    with pytest.raises(Conflict):
        async with uow() as u:
            await dues.reject_payment(u, world.secretary, payment.id, "错了", clock())
    assert await credits(uow, tree.member_a.id) == {OCT: 1_000, NOV: 2_000}
    async with uow() as u:
        mine = await dues.account(u, world.member, clock(), SHANGHAI, CALENDAR)
    assert mine.unpaid == [] and mine.paid_this_year == [OCT, NOV] and mine.streak == 0


async def test_bad_reports_change_nothing(uow, world, clock) -> None:
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, OCT, 1_000)
    await record(uow, world.secretary, tree.branch_a, [tree.member_a.id], [OCT], clock)
    await report(uow, world.member, [NOV], 1_000, clock)
    cases = [
        ([], 1_000, "dues-error-no-months"),
        ([DEC], 999, "dues-error-amount-low"),
        ([DEC], 100_000_001, "dues-error-amount-large"),
        ([OCT], 1_000, "dues-error-month-paid"),
        ([NOV], 1_000, "dues-error-month-pending"),
        ([SEP], 1_000, "dues-error-month-window"),  # before the first assessment
        ([NOV + 4], 1_000, "dues-error-month-window"),  # beyond a quarter ahead
    ]
    for months, amount, key in cases:
        with pytest.raises(InvalidInput) as error:
            await report(uow, world.member, months, amount, clock)
        assert key_of(error) == key, months
    with pytest.raises(InvalidInput):
        await report(uow, world.member, [DEC], 1_000, clock, paid_by="代" * 129)
    with pytest.raises(AccessDenied):
        await report(uow, world.admin, [DEC], 1_000, clock)
    async with uow() as u:
        payments = (await u.session.scalars(select(DuesPayment))).all()
    assert len(payments) == 2


async def test_back_payment_limit_six_months(uow, world, clock) -> None:
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, month_index(2026, 3), 1_000)
    with pytest.raises(InvalidInput) as error:  # April is seven months back
        await report(uow, world.member, [APR, MAY], 2_000, clock)
    assert key_of(error) == "dues-error-month-window"
    with pytest.raises(InvalidInput):
        await record(uow, world.secretary, tree.branch_a, [tree.member_a.id], [APR], clock)
    reported = await report(uow, world.member, [MAY], 1_000, clock)  # six back: allowed
    async with uow() as u:
        await dues.confirm_payment(u, world.secretary, reported.payment.id, clock())
    batch = await record(
        uow, world.secretary, tree.branch_a, [tree.member_a.id], [MAY, MAY + 1], clock
    )
    assert batch.lines[0].already_paid == [MAY] and list(batch.lines[0].booked) == [MAY + 1]
    async with uow() as u:
        mine = await dues.account(u, world.member, clock(), SHANGHAI, CALENDAR)
    assert APR in mine.unpaid and APR not in mine.payable  # still owed, no longer payable


async def test_confirm_fails_cleanly_when_a_month_was_paid_meanwhile(uow, world, clock) -> None:
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, OCT, 1_000)
    reported = await report(uow, world.member, [OCT, NOV], 2_000, clock)
    async with uow() as u:  # the officer books October from his cash list meanwhile
        u.session.add(
            paid := DuesPayment(
                person_id=tree.member_a.id,
                branch_id=tree.branch_a.id,
                amount_fen=1_000,
                months=[OCT],
                status=PaymentStatus.CONFIRMED,
                reported_at=clock(),
            )
        )
        await u.session.flush()
        u.session.add(
            DuesCredit(
                payment_id=paid.id,
                person_id=tree.member_a.id,
                branch_id=tree.branch_a.id,
                month=OCT,
                amount_fen=1_000,
            )
        )
        await u.commit()
    with pytest.raises(Conflict) as error:
        async with uow() as u:
            await dues.confirm_payment(u, world.secretary, reported.payment.id, clock())
    assert key_of(error) == "dues-error-confirm-paid" and error.value.params["months"] == "2026-10"
    assert (await payment_row(uow, reported.payment.id)).status is PaymentStatus.REPORTED
    assert await credits(uow, tree.member_a.id) == {OCT: 1_000}

    with pytest.raises(InvalidInput):  # a reason is required
        async with uow() as u:
            await dues.reject_payment(u, world.secretary, reported.payment.id, "  ", clock())
    async with uow() as u:
        decided = await dues.reject_payment(
            u, world.secretary, reported.payment.id, "十月已现金缴纳，请重报十一月", clock()
        )
    assert decided.payment.status is PaymentStatus.REJECTED
    rejected = await payment_row(uow, reported.payment.id)
    assert rejected.note == "十月已现金缴纳，请重报十一月" and rejected.decided_at == clock()
    with pytest.raises(Conflict) as error:
        async with uow() as u:
            await dues.confirm_payment(u, world.secretary, reported.payment.id, clock())
    assert key_of(error) == "dues-error-already-rejected"


async def test_two_officers_deciding_at_once_only_one_wins(uow, world, clock) -> None:
    """Both officers opened the report while it was open; the second decision finds it
    decided and changes nothing."""
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, NOV, 1_000)
    reported = await report(uow, world.member, [NOV], 1_000, clock)
    payment_id = reported.payment.id
    async with uow() as first, uow() as second:
        for u in (first, second):
            seen = await u.dues.payment(payment_id)
            assert seen is not None and seen.status is PaymentStatus.REPORTED
        await dues.confirm_payment(first, world.secretary, payment_id, clock())
        with pytest.raises(Conflict) as error:
            await dues.reject_payment(second, world.secretary, payment_id, "重复", clock())
    assert key_of(error) == "dues-error-already-confirmed"
    row = await payment_row(uow, payment_id)
    assert row.status is PaymentStatus.CONFIRMED and row.note == ""
    assert await credits(uow, tree.member_a.id) == {NOV: 1_000}


async def test_only_the_branchs_officers_decide(uow, world, clock) -> None:
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, NOV, 1_000)
    reported = await report(uow, world.member, [NOV], 1_000, clock)
    for actor in (world.other_secretary, world.member, world.leader, world.admin):
        with pytest.raises(AccessDenied):
            async with uow() as u:
                await dues.confirm_payment(u, actor, reported.payment.id, clock())
    with pytest.raises(NotFound):
        async with uow() as u:
            await dues.confirm_payment(u, world.secretary, 2**40, clock())
    async with uow() as u:  # the committee's admin may look, not decide
        seen = await dues.view_payment(u, world.admin, reported.payment.id)
    assert seen.member == "党员巴特尔" and not seen.can_decide and seen.dues == {NOV: 1_000}
    assert (await payment_row(uow, reported.payment.id)).status is PaymentStatus.REPORTED


# ----------------------------------------------------------------------------- batches


async def test_batch_record_for_the_quarter(uow, world, clock) -> None:
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, OCT, 1_000)
    await add_profile(uow, tree.leader_a1.id, tree.branch_a, SEP, 20, DuesCategory.FARMER)
    await add_profile(uow, tree.secretary_a.id, tree.branch_a, OCT, 0, DuesCategory.HARDSHIP)
    await record(uow, world.secretary, tree.branch_a, [tree.member_a.id], [OCT], clock)
    await report(uow, world.leader, [DEC], 20, clock)

    people = [tree.member_a.id, tree.leader_a1.id, tree.secretary_a.id]
    batch = await record(
        uow, world.secretary, tree.branch_a, people, dues.quarter_months(NOV), clock, "组长代交"
    )
    lines = {line.person_id: line for line in batch.lines}
    assert lines[tree.member_a.id].booked == {NOV: 1_000, DEC: 1_000}
    assert lines[tree.member_a.id].already_paid == [OCT]
    assert lines[tree.leader_a1.id].booked == {OCT: 20, NOV: 20}
    assert lines[tree.leader_a1.id].pending == [DEC]
    assert lines[tree.secretary_a.id].booked == {} and lines[tree.secretary_a.id].not_due == [
        OCT,
        NOV,
        DEC,
    ]
    assert batch.total_fen == 2_040 and len(batch.booked) == 2
    assert await credits(uow, tree.member_a.id) == {OCT: 1_000, NOV: 1_000, DEC: 1_000}
    async with uow() as u:
        recorded = (
            await u.session.scalars(
                select(DuesPayment)
                .where(DuesPayment.paid_by == "组长代交")
                .order_by(DuesPayment.id)
            )
        ).all()
    assert [(p.person_id, p.amount_fen, p.months) for p in recorded] == [
        (tree.member_a.id, 2_000, [NOV, DEC]),
        (tree.leader_a1.id, 40, [OCT, NOV]),
    ]
    assert all(p.status is PaymentStatus.CONFIRMED for p in recorded)

    again = await record(uow, world.secretary, tree.branch_a, people, [NOV], clock)
    assert again.booked == []  # everything already paid: nothing written


async def test_batch_refuses_strangers_and_outsiders(uow, world, clock) -> None:
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, OCT, 1_000)
    await add_profile(uow, tree.secretary_b.id, tree.branch_b, OCT, 1_000)
    with pytest.raises(NotFound):  # another branch's member
        await record(uow, world.secretary, tree.branch_a, [tree.secretary_b.id], [NOV], clock)
    with pytest.raises(AccessDenied):
        await record(uow, world.other_secretary, tree.branch_a, [tree.member_a.id], [NOV], clock)
    with pytest.raises(AccessDenied):  # admins read the ledger, officers record
        await record(uow, world.admin, tree.branch_a, [tree.member_a.id], [NOV], clock)
    with pytest.raises(InvalidInput):
        await record(uow, world.secretary, tree.branch_a, [], [NOV], clock)
    assert await credits(uow, tree.member_a.id) == {}


# ----------------------------------------------------------------------------- the ledger


async def test_ledger_month_and_year(uow, world, clock) -> None:
    tree = world.tree
    await add_profile(uow, tree.member_a.id, tree.branch_a, OCT, 1_000)
    await add_profile(uow, tree.leader_a1.id, tree.branch_a, NOV, 20, DuesCategory.FARMER)
    await add_profile(uow, tree.secretary_a.id, tree.branch_a, NOV, 0, DuesCategory.HARDSHIP)
    await add_profile(uow, tree.secretary_b.id, tree.branch_b, NOV, 5_000)
    await record(uow, world.secretary, tree.branch_a, [tree.member_a.id], [OCT, NOV], clock)
    reported = await report(uow, world.member, [DEC], 1_500, clock)

    seen = await ledger(uow, world.admin, tree.branch_a, clock)
    sheet = seen.month
    assert [line.name for line in sheet.lines] == sorted(line.name for line in sheet.lines)
    assert len(sheet.lines) == 3 and sheet.due_fen == 1_020 and sheet.paid_fen == 1_000
    assert sheet.paid_count == 1 and [u.person_id for u in sheet.unpaid] == [tree.leader_a1.id]
    paid = next(x for x in sheet.lines if x.person_id == tree.member_a.id)
    assert paid.paid_on is not None and paid.paid_on.isoformat() == "2026-11-21"
    assert seen.pending == 1 and seen.unassessed == []
    year = seen.year
    assert year.last == NOV and year.due_in(OCT) == 1_000 and year.due_in(NOV) == 1_020
    assert year.paid_in(NOV) == sheet.paid_fen == 1_000 and year.due_fen == 2_020
    assert year.due_in(DEC) == 0

    async with uow() as u:
        await dues.confirm_payment(u, world.secretary, reported.payment.id, clock())
    seen = await ledger(uow, world.secretary, tree.branch_a, clock)
    assert seen.year.paid_in(DEC) == 1_500 and seen.pending == 0  # a prepaid December

    october = await ledger(uow, world.secretary, tree.branch_a, clock, OCT)
    assert [line.person_id for line in october.month.lines] == [tree.member_a.id]
    with pytest.raises(InvalidInput):  # no future months
        await ledger(uow, world.secretary, tree.branch_a, clock, DEC)
    with pytest.raises(AccessDenied):
        await ledger(uow, world.other_secretary, tree.branch_a, clock)
    with pytest.raises(AccessDenied):
        await ledger(uow, world.member, tree.branch_a, clock)


async def _count_overview(
    uow: Callable[[], UnitOfWork], engine: AsyncEngine, actor: Actor, branch: Organization, clock
) -> int:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        await ledger(uow, actor, branch, clock)
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    return len(statements)


async def test_the_overview_takes_a_fixed_number_of_statements(uow, world, clock, engine) -> None:
    tree = world.tree

    async def populate(branch: Organization, count: int, base: int, officer: Actor) -> None:
        async with uow() as u:
            people = [
                await make_person(u, f"党员{base + n}", base + n, [(branch, Role.MEMBER)])
                for n in range(count)
            ]
            for person in people:
                for month in (SEP, NOV):
                    u.session.add(
                        DuesProfile(
                            person_id=person.id, branch_id=branch.id, from_month=month,
                            category=DuesCategory.EMPLOYED, base_fen=0, rule_fen=900,
                            amount_fen=900, reason="", set_at=T0,
                        )
                    )  # fmt: skip
            await make_person(u, f"新党员{base}", None, [(branch, Role.PROBATIONARY_MEMBER)])
            await u.commit()
        ids = [p.id for p in people]
        await record(uow, officer, branch, ids[::2], [SEP, OCT], clock)

    await populate(tree.branch_a, 3, 50_000, world.secretary)
    small = await _count_overview(uow, engine, world.secretary, tree.branch_a, clock)
    async with uow() as u:
        big = await make_org(u, "BIG", Level.BRANCH, tree.committee)
        officer = await make_person(u, "大支部书记", 70_000, [(big, Role.SECRETARY)])
        await u.commit()
    await populate(big, 30, 60_000, await actor_of(uow, officer))
    large = await _count_overview(uow, engine, world.admin, big, clock)
    seen = await ledger(uow, world.admin, big, clock)
    assert len(seen.month.lines) == 30 and seen.unassessed == ["大支部书记", "新党员60000"]
    assert seen.year.paid_in(SEP) == 15 * 900
    assert large == small <= 6  # access, the settings up the tree, profiles, credits, ...


async def test_the_current_month_is_the_branchs_own(uow, world, clock) -> None:
    tree = world.tree
    async with uow() as u:
        branch = await u.organizations.get(tree.branch_a.id)
        assert branch is not None
        branch.timezone = "Europe/Moscow"
        await u.commit()
    clock.now = datetime(2026, 11, 30, 20, 0, tzinfo=UTC)  # Shanghai: 1 December already
    draft = ProfileDraft(DuesCategory.STUDENT)
    async with uow() as u:
        moscow = await dues.set_profile(
            u, world.secretary, tree.branch_a.id, tree.member_a.id, draft, clock(), SHANGHAI, 20
        )
    async with uow() as u:
        shanghai = await dues.set_profile(
            u, world.other_secretary, tree.branch_b.id, tree.secretary_b.id, draft, clock(),
            SHANGHAI, 20,
        )  # fmt: skip
    assert (moscow.from_month, shanghai.from_month) == (NOV, DEC)
    async with uow() as u:
        mine = await dues.account(u, world.member, clock(), SHANGHAI, CALENDAR)
    assert mine.month == NOV and mine.unpaid == [NOV]


# ----------------------------------------------------------------------------- dues settings


async def settings_of(uow: Callable[[], UnitOfWork], org: Organization) -> dict[str, Any]:
    async with uow() as u:
        found = await u.organizations.get(org.id)
    assert found is not None
    return dict(found.settings)


async def set_day(
    uow: Callable[[], UnitOfWork], actor: Actor, branch: Organization, day: int, clock: FakeClock
) -> dues.DuesDayChange:
    async with uow() as u:
        return await dues.set_dues_day(
            u, actor, branch.id, day, clock(), SHANGHAI, CALENDAR, GRACE
        )


async def test_the_secretary_sets_the_dues_day(uow, world, clock) -> None:
    """Now is 21 November, 10:00 in Shanghai. Under the 15th, November's reminder is six
    days late (past the cycle's grace: skipped), its digest on the 22nd still ahead."""
    tree = world.tree
    changed = await set_day(uow, world.secretary, tree.branch_a, 15, clock)
    assert (changed.day, changed.reminder, changed.digest) == (
        15,
        date(2026, 12, 15),
        date(2026, 11, 22),
    )
    assert await settings_of(uow, tree.branch_a) == {"dues_day": 15}
    mine = await ledger(uow, world.secretary, tree.branch_a, clock)
    assert (mine.dues_day.value, mine.dues_day.own) == (15, True)
    other = await ledger(uow, world.other_secretary, tree.branch_b, clock)
    assert (other.dues_day.value, other.dues_day.source) == (5, None)  # the default

    async with uow() as u:  # a deputy secretary may too
        deputy = await make_person(u, "副书记", 2003, [(tree.branch_a, Role.DEPUTY_SECRETARY)])
        await u.commit()
    await set_day(uow, await actor_of(uow, deputy), tree.branch_a, 28, clock)
    assert await settings_of(uow, tree.branch_a) == {"dues_day": 28}


async def test_the_next_stages_skip_what_the_cycle_already_sent(uow, world, clock) -> None:
    """Under the 20th, November's reminder was due yesterday 09:00: within the grace, the
    cycle sends it now, unless November was already reminded under the old day."""
    tree = world.tree
    changed = await set_day(uow, world.secretary, tree.branch_a, 20, clock)
    assert (changed.reminder, changed.digest) == (date(2026, 11, 21), date(2026, 11, 27))
    async with uow() as u:
        await u.marks.add(
            [
                Mark(f"dues-remind:{tree.branch_a.id}:2026-11", "dues-remind", "2026-11"),
                Mark(f"dues-digest:{tree.branch_a.id}:2026-11", "dues-digest", "2026-11"),
            ],
            clock(),
        )
        await u.commit()
    changed = await set_day(uow, world.secretary, tree.branch_a, 20, clock)
    assert (changed.reminder, changed.digest) == (date(2026, 12, 20), date(2026, 12, 27))
    changed = await set_day(uow, world.other_secretary, tree.branch_b, 20, clock)
    assert changed.reminder == date(2026, 11, 21)  # another branch's marks do not count


@pytest.mark.parametrize("day", [0, 29, -1, True])
async def test_a_dues_day_out_of_range_is_refused(uow, world, clock, day) -> None:
    with pytest.raises(InvalidInput) as error:
        await set_day(uow, world.secretary, world.tree.branch_a, day, clock)
    assert key_of(error) == "dues-error-dues-day"
    assert await settings_of(uow, world.tree.branch_a) == {}


async def test_only_the_branchs_secretaries_set_its_dues_day(uow, world, clock) -> None:
    tree = world.tree
    for actor in (world.member, world.leader, world.other_secretary, world.admin):
        with pytest.raises(AccessDenied):
            await set_day(uow, actor, tree.branch_a, 15, clock)
        with pytest.raises(AccessDenied):
            async with uow() as u:
                await dues.dues_day(u, actor, tree.branch_a.id, 5)
    with pytest.raises(NotFound):  # a committee is no branch
        await set_day(uow, world.secretary, tree.committee, 15, clock)
    assert await settings_of(uow, tree.branch_a) == {}
    assert await settings_of(uow, tree.committee) == {}


async def test_a_dues_day_set_above_is_inherited_until_the_branch_sets_its_own(
    uow, world, clock
) -> None:
    tree = world.tree
    async with uow() as u:
        committee = await u.organizations.get(tree.committee.id)
        assert committee is not None
        committee.settings = {"dues_day": 10}
        await u.commit()
    async with uow() as u:
        branch, day = await dues.dues_day(u, world.secretary, tree.branch_a.id, 5)
    assert day.value == 10 and not day.own
    assert day.source is not None and day.source.id == tree.committee.id
    await set_day(uow, world.secretary, tree.branch_a, 12, clock)
    async with uow() as u:
        _, day = await dues.dues_day(u, world.secretary, branch.id, 5)
    assert (day.value, day.own) == (12, True)
    assert await settings_of(uow, tree.committee) == {"dues_day": 10}


async def test_a_committees_admin_sets_the_farmers_amount(uow, world, clock) -> None:
    """The amount applies to assessments made from now on, in every branch below; a profile
    assessed before keeps its amount."""
    tree = world.tree
    async with uow() as u:
        [found] = await dues.farmer_committees(u, world.admin, FARMER_DEFAULT)
        assert await dues.farmer_committees(u, world.secretary, FARMER_DEFAULT) == []
    assert found.committee.id == tree.committee.id
    assert (found.amount.value, found.amount.source) == (FARMER_DEFAULT, None)
    await add_profile(uow, tree.member_a.id, tree.branch_a, OCT, 20, DuesCategory.FARMER)

    async with uow() as u:
        changed = await dues.set_farmer_amount(u, world.admin, tree.committee.id, 50)
    assert (changed.amount.value, changed.amount.own) == (50, True)
    assert await settings_of(uow, tree.committee) == {"dues_farmer_fen": 50}
    async with uow() as u:
        shown = await dues.farmer_setting(u, world.admin, tree.committee.id, FARMER_DEFAULT)
    assert (shown.amount.value, shown.amount.own) == (50, True)

    draft = ProfileDraft(DuesCategory.FARMER)
    async with uow() as u:
        new = await dues.set_profile(
            u, world.secretary, tree.branch_a.id, tree.leader_a1.id, draft, clock(), SHANGHAI,
            FARMER_DEFAULT,
        )  # fmt: skip
        old = await u.dues.profiles_of(tree.member_a.id)
    assert new.amount_fen == 50
    assert [(p.from_month, p.amount_fen) for p in old] == [(OCT, 20)]


@pytest.mark.parametrize("fen", [19, 101, 0, True])
async def test_a_farmers_amount_out_of_range_is_refused(uow, world, fen) -> None:
    with pytest.raises(InvalidInput) as error:
        async with uow() as u:
            await dues.set_farmer_amount(u, world.admin, world.tree.committee.id, fen)
    assert key_of(error) == "dues-error-farmer-range"
    assert error.value.params == {"min": "0.20", "max": "1.00"}
    assert await settings_of(uow, world.tree.committee) == {}


async def test_only_a_committees_admins_set_its_farmers_amount(uow, world) -> None:
    tree = world.tree
    for actor in (world.member, world.secretary, world.other_secretary):
        with pytest.raises(AccessDenied):
            async with uow() as u:
                await dues.set_farmer_amount(u, actor, tree.committee.id, 50)
        with pytest.raises(AccessDenied):
            async with uow() as u:
                await dues.farmer_setting(u, actor, tree.committee.id, FARMER_DEFAULT)
    with pytest.raises(NotFound):  # a branch is no committee, even for its secretary
        async with uow() as u:
            await dues.set_farmer_amount(u, world.secretary, tree.branch_a.id, 50)
    async with uow() as u:  # nor the admin of another region
        other = await make_org(u, "C2", Level.COMMITTEE)
        stranger = await make_person(u, "外区管理员", 1002, [(other, Role.ADMIN)])
        await u.commit()
    outsider = await actor_of(uow, stranger)
    with pytest.raises(AccessDenied):
        async with uow() as u:
            await dues.set_farmer_amount(u, outsider, tree.committee.id, 50)
    assert await settings_of(uow, tree.committee) == {}
    assert await settings_of(uow, tree.branch_a) == {}
