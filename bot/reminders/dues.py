"""The monthly dues cycle on the scheduler (filled in by the dues cycle)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.services.clock import Clock

DUES_CYCLE_JOB = "dues:cycle"
SWEEP_MINUTES = 10


async def run_dues_cycle(
    session_factory: async_sessionmaker[AsyncSession], settings: Settings, clock: Clock
) -> dict[str, int]:
    return {}
