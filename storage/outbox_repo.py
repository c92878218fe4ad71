"""The outbox's storage: broadcasts and their delivery rows."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

from storage.bulk import insert_rows, insert_statement, processor_of
from storage.models import (
    Broadcast,
    BroadcastKind,
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


class PlannedRow(NamedTuple):
    """A planned broadcast (a header whose rows are not written yet) and its organization."""

    id: int
    kind: BroadcastKind
    org_id: int
    dedupe_key: str
    payload: dict[str, Any]
    not_before: datetime
    path: str  # the organization's


class DeliveryRow(NamedTuple):
    """One delivery row to write (a tuple: a sweep writes hundreds of thousands of them)."""

    broadcast_id: int
    person_id: int
    chat_id: int
    locale: str
    next_attempt_at: datetime
    # JSON text of what this recipient's copy says that the others' do not; None: nothing
    payload: str | None = None


# The columns a new row sets, in the order of the raw INSERT's parameters.
DELIVERY_COLUMNS = (
    "broadcast_id",
    "person_id",
    "chat_id",
    "locale",
    "next_attempt_at",
    "payload",
    "status",
    "attempts",
    "error",
)


def driver_rows(rows: Sequence[DeliveryRow], dialect: Dialect) -> list[tuple[Any, ...]]:
    """The rows as the driver takes them, converted as the columns' types would (a moment
    through UTCDateTime once per distinct value: a sweep has a few), pending, no payload as
    JSON null (what the JSON type writes for None)."""
    columns = _table(Delivery).c
    moment = processor_of(columns.next_attempt_at, dialect)
    pending = processor_of(columns.status, dialect)(DeliveryStatus.PENDING)
    no_payload = processor_of(columns.payload, dialect)(None)
    converted: list[tuple[Any, ...]] = []
    for broadcast_id, person_id, chat_id, locale, due, payload in rows:
        converted.append(
            (
                broadcast_id,
                person_id,
                chat_id,
                locale,
                moment(due),
                no_payload if payload is None else payload,
                pending,
                0,
                "",
            )
        )
    return converted


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

        Every row has the same keys. Three statements however many rows: the highest id so
        far, one executemany (through the driver, storage.bulk), and the keys of the rows
        above that id. (INSERT ... RETURNING of many rows is sent in pages
        of a thousand, so its statements would grow with the number of branches.) New ids
        are above any id seen before in this transaction; rows other processes add meanwhile
        have other keys."""
        if not rows:
            return {}
        table = _table(Broadcast)
        before = await self._session.scalar(select(func.max(table.c.id)))
        columns = list(rows[0])
        await insert_rows(
            self._session, table, columns, ([row[c] for c in columns] for row in rows)
        )
        added = await self._session.execute(
            select(table.c.dedupe_key, table.c.id).where(
                table.c.id > (before or 0), table.c.dedupe_key.is_not(None)
            )
        )
        ids = {str(key): int(broadcast_id) for key, broadcast_id in added}
        return {row["dedupe_key"]: ids[row["dedupe_key"]] for row in rows}

    async def planned(
        self, kinds: Collection[BroadcastKind], now: datetime, organizations: int
    ) -> list[PlannedRow]:
        """The planned broadcasts of `kinds` whose `not_before` has come, of the first
        `organizations` organizations that have some (all of each one's: a branch's two
        months are judged together), oldest first (a sweep plans in the order of the
        organizations' paths). On PostgreSQL they stay locked until the transaction ends,
        and rows another transaction holds are skipped: two expanders never take the same."""
        due = (
            Broadcast.status == BroadcastStatus.PLANNED,
            Broadcast.kind.in_(sorted(kinds)),
            Broadcast.not_before <= now,
        )
        first = (
            select(Broadcast.org_id)
            .where(*due)
            .group_by(Broadcast.org_id)
            .order_by(func.min(Broadcast.id))
            .limit(organizations)
        )
        rows = await self._session.execute(
            select(
                Broadcast.id,
                Broadcast.kind,
                Broadcast.org_id,
                Broadcast.dedupe_key,
                Broadcast.payload,
                Broadcast.not_before,
                Organization.path,
            )
            .join(Organization, Organization.id == Broadcast.org_id)
            .where(*due, Broadcast.org_id.in_(first))
            .order_by(Broadcast.id)
            .with_for_update(skip_locked=True, of=Broadcast)
        )
        return [PlannedRow._make(row) for row in rows]

    async def postpone_planned(self, broadcast_ids: Collection[int], until: datetime) -> None:
        """Planned broadcasts that failed to expand wait until `until` before another try."""
        await self._session.execute(
            update(Broadcast)
            .where(
                Broadcast.id.in_(sorted(broadcast_ids)),
                Broadcast.status == BroadcastStatus.PLANNED,
            )
            .values(not_before=until)
        )

    async def queue_planned(self, headers: Sequence[dict[str, Any]]) -> None:
        """Planned broadcasts become queued: each dict has `id` and the columns to set."""
        if headers:
            await self._session.execute(
                update(Broadcast), [{**h, "status": BroadcastStatus.QUEUED} for h in headers]
            )

    async def drop_planned(self, broadcast_ids: Collection[int]) -> None:
        """Planned broadcasts that turned out to have nobody to send to."""
        if broadcast_ids:
            await self._session.execute(
                delete(Broadcast).where(
                    Broadcast.id.in_(sorted(broadcast_ids)),
                    Broadcast.status == BroadcastStatus.PLANNED,
                )
            )

    async def add_deliveries(
        self, broadcast_id: int, recipients: Sequence[Recipient], due: datetime
    ) -> None:
        """One statement for all of a broadcast's rows, not one per recipient."""
        await self.add_delivery_rows(
            [DeliveryRow(broadcast_id, r.person_id, r.chat_id, r.locale, due) for r in recipients]
        )

    async def add_delivery_rows(self, rows: Sequence[DeliveryRow]) -> None:
        """One executemany for any number of rows, through the driver itself: binding
        300,000 rows of a dues day through SQLAlchemy's per-row parameter processing took
        longer than SQLite took to write them. Still one statement of the session's
        transaction (and counted by its cursor events)."""
        if not rows:
            return
        await self._session.flush()  # as the session's own execute would: rows refer to it
        connection = await self._session.connection()
        dialect = connection.dialect
        await connection.exec_driver_sql(
            insert_statement(_table(Delivery), DELIVERY_COLUMNS, dialect),
            driver_rows(rows, dialect),
        )

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
