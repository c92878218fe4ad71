"""The outbox's storage: broadcasts and their delivery rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Broadcast, Delivery, DeliveryStatus

if TYPE_CHECKING:
    from bot.services.outbox import Recipient

INSERT_CHUNK = 500


class OutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def by_dedupe_key(self, key: str) -> Broadcast | None:
        return await self._session.scalar(select(Broadcast).where(Broadcast.dedupe_key == key))

    async def add_broadcast(self, broadcast: Broadcast) -> Broadcast:
        self._session.add(broadcast)
        await self._session.flush()
        return broadcast

    async def add_deliveries(
        self, broadcast_id: int, recipients: Sequence[Recipient], due: datetime
    ) -> None:
        """One INSERT per chunk of rows, not one per recipient."""
        rows = [
            {
                "broadcast_id": broadcast_id,
                "person_id": r.person_id,
                "chat_id": r.chat_id,
                "locale": r.locale,
                "status": DeliveryStatus.PENDING,
                "attempts": 0,
                "next_attempt_at": due,
                "error": "",
            }
            for r in recipients
        ]
        for start in range(0, len(rows), INSERT_CHUNK):
            await self._session.execute(insert(Delivery), rows[start : start + INSERT_CHUNK])
