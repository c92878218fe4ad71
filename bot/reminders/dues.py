"""The monthly dues cycle on the scheduler: every few minutes one sweep over all branches
queues what came due (members' reminders, officers' digests, arrears warnings, escalations;
see bot/services/dues_cycle.py). The database is the schedule and the memory: a sweep after a
restart sends what was missed, once, and nothing twice.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.services import dues_cycle
from bot.services.clock import Clock
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

DUES_CYCLE_JOB = "dues:cycle"
SWEEP_MINUTES = 10


def policy_of(settings: Settings) -> dues_cycle.CyclePolicy:
    return dues_cycle.CyclePolicy(
        default_zone=settings.zone,
        quiet=settings.quiet,
        dues_day=settings.dues_day,
        digest_days=settings.dues_digest_days,
        grace=timedelta(hours=settings.reminder_grace_hours),
    )


async def run_dues_cycle(
    session_factory: async_sessionmaker[AsyncSession], settings: Settings, clock: Clock
) -> dict[str, int]:
    """One sweep in one transaction. A failure rolls everything back (nothing half-queued)
    and the next sweep tries again; a process that lost a race to another one finds the
    other's marks on commit and stops. Returns what was queued (all zeros when nothing)."""
    try:
        async with UnitOfWork(session_factory) as uow:
            counts = await dues_cycle.run_cycle(uow, clock(), policy_of(settings))
    except IntegrityError:
        log.info("dues cycle: another process handled these stages first")
        return dues_cycle.CycleCounts().as_dict()
    except Exception:
        log.exception("dues cycle failed; rolled back")
        return dues_cycle.CycleCounts().as_dict()
    done = counts.as_dict()
    if any(done.values()):
        log.info("dues cycle: %s", done)
    return done
