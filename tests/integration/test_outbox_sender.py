"""The outbox sender against a scripted Bot session on the real database, with a fake clock
whose sleeps move time: 429s, 403s, transient errors, quiet hours, progress and the report."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from itertools import count, pairwise
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods import (
    EditMessageText,
    SendDocument,
    SendMessage,
    SendPhoto,
    SendVoice,
    TelegramMethod,
)
from aiogram.types import Chat, Message
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.i18n import load_core
from bot.outbox import OutboxSender, SenderConfig
from bot.renderers import Outgoing, Renderer
from bot.services import outbox
from bot.services.outbox import Recipient
from storage.models import (
    Broadcast,
    BroadcastKind,
    BroadcastStatus,
    ContentType,
    Delivery,
    DeliveryStatus,
    Person,
)
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.factories import Tree, build_tree, make_person
from tests.fakes import TOKEN

SECRETARY_CHAT = 2001
SEND_METHODS = (SendMessage, SendPhoto, SendDocument, SendVoice)


@dataclass
class Call:
    at: datetime
    method: TelegramMethod[Any]

    @property
    def chat_id(self) -> int:
        return int(getattr(self.method, "chat_id", 0))


@dataclass
class ScriptedSession(BaseSession):
    """Answers like Telegram; `script[chat_id]` lists errors the next calls to it raise."""

    clock: FakeClock
    calls: list[Call] = field(default_factory=list)
    script: dict[int, list[Callable[[TelegramMethod[Any]], Exception]]] = field(
        default_factory=dict
    )
    blocked: set[int] = field(default_factory=set)
    on_send: Callable[[int], None] | None = None

    def __post_init__(self) -> None:
        super().__init__()
        self._ids = count(700)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        call = Call(self.clock(), method)
        self.calls.append(call)
        await asyncio.sleep(0)
        if call.chat_id in self.blocked:
            raise TelegramForbiddenError(method, "Forbidden: bot was blocked by the user")
        pending = self.script.get(call.chat_id)
        if pending:
            raise pending.pop(0)(method)
        if isinstance(method, EditMessageText):
            return True
        assert isinstance(method, SEND_METHODS), type(method).__name__
        if self.on_send is not None:
            self.on_send(call.chat_id)
        return Message(
            message_id=next(self._ids),
            date=datetime.now(UTC),
            chat=Chat(id=call.chat_id, type="private"),
            text=getattr(method, "text", None),
            caption=getattr(method, "caption", None),
        )

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        raise AssertionError("no downloads here")
        yield b""

    async def close(self) -> None:
        return None

    def sends(self, chat_id: int | None = None) -> list[Call]:
        return [
            c
            for c in self.calls
            if isinstance(c.method, SEND_METHODS) and chat_id in (None, c.chat_id)
        ]

    def texts(self, chat_id: int) -> list[str]:
        return [
            str(getattr(c.method, "text", ""))
            for c in self.calls
            if c.chat_id == chat_id and isinstance(c.method, (SendMessage, EditMessageText))
        ]


def retry_after(seconds: int) -> Callable[[TelegramMethod[Any]], Exception]:
    return lambda m: TelegramRetryAfter(m, "Too Many Requests", retry_after=seconds)


def server_error(m: TelegramMethod[Any]) -> Exception:
    return TelegramServerError(m, "Bad Gateway")


@dataclass
class World:
    tree: Tree
    session: ScriptedSession
    sender: OutboxSender
    clock: FakeClock
    uow: Callable[[], UnitOfWork]
    members: list[Person]

    async def queue(
        self,
        people: list[Person],
        *,
        urgent: bool = False,
        not_before: datetime | None = None,
        progress: bool = True,
        **fields: Any,
    ) -> int:
        async with self.uow() as u:
            recipients = await outbox.recipients_for(u, [p.id for p in people])
            broadcast = await outbox.enqueue(
                u,
                kind=fields.pop("kind", BroadcastKind.MESSAGE),
                org_id=self.tree.branch_a.id,
                recipients=recipients,
                now=self.clock(),
                not_before=not_before or self.clock(),
                text=fields.pop("text", "开会通知"),
                urgent=urgent,
                progress_chat_id=SECRETARY_CHAT if progress else None,
                progress_locale="en",
                **fields,
            )
            assert broadcast is not None
            await u.commit()
            return broadcast.id

    async def rows(self, broadcast_id: int) -> list[Delivery]:
        async with self.uow() as u:
            found = await u.session.scalars(
                select(Delivery).where(Delivery.broadcast_id == broadcast_id).order_by(Delivery.id)
            )
            return list(found)

    async def broadcast(self, broadcast_id: int) -> Broadcast:
        async with self.uow() as u:
            found = await u.session.get(Broadcast, broadcast_id)
            assert found is not None
            return found

    def sender_with(self, **changes: Any) -> OutboxSender:
        config = replace(CONFIG, **changes)
        return OutboxSender(
            self.sender.bot,
            self.sender_factory,
            PLAIN,
            self.sender_core,
            config,
            clock=self.clock,
            sleep=self.sleep,
        )

    sender_factory: Any = None
    sender_core: Any = None
    sleep: Any = None


def _plain(broadcast: Broadcast, delivery: Delivery, texts: object) -> Outgoing:
    return Outgoing(broadcast.content_type, broadcast.text, broadcast.file_id)


# The sender's mechanics, apart from any feature's wording: one kind, rendered as queued.
PLAIN: dict[BroadcastKind, Renderer] = {
    BroadcastKind.MESSAGE: _plain,
    BroadcastKind.MEETING_REMINDER: _plain,
}

CONFIG = SenderConfig(rate=1000, chat_interval=1, concurrency=4, max_attempts=3)


@pytest.fixture
async def world(
    session_factory: async_sessionmaker[AsyncSession],
    uow: Callable[[], UnitOfWork],
    clock: FakeClock,
) -> World:
    tree = await build_tree(uow)
    async with uow() as u:
        members = [
            await make_person(u, f"牧民{n}", 5000 + n, language=("mn", "zh", "en")[n % 3])
            for n in range(5)
        ]
        await u.commit()

    async def sleep(seconds: float) -> None:
        clock.advance(seconds=seconds)
        await asyncio.sleep(0)

    session = ScriptedSession(clock)
    core = await load_core()
    bot = Bot(TOKEN, session=session)
    sender = OutboxSender(bot, session_factory, PLAIN, core, CONFIG, clock=clock, sleep=sleep)
    world = World(tree, session, sender, clock, uow, members)
    world.sender_factory, world.sender_core, world.sleep = session_factory, core, sleep
    return world


async def test_each_recipient_gets_one_message_and_its_id_is_recorded(world: World) -> None:
    broadcast_id = await world.queue(world.members)
    await world.sender.run_until_idle()

    rows = await world.rows(broadcast_id)
    sends = world.session.sends()
    member_chats = sorted(p.telegram_id for p in world.members if p.telegram_id)
    assert sorted(c.chat_id for c in sends if c.chat_id != SECRETARY_CHAT) == member_chats
    assert all(r.status == DeliveryStatus.SENT and r.sent_at is not None for r in rows)
    assert all(r.attempts == 0 and r.error == "" for r in rows)
    assert len({r.message_id for r in rows}) == 5 and None not in {r.message_id for r in rows}
    header = await world.broadcast(broadcast_id)
    assert header.status == BroadcastStatus.DONE and header.started_at is not None
    assert header.report_sent_at is not None and header.finished_at is not None

    before = len(world.session.calls)
    await world.sender.run_until_idle()
    assert len(world.session.calls) == before  # nothing twice, not even the report


async def test_retry_after_pauses_all_sending_and_costs_no_attempt(world: World) -> None:
    first, second = world.members[0], world.members[1]
    assert first.telegram_id is not None and second.telegram_id is not None
    world.session.script[first.telegram_id] = [retry_after(7)]
    start = world.clock()
    broadcast_id = await world.queue([first, second], progress=False)
    await world.sender.run_until_idle()

    rows = await world.rows(broadcast_id)
    assert [(r.status, r.attempts) for r in rows] == [(DeliveryStatus.SENT, 0)] * 2
    to_first = [c.at for c in world.session.calls if c.chat_id == first.telegram_id]
    assert len(to_first) == 2 and to_first[1] - to_first[0] >= timedelta(seconds=7)
    # the other recipient waited too: nothing was sent during the pause
    [to_second] = [c.at for c in world.session.calls if c.chat_id == second.telegram_id]
    assert to_second == start or to_second >= to_first[0] + timedelta(seconds=7)


async def test_blocked_users_are_unreachable_never_retried_and_named(world: World) -> None:
    blocked = world.members[2]
    assert blocked.telegram_id is not None
    world.session.blocked.add(blocked.telegram_id)
    broadcast_id = await world.queue(world.members)
    await world.sender.run_until_idle()
    world.clock.advance(hours=1)
    await world.sender.run_until_idle()

    rows = {r.chat_id: r for r in await world.rows(broadcast_id)}
    assert rows[blocked.telegram_id].status == DeliveryStatus.UNREACHABLE
    assert "blocked" in rows[blocked.telegram_id].error
    assert len([c for c in world.session.calls if c.chat_id == blocked.telegram_id]) == 1
    report = world.session.texts(SECRETARY_CHAT)[-1]
    assert "unreachable 1" in report and blocked.display_name in report
    assert "sent 4 of 5" in report


async def test_transient_errors_back_off_then_succeed(world: World) -> None:
    member = world.members[0]
    assert member.telegram_id is not None
    world.session.script[member.telegram_id] = [server_error]
    broadcast_id = await world.queue([member], progress=False)
    await world.sender.run_until_idle()

    [row] = await world.rows(broadcast_id)
    assert (row.status, row.attempts, row.claimed_at) == (DeliveryStatus.PENDING, 1, None)
    assert row.next_attempt_at == world.clock() + timedelta(seconds=5)
    assert "Bad Gateway" in row.error
    await world.sender.run_until_idle()
    assert len(world.session.sends(member.telegram_id)) == 1  # not due yet

    world.clock.advance(seconds=5)
    await world.sender.run_until_idle()
    [row] = await world.rows(broadcast_id)
    assert (row.status, row.attempts) == (DeliveryStatus.SENT, 1)
    assert row.message_id is not None


async def test_a_row_fails_after_the_last_attempt_and_the_report_says_so(world: World) -> None:
    member = world.members[0]
    assert member.telegram_id is not None
    world.session.script[member.telegram_id] = [server_error] * 10
    broadcast_id = await world.queue([member, world.members[1]])
    for _ in range(4):
        await world.sender.run_until_idle()
        world.clock.advance(minutes=1)

    rows = await world.rows(broadcast_id)
    assert (rows[0].status, rows[0].attempts) == (DeliveryStatus.FAILED, 3)
    assert len(world.session.sends(member.telegram_id)) == 3
    assert rows[1].status == DeliveryStatus.SENT
    report = world.session.texts(SECRETARY_CHAT)[-1]
    assert "failed 1" in report and member.display_name in report


async def test_bad_requests_fail_at_once_and_a_missing_chat_is_unreachable(world: World) -> None:
    bad, gone = world.members[0], world.members[1]
    assert bad.telegram_id is not None and gone.telegram_id is not None
    world.session.script[bad.telegram_id] = [
        lambda m: TelegramBadRequest(m, "Bad Request: message is too long")
    ]
    world.session.script[gone.telegram_id] = [
        lambda m: TelegramBadRequest(m, "Bad Request: chat not found")
    ]
    broadcast_id = await world.queue([bad, gone], progress=False)
    await world.sender.run_until_idle()

    rows = await world.rows(broadcast_id)
    assert [(r.status, r.error) for r in rows] == [
        (DeliveryStatus.FAILED, "Bad Request: message is too long"),
        (DeliveryStatus.UNREACHABLE, "Bad Request: chat not found"),
    ]


async def test_a_refused_token_pauses_sending_and_fails_nobody(world: World) -> None:
    member = world.members[0]
    assert member.telegram_id is not None
    world.session.script[member.telegram_id] = [
        lambda m: TelegramUnauthorizedError(m, "Unauthorized")
    ]
    started = world.clock()
    broadcast_id = await world.queue([member], progress=False)
    await world.sender.run_until_idle()

    [row] = await world.rows(broadcast_id)
    assert (row.status, row.attempts) == (DeliveryStatus.SENT, 0)
    assert world.clock() - started >= timedelta(seconds=60)


async def test_quiet_hours_hold_ordinary_broadcasts_but_not_urgent_ones(world: World) -> None:
    world.clock.now = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)  # 22:00 in Shanghai
    ordinary = await world.queue(world.members[:2], progress=False)
    urgent = await world.queue(world.members[2:4], urgent=True, progress=False)
    await world.sender.run_until_idle()

    assert {r.status for r in await world.rows(ordinary)} == {DeliveryStatus.PENDING}
    assert {r.status for r in await world.rows(urgent)} == {DeliveryStatus.SENT}
    world.clock.now = datetime(2026, 11, 21, 23, 30, tzinfo=UTC)  # 07:30
    await world.sender.run_until_idle()
    assert {r.status for r in await world.rows(ordinary)} == {DeliveryStatus.SENT}


async def test_a_meeting_reminder_in_quiet_hours_arrives_silently_an_urgent_broadcast_rings(
    world: World,
) -> None:
    """A reminder that came due at night only because the bot was down (its meeting starts
    before morning) goes out without a sound; an officer's urgent broadcast still rings;
    by day the reminder rings too."""
    world.clock.now = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)  # 22:00 in Shanghai
    reminder = world.members[:2]
    await world.queue(reminder, urgent=True, progress=False, kind=BroadcastKind.MEETING_REMINDER)
    await world.queue(world.members[2:4], urgent=True, progress=False)
    await world.sender.run_until_idle()

    def silent(person: Person) -> Any:
        [call] = world.session.sends(person.telegram_id)
        return getattr(call.method, "disable_notification", None)

    assert [silent(p) for p in reminder] == [True, True]
    assert [silent(p) for p in world.members[2:4]] == [None, None]

    world.clock.now = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)  # 10:00
    await world.queue(
        [world.members[4]], urgent=True, progress=False, kind=BroadcastKind.MEETING_REMINDER
    )
    await world.sender.run_until_idle()
    assert silent(world.members[4]) is None


async def test_the_rest_waits_for_morning_when_quiet_hours_begin_mid_broadcast(
    world: World,
) -> None:
    world.clock.now = datetime(2026, 11, 21, 13, 29, 59, tzinfo=UTC)  # 21:29:59 local
    world.session.on_send = lambda chat_id: world.clock.advance(minutes=1)
    sender = world.sender_with(concurrency=1)
    broadcast_id = await world.queue(world.members, progress=False)
    await sender.run_until_idle()

    rows = await world.rows(broadcast_id)
    sent = [r for r in rows if r.status == DeliveryStatus.SENT]
    assert 1 <= len(sent) < 5
    assert all(r.claimed_at is None for r in rows if r.status == DeliveryStatus.PENDING)
    world.clock.now = datetime(2026, 11, 21, 23, 31, tzinfo=UTC)
    await sender.run_until_idle()
    assert {r.status for r in await world.rows(broadcast_id)} == {DeliveryStatus.SENT}
    assert len(world.session.sends()) == 5


async def test_the_final_numbers_wait_out_a_429_and_come_before_the_report(
    world: World,
) -> None:
    """The last edit of the progress message met a 429: the report waits until the final
    numbers are shown, or the message would stay at "pending" for good."""
    broadcast_id = await world.queue(world.members[:2])
    async with world.uow() as u:
        await u.outbox.update_broadcast(broadcast_id, progress_message_id=42)
        await u.commit()
    world.session.script[SECRETARY_CHAT] = [retry_after(1)]
    for _ in range(3):
        await world.sender.run_until_idle()
        world.clock.advance(seconds=5)

    final = "📤 Sending: sent 2 / pending 0 / unreachable 0 / failed 0 of 2"
    calls = [c.method for c in world.session.calls if c.chat_id == SECRETARY_CHAT]
    edits = [i for i, m in enumerate(calls) if isinstance(m, EditMessageText)]
    assert [getattr(calls[i], "text", None) for i in edits] == [final, final]  # 429, then shown
    [report] = [i for i, m in enumerate(calls) if isinstance(m, SendMessage)]
    assert report > edits[-1] and "Broadcast finished" in str(getattr(calls[report], "text", ""))
    assert (await world.broadcast(broadcast_id)).status == BroadcastStatus.DONE


async def test_progress_is_edited_in_place_and_the_report_comes_once(world: World) -> None:
    slow = world.members[0]
    assert slow.telegram_id is not None
    world.session.script[slow.telegram_id] = [server_error]
    broadcast_id = await world.queue(world.members[:3])
    async with world.uow() as u:
        await u.outbox.update_broadcast(broadcast_id, progress_message_id=42)
        await u.commit()
    await world.sender.run_until_idle()

    edits = [c.method for c in world.session.calls if isinstance(c.method, EditMessageText)]
    assert [(e.message_id, e.text) for e in edits] == [
        (42, "📤 Sending: sent 2 / pending 1 / unreachable 0 / failed 0 of 3")
    ]
    assert world.session.sends(SECRETARY_CHAT) == []
    world.clock.advance(seconds=5)
    await world.sender.run_until_idle()
    world.clock.advance(seconds=5)
    await world.sender.run_until_idle()

    texts = world.session.texts(SECRETARY_CHAT)
    assert texts[1] == "📤 Sending: sent 3 / pending 0 / unreachable 0 / failed 0 of 3"
    [report] = world.session.sends(SECRETARY_CHAT)
    assert "Broadcast finished in 0 min 5 s" in str(getattr(report.method, "text", ""))
    header = await world.broadcast(broadcast_id)
    assert (header.status, header.progress_message_id) == (BroadcastStatus.DONE, 42)


async def test_without_a_progress_message_one_is_sent_and_then_edited(world: World) -> None:
    slow = world.members[0]
    assert slow.telegram_id is not None
    world.session.script[slow.telegram_id] = [server_error]
    broadcast_id = await world.queue(world.members[:2])
    await world.sender.run_until_idle()
    assert len(world.session.sends(SECRETARY_CHAT)) == 1
    header = await world.broadcast(broadcast_id)
    assert header.progress_message_id is not None and header.status == BroadcastStatus.SENDING

    world.clock.advance(seconds=5)
    await world.sender.run_until_idle()
    edit = next(c.method for c in world.session.calls if isinstance(c.method, EditMessageText))
    assert edit.message_id == header.progress_message_id


async def test_rows_in_flight_at_a_crash_are_sent_by_the_next_run(world: World) -> None:
    broadcast_id = await world.queue(world.members, progress=False)
    async with world.uow() as u:  # a sender claimed three rows, then died
        taken = await u.outbox.claim([broadcast_id], world.clock(), 3)
        await u.commit()
    assert len(taken) == 3
    fresh = world.sender_with()
    await fresh.run_until_idle()
    assert {r.status for r in await world.rows(broadcast_id)} == {DeliveryStatus.SENT}
    assert len(world.session.sends()) == 5


async def test_cancelled_broadcasts_and_kinds_without_a_renderer_are_not_sent(
    world: World,
) -> None:
    cancelled = await world.queue(world.members[:2], progress=False)
    async with world.uow() as u:
        await u.outbox.update_broadcast(cancelled, status=BroadcastStatus.CANCELLED)
        await u.commit()
    unrendered = await world.queue(
        world.members[2:], progress=False, kind=BroadcastKind.THEMED_DAY
    )
    await world.sender.run_until_idle()
    assert world.session.sends() == []
    assert {r.status for r in await world.rows(unrendered)} == {DeliveryStatus.PENDING}


async def test_files_go_with_their_caption(world: World) -> None:
    kinds = [
        (ContentType.PHOTO, SendPhoto),
        (ContentType.DOCUMENT, SendDocument),
        (ContentType.VOICE, SendVoice),
    ]
    for content_type, _ in kinds:
        await world.queue(
            world.members[:1],
            progress=False,
            content_type=content_type,
            file_id=f"file-{content_type}",
            text="学习材料",
        )
    await world.sender.run_until_idle()
    methods = [c.method for c in world.session.sends()]
    assert {type(m) for m in methods} == {method for _, method in kinds} and len(methods) == 3
    assert all(getattr(m, "caption", None) == "学习材料" for m in methods)


async def test_one_chat_gets_at_most_one_message_per_interval(world: World) -> None:
    member = world.members[0]
    assert member.telegram_id is not None
    for _ in range(3):
        await world.queue([member], progress=False)
    await world.sender.run_until_idle()
    times = [c.at for c in world.session.sends(member.telegram_id)]
    assert len(times) == 3
    assert all(b - a >= timedelta(seconds=1) for a, b in pairwise(times))


async def test_a_broadcast_without_recipients_is_done_with_a_report(world: World) -> None:
    broadcast_id = await world.queue([])
    await world.sender.run_until_idle()
    header = await world.broadcast(broadcast_id)
    assert header.status == BroadcastStatus.DONE
    assert "sent 0 of 0" in world.session.texts(SECRETARY_CHAT)[-1]


async def test_recipients_keep_their_language_in_rendering(world: World) -> None:
    recipients = [Recipient(p.id, p.telegram_id or 0, "mn") for p in world.members[:1]]
    async with world.uow() as u:
        broadcast = await outbox.enqueue(
            u,
            kind=BroadcastKind.MESSAGE,
            org_id=world.tree.branch_a.id,
            recipients=recipients,
            now=world.clock(),
            not_before=world.clock(),
            text="ᠮᠣᠩᠭᠣᠯ",
        )
        assert broadcast is not None
        await u.commit()
    await world.sender.run_until_idle()
    [send] = world.session.sends()
    assert getattr(send.method, "text", None) == "ᠮᠣᠩᠭᠣᠯ"


async def test_a_deleted_progress_message_is_replaced(world: World) -> None:
    world.session.script[SECRETARY_CHAT] = [
        lambda m: TelegramBadRequest(m, "Bad Request: message to edit not found")
    ]
    slow = world.members[0]
    assert slow.telegram_id is not None
    world.session.script[slow.telegram_id] = [server_error]
    broadcast_id = await world.queue(world.members[:2])
    async with world.uow() as u:
        await u.outbox.update_broadcast(broadcast_id, progress_message_id=42)
        await u.commit()
    await world.sender.run_until_idle()

    [replacement] = world.session.sends(SECRETARY_CHAT)
    header = await world.broadcast(broadcast_id)
    assert header.progress_message_id not in (None, 42)
    assert "sent 1 / pending 1" in str(getattr(replacement.method, "text", ""))


async def test_a_sender_stopped_and_started_again_sends_the_rows_it_had_claimed(
    world: World,
) -> None:
    """Stopping drops the claimed rows still waiting in the queue or in a worker; when the
    same sender starts again (polling restarted in the same process) it must take them back,
    or those recipients are never reached."""
    broadcast_id = await world.queue(world.members, progress=False)
    gate = asyncio.Event()
    answer = world.session.make_request

    async def held(bot: Bot, method: TelegramMethod[Any], timeout: int | None = None) -> Any:  # noqa: ASYNC109
        await gate.wait()
        return await answer(bot, method, timeout)

    world.session.make_request = held  # type: ignore[method-assign]
    sender = world.sender_with(stop_grace=0.2)  # the held sends outlast it: cut off
    await sender.start()
    for _ in range(200):
        await asyncio.sleep(0.01)
        if all(r.claimed_at is not None for r in await world.rows(broadcast_id)):
            break
    await sender.stop()
    assert world.session.sends() == []

    gate.set()
    await sender.run_until_idle()
    assert {r.status for r in await world.rows(broadcast_id)} == {DeliveryStatus.SENT}
    assert len(world.session.sends()) == 5


async def test_a_stop_lets_the_sends_under_way_finish_and_hands_the_queued_rows_back(
    world: World,
) -> None:
    """A clean stop (SIGTERM) mid-broadcast: the sends already under way finish and are
    recorded as sent, so the next start does not send them again; the rows still queued
    are handed back unclaimed, free for whichever process sends next."""
    broadcast_id = await world.queue(world.members, progress=False)
    started = asyncio.Event()
    release = asyncio.Event()
    answer = world.session.make_request

    async def slow(bot: Bot, method: TelegramMethod[Any], timeout: int | None = None) -> Any:  # noqa: ASYNC109
        started.set()
        await release.wait()
        return await answer(bot, method, timeout)

    world.session.make_request = slow  # type: ignore[method-assign]
    sender = world.sender_with(concurrency=2, stop_grace=5.0)
    await sender.start()
    await asyncio.wait_for(started.wait(), 5)
    stopping = asyncio.create_task(sender.stop())
    await asyncio.sleep(0.1)
    assert not stopping.done()  # it waits for the two sends under way
    release.set()
    await asyncio.wait_for(stopping, 5)

    rows = await world.rows(broadcast_id)
    sent = [r for r in rows if r.status == DeliveryStatus.SENT]
    assert len(sent) == len(world.session.sends()) == 2
    assert all(r.claimed_at is None for r in rows if r.status == DeliveryStatus.PENDING)
    assert len(rows) - len(sent) == 3

    await world.sender_with().run_until_idle()
    assert {r.status for r in await world.rows(broadcast_id)} == {DeliveryStatus.SENT}
    assert len(world.session.sends()) == 5  # nobody twice


class Switch:
    """A leadership the test turns on and off."""

    def __init__(self, leading: bool) -> None:
        self.is_leader = leading

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None


async def test_only_the_leader_sends_and_a_new_leader_takes_back_the_rows_left_claimed(
    world: World,
) -> None:
    """Several bot processes share one outbox: a follower's sender claims and sends nothing;
    rows a leader claimed and never sent (it lost leadership, or died) are sent once by the
    next leader."""
    broadcast_id = await world.queue(world.members, progress=False)
    follower = world.sender_with()
    follower._leadership = Switch(False)
    await follower.run_until_idle()
    assert world.session.sends() == []
    assert all(r.claimed_at is None for r in await world.rows(broadcast_id))

    # a leader claims every row, then loses leadership before sending any of them
    leader = world.sender_with()
    switch = Switch(True)
    leader._leadership = switch
    claimed = await leader._claim(10)
    assert claimed == 5
    switch.is_leader = False
    await leader.run_until_idle()
    assert world.session.sends() == []  # left claimed, or handed back by its workers
    assert {r.status for r in await world.rows(broadcast_id)} == {DeliveryStatus.PENDING}

    follower._leadership = Switch(True)  # the other process leads now
    await follower.run_until_idle()
    rows = await world.rows(broadcast_id)
    assert all(r.status == DeliveryStatus.SENT for r in rows)
    sent_to = sorted(c.chat_id for c in world.session.sends())
    assert sent_to == sorted(p.telegram_id for p in world.members if p.telegram_id)


async def test_jobs_queued_when_leadership_is_lost_are_sent_once_when_it_comes_back(
    world: World,
) -> None:
    """The rows of jobs still queued when the process stops leading stay claimed; leading
    again, it takes them back and queues them afresh, and the old jobs must not go too."""
    broadcast_id = await world.queue(world.members, progress=False)
    sender = world.sender_with()
    switch = Switch(True)
    sender._leadership = switch
    assert await sender._claim(10) == 5
    switch.is_leader = False
    await sender._cycle(report=False)
    switch.is_leader = True
    gate = asyncio.Event()  # sends wait until the rows have been claimed again
    answer = world.session.make_request

    async def held(bot: Bot, method: TelegramMethod[Any], timeout: int | None = None) -> Any:  # noqa: ASYNC109
        await gate.wait()
        return await answer(bot, method, timeout)

    world.session.make_request = held  # type: ignore[method-assign]
    running = asyncio.create_task(sender.run_until_idle())
    await asyncio.sleep(0.3)
    gate.set()
    await running
    sent_to = sorted(c.chat_id for c in world.session.sends())
    assert sent_to == sorted(p.telegram_id for p in world.members if p.telegram_id)
    assert {r.status for r in await world.rows(broadcast_id)} == {DeliveryStatus.SENT}


async def test_rows_a_worker_met_while_leadership_blinked_are_handed_back_and_sent(
    world: World,
) -> None:
    """On a busy machine a PostgreSQL leader's lease can lapse for a moment between two
    coordinator cycles: the workers that meet the gap must hand their rows back, or the rows
    stay claimed and nobody sends them until the next restart."""
    broadcast_id = await world.queue(world.members, progress=False)
    sender = world.sender_with()
    switch = Switch(True)
    sender._leadership = switch
    assert await sender._cycle(report=False) == 5  # claimed and queued, no worker yet
    switch.is_leader = False
    sender._start_workers()
    for _ in range(100):
        await asyncio.sleep(0.01)
        if sender._queue.empty() and not sender._busy:
            break
    switch.is_leader = True  # back before any cycle saw the gap
    await sender.run_until_idle()
    sent_to = sorted(c.chat_id for c in world.session.sends())
    assert sent_to == sorted(p.telegram_id for p in world.members if p.telegram_id)
    assert {r.status for r in await world.rows(broadcast_id)} == {DeliveryStatus.SENT}
