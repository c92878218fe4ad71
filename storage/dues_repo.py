"""Party dues storage: profiles (what is due from when), payments, and the months they paid.

Flushes, never commits. A branch's ledger is read with a fixed number of statements whatever
the number of members: every read that spans a branch is one statement over the people who
have a dues profile there (a subquery, so no id lists grow with the branch).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.dues_rules import DuesCategory
from bot.services.roles import Role
from storage.models import (
    DuesCredit,
    DuesPayment,
    DuesProfile,
    Membership,
    Organization,
    PaymentStatus,
    Person,
)

# Ids arrive in callback data anyone can forge; PostgreSQL's INTEGER holds 32 bits.
ID_MAX = 2**31 - 1


@dataclass(frozen=True)
class ProfileRow:
    """One dues profile row with the member's name: a branch ledger's raw material."""

    person_id: int
    name: str
    branch_id: int
    from_month: int
    category: DuesCategory
    base_fen: int
    rule_fen: int
    amount_fen: int
    reason: str


@dataclass(frozen=True)
class CreditRow:
    """One member-month paid, with when its payment was made (reported or recorded)."""

    person_id: int
    month: int
    amount_fen: int
    paid_at: datetime


@dataclass(frozen=True)
class MemberRow:
    """A party member of a branch with the amount of their latest profile (None: none)."""

    person_id: int
    name: str
    amount_fen: int | None


class DuesRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    # ------------------------------------------------------------------------- one member

    async def profiles_of(self, person_id: int) -> Sequence[DuesProfile]:
        rows = await self._session.scalars(
            select(DuesProfile)
            .where(DuesProfile.person_id == person_id)
            .order_by(DuesProfile.from_month)
        )
        return rows.all()

    async def profile_from(self, person_id: int, from_month: int) -> DuesProfile | None:
        return await self._session.scalar(
            select(DuesProfile).where(
                DuesProfile.person_id == person_id, DuesProfile.from_month == from_month
            )
        )

    async def add_profile(self, profile: DuesProfile) -> DuesProfile:
        self._session.add(profile)
        await self._session.flush()
        return profile

    async def credits_of(self, person_id: int) -> dict[int, int]:
        """Month → amount booked, for every month the member has paid."""
        rows = await self._session.execute(
            select(DuesCredit.month, DuesCredit.amount_fen).where(
                DuesCredit.person_id == person_id
            )
        )
        return {int(month): int(amount) for month, amount in rows.all()}

    async def pending_of(self, person_id: int) -> Sequence[DuesPayment]:
        rows = await self._session.scalars(
            select(DuesPayment)
            .where(
                DuesPayment.person_id == person_id,
                DuesPayment.status == PaymentStatus.REPORTED,
            )
            .order_by(DuesPayment.reported_at, DuesPayment.id)
        )
        return rows.all()

    async def payments_of(self, person_id: int, limit: int) -> Sequence[DuesPayment]:
        rows = await self._session.scalars(
            select(DuesPayment)
            .where(DuesPayment.person_id == person_id)
            .order_by(DuesPayment.reported_at.desc(), DuesPayment.id.desc())
            .limit(limit)
        )
        return rows.all()

    # ------------------------------------------------------------------------- payments

    async def payment(self, payment_id: int) -> DuesPayment | None:
        if not 0 < payment_id <= ID_MAX:
            return None
        return await self._session.get(DuesPayment, payment_id)

    async def add_payments(self, payments: Sequence[DuesPayment]) -> None:
        """Insert payments with one flush (their ids are set afterwards)."""
        self._session.add_all(payments)
        await self._session.flush()

    async def add_credits(self, credits: Iterable[DuesCredit]) -> None:
        """One flush; the unique (person, month) key refuses a month paid twice."""
        self._session.add_all(list(credits))
        await self._session.flush()

    async def decide(
        self,
        payment: DuesPayment,
        status: PaymentStatus,
        decided_by_id: int | None,
        at: datetime,
        note: str = "",
    ) -> bool:
        """Move a reported payment to `status`, atomically: of two officers deciding at
        once, only one finds it still reported. False when it was decided already."""
        result = await self._session.execute(
            update(DuesPayment)
            .where(DuesPayment.id == payment.id, DuesPayment.status == PaymentStatus.REPORTED)
            .values(status=status, decided_by_id=decided_by_id, decided_at=at, note=note)
            .execution_options(synchronize_session=False)
        )
        await self._session.refresh(payment)
        return bool(getattr(result, "rowcount", 0) == 1)

    # ------------------------------------------------------------------------- a branch

    @staticmethod
    def _assessed_at(branch_id: int) -> Select[int]:
        """The people with any dues profile at the branch."""
        return select(DuesProfile.person_id).where(DuesProfile.branch_id == branch_id)

    async def branch_profiles(self, branch_id: int) -> list[ProfileRow]:
        """Every profile row of everybody ever assessed at the branch (their rows at other
        branches too, so a move keeps the history whole)."""
        rows = await self._session.execute(
            select(
                DuesProfile.person_id,
                Person.display_name,
                DuesProfile.branch_id,
                DuesProfile.from_month,
                DuesProfile.category,
                DuesProfile.base_fen,
                DuesProfile.rule_fen,
                DuesProfile.amount_fen,
                DuesProfile.reason,
            )
            .join(Person, Person.id == DuesProfile.person_id)
            .where(DuesProfile.person_id.in_(self._assessed_at(branch_id)))
            .order_by(DuesProfile.person_id, DuesProfile.from_month)
        )
        return [ProfileRow(*row) for row in rows.all()]

    async def branch_credits(self, branch_id: int) -> list[CreditRow]:
        """Every month paid by everybody ever assessed at the branch, with the payment's
        time."""
        rows = await self._session.execute(
            select(
                DuesCredit.person_id,
                DuesCredit.month,
                DuesCredit.amount_fen,
                DuesPayment.reported_at,
            )
            .join(DuesPayment, DuesPayment.id == DuesCredit.payment_id)
            .where(DuesCredit.person_id.in_(self._assessed_at(branch_id)))
            .order_by(DuesCredit.person_id, DuesCredit.month)
        )
        return [CreditRow(*row) for row in rows.all()]

    async def branch_pending(self, branch_id: int) -> list[tuple[DuesPayment, str]]:
        """Reported payments waiting for an officer, oldest first, with the member's name."""
        rows = await self._session.execute(
            select(DuesPayment, Person.display_name)
            .join(Person, Person.id == DuesPayment.person_id)
            .where(
                DuesPayment.branch_id == branch_id,
                DuesPayment.status == PaymentStatus.REPORTED,
            )
            .order_by(DuesPayment.reported_at, DuesPayment.id)
        )
        return [(payment, name) for payment, name in rows.all()]

    @staticmethod
    def _members_of(branch: Organization, roles: Collection[Role]) -> Select[int]:
        """The people holding `roles` in the branch or its party groups."""
        return (
            select(Membership.person_id)
            .join(Organization, Organization.id == Membership.org_id)
            .where(
                Organization.path.startswith(branch.path, autoescape=True),
                Membership.role.in_(list(roles)),
            )
        )

    async def party_members(
        self, branch: Organization, roles: Collection[Role]
    ) -> list[MemberRow]:
        """The branch's party members by name (sorted here, so every database's collation
        gives the same pages), each with their latest profile's amount."""
        latest = (
            select(DuesProfile.person_id, func.max(DuesProfile.from_month).label("month"))
            .group_by(DuesProfile.person_id)
            .subquery()
        )
        rows = await self._session.execute(
            select(Person.id, Person.display_name, DuesProfile.amount_fen)
            .outerjoin(latest, latest.c.person_id == Person.id)
            .outerjoin(
                DuesProfile,
                and_(
                    DuesProfile.person_id == Person.id,
                    DuesProfile.from_month == latest.c.month,
                ),
            )
            .where(Person.id.in_(self._members_of(branch, roles)))
        )
        found = [MemberRow(*row) for row in rows.all()]
        return sorted(found, key=lambda m: (m.name, m.person_id))

    async def unassessed(self, branch: Organization, roles: Collection[Role]) -> list[str]:
        """Names of the branch's party members who have no dues profile anywhere, sorted."""
        rows = await self._session.execute(
            select(Person.display_name, Person.id).where(
                Person.id.in_(self._members_of(branch, roles)),
                ~exists().where(DuesProfile.person_id == Person.id),
            )
        )
        return [name for name, _ in sorted((str(n), int(i)) for n, i in rows.all())]

    async def is_member(
        self, person_id: int, branch: Organization, roles: Collection[Role]
    ) -> bool:
        if not 0 < person_id <= ID_MAX:
            return False
        found = await self._session.scalar(
            self._members_of(branch, roles).where(Membership.person_id == person_id).limit(1)
        )
        return found is not None
