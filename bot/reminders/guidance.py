"""The guidance sweeps, every few minutes: publish scheduled guidance whose moment came,
remind laggard branches before the deadline, report missed deadlines to the admins, and
remind members before their branch's themed Party day.

Each sweep only queues broadcasts (with dedupe keys, so each exists once however often it
runs and across restarts); the outbox sender delivers them. The database is the schedule:
nothing is pickled into the job store.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.services import guidance, themed_day
from bot.services.clock import Clock
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

GUIDANCE_SWEEP_JOB = "guidance:sweeps"
SWEEP_MINUTES = 5


async def run_guidance_sweeps(
    session_factory: async_sessionmaker[AsyncSession], settings: Settings, clock: Clock
) -> dict[str, int]:
    """Each sweep in its own unit of work, so one failing does not hold back the others.
    Returns how many items each queued."""
    now = clock()
    zone, quiet = settings.zone, settings.quiet
    done: dict[str, int] = {}
    sweeps: dict[str, Callable[[UnitOfWork], Awaitable[int]]] = {
        "published": lambda u: guidance.publish_due(u, now, zone, quiet),
        "reminders": lambda u: guidance.send_reminders(
            u, now, settings.guidance_reminder_days, zone, quiet
        ),
        "missed": lambda u: guidance.send_missed_reports(u, now, zone, quiet),
        "themed_day": lambda u: themed_day.send_member_reminders(
            u, now, settings.themed_day_reminder_days, zone, quiet
        ),
    }
    for name, sweep in sweeps.items():
        try:
            async with UnitOfWork(session_factory) as uow:
                done[name] = await sweep(uow)
        except Exception:
            log.exception("guidance sweep %s failed", name)
            done[name] = 0
    if any(done.values()):
        log.info("guidance sweeps: %s", done)
    return done
