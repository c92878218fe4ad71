"""Queries of composed broadcasts: who is in an audience, how a broadcast fared, 已学习 taps.

Writing the outbox itself (broadcasts and delivery rows) is storage/outbox_repo.py's job.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.roles import Role
from storage.models import (
    Broadcast,
    BroadcastKind,
    Delivery,
    DeliveryStatus,
    Membership,
    Organization,
    Person,
)


@dataclass(frozen=True)
class DeliveryCounts:
    """How the rows of one broadcast stand; `acknowledged` counts 已学习 taps."""

    pending: int = 0
    sent: int = 0
    unreachable: int = 0
    failed: int = 0
    acknowledged: int = 0


class BroadcastRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def people_under(self, paths: Sequence[str], roles: Iterable[Role]) -> Sequence[Person]:
        """Distinct people holding any of `roles` anywhere under any of `paths`: one query."""
        if not paths:
            return []
        holders = (
            select(Membership.person_id)
            .join(Organization, Organization.id == Membership.org_id)
            .where(
                or_(*(Organization.path.startswith(p, autoescape=True) for p in paths)),
                Membership.role.in_(list(roles)),
            )
        )
        rows = await self._session.scalars(
            select(Person).where(Person.id.in_(holders)).order_by(Person.id)
        )
        return rows.all()

    async def get(self, broadcast_id: int) -> Broadcast | None:
        return await self._session.get(Broadcast, broadcast_id)

    async def recent_by(self, sender_id: int, kind: BroadcastKind, limit: int) -> list[Broadcast]:
        rows = await self._session.scalars(
            select(Broadcast)
            .where(Broadcast.sender_id == sender_id, Broadcast.kind == kind)
            .order_by(Broadcast.created_at.desc(), Broadcast.id.desc())
            .limit(limit)
        )
        return list(rows.all())

    async def counts(self, broadcast_ids: Iterable[int]) -> dict[int, DeliveryCounts]:
        """Rows per status and the 已学习 taps, for many broadcasts in one GROUP BY."""
        wanted = list(set(broadcast_ids))
        if not wanted:
            return {}
        rows = await self._session.execute(
            select(
                Delivery.broadcast_id,
                Delivery.status,
                func.count(Delivery.id),
                func.count(Delivery.acknowledged_at),
            )
            .where(Delivery.broadcast_id.in_(wanted))
            .group_by(Delivery.broadcast_id, Delivery.status)
        )
        tallies: dict[int, dict[str, int]] = {bid: {} for bid in wanted}
        for broadcast_id, status, rows_count, acked in rows.all():
            tally = tallies[broadcast_id]
            tally[DeliveryStatus(status).value] = int(rows_count)
            tally["acknowledged"] = tally.get("acknowledged", 0) + int(acked)
        return {bid: DeliveryCounts(**tally) for bid, tally in tallies.items()}

    async def recipients(
        self,
        broadcast_id: int,
        statuses: Iterable[DeliveryStatus],
        *,
        acknowledged: bool | None,
        offset: int,
        limit: int,
    ) -> tuple[list[str], int]:
        """Names of one page of a broadcast's recipients in `statuses` (and, unless None,
        with or without a 已学习 tap), and how many there are in all."""
        conditions = [Delivery.broadcast_id == broadcast_id, Delivery.status.in_(list(statuses))]
        if acknowledged is not None:
            column = Delivery.acknowledged_at
            conditions.append(column.is_not(None) if acknowledged else column.is_(None))
        total = await self._session.scalar(select(func.count(Delivery.id)).where(*conditions))
        names = await self._session.scalars(
            select(Person.display_name)
            .join(Delivery, Delivery.person_id == Person.id)
            .where(*conditions)
            .order_by(Person.display_name, Person.id)
            .offset(offset)
            .limit(limit)
        )
        return list(names.all()), int(total or 0)

    async def delivery(self, delivery_id: int) -> tuple[Delivery, Broadcast] | None:
        row = (
            await self._session.execute(
                select(Delivery, Broadcast)
                .join(Broadcast, Broadcast.id == Delivery.broadcast_id)
                .where(Delivery.id == delivery_id)
            )
        ).first()
        return None if row is None else (row[0], row[1])

    async def acknowledge(self, delivery_id: int, now: datetime) -> bool:
        """Record the tap once: atomic, so of two racing taps exactly one wins."""
        result = await self._session.execute(
            update(Delivery)
            .where(Delivery.id == delivery_id, Delivery.acknowledged_at.is_(None))
            .values(acknowledged_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)
