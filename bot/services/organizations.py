"""The organization tree: creating nodes, checking where they may hang, browsing it."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.services import scoring, tickets
from bot.services.access import Action, Actor, can, require, require_somewhere
from bot.services.dues_rules import FARMER_MAX_FEN, FARMER_MIN_FEN
from bot.services.errors import Conflict, InvalidInput, NotFound
from bot.services.periods import Frequency
from bot.services.roles import ALLOWED_PARENTS, Kind, Level, MeetingKind, Role
from storage.models import Organization
from storage.uow import UnitOfWork

# Organization settings of the dues and deadline features (they apply to the subtree below;
# the nearest organization that sets one wins).
DUES_DAY_SETTING = "dues_day"
FARMER_DUES_SETTING = "dues_farmer_fen"
FREQUENCIES_SETTING = "meeting_frequencies"

CODE_PATTERN = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
NAME_MAX = 200


def check_code(code: str) -> str:
    code = code.strip()
    if not CODE_PATTERN.match(code):
        raise InvalidInput("error-org-code")
    return code


def check_timezone(name: str | None) -> str | None:
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("error-timezone", timezone=name) from None
    return name


def check_placement(level: Level, parent: Organization | None) -> None:
    """A party group hangs under a branch, a branch under a committee or general branch..."""
    parent_level = parent.level if parent else None
    if parent_level not in ALLOWED_PARENTS[level]:
        raise InvalidInput("error-org-placement", level=level, parent=parent_level)


@dataclass(frozen=True)
class NewOrganization:
    code: str
    name: str
    level: Level
    kind: Kind | None = None
    parent_code: str | None = None
    timezone: str | None = None


async def create(
    uow: UnitOfWork, actor: Actor, spec: NewOrganization, now: datetime
) -> Organization:
    """Add one node; the actor must manage the parent (only the operator may add roots)."""
    code = check_code(spec.code)
    name = " ".join(spec.name.split())
    if not name or len(name) > NAME_MAX:
        raise InvalidInput("error-org-name")
    parent = None
    if spec.parent_code:
        parent = await uow.organizations.by_code(spec.parent_code)
        if parent is None:
            raise NotFound("error-org-parent-missing", code=spec.parent_code)
        require(actor, Action.MANAGE_ORGANIZATION, parent)
    elif not actor.operator:
        raise InvalidInput("error-org-placement", level=spec.level, parent=None)
    check_placement(spec.level, parent)
    if await uow.organizations.by_code(code) is not None:
        raise Conflict("error-org-code-taken", code=code)
    org = Organization(
        code=code,
        name=name,
        level=spec.level,
        kind=spec.kind,
        parent_id=parent.id if parent else None,
        timezone=check_timezone(spec.timezone),
        settings={},
        created_at=now,
    )
    await uow.organizations.add(org, parent)
    await uow.commit()
    return org


@dataclass(frozen=True)
class OrgNode:
    """An organization as a browsing screen shows it: itself and its children."""

    org: Organization
    children: list[Organization]
    parent_visible: bool


async def browse(
    uow: UnitOfWork, actor: Actor, action: Action, org_id: int | None
) -> OrgNode | list[Organization]:
    """One screen of the tree navigator: the actor's top organizations, or one node.

    The actor may never browse outside what `action` allows.
    """
    if org_id is None:
        roots = require_somewhere(actor, action)
        found = await uow.organizations.by_ids(g.org_id for g in roots)
        return [found[g.org_id] for g in roots if g.org_id in found]
    org = await uow.organizations.get(org_id)
    if org is None:
        raise NotFound()
    require(actor, action, org)
    parent = await uow.organizations.get(org.parent_id) if org.parent_id else None
    children = list(await uow.organizations.children(org.id))
    return OrgNode(
        org=org,
        children=children,
        parent_visible=parent is not None and can(actor, action, parent),
    )


async def get_for(uow: UnitOfWork, actor: Actor, action: Action, org_id: int) -> Organization:
    org = await uow.organizations.get(org_id)
    if org is None:
        raise NotFound()
    require(actor, action, org)
    return org


def zone_of(org: Organization, default: ZoneInfo) -> ZoneInfo:
    return ZoneInfo(org.timezone) if org.timezone else default


@dataclass(frozen=True)
class RosterLine:
    name: str
    role: Role
    org_name: str
    on_telegram: bool


@dataclass(frozen=True)
class Roster:
    """Who is who under an organization: counts per role and the people themselves."""

    counts: dict[Role, int]
    lines: list[RosterLine]


async def roster(uow: UnitOfWork, actor: Actor, org: Organization) -> Roster:
    require(actor, Action.VIEW_ORGANIZATION, org)
    pairs = await uow.memberships.roster(org)
    names = await uow.organizations.by_ids(m.org_id for _, m in pairs)
    counts: dict[Role, int] = {}
    lines = []
    for person, membership in pairs:
        counts[membership.role] = counts.get(membership.role, 0) + 1
        lines.append(
            RosterLine(
                person.display_name,
                membership.role,
                names[membership.org_id].name,
                person.telegram_id is not None,
            )
        )
    return Roster(counts=counts, lines=lines)


# Settings an organization may keep, with the type each value must have. The need-ticket
# settings (categories, service levels, rating time) apply to the subtree below and are
# checked in detail by the ticket service.
ORG_SETTINGS: dict[str, type] = {
    "voice_auto_approve": bool,
    tickets.CATEGORIES_SETTING: list,
    tickets.SLA_SETTING: dict,
    tickets.RATING_SETTING: float,
    DUES_DAY_SETTING: int,
    FARMER_DUES_SETTING: int,
    FREQUENCIES_SETTING: dict,
    scoring.WEIGHTS_SETTING: dict,
    scoring.STARS_SETTING: list,
}


def _check_frequencies(value: object) -> bool:
    kinds = {k.value for k in MeetingKind}
    choices = {f.value for f in Frequency}
    return isinstance(value, dict) and all(k in kinds and v in choices for k, v in value.items())


# Settings whose values are checked beyond their type; False refuses the value.
SETTING_CHECKS: dict[str, Callable[[object], bool]] = {
    DUES_DAY_SETTING: lambda v: isinstance(v, int) and 1 <= v <= 28,
    FARMER_DUES_SETTING: lambda v: isinstance(v, int) and FARMER_MIN_FEN <= v <= FARMER_MAX_FEN,
    FREQUENCIES_SETTING: _check_frequencies,
    scoring.WEIGHTS_SETTING: scoring.check_weights,
    scoring.STARS_SETTING: scoring.check_stars,
}


def parse_setting(key: str, text: str) -> object:
    """A setting's value as typed on the command line: true/false, a number, or JSON."""
    kind = ORG_SETTINGS.get(key)
    if kind is bool:
        return text.strip().lower() in ("1", "true", "yes", "on")
    try:
        if kind is int:
            return int(text)
        return float(text) if kind is float else json.loads(text)
    except ValueError:
        raise InvalidInput("error-invalid-input") from None


async def set_setting(
    uow: UnitOfWork, actor: Actor, org_id: int, key: str, value: object
) -> Organization:
    org = await uow.organizations.get(org_id)
    if org is None:
        raise NotFound()
    require(actor, Action.MANAGE_ORGANIZATION, org)
    kind = ORG_SETTINGS.get(key)
    if (
        kind is None
        or not isinstance(value, kind)
        or isinstance(value, bool) is not (kind is bool)
    ):
        raise InvalidInput("error-invalid-input")
    if key in SETTING_CHECKS and not SETTING_CHECKS[key](value):
        raise InvalidInput("error-invalid-input")
    if key in (tickets.CATEGORIES_SETTING, tickets.SLA_SETTING, tickets.RATING_SETTING):
        tickets.check_setting(key, value)
    org.settings = {**org.settings, key: value}
    await uow.commit()
    return org
