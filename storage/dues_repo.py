"""Party dues storage: profiles (what is due from when), payments, and the months they paid."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession


class DuesRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
