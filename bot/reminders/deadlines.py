"""Meeting-deadline reminders and missed reports on the scheduler (filled in by the
deadlines feature)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.services.clock import Clock

DEADLINES_JOB = "deadlines:sweep"
SWEEP_MINUTES = 10


async def run_deadline_sweeps(
    session_factory: async_sessionmaker[AsyncSession], settings: Settings, clock: Clock
) -> dict[str, int]:
    return {}
