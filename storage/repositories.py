"""Repositories: the only place that writes SQL. They flush but never commit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import String, and_, delete, func, literal, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.roles import Role
from storage.models import (
    Attendance,
    CodeAttempt,
    Invitation,
    Invite,
    JoinRequest,
    JoinStatus,
    Meeting,
    MeetingReminder,
    MeetingStatus,
    Membership,
    Organization,
    Person,
    ProcessedUpdate,
)


class OrganizationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, org_id: int) -> Organization | None:
        return await self._session.get(Organization, org_id)

    async def by_code(self, code: str) -> Organization | None:
        return await self._session.scalar(select(Organization).where(Organization.code == code))

    async def by_codes(self, codes: Iterable[str]) -> dict[str, Organization]:
        wanted = list(set(codes))
        if not wanted:
            return {}
        rows = await self._session.scalars(
            select(Organization).where(Organization.code.in_(wanted))
        )
        return {org.code: org for org in rows}

    async def by_ids(self, ids: Iterable[int]) -> dict[int, Organization]:
        wanted = list(set(ids))
        if not wanted:
            return {}
        rows = await self._session.scalars(select(Organization).where(Organization.id.in_(wanted)))
        return {org.id: org for org in rows}

    async def add(self, org: Organization, parent: Organization | None) -> Organization:
        """Insert and give the new node its materialized path (needs its id, so a flush)."""
        self._session.add(org)
        await self._session.flush()
        org.path = f"{parent.path if parent else '/'}{org.id}/"
        await self._session.flush()
        return org

    async def move(self, org: Organization, new_parent: Organization | None) -> None:
        """Hang `org` (and its whole subtree) under `new_parent`, rewriting their paths."""
        old_prefix = org.path
        new_prefix = f"{new_parent.path if new_parent else '/'}{org.id}/"
        org.parent_id = new_parent.id if new_parent else None
        await self._session.flush()
        await self._session.execute(
            update(Organization)
            .where(Organization.path.startswith(old_prefix, autoescape=True))
            .values(
                path=literal(new_prefix, String)
                + func.substr(Organization.path, len(old_prefix) + 1)
            )
            .execution_options(synchronize_session=False)
        )
        await self._session.refresh(org)

    async def children(self, org_id: int) -> Sequence[Organization]:
        rows = await self._session.scalars(
            select(Organization)
            .where(Organization.parent_id == org_id)
            .order_by(Organization.name)
        )
        return rows.all()

    async def subtree(self, root: Organization) -> Sequence[Organization]:
        rows = await self._session.scalars(
            select(Organization)
            .where(Organization.path.startswith(root.path, autoescape=True))
            .order_by(Organization.path)
        )
        return rows.all()

    async def everything(self) -> Sequence[Organization]:
        """The whole forest, each node after its parent."""
        rows = await self._session.scalars(select(Organization).order_by(Organization.path))
        return rows.all()

    async def count(self) -> int:
        return int(await self._session.scalar(select(func.count(Organization.id))) or 0)


class PersonRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, person_id: int) -> Person | None:
        return await self._session.get(Person, person_id)

    async def by_ids(self, ids: Iterable[int]) -> dict[int, Person]:
        wanted = list(set(ids))
        found: dict[int, Person] = {}
        for start in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
            rows = await self._session.scalars(
                select(Person).where(Person.id.in_(wanted[start : start + 500]))
            )
            found.update((person.id, person) for person in rows)
        return found

    async def by_telegram_id(self, telegram_id: int) -> Person | None:
        return await self._session.scalar(select(Person).where(Person.telegram_id == telegram_id))

    async def with_roles(
        self, telegram_id: int
    ) -> tuple[Person, list[tuple[Membership, Organization]]] | None:
        """A person by Telegram id with their memberships and organizations, in one query
        (every update starts with it)."""
        rows = (
            await self._session.execute(
                select(Person, Membership, Organization)
                .outerjoin(Membership, Membership.person_id == Person.id)
                .outerjoin(Organization, Organization.id == Membership.org_id)
                .where(Person.telegram_id == telegram_id)
                .order_by(Organization.path, Membership.id)
            )
        ).all()
        if not rows:
            return None
        roles = [(m, o) for _, m, o in rows if m is not None and o is not None]
        return rows[0][0], roles

    async def add(self, person: Person) -> Person:
        self._session.add(person)
        await self._session.flush()
        return person

    async def delete(self, person: Person) -> None:
        await self._session.delete(person)
        await self._session.flush()

    async def unlinked_in_subtree(self, phone: str, root_path: str) -> Person | None:
        """A roster entry with this phone, not yet tied to Telegram, anywhere under `root_path`."""
        return await self._session.scalar(
            select(Person)
            .join(Membership, Membership.person_id == Person.id)
            .join(Organization, Organization.id == Membership.org_id)
            .where(
                Person.phone == phone,
                Person.telegram_id.is_(None),
                Organization.path.startswith(root_path, autoescape=True),
            )
            .limit(1)
        )

    async def by_telegram_ids(self, telegram_ids: Iterable[int]) -> dict[int, Person]:
        """People by Telegram id, for a batch of ids (a roster import)."""
        wanted = list(set(telegram_ids))
        if not wanted:
            return {}
        rows = await self._session.scalars(select(Person).where(Person.telegram_id.in_(wanted)))
        return {p.telegram_id: p for p in rows if p.telegram_id is not None}

    async def by_phones(self, phones: Iterable[str]) -> dict[str, Person]:
        """For each phone, the earliest-created person with it."""
        wanted = list(set(phones))
        if not wanted:
            return {}
        rows = await self._session.scalars(
            select(Person).where(Person.phone.in_(wanted)).order_by(Person.id)
        )
        found: dict[str, Person] = {}
        for person in rows:
            if person.phone is not None:
                found.setdefault(person.phone, person)
        return found

    async def add_many(self, people: Iterable[Person]) -> None:
        """Insert many people with one flush (ids are set afterwards)."""
        self._session.add_all(list(people))
        await self._session.flush()


class MembershipRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of_person(self, person_id: int) -> Sequence[tuple[Membership, Organization]]:
        rows = await self._session.execute(
            select(Membership, Organization)
            .join(Organization, Organization.id == Membership.org_id)
            .where(Membership.person_id == person_id)
            .order_by(Organization.path, Membership.id)
        )
        return [(m, o) for m, o in rows.all()]

    async def exists(self, person_id: int, org_id: int, role: Role) -> bool:
        found = await self._session.scalar(
            select(Membership.id).where(
                Membership.person_id == person_id,
                Membership.org_id == org_id,
                Membership.role == role,
            )
        )
        return found is not None

    async def add(self, membership: Membership) -> Membership:
        self._session.add(membership)
        await self._session.flush()
        return membership

    async def reassign(self, from_person_id: int, to_person_id: int) -> None:
        """Move roles from a roster entry to the Telegram user it turned out to be."""
        held = await self._session.scalars(
            select(Membership).where(Membership.person_id == to_person_id)
        )
        have = {(m.org_id, m.role) for m in held}
        moving = await self._session.scalars(
            select(Membership).where(Membership.person_id == from_person_id)
        )
        for membership in moving.all():
            if (membership.org_id, membership.role) in have:
                await self._session.delete(membership)
            else:
                membership.person_id = to_person_id
        await self._session.flush()

    async def holders(
        self, org_ids: Iterable[int], roles: Iterable[Role]
    ) -> Sequence[tuple[Person, Membership]]:
        """People holding any of `roles` in any of `org_ids`, with the membership that matched."""
        rows = await self._session.execute(
            select(Person, Membership)
            .join(Membership, Membership.person_id == Person.id)
            .where(Membership.org_id.in_(list(org_ids)), Membership.role.in_(list(roles)))
            .order_by(Person.id)
        )
        return [(p, m) for p, m in rows.all()]

    async def holders_under(self, root: Organization, roles: Iterable[Role]) -> Sequence[Person]:
        """Distinct people holding any of `roles` in `root` or below it."""
        rows = await self._session.scalars(
            select(Person)
            .join(Membership, Membership.person_id == Person.id)
            .join(Organization, Organization.id == Membership.org_id)
            .where(
                Organization.path.startswith(root.path, autoescape=True),
                Membership.role.in_(list(roles)),
            )
            .distinct()
            .order_by(Person.id)
        )
        return rows.all()

    async def roster(self, root: Organization) -> Sequence[tuple[Person, Membership]]:
        rows = await self._session.execute(
            select(Person, Membership)
            .join(Membership, Membership.person_id == Person.id)
            .join(Organization, Organization.id == Membership.org_id)
            .where(Organization.path.startswith(root.path, autoescape=True))
            .order_by(Organization.path, Person.display_name, Membership.role)
        )
        return [(p, m) for p, m in rows.all()]

    async def add_many(self, memberships: Iterable[Membership]) -> None:
        """Insert many memberships with one flush."""
        self._session.add_all(list(memberships))
        await self._session.flush()


class InviteRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, invite: Invite) -> Invite:
        self._session.add(invite)
        await self._session.flush()
        return invite

    async def get(self, invite_id: int) -> Invite | None:
        return await self._session.get(Invite, invite_id)

    async def by_token(self, token: str) -> Invite | None:
        return await self._session.scalar(select(Invite).where(Invite.token == token))

    async def take_use(self, invite_id: int, now: datetime) -> bool:
        """Count one use if the invite is still live; atomic, so two racers can't both win."""
        result = await self._session.execute(
            update(Invite)
            .where(
                Invite.id == invite_id,
                Invite.uses < Invite.max_uses,
                Invite.expires_at > now,
                Invite.revoked_at.is_(None),
            )
            .values(uses=Invite.uses + 1)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    async def live_in_orgs(self, org_ids: Iterable[int], now: datetime) -> Sequence[Invite]:
        rows = await self._session.scalars(
            select(Invite)
            .where(
                Invite.org_id.in_(list(org_ids)),
                Invite.revoked_at.is_(None),
                Invite.expires_at > now,
                Invite.uses < Invite.max_uses,
            )
            .order_by(Invite.created_at.desc())
        )
        return rows.all()


class JoinRequestRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, request: JoinRequest) -> JoinRequest:
        self._session.add(request)
        await self._session.flush()
        return request

    async def get(self, request_id: int) -> JoinRequest | None:
        return await self._session.get(JoinRequest, request_id)

    async def pending_of(self, person_id: int, org_id: int, role: Role) -> JoinRequest | None:
        return await self._session.scalar(
            select(JoinRequest).where(
                JoinRequest.person_id == person_id,
                JoinRequest.org_id == org_id,
                JoinRequest.role == role,
                JoinRequest.status == JoinStatus.PENDING,
            )
        )

    async def pending_under(self, paths: Iterable[str]) -> Sequence[JoinRequest]:
        prefixes = list(paths)
        if not prefixes:
            return []
        rows = await self._session.scalars(
            select(JoinRequest)
            .join(Organization, Organization.id == JoinRequest.org_id)
            .where(
                JoinRequest.status == JoinStatus.PENDING,
                or_(*(Organization.path.startswith(p, autoescape=True) for p in prefixes)),
            )
            .order_by(JoinRequest.created_at)
        )
        return rows.all()

    async def awaiting_notice(self, limit: int) -> Sequence[JoinRequest]:
        rows = await self._session.scalars(
            select(JoinRequest)
            .where(JoinRequest.status == JoinStatus.PENDING, JoinRequest.notified_at.is_(None))
            .order_by(JoinRequest.created_at)
            .limit(limit)
        )
        return rows.all()

    async def decide(
        self, request_id: int, status: JoinStatus, decided_by_id: int | None, now: datetime
    ) -> bool:
        """Move a pending request to a decision; False if somebody decided it first."""
        result = await self._session.execute(
            update(JoinRequest)
            .where(and_(JoinRequest.id == request_id, JoinRequest.status == JoinStatus.PENDING))
            .values(status=status, decided_by_id=decided_by_id, decided_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)


class UpdateRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def seen(self, update_id: int) -> bool:
        found = await self._session.scalar(
            select(ProcessedUpdate.update_id).where(ProcessedUpdate.update_id == update_id)
        )
        return found is not None

    def mark(self, update_id: int, now: datetime) -> None:
        self._session.add(ProcessedUpdate(update_id=update_id, processed_at=now))

    async def forget_before(self, moment: datetime) -> int:
        """Drop records older than `moment`; returns how many went."""
        result = await self._session.execute(
            delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < moment)
        )
        return int(getattr(result, "rowcount", 0) or 0)


class MeetingRepository:
    """Meetings with their invitations, sign-ins, code attempts and reminders."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, meeting: Meeting) -> Meeting:
        self._session.add(meeting)
        await self._session.flush()
        return meeting

    async def get(self, meeting_id: int) -> Meeting | None:
        return await self._session.get(Meeting, meeting_id)

    async def with_invitation(
        self, meeting_id: int, person_id: int
    ) -> tuple[Meeting, Invitation | None] | None:
        """A meeting and this person's invitation to it (None if not invited), in one query."""
        row = (
            await self._session.execute(
                select(Meeting, Invitation)
                .outerjoin(
                    Invitation,
                    and_(Invitation.meeting_id == Meeting.id, Invitation.person_id == person_id),
                )
                .where(Meeting.id == meeting_id)
            )
        ).first()
        return None if row is None else (row[0], row[1])

    async def upcoming_in(
        self, org_ids: Iterable[int], after: datetime, limit: int
    ) -> Sequence[Meeting]:
        rows = await self._session.scalars(
            select(Meeting)
            .where(
                Meeting.org_id.in_(list(org_ids)),
                Meeting.starts_at >= after,
                Meeting.status == MeetingStatus.SCHEDULED,
            )
            .order_by(Meeting.starts_at)
            .limit(limit)
        )
        return rows.all()

    async def starting_under(
        self, paths: Iterable[str], start: datetime, end: datetime
    ) -> Sequence[Meeting]:
        """Scheduled meetings of organizations under any of `paths`, starting in [start, end]."""
        prefixes = list(paths)
        if not prefixes:
            return []
        rows = await self._session.scalars(
            select(Meeting)
            .join(Organization, Organization.id == Meeting.org_id)
            .where(
                or_(*(Organization.path.startswith(p, autoescape=True) for p in prefixes)),
                Meeting.status == MeetingStatus.SCHEDULED,
                Meeting.starts_at >= start,
                Meeting.starts_at <= end,
            )
            .order_by(Meeting.starts_at)
        )
        return rows.all()

    async def around(self, person_id: int, start: datetime, end: datetime) -> Sequence[Meeting]:
        """Scheduled meetings the person is invited to that start between `start` and `end`."""
        rows = await self._session.scalars(
            select(Meeting)
            .join(Invitation, Invitation.meeting_id == Meeting.id)
            .where(
                Invitation.person_id == person_id,
                Meeting.status == MeetingStatus.SCHEDULED,
                Meeting.starts_at >= start,
                Meeting.starts_at <= end,
            )
            .order_by(Meeting.starts_at)
        )
        return rows.all()

    # invitations
    async def invite(self, invitations: Iterable[Invitation]) -> None:
        self._session.add_all(list(invitations))
        await self._session.flush()

    async def invitation(self, meeting_id: int, person_id: int) -> Invitation | None:
        return await self._session.scalar(
            select(Invitation).where(
                Invitation.meeting_id == meeting_id, Invitation.person_id == person_id
            )
        )

    async def invitation_by_id(self, invitation_id: int) -> Invitation | None:
        return await self._session.get(Invitation, invitation_id)

    async def invitees(self, meeting_id: int) -> Sequence[tuple[Invitation, Person]]:
        rows = await self._session.execute(
            select(Invitation, Person)
            .join(Person, Person.id == Invitation.person_id)
            .where(Invitation.meeting_id == meeting_id)
            .order_by(Person.display_name, Person.id)
        )
        return [(i, p) for i, p in rows.all()]

    # attendance
    async def attendance(self, meeting_id: int, person_id: int) -> Attendance | None:
        return await self._session.scalar(
            select(Attendance).where(
                Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
            )
        )

    async def attendance_by_id(self, attendance_id: int) -> Attendance | None:
        return await self._session.get(Attendance, attendance_id)

    async def attendances(self, meeting_id: int) -> Sequence[Attendance]:
        rows = await self._session.scalars(
            select(Attendance).where(Attendance.meeting_id == meeting_id)
        )
        return rows.all()

    async def record(self, attendance: Attendance) -> None:
        """Insert a sign-in; the unique (meeting, person) key makes a racing second one fail,
        ending the transaction (no savepoint: the caller refuses the sign-in there and then,
        and on SQLite releasing an outermost savepoint would commit the sign-in apart from
        the update's id)."""
        self._session.add(attendance)
        await self._session.flush()

    async def history(
        self, person_id: int, limit: int
    ) -> Sequence[tuple[Meeting, Invitation, Attendance | None]]:
        rows = await self._session.execute(
            select(Meeting, Invitation, Attendance)
            .join(Invitation, Invitation.meeting_id == Meeting.id)
            .outerjoin(
                Attendance,
                and_(Attendance.meeting_id == Meeting.id, Attendance.person_id == person_id),
            )
            .where(Invitation.person_id == person_id)
            .order_by(Meeting.starts_at.desc())
            .limit(limit)
        )
        return [(m, i, a) for m, i, a in rows.all()]

    # code attempts
    async def code_attempt(self, meeting_id: int, person_id: int) -> CodeAttempt:
        found = await self._session.scalar(
            select(CodeAttempt).where(
                CodeAttempt.meeting_id == meeting_id, CodeAttempt.person_id == person_id
            )
        )
        if found is None:
            found = CodeAttempt(meeting_id=meeting_id, person_id=person_id, failures=0)
            self._session.add(found)
            await self._session.flush()
        return found

    # reminders
    async def replace_unsent_reminders(
        self, meeting_id: int, reminders: Iterable[MeetingReminder]
    ) -> None:
        await self._session.execute(
            delete(MeetingReminder).where(
                MeetingReminder.meeting_id == meeting_id, MeetingReminder.sent_at.is_(None)
            )
        )
        self._session.add_all(list(reminders))
        await self._session.flush()

    async def reminders(self, meeting_id: int) -> Sequence[MeetingReminder]:
        rows = await self._session.scalars(
            select(MeetingReminder)
            .where(MeetingReminder.meeting_id == meeting_id)
            .order_by(MeetingReminder.due_at)
        )
        return rows.all()

    async def due_reminders(self, now: datetime, limit: int) -> Sequence[MeetingReminder]:
        rows = await self._session.scalars(
            select(MeetingReminder)
            .where(MeetingReminder.sent_at.is_(None), MeetingReminder.due_at <= now)
            .order_by(MeetingReminder.due_at)
            .limit(limit)
        )
        return rows.all()

    async def claim_reminder(self, reminder_id: int, now: datetime) -> bool:
        """Mark a reminder sent; False if another sweep took it first (it is never sent twice)."""
        result = await self._session.execute(
            update(MeetingReminder)
            .where(MeetingReminder.id == reminder_id, MeetingReminder.sent_at.is_(None))
            .values(sent_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)
