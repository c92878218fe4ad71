from __future__ import annotations

from datetime import timedelta

from bot.reminders.meetings import MEETING_REMINDERS_JOB
from bot.reminders.scheduler import (
    FORGET_UPDATES_JOB,
    JOIN_NOTICES_JOB,
    build_scheduler,
    forget_old_updates,
)


async def test_old_update_ids_are_forgotten_recent_ones_kept(uow, session_factory, clock) -> None:
    async with uow() as u:
        u.updates.mark(1, clock() - timedelta(hours=72))
        u.updates.mark(2, clock() - timedelta(hours=47))
        u.updates.mark(3, clock())
        await u.commit()
    assert await forget_old_updates(session_factory, clock) == 1
    async with uow() as u:
        assert not await u.updates.seen(1)
        assert await u.updates.seen(2) and await u.updates.seen(3)
    assert await forget_old_updates(session_factory, clock) == 0


async def test_scheduler_carries_its_jobs(session_factory, clock) -> None:
    from aiogram import Bot

    from bot.config import Settings
    from bot.i18n import load_core
    from tests.fakes import TOKEN, RecordingSession

    bot = Bot(token=TOKEN, session=RecordingSession())
    scheduler = build_scheduler(session_factory, clock, bot, await load_core(), Settings())
    from bot.reminders.guidance import GUIDANCE_SWEEP_JOB
    from bot.reminders.tickets import TICKET_DEADLINES_JOB

    every = (FORGET_UPDATES_JOB, JOIN_NOTICES_JOB, MEETING_REMINDERS_JOB)
    for job_id in (*every, GUIDANCE_SWEEP_JOB, TICKET_DEADLINES_JOB):
        job = scheduler.get_job(job_id)
        assert job is not None and job.max_instances == 1 and job.coalesce
