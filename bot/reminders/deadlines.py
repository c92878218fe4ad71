"""Meeting-deadline reminders and missed reports on the scheduler: every few minutes one
set-based sweep (bot/services/deadlines.py) queues what came due into the outbox.

The database is the schedule: each reminder and report is a ReminderMark with a unique key,
written with its broadcast, so a restart loses nothing and repeats nothing.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.services import deadlines
from bot.services.clock import Clock
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

DEADLINES_JOB = "deadlines:sweep"
SWEEP_MINUTES = 10


def rules_of(settings: Settings) -> deadlines.SweepRules:
    return deadlines.SweepRules(
        default_zone=settings.zone,
        quiet=settings.quiet,
        reminder_days=settings.deadline_reminder_days,
        grace=timedelta(hours=settings.reminder_grace_hours),
    )


async def run_deadline_sweeps(
    session_factory: async_sessionmaker[AsyncSession], settings: Settings, clock: Clock
) -> dict[str, int]:
    """How many reminders and reports were queued and how many reminders were skipped as
    too late; zeros when the sweep failed (it is logged and the next run tries again)."""
    try:
        async with UnitOfWork(session_factory) as uow:
            done = (await deadlines.sweep(uow, clock(), rules_of(settings))).as_dict()
    except Exception:
        log.exception("deadline sweep failed")
        return deadlines.SweepResult().as_dict()
    if any(done.values()):
        log.info("deadline sweep: %s", done)
    return done
