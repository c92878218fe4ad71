"""One branch, three views of the same month: the officers' digest from the scheduler, the
/dues overview and the XLSX ledger give the same figures (due, paid, who has not paid and
how long), and every view counts arrears the same way as the member's own account and the
cycle's warnings: a month is in arrears from 09:00 on its digest day (dues day + digest
days), not before.

The branch has members of every kind: a profile changed in September, a party group member
who paid two months back, a reduced amount with a prepaid quarter, an exempt member, a
voluntary extra, a member who moved in from another branch, one with no profile."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bot.exports.dues_ledger import MONTH_LABELS, month_workbook
from bot.handlers.dues import overview_text
from bot.i18n import Translator, load_core
from bot.renderers.dues import render_digest
from bot.services import dues, dues_cycle
from bot.services.dues_cycle import CyclePolicy
from bot.services.dues_rules import DuesCalendar, DuesCategory
from bot.services.periods import month_index
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Role
from storage.models import (
    Broadcast,
    BroadcastKind,
    Delivery,
    DuesCredit,
    DuesPayment,
    DuesProfile,
    Organization,
    PaymentStatus,
    Person,
)
from storage.uow import UnitOfWork
from tests.factories import T0, Tree, actor_of, build_tree, make_person

Uow = Callable[[], UnitOfWork]
SHANGHAI = ZoneInfo("Asia/Shanghai")
CALENDAR = DuesCalendar(dues_day=5, digest_days=7)
POLICY = CyclePolicy(
    default_zone=SHANGHAI,
    quiet=QuietHours.parse("21:30-07:30"),
    dues_day=CALENDAR.dues_day,
    digest_days=CALENDAR.digest_days,
    grace=timedelta(hours=72),
)
JAN, MAR, JUN, SEP, OCT, NOV, DEC = (month_index(2026, m) for m in (1, 3, 6, 9, 10, 11, 12))
# 09:05 on the digest day of November (the 5th + 7 days), Shanghai
DIGEST_MOMENT = datetime(2026, 11, 12, 1, 5, tzinfo=UTC)
# the 8th of November: the reminder went out, November is not in arrears yet
BEFORE_DIGEST = datetime(2026, 11, 8, 2, 0, tzinfo=UTC)
LABELS = {key: f"<{key}>" for key in MONTH_LABELS}


async def profile(
    u: UnitOfWork,
    person: Person,
    branch: Organization,
    month: int,
    amount: int,
    category: DuesCategory = DuesCategory.EMPLOYED,
    rule: int | None = None,
    reason: str = "",
) -> None:
    u.session.add(
        DuesProfile(
            person_id=person.id,
            branch_id=branch.id,
            from_month=month,
            category=category,
            base_fen=0,
            rule_fen=amount if rule is None else rule,
            amount_fen=amount,
            reason=reason,
            set_at=T0,
        )
    )
    await u.session.flush()


async def paid(
    u: UnitOfWork,
    person: Person,
    branch: Organization,
    shares: dict[int, int],
    at: datetime,
) -> None:
    payment = DuesPayment(
        person_id=person.id,
        branch_id=branch.id,
        amount_fen=sum(shares.values()),
        months=sorted(shares),
        status=PaymentStatus.CONFIRMED,
        reported_at=at,
        decided_at=at,
    )
    u.session.add(payment)
    await u.session.flush()
    for month, share in shares.items():
        u.session.add(
            DuesCredit(
                payment_id=payment.id,
                person_id=person.id,
                branch_id=branch.id,
                month=month,
                amount_fen=share,
            )
        )
    await u.session.flush()


@dataclass
class Branch:
    tree: Tree
    people: dict[str, Person]  # by name


@pytest.fixture
async def branch(uow: Uow) -> Branch:
    tree = await build_tree(uow)
    a, b = tree.branch_a, tree.branch_b
    summer = datetime(2026, 8, 20, 2, 0, tzinfo=UTC)
    async with uow() as u:
        reduced = await make_person(u, "减免党员", 3101, [(a, Role.MEMBER)])
        exempt = await make_person(u, "免交党员", 3102, [(a, Role.MEMBER)])
        extra = await make_person(u, "多交党员", None, [(a, Role.PROBATIONARY_MEMBER)])
        moved = await make_person(u, "转入党员", 3103, [(a, Role.MEMBER)])
        await make_person(u, "未核定党员", 3104, [(tree.group_a1, Role.MEMBER)])
        # 20 yuan a month, 30 from September (a raise); paid through August
        await profile(u, tree.member_a, a, JAN, 2_000)
        await profile(u, tree.member_a, a, SEP, 3_000)
        await paid(u, tree.member_a, a, dict.fromkeys(range(JAN, SEP), 2000), summer)
        # a herder of party group A1: paid June to August, then September and October
        # two months late, on 10 November; November not yet
        await profile(u, tree.leader_a1, a, JUN, 50, DuesCategory.FARMER)
        await paid(u, tree.leader_a1, a, dict.fromkeys(range(JUN, SEP), 50), summer)
        late = datetime(2026, 11, 10, 3, 0, tzinfo=UTC)
        await paid(u, tree.leader_a1, a, {SEP: 50, OCT: 50}, late)
        # 45 yuan by the rules, reduced to 20; the quarter paid ahead on 3 October
        await profile(u, reduced, a, OCT, 2_000, rule=4_500, reason="家庭困难，经党委批准")
        early = datetime(2026, 10, 3, 2, 0, tzinfo=UTC)
        await paid(u, reduced, a, {OCT: 2_000, NOV: 2_000, DEC: 2_000}, early)
        await profile(u, exempt, a, JAN, 0, DuesCategory.HARDSHIP, rule=20, reason="低保")
        # a student who paid every month and 1 yuan more in November
        await profile(u, extra, a, MAR, 20, DuesCategory.STUDENT)
        await paid(u, extra, a, dict.fromkeys(range(MAR, NOV), 20), summer)
        await paid(u, extra, a, {NOV: 120}, datetime(2026, 11, 6, 2, 0, tzinfo=UTC))
        # paid at branch B through September, moved to A in October, nothing since
        await profile(u, moved, b, JAN, 1_000)
        await profile(u, moved, a, OCT, 1_000)
        await paid(u, moved, b, dict.fromkeys(range(JAN, OCT), 1000), summer)
        await profile(u, tree.secretary_b, b, NOV, 5_000)
        await paid(u, tree.secretary_b, b, {NOV: 5_000}, early)
        await u.commit()
    people = {p.display_name: p for p in (reduced, exempt, extra, moved)}
    people |= {p.display_name: p for p in (tree.member_a, tree.leader_a1)}
    return Branch(tree, people)


async def ledger_at(uow: Uow, branch: Branch, now: datetime, month: int | None = None):
    actor = await actor_of(uow, branch.tree.secretary_a)
    async with uow() as u:
        return await dues.branch_ledger(
            u, actor, branch.tree.branch_a.id, month, now, SHANGHAI, CALENDAR
        )


async def streak_of(uow: Uow, person: Person, now: datetime) -> int:
    actor = await actor_of(uow, person)
    async with uow() as u:
        return (await dues.account(u, actor, now, SHANGHAI, CALENDAR)).streak


async def broadcasts(uow: Uow, kind: BroadcastKind) -> list[tuple[Broadcast, list[Delivery]]]:
    async with uow() as u:
        found = []
        for broadcast in await u.session.scalars(
            select(Broadcast).where(Broadcast.kind == kind).order_by(Broadcast.id)
        ):
            rows = await u.session.scalars(
                select(Delivery).where(Delivery.broadcast_id == broadcast.id)
            )
            found.append((broadcast, list(rows)))
        return found


async def sweep(uow: Uow, now: datetime) -> dues_cycle.CycleCounts:
    """The sweep and then the expansion of what it planned (one batch: one branch)."""
    async with uow() as u:
        await dues_cycle.run_cycle(u, now, POLICY)
    async with uow() as u:
        expanded = await dues_cycle.expand_due(u, now, POLICY)
    assert expanded is not None
    return expanded


def fen(value: Any) -> int:
    return int((Decimal(str(value)) * 100).to_integral_value())


def xlsx_rows(ledger: dues.Ledger) -> tuple[dict[str, list[Any]], list[Any]]:
    """The month sheet read back: member lines by name, and the totals row."""
    sheet = load_workbook(io.BytesIO(month_workbook(ledger, LABELS))).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)][2:]
    return {str(row[0]): row for row in rows[:-1]}, rows[-1]


async def test_digest_overview_and_xlsx_agree_for_the_month(uow: Uow, branch: Branch) -> None:
    tree = branch.tree
    counts = await sweep(uow, DIGEST_MOMENT)
    assert counts.digests == 2 and counts.warnings == 1
    [digest] = [
        b
        for b, _ in await broadcasts(uow, BroadcastKind.DUES_DIGEST)
        if b.org_id == tree.branch_a.id
    ]
    figures = digest.payload
    ledger = await ledger_at(uow, branch, DIGEST_MOMENT)
    sheet = ledger.month
    assert sheet.month == NOV and figures["month"] == "2026-11"

    # the numbers themselves, worked out by hand
    assert (figures["assessed"], figures["exempt"]) == (6, 1)
    assert (figures["due_fen"], figures["paid_fen"]) == (3_000 + 50 + 2_000 + 20 + 1_000, 2_120)
    unpaid = {m["name"]: (m["amount"], m["months"]) for m in figures["unpaid_members"]}
    assert unpaid == {"党员巴特尔": (3_000, 3), "转入党员": (1_000, 2), "小组长其其格": (50, 1)}

    # the overview's ledger: the same
    assert len(sheet.lines) == figures["assessed"]
    assert sum(1 for x in sheet.lines if x.due_fen == 0) == figures["exempt"]
    assert (sheet.due_fen, sheet.paid_fen) == (figures["due_fen"], figures["paid_fen"])
    assert (sheet.paid_count, len(sheet.unpaid)) == (figures["paid"], figures["unpaid"])
    assert {x.name: (x.due_fen, x.streak) for x in sheet.unpaid} == unpaid
    assert ledger.unassessed == ["书记甲", "未核定党员"] and figures["unassessed"] == 2

    # the XLSX: the same lines and totals, the arrears columns the ledger's
    lines, totals = xlsx_rows(ledger)
    assert (fen(totals[2]), fen(totals[3])) == (figures["due_fen"], figures["paid_fen"])
    for line in sheet.lines:
        row = lines[line.name]
        assert (fen(row[2]), fen(row[3])) == (line.due_fen, line.paid_fen)
        assert (row[5], fen(row[6])) == (line.arrears_months, line.arrears_fen)
    assert (totals[5], fen(totals[6])) == (sheet.arrears_months, sheet.arrears_fen)
    assert (lines["党员巴特尔"][5], fen(lines["党员巴特尔"][6])) == (3, 9_000)
    assert (lines["转入党员"][5], fen(lines["转入党员"][6])) == (2, 2_000)

    # what the officers read: the same figures in both messages
    core = await load_core()
    texts = Translator(core, "zh")
    overview = overview_text(texts, ledger)
    [(_, [delivery, *_])] = [
        (b, d) for b, d in await broadcasts(uow, BroadcastKind.DUES_DIGEST) if b.id == digest.id
    ]
    message = render_digest(digest, delivery, texts).text or ""
    for figure in ("60.70", "21.20"):
        assert figure in overview and figure in message
    for name, (_, months) in unpaid.items():
        assert f"{name} " in overview and f"连续 {months} 个月未交" in overview
        assert f"{name}：" in message
    english = overview_text(Translator(core, "en"), ledger)
    assert "小组长其其格 0.50 yuan (1 month overdue)" in english

    # the member's own account and the cycle's warning count the same run
    for name, person in branch.people.items():
        line = next(x for x in sheet.lines if x.person_id == person.id)
        assert await streak_of(uow, person, DIGEST_MOMENT) == line.streak, name
    [(_, deliveries)] = await broadcasts(uow, BroadcastKind.DUES_ARREARS)
    assert {d.person_id for d in deliveries} == {tree.member_a.id}
    assert deliveries[0].payload is not None and deliveries[0].payload["months"] == 3


async def test_before_the_digest_day_this_month_is_not_yet_in_arrears(
    uow: Uow, branch: Branch
) -> None:
    """On the 8th, November is unpaid but not overdue: the account, the overview and the
    ledger's arrears columns all count the run through October, as the October digest did,
    and the cycle warns nobody yet."""
    tree = branch.tree
    bater = tree.member_a
    assert await streak_of(uow, bater, BEFORE_DIGEST) == 2
    ledger = await ledger_at(uow, branch, BEFORE_DIGEST)
    line = next(x for x in ledger.month.lines if x.person_id == bater.id)
    assert not line.paid and line.due_fen == 3_000  # November is still to be paid ...
    assert (line.streak, line.arrears_months, line.arrears_fen) == (2, 2, 6_000)  # ... not late
    assert (
        ledger.year.lines[[y.person_id for y in ledger.year.lines].index(bater.id)].arrears_fen
        == 6_000
    )
    october = await ledger_at(uow, branch, BEFORE_DIGEST, OCT)
    line = next(x for x in october.month.lines if x.person_id == bater.id)
    assert (line.streak, line.arrears_months) == (2, 2)
    shown = overview_text(Translator(await load_core(), "zh"), ledger)
    assert "• 党员巴特尔 30.00 元（连续 2 个月未交）" in shown
    assert "• 小组长其其格 0.50 元\n" in shown  # unpaid, not overdue: no "0 months in a row"
    counts = await sweep(uow, BEFORE_DIGEST)
    assert counts.warnings == 0
    assert await broadcasts(uow, BroadcastKind.DUES_ARREARS) == []
    assert await streak_of(uow, bater, DIGEST_MOMENT) == 3
