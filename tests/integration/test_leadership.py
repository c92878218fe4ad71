"""One acting scheduler across processes: the PostgreSQL advisory-lock leadership (two
leaderships on two engines, a stopped leader, a leader whose backend is killed, a lone leader
whose connections are all cut as by a database restart) and two real schedulers against one
database, of which exactly one sends a due meeting reminder.

The PostgreSQL tests run when ZHIBU_TEST_DATABASE_URL is set; the gate (sole leader and
follower), the start/stop order around the scheduler and a shutdown that lets a running sweep
finish are checked on every backend."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot, Dispatcher
from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import QueuePool

from bot.app import attach_scheduler
from bot.config import Settings
from bot.i18n import load_core
from bot.reminders import scheduler as scheduling
from bot.reminders.leadership import (
    SCHEDULER_LOCK_KEY,
    AdvisoryLockLeadership,
    Leadership,
    SoleLeader,
    leadership_for,
)
from bot.reminders.meetings import MEETING_REMINDERS_JOB
from bot.reminders.scheduler import FORGET_UPDATES_JOB, build_scheduler
from bot.services import meetings
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, MeetingKind
from storage.db import create_engine, create_session_factory
from storage.models import Broadcast, BroadcastKind, Delivery
from tests.conftest import PG_URL, FakeClock
from tests.factories import actor_of, build_tree
from tests.fakes import TOKEN, RecordingSession

log = logging.getLogger(__name__)

POLL = 0.1
TIMEOUT = 0.5  # generous for a loaded CI machine; the lease is POLL + TIMEOUT
SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
needs_postgres = pytest.mark.skipif(
    not PG_URL, reason="needs PostgreSQL: set ZHIBU_TEST_DATABASE_URL (advisory locks)"
)


async def until(condition: Callable[[], bool], limit: float = 10.0) -> float:
    """Wait for the condition; how long it took."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < limit, "timed out"
        await asyncio.sleep(0.005)
    return time.monotonic() - started


class Watch:
    """Samples both leaderships every few milliseconds and counts moments with two leaders."""

    def __init__(self, *leaderships: Leadership) -> None:
        self.leaderships = list(leaderships)
        self.samples = 0
        self.overlaps = 0
        self._task = asyncio.create_task(self._sample())

    async def _sample(self) -> None:
        while True:
            leaders = sum(1 for leadership in self.leaderships if leadership.is_leader)
            self.samples += 1
            self.overlaps += leaders > 1
            await asyncio.sleep(0.002)

    async def close(self) -> None:
        self._task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await self._task


@pytest.fixture
async def engines(database_url: str) -> AsyncIterator[list[AsyncEngine]]:
    """Two engines on one database, as two bot processes would have."""
    made = [create_engine(database_url), create_engine(database_url)]
    yield made
    for engine in made:
        await engine.dispose()


async def lock_holder(control: AsyncEngine) -> int | None:
    """The backend pid that holds the scheduler lock in this database, seen from outside."""
    key = SCHEDULER_LOCK_KEY & 0xFFFFFFFFFFFFFFFF
    async with control.connect() as connection:
        pid: int | None = await connection.scalar(
            text(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND classid = :classid AND objid = :objid AND objsubid = 1"
                " AND database = (SELECT oid FROM pg_database"
                " WHERE datname = current_database())"
            ),
            {"classid": key >> 32, "objid": key & 0xFFFFFFFF},
        )
    return pid


def checked_out(engine: AsyncEngine) -> int:
    """Connections of the engine's pool in use now."""
    pool = engine.pool
    assert isinstance(pool, QueuePool)
    return pool.checkedout()


async def terminate(control: AsyncEngine, pid: int) -> None:
    async with control.connect() as connection:
        assert await connection.scalar(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})


# ----------------------------------------------------------------------------- every backend


def test_the_lock_key_is_derived_from_its_name() -> None:
    digest = hashlib.sha256(b"zhibu:scheduler").digest()[:8]
    assert int.from_bytes(digest, "big", signed=True) == SCHEDULER_LOCK_KEY


async def test_leadership_follows_the_dialect(engine: AsyncEngine, backend: str) -> None:
    expected = AdvisoryLockLeadership if backend == "postgresql" else SoleLeader
    assert isinstance(leadership_for(engine), expected)


class Follower:
    is_leader = False

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None


async def test_sweeps_run_for_the_sole_leader_and_not_for_a_follower(
    uow, session_factory, clock
) -> None:
    async with uow() as u:
        u.updates.mark(1, clock() - timedelta(hours=72))
        await u.commit()
    bot = Bot(token=TOKEN, session=RecordingSession())
    core = await load_core()
    settings = Settings(_env_file=None, bot_token=TOKEN)

    follower = build_scheduler(session_factory, clock, bot, core, settings, Follower())
    job = follower.get_job(FORGET_UPDATES_JOB)
    assert await job.func(*job.args) is None
    async with uow() as u:
        assert await u.updates.seen(1)  # the follower touched nothing

    sole = build_scheduler(session_factory, clock, bot, core, settings, SoleLeader())
    job = sole.get_job(FORGET_UPDATES_JOB)
    assert await job.func(*job.args) == 1
    async with uow() as u:
        assert not await u.updates.seen(1)


class Witness:
    """A leadership that notes whether the scheduler was running when it started and stopped."""

    def __init__(self, scheduler: AsyncIOScheduler) -> None:
        self.scheduler = scheduler
        self.seen: list[tuple[str, bool]] = []
        self.is_leader = True

    async def start(self) -> None:
        self.seen.append(("start", self.scheduler.running))

    async def stop(self) -> None:
        self.seen.append(("stop", self.scheduler.running))


async def test_leadership_starts_before_and_stops_after_the_scheduler(
    session_factory, clock
) -> None:
    bot = Bot(token=TOKEN, session=RecordingSession())
    settings = Settings(_env_file=None, bot_token=TOKEN)
    scheduler = build_scheduler(session_factory, clock, bot, await load_core(), settings)
    witness = Witness(scheduler)
    dispatcher = Dispatcher()
    attach_scheduler(dispatcher, scheduler, witness)
    await dispatcher.emit_startup(bot=bot, bots=[bot], dispatcher=dispatcher)
    assert scheduler.running
    await dispatcher.emit_shutdown(bot=bot, bots=[bot], dispatcher=dispatcher)
    assert witness.seen == [("start", False), ("stop", False)]


class Recorder(Witness):
    """A leader that notes when it was stopped among what the sweeps note."""

    def __init__(self, scheduler: AsyncIOScheduler, events: list[str]) -> None:
        super().__init__(scheduler)
        self.events = events

    async def stop(self) -> None:
        self.events.append("leadership stopped")


async def stop_during_a_slow_sweep(
    session_factory: Any, clock: FakeClock, sweep_seconds: float
) -> tuple[list[str], float]:
    """Start the scheduler, run a sweep of `sweep_seconds`, shut down while it runs: what
    happened in which order, and how long the shutdown took."""
    bot = Bot(token=TOKEN, session=RecordingSession())
    settings = Settings(_env_file=None, bot_token=TOKEN)
    events: list[str] = []
    started = asyncio.Event()
    scheduler = build_scheduler(session_factory, clock, bot, await load_core(), settings)
    leadership = Recorder(scheduler, events)

    async def slow_sweep() -> None:
        started.set()
        try:
            await asyncio.sleep(sweep_seconds)
        except asyncio.CancelledError:
            events.append("sweep cancelled")
            raise
        events.append("sweep finished")

    scheduling._every(scheduler, leadership, timedelta(hours=1), "test:slow", slow_sweep)
    dispatcher = Dispatcher()
    attach_scheduler(dispatcher, scheduler, leadership)
    await dispatcher.emit_startup(bot=bot, bots=[bot], dispatcher=dispatcher)
    scheduler.get_job("test:slow").modify(next_run_time=datetime.now(UTC))
    scheduler.wakeup()
    await asyncio.wait_for(started.wait(), 5)
    began = time.monotonic()
    await dispatcher.emit_shutdown(bot=bot, bots=[bot], dispatcher=dispatcher)
    took = time.monotonic() - began
    await asyncio.sleep(0.05)
    assert not scheduler.running
    return events, took


async def test_a_shutdown_lets_a_running_sweep_finish_before_leadership_ends(
    session_factory, clock
) -> None:
    """Cancelled halfway, a sweep that claimed a meeting reminder for all its invitees would
    have sent it to only some of them; and the lock must outlive the sweep."""
    events, _ = await stop_during_a_slow_sweep(session_factory, clock, 0.3)
    assert events == ["sweep finished", "leadership stopped"]


async def test_a_sweep_still_running_after_the_grace_is_cancelled(
    session_factory, clock, monkeypatch
) -> None:
    monkeypatch.setattr(scheduling, "SHUTDOWN_GRACE_SECONDS", 0.2)
    events, took = await stop_during_a_slow_sweep(session_factory, clock, 30)
    assert events == ["sweep cancelled", "leadership stopped"]
    assert took < 2


# ----------------------------------------------------------------------------- PostgreSQL


@needs_postgres
async def test_exactly_one_leader_and_takeover_when_it_stops_or_dies(
    engines: list[AsyncEngine], engine: AsyncEngine
) -> None:
    first, second = (AdvisoryLockLeadership(e, poll=POLL, timeout=TIMEOUT) for e in engines)
    watch = Watch(first, second)
    try:
        await first.start()
        await second.start()
        await until(lambda: first.is_leader or second.is_leader)
        await asyncio.sleep(10 * POLL)
        assert first.is_leader != second.is_leader
        leader, other = (first, second) if first.is_leader else (second, first)

        # the leader stops: the other takes over within a few polls
        await leader.stop()
        assert not leader.is_leader
        took = await until(lambda: other.is_leader)
        assert took < POLL + (POLL + TIMEOUT) + 10 * POLL
        log.info("takeover after stop: %.2f s (poll %s s, timeout %s s)", took, POLL, TIMEOUT)

        # the stopped one comes back as a follower
        revived = AdvisoryLockLeadership(
            engines[0] if leader is first else engines[1], poll=POLL, timeout=TIMEOUT
        )
        watch.leaderships.append(revived)
        await revived.start()
        await asyncio.sleep(POLL + TIMEOUT + 5 * POLL)
        assert other.is_leader and not revived.is_leader

        # the leader's backend is killed, at different points of the poll cycle: the killed
        # one notices and stops claiming, the other takes over, the killed one follows again
        leader, follower = other, revived
        for kill in range(2):
            await asyncio.sleep(kill * POLL / 2)
            took = await kill_the_leader(engine, leader, follower)
            log.info("takeover after pg_terminate_backend: %.2f s", took)
            leader, follower = follower, leader
            await asyncio.sleep(3 * POLL)  # the killed one is back and polling
        await asyncio.sleep(POLL + TIMEOUT + 5 * POLL)
        assert leader.is_leader and not follower.is_leader
    finally:
        await watch.close()
        for leadership in watch.leaderships:
            await leadership.stop()
    assert watch.samples > 1000
    assert watch.overlaps == 0
    assert await lock_holder(engine) is None  # every stop gave the lock back
    assert [checked_out(e) for e in engines] == [0, 0]  # and its connection


async def kill_the_leader(control: AsyncEngine, leader: Leadership, follower: Leadership) -> float:
    """Terminate the lock holder's backend; how long until the follower leads."""
    pid = await lock_holder(control)
    assert pid is not None and leader.is_leader
    await terminate(control, pid)
    await until(lambda: not leader.is_leader, limit=POLL + TIMEOUT + 5 * POLL)
    took = await until(lambda: follower.is_leader)
    assert await lock_holder(control) not in (None, pid)
    return took


@needs_postgres
async def test_a_killed_leader_stops_claiming_before_the_next_one_starts(
    engines: list[AsyncEngine], engine: AsyncEngine
) -> None:
    """The follower polls four times as often as the leader checks, so without the wait
    after taking the lock it would mostly claim while the killed leader still does. Both
    have the same lease (poll + timeout), as every process of one deployment has."""
    lease = POLL + TIMEOUT
    slow = AdvisoryLockLeadership(engines[0], poll=4 * POLL, timeout=lease - 4 * POLL)
    watch = Watch(slow)
    try:
        await slow.start()
        for _ in range(2):
            await until(lambda: slow.is_leader)
            fast = AdvisoryLockLeadership(engines[1], poll=POLL, timeout=TIMEOUT)
            watch.leaderships.append(fast)
            await fast.start()
            await asyncio.sleep(3 * POLL)
            await kill_the_leader(engine, slow, fast)
            await fast.stop()  # the slow one, back as a follower, leads again
    finally:
        await watch.close()
        for leadership in watch.leaderships:
            await leadership.stop()
    assert watch.overlaps == 0


class Process:
    """One bot process: its own engine, Bot, leadership and started scheduler."""

    def __init__(self, engine: AsyncEngine, clock: FakeClock, core: Any) -> None:
        self.session = RecordingSession()
        self.leadership = AdvisoryLockLeadership(engine, poll=POLL, timeout=TIMEOUT)
        settings = Settings(_env_file=None, bot_token=TOKEN)
        bot = Bot(token=TOKEN, session=self.session)
        self.scheduler: AsyncIOScheduler = build_scheduler(
            create_session_factory(engine), clock, bot, core, settings, self.leadership
        )
        self.results: list[Any] = []
        self.scheduler.add_listener(self._done, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

    def _done(self, event: JobExecutionEvent) -> None:
        if event.job_id == MEETING_REMINDERS_JOB:
            self.results.append(event.exception or event.retval)

    async def start(self) -> None:
        await self.leadership.start()
        self.scheduler.start()

    async def stop(self) -> None:
        self.scheduler.shutdown(wait=False)
        await self.leadership.stop()

    def run_reminders_now(self) -> None:
        job = self.scheduler.get_job(MEETING_REMINDERS_JOB)
        job.modify(next_run_time=datetime.now(UTC))
        self.scheduler.wakeup()


async def sweep_on_both(processes: list[Process]) -> list[Any]:
    """Both schedulers fire the reminder job now; what each run returned."""
    before = [len(p.results) for p in processes]
    for process in processes:
        process.run_reminders_now()
    await until(lambda: all(len(p.results) > n for p, n in zip(processes, before, strict=True)))
    return [p.results[-1] for p in processes]


async def queued_reminders(uow) -> list[list[int]]:
    """The chats each meeting reminder was queued for (the outbox sender sends them), oldest
    first."""
    async with uow() as u:
        rows = await u.session.execute(
            select(Delivery.broadcast_id, Delivery.chat_id)
            .join(Broadcast, Broadcast.id == Delivery.broadcast_id)
            .where(Broadcast.kind == BroadcastKind.MEETING_REMINDER)
            .order_by(Delivery.broadcast_id, Delivery.chat_id)
        )
        by_broadcast: dict[int, list[int]] = {}
        for broadcast_id, chat_id in rows:
            by_broadcast.setdefault(broadcast_id, []).append(chat_id)
        return list(by_broadcast.values())


@needs_postgres
async def test_two_schedulers_one_queues_and_the_other_takes_over(
    engines: list[AsyncEngine], uow, clock: FakeClock
) -> None:
    tree = await build_tree(uow)
    secretary = await actor_of(uow, tree.secretary_a)
    spec = meetings.MeetingSpec(
        org_id=tree.branch_a.id,
        kind=MeetingKind.THEMED_PARTY_DAY,
        title="十一月主题党日",
        starts_at=clock() + timedelta(days=2),
        audience=Audience.BRANCH,
        audience_org_id=tree.branch_a.id,
    )
    async with uow() as u:
        await meetings.schedule(u, secretary, spec, clock(), SHANGHAI, QUIET)
    core = await load_core()
    processes = [Process(e, clock, core) for e in engines]
    try:
        for process in processes:
            await process.start()
        await until(lambda: any(p.leadership.is_leader for p in processes))
        leader, other = sorted(processes, key=lambda p: not p.leadership.is_leader)

        clock.advance(days=1, minutes=1)  # the "one day before" reminder is due
        ran = dict(zip(processes, await sweep_on_both(processes), strict=True))
        [invitees] = await queued_reminders(uow)
        assert ran[leader] == len(invitees) > 0
        assert len(set(invitees)) == len(invitees)  # one reminder each
        assert ran[other] is None and other.session.requests == []
        ran = dict(zip(processes, await sweep_on_both(processes), strict=True))
        assert ran == {leader: 0, other: None}  # nothing twice

        # the leader loses its leadership but keeps running: the other takes over
        await leader.leadership.stop()
        await until(lambda: other.leadership.is_leader)
        clock.advance(hours=23)  # the "one hour before" reminder is due
        ran = dict(zip(processes, await sweep_on_both(processes), strict=True))
        [first, again] = await queued_reminders(uow)
        assert first == invitees and ran == {leader: None, other: len(again)}
        assert again == invitees  # every invitee once, queued by the new leader
        ran = dict(zip(processes, await sweep_on_both(processes), strict=True))
        assert ran == {leader: None, other: 0}  # and never twice
        assert len(await queued_reminders(uow)) == 2
    finally:
        for process in processes:
            if process.scheduler.running:
                await process.stop()


@needs_postgres
async def test_a_lone_leader_leads_again_after_the_database_drops_its_connections(
    engines: list[AsyncEngine], engine: AsyncEngine
) -> None:
    """What a PostgreSQL restart does: every connection of the process is cut, the idle ones
    in its pool too. With nobody else to take over, the leader must take the lock back on a
    new connection, and the request pool must keep working."""
    mine = engines[0]
    leadership = AdvisoryLockLeadership(mine, poll=POLL, timeout=TIMEOUT)
    try:
        await leadership.start()
        await until(lambda: leadership.is_leader)
        async with mine.connect() as pooled:  # an idle pooled connection to be cut as well
            await pooled.execute(text("SELECT 1"))
        for restart in range(2):
            pid = await lock_holder(engine)
            async with engine.connect() as control:
                cut = await control.scalar(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        " AND backend_type = 'client backend'"
                    )
                )
            assert cut and cut >= 1 + (restart == 0)
            await until(lambda: not leadership.is_leader, limit=POLL + TIMEOUT + 5 * POLL)
            took = await until(lambda: leadership.is_leader)
            log.info("leading again %.2f s after the connections were cut", took)
            assert await lock_holder(engine) not in (None, pid)
        async with mine.connect() as after:
            assert await after.scalar(text("SELECT 1")) == 1
    finally:
        await leadership.stop()
    assert await lock_holder(engine) is None
    assert checked_out(mine) == 0  # no connection left behind, cut or not
