"""Unit of work: one session, one transaction, the repositories over it."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.dues_repo import DuesRepository
from storage.guidance_repo import GuidanceRepository
from storage.marks_repo import ReminderMarkRepository
from storage.outbox_repo import OutboxRepository
from storage.repositories import (
    InviteRepository,
    JoinRequestRepository,
    MeetingRepository,
    MembershipRepository,
    OrganizationRepository,
    PersonRepository,
    UpdateRepository,
)
from storage.tickets_repo import TicketRepository


class UnitOfWork:
    """Services take one of these and call `commit()`; leaving without it rolls back."""

    session: AsyncSession
    organizations: OrganizationRepository
    people: PersonRepository
    memberships: MembershipRepository
    invites: InviteRepository
    join_requests: JoinRequestRepository
    updates: UpdateRepository
    meetings: MeetingRepository
    outbox: OutboxRepository
    guidance: GuidanceRepository
    tickets: TicketRepository
    dues: DuesRepository
    marks: ReminderMarkRepository

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory
        self._update: tuple[int, datetime] | None = None

    async def __aenter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        self.organizations = OrganizationRepository(self.session)
        self.people = PersonRepository(self.session)
        self.memberships = MembershipRepository(self.session)
        self.invites = InviteRepository(self.session)
        self.join_requests = JoinRequestRepository(self.session)
        self.updates = UpdateRepository(self.session)
        self.meetings = MeetingRepository(self.session)
        self.outbox = OutboxRepository(self.session)
        self.guidance = GuidanceRepository(self.session)
        self.tickets = TicketRepository(self.session)
        self.dues = DuesRepository(self.session)
        self.marks = ReminderMarkRepository(self.session)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() rolls back whatever was not committed and, unlike rollback(), leaves
        # the loaded objects readable for the caller after the unit of work ends.
        await self.session.close()

    def record_update(self, update_id: int, now: datetime) -> None:
        """Have the first commit also record this Telegram update as handled.

        Added at commit time, not before: on SQLite the row would otherwise take the
        write lock for the whole handler, Telegram calls included.
        """
        self._update = (update_id, now)

    async def commit(self) -> None:
        if self._update is not None:
            self.updates.mark(*self._update)
            self._update = None
        await self.session.commit()
