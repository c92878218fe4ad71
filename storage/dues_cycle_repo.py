"""Set-based reads for the monthly dues sweep: every query covers all branches at once.

The sweep may run over a whole city (ten thousand branches, hundreds of thousands of
members), so each read is one statement returning plain tuples from Core selects, never one
query per branch and never ORM objects.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Executable, Select, case, exists, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.roles import Level, Role
from storage.models import DuesCredit, DuesProfile, Membership, Organization, Person


class OrgRow(NamedTuple):
    id: int
    name: str
    level: Level
    path: str
    timezone: str | None
    settings: dict[str, Any] | None


class ProfileRow(NamedTuple):
    """One dues profile row with the person it belongs to."""

    person_id: int
    branch_id: int
    from_month: int
    amount_fen: int
    telegram_id: int | None
    language: str | None
    name: str


class HolderRow(NamedTuple):
    org_id: int
    person_id: int
    telegram_id: int | None
    language: str | None


@dataclass(frozen=True)
class CreditSummary:
    """What each member paid, as far as a sweep needs it.

    `months` are the months the sweep judges; per person the row holds, for each of them,
    the latest paid month not after it and the amount credited in it, then a bit mask of
    the paid months in `window` (bit k = window[k])."""

    months: tuple[int, ...]
    window: tuple[int, ...]
    rows: dict[int, tuple[Any, ...]]

    def columns(self, month: int) -> tuple[int, int]:
        """Where a row holds the latest paid month not after `month`, and what was credited
        in it (the mask is the last column)."""
        index = self.months.index(month)
        return index, len(self.months) + index


class DuesCycleRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def _rows(self, query: Executable) -> Sequence[Sequence[Any]]:
        """Run a Core select on the session's connection: the session's own execute would
        pass 300,000 plain rows through the ORM's loading machinery, for nothing."""
        connection = await self._session.connection()
        return (await connection.execute(query)).all()  # one fetchall, not one call a row

    async def organizations(self, ids: Collection[int] | None = None) -> list[OrgRow]:
        """Every organization (or those of `ids`): names, levels, paths, zones and settings
        (dues day, tree)."""
        query = select(
            Organization.id,
            Organization.name,
            Organization.level,
            Organization.path,
            Organization.timezone,
            Organization.settings,
        )
        if ids is not None:
            query = query.where(Organization.id.in_(sorted(ids)))
        return list(map(OrgRow._make, await self._rows(query)))

    async def assessed_branches(self) -> set[int]:
        """The branches where someone has ever had a dues profile."""
        return {row[0] for row in await self._rows(select(DuesProfile.branch_id).distinct())}

    async def profiles(self, through: int, branches: Collection[int]) -> list[ProfileRow]:
        """The dues profile rows from before or in month `through` of the people ever
        assessed at one of `branches` (all their rows: the latest decides where they
        belong), with the person, ordered by person and month so each member's history is
        one run of rows."""
        query = (
            select(
                DuesProfile.person_id,
                DuesProfile.branch_id,
                DuesProfile.from_month,
                DuesProfile.amount_fen,
                Person.telegram_id,
                Person.language,
                Person.display_name,
            )
            .join(Person, Person.id == DuesProfile.person_id)
            .where(DuesProfile.from_month <= through, _assessed_at(DuesProfile, branches))
            .order_by(DuesProfile.person_id, DuesProfile.from_month)
        )
        return list(map(ProfileRow._make, await self._rows(query)))

    async def credits(
        self,
        months: Sequence[int],
        window: Sequence[int],
        branches: Collection[int],
    ) -> CreditSummary:
        """One GROUP BY over the credits: per person the latest paid month not after each
        of `months`, the amount credited in each, and which months of `window` are paid
        (each (person, month) is credited at most once, so the sum of powers is a mask),
        for the people ever assessed at one of `branches`."""
        judged, span = tuple(months), tuple(window)
        latest = [func.max(case((DuesCredit.month <= m, DuesCredit.month))) for m in judged]
        amounts = [
            func.sum(case((DuesCredit.month == m, DuesCredit.amount_fen), else_=0)) for m in judged
        ]
        mask = func.sum(
            case(
                {m: 1 << bit for bit, m in enumerate(span)},
                value=DuesCredit.month,
                else_=0,
            )
        )
        result = await self._rows(
            select(DuesCredit.person_id, *latest, *amounts, mask)
            .where(DuesCredit.month <= max(judged), _assessed_at(DuesCredit, branches))
            .group_by(DuesCredit.person_id)
        )
        return CreditSummary(judged, span, {row[0]: tuple(row[1:]) for row in result})

    async def holders(self, roles: Collection[Role], orgs: Collection[int]) -> list[HolderRow]:
        """Everybody holding one of `roles` at one of `orgs`, with how to reach them."""
        query = (
            select(Membership.org_id, Membership.person_id, Person.telegram_id, Person.language)
            .join(Person, Person.id == Membership.person_id)
            .where(Membership.role.in_(sorted(roles)), Membership.org_id.in_(sorted(orgs)))
        )
        return list(map(HolderRow._make, await self._rows(query)))

    async def unassessed_counts(
        self, roles: Collection[Role], branches: Collection[int]
    ) -> dict[int, int]:
        """Branch id → party members (roles at the branch or its party groups) who have no
        dues profile at all, for `branches`."""
        branch = case(
            (Organization.level == Level.GROUP, Organization.parent_id), else_=Organization.id
        )
        unassessed = (
            select(branch.label("branch_id"), Membership.person_id)
            .join(Organization, Organization.id == Membership.org_id)
            .where(
                Membership.role.in_(sorted(roles)),
                Organization.level.in_([Level.BRANCH, Level.GROUP]),
                ~exists().where(DuesProfile.person_id == Membership.person_id),
                Membership.org_id.in_(_with_groups(branches)),
            )
            .subquery()
        )
        query = select(
            unassessed.c.branch_id, func.count(func.distinct(unassessed.c.person_id))
        ).group_by(unassessed.c.branch_id)
        return {int(row[0]): int(row[1]) for row in await self._rows(query) if row[0]}


def _with_groups(branches: Collection[int]) -> Select[int]:
    """The ids of `branches` and of their party groups."""
    ids = sorted(branches)
    return select(Organization.id).where(
        or_(Organization.id.in_(ids), Organization.parent_id.in_(ids))
    )


def _assessed_at(
    table: type[DuesProfile] | type[DuesCredit], branches: Collection[int]
) -> ColumnElement[bool]:
    """The condition "the row's person was ever assessed at one of `branches`"."""
    people: Select[int] = select(DuesProfile.person_id).where(
        DuesProfile.branch_id.in_(sorted(branches))
    )
    return table.person_id.in_(people)
