"""`zhibu demo`: the whole bot offline — a local Bot API server, the real bot polling it,
a web chat to use it as any of the seeded people, and no token or network needed."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services import invites, organizations, people
from bot.services.access import OPERATOR
from bot.services.roles import Kind, Level, Role
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

DEMO_TOKEN = "100000:demo-token-for-the-local-sandbox-only"
DEMO_BOT_USERNAME = "zhibu_demo_bot"

ORGANIZATIONS = (
    organizations.NewOrganization("DEMO", "九原区委组织部（演示）", Level.COMMITTEE),
    organizations.NewOrganization(
        "DEMO-HY", "哈业胡同嘎查党支部", Level.BRANCH, Kind.VILLAGE, "DEMO"
    ),
    organizations.NewOrganization("DEMO-HY-G1", "第一党小组（蒙古包）", Level.GROUP, None,
                                  "DEMO-HY"),
    organizations.NewOrganization(
        "DEMO-BJ", "北京路社区党支部", Level.BRANCH, Kind.COMMUNITY, "DEMO"
    ),
)


@dataclass(frozen=True)
class Persona:
    """A seeded person the web chat lets you act as."""

    telegram_id: int
    name: str
    language_code: str
    roles: tuple[tuple[str, Role], ...]


PERSONAS = (
    Persona(100001, "王部长 · 组织部", "zh", (("DEMO", Role.ADMIN),)),
    Persona(100002, "李书记 · 哈业胡同", "zh", (("DEMO-HY", Role.SECRETARY),)),
    Persona(100003, "张党员", "zh", (("DEMO-HY", Role.MEMBER),)),
    Persona(
        100004,
        "其其格 · 党小组长/中心户",
        "mn",
        (
            ("DEMO-HY-G1", Role.GROUP_LEADER),
            ("DEMO-HY-G1", Role.CENTRAL_HOUSEHOLD),
            ("DEMO-HY-G1", Role.MEMBER),
        ),
    ),
    Persona(100005, "巴特尔 · 牧民党员", "mn", (("DEMO-HY-G1", Role.MEMBER),)),
    Persona(100006, "赵书记 · 北京路社区", "zh", (("DEMO-BJ", Role.SECRETARY),)),
    Persona(100007, "刘大姐 · 居民", "zh", (("DEMO-BJ", Role.RESIDENT),)),
    Persona(100008, "Alex (new, no roles yet)", "en", ()),
)


@dataclass(frozen=True)
class DemoSeed:
    invite_token: str


async def seed(uow: UnitOfWork, now: datetime) -> DemoSeed:
    """Create the demo committee, branches and people; safe to run on every start."""
    for spec in ORGANIZATIONS:
        if await uow.organizations.by_code(spec.code) is None:
            await organizations.create(uow, OPERATOR, spec, now)
    orgs = await uow.organizations.by_codes(spec.code for spec in ORGANIZATIONS)
    for persona in PERSONAS:
        actor = await people.enter(
            uow, persona.telegram_id, persona.name, persona.language_code, now
        )
        person = await uow.people.get(actor.person_id or 0)
        assert person is not None
        for code, role in persona.roles:
            await people.grant(uow, OPERATOR, person, orgs[code], role, now)
    await uow.commit()
    branch = orgs["DEMO-HY"]
    live = [i for i in await uow.invites.live_in_orgs([branch.id], now) if i.role is Role.MEMBER]
    if live:
        return DemoSeed(invite_token=live[0].token)
    invite, _ = await invites.create_invite(
        uow, OPERATOR, branch.id, Role.MEMBER, 50, timedelta(days=30), now
    )
    return DemoSeed(invite_token=invite.token)


async def wait_forever() -> None:
    await asyncio.Event().wait()
