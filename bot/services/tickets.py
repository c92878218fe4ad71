"""Need tickets (居民点单、支部派单、党员接单、群众评单): the state machine, its service levels
and the monthly statistics.

    NEW ──assign──▶ ASSIGNED ──accept──▶ IN_PROGRESS ──resolve──▶ RESOLVED ──rate 3–5──▶ CLOSED
     │  ──post────▶ POSTED ───claim────▶ IN_PROGRESS                │  ──rate 1–2──▶ IN_PROGRESS
     │  ──decline─▶ DECLINED             ASSIGNED ──refuse──▶ NEW    └─ no rating ──▶ CLOSED
     └─ ──merge───▶ MERGED

Officers (re)assign a ticket that is new, posted, assigned or in progress, post or decline or
merge one nobody works on yet. Only the assignee accepts, refuses, notes and resolves; only a
party member of the branch claims a posted ticket; only the reporter rates, once per
resolution. Every step is a `TicketEvent`. A transition checks the state it starts from, and
the ticket's version column makes two racing transitions (two members claiming) end with one
winner: the loser gets the same "already taken" answer as a late tap.

Service levels come from code defaults, overridden per committee (or branch) in
`Organization.settings`; reminders are `TicketReminder` rows the sweep claims before acting.
Services return `Outcome`s saying who must hear what; the chat side renders and sends them.
"""

from __future__ import annotations

import logging
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm.exc import StaleDataError

from bot.services import scope
from bot.services.access import POLICY, Action, Actor, can, holds_within, require, scope_roots
from bot.services.errors import AccessDenied, Conflict, InvalidInput, NotFound
from bot.services.invites import Recipient
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Level, Role
from storage.models import (
    Organization,
    Person,
    Ticket,
    TicketEvent,
    TicketEventKind,
    TicketReminder,
    TicketReminderKind,
    TicketStatus,
)
from storage.tickets_repo import OPEN_STATUSES
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

DESCRIPTION_MAX = 1000
REASON_MAX = 500
NOTE_MAX = 1000
PHOTOS_MAX = 5
PAGE_SIZE = 8
MERGE_CHOICES = 8

# The categories a branch offers unless its committee configures its own list.
DEFAULT_CATEGORIES = (
    "elderly",
    "sanitation",
    "dispute",
    "property",
    "employment",
    "policy",
    "other",
)
CATEGORIES_SETTING = "ticket_categories"
SLA_SETTING = "ticket_sla"
RATING_SETTING = "ticket_rating_hours"
DEFAULT_RATING_HOURS = 72.0
LOW_RATING = 2  # this many stars or fewer reopens the ticket


@dataclass(frozen=True)
class ServiceLevel:
    """Hours allowed per stage: to dispatch after the report, to accept after the dispatch,
    to solve after the report (the due time), and between the escalation steps after it."""

    dispatch_hours: float = 8
    accept_hours: float = 24
    resolve_hours: float = 168
    escalate_hours: float = 24


DEFAULT_LEVELS: dict[str, ServiceLevel] = {
    "elderly": ServiceLevel(2, 4, 48, 12),
    "sanitation": ServiceLevel(4, 8, 72, 24),
    "dispute": ServiceLevel(4, 8, 72, 24),
    "property": ServiceLevel(4, 8, 120, 24),
    "employment": ServiceLevel(8, 24, 168, 48),
    "policy": ServiceLevel(4, 8, 48, 24),
    "other": ServiceLevel(),
}
_LEVEL_FIELDS = ("dispatch_hours", "accept_hours", "resolve_hours", "escalate_hours")


@dataclass(frozen=True)
class TicketRules:
    """What applies to one branch: its categories, their service levels, the rating time."""

    categories: tuple[str, ...] = DEFAULT_CATEGORIES
    levels: dict[str, ServiceLevel] = field(default_factory=lambda: dict(DEFAULT_LEVELS))
    rating_hours: float = DEFAULT_RATING_HOURS

    def level(self, category: str) -> ServiceLevel:
        return self.levels.get(category, DEFAULT_LEVELS["other"])


def _hours(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 8760:
        raise ValueError(f"hours must be a number from 0 to 8760, got {value!r}")
    return float(value)


def parse_categories(value: object) -> tuple[str, ...]:
    """A list of category codes (the built-in ones are translated) or a committee's own
    names (shown as written)."""
    if not isinstance(value, list) or not value:
        raise ValueError("ticket_categories must be a non-empty list")
    names = tuple(" ".join(str(v).split()) for v in value)
    if any(not 0 < len(n) <= 64 for n in names) or len(set(names)) != len(names):
        raise ValueError("ticket categories are distinct names of 1 to 64 characters")
    return names


def parse_levels(value: object) -> dict[str, ServiceLevel]:
    """{"elderly": {"dispatch_hours": 1, ...}, ...}: each named field overrides the default."""
    if not isinstance(value, dict):
        raise ValueError("ticket_sla must map categories to service levels")
    levels = dict(DEFAULT_LEVELS)
    for category, fields in value.items():
        if not isinstance(fields, dict) or not set(fields) <= set(_LEVEL_FIELDS):
            raise ValueError(f"ticket_sla[{category!r}] takes only {', '.join(_LEVEL_FIELDS)}")
        base = DEFAULT_LEVELS.get(str(category), DEFAULT_LEVELS["other"])
        levels[str(category)] = ServiceLevel(
            **{name: _hours(fields.get(name, getattr(base, name))) for name in _LEVEL_FIELDS}
        )
    return levels


def check_setting(key: str, value: object) -> None:
    """Refuse a malformed ticket setting before it is stored (InvalidInput)."""
    parsers = {
        CATEGORIES_SETTING: parse_categories,
        SLA_SETTING: parse_levels,
        RATING_SETTING: _hours,
    }
    try:
        parsers[key](value)
    except (KeyError, ValueError):
        raise InvalidInput("error-invalid-input") from None


def _path_ids(org: Organization) -> list[int]:
    return [int(part) for part in org.path.strip("/").split("/")]


async def rules_for(uow: UnitOfWork, org: Organization) -> TicketRules:
    """The nearest organization (the branch itself, then upward) that sets a key wins; a
    malformed value is logged and the default used, so a typo never stops reporting."""
    ids = _path_ids(org)
    chain = await uow.organizations.by_ids(ids)
    found: dict[str, Any] = {}
    for org_id in reversed(ids):
        settings = chain[org_id].settings or {}
        for key in (CATEGORIES_SETTING, SLA_SETTING, RATING_SETTING):
            if key in settings and key not in found:
                found[key] = settings[key]
    rules = TicketRules()
    try:
        if CATEGORIES_SETTING in found:
            rules = TicketRules(parse_categories(found[CATEGORIES_SETTING]))
        if SLA_SETTING in found:
            rules = TicketRules(rules.categories, parse_levels(found[SLA_SETTING]))
        if RATING_SETTING in found:
            rules = TicketRules(rules.categories, rules.levels, _hours(found[RATING_SETTING]))
    except ValueError as exc:
        log.warning("ticket settings above org %s ignored: %s", org.id, exc)
    return rules


# ----------------------------------------------------------------------------- outcomes


class Notify(StrEnum):
    """What one group of people must be told after a step; the chat side renders each."""

    NEW = "new"  # officers: a new ticket, with the dispatch buttons
    ASSIGNED = "assigned"  # the member: accept or decline
    WITHDRAWN = "withdrawn"  # a member who no longer has the ticket
    POSTED = "posted"  # the branch's members: claim it
    CLAIMED = "claimed"  # officers: a member claimed the posted ticket
    TAKEN = "taken"  # the reporter: a member is on it
    REFUSED = "refused"  # officers: the member declined it, dispatch again
    DECLINED = "declined"  # the reporter: declined, with the reason
    MERGED = "merged"  # the reporter: handled together with another ticket
    PROGRESS = "progress"  # the reporter: a progress note
    RESOLVED = "resolved"  # the reporter: solved, please rate
    RATED = "rated"  # the member: the reporter's rating
    REOPENED = "reopened"  # officers and the member: a low rating reopened it
    REMIND_DISPATCH = "remind_dispatch"  # officers: still not dispatched
    REMIND_ACCEPT = "remind_accept"  # the member: still not accepted
    REASSIGN = "reassign"  # officers: nobody took it, reassign
    REMIND_RESOLVE = "remind_resolve"  # the member: due time passed
    ESCALATED = "escalated"  # officers, then the committee's admins: overdue


@dataclass(frozen=True)
class Notice:
    kind: Notify
    recipients: list[Recipient]


@dataclass(frozen=True)
class Outcome:
    """A ticket after a step, and who must hear about it."""

    ticket: Ticket
    org: Organization
    notices: list[Notice] = field(default_factory=list)
    event: TicketEvent | None = None


def _recipient(person: Person | None) -> list[Recipient]:
    if person is None or person.telegram_id is None:
        return []
    return [Recipient(person.id, person.telegram_id, person.language)]


async def _nearest(
    uow: UnitOfWork,
    org: Organization,
    roles: Iterable[Role],
    leave_out: Iterable[int | None] = (),
) -> list[Recipient]:
    """Holders of `roles` at the nearest level (the organization itself, then upward) that
    has any reachable one."""
    ids = _path_ids(org)
    skip = set(leave_out)
    holders = await uow.memberships.holders(ids, roles)
    for org_id in reversed(ids):
        found = {
            p.id: Recipient(p.id, p.telegram_id, p.language)
            for p, m in holders
            if m.org_id == org_id and p.telegram_id is not None and p.id not in skip
        }
        if found:
            return list(found.values())
    return []


async def officers(
    uow: UnitOfWork, org: Organization, leave_out: Iterable[int | None] = ()
) -> list[Recipient]:
    """Who dispatches the branch's tickets: its officers (secretary, deputies, committee
    members), or those of the nearest level above that has any."""
    return await _nearest(uow, org, OFFICER_ROLES, leave_out)


async def committee_admins(uow: UnitOfWork, org: Organization) -> list[Recipient]:
    return await _nearest(uow, org, {Role.ADMIN})


OFFICER_ROLES = POLICY[Action.DISPATCH_TICKET]
TAKER_ROLES = POLICY[Action.TAKE_TICKET]


async def members_of(uow: UnitOfWork, org: Organization) -> list[Person]:
    """The branch's party members (its groups included): who may take its tickets."""
    return list(await uow.memberships.holders_under(org, TAKER_ROLES))


# ----------------------------------------------------------------------------- reporting


@dataclass(frozen=True)
class Draft:
    """What the /need flow collected."""

    org_id: int
    category: str
    description: str = ""
    voice_file_id: str | None = None
    photos: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None


async def reportable_branches(uow: UnitOfWork, actor: Actor) -> list[Organization]:
    """The branches the actor belongs to (a party group's member belongs to its branch)."""
    branch_ids: list[int] = []
    for grant in actor.grants:
        if grant.role not in POLICY[Action.REPORT_TICKET]:
            continue
        ids = [int(part) for part in grant.org_path.strip("/").split("/")]
        if grant.org_level is Level.BRANCH:
            branch_ids.append(ids[-1])
        elif grant.org_level is Level.GROUP and len(ids) >= 2:
            branch_ids.append(ids[-2])
    found = await uow.organizations.by_ids(branch_ids)
    ordered = dict.fromkeys(i for i in branch_ids if i in found)
    return [found[i] for i in ordered if found[i].level is Level.BRANCH]


async def _reportable(uow: UnitOfWork, actor: Actor, org_id: int) -> Organization:
    for org in await reportable_branches(uow, actor):
        if org.id == org_id:
            return org
    raise AccessDenied()


async def categories_for(uow: UnitOfWork, actor: Actor, org_id: int) -> tuple[str, ...]:
    org = await _reportable(uow, actor, org_id)
    return (await rules_for(uow, org)).categories


def _record(
    uow: UnitOfWork,
    ticket: Ticket,
    kind: TicketEventKind,
    now: datetime,
    actor_id: int | None,
    note: str = "",
    **data: Any,
) -> TicketEvent:
    event = TicketEvent(
        ticket_id=ticket.id, at=now, actor_id=actor_id, kind=kind, note=note, data=data
    )
    uow.tickets.record(event)
    return event


async def _plan(
    uow: UnitOfWork, ticket: Ticket, plans: Iterable[tuple[TicketReminderKind, datetime]]
) -> None:
    """A new cycle of reminders; the unique (ticket, kind, cycle) key keeps each single."""
    ticket.cycle += 1
    await uow.tickets.plan(
        TicketReminder(ticket_id=ticket.id, kind=kind, cycle=ticket.cycle, due_at=due)
        for kind, due in plans
    )


def _due_plans(level: ServiceLevel, due_at: datetime) -> list[tuple[TicketReminderKind, datetime]]:
    step = timedelta(hours=level.escalate_hours)
    return [
        (TicketReminderKind.RESOLVE, due_at),
        (TicketReminderKind.ESCALATE_BRANCH, due_at + step),
        (TicketReminderKind.ESCALATE_COMMITTEE, due_at + 2 * step),
    ]


def _clean(text: str) -> str:
    return " ".join(text.split())


async def report(uow: UnitOfWork, actor: Actor, draft: Draft, now: datetime) -> Outcome:
    """点单: record the need, plan its deadlines, and tell the branch's officers."""
    if actor.person_id is None:
        raise AccessDenied()
    org = await _reportable(uow, actor, draft.org_id)
    rules = await rules_for(uow, org)
    if draft.category not in rules.categories:
        raise InvalidInput("ticket-error-category")
    description = draft.description.strip()
    if len(description) > DESCRIPTION_MAX:
        raise InvalidInput("ticket-error-long", max=DESCRIPTION_MAX)
    if not description and not draft.voice_file_id:
        raise InvalidInput("ticket-error-description")
    if len(draft.photos) > PHOTOS_MAX:
        raise InvalidInput("ticket-error-photos", max=PHOTOS_MAX)
    level = rules.level(draft.category)
    ticket = await uow.tickets.add(
        Ticket(
            org_id=org.id,
            reporter_id=actor.person_id,
            category=draft.category,
            description=description,
            voice_file_id=draft.voice_file_id,
            photos=list(draft.photos),
            latitude=draft.latitude,
            longitude=draft.longitude,
            status=TicketStatus.NEW,
            decline_reason="",
            resolution="",
            resolution_photos=[],
            rating_comment="",
            reopened=0,
            cycle=0,
            reported_at=now,
            due_at=now + timedelta(hours=level.resolve_hours),
            updated_at=now,
        )
    )
    _record(uow, ticket, TicketEventKind.REPORTED, now, actor.person_id, description)
    await _plan(
        uow,
        ticket,
        [
            (TicketReminderKind.DISPATCH, now + timedelta(hours=level.dispatch_hours)),
            *_due_plans(level, ticket.due_at),
        ],
    )
    told = await officers(uow, org, leave_out=[actor.person_id])
    await uow.commit()
    return Outcome(ticket, org, [Notice(Notify.NEW, told)])


# ----------------------------------------------------------------------------- transitions


TERMINAL = frozenset({TicketStatus.CLOSED, TicketStatus.DECLINED, TicketStatus.MERGED})


def _refuse(ticket: Ticket, actor: Actor | None = None) -> Conflict:
    """The clearest reason a step no longer applies (a stale button, a double tap)."""
    if ticket.status in TERMINAL:
        return Conflict("ticket-error-closed", number=str(ticket.id))
    if ticket.status is TicketStatus.RESOLVED:
        return Conflict("ticket-error-resolved", number=str(ticket.id))
    taken = ticket.status in (TicketStatus.ASSIGNED, TicketStatus.IN_PROGRESS)
    if taken and actor is not None and ticket.assignee_id == actor.person_id:
        return Conflict("ticket-error-yours", number=str(ticket.id))
    if taken:
        return Conflict("ticket-error-taken", number=str(ticket.id))
    return Conflict("ticket-error-state", number=str(ticket.id))


async def _load(uow: UnitOfWork, ticket_id: int) -> tuple[Ticket, Organization]:
    ticket = await uow.tickets.get(ticket_id)
    if ticket is None:
        raise NotFound()
    org = await uow.organizations.get(ticket.org_id)
    assert org is not None
    return ticket, org


async def _save(uow: UnitOfWork, ticket: Ticket) -> None:
    """Write a transition at once: the version check makes a concurrent transition that
    changed the ticket first win, and this one is refused like a late tap."""
    ticket_id = ticket.id  # the rollback below expires every loaded attribute
    try:
        await uow.tickets.flush()
    except StaleDataError:
        await uow.session.rollback()
        fresh = await uow.tickets.get(ticket_id)
        assert fresh is not None
        await uow.session.refresh(fresh)
        raise _refuse(fresh) from None


async def _dispatchable(
    uow: UnitOfWork, actor: Actor, ticket_id: int, allowed: Iterable[TicketStatus]
) -> tuple[Ticket, Organization]:
    ticket, org = await _load(uow, ticket_id)
    require(actor, Action.DISPATCH_TICKET, org)
    if ticket.status not in set(allowed):
        raise _refuse(ticket)
    return ticket, org


async def assign(
    uow: UnitOfWork, actor: Actor, ticket_id: int, person_id: int, now: datetime
) -> Outcome:
    """派单 to one member (also a reassignment: the previous member is told)."""
    ticket, org = await _dispatchable(uow, actor, ticket_id, OPEN_STATUSES)
    if person_id == ticket.reporter_id:
        raise InvalidInput("ticket-error-own")
    member = next((p for p in await members_of(uow, org) if p.id == person_id), None)
    if member is None:
        raise InvalidInput("ticket-error-not-member")
    if ticket.assignee_id == person_id and ticket.status is not TicketStatus.POSTED:
        raise Conflict("ticket-error-same-member", name=member.display_name)
    previous = await uow.people.get(ticket.assignee_id) if ticket.assignee_id else None
    rules = await rules_for(uow, org)
    ticket.status = TicketStatus.ASSIGNED
    ticket.assignee_id = member.id
    ticket.dispatched_at = ticket.dispatched_at or now
    ticket.accepted_at = None
    ticket.updated_at = now
    await _save(uow, ticket)
    _record(uow, ticket, TicketEventKind.ASSIGNED, now, actor.person_id, assignee=member.id)
    await uow.tickets.drop_unsent(
        ticket.id, [TicketReminderKind.DISPATCH, TicketReminderKind.ACCEPT]
    )
    accept_by = now + timedelta(hours=rules.level(ticket.category).accept_hours)
    await _plan(uow, ticket, [(TicketReminderKind.ACCEPT, accept_by)])
    await uow.commit()
    notices = [Notice(Notify.ASSIGNED, _recipient(member))]
    if previous is not None and previous.id != member.id:
        notices.append(Notice(Notify.WITHDRAWN, _recipient(previous)))
    return Outcome(ticket, org, notices)


async def post(uow: UnitOfWork, actor: Actor, ticket_id: int, now: datetime) -> Outcome:
    """Offer the ticket to all the branch's members; the first to claim it has it."""
    ticket, org = await _dispatchable(
        uow, actor, ticket_id, [TicketStatus.NEW, TicketStatus.ASSIGNED]
    )
    previous = await uow.people.get(ticket.assignee_id) if ticket.assignee_id else None
    rules = await rules_for(uow, org)
    ticket.status = TicketStatus.POSTED
    ticket.assignee_id = None
    ticket.dispatched_at = ticket.dispatched_at or now
    ticket.updated_at = now
    await _save(uow, ticket)
    _record(uow, ticket, TicketEventKind.POSTED, now, actor.person_id)
    await uow.tickets.drop_unsent(
        ticket.id, [TicketReminderKind.DISPATCH, TicketReminderKind.ACCEPT]
    )
    claim_by = now + timedelta(hours=rules.level(ticket.category).accept_hours)
    await _plan(uow, ticket, [(TicketReminderKind.ACCEPT, claim_by)])
    members = [
        r
        for p in await members_of(uow, org)
        if p.id not in (ticket.reporter_id, actor.person_id)
        for r in _recipient(p)
    ]
    await uow.commit()
    notices = [Notice(Notify.POSTED, members)]
    if previous is not None:
        notices.append(Notice(Notify.WITHDRAWN, _recipient(previous)))
    return Outcome(ticket, org, notices)


async def _reporter(uow: UnitOfWork, ticket: Ticket) -> list[Recipient]:
    return _recipient(await uow.people.get(ticket.reporter_id))


def _reason(text: str) -> str:
    reason = _clean(text)
    if not reason or len(reason) > REASON_MAX:
        raise InvalidInput("ticket-error-reason", max=REASON_MAX)
    return reason


async def decline(
    uow: UnitOfWork, actor: Actor, ticket_id: int, reason: str, now: datetime
) -> Outcome:
    """The branch will not take this need up; the reporter is told why."""
    reason = _reason(reason)
    ticket, org = await _dispatchable(
        uow, actor, ticket_id, [TicketStatus.NEW, TicketStatus.POSTED, TicketStatus.ASSIGNED]
    )
    previous = await uow.people.get(ticket.assignee_id) if ticket.assignee_id else None
    ticket.status = TicketStatus.DECLINED
    ticket.decline_reason = reason
    ticket.assignee_id = None
    ticket.closed_at = now
    ticket.updated_at = now
    await _save(uow, ticket)
    _record(uow, ticket, TicketEventKind.DECLINED, now, actor.person_id, reason)
    await uow.tickets.drop_unsent(ticket.id)
    await uow.commit()
    notices = [Notice(Notify.DECLINED, await _reporter(uow, ticket))]
    if previous is not None:
        notices.append(Notice(Notify.WITHDRAWN, _recipient(previous)))
    return Outcome(ticket, org, notices)


async def merge_choices(uow: UnitOfWork, actor: Actor, ticket_id: int) -> list[Ticket]:
    """Other open tickets of the same branch this one may duplicate, newest first."""
    ticket, org = await _dispatchable(
        uow, actor, ticket_id, [TicketStatus.NEW, TicketStatus.POSTED, TicketStatus.ASSIGNED]
    )
    others = await uow.tickets.open_in_org(org.id, MERGE_CHOICES + 1)
    return [t for t in others if t.id != ticket.id][:MERGE_CHOICES]


async def merge(
    uow: UnitOfWork, actor: Actor, ticket_id: int, into_id: int, now: datetime
) -> Outcome:
    """A duplicate: handled with the other ticket, the reporter is told its number."""
    ticket, org = await _dispatchable(
        uow, actor, ticket_id, [TicketStatus.NEW, TicketStatus.POSTED, TicketStatus.ASSIGNED]
    )
    target = await uow.tickets.get(into_id)
    if (
        target is None
        or target.id == ticket.id
        or target.org_id != ticket.org_id
        or target.status not in OPEN_STATUSES
    ):
        raise InvalidInput("ticket-error-merge-target")
    previous = await uow.people.get(ticket.assignee_id) if ticket.assignee_id else None
    ticket.status = TicketStatus.MERGED
    ticket.merged_into_id = target.id
    ticket.assignee_id = None
    ticket.closed_at = now
    ticket.updated_at = now
    await _save(uow, ticket)
    _record(uow, ticket, TicketEventKind.MERGED, now, actor.person_id, into=target.id)
    _record(uow, target, TicketEventKind.MERGED, now, actor.person_id, duplicate=ticket.id)
    await uow.tickets.drop_unsent(ticket.id)
    await uow.commit()
    notices = [Notice(Notify.MERGED, await _reporter(uow, ticket))]
    if previous is not None:
        notices.append(Notice(Notify.WITHDRAWN, _recipient(previous)))
    return Outcome(ticket, org, notices)


async def claim(uow: UnitOfWork, actor: Actor, ticket_id: int, now: datetime) -> Outcome:
    """接单 from the posted list: the first member wins, a second claim is refused."""
    ticket, org = await _load(uow, ticket_id)
    if not holds_within(actor, Action.TAKE_TICKET, org) or actor.person_id is None:
        raise AccessDenied()
    if actor.person_id == ticket.reporter_id:
        raise InvalidInput("ticket-error-own")
    if ticket.status is not TicketStatus.POSTED:
        raise _refuse(ticket, actor)
    ticket.status = TicketStatus.IN_PROGRESS
    ticket.assignee_id = actor.person_id
    ticket.accepted_at = now
    ticket.updated_at = now
    await _save(uow, ticket)
    _record(uow, ticket, TicketEventKind.CLAIMED, now, actor.person_id)
    await uow.tickets.drop_unsent(
        ticket.id, [TicketReminderKind.DISPATCH, TicketReminderKind.ACCEPT]
    )
    await uow.commit()
    told = await officers(uow, org, leave_out=[actor.person_id])
    return Outcome(
        ticket,
        org,
        [Notice(Notify.TAKEN, await _reporter(uow, ticket)), Notice(Notify.CLAIMED, told)],
    )


async def _assigned(
    uow: UnitOfWork, actor: Actor, ticket_id: int, status: TicketStatus
) -> tuple[Ticket, Organization]:
    ticket, org = await _load(uow, ticket_id)
    if actor.person_id is None or ticket.assignee_id != actor.person_id:
        raise AccessDenied("ticket-error-not-assignee")
    if ticket.status is not status:
        raise _refuse(ticket, actor)
    return ticket, org


async def accept(uow: UnitOfWork, actor: Actor, ticket_id: int, now: datetime) -> Outcome:
    ticket, org = await _assigned(uow, actor, ticket_id, TicketStatus.ASSIGNED)
    ticket.status = TicketStatus.IN_PROGRESS
    ticket.accepted_at = now
    ticket.updated_at = now
    await _save(uow, ticket)
    _record(uow, ticket, TicketEventKind.ACCEPTED, now, actor.person_id)
    await uow.tickets.drop_unsent(ticket.id, [TicketReminderKind.ACCEPT])
    await uow.commit()
    return Outcome(ticket, org, [Notice(Notify.TAKEN, await _reporter(uow, ticket))])


async def refuse(
    uow: UnitOfWork, actor: Actor, ticket_id: int, reason: str, now: datetime
) -> Outcome:
    """The assigned member cannot take it: back to the officers, with the reason."""
    reason = _reason(reason)
    ticket, org = await _assigned(uow, actor, ticket_id, TicketStatus.ASSIGNED)
    rules = await rules_for(uow, org)
    ticket.status = TicketStatus.NEW
    ticket.assignee_id = None
    ticket.updated_at = now
    await _save(uow, ticket)
    event = _record(uow, ticket, TicketEventKind.REFUSED, now, actor.person_id, reason)
    await uow.tickets.drop_unsent(ticket.id, [TicketReminderKind.ACCEPT])
    dispatch_by = now + timedelta(hours=rules.level(ticket.category).dispatch_hours)
    await _plan(uow, ticket, [(TicketReminderKind.DISPATCH, dispatch_by)])
    await uow.commit()
    told = await officers(uow, org, leave_out=[actor.person_id])
    return Outcome(ticket, org, [Notice(Notify.REFUSED, told)], event)


async def add_note(
    uow: UnitOfWork,
    actor: Actor,
    ticket_id: int,
    text: str,
    photo: str | None,
    voice: str | None,
    now: datetime,
) -> Outcome:
    """A progress note (text, photo or voice) from the member; the reporter sees it."""
    ticket, org = await _assigned(uow, actor, ticket_id, TicketStatus.IN_PROGRESS)
    note = text.strip()
    if len(note) > NOTE_MAX:
        raise InvalidInput("ticket-error-long", max=NOTE_MAX)
    if not note and not photo and not voice:
        raise InvalidInput("ticket-error-note")
    data = {k: v for k, v in (("photo", photo), ("voice", voice)) if v}
    ticket.updated_at = now
    await _save(uow, ticket)
    event = _record(uow, ticket, TicketEventKind.NOTE, now, actor.person_id, note, **data)
    await uow.commit()
    return Outcome(ticket, org, [Notice(Notify.PROGRESS, await _reporter(uow, ticket))], event)


async def resolve(
    uow: UnitOfWork,
    actor: Actor,
    ticket_id: int,
    note: str,
    photos: Sequence[str],
    now: datetime,
) -> Outcome:
    """The member says it is solved, with a note (and photos); the reporter rates it."""
    ticket, org = await _assigned(uow, actor, ticket_id, TicketStatus.IN_PROGRESS)
    note = note.strip()
    if not note:
        raise InvalidInput("ticket-error-resolution")
    if len(note) > NOTE_MAX:
        raise InvalidInput("ticket-error-long", max=NOTE_MAX)
    if len(photos) > PHOTOS_MAX:
        raise InvalidInput("ticket-error-photos", max=PHOTOS_MAX)
    rules = await rules_for(uow, org)
    ticket.status = TicketStatus.RESOLVED
    ticket.resolution = note
    ticket.resolution_photos = list(photos)
    ticket.resolved_at = now
    ticket.rating = None
    ticket.rating_comment = ""
    ticket.updated_at = now
    await _save(uow, ticket)
    _record(uow, ticket, TicketEventKind.RESOLVED, now, actor.person_id, note, photos=list(photos))
    await uow.tickets.drop_unsent(ticket.id)
    rate_by = now + timedelta(hours=rules.rating_hours)
    await _plan(uow, ticket, [(TicketReminderKind.RATING_TIMEOUT, rate_by)])
    await uow.commit()
    return Outcome(ticket, org, [Notice(Notify.RESOLVED, await _reporter(uow, ticket))])


async def rate(
    uow: UnitOfWork, actor: Actor, ticket_id: int, stars: int, now: datetime
) -> Outcome:
    """评单: 3–5 stars close the ticket; 1–2 reopen it with a new due time and alert the
    officers. Only the reporter rates, once per resolution."""
    ticket, org = await _load(uow, ticket_id)
    if actor.person_id is None or ticket.reporter_id != actor.person_id:
        raise AccessDenied("ticket-error-not-reporter")
    if not 1 <= stars <= 5:
        raise InvalidInput("ticket-error-stars")
    if ticket.status is not TicketStatus.RESOLVED:
        if ticket.rating is not None:
            raise Conflict("ticket-error-rated", number=str(ticket.id))
        raise _refuse(ticket, actor)
    level = (await rules_for(uow, org)).level(ticket.category)
    assignee = await uow.people.get(ticket.assignee_id) if ticket.assignee_id else None
    told = await officers(uow, org, leave_out=[actor.person_id, ticket.assignee_id])
    ticket.rating = stars
    ticket.updated_at = now
    if stars > LOW_RATING:
        ticket.status = TicketStatus.CLOSED
        ticket.closed_at = now
    else:
        ticket.status = TicketStatus.IN_PROGRESS
        ticket.reopened += 1
        ticket.due_at = now + timedelta(hours=level.resolve_hours)
    await _save(uow, ticket)
    _record(uow, ticket, TicketEventKind.RATED, now, actor.person_id, stars=stars)
    await uow.tickets.drop_unsent(ticket.id)
    notices = [Notice(Notify.RATED, _recipient(assignee))]
    if stars <= LOW_RATING:
        _record(uow, ticket, TicketEventKind.REOPENED, now, None, stars=stars)
        await _plan(uow, ticket, _due_plans(level, ticket.due_at))
        notices = [Notice(Notify.REOPENED, told + _recipient(assignee))]
    await uow.commit()
    return Outcome(ticket, org, notices)


async def comment(
    uow: UnitOfWork, actor: Actor, ticket_id: int, text: str, now: datetime
) -> Outcome:
    """The reporter's words to go with the stars, once."""
    ticket, org = await _load(uow, ticket_id)
    if actor.person_id is None or ticket.reporter_id != actor.person_id:
        raise AccessDenied("ticket-error-not-reporter")
    if ticket.rating is None:
        raise _refuse(ticket, actor)
    if ticket.rating_comment:
        raise Conflict("ticket-error-commented", number=str(ticket.id))
    words = text.strip()
    if not words or len(words) > REASON_MAX:
        raise InvalidInput("ticket-error-reason", max=REASON_MAX)
    ticket.rating_comment = words
    ticket.updated_at = now
    await _save(uow, ticket)
    _record(uow, ticket, TicketEventKind.COMMENTED, now, actor.person_id, words)
    await uow.commit()
    assignee = await uow.people.get(ticket.assignee_id) if ticket.assignee_id else None
    return Outcome(ticket, org, [Notice(Notify.RATED, _recipient(assignee))])


class Step(StrEnum):
    """A step that asks for typed input first: checked before the question is asked."""

    DECLINE = "decline"
    REFUSE = "refuse"
    WORK = "work"  # progress notes and the closing note


async def check_step(uow: UnitOfWork, actor: Actor, ticket_id: int, step: Step) -> Ticket:
    """Whether the actor may take this step on the ticket now (raises like the step would)."""
    if step is Step.DECLINE:
        ticket, _ = await _dispatchable(
            uow, actor, ticket_id, [TicketStatus.NEW, TicketStatus.POSTED, TicketStatus.ASSIGNED]
        )
    elif step is Step.REFUSE:
        ticket, _ = await _assigned(uow, actor, ticket_id, TicketStatus.ASSIGNED)
    else:
        ticket, _ = await _assigned(uow, actor, ticket_id, TicketStatus.IN_PROGRESS)
    return ticket


async def names_of(
    uow: UnitOfWork, ticket: Ticket, event: TicketEvent | None = None
) -> dict[int, str]:
    """Display names of the reporter, the assignee and the step's actor (a member who
    declined is no longer the assignee), for messages about the ticket."""
    actor_id = event.actor_id if event is not None else None
    ids = [i for i in (ticket.reporter_id, ticket.assignee_id, actor_id) if i is not None]
    return {pid: p.display_name for pid, p in (await uow.people.by_ids(ids)).items()}


# ----------------------------------------------------------------------------- views


@dataclass(frozen=True)
class TicketView:
    """A ticket as one person may see it, and what that person may do with it."""

    ticket: Ticket
    org: Organization
    reporter: Person
    assignee: Person | None
    is_reporter: bool
    is_assignee: bool
    can_dispatch: bool
    can_claim: bool


async def view(uow: UnitOfWork, actor: Actor, ticket_id: int) -> TicketView:
    """The reporter, the assignee, the branch's officers and the admins above see a ticket;
    a posted one is also open to the branch's members, who may claim it."""
    ticket, org = await _load(uow, ticket_id)
    reporter = await uow.people.get(ticket.reporter_id)
    assert reporter is not None
    assignee = await uow.people.get(ticket.assignee_id) if ticket.assignee_id else None
    me = actor.person_id
    is_reporter = me is not None and me == ticket.reporter_id
    is_assignee = me is not None and me == ticket.assignee_id
    can_claim = (
        ticket.status is TicketStatus.POSTED
        and not is_reporter
        and holds_within(actor, Action.TAKE_TICKET, org)
    )
    if not (is_reporter or is_assignee or can_claim or can(actor, Action.VIEW_TICKETS, org)):
        raise AccessDenied()
    return TicketView(
        ticket,
        org,
        reporter,
        assignee,
        is_reporter,
        is_assignee,
        can(actor, Action.DISPATCH_TICKET, org),
        can_claim,
    )


@dataclass(frozen=True)
class HistoryLine:
    event: TicketEvent
    who: str | None  # None: the bot itself
    subject: str | None = None  # the member a ticket was assigned to


def assignee_of(event: TicketEvent) -> int | None:
    found = (event.data or {}).get("assignee")
    return found if isinstance(found, int) else None


async def history(
    uow: UnitOfWork, actor: Actor, ticket_id: int
) -> tuple[TicketView, list[HistoryLine]]:
    seen = await view(uow, actor, ticket_id)
    events = await uow.tickets.events(ticket_id)
    people = {e.actor_id for e in events} | {assignee_of(e) for e in events}
    names = await uow.people.by_ids(p for p in people if p is not None)

    def name(person_id: int | None) -> str | None:
        return names[person_id].display_name if person_id in names else None

    lines = [HistoryLine(e, name(e.actor_id), name(assignee_of(e))) for e in events]
    return seen, lines


@dataclass(frozen=True)
class Choice:
    person: Person
    open_load: int


async def assign_choices(uow: UnitOfWork, actor: Actor, ticket_id: int) -> list[Choice]:
    """The branch's members (not the reporter), least loaded first, with their open load."""
    ticket, org = await _dispatchable(uow, actor, ticket_id, OPEN_STATUSES)
    people = [p for p in await members_of(uow, org) if p.id != ticket.reporter_id]
    load = await uow.tickets.open_load(p.id for p in people)
    choices = [Choice(p, load.get(p.id, 0)) for p in people]
    return sorted(choices, key=lambda c: (c.open_load, c.person.display_name, c.person.id))


@dataclass(frozen=True)
class Page:
    tickets: list[Ticket]
    page: int
    pages: int


def _page(tickets: Sequence[Ticket], total: int, page: int) -> Page:
    pages = max(1, -(-total // PAGE_SIZE))
    return Page(list(tickets), page, pages)


def _clamp(page: int, total: int) -> int:
    """A page that exists (the page number comes from callback data, forged ones too)."""
    return max(0, min(page, (total - 1) // PAGE_SIZE))


async def my_reports(uow: UnitOfWork, actor: Actor, page: int) -> Page:
    if actor.person_id is None:
        raise AccessDenied()
    total = await uow.tickets.count_of_reporter(actor.person_id)
    page = _clamp(page, total)
    found = await uow.tickets.of_reporter(actor.person_id, page * PAGE_SIZE, PAGE_SIZE)
    return _page(found, total, page)


async def my_tasks(uow: UnitOfWork, actor: Actor, page: int) -> Page:
    if actor.person_id is None:
        raise AccessDenied()
    total = await uow.tickets.count_of_assignee(actor.person_id)
    page = _clamp(page, total)
    found = await uow.tickets.of_assignee(actor.person_id, page * PAGE_SIZE, PAGE_SIZE)
    return _page(found, total, page)


def can_oversee(actor: Actor) -> bool:
    return bool(scope_roots(actor, Action.VIEW_TICKETS))


async def open_tickets(uow: UnitOfWork, actor: Actor, now: datetime, page: int) -> Page:
    """Open tickets in everything the actor oversees: overdue first, then undispatched."""
    roots = scope_roots(actor, Action.VIEW_TICKETS)
    if not roots:
        raise AccessDenied()
    paths = [g.org_path for g in roots]
    total = await uow.tickets.count_open_under(paths)
    page = _clamp(page, total)
    found = await uow.tickets.open_under(paths, now, page * PAGE_SIZE, PAGE_SIZE)
    return _page(found, total, page)


def is_overdue(ticket: Ticket, now: datetime) -> bool:
    """Solved after its due time, or still open past it (declined and merged never are)."""
    if ticket.status in (TicketStatus.DECLINED, TicketStatus.MERGED):
        return False
    solved = ticket.status in (TicketStatus.RESOLVED, TicketStatus.CLOSED)
    finished = ticket.resolved_at if solved and ticket.resolved_at is not None else now
    return finished > ticket.due_at


def is_late(ticket: Ticket, now: datetime) -> bool:
    """Still open past its due time: what lists flag and sort first."""
    return ticket.status in OPEN_STATUSES and now > ticket.due_at


# ----------------------------------------------------------------------------- statistics


@dataclass(frozen=True)
class Stats:
    """One branch's month: tickets reported in it, and how they fared so far."""

    reported: int
    resolved: int
    median_hours: float | None  # report to resolution, over the resolved ones
    overdue: int
    average_rating: float | None
    rated_share: float | None  # rated / resolved


def compute_stats(tickets: Iterable[Ticket], now: datetime) -> Stats:
    counted = [t for t in tickets if t.status is not TicketStatus.MERGED]
    # a low rating reopens a ticket but keeps its first resolved_at: it is not solved now
    solved = (TicketStatus.RESOLVED, TicketStatus.CLOSED)
    resolved = [t for t in counted if t.status in solved and t.resolved_at is not None]
    hours = [
        (t.resolved_at - t.reported_at).total_seconds() / 3600 for t in resolved if t.resolved_at
    ]
    rated = [t.rating for t in resolved if t.rating is not None]
    return Stats(
        reported=len(counted),
        resolved=len(resolved),
        median_hours=statistics.median(hours) if hours else None,
        overdue=sum(is_overdue(t, now) for t in counted),
        average_rating=statistics.fmean(rated) if rated else None,
        rated_share=len(rated) / len(resolved) if resolved else None,
    )


@dataclass(frozen=True)
class BranchStats:
    org: Organization
    stats: Stats


def month_bounds(year: int, month: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


async def statistics_for(
    uow: UnitOfWork,
    actor: Actor,
    year: int,
    month: int,
    default_zone: ZoneInfo,
    now: datetime,
) -> list[BranchStats]:
    """Each branch the actor oversees (a committee admin: the whole subtree), for one
    month in the branch's own zone."""
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise InvalidInput("error-invalid-input")
    branches = await scope.reachable(uow, actor, Action.VIEW_TICKETS, {Level.BRANCH})
    # One query per time zone (a month starts at a different instant in each), not per branch.
    by_zone: dict[ZoneInfo, list[int]] = defaultdict(list)
    for org in branches:
        by_zone[ZoneInfo(org.timezone) if org.timezone else default_zone].append(org.id)
    reported: dict[int, list[Ticket]] = defaultdict(list)
    for zone, org_ids in by_zone.items():
        start, end = month_bounds(year, month, zone)
        for ticket in await uow.tickets.reported_between(org_ids, start, end):
            reported[ticket.org_id].append(ticket)
    return [BranchStats(org, compute_stats(reported[org.id], now)) for org in branches]


# ----------------------------------------------------------------------------- deadlines


@dataclass(frozen=True)
class DueReminder:
    """A claimed service-level reminder and who must hear it (empty for a timeout)."""

    kind: TicketReminderKind
    outcome: Outcome


async def _sla_notices(
    uow: UnitOfWork, ticket: Ticket, org: Organization, kind: TicketReminderKind
) -> list[Notice]:
    """Who a due reminder goes to, given where the ticket stands now (nothing if it has
    moved on)."""
    assignee = await uow.people.get(ticket.assignee_id) if ticket.assignee_id else None
    status = ticket.status
    if kind is TicketReminderKind.DISPATCH and status is TicketStatus.NEW:
        return [Notice(Notify.REMIND_DISPATCH, await officers(uow, org))]
    if kind is TicketReminderKind.ACCEPT and status is TicketStatus.ASSIGNED:
        return [
            Notice(Notify.REMIND_ACCEPT, _recipient(assignee)),
            Notice(Notify.REASSIGN, await officers(uow, org, [ticket.assignee_id])),
        ]
    if kind is TicketReminderKind.ACCEPT and status is TicketStatus.POSTED:
        return [Notice(Notify.REASSIGN, await officers(uow, org))]
    if status not in OPEN_STATUSES:
        return []
    if kind is TicketReminderKind.RESOLVE:
        if assignee is not None:
            return [Notice(Notify.REMIND_RESOLVE, _recipient(assignee))]
        return [Notice(Notify.ESCALATED, await officers(uow, org))]
    if kind is TicketReminderKind.ESCALATE_BRANCH:
        return [Notice(Notify.ESCALATED, await officers(uow, org, [ticket.assignee_id]))]
    if kind is TicketReminderKind.ESCALATE_COMMITTEE:
        return [Notice(Notify.ESCALATED, await committee_admins(uow, org))]
    return []


async def due_reminders(
    uow: UnitOfWork,
    now: datetime,
    quiet: QuietHours,
    default_zone: ZoneInfo,
    limit: int = 100,
) -> list[DueReminder]:
    """Claim what is due (each row once) and act: close unrated tickets, say who is to be
    reminded. Reminders that fall into the branch's quiet hours wait for the morning;
    a rating timeout only closes the ticket, so it never waits."""
    done: list[DueReminder] = []
    for reminder in await uow.tickets.due_reminders(now, limit):
        ticket, org = await _load(uow, reminder.ticket_id)
        zone = ZoneInfo(org.timezone) if org.timezone else default_zone
        timeout = reminder.kind is TicketReminderKind.RATING_TIMEOUT
        if not timeout and quiet.contains(now.astimezone(zone)):
            continue
        if not await uow.tickets.claim_reminder(reminder.id, now):
            continue
        if timeout:
            if ticket.status is TicketStatus.RESOLVED:
                ticket.status = TicketStatus.CLOSED
                ticket.closed_at = now
                ticket.updated_at = now
                _record(uow, ticket, TicketEventKind.CLOSED_UNRATED, now, None)
                done.append(DueReminder(reminder.kind, Outcome(ticket, org)))
            continue
        notices = [n for n in await _sla_notices(uow, ticket, org, reminder.kind) if n.recipients]
        if not notices:
            continue
        escalated = any(n.kind is Notify.ESCALATED for n in notices)
        _record(
            uow,
            ticket,
            TicketEventKind.ESCALATED if escalated else TicketEventKind.REMINDED,
            now,
            None,
            stage=reminder.kind.value,
            to=sorted({r.person_id for n in notices for r in n.recipients}),
        )
        done.append(DueReminder(reminder.kind, Outcome(ticket, org, notices)))
    await uow.commit()
    return done
