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
