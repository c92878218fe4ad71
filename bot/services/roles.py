"""The organization levels, kinds and roles, and which role may stand at which level."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """Where an organization stands in the tree: committee → general branch → branch → group."""

    COMMITTEE = "committee"
    GENERAL_BRANCH = "general_branch"
    BRANCH = "branch"
    GROUP = "group"


class Kind(StrEnum):
    """What a branch is built around; rules (dues, meeting days) later vary by kind."""

    VILLAGE = "village"
    COMMUNITY = "community"
    ENTERPRISE = "enterprise"
    OFFICE = "office"
    SCHOOL = "school"
    HOSPITAL = "hospital"
    PROJECT = "project"
    GRID = "grid"
    EXPRESS = "express"
    OTHER = "other"


class Role(StrEnum):
    """A person's role in one organization; a person may hold several, in several places."""

    ADMIN = "admin"
    SECRETARY = "secretary"
    DEPUTY_SECRETARY = "deputy_secretary"
    COMMITTEE_MEMBER = "committee_member"
    GROUP_LEADER = "group_leader"
    CENTRAL_HOUSEHOLD = "central_household"
    MEMBER = "member"
    PROBATIONARY_MEMBER = "probationary_member"
    RESIDENT = "resident"


# Which parent levels each level may hang under (None = a root committee).
ALLOWED_PARENTS: dict[Level, frozenset[Level | None]] = {
    Level.COMMITTEE: frozenset({None, Level.COMMITTEE}),
    Level.GENERAL_BRANCH: frozenset({Level.COMMITTEE}),
    Level.BRANCH: frozenset({Level.COMMITTEE, Level.GENERAL_BRANCH}),
    Level.GROUP: frozenset({Level.BRANCH}),
}

# Which roles a person may hold at each level.
ROLES_AT_LEVEL: dict[Level, frozenset[Role]] = {
    Level.COMMITTEE: frozenset({Role.ADMIN}),
    Level.GENERAL_BRANCH: frozenset(
        {Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.COMMITTEE_MEMBER}
    ),
    Level.BRANCH: frozenset(
        {
            Role.SECRETARY,
            Role.DEPUTY_SECRETARY,
            Role.COMMITTEE_MEMBER,
            Role.MEMBER,
            Role.PROBATIONARY_MEMBER,
            Role.RESIDENT,
        }
    ),
    Level.GROUP: frozenset(
        {Role.GROUP_LEADER, Role.CENTRAL_HOUSEHOLD, Role.MEMBER, Role.PROBATIONARY_MEMBER}
    ),
}


class MeetingKind(StrEnum):
    """三会一课 and the other meetings a branch holds."""

    GENERAL_MEETING = "general_meeting"  # 支部党员大会
    COMMITTEE_MEETING = "committee_meeting"  # 支委会
    GROUP_MEETING = "group_meeting"  # 党小组会
    PARTY_LECTURE = "party_lecture"  # 党课
    THEMED_PARTY_DAY = "themed_party_day"  # 主题党日
    ORGANIZATIONAL_LIFE = "organizational_life"  # 组织生活会
    DEMOCRATIC_REVIEW = "democratic_review"  # 民主评议党员
    OTHER = "other"


class Audience(StrEnum):
    """Who a meeting invites."""

    BRANCH = "branch"  # every party member of the branch (groups included)
    COMMITTEE = "committee"  # the branch committee: secretary, deputies, committee members
    GROUP = "group"  # the members of one party group


class SignInMethod(StrEnum):
    TAP = "tap"
    CODE = "code"
    LOCATION = "location"
    VOICE = "voice"
    PROXY = "proxy"
