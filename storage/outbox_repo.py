"""The outbox's storage: broadcasts and their delivery rows."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Broadcast,
    BroadcastStatus,
    Delivery,
    DeliveryStatus,
    Organization,
    Person,
)

if TYPE_CHECKING:
    from bot.services.outbox import Recipient

OPEN = (BroadcastStatus.QUEUED, BroadcastStatus.SENDING)


@dataclass(frozen=True)
class OpenBroadcast:
    """A broadcast that may have rows to send now, with its organization's time zone."""

    broadcast: Broadcast
    timezone: str | None


def _table(model: type[Broadcast] | type[Delivery]) -> Table:
    """The plain table: a Core executemany skips the ORM's per-row bulk bookkeeping, which
    matters when a sweep writes a whole city's reminders."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def delivery_row(
    broadcast_id: int, recipient: Recipient, due: datetime, payload: dict[str, Any] | None
) -> dict[str, Any]:
    return {
        "broadcast_id": broadcast_id,
        "person_id": recipient.person_id,
        "chat_id": recipient.chat_id,
        "locale": recipient.locale,
        "status": DeliveryStatus.PENDING,
        "attempts": 0,
        "next_attempt_at": due,
        "error": "",
        "payload": payload,
    }


class OutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def by_dedupe_key(self, key: str) -> Broadcast | None:
        return await self._session.scalar(select(Broadcast).where(Broadcast.dedupe_key == key))

    async def add_broadcast(self, broadcast: Broadcast) -> Broadcast:
        self._session.add(broadcast)
        await self._session.flush()
        return broadcast

    async def add_broadcasts(self, rows: Sequence[dict[str, Any]]) -> dict[str, int]:
        """Many generated broadcast headers, each with its dedupe key; the new ids by key.

        RETURNING without parameter order: SQLite cannot keep the order of a multi-row
        insert, so asking for it would cost one statement per row; the keys map ids back."""
        if not rows:
            return {}
        result = await self._session.execute(
            insert(_table(Broadcast)).returning(
                _table(Broadcast).c.dedupe_key, _table(Broadcast).c.id
            ),
            rows,
        )
        return {str(key): int(broadcast_id) for key, broadcast_id in result}

    async def add_deliveries(
        self,
        broadcast_id: int,
        recipients: Sequence[Recipient],
        due: datetime,
        personal: Mapping[int, dict[str, Any]] | None = None,
    ) -> None:
        """One INSERT per chunk of rows, not one per recipient. `personal` holds what one
        recipient's copy says that the others' do not, by person id."""
        await self.add_delivery_rows(
            [
                delivery_row(broadcast_id, r, due, (personal or {}).get(r.person_id))
                for r in recipients
            ]
        )

    async def add_delivery_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """One executemany for any number of rows."""
        if rows:
            await self._session.execute(insert(_table(Delivery)), list(rows))

    # --- the sender ------------------------------------------------------------------

    async def release_claims(self) -> int:
        """Make rows that were in flight when a sender stopped (or crashed) claimable again."""
        result = await self._session.execute(
            update(Delivery)
            .where(Delivery.status == DeliveryStatus.PENDING, Delivery.claimed_at.is_not(None))
            .values(claimed_at=None)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def open_broadcasts(self, now: datetime) -> list[OpenBroadcast]:
        """Queued or sending broadcasts whose `not_before` has come, oldest first."""
        rows = await self._session.execute(
            select(Broadcast, Organization.timezone)
            .join(Organization, Organization.id == Broadcast.org_id)
            .where(Broadcast.status.in_(OPEN), Broadcast.not_before <= now)
            .order_by(Broadcast.id)
        )
        return [OpenBroadcast(broadcast, timezone) for broadcast, timezone in rows]

    async def claim(
        self, broadcast_ids: Collection[int], now: datetime, limit: int
    ) -> list[Delivery]:
        """Take up to `limit` due, unclaimed pending rows of these broadcasts in id order, and
        mark their broadcasts as sending. Two statements plus one for the header."""
        if not broadcast_ids or limit <= 0:
            return []
        rows = list(
            await self._session.scalars(
                select(Delivery)
                .where(
                    Delivery.broadcast_id.in_(broadcast_ids),
                    Delivery.status == DeliveryStatus.PENDING,
                    Delivery.claimed_at.is_(None),
                    Delivery.next_attempt_at <= now,
                )
                .order_by(Delivery.id)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
        )
        if not rows:
            return []
        await self._session.execute(
            update(Delivery).where(Delivery.id.in_([r.id for r in rows])).values(claimed_at=now)
        )
        await self._session.execute(
            update(Broadcast)
            .where(
                Broadcast.id.in_({r.broadcast_id for r in rows}),
                Broadcast.status == BroadcastStatus.QUEUED,
            )
            .values(status=BroadcastStatus.SENDING, started_at=now)
        )
        return rows

    async def update_deliveries(self, changes: Sequence[dict[str, Any]]) -> None:
        """Apply many row outcomes at once: each dict has `id` and the columns to set."""
        by_keys: dict[frozenset[str], list[dict[str, Any]]] = {}
        for change in changes:
            by_keys.setdefault(frozenset(change), []).append(change)
        for group in by_keys.values():
            await self._session.execute(update(Delivery), group)

    async def status_counts(
        self, broadcast_ids: Collection[int]
    ) -> dict[int, dict[DeliveryStatus, int]]:
        """Rows per status for each broadcast, in one grouped query."""
        counts: dict[int, dict[DeliveryStatus, int]] = {b: {} for b in broadcast_ids}
        if not broadcast_ids:
            return counts
        rows = await self._session.execute(
            select(Delivery.broadcast_id, Delivery.status, func.count())
            .where(Delivery.broadcast_id.in_(broadcast_ids))
            .group_by(Delivery.broadcast_id, Delivery.status)
        )
        for broadcast_id, status, count in rows:
            counts[broadcast_id][DeliveryStatus(status)] = int(count)
        return counts

    async def names_with_status(self, broadcast_id: int, status: DeliveryStatus) -> list[str]:
        """Display names of a broadcast's recipients whose row ended in `status`."""
        names = await self._session.scalars(
            select(Person.display_name)
            .join(Delivery, Delivery.person_id == Person.id)
            .where(Delivery.broadcast_id == broadcast_id, Delivery.status == status)
            .order_by(Delivery.id)
        )
        return list(names)

    async def update_broadcast(self, broadcast_id: int, **values: Any) -> None:
        await self._session.execute(
            update(Broadcast).where(Broadcast.id == broadcast_id).values(**values)
        )
