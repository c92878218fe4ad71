"""The authorization matrix, generated from one table: role × action × where."""

from __future__ import annotations

import pytest

from bot.services.access import Action, Actor, Grant, can, grantable_roles, scope_roots
from bot.services.roles import Level, Role
from storage.models import Organization


def _org(org_id: int, path: str, level: Level) -> Organization:
    return Organization(id=org_id, code=f"o{org_id}", name=f"o{org_id}", level=level, path=path)


COMMITTEE = _org(1, "/1/", Level.COMMITTEE)
BRANCH_A = _org(2, "/1/2/", Level.BRANCH)
GROUP_A1 = _org(3, "/1/2/3/", Level.GROUP)
BRANCH_B = _org(4, "/1/4/", Level.BRANCH)
OTHER_COMMITTEE = _org(5, "/5/", Level.COMMITTEE)
BRANCH_12 = _org(12, "/12/", Level.BRANCH)  # a prefix trap: "/1" must not cover "/12/"

WHERE = {"committee": COMMITTEE, "branch_a": BRANCH_A, "group_a1": GROUP_A1}
TARGETS = {
    "committee": COMMITTEE,
    "branch_a": BRANCH_A,
    "group_a1": GROUP_A1,
    "branch_b": BRANCH_B,
    "other_committee": OTHER_COMMITTEE,
    "branch_12": BRANCH_12,
}

# (role, held at) -> targets where every management action is allowed
MANAGES = {
    (Role.ADMIN, "committee"): {"committee", "branch_a", "group_a1", "branch_b"},
    (Role.SECRETARY, "branch_a"): {"branch_a", "group_a1"},
    (Role.DEPUTY_SECRETARY, "branch_a"): {"branch_a", "group_a1"},
    (Role.COMMITTEE_MEMBER, "branch_a"): set(),
    (Role.GROUP_LEADER, "group_a1"): set(),
    (Role.CENTRAL_HOUSEHOLD, "group_a1"): set(),
    (Role.MEMBER, "branch_a"): set(),
    (Role.PROBATIONARY_MEMBER, "branch_a"): set(),
    (Role.RESIDENT, "branch_a"): set(),
}
VIEWS_EXTRA = {
    (Role.COMMITTEE_MEMBER, "branch_a"): {"branch_a", "group_a1"},
    (Role.GROUP_LEADER, "group_a1"): {"group_a1"},
}
MANAGEMENT = [Action.MANAGE_ORGANIZATION, Action.INVITE, Action.DECIDE_JOIN, Action.IMPORT]


def _actor(role: Role, where: str) -> Actor:
    org = WHERE[where]
    return Actor(1, 1, "x", None, (Grant(org.id, org.path, org.name, org.level, role),))


CASES = [
    (role, where, action, target)
    for (role, where) in MANAGES
    for action in [*MANAGEMENT, Action.VIEW_ORGANIZATION]
    for target in TARGETS
]


@pytest.mark.parametrize(("role", "where", "action", "target"), CASES)
def test_authorization_matrix(role: Role, where: str, action: Action, target: str) -> None:
    allowed = MANAGES[(role, where)]
    if action is Action.VIEW_ORGANIZATION:
        allowed = allowed | VIEWS_EXTRA.get((role, where), set())
    assert can(_actor(role, where), action, TARGETS[target]) is (target in allowed)


def test_secretary_cannot_appoint_a_secretary_but_admin_can() -> None:
    secretary = _actor(Role.SECRETARY, "branch_a")
    admin = _actor(Role.ADMIN, "committee")
    assert not can(secretary, Action.INVITE, BRANCH_A, Role.SECRETARY)
    assert can(secretary, Action.INVITE, BRANCH_A, Role.DEPUTY_SECRETARY)
    assert can(admin, Action.INVITE, BRANCH_A, Role.SECRETARY)
    assert Role.SECRETARY not in grantable_roles(secretary, BRANCH_A)
    assert grantable_roles(secretary, GROUP_A1) == [
        Role.GROUP_LEADER,
        Role.CENTRAL_HOUSEHOLD,
        Role.MEMBER,
        Role.PROBATIONARY_MEMBER,
    ]
    assert grantable_roles(admin, COMMITTEE) == [Role.ADMIN]


def test_scope_roots_drop_nested_grants() -> None:
    actor = Actor(
        1,
        1,
        "x",
        None,
        (
            Grant(2, "/1/2/", "a", Level.BRANCH, Role.SECRETARY),
            Grant(1, "/1/", "c", Level.COMMITTEE, Role.ADMIN),
            Grant(5, "/5/", "o", Level.COMMITTEE, Role.ADMIN),
            Grant(3, "/1/2/3/", "g", Level.GROUP, Role.MEMBER),
        ),
    )
    assert [g.org_id for g in scope_roots(actor, Action.INVITE)] == [1, 5]


# Every action: who may do it where they hold their role (written out from the domain rules,
# not read from the policy, so a change to the policy has to change this table too).
_OFFICERS = {Role.SECRETARY, Role.DEPUTY_SECRETARY}
_BRANCH_OFFICERS = _OFFICERS | {Role.COMMITTEE_MEMBER}
EXPECTED: dict[Action, set[Role]] = {
    Action.VIEW_ORGANIZATION: {Role.ADMIN, *_BRANCH_OFFICERS, Role.GROUP_LEADER},
    Action.MANAGE_ORGANIZATION: {Role.ADMIN, *_OFFICERS},
    Action.INVITE: {Role.ADMIN, *_OFFICERS},
    Action.DECIDE_JOIN: {Role.ADMIN, *_OFFICERS},
    Action.IMPORT: {Role.ADMIN, *_OFFICERS},
    Action.SCHEDULE_MEETING: {*_OFFICERS, Role.GROUP_LEADER},
    Action.PROXY_SIGN_IN: {*_OFFICERS, Role.GROUP_LEADER, Role.CENTRAL_HOUSEHOLD},
    Action.PUBLISH_GUIDANCE: {Role.ADMIN},
    Action.ACKNOWLEDGE_GUIDANCE: set(_OFFICERS),
    Action.BROADCAST: {Role.ADMIN, *_OFFICERS},
    Action.BROADCAST_URGENT: {Role.ADMIN},
    Action.REPORT_TICKET: set(Role) - {Role.ADMIN},
    Action.TAKE_TICKET: set(Role) - {Role.ADMIN, Role.RESIDENT},
    Action.DISPATCH_TICKET: set(_BRANCH_OFFICERS),
    Action.VIEW_TICKETS: {Role.ADMIN, *_BRANCH_OFFICERS},
    Action.PAY_DUES: set(Role) - {Role.ADMIN, Role.RESIDENT},
    Action.RECORD_DUES: set(_BRANCH_OFFICERS),
    Action.ASSESS_DUES: set(_OFFICERS),
    Action.VIEW_DUES: {Role.ADMIN, *_BRANCH_OFFICERS},
    Action.VIEW_DEADLINES: {Role.ADMIN, *_BRANCH_OFFICERS},
    Action.SET_MEETING_FREQUENCY: {Role.ADMIN},
    Action.VIEW_REPORTS: {Role.ADMIN, *_BRANCH_OFFICERS},
    Action.CONFIGURE_SCORING: {Role.ADMIN},
}
# Where each role sits, and what that reaches: its own organization and everything below.
REACHES = {
    (role, where): {"committee", "branch_a", "group_a1", "branch_b"}
    if where == "committee"
    else {"branch_a", "group_a1"}
    if where == "branch_a"
    else {"group_a1"}
    for role, where in MANAGES
}
EVERY_CASE = [
    (role, where, action, target)
    for (role, where) in MANAGES
    for action in Action
    for target in TARGETS
]


def test_the_table_names_every_action() -> None:
    assert set(EXPECTED) == set(Action)


@pytest.mark.parametrize(("role", "where", "action", "target"), EVERY_CASE)
def test_every_role_action_and_place(role: Role, where: str, action: Action, target: str) -> None:
    """Allowed exactly when the role allows the action and the target is in its reach: never
    another branch, another committee, or a path that only shares a prefix."""
    expected = role in EXPECTED[action] and target in REACHES[(role, where)]
    assert can(_actor(role, where), action, TARGETS[target]) is expected
