"""Composed broadcasts (通知): who an admin or secretary may reach, the preview, queuing the
message in the outbox, how it fared, and the recipients' 已学习 taps.

The audience is set-based: a scope (an organization under the actor's BROADCAST grant), a
part of it (all of it, some branches, or one party group) and a kind of people in it
(secretaries, branch officers, party members, everyone). Resolving it is one query however
many branches it spans. Nothing here talks to Telegram: the sender in the delivery layer
takes the queued rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from bot.services import organizations, outbox
from bot.services.access import Action, Actor, can, require, require_somewhere
from bot.services.errors import AccessDenied, InvalidInput, NotFound
from bot.services.meetings import COMMITTEE_ROLES, PARTY_ROLES
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Level, Role
from storage.broadcast_repo import BroadcastRepository, DeliveryCounts
from storage.models import (
    Broadcast,
    BroadcastKind,
    ContentType,
    DeliveryStatus,
    Organization,
    Person,
)
from storage.uow import UnitOfWork

# The renderer puts a header line (the sending organization) above the content, so the
# limits leave room for it under Telegram's 4096 (text) and 1024 (caption) characters.
TEXT_MAX = 3500
CAPTION_MAX = 800
RECENT_LIMIT = 10
NAMES_PAGE = 40


class Where(StrEnum):
    """Which part of the scope the message goes to."""

    SCOPE = "scope"  # the whole scope
    BRANCHES = "branches"  # some branches (general branches too), each with its groups
    GROUP = "group"  # one party group


class Who(StrEnum):
    """Which people in that part."""

    SECRETARIES = "secretaries"
    OFFICERS = "officers"  # the branch committee: secretary, deputies, committee members
    PARTY = "party"  # every party member, full and probationary, officers included
    EVERYONE = "everyone"  # residents and admins too


ROLES_OF: dict[Who, frozenset[Role]] = {
    Who.SECRETARIES: frozenset({Role.SECRETARY, Role.DEPUTY_SECRETARY}),
    Who.OFFICERS: COMMITTEE_ROLES,
    Who.PARTY: PARTY_ROLES,
    Who.EVERYONE: PARTY_ROLES | {Role.RESIDENT, Role.ADMIN},
}

BRANCH_LEVELS = (Level.GENERAL_BRANCH, Level.BRANCH)


@dataclass(frozen=True)
class AudienceSpec:
    """What the composer chose; `org_ids` are the branches, or the one group."""

    scope_id: int
    where: Where = Where.SCOPE
    org_ids: tuple[int, ...] = ()
    who: Who = Who.PARTY


@dataclass(frozen=True)
class Content:
    content_type: ContentType
    text: str = ""  # the text, or the caption of a file
    file_id: str | None = None


@dataclass(frozen=True)
class Audience:
    """An audience resolved: the scope, the organizations it names, and its people."""

    scope: Organization
    targets: list[Organization]
    recipients: list[outbox.Recipient]
    offline: int  # in the audience but not on Telegram yet (imported, never joined)


@dataclass(frozen=True)
class Preview:
    recipients: int
    offline: int
    send_at: datetime
    held: bool  # waits for the end of quiet hours
    zone: ZoneInfo


@dataclass(frozen=True)
class SentBroadcast:
    broadcast: Broadcast
    org: Organization  # the one it spoke for: its zone shows the times
    counts: DeliveryCounts


class Listing(StrEnum):
    NOT_ACKNOWLEDGED = "not_acknowledged"  # received it, no 已学习 yet
    UNREACHABLE = "unreachable"  # blocked the bot, or gave up after retries


@dataclass(frozen=True)
class NamesPage:
    broadcast: Broadcast
    names: list[str]
    total: int
    page: int
    pages: int


def _repo(uow: UnitOfWork) -> BroadcastRepository:
    return BroadcastRepository(uow.session)


# ----------------------------------------------------------------------------- choices


async def scopes(uow: UnitOfWork, actor: Actor) -> list[Organization]:
    """The topmost organizations the actor may broadcast to (AccessDenied if none)."""
    roots = require_somewhere(actor, Action.BROADCAST)
    found = await uow.organizations.by_ids(g.org_id for g in roots)
    return [found[g.org_id] for g in roots if g.org_id in found]


async def scope(uow: UnitOfWork, actor: Actor, scope_id: int) -> Organization:
    org = await uow.organizations.get(scope_id)
    if org is None:
        raise NotFound()
    require(actor, Action.BROADCAST, org)
    return org


async def branches_in(uow: UnitOfWork, actor: Actor, scope_id: int) -> list[Organization]:
    """Branches (and general branches) below the scope, for the multi-select."""
    root = await scope(uow, actor, scope_id)
    below = await uow.organizations.subtree(root)
    return [o for o in below if o.level in BRANCH_LEVELS and o.id != root.id]


async def groups_in(uow: UnitOfWork, actor: Actor, scope_id: int) -> list[Organization]:
    root = await scope(uow, actor, scope_id)
    return [o for o in await uow.organizations.subtree(root) if o.level is Level.GROUP]


def may_mark_urgent(actor: Actor, scope_org: Organization) -> bool:
    return can(actor, Action.BROADCAST_URGENT, scope_org)


# ----------------------------------------------------------------------------- audience


async def _targets(uow: UnitOfWork, root: Organization, spec: AudienceSpec) -> list[Organization]:
    if spec.where is Where.SCOPE:
        if spec.org_ids:
            raise InvalidInput("broadcast-error-audience")
        return [root]
    wanted = list(dict.fromkeys(spec.org_ids))
    found = await uow.organizations.by_ids(wanted)
    levels = BRANCH_LEVELS if spec.where is Where.BRANCHES else (Level.GROUP,)
    if (
        not wanted
        or (spec.where is Where.GROUP and len(wanted) != 1)
        or len(found) != len(wanted)
        or any(
            org.level not in levels or not org.path.startswith(root.path) for org in found.values()
        )
    ):
        raise InvalidInput("broadcast-error-audience")
    return [found[org_id] for org_id in wanted]


async def resolve(uow: UnitOfWork, actor: Actor, spec: AudienceSpec) -> Audience:
    """The people the message would reach; the composer is never among them."""
    root = await scope(uow, actor, spec.scope_id)
    targets = await _targets(uow, root, spec)
    who = Who.PARTY if spec.where is Where.GROUP else spec.who
    people: list[Person] = [
        p
        for p in await _repo(uow).people_under([t.path for t in targets], ROLES_OF[who])
        if p.id != actor.person_id
    ]
    recipients = await outbox.recipients_for(uow, (p.id for p in people))
    return Audience(root, targets, recipients, len(people) - len(recipients))


def check_content(content: Content) -> Content:
    """Refuse what the sender could not deliver: an empty message, over-long text."""
    text = content.text.strip()
    if content.content_type is ContentType.TEXT:
        if not text:
            raise InvalidInput("broadcast-error-empty")
        if len(text) > TEXT_MAX:
            raise InvalidInput("broadcast-error-too-long", max=TEXT_MAX, length=len(text))
    else:
        if not content.file_id:
            raise InvalidInput("broadcast-error-content-type")
        if len(text) > CAPTION_MAX:
            raise InvalidInput(
                "broadcast-error-caption-too-long", max=CAPTION_MAX, length=len(text)
            )
    return Content(content.content_type, text, content.file_id)


def _check_urgent(actor: Actor, root: Organization, urgent: bool) -> None:
    if urgent and not may_mark_urgent(actor, root):
        raise AccessDenied("broadcast-error-urgent")


def _timing(
    root: Organization, urgent: bool, now: datetime, default_zone: ZoneInfo, quiet: QuietHours
) -> tuple[datetime, ZoneInfo]:
    zone = organizations.zone_of(root, default_zone)
    return outbox.send_after(now, zone, quiet, urgent), zone


async def preview(
    uow: UnitOfWork,
    actor: Actor,
    spec: AudienceSpec,
    urgent: bool,
    now: datetime,
    default_zone: ZoneInfo,
    quiet: QuietHours,
) -> Preview:
    """How many it reaches, how many are not on Telegram, and when it goes out."""
    audience = await resolve(uow, actor, spec)
    _check_urgent(actor, audience.scope, urgent)
    send_at, zone = _timing(audience.scope, urgent, now, default_zone, quiet)
    return Preview(len(audience.recipients), audience.offline, send_at, send_at > now, zone)


async def create(
    uow: UnitOfWork,
    actor: Actor,
    spec: AudienceSpec,
    content: Content,
    *,
    urgent: bool,
    now: datetime,
    default_zone: ZoneInfo,
    quiet: QuietHours,
    progress_chat_id: int,
    progress_message_id: int | None,
    progress_locale: str,
) -> Broadcast:
    """Queue the message: one outbox row per recipient, held until morning unless urgent."""
    content = check_content(content)
    audience = await resolve(uow, actor, spec)
    _check_urgent(actor, audience.scope, urgent)
    if not audience.recipients:
        raise InvalidInput("broadcast-error-nobody")
    send_at, _ = _timing(audience.scope, urgent, now, default_zone, quiet)
    payload: dict[str, Any] = {
        "org_name": audience.scope.name,
        "where": spec.where.value,
        "who": (Who.PARTY if spec.where is Where.GROUP else spec.who).value,
        "targets": [t.name for t in audience.targets],
        "offline": audience.offline,
    }
    broadcast = await outbox.enqueue(
        uow,
        kind=BroadcastKind.MESSAGE,
        org_id=audience.scope.id,
        recipients=audience.recipients,
        now=now,
        not_before=send_at,
        content_type=content.content_type,
        text=content.text,
        file_id=content.file_id,
        payload=payload,
        urgent=urgent,
        sender_id=actor.person_id,
        progress_chat_id=progress_chat_id,
        progress_locale=progress_locale,
    )
    assert broadcast is not None  # no dedupe key: always written
    broadcast.progress_message_id = progress_message_id
    await uow.commit()
    return broadcast


# ----------------------------------------------------------------------------- follow-up


async def recent(uow: UnitOfWork, actor: Actor, limit: int = RECENT_LIMIT) -> list[SentBroadcast]:
    """The actor's latest composed broadcasts with how each fared."""
    require_somewhere(actor, Action.BROADCAST)
    if actor.person_id is None:
        return []
    repo = _repo(uow)
    found = await repo.recent_by(actor.person_id, BroadcastKind.MESSAGE, limit)
    counts = await repo.counts(b.id for b in found)
    orgs = await uow.organizations.by_ids(b.org_id for b in found)
    return [SentBroadcast(b, orgs[b.org_id], counts[b.id]) for b in found]


async def _visible(
    uow: UnitOfWork, actor: Actor, broadcast_id: int
) -> tuple[Broadcast, Organization]:
    """A composed broadcast the actor sent, or one an organization they broadcast for sent."""
    broadcast = await _repo(uow).get(broadcast_id)
    if broadcast is None or broadcast.kind is not BroadcastKind.MESSAGE:
        raise NotFound()
    org = await uow.organizations.get(broadcast.org_id)
    if org is None:
        raise NotFound()
    if broadcast.sender_id != actor.person_id or actor.person_id is None:
        require(actor, Action.BROADCAST, org)
    return broadcast, org


async def one(uow: UnitOfWork, actor: Actor, broadcast_id: int) -> SentBroadcast:
    broadcast, org = await _visible(uow, actor, broadcast_id)
    counts = await _repo(uow).counts([broadcast.id])
    return SentBroadcast(broadcast, org, counts[broadcast.id])


async def names(
    uow: UnitOfWork,
    actor: Actor,
    broadcast_id: int,
    listing: Listing,
    page: int,
    page_size: int = NAMES_PAGE,
) -> NamesPage:
    """One page of who has not tapped 已学习, or of who could not be reached."""
    broadcast, _ = await _visible(uow, actor, broadcast_id)
    if listing is Listing.NOT_ACKNOWLEDGED:
        statuses, acknowledged = [DeliveryStatus.SENT], False
    else:
        statuses, acknowledged = [DeliveryStatus.UNREACHABLE, DeliveryStatus.FAILED], None
    page = max(page, 0)
    found, total = await _repo(uow).recipients(
        broadcast.id, statuses, acknowledged=acknowledged, offset=page * page_size, limit=page_size
    )
    pages = max(1, -(-total // page_size))
    return NamesPage(broadcast, found, total, page, pages)


class AckResult(StrEnum):
    RECORDED = "recorded"
    ALREADY = "already"


async def acknowledge(uow: UnitOfWork, actor: Actor, delivery_id: int, now: datetime) -> AckResult:
    """已学习: only the delivery's own recipient; a second tap changes nothing."""
    found = await _repo(uow).delivery(delivery_id)
    if found is None or found[1].kind is not BroadcastKind.MESSAGE:
        raise NotFound("broadcast-error-ack-stale")
    delivery, _ = found
    if actor.person_id is None or delivery.person_id != actor.person_id:
        raise AccessDenied("broadcast-error-ack-foreign")
    if delivery.acknowledged_at is not None or not await _repo(uow).acknowledge(delivery.id, now):
        return AckResult.ALREADY
    await uow.commit()
    return AckResult.RECORDED
