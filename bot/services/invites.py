"""Onboarding by invitation: create a deep link, open it, ask to join, approve or reject."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services.access import (
    POLICY,
    Action,
    Actor,
    Grant,
    can,
    grant_allows,
    grantable_roles,
    require,
    require_somewhere,
)
from bot.services.errors import AccessDenied, Conflict, InvalidInput, NotFound
from bot.services.people import clean_name, normalize_phone
from bot.services.roles import ROLES_AT_LEVEL, Role
from storage.models import Invite, JoinRequest, JoinStatus, Membership, Organization, Person
from storage.uow import UnitOfWork

MAX_USES_LIMIT = 1000
MAX_TTL = timedelta(days=90)
TOKEN_BYTES = 16  # 22 url-safe characters: unguessable, well within the 64 of a deep link


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(frozen=True)
class Recipient:
    """Somebody to notify, in their own language."""

    person_id: int
    telegram_id: int
    locale: str | None


async def create_invite(
    uow: UnitOfWork,
    actor: Actor,
    org_id: int,
    role: Role,
    max_uses: int,
    ttl: timedelta,
    now: datetime,
    token_factory: Callable[[], str] = new_token,
) -> tuple[Invite, Organization]:
    org = await uow.organizations.get(org_id)
    if org is None:
        raise NotFound()
    if role not in ROLES_AT_LEVEL[org.level]:
        raise InvalidInput("error-role-not-at-level")
    require(actor, Action.INVITE, org, role)
    if not 1 <= max_uses <= MAX_USES_LIMIT:
        raise InvalidInput("error-invite-uses", max=MAX_USES_LIMIT)
    if not timedelta(0) < ttl <= MAX_TTL:
        raise InvalidInput("error-invite-ttl", days=MAX_TTL.days)
    invite = await uow.invites.add(
        Invite(
            token=token_factory(),
            org_id=org.id,
            role=role,
            created_by_id=actor.person_id,
            created_at=now,
            expires_at=now + ttl,
            max_uses=max_uses,
            uses=0,
        )
    )
    await uow.commit()
    return invite, org


async def revoke_invite(uow: UnitOfWork, actor: Actor, invite_id: int, now: datetime) -> Invite:
    invite = await uow.invites.get(invite_id)
    if invite is None:
        raise NotFound()
    org = await uow.organizations.get(invite.org_id)
    assert org is not None  # the foreign key guarantees it
    require(actor, Action.INVITE, org, invite.role)
    if invite.revoked_at is None:
        invite.revoked_at = now
        await uow.commit()
    return invite


async def invite_roles(
    uow: UnitOfWork, actor: Actor, org_id: int
) -> tuple[Organization, list[Role]]:
    """The organization and the roles the actor may invite people to there."""
    org = await uow.organizations.get(org_id)
    if org is None:
        raise NotFound()
    require(actor, Action.INVITE, org)
    roles = grantable_roles(actor, org)
    if not roles:
        raise AccessDenied()
    return org, roles


async def check_invite_role(
    uow: UnitOfWork, actor: Actor, org_id: int, role: Role
) -> Organization:
    org = await uow.organizations.get(org_id)
    if org is None:
        raise NotFound()
    if role not in ROLES_AT_LEVEL[org.level]:
        raise InvalidInput("error-role-not-at-level")
    require(actor, Action.INVITE, org, role)
    return org


@dataclass(frozen=True)
class InvitePreview:
    """What the newcomer is told before giving a name: where and as what."""

    token: str
    org: Organization
    role: Role


async def _live_invite(uow: UnitOfWork, token: str, now: datetime) -> tuple[Invite, Organization]:
    """The invite behind a token, or the precise reason it cannot be used."""
    invite = await uow.invites.by_token(token) if 0 < len(token) <= 64 else None
    if invite is None:
        raise NotFound("error-invite-invalid")
    if invite.revoked_at is not None:
        raise InvalidInput("error-invite-revoked")
    if invite.expires_at <= now:
        raise InvalidInput("error-invite-expired")
    if invite.uses >= invite.max_uses:
        raise InvalidInput("error-invite-used-up")
    org = await uow.organizations.get(invite.org_id)
    assert org is not None
    return invite, org


async def _check_not_joined(
    uow: UnitOfWork, person_id: int, org: Organization, role: Role
) -> None:
    if await uow.memberships.exists(person_id, org.id, role):
        raise Conflict("error-join-already-member", org=org.name)
    if await uow.join_requests.pending_of(person_id, org.id, role) is not None:
        raise Conflict("error-join-already-pending", org=org.name)


async def open_invite(uow: UnitOfWork, person_id: int, token: str, now: datetime) -> InvitePreview:
    invite, org = await _live_invite(uow, token, now)
    await _check_not_joined(uow, person_id, org, invite.role)
    return InvitePreview(token=invite.token, org=org, role=invite.role)


@dataclass(frozen=True)
class JoinSubmitted:
    request: JoinRequest
    org: Organization
    approvers: list[Recipient]


async def approvers_for(uow: UnitOfWork, org: Organization, role: Role) -> list[Recipient]:
    """Who decides: the nearest level (the org itself, then upward) with someone entitled.

    Asking only the nearest level keeps a league's admins out of every village's joins.
    """
    ancestor_ids = [int(part) for part in org.path.strip("/").split("/")]
    ancestors = await uow.organizations.by_ids(ancestor_ids)
    holders = await uow.memberships.holders(ancestor_ids, POLICY[Action.DECIDE_JOIN])
    for org_id in reversed(ancestor_ids):
        at = ancestors[org_id]
        found: dict[int, Recipient] = {}
        for person, membership in holders:
            if membership.org_id != org_id or person.telegram_id is None:
                continue
            grant = Grant(at.id, at.path, at.name, at.level, membership.role)
            if grant_allows(grant, Action.DECIDE_JOIN, org, role):
                found[person.id] = Recipient(person.id, person.telegram_id, person.language)
        if found:
            return list(found.values())
    return []


async def submit_join_request(
    uow: UnitOfWork,
    person_id: int,
    token: str,
    display_name: str,
    phone: str | None,
    now: datetime,
) -> JoinSubmitted:
    """Ask to join: the invite is re-checked and one use is taken atomically."""
    name = clean_name(display_name)
    phone_norm = normalize_phone(phone) if phone else None
    invite, org = await _live_invite(uow, token, now)
    await _check_not_joined(uow, person_id, org, invite.role)
    if not await uow.invites.take_use(invite.id, now):
        raise InvalidInput("error-invite-used-up")
    # The name and phone stay on the request until someone approves it: a request that is
    # rejected must not have renamed anybody.
    request = await uow.join_requests.add(
        JoinRequest(
            invite_id=invite.id,
            person_id=person_id,
            org_id=org.id,
            role=invite.role,
            display_name=name,
            phone=phone_norm,
            status=JoinStatus.PENDING,
            created_at=now,
        )
    )
    approvers = await approvers_for(uow, org, invite.role)
    await uow.commit()
    return JoinSubmitted(request=request, org=org, approvers=approvers)


@dataclass(frozen=True)
class JoinDecided:
    request: JoinRequest
    org: Organization
    requester: Recipient
    approved: bool
    linked_roster_entry: bool


async def decide_join_request(
    uow: UnitOfWork, actor: Actor, request_id: int, approve: bool, now: datetime
) -> JoinDecided:
    """Approve (grant the role) or reject; a request decided once stays decided."""
    request = await uow.join_requests.get(request_id)
    if request is None:
        raise NotFound()
    org = await uow.organizations.get(request.org_id)
    assert org is not None
    require(actor, Action.DECIDE_JOIN, org, request.role)
    if request.status is not JoinStatus.PENDING:
        raise Conflict("error-join-already-decided")
    status = JoinStatus.APPROVED if approve else JoinStatus.REJECTED
    if not await uow.join_requests.decide(request.id, status, actor.person_id, now):
        raise Conflict("error-join-already-decided")
    requester = await uow.people.get(request.person_id)
    assert requester is not None and requester.telegram_id is not None
    linked = False
    if approve:
        requester.display_name = request.display_name
        if request.phone:
            requester.phone = request.phone
        linked = await _link_roster_entry(uow, actor, request, requester, org)
        if not await uow.memberships.exists(requester.id, org.id, request.role):
            await uow.memberships.add(
                Membership(
                    person_id=requester.id, org_id=org.id, role=request.role, created_at=now
                )
            )
    await uow.commit()
    await uow.session.refresh(request)
    return JoinDecided(
        request=request,
        org=org,
        requester=Recipient(requester.id, requester.telegram_id, requester.language),
        approved=approve,
        linked_roster_entry=linked,
    )


async def _link_roster_entry(
    uow: UnitOfWork, actor: Actor, request: JoinRequest, person: Person, org: Organization
) -> bool:
    """If the roster already lists this request's phone under the org, that entry is this
    person: its roles move to the Telegram user and the placeholder goes away, so an
    imported roster and later sign-ups never double-count a member.

    Only the phone Telegram verified for this request counts, and only when the approver
    could have granted every role the entry holds; otherwise the entry is left for the
    level above, so nobody collects a role through a roster entry.
    """
    if not request.phone:
        return False
    entry = await uow.people.unlinked_in_subtree(request.phone, org.path)
    if entry is None or entry.id == person.id:
        return False
    held = await uow.memberships.of_person(entry.id)
    if not all(can(actor, Action.INVITE, where, m.role) for m, where in held):
        return False
    await uow.memberships.reassign(entry.id, person.id)
    await uow.people.delete(entry)
    return True


@dataclass(frozen=True)
class PendingRequest:
    request: JoinRequest
    org: Organization


async def pending_for(uow: UnitOfWork, actor: Actor) -> list[PendingRequest]:
    """Requests the actor can decide, oldest first."""
    paths = [g.org_path for g in require_somewhere(actor, Action.DECIDE_JOIN)]
    requests = await uow.join_requests.pending_under(paths)
    orgs = await uow.organizations.by_ids(r.org_id for r in requests)
    return [
        PendingRequest(r, orgs[r.org_id])
        for r in requests
        if can(actor, Action.DECIDE_JOIN, orgs[r.org_id], r.role)
    ]


@dataclass(frozen=True)
class NoticeDue:
    """A pending request whose approvers have not been told yet."""

    request: JoinRequest
    org: Organization
    approvers: list[Recipient]


async def notices_due(uow: UnitOfWork, limit: int = 200) -> list[NoticeDue]:
    requests = await uow.join_requests.awaiting_notice(limit)
    orgs = await uow.organizations.by_ids(r.org_id for r in requests)
    return [
        NoticeDue(r, orgs[r.org_id], await approvers_for(uow, orgs[r.org_id], r.role))
        for r in requests
    ]


async def record_notified(uow: UnitOfWork, request_id: int, now: datetime) -> None:
    request = await uow.join_requests.get(request_id)
    if request is not None and request.notified_at is None:
        request.notified_at = now
        await uow.commit()
