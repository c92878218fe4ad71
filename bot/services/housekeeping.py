"""Periodic upkeep that keeps the database small without anyone noticing."""

from __future__ import annotations

from datetime import datetime, timedelta

from storage.uow import UnitOfWork

# Telegram keeps an unconfirmed update for 24 hours; twice that is a safe memory.
UPDATE_MEMORY = timedelta(hours=48)


async def forget_old_updates(uow: UnitOfWork, now: datetime) -> int:
    """Prune the repeated-update ledger: ids older than Telegram would ever redeliver."""
    removed = await uow.updates.forget_before(now - UPDATE_MEMORY)
    await uow.commit()
    return removed
