"""The organizations an actor reaches for an action: the pickers of every feature."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from bot.services.access import Action, Actor, require, require_somewhere
from bot.services.errors import NotFound
from bot.services.roles import Level, Role
from storage.models import Organization
from storage.uow import UnitOfWork


async def reachable(
    uow: UnitOfWork, actor: Actor, action: Action, levels: Collection[Level]
) -> list[Organization]:
    """Organizations of `levels` where the actor may do `action` (the trees below included),
    in tree order; AccessDenied when the actor may do it nowhere."""
    found: dict[int, Organization] = {}
    for grant in require_somewhere(actor, action):
        root = await uow.organizations.get(grant.org_id)
        if root is None:
            continue
        for org in await uow.organizations.subtree(root):
            if org.level in levels:
                found[org.id] = org
    return sorted(found.values(), key=lambda o: o.path)


async def get_at_level(
    uow: UnitOfWork, actor: Actor, action: Action, org_id: int, level: Level
) -> Organization:
    """One organization of `level` the actor may do `action` on; NotFound for another level."""
    org = await uow.organizations.get(org_id)
    if org is None or org.level is not level:
        raise NotFound()
    require(actor, action, org)
    return org


@dataclass(frozen=True)
class Places:
    """Where the actor follows a branch-level feature: committees (admins, the whole
    subtree) and branches (the officers of the branch, or of a general branch above it)."""

    committees: list[Organization]
    branches: list[Organization]

    @property
    def only(self) -> Organization | None:
        found = [*self.committees, *self.branches]
        return found[0] if len(found) == 1 else None


async def places(
    uow: UnitOfWork, actor: Actor, action: Action, officer_roles: Collection[Role]
) -> Places:
    """The committees where the actor may do `action` and the branches under their
    `officer_roles`; AccessDenied when there are none."""
    require_somewhere(actor, action)
    committees = await reachable(uow, actor, action, {Level.COMMITTEE})
    branches: dict[int, Organization] = {}
    for grant in actor.grants:
        if grant.role not in officer_roles:
            continue
        root = await uow.organizations.get(grant.org_id)
        if root is None:
            continue
        for org in await uow.organizations.subtree(root):
            if org.level is Level.BRANCH:
                branches[org.id] = org
    return Places(committees, sorted(branches.values(), key=lambda o: o.path))
