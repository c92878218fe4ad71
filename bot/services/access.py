"""Authorization in one place: who may do what, where.

A role held in organization O covers O and everything below it (prefix of the
materialized path), so an admin of a committee acts on its whole subtree and a
secretary of branch A never reaches branch B.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum

from bot.services.errors import AccessDenied
from bot.services.roles import ROLES_AT_LEVEL, Level, Role
from storage.models import Organization

log = logging.getLogger(__name__)


class Action(StrEnum):
    VIEW_ORGANIZATION = "view_organization"
    MANAGE_ORGANIZATION = "manage_organization"
    INVITE = "invite"
    DECIDE_JOIN = "decide_join"
    IMPORT = "import"
    SCHEDULE_MEETING = "schedule_meeting"
    PROXY_SIGN_IN = "proxy_sign_in"
    PUBLISH_GUIDANCE = "publish_guidance"
    ACKNOWLEDGE_GUIDANCE = "acknowledge_guidance"
    BROADCAST = "broadcast"
    REPORT_TICKET = "report_ticket"
    TAKE_TICKET = "take_ticket"
    DISPATCH_TICKET = "dispatch_ticket"
    VIEW_TICKETS = "view_tickets"
    BROADCAST_URGENT = "broadcast_urgent"
    PAY_DUES = "pay_dues"
    RECORD_DUES = "record_dues"
    ASSESS_DUES = "assess_dues"
    VIEW_DUES = "view_dues"
    VIEW_DEADLINES = "view_deadlines"
    SET_MEETING_FREQUENCY = "set_meeting_frequency"
    VIEW_REPORTS = "view_reports"
    CONFIGURE_SCORING = "configure_scoring"


MANAGERS = frozenset({Role.ADMIN, Role.SECRETARY, Role.DEPUTY_SECRETARY})

POLICY: dict[Action, frozenset[Role]] = {
    Action.VIEW_ORGANIZATION: MANAGERS | {Role.COMMITTEE_MEMBER, Role.GROUP_LEADER},
    Action.MANAGE_ORGANIZATION: MANAGERS,
    Action.INVITE: MANAGERS,
    Action.DECIDE_JOIN: MANAGERS,
    Action.IMPORT: MANAGERS,
    # Secretaries run their branch's meetings (groups included); a group leader, the group's.
    Action.SCHEDULE_MEETING: frozenset({Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.GROUP_LEADER}),
    # Signing in a neighbour who has no phone: the group's leader or central household.
    Action.PROXY_SIGN_IN: frozenset(
        {Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.GROUP_LEADER, Role.CENTRAL_HOUSEHOLD}
    ),
    # Guidance is written, published and followed (coverage) by the committee's admins.
    Action.PUBLISH_GUIDANCE: frozenset({Role.ADMIN}),
    # A branch's officers acknowledge it for the branch.
    Action.ACKNOWLEDGE_GUIDANCE: frozenset({Role.SECRETARY, Role.DEPUTY_SECRETARY}),
    # An admin broadcasts to its subtree, a secretary to its branch.
    Action.BROADCAST: MANAGERS,
    # Only an admin may send past quiet hours (urgent); a secretary's notice waits till morning.
    Action.BROADCAST_URGENT: frozenset({Role.ADMIN}),
    # Need tickets: anyone of a branch reports a need (residents first of all) ...
    Action.REPORT_TICKET: frozenset(Role) - {Role.ADMIN},
    # ... its party members take them ...
    Action.TAKE_TICKET: frozenset(Role) - {Role.ADMIN, Role.RESIDENT},
    # ... its officers (a committee member on duty too) dispatch them ...
    Action.DISPATCH_TICKET: frozenset(
        {Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.COMMITTEE_MEMBER}
    ),
    # ... and they, or a committee's admins over the whole subtree, follow them.
    Action.VIEW_TICKETS: frozenset(
        {Role.ADMIN, Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.COMMITTEE_MEMBER}
    ),
    # Party dues: every party member pays (and sees their own account) ...
    Action.PAY_DUES: frozenset(Role) - {Role.ADMIN, Role.RESIDENT},
    # ... officers (the 组织委员 too) confirm and record payments ...
    Action.RECORD_DUES: frozenset({Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.COMMITTEE_MEMBER}),
    # ... the secretary sets what each member owes, a reduction or an exemption ...
    Action.ASSESS_DUES: frozenset({Role.SECRETARY, Role.DEPUTY_SECRETARY}),
    # ... and they, or a committee's admins over the subtree, read the ledger.
    Action.VIEW_DUES: frozenset(
        {Role.ADMIN, Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.COMMITTEE_MEMBER}
    ),
    # Meeting deadlines: officers see their branch's, admins the subtree's ...
    Action.VIEW_DEADLINES: frozenset(
        {Role.ADMIN, Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.COMMITTEE_MEMBER}
    ),
    # ... and a committee's admins set how often each meeting kind is required.
    Action.SET_MEETING_FREQUENCY: frozenset({Role.ADMIN}),
    # Reports: a branch's officers see their branch's, a committee's admins the subtree's
    # branches side by side ...
    Action.VIEW_REPORTS: frozenset(
        {Role.ADMIN, Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.COMMITTEE_MEMBER}
    ),
    # ... and the admins set how the branches' scores are weighed and starred.
    Action.CONFIGURE_SCORING: frozenset({Role.ADMIN}),
}

_BRANCH_ROLES = frozenset(
    {
        Role.COMMITTEE_MEMBER,
        Role.GROUP_LEADER,
        Role.CENTRAL_HOUSEHOLD,
        Role.MEMBER,
        Role.PROBATIONARY_MEMBER,
        Role.RESIDENT,
    }
)

# Which roles a holder of each role may hand out (by invite, approval or import).
GRANTABLE: dict[Role, frozenset[Role]] = {
    Role.ADMIN: frozenset(Role),
    Role.SECRETARY: _BRANCH_ROLES | {Role.DEPUTY_SECRETARY},
    Role.DEPUTY_SECRETARY: _BRANCH_ROLES,
}


@dataclass(frozen=True)
class Grant:
    """One role the actor holds, with where it holds it."""

    org_id: int
    org_path: str
    org_name: str
    org_level: Level
    role: Role


@dataclass(frozen=True)
class Actor:
    """Who is acting: a person and every role they hold. `operator` is the command line."""

    person_id: int | None
    telegram_id: int | None
    display_name: str
    language: str | None
    grants: tuple[Grant, ...] = field(default=())
    operator: bool = False

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(g.role for g in self.grants)


OPERATOR = Actor(
    person_id=None, telegram_id=None, display_name="operator", language=None, operator=True
)


def can(
    actor: Actor, action: Action, target: Organization, grant_role: Role | None = None
) -> bool:
    """Whether a role of the actor allows `action` on `target` (and handing out `grant_role`)."""
    return actor.operator or any(
        grant_allows(grant, action, target, grant_role) for grant in actor.grants
    )


def grant_allows(
    grant: Grant, action: Action, target: Organization, grant_role: Role | None = None
) -> bool:
    """Whether this one role, held where it is held, allows `action` on `target`."""
    if grant.role not in POLICY[action] or not target.path.startswith(grant.org_path):
        return False
    return grant_role is None or grant_role in GRANTABLE.get(grant.role, frozenset())


def require(
    actor: Actor, action: Action, target: Organization, grant_role: Role | None = None
) -> None:
    """Raise AccessDenied (and log it) unless `can` says yes."""
    if can(actor, action, target, grant_role):
        return
    log.warning(
        "access denied: person=%s action=%s org=%s role=%s",
        actor.person_id,
        action.value,
        target.id,
        grant_role.value if grant_role else "-",
    )
    raise AccessDenied()


def require_somewhere(actor: Actor, action: Action) -> list[Grant]:
    """The actor's top organizations for `action`; AccessDenied (logged) if there are none.

    For entry points such as /invite or /import, before any organization is chosen.
    """
    roots = scope_roots(actor, action)
    if not roots:
        log.warning(
            "access denied: person=%s action=%s (no organization)", actor.person_id, action.value
        )
        raise AccessDenied()
    return roots


def scope_roots(actor: Actor, action: Action) -> list[Grant]:
    """The topmost organizations where the actor may do `action` (nested ones dropped)."""
    allowed = [g for g in actor.grants if g.role in POLICY[action]]
    roots: list[Grant] = []
    for grant in sorted(allowed, key=lambda g: len(g.org_path)):
        if not any(grant.org_path.startswith(r.org_path) for r in roots):
            roots.append(grant)
    return roots


def holds_within(actor: Actor, action: Action, target: Organization) -> bool:
    """Whether the actor holds a role allowing `action` in `target` or anywhere below it: a
    party group's member belongs to the branch the group is part of."""
    return any(
        g.role in POLICY[action] and g.org_path.startswith(target.path) for g in actor.grants
    )


def grantable_roles(actor: Actor, target: Organization) -> list[Role]:
    """Roles the actor may hand out in `target`, limited to those valid at its level."""
    valid = ROLES_AT_LEVEL[target.level]
    return [r for r in Role if r in valid and can(actor, Action.INVITE, target, r)]
