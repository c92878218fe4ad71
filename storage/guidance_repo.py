"""Monthly guidance and each branch's receipt of it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession


class GuidanceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
