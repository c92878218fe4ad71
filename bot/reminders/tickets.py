"""The need-ticket deadline sweep: every minute, act on the service-level reminders due.

The schedule is the `ticket_reminders` table (the ticket service plans rows when a ticket
changes and drops them when it moves on), so deadlines survive restarts and nothing is
pickled into the job store. Each row is claimed and committed before anything is sent, so
none fires twice even with two sweeps running; one due in the branch's quiet hours stays
unclaimed until the morning. A rating timeout only closes the ticket and never waits.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.handlers.tickets import tell
from bot.services import tickets
from bot.services.clock import Clock
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

TICKET_DEADLINES_JOB = "tickets:deadlines"
SWEEP_SECONDS = 60


async def run_ticket_deadlines(
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    core: FluentRuntimeCore,
    settings: Settings,
    clock: Clock,
) -> int:
    """Claim the due reminders, close unrated tickets, and send the reminders and
    escalations, each in its recipient's language. Returns how many messages were sent."""
    now = clock()
    async with UnitOfWork(session_factory) as uow:
        due = await tickets.due_reminders(uow, now, settings.quiet, settings.zone)
        sent = 0
        for item in due:
            sent += await tell(bot, core, settings, uow, item.outcome, now)
    if due:
        log.info("ticket deadlines: %d due, %d messages sent", len(due), sent)
    return sent
