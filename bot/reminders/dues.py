"""The monthly dues cycle on the scheduler: every few minutes one sweep over all branches
plans what came due (members' reminders, officers' digests), and every half minute the
expansion judges the members of the planned ones whose moment has come, a batch of branches
per transaction, queueing the messages with the arrears warnings and escalations they reveal
(see bot/services/dues_cycle.py). The database is the schedule and the memory: a sweep after a
restart sends what was missed, once, and nothing twice.
"""

from __future__ import annotations

import logging
import time
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
DUES_EXPANSION_JOB = "dues:expand"
EXPANSION_SECONDS = 30
# A run stops starting batches after this long (each batch is tens of milliseconds): the
# next run goes on, and a stopping bot never waits long for one.
EXPANSION_BUDGET_SECONDS = 5.0
RETRY_AFTER = timedelta(minutes=10)  # a branch whose plans failed to expand waits this long


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


async def run_dues_expansion(
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    clock: Clock,
    *,
    budget: float = EXPANSION_BUDGET_SECONDS,
) -> dict[str, int]:
    """Expand planned dues broadcasts that are due, a batch of branches per transaction,
    until none is left or `budget` seconds have passed. Returns what was queued.

    A failed batch rolls back (its plans stay planned); the rest of the run goes one branch
    at a time, and a branch that fails alone is put off by RETRY_AFTER, logged with its
    plans: one branch whose plans cannot expand never holds up the city behind it."""
    total = dues_cycle.CycleCounts()
    started = time.monotonic()
    policy = policy_of(settings)
    batch = dues_cycle.EXPAND_BATCH
    while time.monotonic() - started < budget:
        try:
            async with UnitOfWork(session_factory) as uow:
                counts = await dues_cycle.expand_due(uow, clock(), policy, batch)
        except Exception:
            if batch > 1:
                log.warning("dues expansion: a batch failed; going on branch by branch")
                batch = 1
                continue
            log.exception("dues expansion: a branch's plans failed")
            if not await _put_off_first_branch(session_factory, clock):
                break
            continue
        if counts is None:
            break
        total += counts
    done = total.as_dict()
    if any(done.values()):
        log.info("dues expansion: %s", done)
    return done


async def _put_off_first_branch(
    session_factory: async_sessionmaker[AsyncSession], clock: Clock
) -> bool:
    """Put off the plans of the branch that failed alone (the first one due); False when
    even that fails (the database is away: the next run tries again)."""
    try:
        async with UnitOfWork(session_factory) as uow:
            ids = await dues_cycle.postpone_due(uow, clock(), clock() + RETRY_AFTER)
    except Exception:
        log.exception("dues expansion: could not put them off; trying next run")
        return False
    log.error("dues expansion: plans %s put off by %s", ids, RETRY_AFTER)
    return True
