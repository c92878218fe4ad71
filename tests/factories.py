"""Building blocks for tests: an organization tree and people with roles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.services import meetings, people
from bot.services.access import Actor
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, Kind, Level, MeetingKind, Role
from storage.models import Membership, Organization, Person
from storage.uow import UnitOfWork

T0 = datetime(2026, 11, 1, tzinfo=UTC)


async def make_org(
    u: UnitOfWork,
    code: str,
    level: Level,
    parent: Organization | None = None,
    kind: Kind | None = None,
    name: str | None = None,
) -> Organization:
    org = Organization(
        code=code,
        name=name or code,
        level=level,
        kind=kind,
        parent_id=parent.id if parent else None,
        settings={},
        created_at=T0,
    )
    return await u.organizations.add(org, parent)


async def make_person(
    u: UnitOfWork,
    name: str,
    telegram_id: int | None = None,
    roles: list[tuple[Organization, Role]] | None = None,
    phone: str | None = None,
    language: str | None = None,
) -> Person:
    person = await u.people.add(
        Person(
            telegram_id=telegram_id,
            display_name=name,
            phone=phone,
            language=language,
            created_at=T0,
        )
    )
    for org, role in roles or []:
        await u.memberships.add(
            Membership(person_id=person.id, org_id=org.id, role=role, created_at=T0)
        )
    return person


@dataclass
class Tree:
    """A committee with two branches (A with a party group), their people, and their ids.

    committee ── branch A (village) ── group A1
              └─ branch B (community)
    """

    committee: Organization
    branch_a: Organization
    group_a1: Organization
    branch_b: Organization
    admin: Person
    secretary_a: Person
    secretary_b: Person
    member_a: Person
    leader_a1: Person


async def build_tree(uow: Callable[[], UnitOfWork]) -> Tree:
    async with uow() as u:
        committee = await make_org(u, "C1", Level.COMMITTEE, name="九原区委组织部")
        branch_a = await make_org(
            u, "BA", Level.BRANCH, committee, Kind.VILLAGE, "哈业胡同嘎查党支部"
        )
        group_a1 = await make_org(u, "BA-G1", Level.GROUP, branch_a, name="第一党小组")
        branch_b = await make_org(
            u, "BB", Level.BRANCH, committee, Kind.COMMUNITY, "北京路社区党支部"
        )
        admin = await make_person(u, "组织部王", 1001, [(committee, Role.ADMIN)], language="zh")
        secretary_a = await make_person(
            u, "书记甲", 2001, [(branch_a, Role.SECRETARY)], language="zh"
        )
        secretary_b = await make_person(
            u, "书记乙", 2002, [(branch_b, Role.SECRETARY)], language="en"
        )
        member_a = await make_person(
            u, "党员巴特尔", 3001, [(branch_a, Role.MEMBER)], language="mn"
        )
        leader_a1 = await make_person(
            u, "小组长其其格", 3002, [(group_a1, Role.GROUP_LEADER), (group_a1, Role.MEMBER)]
        )
        await u.commit()
    return Tree(
        committee,
        branch_a,
        group_a1,
        branch_b,
        admin,
        secretary_a,
        secretary_b,
        member_a,
        leader_a1,
    )


async def actor_of(uow: Callable[[], UnitOfWork], person: Person) -> Actor:
    async with uow() as u:
        fresh = await u.people.get(person.id)
        assert fresh is not None
        return await people.actor_for(u, fresh)


async def schedule_themed_day(
    uow: Callable[[], UnitOfWork], secretary: Person, branch: Organization, title: str
) -> meetings.MeetingNews:
    """A 主题党日 of the whole branch in two days, scheduled now by its secretary, with one
    reminder a day before (no quiet hours)."""
    actor = await actor_of(uow, secretary)
    now = datetime.now(UTC)
    spec = meetings.MeetingSpec(
        org_id=branch.id,
        kind=MeetingKind.THEMED_PARTY_DAY,
        title=title,
        starts_at=now + timedelta(days=2),
        audience=Audience.BRANCH,
        audience_org_id=branch.id,
        reminder_minutes=(24 * 60,),
    )
    async with uow() as u:
        news = await meetings.schedule(
            u, actor, spec, now, ZoneInfo("Asia/Shanghai"), QuietHours.parse("00:00-00:00")
        )
        await u.commit()
    return news
