from __future__ import annotations

from datetime import timedelta

from bot.reminders.scheduler import FORGET_UPDATES_JOB, build_scheduler, forget_old_updates


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


async def test_scheduler_carries_the_housekeeping_job(session_factory, clock) -> None:
    scheduler = build_scheduler(session_factory, clock)
    job = scheduler.get_job(FORGET_UPDATES_JOB)
    assert job is not None and job.max_instances == 1 and job.coalesce
