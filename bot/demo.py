"""`zhibu demo`: the whole bot offline — a local Bot API server, the real bot polling it,
a web chat to use it as any of the seeded people, and no token or network needed."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from aiogram import Bot, Dispatcher
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import build_application, build_bot
from bot.config import Settings
from bot.services import dues, guidance, invites, organizations, people, themed_day
from bot.services.access import OPERATOR
from bot.services.clock import Clock, utc_now
from bot.services.dues_rules import DuesCategory
from bot.services.periods import day_in_month, local_moment
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, Kind, Level, MeetingKind, Role, SignInMethod
from sandbox.client import SandboxClient
from sandbox.limits import SandboxLimits
from sandbox.server import SandboxServer
from storage.db import create_engine, create_session_factory
from storage.models import (
    Attendance,
    AttendanceStatus,
    Invitation,
    InvitationResponse,
    Meeting,
    Organization,
    Ticket,
    TicketEvent,
    TicketEventKind,
    TicketStatus,
)
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
            # founded before the history below, so reports judge its past months
            await organizations.create(uow, OPERATOR, spec, now - HISTORY)
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
    await _seed_meetings(uow, orgs, now)
    await _seed_tickets(uow, orgs, now)
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
HISTORY = timedelta(days=200)  # how far back the demo organizations and their records go


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


# Meetings already held, so /report, /attendance and the registers have something to show:
# (months before this one, day, local time, organization, kind, audience, topic,
#  {persona: sign-in method}, {persona: leave reason}, proxy signer of a PROXY sign-in).
DEMO_MEETINGS: tuple[
    tuple[
        int,
        int,
        time,
        str,
        MeetingKind,
        Audience,
        str,
        dict[int, SignInMethod],
        dict[int, str],
        int | None,
    ],
    ...,
] = (
    (
        1,
        3,
        time(19, 30),
        "DEMO-HY",
        MeetingKind.COMMITTEE_MEETING,
        Audience.COMMITTEE,
        "研究本月主题党日安排",
        {100002: SignInMethod.TAP},
        {},
        None,
    ),
    (
        1,
        5,
        time(9, 30),
        "DEMO-HY",
        MeetingKind.THEMED_PARTY_DAY,
        Audience.BRANCH,
        "主题党日：学习党的二十届四中全会精神",
        {100002: SignInMethod.CODE, 100003: SignInMethod.CODE, 100004: SignInMethod.LOCATION},
        {100005: "转场放牧，距嘎查 40 公里"},
        None,
    ),
    (
        1,
        12,
        time(20, 0),
        "DEMO-HY-G1",
        MeetingKind.GROUP_MEETING,
        Audience.GROUP,
        "蒙古包党小组会：冬季草场防火",
        {100004: SignInMethod.TAP, 100005: SignInMethod.VOICE},
        {},
        None,
    ),
    (
        1,
        20,
        time(15, 0),
        "DEMO-HY",
        MeetingKind.PARTY_LECTURE,
        Audience.BRANCH,
        "书记讲党课：牧区基层治理",
        {100002: SignInMethod.TAP, 100003: SignInMethod.CODE, 100005: SignInMethod.PROXY},
        {},
        100004,
    ),
    (
        0,
        2,
        time(19, 30),
        "DEMO-HY",
        MeetingKind.COMMITTEE_MEETING,
        Audience.COMMITTEE,
        "支委会：党费收缴与冬季慰问",
        {100002: SignInMethod.TAP},
        {},
        None,
    ),
)
DEMO_PARTY_MEMBERS = {  # who each audience invites (the demo's party members)
    Audience.COMMITTEE: (100002,),
    Audience.BRANCH: (100002, 100003, 100004, 100005),
    Audience.GROUP: (100004, 100005),
}


async def _seed_meetings(uow: UnitOfWork, orgs: dict[str, Organization], now: datetime) -> None:
    """Past meetings of the pastoral branch with invitations, sign-ins, a leave and minutes,
    written as history (no reminders, no notices), once; those not yet past are left out."""
    branch = orgs["DEMO-HY"]
    if await uow.session.scalar(select(Meeting.id).where(Meeting.org_id == branch.id).limit(1)):
        return
    people_by_id = await uow.people.by_telegram_ids(
        {t for ids in DEMO_PARTY_MEMBERS.values() for t in ids}
    )
    secretary = people_by_id[100002].id
    current = dues.current_month(branch, now, DEMO_ZONE)
    for back, day, at, code, kind, audience, title, came, leave, proxy in DEMO_MEETINGS:
        starts = local_moment(day_in_month(current - back, day), at, DEMO_ZONE)
        if starts >= now - timedelta(hours=2):
            continue
        org = orgs[code]
        meeting = Meeting(
            org_id=org.id,
            kind=kind,
            title=title,
            starts_at=starts,
            venue="嘎查党群服务中心",
            methods=sorted({m.value for m in came.values() if m is not SignInMethod.PROXY}),
            audience=audience,
            audience_org_id=org.id,
            code="2468",
            reminder_minutes=[],
            minutes=f"{title}。与会同志逐一发言，形成会议记录。",
            created_by_id=secretary,
            created_at=starts - timedelta(days=3),
            updated_at=starts,
        )
        uow.session.add(meeting)
        await uow.session.flush()
        for order, telegram_id in enumerate(DEMO_PARTY_MEMBERS[audience]):
            person_id = people_by_id[telegram_id].id
            reason = leave.get(telegram_id)
            uow.session.add(
                Invitation(
                    meeting_id=meeting.id,
                    person_id=person_id,
                    response=(
                        InvitationResponse.LEAVE_APPROVED
                        if reason
                        else InvitationResponse.ATTENDING
                    ),
                    leave_reason=reason or "",
                    decided_by_id=secretary if reason else None,
                    responded_at=starts - timedelta(days=1),
                )
            )
            method = came.get(telegram_id)
            if method is None:
                continue
            signed = starts - timedelta(minutes=10 - order)  # in the window, one by one
            uow.session.add(
                Attendance(
                    meeting_id=meeting.id,
                    person_id=person_id,
                    method=method,
                    signed_at=signed,
                    recorded_at=signed,
                    status=AttendanceStatus.CONFIRMED,
                    confirmed_by_id=secretary if method is SignInMethod.VOICE else None,
                    proxy_by_id=people_by_id[proxy].id if proxy else None,
                )
            )
    await uow.commit()


# Needs already handled, with their history and the requester's rating:
# (days ago, branch, reporter, taker, category, description, stars).
DEMO_TICKETS = (
    (40, "DEMO-BJ", 100007, 100006, "设施维修", "3 号楼楼道灯坏了，晚上看不见", 5),
    (25, "DEMO-HY", 100003, 100004, "生产帮扶", "冬储草料不够，想请党员帮忙联系", 4),
)


async def _seed_tickets(uow: UnitOfWork, orgs: dict[str, Organization], now: datetime) -> None:
    """Two needs reported, taken, solved and rated, as history (no notices), once."""
    if await uow.session.scalar(select(Ticket.id).limit(1)):
        return
    people_by_id = await uow.people.by_telegram_ids(
        {t for _, _, reporter, taker, *_ in DEMO_TICKETS for t in (reporter, taker)}
    )
    for days, code, reporter, taker, category, description, stars in DEMO_TICKETS:
        reported = now - timedelta(days=days)
        steps: tuple[tuple[TicketEventKind, int, datetime, dict[str, int]], ...] = (
            (TicketEventKind.REPORTED, people_by_id[reporter].id, reported, {}),
            (TicketEventKind.CLAIMED, people_by_id[taker].id, reported + timedelta(hours=2), {}),
            (TicketEventKind.RESOLVED, people_by_id[taker].id, reported + timedelta(days=1), {}),
            (
                TicketEventKind.RATED,
                people_by_id[reporter].id,
                reported + timedelta(days=2),
                {"stars": stars},
            ),
        )
        ticket = Ticket(
            org_id=orgs[code].id,
            reporter_id=people_by_id[reporter].id,
            category=category,
            description=description,
            status=TicketStatus.CLOSED,
            assignee_id=people_by_id[taker].id,
            resolution="已解决",
            rating=stars,
            reported_at=reported,
            dispatched_at=steps[1][2],
            accepted_at=steps[1][2],
            due_at=reported + timedelta(days=3),
            resolved_at=steps[2][2],
            closed_at=steps[3][2],
            updated_at=steps[3][2],
        )
        uow.session.add(ticket)
        await uow.session.flush()
        for kind, actor_id, at, data in steps:
            uow.session.add(
                TicketEvent(ticket_id=ticket.id, at=at, actor_id=actor_id, kind=kind, data=data)
            )
    await uow.commit()
