"""APScheduler wiring. Jobs carry ids, not objects: the database says what is due.

The in-memory job store is deliberate: every job here is re-added at start from code
(housekeeping) or, for later features, rebuilt from database rows, so nothing is pickled
and two processes never share a job store.
"""

from __future__ import annotations

import logging
from datetime import UTC

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services import housekeeping
from bot.services.clock import Clock
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

FORGET_UPDATES_JOB = "housekeeping:forget-updates"


async def forget_old_updates(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock
) -> int:
    async with UnitOfWork(session_factory) as uow:
        removed = await housekeeping.forget_old_updates(uow, clock())
    if removed:
        log.info("forgot %d old update ids", removed)
    return removed


def build_scheduler(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone=UTC)
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
