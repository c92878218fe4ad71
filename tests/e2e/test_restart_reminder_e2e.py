"""A due meeting reminder across a killed or stopped bot: the real bot process (`zhibu run`,
long polling, tests/e2e/reminder_process.py) against the local Bot API server in this
process, on the test database. Each case counts, in the sandbox, what every invitee's chat
received: the reminder arrives exactly once, whether the bot died before it came due, died
with it half sent, or was stopped cleanly in the middle of it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

from bot.services.quiet_hours import QuietHours
from bot.services.roles import Kind, Level, Role
from sandbox import SandboxServer
from sandbox.limits import SandboxLimits
from storage.models import Delivery, DeliveryStatus, MeetingReminder
from storage.uow import UnitOfWork
from tests.factories import make_org, make_person, schedule_themed_day

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "424243:restart-reminder-token"
TITLE = "十一月主题党日"
SECRETARY, MEMBER_MN, MEMBER_EN = 2201, 3201, 3202
INVITEES = (SECRETARY, MEMBER_MN, MEMBER_EN)
SWEEP = 1  # seconds between reminder sweeps in the bot process
SHANGHAI = ZoneInfo("Asia/Shanghai")
NO_QUIET = QuietHours.parse("00:00-00:00")

log = logging.getLogger(__name__)


async def until(condition: Callable[[], Awaitable[bool] | bool], limit: float = 15.0) -> None:
    deadline = time.monotonic() + limit
    while True:
        value = condition()
        if await value if isinstance(value, Awaitable) else value:
            return
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


@dataclass
class Stage:
    """The sandbox, the database and the bot process of one test (started on demand)."""

    server: SandboxServer
    uow: Callable[[], UnitOfWork]
    database_url: str
    tmp_path: Path
    runs: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, slow_chats: tuple[int, ...] = (), slow_seconds: float = 30) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ZHIBU_")}
        env.update(
            ZHIBU_DATABASE_URL=self.database_url,
            ZHIBU_BOT_TOKEN=TOKEN,
            ZHIBU_BOT_API_SERVER=self.server.base_url,
            ZHIBU_QUIET_HOURS="00:00-00:00",
            ZHIBU_SCHEDULER_POLL_SECONDS="0.2",  # PostgreSQL: leadership within a second
            ZHIBU_LOG_LEVEL="INFO",
            ZHIBU_TEST_MEETING_SWEEP_SECONDS=str(SWEEP),
            ZHIBU_TEST_SLOW_CHATS=",".join(map(str, slow_chats)),
            ZHIBU_TEST_SLOW_SECONDS=str(slow_seconds),
            PYTHONUNBUFFERED="1",
        )
        with self.log_path(len(self.runs)).open("wb") as log_file:
            self.runs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "tests.e2e.reminder_process"],
                    cwd=ROOT,
                    env=env,
                    stdout=log_file,
                    stderr=subprocess.STDOUT,
                )
            )

    def log_path(self, run: int) -> Path:
        return self.tmp_path / f"bot{run}.log"

    def log(self) -> str:
        return self.log_path(len(self.runs) - 1).read_text(errors="replace")

    @property
    def process(self) -> subprocess.Popen[bytes]:
        return self.runs[-1]

    async def started(self) -> None:
        """The bot polls the sandbox (its first getUpdates came in)."""

        def polling() -> bool:
            assert self.process.poll() is None, self.log()
            return "Start polling" in self.log()

        await until(polling, 60)  # seconds only on a quiet machine; CI may be loaded

    async def logged(self, line: str) -> None:
        await until(lambda: line in self.log())

    async def stop(self, signum: signal.Signals) -> int | None:
        """Signal the bot and wait for it to exit, the sandbox answering meanwhile."""
        self.process.send_signal(signum)
        await until(lambda: self.process.poll() is not None, 20)
        return self.process.returncode

    def received(self) -> dict[int, int]:
        """How many copies of the reminder each invitee's chat holds."""
        counts = {}
        for chat_id in INVITEES:
            chat = self.server.state.chats.get(chat_id)
            messages = chat.messages.values() if chat else []
            counts[chat_id] = sum(
                1 for m in messages if m.from_bot and TITLE in (m.message.get("text") or "")
            )
        return counts

    async def recorded_sent(self, chat_ids: list[int]) -> bool:
        """The reminder's outbox rows for these chats are marked sent."""
        async with self.uow() as u:
            sent = set(
                await u.session.scalars(
                    select(Delivery.chat_id).where(Delivery.status == DeliveryStatus.SENT)
                )
            )
        return set(chat_ids) <= sent

    async def in_flight(self) -> set[int]:
        """Chats whose outbox row a sender had taken and not finished."""
        async with self.uow() as u:
            return set(
                await u.session.scalars(
                    select(Delivery.chat_id).where(
                        Delivery.status == DeliveryStatus.PENDING, Delivery.claimed_at.is_not(None)
                    )
                )
            )

    async def all_reached(self) -> bool:
        return min(self.received().values()) >= 1

    async def exactly_once_after_more_sweeps(self) -> None:
        await until(self.all_reached, 30)
        await asyncio.sleep(3 * SWEEP)  # more sweeps and sender cycles: nothing more goes out
        assert self.received() == dict.fromkeys(INVITEES, 1), self.log()[-3000:]


@pytest.fixture
async def stage(
    database_url: str, uow: Callable[[], UnitOfWork], tmp_path: Path
) -> AsyncIterator[Stage]:
    async with SandboxServer(TOKEN, limits=SandboxLimits(enabled=False), web_root=None) as server:
        for telegram_id, name, language in (
            (SECRETARY, "赵书记", "zh"),
            (MEMBER_MN, "巴特尔", "mn"),
            (MEMBER_EN, "Alice", "en"),
        ):
            server.state.add_user(name, user_id=telegram_id, language_code=language)
        stage = Stage(server, uow, database_url, tmp_path)
        try:
            yield stage
        finally:
            for run in stage.runs:
                if run.poll() is None:
                    run.kill()
                    run.wait(10)


async def schedule_meeting(uow: Callable[[], UnitOfWork]) -> int:
    """A 主题党日 in two days for a branch's three members, one reminder a day before."""
    async with uow() as u:
        committee = await make_org(u, "C1", Level.COMMITTEE, name="九原区委组织部")
        branch = await make_org(u, "BB", Level.BRANCH, committee, Kind.VILLAGE, "红旗嘎查党支部")
        secretary = await make_person(
            u, "赵书记", SECRETARY, [(branch, Role.SECRETARY)], language="zh"
        )
        await make_person(u, "巴特尔", MEMBER_MN, [(branch, Role.MEMBER)], language="mn")
        await make_person(u, "Alice", MEMBER_EN, [(branch, Role.MEMBER)], language="en")
        await u.commit()
    news = await schedule_themed_day(uow, secretary, branch, TITLE)
    assert {r.telegram_id for r in news.recipients} == set(INVITEES)
    return news.meeting.id


async def reminder_due_in(
    uow: Callable[[], UnitOfWork], meeting_id: int, seconds: float
) -> datetime:
    """Move the meeting's reminder so it comes due `seconds` from now (negative: overdue);
    when that is."""
    due = datetime.now(UTC) + timedelta(seconds=seconds)
    async with uow() as u:
        await u.session.execute(
            update(MeetingReminder)
            .where(MeetingReminder.meeting_id == meeting_id)
            .values(due_at=due)
        )
        await u.commit()
    return due


async def unclaimed(uow: Callable[[], UnitOfWork]) -> int:
    async with uow() as u:
        count = await u.session.scalar(
            select(func.count())
            .select_from(MeetingReminder)
            .where(MeetingReminder.sent_at.is_(None))
        )
    return int(count or 0)


# ----------------------------------------------------------------------------- tests


async def test_killed_before_the_reminder_is_due_it_goes_out_once_after_the_restart(
    stage: Stage,
) -> None:
    meeting_id = await schedule_meeting(stage.uow)
    stage.start()
    await stage.started()
    due = await reminder_due_in(stage.uow, meeting_id, 2)
    await asyncio.sleep(0.5)  # a sweep or two while it is not due yet
    assert await stage.stop(signal.SIGKILL) == -signal.SIGKILL
    assert datetime.now(UTC) < due, "killed too late to test this"
    assert stage.received() == dict.fromkeys(INVITEES, 0)

    await asyncio.sleep((due - datetime.now(UTC)).total_seconds() + 0.5)  # due while down
    assert await unclaimed(stage.uow) == 1
    stage.start()
    await stage.started()
    await stage.exactly_once_after_more_sweeps()
    assert await unclaimed(stage.uow) == 0


@pytest.mark.parametrize(
    "slow_chats",
    [INVITEES, (MEMBER_EN,)],
    ids=["killed-before-any-went-out", "killed-with-one-left"],
)
async def test_killed_after_the_sweep_queued_it_nobody_misses_it_and_nobody_gets_two(
    stage: Stage, slow_chats: tuple[int, ...]
) -> None:
    meeting_id = await schedule_meeting(stage.uow)
    stage.start(slow_chats=slow_chats)
    await stage.started()
    await reminder_due_in(stage.uow, meeting_id, -1)
    # a slow send is under way (it has not reached the sandbox) ...
    await until(lambda: any(f"slow send to {c}: waiting" in stage.log() for c in slow_chats))
    fast = [c for c in INVITEES if c not in slow_chats]
    # ... and the others went out and were recorded as sent
    await until(lambda: stage.recorded_sent(fast))
    assert await stage.stop(signal.SIGKILL) == -signal.SIGKILL
    at_kill = stage.received()
    in_flight = await stage.in_flight()
    log.warning("reminders at the kill: %s; rows in flight: %s", at_kill, sorted(in_flight))
    assert at_kill == {c: 0 if c in slow_chats else 1 for c in INVITEES}
    assert await unclaimed(stage.uow) == 0  # the sweep had taken it: the outbox holds it
    assert in_flight == set(slow_chats)

    stage.start()
    await stage.started()
    await stage.exactly_once_after_more_sweeps()
    # a row in flight may be sent twice only if its send had reached Telegram: none had
    duplicates = sum(stage.received().values()) - len(INVITEES)
    log.warning("duplicates after the restart: %d", duplicates)
    assert duplicates == 0


async def test_stopped_cleanly_mid_reminder_it_still_goes_out_once(stage: Stage) -> None:
    meeting_id = await schedule_meeting(stage.uow)
    stage.start(slow_chats=(MEMBER_MN,), slow_seconds=1)
    await stage.started()
    await reminder_due_in(stage.uow, meeting_id, -1)
    await stage.logged(f"slow send to {MEMBER_MN}: waiting")
    assert await stage.stop(signal.SIGTERM) == 0, stage.log()[-3000:]
    log.warning("reminders delivered at SIGTERM's exit: %s", stage.received())

    stage.start()
    await stage.started()
    await stage.exactly_once_after_more_sweeps()
