"""Monthly guidance and each branch's receipt of it, and the reads its sweeps and coverage
need (branches, officers, themed-day meetings, deliveries) as whole sets, not per branch."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.roles import Level, MeetingKind, Role
from storage.models import (
    Attendance,
    AttendanceStatus,
    Broadcast,
    BroadcastKind,
    Delivery,
    DeliveryStatus,
    Guidance,
    GuidanceReceipt,
    GuidanceStatus,
    Meeting,
    MeetingStatus,
    Membership,
    Organization,
)

CHUNK = 500  # ids per IN (...), well under every backend's bound-parameter limit


def _chunks(values: Iterable[int]) -> list[list[int]]:
    wanted = sorted(set(values))
    return [wanted[i : i + CHUNK] for i in range(0, len(wanted), CHUNK)]


class GuidanceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    # guidance
    async def get(self, guidance_id: int) -> Guidance | None:
        return await self._session.get(Guidance, guidance_id)

    async def by_month(self, org_id: int, month: str, *, lock: bool = False) -> Guidance | None:
        """With `lock` the row stays locked until commit (PostgreSQL), so an edit and the
        publishing sweep never interleave: one waits and then sees what the other wrote."""
        query = select(Guidance).where(Guidance.org_id == org_id, Guidance.month == month)
        return await self._session.scalar(query.with_for_update() if lock else query)

    async def add(self, guidance: Guidance) -> Guidance:
        self._session.add(guidance)
        await self._session.flush()
        return guidance

    async def of_committee(self, org_id: int, limit: int) -> Sequence[Guidance]:
        rows = await self._session.scalars(
            select(Guidance)
            .where(Guidance.org_id == org_id)
            .order_by(Guidance.month.desc())
            .limit(limit)
        )
        return rows.all()

    async def due_to_publish(self, now: datetime) -> Sequence[Guidance]:
        rows = await self._session.scalars(
            select(Guidance)
            .where(Guidance.status == GuidanceStatus.SCHEDULED, Guidance.publish_at <= now)
            .order_by(Guidance.publish_at)
        )
        return rows.all()

    async def claim_publish(
        self, guidance_id: int, now: datetime, *, scheduled: bool = False
    ) -> bool:
        """Mark published; False if it already was (two publishers never both win). With
        `scheduled` (the sweep) only while it is still scheduled for a moment already come:
        the admin may have turned it back into a draft or moved it since the sweep read it."""
        conditions = [Guidance.id == guidance_id, Guidance.status != GuidanceStatus.PUBLISHED]
        if scheduled:
            conditions += [Guidance.status == GuidanceStatus.SCHEDULED, Guidance.publish_at <= now]
        result = await self._session.execute(
            update(Guidance)
            .where(*conditions)
            .values(status=GuidanceStatus.PUBLISHED, published_at=now, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    async def published_since(self, deadline_from: date) -> Sequence[Guidance]:
        """Published guidance whose deadline is on or after `deadline_from`."""
        rows = await self._session.scalars(
            select(Guidance)
            .where(Guidance.status == GuidanceStatus.PUBLISHED, Guidance.deadline >= deadline_from)
            .order_by(Guidance.id)
        )
        return rows.all()

    async def published_for_months(self, months: Iterable[str]) -> Sequence[Guidance]:
        rows = await self._session.scalars(
            select(Guidance).where(
                Guidance.status == GuidanceStatus.PUBLISHED, Guidance.month.in_(list(months))
            )
        )
        return rows.all()

    # receipts
    async def add_receipts(self, guidance_id: int, branch_ids: Iterable[int]) -> None:
        rows = [{"guidance_id": guidance_id, "branch_id": b} for b in sorted(set(branch_ids))]
        for start in range(0, len(rows), CHUNK):
            await self._session.execute(insert(GuidanceReceipt), rows[start : start + CHUNK])

    async def receipts(self, guidance_ids: Iterable[int]) -> Sequence[GuidanceReceipt]:
        found: list[GuidanceReceipt] = []
        for chunk in _chunks(guidance_ids):
            rows = await self._session.scalars(
                select(GuidanceReceipt)
                .where(GuidanceReceipt.guidance_id.in_(chunk))
                .order_by(GuidanceReceipt.id)
            )
            found.extend(rows.all())
        return found

    async def acknowledge(
        self, guidance_id: int, branch_ids: Iterable[int], person_id: int | None, now: datetime
    ) -> int:
        """Acknowledge the still open receipts among `branch_ids`; how many changed."""
        changed = 0
        for chunk in _chunks(branch_ids):
            result = await self._session.execute(
                update(GuidanceReceipt)
                .where(
                    GuidanceReceipt.guidance_id == guidance_id,
                    GuidanceReceipt.branch_id.in_(chunk),
                    GuidanceReceipt.acknowledged_at.is_(None),
                )
                .values(acknowledged_at=now, acknowledged_by_id=person_id)
                .execution_options(synchronize_session=False)
            )
            changed += int(getattr(result, "rowcount", 0) or 0)
        return changed

    # deliveries of the guidance's broadcasts
    async def stamp_acknowledged(self, guidance_id: int, person_id: int, now: datetime) -> None:
        """The presser's own GUIDANCE delivery rows show the acknowledgement."""
        broadcasts = select(Broadcast.id).where(
            Broadcast.guidance_id == guidance_id, Broadcast.kind == BroadcastKind.GUIDANCE
        )
        await self._session.execute(
            update(Delivery)
            .where(
                Delivery.broadcast_id.in_(broadcasts),
                Delivery.person_id == person_id,
                Delivery.acknowledged_at.is_(None),
            )
            .values(acknowledged_at=now)
            .execution_options(synchronize_session=False)
        )

    async def sent_guidance_to(self, guidance_id: int) -> set[int]:
        """People a GUIDANCE message of this guidance was delivered to."""
        rows = await self._session.scalars(
            select(Delivery.person_id)
            .join(Broadcast, Broadcast.id == Delivery.broadcast_id)
            .where(
                Broadcast.guidance_id == guidance_id,
                Broadcast.kind == BroadcastKind.GUIDANCE,
                Delivery.status == DeliveryStatus.SENT,
            )
        )
        return set(rows.all())

    async def received_guidance(self, guidance_id: int, person_id: int) -> bool:
        """Whether a GUIDANCE message of this guidance was addressed to the person."""
        found = await self._session.scalar(
            select(Delivery.id)
            .join(Broadcast, Broadcast.id == Delivery.broadcast_id)
            .where(
                Broadcast.guidance_id == guidance_id,
                Broadcast.kind == BroadcastKind.GUIDANCE,
                Delivery.person_id == person_id,
            )
            .limit(1)
        )
        return found is not None

    async def existing_dedupe_keys(self, keys: Iterable[str]) -> set[str]:
        wanted = sorted(set(keys))
        found: set[str] = set()
        for start in range(0, len(wanted), CHUNK):
            rows = await self._session.scalars(
                select(Broadcast.dedupe_key).where(
                    Broadcast.dedupe_key.in_(wanted[start : start + CHUNK])
                )
            )
            found.update(k for k in rows.all() if k is not None)
        return found

    # the tree
    async def branches(self) -> Sequence[Organization]:
        rows = await self._session.scalars(
            select(Organization)
            .where(Organization.level == Level.BRANCH)
            .order_by(Organization.path)
        )
        return rows.all()

    async def branches_under(self, paths: Iterable[str]) -> Sequence[Organization]:
        prefixes = sorted(set(paths))
        if not prefixes:
            return []
        rows = await self._session.scalars(
            select(Organization)
            .where(
                Organization.level == Level.BRANCH,
                or_(*(Organization.path.startswith(p, autoescape=True) for p in prefixes)),
            )
            .order_by(Organization.path)
        )
        return rows.all()

    async def holders(self, org_ids: Iterable[int], roles: Iterable[Role]) -> dict[int, set[int]]:
        """org id -> people holding any of `roles` there."""
        wanted_roles = list(roles)
        found: dict[int, set[int]] = defaultdict(set)
        for chunk in _chunks(org_ids):
            rows = await self._session.execute(
                select(Membership.org_id, Membership.person_id).where(
                    Membership.org_id.in_(chunk), Membership.role.in_(wanted_roles)
                )
            )
            for org_id, person_id in rows.all():
                found[org_id].add(person_id)
        return found

    async def holders_in_branches(
        self, branch_ids: Iterable[int], roles: Iterable[Role]
    ) -> dict[int, set[int]]:
        """branch id -> people holding any of `roles` in the branch or in its party groups."""
        wanted_roles = list(roles)
        found: dict[int, set[int]] = defaultdict(set)
        for chunk in _chunks(branch_ids):
            rows = await self._session.execute(
                select(Organization.id, Organization.parent_id, Membership.person_id)
                .join(Membership, Membership.org_id == Organization.id)
                .where(
                    or_(Organization.id.in_(chunk), Organization.parent_id.in_(chunk)),
                    Membership.role.in_(wanted_roles),
                )
            )
            chosen = set(chunk)
            for org_id, parent_id, person_id in rows.all():
                found[org_id if org_id in chosen or parent_id is None else parent_id].add(
                    person_id
                )
        return found

    # meetings
    async def themed_meetings(self, start: datetime, end: datetime) -> Sequence[Meeting]:
        """主题党日 meetings not cancelled that start in [start, end)."""
        rows = await self._session.scalars(
            select(Meeting).where(
                Meeting.kind == MeetingKind.THEMED_PARTY_DAY,
                Meeting.status != MeetingStatus.CANCELLED,
                Meeting.starts_at >= start,
                Meeting.starts_at < end,
            )
        )
        return rows.all()

    async def attended(self, meeting_ids: Iterable[int]) -> set[int]:
        """Meetings among `meeting_ids` with at least one confirmed sign-in."""
        found: set[int] = set()
        for chunk in _chunks(meeting_ids):
            rows = await self._session.scalars(
                select(Attendance.meeting_id)
                .where(
                    Attendance.meeting_id.in_(chunk),
                    Attendance.status == AttendanceStatus.CONFIRMED,
                )
                .distinct()
            )
            found.update(rows.all())
        return found
