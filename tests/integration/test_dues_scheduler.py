"""The dues cycle on the real scheduler and the real database: a bot stopped before the dues
moment and started after it sends each member's reminder exactly once (its sweep plans, its
expansion judges, the outbox sender sends), a process that loses a race to another rolls
back quietly, and a sweep or an expansion that fails half-way leaves nothing behind."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.i18n import make_core
from bot.outbox import OutboxSender, SenderConfig
from bot.reminders.dues import (
    DUES_CYCLE_JOB,
    DUES_EXPANSION_JOB,
    RETRY_AFTER,
    run_dues_cycle,
    run_dues_expansion,
)
from bot.reminders.scheduler import build_scheduler
from bot.renderers.registry import build_renderers
from bot.services import dues_cycle
from bot.services.dues_rules import DuesCategory
from bot.services.periods import parse_month_label
from storage.marks_repo import ReminderMarkRepository
from storage.models import (
    Broadcast,
    BroadcastKind,
    BroadcastStatus,
    Delivery,
    DeliveryStatus,
    DuesCredit,
    DuesPayment,
    DuesProfile,
    PaymentStatus,
    ReminderMark,
)
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.factories import T0, Tree, build_tree
from tests.fakes import TOKEN, RecordingSession

SHANGHAI = ZoneInfo("Asia/Shanghai")
DECEMBER = parse_month_label("2026-12")
Uow = Callable[[], UnitOfWork]


def local(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


def settings() -> Settings:
    return Settings(_env_file=None, bot_token=TOKEN)


async def dues_world(uow: Uow) -> Tree:
    """Bateer (branch A) and B's secretary owe December; the group leader has paid it."""
    tree = await build_tree(uow)
    async with uow() as u:
        for person, branch, fen in (
            (tree.member_a, tree.branch_a, 150),
            (tree.leader_a1, tree.branch_a, 20),
            (tree.secretary_b, tree.branch_b, 300),
        ):
            u.session.add(
                DuesProfile(
                    person_id=person.id,
                    branch_id=branch.id,
                    from_month=DECEMBER,
                    category=DuesCategory.FARMER,
                    rule_fen=fen,
                    amount_fen=fen,
                    set_at=T0,
                )
            )
        payment = DuesPayment(
            person_id=tree.leader_a1.id,
            branch_id=tree.branch_a.id,
            amount_fen=20,
            months=[DECEMBER],
            status=PaymentStatus.CONFIRMED,
            reported_at=T0,
        )
        u.session.add(payment)
        await u.session.flush()
        u.session.add(
            DuesCredit(
                payment_id=payment.id,
                person_id=tree.leader_a1.id,
                branch_id=tree.branch_a.id,
                month=DECEMBER,
                amount_fen=20,
            )
        )
        await u.commit()
    return tree


async def run_job_on_scheduler(scheduler: AsyncIOScheduler, job_id: str = DUES_CYCLE_JOB) -> Any:
    """Have the scheduler itself run a dues job now and hand back what it returned."""
    done: asyncio.Future[JobExecutionEvent] = asyncio.get_running_loop().create_future()

    def listener(event: JobExecutionEvent) -> None:
        if event.job_id == job_id and not done.done():
            done.set_result(event)

    scheduler.add_listener(listener, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    job = scheduler.get_job(job_id)
    assert job is not None
    job.modify(next_run_time=datetime.now(UTC))
    scheduler.wakeup()
    event = await asyncio.wait_for(done, timeout=10)
    scheduler.remove_listener(listener)
    assert event.exception is None
    return event.retval


async def reminders(uow: Uow) -> list[tuple[Broadcast, list[Delivery]]]:
    async with uow() as u:
        found = await u.session.scalars(
            select(Broadcast)
            .where(Broadcast.kind == BroadcastKind.DUES_REMINDER)
            .order_by(Broadcast.id)
        )
        result = []
        for broadcast in found:
            rows = await u.session.scalars(
                select(Delivery).where(Delivery.broadcast_id == broadcast.id).order_by(Delivery.id)
            )
            result.append((broadcast, list(rows)))
        return result


async def count_rows(uow: Uow, model: type[Any]) -> int:
    async with uow() as u:
        return int(await u.session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_restart_across_the_dues_moment_sends_each_reminder_once(
    session_factory: async_sessionmaker[AsyncSession], uow: Uow, clock: FakeClock
) -> None:
    tree = await dues_world(uow)
    session = RecordingSession()
    bot = Bot(TOKEN, session=session)
    core = make_core()
    await core.startup()

    clock.now = local(5, 8, 40)
    before = build_scheduler(session_factory, clock, bot, core, settings())
    before.start()
    try:
        done = await run_job_on_scheduler(before)
        expanded = await run_job_on_scheduler(before, DUES_EXPANSION_JOB)
    finally:
        before.shutdown(wait=False)
    assert done["reminders"] == 0 and expanded["reminders"] == 0
    assert await reminders(uow) == []

    clock.now = local(5, 11, 0)  # the bot was down over 09:00
    after = build_scheduler(session_factory, clock, bot, core, settings())
    after.start()
    try:
        first = await run_job_on_scheduler(after)
        job = after.get_job(DUES_CYCLE_JOB)
        assert job is not None
        second = await job.func(*job.args, **job.kwargs)
        expanded = await run_job_on_scheduler(after, DUES_EXPANSION_JOB)
        expansion = after.get_job(DUES_EXPANSION_JOB)
        assert expansion is not None
        again = await expansion.func(*expansion.args, **expansion.kwargs)
    finally:
        after.shutdown(wait=False)
    nothing = dues_cycle.CycleCounts().as_dict()
    assert first["reminders"] == 2 and second == nothing
    assert expanded["reminders"] == 2 and again == nothing

    queued = await reminders(uow)
    assert [b.org_id for b, _ in queued] == [tree.branch_a.id, tree.branch_b.id]
    assert [[d.person_id for d in rows] for _, rows in queued] == [
        [tree.member_a.id],
        [tree.secretary_b.id],
    ]

    async def sleep(seconds: float) -> None:
        clock.advance(seconds=seconds)
        await asyncio.sleep(0)

    config = SenderConfig(rate=1000, chat_interval=1, concurrency=2, max_attempts=3)
    sender = OutboxSender(
        bot, session_factory, build_renderers(), core, config, clock=clock, sleep=sleep
    )
    await sender.run_until_idle()
    await sender.run_until_idle()
    sends = [m for m in session.requests if isinstance(m, SendMessage)]
    assert sorted(int(m.chat_id) for m in sends) == [2002, 3001]
    mongolian = next(m for m in sends if m.chat_id == 3001)
    assert "1.50" in mongolian.text and "ᠲᠠᠲᠠᠪᠤᠷᠢ" in mongolian.text
    english = next(m for m in sends if m.chat_id == 2002)
    assert "3.00 yuan" in english.text and "2026-12" in english.text
    for _, rows in await reminders(uow):
        async with uow() as u:
            statuses = await u.session.scalars(
                select(Delivery.status).where(Delivery.id.in_([r.id for r in rows]))
            )
            assert set(statuses) == {DeliveryStatus.SENT}


async def test_a_process_that_lost_the_race_rolls_back_and_reports_nothing(
    session_factory: async_sessionmaker[AsyncSession],
    uow: Uow,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await dues_world(uow)
    clock.now = local(5, 9, 5)
    assert (await run_dues_cycle(session_factory, settings(), clock))["reminders"] == 2
    broadcasts, marks = await count_rows(uow, Broadcast), await count_rows(uow, ReminderMark)

    async def read_before_the_other_committed(*args: Any, **kwargs: Any) -> set[str]:
        return set()

    monkeypatch.setattr(ReminderMarkRepository, "keys", read_before_the_other_committed)
    clock.advance(minutes=10)
    late = await run_dues_cycle(session_factory, settings(), clock)
    assert late == dues_cycle.CycleCounts().as_dict()
    assert await count_rows(uow, Broadcast) == broadcasts
    assert await count_rows(uow, ReminderMark) == marks


@pytest.mark.parametrize("failing", ["plan_many", "fill_planned"])
async def test_a_step_failing_half_way_leaves_nothing_and_the_next_run_sends(
    session_factory: async_sessionmaker[AsyncSession],
    uow: Uow,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    failing: str,
) -> None:
    """The sweep failing loses its marks and plans with it; the expansion failing leaves
    the plans planned. Either way the next runs send each reminder once."""
    await dues_world(uow)
    clock.now = local(5, 9, 5)

    async def broken(*args: Any, **kwargs: Any) -> int:
        raise RuntimeError("database went away")

    async def both_jobs() -> tuple[dict[str, int], dict[str, int]]:
        return (
            await run_dues_cycle(session_factory, settings(), clock),
            await run_dues_expansion(session_factory, settings(), clock),
        )

    nothing = dues_cycle.CycleCounts().as_dict()
    with monkeypatch.context() as patch:
        patch.setattr(dues_cycle, failing, broken)
        planned, expanded = await both_jobs()
    assert expanded == nothing and await count_rows(uow, Delivery) == 0
    async with uow() as u:
        statuses = list(await u.session.scalars(select(Broadcast.status)))
    if failing == "plan_many":
        assert planned == nothing and statuses == []
        assert await count_rows(uow, ReminderMark) == 0  # the marks went with the failure
    else:  # the batch, then each branch alone: both put off for another try
        assert planned["reminders"] == 2 and set(statuses) == {BroadcastStatus.PLANNED}
        async with uow() as u:
            moments = set(await u.session.scalars(select(Broadcast.not_before)))
        assert moments == {clock() + RETRY_AFTER}
        clock.advance(seconds=30)
        assert await both_jobs() == (nothing, nothing)  # not yet
        clock.advance(seconds=RETRY_AFTER.total_seconds())
    planned, expanded = await both_jobs()
    assert expanded["reminders"] == 2
    assert [len(rows) for _, rows in await reminders(uow)] == [1, 1]
    assert await both_jobs() == (nothing, nothing)


async def test_a_branch_that_cannot_be_judged_is_put_off_and_holds_up_nobody(
    session_factory: async_sessionmaker[AsyncSession],
    uow: Uow,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    tree = await dues_world(uow)
    clock.now = local(5, 9, 5)
    await run_dues_cycle(session_factory, settings(), clock)
    judge = dues_cycle.assessed_members

    def failing_for_a(*args: Any) -> Any:
        if any(branch == tree.branch_a.id for branch, _ in args[2]):
            raise ValueError("a profile the rules cannot read")
        return judge(*args)

    monkeypatch.setattr(dues_cycle, "assessed_members", failing_for_a)
    done = await run_dues_expansion(session_factory, settings(), clock)
    assert done["reminders"] == 1  # branch B's, though A's plans come first
    assert [b.org_id for b, rows in await reminders(uow) if rows] == [tree.branch_b.id]
    async with uow() as u:
        waiting = (
            await u.session.execute(
                select(Broadcast.org_id, Broadcast.not_before).where(
                    Broadcast.status == BroadcastStatus.PLANNED
                )
            )
        ).all()
    assert {org for org, _ in waiting} == {tree.branch_a.id}
    assert {moment for _, moment in waiting} == {clock() + RETRY_AFTER}
    assert any("put off" in r.message and r.levelname == "ERROR" for r in caplog.records)

    monkeypatch.setattr(dues_cycle, "assessed_members", judge)  # the bug is fixed
    clock.advance(seconds=RETRY_AFTER.total_seconds())
    assert (await run_dues_expansion(session_factory, settings(), clock))["reminders"] == 1
    assert sorted(b.org_id for b, rows in await reminders(uow) if rows) == [
        tree.branch_a.id,
        tree.branch_b.id,
    ]


async def test_two_expanders_at_once_never_take_the_same_plans(
    engine: AsyncEngine,
    uow: Uow,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FakeClock,
) -> None:
    """Two processes both leading for a moment (PostgreSQL): the plans one expander holds
    are skipped by the other until it is done with them."""
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite: one bot process per database file, one expander")
    tree = await dues_world(uow)
    clock.now = local(5, 9, 5)
    await run_dues_cycle(session_factory, settings(), clock)
    kinds = dues_cycle.PLANNED_KINDS
    async with uow() as first:
        taken = await first.outbox.planned(kinds, clock(), 1)
        assert {row.org_id for row in taken} == {tree.branch_a.id}
        async with uow() as second:
            assert await second.outbox.planned(kinds, clock(), 1) == []
            assert {row.org_id for row in await second.outbox.planned(kinds, clock(), 2)} == {
                tree.branch_b.id
            }
