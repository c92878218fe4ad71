"""A seeded world for the fuzzers: two committees, their branches, people of every kind the
fuzz acts as, and rows in every protected table (meetings open, closed and cancelled;
tickets at each stage; dues; guidance; broadcasts; invites and join requests), all fed
through the real Dispatcher on the real database.

    committee X (C1) ── branch A ── group A1          committee Y (CY) ── branch Y (BY)
                     └─ branch B

The actors are an unknown user, a resident of A, a member of A, the leader of group A1, the
secretary of A and the admin of X; everything in branch B and committee Y is someone else's,
which is what the forged callbacks point at. Branch A has two meetings open for sign-in at
once (a voice note sent on its own must first ask which one) and group A1 one of its own; A1
has a member without a phone or Telegram, whom its leader signs in by proxy.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import TelegramMethod
from aiogram.types import Chat, Message
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.app import build_dispatcher
from bot.config import Settings
from bot.services import meetings
from bot.services.broadcasts import Where, Who
from bot.services.dues_rules import DuesCategory
from bot.services.periods import month_index
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, Level, MeetingKind, Role, SignInMethod
from storage.models import (
    Attendance,
    AttendanceStatus,
    Broadcast,
    BroadcastKind,
    BroadcastStatus,
    ContentType,
    Delivery,
    DeliveryStatus,
    DuesPayment,
    DuesProfile,
    Guidance,
    GuidanceReceipt,
    GuidanceStatus,
    Invitation,
    InvitationResponse,
    Invite,
    JoinRequest,
    Meeting,
    MeetingStatus,
    PaymentStatus,
    Ticket,
    TicketEvent,
    TicketEventKind,
    TicketStatus,
)
from storage.uow import UnitOfWork
from tests import voice_samples
from tests.conftest import FakeClock
from tests.factories import T0, Tree, actor_of, build_tree, make_org, make_person
from tests.fakes import BOT_USER, TOKEN, RecordingSession
from tests.flows.conftest import Harness
from tests.fuzz.properties import PROTECTED

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
ALL_METHODS = frozenset(
    {SignInMethod.TAP, SignInMethod.CODE, SignInMethod.LOCATION, SignInMethod.VOICE}
)

_WRITE = re.compile(r'\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)

UNKNOWN, RESIDENT_A, MEMBER_B, NEWCOMER = 9001, 4001, 3004, 5001
ADMIN_Y, SECRETARY_Y, MEMBER_Y = 1002, 2003, 3005
NEIGHBOUR = "没有手机的老党员"  # group A1's member without a phone: no Telegram account

# A voice note of speech the checks accept (bot/services/voice.py), served under this file id.
SPEECH_FILE = "fuzz-speech"
SPEECH_SECONDS = 3.0
# What the fuzz may change of a seeded meeting that decides whether it is open for sign-in
# now (rescheduled, moved to a venue without a map point, cancelled), put back by `reopen`.
WINDOW_COLUMNS = ("status", "starts_at", "venue", "latitude", "longitude", "methods")


@cache
def speech() -> bytes:
    return voice_samples.speech_like_ogg(SPEECH_SECONDS)


class FuzzSession(RecordingSession):
    """Answers every Bot API method: a method the recording session does not model (a chat
    action, a location sent back) must not turn into a failure the bot did not cause.
    Files the fuzz attaches are served from `files`; any other file id is an empty file."""

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        if getattr(method, "file_id", None) is not None:
            self.files.setdefault(method.file_id, b"")  # type: ignore[attr-defined]
        try:
            return await super().make_request(bot, method, timeout)
        except AssertionError:
            if not type(method).__name__.startswith("Send"):
                return True
            return Message(
                message_id=next(self._ids),
                date=T0,
                chat=Chat(id=int(getattr(method, "chat_id", 0)), type="private"),
                from_user=BOT_USER,
            )


class ErrorRecords(logging.Handler):
    """The errors router logs every unexpected exception at ERROR: each one is a finding."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class World:
    harness: Harness
    session: FuzzSession
    tree: Tree
    clock: FakeClock
    errors: ErrorRecords
    # Everything the fuzz may point a forged button at: kind -> ids (own and foreign).
    ids: dict[str, list[int]] = field(default_factory=dict)
    # The meetings' sign-in codes, typed at the code step among the random texts.
    codes: list[str] = field(default_factory=list)
    # Organization, person and meeting ids by short name ("A", "B", "member_a" ...).
    orgs: dict[str, int] = field(default_factory=dict)
    people: dict[str, int] = field(default_factory=dict)
    meetings: dict[str, int] = field(default_factory=dict)
    # The seeded open meetings' WINDOW_COLUMNS, by id, for `reopen`.
    opened: dict[int, dict[str, Any]] = field(default_factory=dict)
    # The protected rows as last read (tests/fuzz/properties.py); None once a statement
    # wrote to a protected table, so they are read again only when they may have changed.
    rows: Any = None

    def watch_writes(self, engine: AsyncEngine) -> None:
        def written(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if any(table.lower() in PROTECTED for table in _WRITE.findall(statement)):
                self.rows = None

        event.listen(engine.sync_engine, "before_cursor_execute", written)


async def _meeting(
    uow: Callable[[], UnitOfWork],
    tree: Tree,
    org_id: int,
    by: Any,
    starts_at: datetime,
    title: str | None = None,
    kind: MeetingKind = MeetingKind.THEMED_PARTY_DAY,
    audience: Audience = Audience.BRANCH,
) -> Meeting:
    actor = await actor_of(uow, by)
    spec = meetings.MeetingSpec(
        org_id=org_id,
        kind=kind,
        title=title or f"主题党日 {org_id}",
        starts_at=starts_at,
        audience=audience,
        audience_org_id=org_id,
        venue="党群服务中心",
        latitude=43.93,
        longitude=116.07,
        methods=ALL_METHODS,
    )
    async with uow() as u:
        news = await meetings.schedule(
            u, actor, spec, starts_at - timedelta(days=3), SHANGHAI, QUIET
        )
    return news.meeting


def _ticket(org_id: int, reporter: int, status: TicketStatus, assignee: int | None) -> Ticket:
    return Ticket(
        org_id=org_id,
        reporter_id=reporter,
        category="elderly",
        description="楼道灯坏了",
        status=status,
        assignee_id=assignee,
        reported_at=T0,
        due_at=T0 + timedelta(days=30),
        updated_at=T0,
        resolved_at=T0 if status is TicketStatus.RESOLVED else None,
    )


async def seed(uow: Callable[[], UnitOfWork], clock: FakeClock) -> tuple[Tree, dict[str, Any]]:
    tree = await build_tree(uow)
    async with uow() as u:
        committee_y = await make_org(u, "CY", Level.COMMITTEE, name="另一个区委组织部")
        branch_y = await make_org(u, "BY", Level.BRANCH, committee_y, name="另一个支部")
        admin_y = await make_person(u, "另一个管理员", ADMIN_Y, [(committee_y, Role.ADMIN)])
        secretary_y = await make_person(u, "书记丙", SECRETARY_Y, [(branch_y, Role.SECRETARY)])
        member_y = await make_person(u, "党员丙", MEMBER_Y, [(branch_y, Role.MEMBER)])
        member_b = await make_person(u, "党员乙", MEMBER_B, [(tree.branch_b, Role.MEMBER)])
        resident_a = await make_person(u, "居民刘", RESIDENT_A, [(tree.branch_a, Role.RESIDENT)])
        newcomer = await make_person(u, "新人", NEWCOMER)
        neighbour = await make_person(u, NEIGHBOUR, None, [(tree.group_a1, Role.MEMBER)])
        await u.commit()
    now = clock()
    soon = now + timedelta(minutes=10)  # the sign-in window is open now
    meeting_a = await _meeting(uow, tree, tree.branch_a.id, tree.secretary_a, soon)
    # Open at the same time: a voice note sent without a button asks which meeting it is for.
    meeting_a2 = await _meeting(
        uow,
        tree,
        tree.branch_a.id,
        tree.secretary_a,
        soon + timedelta(minutes=10),
        "支部党员大会",
        MeetingKind.GENERAL_MEETING,
    )
    # Group A1's own, scheduled by its leader: the neighbour is invited to it too.
    meeting_a1 = await _meeting(
        uow,
        tree,
        tree.group_a1.id,
        tree.leader_a1,
        soon + timedelta(minutes=5),
        "第一党小组会",
        MeetingKind.GROUP_MEETING,
        Audience.GROUP,
    )
    meeting_b = await _meeting(uow, tree, tree.branch_b.id, tree.secretary_b, soon)
    closed_b = await _meeting(uow, tree, tree.branch_b.id, tree.secretary_b, soon)
    cancelled_b = await _meeting(uow, tree, tree.branch_b.id, tree.secretary_b, soon)
    meeting_y = await _meeting(uow, tree, branch_y.id, secretary_y, soon)
    month = month_index(now.year, now.month)
    async with uow() as u:
        for changed in await u.session.scalars(
            select(Meeting).where(Meeting.id.in_([closed_b.id, cancelled_b.id]))
        ):
            if changed.id == closed_b.id:
                changed.starts_at = now - timedelta(days=2)
            else:
                changed.status = MeetingStatus.CANCELLED
        leave = await u.session.scalar(
            select(Invitation).where(
                Invitation.meeting_id == meeting_b.id, Invitation.person_id == member_b.id
            )
        )
        assert leave is not None
        leave.response = InvitationResponse.LEAVE_REQUESTED
        leave.leave_reason = "放牧"
        attendances = [
            Attendance(
                meeting_id=closed_b.id,
                person_id=member_b.id,
                method=SignInMethod.TAP,
                signed_at=now - timedelta(days=2),
                recorded_at=now - timedelta(days=2),
                status=AttendanceStatus.CONFIRMED,
            ),
            Attendance(
                meeting_id=meeting_b.id,
                person_id=tree.secretary_b.id,
                method=SignInMethod.VOICE,
                signed_at=now,
                recorded_at=now,
                evidence={"file_id": "voice-b"},
                status=AttendanceStatus.PENDING_REVIEW,
            ),
        ]
        u.session.add_all(attendances)
        a, b, y = tree.branch_a.id, tree.branch_b.id, branch_y.id
        tickets = [
            _ticket(a, resident_a.id, TicketStatus.NEW, None),
            _ticket(a, resident_a.id, TicketStatus.POSTED, None),
            _ticket(b, member_b.id, TicketStatus.NEW, None),
            _ticket(b, member_b.id, TicketStatus.POSTED, None),
            _ticket(b, member_b.id, TicketStatus.ASSIGNED, member_b.id),
            _ticket(b, member_b.id, TicketStatus.IN_PROGRESS, member_b.id),
            _ticket(b, member_b.id, TicketStatus.RESOLVED, member_b.id),
            _ticket(b, member_b.id, TicketStatus.CLOSED, member_b.id),
            _ticket(y, member_y.id, TicketStatus.POSTED, None),
            # member_a's own work and resident_a's to rate: refuse, notes, resolve, rating
            _ticket(a, resident_a.id, TicketStatus.ASSIGNED, tree.member_a.id),
            _ticket(a, resident_a.id, TicketStatus.IN_PROGRESS, tree.member_a.id),
            _ticket(a, resident_a.id, TicketStatus.RESOLVED, tree.member_a.id),
        ]
        u.session.add_all(tickets)
        await u.session.flush()
        u.session.add_all(
            TicketEvent(
                ticket_id=t.id, at=T0, actor_id=t.reporter_id, kind=TicketEventKind.REPORTED
            )
            for t in tickets
        )
        u.session.add_all(
            DuesProfile(
                person_id=person.id,
                branch_id=branch,
                from_month=month - 3,
                category=DuesCategory.FARMER,
                rule_fen=1_000,
                amount_fen=1_000,
                set_at=T0,
            )
            for person, branch in ((tree.member_a, a), (member_b, b), (member_y, y))
        )
        payments = [
            DuesPayment(
                person_id=person.id,
                branch_id=branch,
                amount_fen=1_000,
                months=[month - 1],
                status=PaymentStatus.REPORTED,
                reported_by_id=person.id,
                reported_at=now - timedelta(days=1),
            )
            for person, branch in ((tree.member_a, a), (member_b, b), (member_y, y))
        ]
        u.session.add_all(payments)
        guidances = [
            Guidance(
                org_id=org,
                month=f"{now.year}-{now.month:02d}",
                theme="学习",
                deadline=(now + timedelta(days=5)).date(),
                publish_at=now - timedelta(days=1),
                status=GuidanceStatus.PUBLISHED,
                published_at=now - timedelta(days=1),
                created_at=T0,
                updated_at=T0,
            )
            for org in (tree.committee.id, committee_y.id)
        ]
        u.session.add_all(guidances)
        await u.session.flush()
        u.session.add_all(
            GuidanceReceipt(guidance_id=g.id, branch_id=branch)
            for g, branch in ((guidances[0], a), (guidances[0], b), (guidances[1], y))
        )
        broadcasts = [
            Broadcast(
                kind=BroadcastKind.MESSAGE,
                org_id=org,
                sender_id=sender,
                content_type=ContentType.TEXT,
                text="通知",
                # What the composer stores (bot/services/broadcasts.py), so the card shows it.
                payload={
                    "org_name": "支部",
                    "where": Where.SCOPE.value,
                    "who": Who.PARTY.value,
                    "targets": ["支部"],
                    "offline": 0,
                },
                status=BroadcastStatus.DONE,
                not_before=now - timedelta(hours=1),
                total=1,
                created_at=now - timedelta(hours=1),
            )
            for org, sender in (
                (a, tree.secretary_a.id),
                (b, tree.secretary_b.id),
                (y, secretary_y.id),
            )
        ]
        u.session.add_all(broadcasts)
        await u.session.flush()
        deliveries = [
            Delivery(
                broadcast_id=cast.id,
                person_id=person.id,
                chat_id=person.telegram_id or 0,
                locale="zh",
                status=DeliveryStatus.SENT,
                next_attempt_at=now,
                sent_at=now,
                message_id=77,
            )
            for cast, person in zip(broadcasts, (tree.member_a, member_b, member_y), strict=True)
        ]
        u.session.add_all(deliveries)
        invites = [
            Invite(
                token=f"fuzz-invite-{org}",
                org_id=org,
                role=Role.MEMBER,
                created_by_id=None,
                created_at=now,
                expires_at=now + timedelta(days=7),
                max_uses=5,
            )
            for org in (a, b, y)
        ]
        u.session.add_all(invites)
        await u.session.flush()
        joins = [
            JoinRequest(
                invite_id=invite.id,
                person_id=newcomer.id,
                org_id=invite.org_id,
                role=Role.MEMBER,
                display_name="新人",
                created_at=now,
            )
            for invite in invites
        ]
        u.session.add_all(joins)
        await u.session.flush()
        ids = {
            "meeting": [
                meeting_a.id,
                meeting_b.id,
                closed_b.id,
                cancelled_b.id,
                meeting_y.id,
                meeting_a2.id,
                meeting_a1.id,
            ],
            "attendance": [x.id for x in attendances],
            "invitation": [leave.id],
            "ticket": [t.id for t in tickets],
            "payment": [p.id for p in payments],
            "guidance": [g.id for g in guidances],
            "broadcast": [c.id for c in broadcasts],
            "delivery": [d.id for d in deliveries],
            "invite": [i.id for i in invites],
            "join": [j.id for j in joins],
            "org": [tree.committee.id, a, tree.group_a1.id, b, committee_y.id, y],
            "person": [
                p.id
                for p in (
                    tree.admin,
                    tree.secretary_a,
                    tree.secretary_b,
                    tree.member_a,
                    tree.leader_a1,
                    admin_y,
                    secretary_y,
                    member_y,
                    member_b,
                    resident_a,
                    newcomer,
                    neighbour,
                )
            ],
            "month": [month - 2, month - 1, month, month + 1],
        }
        opened = (meeting_a, meeting_a2, meeting_a1)
        codes = [
            m.code for m in (meeting_a, meeting_b, closed_b, cancelled_b, meeting_y, *opened[1:])
        ]
        await u.commit()
    names = {
        "C1": tree.committee.id,
        "A": tree.branch_a.id,
        "A1": tree.group_a1.id,
        "B": tree.branch_b.id,
        "CY": committee_y.id,
        "BY": branch_y.id,
    }
    people = {
        "admin_x": tree.admin.id,
        "secretary_a": tree.secretary_a.id,
        "member_a": tree.member_a.id,
        "leader_a1": tree.leader_a1.id,
        "neighbour_a1": neighbour.id,
        "resident_a": resident_a.id,
    }
    return tree, {
        "ids": ids,
        "codes": codes,
        "orgs": names,
        "people": people,
        "meetings": {"A": meeting_a.id, "A2": meeting_a2.id, "A1": meeting_a1.id},
        "opened": {m.id: {c: getattr(m, c) for c in WINDOW_COLUMNS} for m in opened},
    }


async def reopen(world: World, meeting_ids: Iterable[int], unsigned: Iterable[int] = ()) -> None:
    """Put seeded meetings back as they were (open for sign-in now, by every method) and take
    back the sign-ins of `unsigned` to them: a step entered on purpose must not depend on
    what earlier examples did to the world (a meeting cancelled or moved, a neighbour signed
    in already, which can happen only once). Writes only what differs."""
    ids, people = list(meeting_ids), list(unsigned)
    async with world.harness.uow() as u:
        for meeting in await u.session.scalars(select(Meeting).where(Meeting.id.in_(ids))):
            for column, value in world.opened[meeting.id].items():
                if getattr(meeting, column) != value:
                    setattr(meeting, column, value)
        signed = select(Attendance).where(
            Attendance.meeting_id.in_(ids), Attendance.person_id.in_(people)
        )
        for attendance in await u.session.scalars(signed) if people else ():
            await u.session.delete(attendance)
        await u.commit()


@pytest.fixture
async def world(
    session_factory: async_sessionmaker[AsyncSession],
    uow: Callable[[], UnitOfWork],
    clock: FakeClock,
) -> AsyncIterator[World]:
    tree, seeded = await seed(uow, clock)
    settings = Settings(_env_file=None, bot_token=TOKEN)
    dispatcher = build_dispatcher(settings, session_factory, clock=clock, storage=MemoryStorage())
    session = FuzzSession()
    bot = Bot(token=TOKEN, session=session)
    await dispatcher.emit_startup(bot=bot, bots=[bot], dispatcher=dispatcher)
    session.clear()
    session.files[SPEECH_FILE] = speech()
    errors = ErrorRecords()
    logger = logging.getLogger("bot.handlers.errors")
    logger.addHandler(errors)
    fuzzed = World(
        harness=Harness(dispatcher, bot, session, uow),
        session=session,
        tree=tree,
        clock=clock,
        errors=errors,
        ids=seeded["ids"],
        codes=seeded["codes"],
        orgs=seeded["orgs"],
        people=seeded["people"],
        meetings=seeded["meetings"],
        opened=seeded["opened"],
    )
    fuzzed.watch_writes(session_factory.kw["bind"])
    try:
        yield fuzzed
    finally:
        logger.removeHandler(errors)
        await dispatcher.emit_shutdown(bot=bot, bots=[bot], dispatcher=dispatcher)
