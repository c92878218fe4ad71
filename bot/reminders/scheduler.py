"""APScheduler wiring. Jobs carry ids, not objects: the database says what is due.

The in-memory job store is deliberate: every job here is re-added at start from code
(housekeeping) or, for later features, rebuilt from database rows, so nothing is pickled
and two processes never share a job store.
"""

from __future__ import annotations

import logging
from datetime import UTC

from aiogram import Bot
from aiogram_i18n.cores import FluentRuntimeCore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot import notices
from bot.config import Settings
from bot.reminders.guidance import add_guidance_jobs
from bot.reminders.meetings import add_meeting_reminder_job
from bot.reminders.tickets import add_ticket_jobs
from bot.services import housekeeping
from bot.services.clock import Clock
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

FORGET_UPDATES_JOB = "housekeeping:forget-updates"
JOIN_NOTICES_JOB = "notices:join-requests"
NOTICE_SWEEP_MINUTES = 10


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


def build_scheduler(
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    bot: Bot,
    core: FluentRuntimeCore,
    settings: Settings,
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=UTC)
    add_meeting_reminder_job(scheduler, session_factory, bot, core, settings, clock)
    add_guidance_jobs(scheduler, session_factory, settings, clock)
    add_ticket_jobs(scheduler, session_factory, bot, core, settings, clock)
    scheduler.add_job(
        deliver_join_notices,
        IntervalTrigger(minutes=NOTICE_SWEEP_MINUTES),
        args=[session_factory, bot, core, settings, clock],
        id=JOIN_NOTICES_JOB,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
    )
    scheduler.add_job(
        forget_old_updates,
        IntervalTrigger(hours=1),
        args=[session_factory, clock],
        id=FORGET_UPDATES_JOB,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=3600,
    )
    return scheduler
