"""APScheduler wiring. Jobs carry ids, not objects: the database says what is due.

The in-memory job store is deliberate: every job is an interval sweep registered from code
at start, and what is due lives in the database (reminder rows, marks, outbox keys), so
nothing is pickled and two processes never share a job store.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, timedelta
from typing import Any

from aiogram import Bot
from aiogram_i18n.cores import FluentRuntimeCore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import notices
from bot.config import Settings
from bot.observability.metrics import SWEEP_SECONDS, watch_scheduler
from bot.reminders import deadlines, dues, guidance, meetings, tickets
from bot.reminders.leadership import Leadership, SoleLeader
from bot.services import housekeeping
from bot.services.clock import Clock
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

FORGET_UPDATES_JOB = "housekeeping:forget-updates"
JOIN_NOTICES_JOB = "notices:join-requests"
NOTICE_SWEEP_MINUTES = 10
SHUTDOWN_GRACE_SECONDS = 30.0
"""How long a stopping process lets the sweeps already running finish before cancelling
them: the meeting reminder sweep claims a reminder before sending it, so cut off halfway it
would reach only some of the invitees, and never the rest."""


class SweepScheduler(AsyncIOScheduler):  # type: ignore[misc]  # APScheduler 3 has no types
    """The scheduler, knowing which sweeps it is running, so that a shutdown lets them
    finish instead of cancelling them (AsyncIOScheduler's shutdown cancels running jobs
    whatever `wait` says)."""

    def __init__(self) -> None:
        super().__init__(timezone=UTC)
        self.running_sweeps: set[asyncio.Task[Any]] = set()

    async def stop(self) -> None:
        """Start no new sweep, give the running ones SHUTDOWN_GRACE_SECONDS, then shut down
        (cancelling what is still running) and let the cancelled ones unwind."""
        if not self.running:
            return
        self.pause()
        running = {task for task in self.running_sweeps if not task.done()}
        late: set[asyncio.Task[Any]] = set()
        if running:
            _, late = await asyncio.wait(running, timeout=SHUTDOWN_GRACE_SECONDS)
            if late:
                log.warning(
                    "%d sweeps still running after the shutdown grace: cancelled", len(late)
                )
        self.shutdown(wait=False)
        await asyncio.sleep(0)  # AsyncIOScheduler shuts down on the loop's next turn
        if late:
            await asyncio.wait(late, timeout=SHUTDOWN_GRACE_SECONDS)


async def forget_old_updates(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock
) -> int:
    async with UnitOfWork(session_factory) as uow:
        removed = await housekeeping.forget_old_updates(uow, clock())
    if removed:
        log.info("forgot %d old update ids", removed)
    return removed


async def deliver_join_notices(
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    core: FluentRuntimeCore,
    settings: Settings,
    clock: Clock,
) -> int:
    async with UnitOfWork(session_factory) as uow:
        return await notices.deliver_due_join_notices(uow, bot, core, settings, clock())


def _every(
    scheduler: SweepScheduler,
    leadership: Leadership,
    interval: timedelta,
    job_id: str,
    sweep: Callable[..., Awaitable[Any]],
    *args: Any,
) -> None:
    """A sweep that never runs twice at once and catches up once, not once per miss.

    It runs only while this process leads: a follower's job returns at once without touching
    the database, and acts at its next interval once it leads, with no restart. While it runs
    the scheduler knows it, so a shutdown waits for it.
    """

    @functools.wraps(sweep)
    async def when_leading(*sweep_args: Any) -> Any:
        if not leadership.is_leader:
            return None
        task = asyncio.current_task()
        if task is not None:
            scheduler.running_sweeps.add(task)
        try:
            with SWEEP_SECONDS.labels(job_id).time():
                return await sweep(*sweep_args)
        finally:
            if task is not None:
                scheduler.running_sweeps.discard(task)

    scheduler.add_job(
        when_leading,
        IntervalTrigger(seconds=interval.total_seconds()),
        args=list(args),
        id=job_id,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=max(1, round(interval.total_seconds())),  # APScheduler: >= 1 s
    )


def build_scheduler(
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    bot: Bot,
    core: FluentRuntimeCore,
    settings: Settings,
    leadership: Leadership | None = None,
) -> SweepScheduler:
    """Every sweep, gated on `leadership` (by default the sole process: SQLite, tests)."""
    leadership = leadership or SoleLeader()
    scheduler = SweepScheduler()
    watch_scheduler(scheduler)
    chat = (session_factory, bot, core, settings, clock)
    _every(
        scheduler,
        leadership,
        timedelta(seconds=meetings.SWEEP_SECONDS),
        meetings.MEETING_REMINDERS_JOB,
        meetings.send_due_meeting_reminders,
        *chat,
    )
    _every(
        scheduler,
        leadership,
        timedelta(minutes=guidance.SWEEP_MINUTES),
        guidance.GUIDANCE_SWEEP_JOB,
        guidance.run_guidance_sweeps,
        session_factory,
        settings,
        clock,
    )
    _every(
        scheduler,
        leadership,
        timedelta(minutes=dues.SWEEP_MINUTES),
        dues.DUES_CYCLE_JOB,
        dues.run_dues_cycle,
        session_factory,
        settings,
        clock,
    )
    _every(
        scheduler,
        leadership,
        timedelta(seconds=dues.EXPANSION_SECONDS),
        dues.DUES_EXPANSION_JOB,
        dues.run_dues_expansion,
        session_factory,
        settings,
        clock,
    )
    _every(
        scheduler,
        leadership,
        timedelta(minutes=deadlines.SWEEP_MINUTES),
        deadlines.DEADLINES_JOB,
        deadlines.run_deadline_sweeps,
        session_factory,
        settings,
        clock,
    )
    _every(
        scheduler,
        leadership,
        timedelta(seconds=tickets.SWEEP_SECONDS),
        tickets.TICKET_DEADLINES_JOB,
        tickets.run_ticket_deadlines,
        *chat,
    )
    _every(
        scheduler,
        leadership,
        timedelta(minutes=NOTICE_SWEEP_MINUTES),
        JOIN_NOTICES_JOB,
        deliver_join_notices,
        *chat,
    )
    _every(
        scheduler,
        leadership,
        timedelta(hours=1),
        FORGET_UPDATES_JOB,
        forget_old_updates,
        session_factory,
        clock,
    )
    return scheduler
