"""Sign-in burst: 2,000 members of one meeting tap "sign in" within a few seconds.

What it measures: the bot's throughput (updates/s over the whole burst) and the handler
latency p50/p99 (the time each update spends in `Dispatcher.feed_update`: middlewares, the
database, and the Bot API calls the handler waits for) of one-tap sign-ins, driven through
the production path: the real Dispatcher of bot/app.py (`build_dispatcher`, the middlewares
of production) behind the webhook app of bot/webhook.py (an update is answered 200 only
once handled and committed), on the real database. In the same run, the same POSTs at the
same concurrency go to the same webhook app around a Dispatcher with one callback handler
that does nothing: the bare throughput; ratio = our throughput ÷ bare throughput. Then around
a Dispatcher whose one callback handler does no database work but makes as many Bot API
calls per update as ours made (2: answer the press, tell the member), here sendMessage to a
sink chat that is no member's (a callback query cannot be answered twice): the API floor,
what the calls any sign-in must make cost on their own. floor_ratio = floor ÷ bare shows
how much of the gap to the target the calls take; ratio_to_floor = ours ÷ floor.

How: one branch with 2,000 members (plus a few for warming up), one meeting whose sign-in
window is open, everyone invited (scheduled through bot.services.meetings like the flows
do). The local Bot API server (sandbox.SandboxServer, rate limits off: this measures the bot,
not Telegram's pacing) runs in a child process, holds each member's invitation message and
creates the 2,000 callback queries; the bot's answerCallbackQuery and sendMessage go to it
over HTTP. A load generator in another child process POSTs the updates with N requests in
flight and, like Telegram, posts an update again (up to 3 times) when it was not answered 200
(every status is counted); ours, bare and floor get the same bodies after the same warm-up.
Afterwards: 2,000 attendances recorded, each member once, every callback query answered,
each member told once (members' chats only; the floor's messages are counted in the sink's).
SQL statements per update are counted with a before_cursor_execute listener.

Targets: ratio ≥ 0.5 on SQLite and p99 < 50 ms. On PostgreSQL (--database-url) the ratio is
shown without a target.

    .venv/bin/python -m bench.signin_bench [--members 2000] [--concurrency 32]
        [--database-url postgresql+asyncpg://postgres@127.0.0.1:5432/zhibu_h3] [--profile]

SQLite uses a temporary file; a PostgreSQL database given here is wiped first (use your own).
--profile writes a cProfile of our burst to bench/results/signin_<backend>.prof.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import multiprocessing
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
from aiogram import Bot, Dispatcher, Router
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import CallbackQuery, ReplyKeyboardRemove, Update
from aiohttp import web
from pydantic import SecretStr
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.common import RESULTS, percentile, report
from bench.world import committee_and_branch
from bot.app import build_bot, build_dispatcher
from bot.config import Settings
from bot.keyboards.meetings import InvitationAction, InvitationCB
from bot.services import meetings, people
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, MeetingKind, Role, SignInMethod
from bot.webhook import SECRET_HEADER, build_webhook_app
from sandbox import SandboxLimits, SandboxServer
from storage.db import create_engine, create_session_factory
from storage.migrate import downgrade, upgrade
from storage.models import Attendance, Membership, Person
from storage.uow import UnitOfWork

TOKEN = "123456789:signin-bench-token"
SECRET = "signin-bench-secret"
HOOK = "/telegram"
WARMUP = 32
REDELIVERIES, REDELIVERY_DELAY = 3, 0.5
FIRST_TELEGRAM_ID = 700_000_000
LANGUAGES = ("zh", "mn", "en")
SHANGHAI = ZoneInfo("Asia/Shanghai")
TARGET_RATIO = 0.5
TARGET_P99_MS = 50.0
FLOOR_TEXT = "已签到：十一月主题党日（点按签到，20:18）"


@dataclass(frozen=True)
class Member:
    telegram_id: int
    name: str
    language: str


# ----------------------------------------------------------------------------- database


async def prepared_engine(database_url: str | None, workdir: Path) -> AsyncEngine:
    """A migrated, empty database: a temporary SQLite file, or the PostgreSQL one given."""
    url = database_url or f"sqlite+aiosqlite:///{workdir / 'signin.db'}"
    if database_url:
        await asyncio.to_thread(downgrade, url, "base")
    await asyncio.to_thread(upgrade, url)
    return create_engine(url)


async def seed(engine: AsyncEngine, count: int, now: datetime) -> tuple[int, list[Member]]:
    """One branch, `count` members and a meeting open for sign-in now, everyone invited."""
    factory = create_session_factory(engine)
    members = [
        Member(FIRST_TELEGRAM_ID + i, f"党员{i:05d}", LANGUAGES[i % len(LANGUAGES)])
        for i in range(count)
    ]
    async with UnitOfWork(factory) as u:
        _, branch = await committee_and_branch(u, now, ("C1", "BA"))
        secretary = await u.people.add(
            Person(telegram_id=1, display_name="书记", language="zh", created_at=now)
        )
        await u.memberships.add(
            Membership(
                person_id=secretary.id, org_id=branch.id, role=Role.SECRETARY, created_at=now
            )
        )
        rows = [
            Person(
                telegram_id=m.telegram_id, display_name=m.name, language=m.language, created_at=now
            )
            for m in members
        ]
        await u.people.add_many(rows)
        await u.session.flush()
        await u.memberships.add_many(
            Membership(person_id=p.id, org_id=branch.id, role=Role.MEMBER, created_at=now)
            for p in rows
        )
        await u.commit()
        actor = await people.actor_for(u, secretary)
    async with UnitOfWork(factory) as u:
        news = await meetings.schedule(
            u,
            actor,
            meetings.MeetingSpec(
                org_id=branch.id,
                kind=MeetingKind.THEMED_PARTY_DAY,
                title="十一月主题党日",
                starts_at=now + timedelta(minutes=10),
                audience=Audience.BRANCH,
                audience_org_id=branch.id,
                methods=frozenset({SignInMethod.TAP, SignInMethod.CODE}),
            ),
            now,
            SHANGHAI,
            QuietHours.parse("00:00-00:00"),
        )
    return news.meeting.id, members


async def verify(engine: AsyncEngine, meeting_id: int, members: list[Member]) -> dict[str, Any]:
    """Every member signed in exactly once."""
    async with engine.connect() as connection:
        rows = (
            await connection.execute(
                select(Person.telegram_id, func.count(Attendance.id))
                .join(Attendance, Attendance.person_id == Person.id)
                .where(Attendance.meeting_id == meeting_id)
                .group_by(Person.telegram_id)
            )
        ).all()
    counts = dict(rows)
    expected = {m.telegram_id for m in members}
    return {
        "attendances": sum(counts.values()),
        "members_signed_in": len(expected & counts.keys()),
        "members_missing": len(expected - counts.keys()),
        "members_signed_twice": sum(1 for n in counts.values() if n > 1),
    }


# ----------------------------------------------------------------------------- sandbox process


def _sandbox_process(connection: Connection, members: list[Member], callback_data: str) -> None:
    asyncio.run(_serve_sandbox(connection, members, callback_data))


async def _serve_sandbox(
    connection: Connection, members: list[Member], callback_data: str
) -> None:
    """The Bot API server: each member has the invitation in their chat and presses its
    sign-in button once (a callback query the bot must answer); the updates go back to the
    parent, which posts them itself. A sink user, no member, receives the API floor's
    messages; its chat id goes back with the updates."""
    limits = SandboxLimits(enabled=False, callback_query_ttl=3600)
    async with SandboxServer(TOKEN, limits=limits, web_root=None) as server:
        state = server.state
        markup = {"inline_keyboard": [[{"text": "签到", "callback_data": callback_data}]]}
        updates = []
        for number, member in enumerate(members, start=1):
            user = state.add_user(
                member.name, user_id=member.telegram_id, language_code=member.language
            )
            chat = state.chats[member.telegram_id]
            invitation = state.add_message(
                chat,
                {"text": "十一月主题党日"},
                sender=state.bot_user,
                from_bot=True,
                reply_markup=markup,
            )
            record = state.new_callback(user["id"], chat.id, invitation.message_id, callback_data)
            query = {
                "id": record.id,
                "from": user,
                "message": invitation.api_json(),
                "chat_instance": state.chat_instance(chat.id),
                "data": callback_data,
            }
            updates.append({"update_id": number, "callback_query": query})
        sink = state.add_user("API floor sink")  # a fresh id, after the members'
        connection.send((server.base_url, updates, sink["id"]))
        await asyncio.to_thread(connection.recv)  # the parent says when it has finished
        answered = Counter(
            record.user_id for record in state.callbacks.values() if record.answered
        )
        told = Counter(
            chat_id
            for chat_id, chat in state.chats.items()
            for message in chat.messages.values()
            if message.from_bot and message.message_id > 1 and chat_id != sink["id"]
        )
        sunk = sum(1 for m in state.chats[sink["id"]].messages.values() if m.from_bot)
        connection.send({"answered": answered, "told": told, "sunk": sunk})


# ----------------------------------------------------------------------------- load generator


def _load(url: str, bodies: list[bytes], concurrency: int) -> dict[str, Any]:
    return asyncio.run(_post_all(url, bodies, concurrency))


async def _post_all(url: str, bodies: list[bytes], concurrency: int) -> dict[str, Any]:
    """POST every body with `concurrency` requests in flight; the wall time of the whole."""
    pending = iter(bodies)
    statuses: Counter[int] = Counter()
    headers = {SECRET_HEADER: SECRET, "Content-Type": "application/json"}
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            for body in pending:
                for _ in range(REDELIVERIES + 1):  # like Telegram: not acknowledged, sent again
                    async with session.post(url, data=body, headers=headers) as response:
                        await response.read()
                        statuses[response.status] += 1
                    if response.status == 200:
                        break
                    await asyncio.sleep(REDELIVERY_DELAY)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {"seconds": elapsed, "statuses": dict(statuses)}


# ----------------------------------------------------------------------------- bot side


def _settings(port: int, bot_api_server: str | None = None) -> Settings:
    return Settings(
        _env_file=None,
        bot_token=SecretStr(TOKEN),
        bot_api_server=bot_api_server,
        webhook_url=f"http://127.0.0.1:{port}{HOOK}",
        webhook_secret=SecretStr(SECRET),
        webhook_path=HOOK,
    )


def _timed(dispatcher: Dispatcher, latencies: list[float]) -> None:
    """Time each update in the dispatcher (the webhook app calls feed_update per update)."""
    feed = dispatcher.feed_update

    async def timed_feed(bot: Bot, update: Update, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await feed(bot, update, **kwargs)
        finally:
            latencies.append(time.perf_counter() - started)

    dispatcher.feed_update = timed_feed  # type: ignore[method-assign]


def bare_dispatcher() -> Dispatcher:
    """aiogram with one callback handler that does nothing: the floor we compare with."""
    router = Router()

    async def nothing(query: CallbackQuery) -> None:
        return None

    router.callback_query.register(nothing)
    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher


def floor_dispatcher(sink_chat_id: int, calls: int) -> Dispatcher:
    """aiogram with one callback handler that makes `calls` Bot API calls and nothing else
    (no database): the API floor. sendMessage to the sink, like our confirmation, since the
    callback queries cannot be answered twice."""
    router = Router()

    async def calls_only(query: CallbackQuery, bot: Bot) -> None:
        for _ in range(calls):
            await bot.send_message(sink_chat_id, FLOOR_TEXT, reply_markup=ReplyKeyboardRemove())

    router.callback_query.register(calls_only)
    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher


async def burst(
    dispatcher: Dispatcher,
    engine: AsyncEngine,
    base_url: str,
    bodies: list[bytes],
    warmup: list[bytes],
    concurrency: int,
    pool: ProcessPoolExecutor,
    profile: cProfile.Profile | None = None,
) -> dict[str, Any]:
    """Serve the webhook app on a free port and post the burst at it from the other process."""
    bot = build_bot(_settings(0, base_url))
    latencies: list[float] = []
    _timed(dispatcher, latencies)
    meter = Meter(engine, bot)
    site_port = await _free_port()
    app = build_webhook_app(_settings(site_port), dispatcher, bot, engine)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", site_port).start()
    url = f"http://127.0.0.1:{site_port}{HOOK}"
    loop = asyncio.get_running_loop()
    try:
        if warmup:
            await loop.run_in_executor(pool, _load, url, warmup, concurrency)
        latencies.clear()
        meter.reset()
        cpu_before = time.process_time()
        if profile is not None:
            profile.enable()
        outcome = await loop.run_in_executor(pool, _load, url, bodies, concurrency)
        if profile is not None:
            profile.disable()
        cpu_seconds = time.process_time() - cpu_before
    finally:
        await runner.cleanup()
        await bot.session.close()
        meter.close()
    count = len(bodies)
    return {
        "updates": len(bodies),
        "seconds": round(outcome["seconds"], 3),
        "updates_per_second": round(len(bodies) / outcome["seconds"], 1),
        "http_statuses": outcome["statuses"],
        "p50_ms": round(percentile(latencies, 0.5) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "max_ms": round(max(latencies) * 1000, 2),
        "sql_statements_per_update": round(meter.statements / count, 2),
        # CPU time of the bot's process (event loop and database threads) per update: less
        # at the mercy of other processes on the machine than the wall-clock figures
        "cpu_ms_per_update": round(cpu_seconds / count * 1000, 3),
        "mean_ms_per_update": {
            "in_dispatcher": round(sum(latencies) / len(latencies) * 1000, 2),
            "waiting_for_sql": round(meter.sql_seconds / count * 1000, 2),
            "waiting_for_bot_api": round(meter.api_seconds / count * 1000, 2),
        },
        "bot_api_calls_per_update": round(meter.api_calls / count, 2),
    }


async def _free_port() -> int:
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port: int = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    return port


class Meter:
    """Where an update's time goes: SQL statements (counted, and timed from before to after
    each execute: the thread hop and the database) and the Bot API calls the bot waits for."""

    def __init__(self, engine: AsyncEngine, bot: Bot) -> None:
        self.statements = 0
        self.sql_seconds = 0.0
        self.api_calls = 0
        self.api_seconds = 0.0
        self._engine = engine
        self._started: dict[int, float] = {}
        event.listen(engine.sync_engine, "before_cursor_execute", self._before)
        event.listen(engine.sync_engine, "after_cursor_execute", self._after)
        bot.session.middleware(self._api)

    def _before(self, _conn: Any, cursor: Any, *_: Any) -> None:
        self.statements += 1
        self._started[id(cursor)] = time.perf_counter()

    def _after(self, _conn: Any, cursor: Any, *_: Any) -> None:
        self.sql_seconds += time.perf_counter() - self._started.pop(id(cursor))

    async def _api(self, make_request: Any, bot: Bot, method: Any) -> Any:
        started = time.perf_counter()
        try:
            return await make_request(bot, method)
        finally:
            self.api_calls += 1
            self.api_seconds += time.perf_counter() - started

    def reset(self) -> None:
        self.statements, self.sql_seconds, self.api_calls, self.api_seconds = 0, 0.0, 0, 0.0

    def close(self) -> None:
        event.remove(self._engine.sync_engine, "before_cursor_execute", self._before)
        event.remove(self._engine.sync_engine, "after_cursor_execute", self._after)


async def _with_sandbox(
    members: list[Member],
    callback_data: str,
    work: Callable[[str, list[dict[str, Any]], int], Awaitable[None]],
) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=_sandbox_process, args=(child, members, callback_data))
    process.start()
    try:
        base_url, updates, sink_chat_id = await asyncio.to_thread(parent.recv)
        await work(base_url, updates, sink_chat_id)
        parent.send("done")
        seen: dict[str, Any] = await asyncio.to_thread(parent.recv)
    finally:
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()
    return seen


async def run(args: argparse.Namespace) -> None:
    backend = "postgresql" if args.database_url else "sqlite"
    with tempfile.TemporaryDirectory() as workdir:
        engine = await prepared_engine(args.database_url, Path(workdir))
        now = datetime.now(UTC)
        meeting_id, members = await seed(engine, args.members + WARMUP, now)
        callback_data = InvitationCB(meeting_id=meeting_id, action=InvitationAction.SIGN_IN).pack()
        figures: dict[str, Any] = {"backend": backend, "members": args.members}
        figures["concurrency"] = args.concurrency
        profile = cProfile.Profile() if args.profile else None

        async def work(base_url: str, updates: list[dict[str, Any]], sink_chat_id: int) -> None:
            bodies = [json.dumps(u, ensure_ascii=False).encode() for u in updates]
            warmup, measured = bodies[:WARMUP], bodies[WARMUP:]
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(1, mp_context=context) as pool:
                ours = build_dispatcher(
                    _settings(0), create_session_factory(engine), storage=MemoryStorage()
                )
                figures["ours"] = await burst(
                    ours, engine, base_url, measured, warmup, args.concurrency, pool, profile
                )
                figures["bare"] = await burst(
                    bare_dispatcher(), engine, base_url, measured, warmup, args.concurrency, pool
                )
                calls = round(figures["ours"]["bot_api_calls_per_update"])
                floor = floor_dispatcher(sink_chat_id, calls)
                figures["floor"] = await burst(
                    floor, engine, base_url, measured, warmup, args.concurrency, pool
                )

        seen = await _with_sandbox(members, callback_data, work)
        figures["verified"] = await verify(engine, meeting_id, members)
        answered, told = seen["answered"], seen["told"]
        figures["verified"]["callback_queries_answered_once"] = sum(
            1 for m in members if answered.get(m.telegram_id) == 1
        )
        figures["verified"]["members_told_once"] = sum(
            1 for m in members if told.get(m.telegram_id) == 1
        )
        figures["verified"]["floor_messages_to_sink"] = seen["sunk"]
        await engine.dispose()
    if profile is not None:
        RESULTS.mkdir(exist_ok=True)
        profile.dump_stats(RESULTS / f"signin_{backend}.prof")
    summarize(backend, figures, len(members))


def summarize(backend: str, figures: dict[str, Any], expected: int) -> None:
    ours, bare, verified = figures["ours"], figures["bare"], figures["verified"]
    floor = figures["floor"]
    ratio = ours["updates_per_second"] / bare["updates_per_second"]
    figures["ratio"] = round(ratio, 3)
    # the API floor: how much of the gap to bare the Bot API calls alone take
    floor_ratio = floor["updates_per_second"] / bare["updates_per_second"]
    to_floor = ours["updates_per_second"] / floor["updates_per_second"]
    figures["floor_ratio"] = round(floor_ratio, 3)
    figures["ratio_to_floor"] = round(to_floor, 3)
    figures["targets"] = {"ratio": TARGET_RATIO if backend == "sqlite" else None}
    figures["targets"]["p99_ms"] = TARGET_P99_MS
    complete = (
        verified["attendances"] == expected
        and verified["members_signed_in"] == expected
        and verified["members_signed_twice"] == 0
        and verified["callback_queries_answered_once"] == expected
        and verified["members_told_once"] == expected
        and ours["http_statuses"].get(200) == ours["updates"]
    )
    figures["cpu_ratio"] = round(bare["cpu_ms_per_update"] / ours["cpu_ms_per_update"], 3)
    fast = ours["p99_ms"] < TARGET_P99_MS and (backend != "sqlite" or ratio >= TARGET_RATIO)
    summary = (
        f"{ours['updates']} sign-ins at {ours['updates_per_second']}/s "
        f"(bare {bare['updates_per_second']}/s, ratio {ratio:.2f}; "
        f"API floor {floor['updates_per_second']}/s = {floor_ratio:.2f} of bare, "
        f"ours {to_floor:.2f} of the floor), "
        f"p50 {ours['p50_ms']} ms, p99 {ours['p99_ms']} ms "
        f"(floor {floor['p50_ms']}, {floor['p99_ms']}), "
        f"CPU {ours['cpu_ms_per_update']} ms/update (bare {bare['cpu_ms_per_update']}, "
        f"floor {floor['cpu_ms_per_update']}), "
        f"{ours['sql_statements_per_update']} SQL/update, "
        f"{verified['members_signed_in']}/{expected} signed in once"
    )
    report(f"signin_{backend}", figures, summary, passed=complete and fast)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--database-url", help="PostgreSQL (wiped first); SQLite temp file if not")
    parser.add_argument("--profile", action="store_true", help="cProfile our burst")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(run(parse_args()))
