"""`zhibu demo`: the whole bot offline — a local Bot API server, the real bot polling it,
a web chat to use it as any of the seeded people, and no token or network needed."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from aiogram import Bot, Dispatcher
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_application, build_bot
from bot.config import Settings
from bot.services import dues, guidance, invites, organizations, people, themed_day
from bot.services.access import OPERATOR
from bot.services.clock import Clock, utc_now
from bot.services.dues_rules import DuesCategory
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Kind, Level, Role
from sandbox.client import SandboxClient
from sandbox.limits import SandboxLimits
from sandbox.server import SandboxServer
from storage.db import create_engine, create_session_factory
from storage.models import Organization
from storage.uow import UnitOfWork

DEMO_TOKEN = "100000:demo-token-for-the-local-sandbox-only"
DEMO_BOT_USERNAME = "zhibu_demo_bot"

ORGANIZATIONS = (
    organizations.NewOrganization("DEMO", "九原区委组织部（演示）", Level.COMMITTEE),
    organizations.NewOrganization(
        "DEMO-HY", "哈业胡同嘎查党支部", Level.BRANCH, Kind.VILLAGE, "DEMO"
    ),
    organizations.NewOrganization(
        "DEMO-HY-G1", "第一党小组（蒙古包）", Level.GROUP, None, "DEMO-HY"
    ),
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
    await _seed_guidance(uow, orgs, now)
    await _seed_dues(uow, orgs, now)
    branch = orgs["DEMO-HY"]
    live = [i for i in await uow.invites.live_in_orgs([branch.id], now) if i.role is Role.MEMBER]
    if live:
        return DemoSeed(invite_token=live[0].token)
    invite, _ = await invites.create_invite(
        uow, OPERATOR, branch.id, Role.MEMBER, 50, timedelta(days=30), now
    )
    return DemoSeed(invite_token=invite.token)


DEMO_ZONE = ZoneInfo("Asia/Shanghai")
DEMO_QUIET = QuietHours.parse("21:30-07:30")


def _demo_guidance(month: str, deadline: date) -> guidance.Content:
    return guidance.Content(
        theme="学习贯彻党的二十届四中全会精神",
        body="各支部组织党员集中学习全会精神，结合本地实际开展讨论，牧区党小组可在蒙古包集中学习。",
        activities="重温入党誓词；为群众办一件实事；开展“党员中心户”走访。",
        materials=({"kind": "link", "url": "https://www.12371.cn/", "name": "共产党员网"},),
        deadline=deadline,
        publish_at=guidance.default_publish_at(month, DEMO_ZONE),
    )


async def _seed_guidance(uow: UnitOfWork, orgs: dict[str, Organization], now: datetime) -> None:
    """This month's guidance, already published (as history: no messages are queued, so
    starting the demo sends nothing), next month's as a draft, and a lunar themed day
    (农历初五) for the pastoral branch. Each only if missing."""
    committee, pastoral = orgs["DEMO"], orgs["DEMO-HY"]
    this = guidance.month_of(now.astimezone(DEMO_ZONE).date())
    following = guidance.next_month(this)
    if await uow.guidance.by_month(committee.id, this) is None:
        saved = await guidance.save(
            uow,
            OPERATOR,
            committee.id,
            this,
            _demo_guidance(this, guidance.default_deadline(this)),
            guidance.SaveMode.DRAFT,
            now,
            DEMO_ZONE,
            DEMO_QUIET,
        )
        await uow.guidance.claim_publish(saved.id, min(saved.publish_at, now))
        await uow.session.refresh(saved)
        branches = await uow.guidance.branches_under([committee.path])
        await uow.guidance.add_receipts(saved.id, [b.id for b in branches])
        await uow.commit()
    if await uow.guidance.by_month(committee.id, following) is None:
        first, _ = guidance.month_bounds(following)
        await guidance.save(
            uow,
            OPERATOR,
            committee.id,
            following,
            _demo_guidance(following, first.replace(day=25)),
            guidance.SaveMode.DRAFT,
            now,
            DEMO_ZONE,
            DEMO_QUIET,
        )
    if themed_day.rule_of(pastoral) is None:
        await themed_day.set_rule(
            uow, OPERATOR, pastoral.id, themed_day.ThemedDay(themed_day.CalendarKind.LUNAR, 5)
        )


# Dues history for the demo: (persona's Telegram id, branch, category, monthly base in fen,
# months before this one whose dues are paid). The herder Bater has paid only the oldest
# month, so his arrears show (and the first sweep warns him and his secretary).
DUES_HISTORY_MONTHS = 5
DEMO_DUES = (
    (100002, "DEMO-HY", DuesCategory.EMPLOYED, 480_000, range(DUES_HISTORY_MONTHS + 1)),
    (100003, "DEMO-HY", DuesCategory.RETIRED, 320_000, range(1, DUES_HISTORY_MONTHS + 1)),
    (100004, "DEMO-HY", DuesCategory.FARMER, 0, range(1, DUES_HISTORY_MONTHS + 1)),
    (
        100005,
        "DEMO-HY",
        DuesCategory.FARMER,
        0,
        range(DUES_HISTORY_MONTHS, DUES_HISTORY_MONTHS + 1),
    ),
    (100006, "DEMO-BJ", DuesCategory.EMPLOYED, 1_200_000, range(DUES_HISTORY_MONTHS + 1)),
)
DEMO_FARMER_FEN = 50  # the demo region's amount for farmers and herders: 0.5 yuan


async def _seed_dues(uow: UnitOfWork, orgs: dict[str, Organization], now: datetime) -> None:
    """Dues profiles from five months ago and the payments made since, through the dues
    service (so the amounts follow the rules), once."""
    committee = orgs["DEMO"]
    if organizations.FARMER_DUES_SETTING not in (committee.settings or {}):
        await organizations.set_setting(
            uow, OPERATOR, committee.id, organizations.FARMER_DUES_SETTING, DEMO_FARMER_FEN
        )
    people_by_id = await uow.people.by_telegram_ids(t for t, *_ in DEMO_DUES)
    start = now - timedelta(days=31 * DUES_HISTORY_MONTHS)
    for telegram_id, code, category, base, paid_back in DEMO_DUES:
        person = people_by_id[telegram_id]
        if await uow.dues.profiles_of(person.id):
            continue
        branch = orgs[code]
        await dues.set_profile(
            uow,
            OPERATOR,
            branch.id,
            person.id,
            dues.ProfileDraft(category, base),
            start,
            DEMO_ZONE,
            DEMO_FARMER_FEN,
        )
        current = dues.current_month(branch, now, DEMO_ZONE)
        months = [current - back for back in paid_back]
        await dues.record_payments(
            uow, OPERATOR, branch.id, [person.id], months, "", now, DEMO_ZONE
        )


@dataclass
class DemoRuntime:
    """Everything `zhibu demo` started, so a test or Ctrl-C can stop it in order."""

    server: SandboxServer
    bot: Bot
    dispatcher: Dispatcher
    polling: asyncio.Task[None]
    engine: AsyncEngine
    seed: DemoSeed

    @property
    def url(self) -> str:
        return self.server.base_url + "/"

    async def stop(self) -> None:
        with contextlib.suppress(RuntimeError):  # polling may already have stopped
            await self.dispatcher.stop_polling()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(self.polling, timeout=10)
        await self.bot.session.close()
        await self.server.stop()
        await self.engine.dispose()


async def start_demo(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8080,
    clock: Clock = utc_now,
    limits: SandboxLimits | None = None,
) -> DemoRuntime:
    """Start the local Bot API server, seed the database and run the real bot against it."""
    engine = create_engine(settings.database_url)
    session_factory = create_session_factory(engine)
    async with UnitOfWork(session_factory) as uow:
        demo_seed = await seed(uow, clock())
    server = SandboxServer(token=DEMO_TOKEN, bot_username=DEMO_BOT_USERNAME, limits=limits)
    base_url = await server.start(host=host, port=port)
    client = SandboxClient(base_url)
    try:
        for persona in PERSONAS:
            await client.create_user(
                id=persona.telegram_id,
                first_name=persona.name,
                language_code=persona.language_code,
            )
    finally:
        await client.close()
    bot_settings = settings.model_copy(
        update={"bot_token": SecretStr(DEMO_TOKEN), "bot_api_server": base_url}
    )
    bot = build_bot(bot_settings)
    dispatcher = build_application(bot_settings, session_factory, bot, clock)
    polling = asyncio.create_task(
        dispatcher.start_polling(
            bot,
            handle_signals=False,
            polling_timeout=5,
            allowed_updates=dispatcher.resolve_used_update_types(),
        )
    )
    return DemoRuntime(server, bot, dispatcher, polling, engine, demo_seed)
