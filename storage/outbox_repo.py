"""The outbox's storage: broadcasts and their delivery rows."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession


class OutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session
