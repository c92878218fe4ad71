"""Logs and metrics of the running bot: updates fed through the real Dispatcher carry their
ids on every log line and are counted; the outbox sender counts its sends by result; the
scheduler reports how late and how long its sweeps ran."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import Message, TelegramObject, Update
from prometheus_client import REGISTRY
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import build_dispatcher
from bot.config import Settings
from bot.i18n import load_core
from bot.observability.logs import ORG_ID, UPDATE_ID, USER_ID, configure_logging, make_handler
from bot.observability.metrics import DepthProbe, render, watch_scheduler
from bot.outbox import OutboxSender
from bot.reminders.leadership import SoleLeader
from bot.reminders.scheduler import SweepScheduler, _every
from bot.services import outbox
from bot.services.errors import AccessDenied
from storage.models import BroadcastKind
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.factories import Tree, build_tree, make_person
from tests.fakes import TOKEN, Chatter, RecordingSession
from tests.integration.test_outbox_sender import (
    CONFIG,
    PLAIN,
    ScriptedSession,
    retry_after,
    server_error,
)

probe_log = logging.getLogger("tests.observability.probe")


async def _probe(
    handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
    event: TelegramObject,
    data: dict[str, Any],
) -> Any:
    """Stands for a handler's own logging, and fails on demand."""
    assert isinstance(event, Message)
    probe_log.info("probe saw %s", event.text)
    if event.text == "boom":
        raise RuntimeError("the disk is full")
    if event.text == "forbidden":
        raise AccessDenied()
    return await handler(event, data)


class Bench:
    def __init__(self, dispatcher: Dispatcher, bot: Bot, tree: Tree) -> None:
        self.dp, self.bot, self.tree = dispatcher, bot, tree
        self.secretary = Chatter(2001, "书记甲")

    async def send(self, update: Update) -> Any:
        return await self.dp.feed_update(self.bot, update)


@pytest.fixture
async def bench(
    session_factory: async_sessionmaker[AsyncSession],
    uow: Callable[[], UnitOfWork],
    clock: FakeClock,
) -> AsyncIterator[Bench]:
    tree = await build_tree(uow)
    settings = Settings(_env_file=None, bot_token=TOKEN)
    dispatcher = build_dispatcher(settings, session_factory, clock=clock, storage=MemoryStorage())
    dispatcher.message.outer_middleware(_probe)
    bot = Bot(token=TOKEN, session=RecordingSession())
    await dispatcher.emit_startup(bot=bot, bots=[bot], dispatcher=dispatcher)
    yield Bench(dispatcher, bot, tree)
    await dispatcher.emit_shutdown(bot=bot, bots=[bot], dispatcher=dispatcher)


@contextmanager
def captured(log_format: str) -> Iterator[io.StringIO]:
    """Everything logged at INFO and above, as the configured handler writes it."""
    buffer = io.StringIO()
    handler = make_handler(log_format)
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buffer)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield buffer
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def lines_with(buffer: io.StringIO, text: str) -> list[str]:
    return [line for line in buffer.getvalue().splitlines() if text in line]


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


# --- logs ------------------------------------------------------------------------------


async def test_a_line_logged_while_handling_carries_the_update_user_and_org(
    bench: Bench,
) -> None:
    update = bench.secretary.text("/help")
    with captured("text") as buffer:
        await bench.send(update)
        probe_log.info("after the update")

    [line] = lines_with(buffer, "probe saw /help")
    org = bench.tree.branch_a.id
    assert (
        f" INFO tests.observability.probe update={update.update_id} user=2001 org={org}: " in line
    )
    [after] = lines_with(buffer, "after the update")
    assert "update=- user=- org=-: after the update" in after
    assert (UPDATE_ID.get(), USER_ID.get(), ORG_ID.get()) == (None, None, None)


async def test_updates_handled_at_once_keep_their_own_ids(bench: Bench) -> None:
    # the secretary's update stops halfway and the newcomer's runs in between: each one's
    # lines still carry its own ids (the ids are per task, not per process)
    newcomer = Chatter(9001, "访客")
    halfway, finished = asyncio.Event(), asyncio.Event()

    async def interleave(
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        assert isinstance(event, Message)
        if event.text == "/help":
            probe_log.info("first half")
            halfway.set()
            await finished.wait()
            probe_log.info("second half")
        else:
            await halfway.wait()
            probe_log.info("in between")
            finished.set()
        return await handler(event, data)

    bench.dp.message.outer_middleware(interleave)
    first, second = bench.secretary.text("/help"), newcomer.text("/start")
    with captured("text") as buffer:
        async with asyncio.timeout(10):
            await asyncio.gather(bench.send(first), bench.send(second))

    org = bench.tree.branch_a.id
    mine = f"update={first.update_id} user=2001 org={org}: "
    [before] = lines_with(buffer, "first half")
    [between] = lines_with(buffer, "in between")
    [after] = lines_with(buffer, "second half")
    assert mine in before and mine in after
    assert f"update={second.update_id} user=9001 org=-: in between" in between
    assert buffer.getvalue().index("in between") < buffer.getvalue().index("second half")


async def test_json_lines_parse_and_carry_the_ids_and_the_traceback(bench: Bench) -> None:
    update = bench.secretary.text("boom")
    with captured("json") as buffer:
        await bench.send(update)
        probe_log.info("after the update")

    entries = [json.loads(line) for line in buffer.getvalue().splitlines()]
    assert all(
        {"time", "level", "logger", "update", "user", "org", "message"} <= set(e) for e in entries
    )
    [probe] = [e for e in entries if e["message"] == "probe saw boom"]
    assert (probe["update"], probe["user"], probe["org"]) == (
        update.update_id,
        2001,
        bench.tree.branch_a.id,
    )
    # The error handler runs after the update's middlewares returned: bound again for it.
    [failure] = [e for e in entries if e["message"] == f"update {update.update_id} failed"]
    assert failure["level"] == "ERROR"
    assert (failure["update"], failure["user"], failure["org"]) == (
        update.update_id,
        2001,
        bench.tree.branch_a.id,
    )
    assert "RuntimeError: the disk is full" in failure["exc_info"]
    [after] = [e for e in entries if e["message"] == "after the update"]
    assert (after["update"], after["user"], after["org"]) == (None, None, None)


async def test_a_newcomer_without_a_role_has_no_org(bench: Bench) -> None:
    update = Chatter(9001, "路人").text("/help")
    with captured("text") as buffer:
        await bench.send(update)

    [line] = lines_with(buffer, "probe saw /help")
    assert f"update={update.update_id} user=9001 org=-:" in line


def test_an_unknown_log_format_is_refused() -> None:
    with pytest.raises(ValueError, match="text or json"):
        configure_logging(Settings(_env_file=None, log_format="xml"))


# --- update metrics --------------------------------------------------------------------


async def test_updates_are_counted_by_result_and_timed(bench: Bench) -> None:
    handled = sample("zhibu_updates_total", type="message", result="handled")
    repeated = sample("zhibu_updates_total", type="message", result="repeated")
    errors = sample("zhibu_updates_total", type="message", result="error")
    refused = sample("zhibu_updates_total", type="message", result="refused")
    timed = sample("zhibu_update_seconds_count")

    first = bench.secretary.text("/help")
    with captured("text") as buffer:
        await bench.send(first)
        await bench.send(first)  # Telegram delivers it again
    await bench.send(bench.secretary.text("boom"))
    await bench.send(bench.secretary.text("forbidden"))

    assert sample("zhibu_updates_total", type="message", result="handled") == handled + 1
    assert sample("zhibu_updates_total", type="message", result="repeated") == repeated + 1
    assert sample("zhibu_updates_total", type="message", result="error") == errors + 1
    assert sample("zhibu_updates_total", type="message", result="refused") == refused + 1
    assert sample("zhibu_update_seconds_count") == timed + 4
    [skipped] = lines_with(buffer, "already handled")
    assert f"update={first.update_id} user=2001" in skipped


async def test_an_update_no_handler_takes_is_unhandled(bench: Bench) -> None:
    before = sample("zhibu_updates_total", type="edited_message", result="unhandled")
    chatter = bench.secretary
    edited = Message(
        message_id=1,
        date=datetime.now(UTC),
        edit_date=int(datetime.now(UTC).timestamp()),
        chat=chatter.chat,
        from_user=chatter.user,
        text="改过的",
    )
    await bench.send(Update(update_id=987_654, edited_message=edited))

    assert sample("zhibu_updates_total", type="edited_message", result="unhandled") == before + 1


# --- the sender ------------------------------------------------------------------------


async def test_the_sender_counts_sends_by_result_and_measures_the_backlog(
    session_factory: async_sessionmaker[AsyncSession],
    uow: Callable[[], UnitOfWork],
    clock: FakeClock,
) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        members = [await make_person(u, f"牧民{n}", 5000 + n, language="zh") for n in range(3)]
        recipients = await outbox.recipients_for(u, [p.id for p in members])
        await outbox.enqueue(
            u,
            kind=BroadcastKind.MESSAGE,
            org_id=tree.branch_a.id,
            recipients=recipients,
            now=clock(),
            not_before=clock(),
            text="开会通知",
        )
        await u.commit()

    async def sleep(seconds: float) -> None:
        clock.advance(seconds=seconds)
        await asyncio.sleep(0)

    session = ScriptedSession(clock)
    session.blocked.add(5001)
    session.script[5002] = [retry_after(1), server_error]
    sender = OutboxSender(
        Bot(TOKEN, session=session),
        session_factory,
        PLAIN,
        await load_core(),
        CONFIG,
        clock=clock,
        sleep=sleep,
    )
    results = ("sent", "unreachable", "retry_after", "retry", "failed")
    before = {r: sample("zhibu_sends_total", result=r) for r in results}

    await sender.run_until_idle()

    after = {r: sample("zhibu_sends_total", result=r) - before[r] for r in results}
    # 5000 sent; 5001 blocked the bot; 5002: a 429, then a 502 that leaves it for later.
    assert after == {"sent": 1, "unreachable": 1, "retry_after": 1, "retry": 1, "failed": 0}
    assert sample("zhibu_outbox_depth") == 3  # measured before the first claim
    await DepthProbe().measure(session_factory, clock())
    assert sample("zhibu_outbox_depth") == 0  # the retry waits for its backoff: not due


async def test_the_backlog_is_counted_at_most_once_an_interval(
    session_factory: async_sessionmaker[AsyncSession],
    uow: Callable[[], UnitOfWork],
    clock: FakeClock,
) -> None:
    tree = await build_tree(uow)
    probe = DepthProbe(timedelta(seconds=15))
    await probe.measure(session_factory, clock())
    assert sample("zhibu_outbox_depth") == 0
    async with uow() as u:
        recipients = await outbox.recipients_for(u, [tree.member_a.id, tree.secretary_a.id])
        await outbox.enqueue(
            u,
            kind=BroadcastKind.MESSAGE,
            org_id=tree.branch_a.id,
            recipients=recipients,
            now=clock(),
            not_before=clock(),
            text="开会通知",
        )
        await u.commit()

    await probe.measure(session_factory, clock() + timedelta(seconds=14))
    assert sample("zhibu_outbox_depth") == 0
    await probe.measure(session_factory, clock() + timedelta(seconds=15))
    assert sample("zhibu_outbox_depth") == 2


# --- the scheduler ---------------------------------------------------------------------


async def test_a_late_sweep_reports_its_lag_and_its_duration() -> None:
    scheduler = SweepScheduler()
    watch_scheduler(scheduler)
    ran = asyncio.Event()

    async def sweep() -> None:
        ran.set()

    job = "tests:late-sweep"
    durations = sample("zhibu_sweep_seconds_count", job=job)
    _every(scheduler, SoleLeader(), timedelta(minutes=10), job, sweep)
    scheduler.start()
    try:
        # Due three seconds ago: the scheduler starts it as soon as it looks.
        scheduler.modify_job(job, next_run_time=datetime.now(UTC) - timedelta(seconds=3))
        scheduler.wakeup()
        await asyncio.wait_for(ran.wait(), 5)
        await asyncio.sleep(0.05)
    finally:
        await scheduler.stop()

    assert 3 <= sample("zhibu_scheduler_lag_seconds", job=job) < 5
    assert sample("zhibu_sweep_seconds_count", job=job) == durations + 1


def test_render_serves_every_metric() -> None:
    body, content_type = render()
    assert content_type.startswith("text/plain")
    for name in (
        b"zhibu_updates_total",
        b"zhibu_update_seconds_bucket",
        b"zhibu_outbox_depth",
        b"zhibu_sends_total",
        b"zhibu_scheduler_lag_seconds",
        b"zhibu_sweep_seconds",
    ):
        assert name in body
