"""Broadcast benchmark: a composed broadcast through the real outbox sender against the local
Bot API server with Telegram's rate limits on (30 messages/s overall).

The broadcast is queued the way /broadcast queues it (`bot.services.broadcasts.create` by a
committee admin, urgent, to every party member), on a temporary SQLite file or on
`--database-url` (that database is wiped). What counts is what the chats received: copies per
recipient are read from the sandbox, delivery times from its event log, 429s from its tally
of Bot API answers.

Scenarios (each writes bench/results/broadcast_<scenario>.json and one summary line):

- clean: the real sender (real aiogram Bot and aiohttp session) against an in-process
  sandbox. Targets: achieved rate ÷ limit ≥ 0.95 (rate = intervals between the first and
  the last delivery ÷ the time between them), 0 lost, 0 duplicates, every row SENT, no 429
  from the sandbox's limits.
- faults: the same with 1% of sends answered 429 (retry_after 1). Targets: ratio ≥ 0.85,
  0 lost, 0 duplicates, every row SENT.
- kill: the real bot (`python -m bot run`, long polling) against a sandbox in another
  process (`python -m sandbox`), SIGKILLed when 40% are delivered and started again.
  Targets: 0 lost, repeats only among the rows claimed but unsent at the kill, the broadcast
  DONE with every row SENT. Reports the repeats and the time to resume.

    .venv/bin/python -m bench.broadcast_bench [--recipients 5000] [--scenario all]
        [--database-url postgresql+asyncpg://postgres@127.0.0.1:5432/zhibu_bench]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiogram import Bot
from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.common import report
from bench.world import committee_and_branch
from bot.config import Settings
from bot.i18n import load_core
from bot.outbox import OutboxSender, SenderConfig
from bot.renderers.registry import build_renderers
from bot.services import broadcasts, people
from bot.services.roles import Role
from sandbox import SandboxClient, SandboxLimits, SandboxServer
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade
from storage.models import (
    Base,
    Broadcast,
    BroadcastStatus,
    ContentType,
    Delivery,
    DeliveryStatus,
    Membership,
    Person,
)
from storage.uow import UnitOfWork

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "770001:broadcast-bench"
ADMIN_CHAT = 1_000
FIRST_CHAT = 700_000
TEXT = "十一月主题党日：请各位党员学习新修订的条例并按时参加支部活动。"
LIMIT = 30.0  # Telegram's (and the sandbox's default) messages a second for one bot
RATIO_TARGET = {"clean": 0.95, "faults": 0.85}
FAULT_PROBABILITY = 0.01
KILL_AT = 0.4
DEADLINE_SLACK = 120.0  # seconds beyond the paced time before a run is declared stuck


# --- the database ----------------------------------------------------------------------


async def _wipe(engine: AsyncEngine) -> None:
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


async def prepare_database(database_url: str | None, workdir: Path, name: str) -> str:
    """A migrated, empty database: a new SQLite file, or `database_url` wiped."""
    url = database_url or f"sqlite+aiosqlite:///{workdir / name}.db"
    await asyncio.to_thread(upgrade, url)
    if url.startswith("postgresql"):
        engine = create_engine(url)
        try:
            await _wipe(engine)
        finally:
            await engine.dispose()
    return url


async def queue_broadcast(database_url: str, recipients: int) -> tuple[int, list[int]]:
    """A committee with one branch of `recipients` members, and its admin's urgent broadcast
    to every party member, queued by the /broadcast flow's service: its id and chat ids."""
    engine = create_engine(database_url)
    session_factory = create_session_factory(engine)
    now = datetime.now(UTC)
    chat_ids = [FIRST_CHAT + n for n in range(recipients)]
    try:
        async with UnitOfWork(session_factory) as uow:
            committee, branch = await committee_and_branch(uow, now, ("BENCH", "BENCH-1"))
            admin = await uow.people.add(
                Person(
                    telegram_id=ADMIN_CHAT, display_name="组织部王", language="zh", created_at=now
                )
            )
            await uow.memberships.add(
                Membership(
                    person_id=admin.id, org_id=committee.id, role=Role.ADMIN, created_at=now
                )
            )
            person_ids = await uow.session.scalars(
                insert(Person).returning(Person.id),
                [
                    {
                        "telegram_id": c,
                        "display_name": f"党员{c}",
                        "language": "zh",
                        "created_at": now,
                    }
                    for c in chat_ids
                ],
            )
            await uow.session.execute(
                insert(Membership),
                [
                    {"person_id": p, "org_id": branch.id, "role": Role.MEMBER, "created_at": now}
                    for p in person_ids
                ],
            )
            await uow.commit()
        async with UnitOfWork(session_factory) as uow:
            fresh = await uow.people.get(admin.id)
            assert fresh is not None
            actor = await people.actor_for(uow, fresh)
            settings = Settings(_env_file=None, database_url=database_url)
            broadcast = await broadcasts.create(
                uow,
                actor,
                broadcasts.AudienceSpec(scope_id=committee.id, who=broadcasts.Who.PARTY),
                broadcasts.Content(ContentType.TEXT, TEXT),
                urgent=True,
                now=datetime.now(UTC),
                default_zone=settings.zone,
                quiet=settings.quiet,
                progress_chat_id=ADMIN_CHAT,
                progress_message_id=None,
                progress_locale="zh",
            )
            assert broadcast.total == recipients, broadcast.total
    finally:
        await engine.dispose()
    return broadcast.id, chat_ids


class Outbox:
    """What the bot's own rows of the broadcast say (the sandbox says what was delivered)."""

    def __init__(self, database_url: str, broadcast_id: int) -> None:
        self.broadcast_id = broadcast_id
        self.engine = create_engine(database_url)
        self._session_factory = create_session_factory(self.engine)

    async def close(self) -> None:
        await self.engine.dispose()

    async def status(self) -> BroadcastStatus:
        async with UnitOfWork(self._session_factory) as uow:
            found = await uow.session.scalar(
                select(Broadcast.status).where(Broadcast.id == self.broadcast_id)
            )
        assert found is not None, "the benchmark queued one broadcast"
        return BroadcastStatus(found)

    async def statuses(self) -> dict[str, int]:
        async with UnitOfWork(self._session_factory) as uow:
            rows = await uow.session.execute(
                select(Delivery.status, func.count())
                .where(Delivery.broadcast_id == self.broadcast_id)
                .group_by(Delivery.status)
            )
            return {str(DeliveryStatus(s)): int(n) for s, n in rows}

    async def claimed_unsent(self) -> set[int]:
        """Chats whose row was claimed by a sender and not yet marked: in flight."""
        async with UnitOfWork(self._session_factory) as uow:
            found = await uow.session.scalars(
                select(Delivery.chat_id).where(
                    Delivery.broadcast_id == self.broadcast_id,
                    Delivery.status == DeliveryStatus.PENDING,
                    Delivery.claimed_at.is_not(None),
                )
            )
            return set(found)


# --- watching the sandbox --------------------------------------------------------------


@dataclass
class Deliveries:
    """The broadcast's messages as the sandbox logged them, timed as they appear."""

    recipients: frozenset[int]
    times: list[float] = field(default_factory=list)
    after: int = 0

    @property
    def count(self) -> int:
        return len(self.times)

    async def follow(self, client: SandboxClient) -> None:
        """Read the event log until cancelled (a short nap between reads batches events)."""
        while True:
            events = await client.events(self.after, timeout=1.0)
            now = time.monotonic()
            for event in events:
                self.after = event["id"]
                message = event.get("message") or {}
                if (
                    event["type"] == "bot_message"
                    and event["chat_id"] in self.recipients
                    and TEXT in (message.get("text") or "")
                ):
                    self.times.append(now)
            await asyncio.sleep(0.05)

    def rate(self) -> float:
        """Messages a second between the first delivery and the last."""
        if self.count < 2 or self.times[-1] <= self.times[0]:
            return 0.0
        return (self.count - 1) / (self.times[-1] - self.times[0])


@contextlib.asynccontextmanager
async def following(deliveries: Deliveries, client: SandboxClient) -> AsyncIterator[None]:
    task = asyncio.create_task(deliveries.follow(client))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def until(
    predicate: Callable[[], Awaitable[bool]], seconds: float, what: str, step: float = 0.2
) -> None:
    deadline = time.monotonic() + seconds
    while not await predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what} after {seconds:.0f} s")
        await asyncio.sleep(step)


async def bot_api_calls(client: SandboxClient) -> int:
    """Bot API requests the sandbox has answered, but getUpdates: a killed bot's long poll is
    still answered when it times out."""
    methods = (await client.traffic())["methods"]
    return sum(
        int(n)
        for method, statuses in methods.items()
        if method != "getUpdates"
        for n in statuses.values()
    )


def copies(chat_ids: list[int], counts: dict[int, int]) -> dict[str, int]:
    per_recipient = Counter(counts.get(c, 0) for c in chat_ids)
    return {
        "lost": per_recipient[0],
        "exactly_once": per_recipient[1],
        "duplicated": sum(n for k, n in per_recipient.items() if k > 1),
        "extra_copies": sum((k - 1) * n for k, n in per_recipient.items() if k > 1),
    }


async def too_many_requests(client: SandboxClient) -> dict[str, Any]:
    """429s the sandbox answered: all of them, injected ones, and its rate limits' own, with
    every Bot API answer by method and status (which method met the limits)."""
    traffic = await client.traffic()
    answered = int(traffic["too_many_requests"])
    injected = sum(
        int(rule["injected"]) for rule in (await client.faults())["rules"] if rule["code"] == 429
    )
    return {
        "answered": answered,
        "injected": injected,
        "rate_limited": answered - injected,
        "bot_api_answers": traffic["methods"],
    }


# --- clean and faults: the sender in this process --------------------------------------


async def in_process(scenario: str, args: argparse.Namespace, workdir: Path) -> bool:
    database_url = await prepare_database(args.database_url, workdir, scenario)
    broadcast_id, chat_ids = await queue_broadcast(database_url, args.recipients)
    settings = Settings(_env_file=None, database_url=database_url, send_rate=LIMIT)
    async with SandboxServer(TOKEN, limits=SandboxLimits(), web_root=None) as server:
        server.state.add_user("组织部王", user_id=ADMIN_CHAT, language_code="zh")
        for chat_id in chat_ids:
            server.state.add_user(f"党员{chat_id}", user_id=chat_id)
        client = server.client()
        bot = Bot(TOKEN, session=server.aiogram_session())
        engine = create_engine(database_url)
        outbox_rows = Outbox(database_url, broadcast_id)
        sender = OutboxSender(
            bot,
            create_session_factory(engine),
            build_renderers(),
            await load_core(),
            SenderConfig.from_settings(settings),
        )
        if scenario == "faults":
            await client.clear_faults(seed=args.seed)
            await client.inject_fault(429, probability=FAULT_PROBABILITY, retry_after=1)
        deliveries = Deliveries(frozenset(chat_ids))
        started = time.monotonic()
        try:
            async with following(deliveries, client):
                await sender.start()

                async def done() -> bool:
                    return await outbox_rows.status() == BroadcastStatus.DONE

                await until(done, args.recipients / LIMIT + DEADLINE_SLACK, "the broadcast")
                await sender.stop()
                await asyncio.sleep(0.5)  # the log's last events
            wall = time.monotonic() - started
            counts = await client.bot_message_counts(TEXT)
            refused = await too_many_requests(client)
            rows = await outbox_rows.statuses()
        finally:
            await sender.stop()
            await client.close()
            await bot.session.close()
            await outbox_rows.close()
            await engine.dispose()

    tally = copies(chat_ids, counts)
    rate = deliveries.rate()
    ratio = rate / LIMIT
    all_sent = rows == {str(DeliveryStatus.SENT): args.recipients}
    checks = {
        f"ratio ≥ {RATIO_TARGET[scenario]}": ratio >= RATIO_TARGET[scenario],
        "0 lost": tally["lost"] == 0,
        "0 duplicates": tally["duplicated"] == 0,
        "every row SENT": all_sent,
    }
    if scenario == "clean":
        checks["no 429 from the limits"] = refused["rate_limited"] == 0
    passed = all(checks.values())
    figures = {
        "database": _backend(database_url),
        "recipients": args.recipients,
        "limit_per_second": LIMIT,
        "sender": {
            "rate": settings.send_rate,
            "concurrency": settings.send_concurrency,
        },
        "injected_429_probability": FAULT_PROBABILITY if scenario == "faults" else 0.0,
        "delivered": deliveries.count,
        "achieved_per_second": round(rate, 3),
        "ratio_to_limit": round(ratio, 4),
        **tally,
        "too_many_requests": refused,
        "rows": rows,
        "wall_seconds": round(wall, 2),
        "delivery_seconds": round(deliveries.times[-1] - deliveries.times[0], 2)
        if deliveries.count > 1
        else 0.0,
        "checks": checks,
    }
    summary = (
        f"{args.recipients} recipients, {rate:.2f} msg/s = {ratio:.3f} of {LIMIT:.0f}/s "
        f"(target ≥ {RATIO_TARGET[scenario]}), lost {tally['lost']}, "
        f"duplicates {tally['duplicated']}, 429s {refused['answered']} "
        f"({refused['injected']} injected), {wall:.1f} s wall"
    )
    report(f"broadcast_{scenario}", figures, summary, passed=passed)
    return passed


# --- kill: the real bot in its own process ---------------------------------------------


def _backend(database_url: str) -> str:
    return "postgresql" if database_url.startswith("postgresql") else "sqlite"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def start_sandbox(recipients: int, log_path: Path) -> tuple[asyncio.subprocess.Process, str]:
    """`python -m sandbox` in its own process (its counts outlive the bot's kill)."""
    port = _free_port()
    log = log_path.open("wb")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "sandbox",
        "--port",
        str(port),
        "--token",
        TOKEN,
        "--users",
        str(recipients),
        "--first-user-id",
        str(FIRST_CHAT),
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    log.close()
    base_url = f"http://127.0.0.1:{port}"
    async with SandboxClient(base_url) as client:

        async def up() -> bool:
            if process.returncode is not None:
                raise RuntimeError(f"the sandbox exited; see {log_path}")
            try:
                await client.bot_info()
            except OSError:
                return False
            return True

        await until(up, 30, "the sandbox to listen")
    return process, base_url


async def start_bot(
    database_url: str, base_url: str, log_path: Path
) -> asyncio.subprocess.Process:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ZHIBU_")},
        "ZHIBU_DATABASE_URL": database_url,
        "ZHIBU_BOT_TOKEN": TOKEN,
        "ZHIBU_BOT_API_SERVER": base_url,
        "ZHIBU_SEND_RATE": str(LIMIT),
        "ZHIBU_SCHEDULER_POLL_SECONDS": "0.2",
        "ZHIBU_LOG_LEVEL": "WARNING",
    }
    with log_path.open("ab") as log:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=ROOT, env=env, stdout=log, stderr=log
        )


async def stop(process: asyncio.subprocess.Process, sig: int) -> None:
    if process.returncode is None:
        process.send_signal(sig)
    await asyncio.wait_for(process.wait(), 30)


async def kill(args: argparse.Namespace, workdir: Path) -> bool:
    database_url = await prepare_database(args.database_url, workdir, "kill")
    broadcast_id, chat_ids = await queue_broadcast(database_url, args.recipients)
    sandbox, base_url = await start_sandbox(args.recipients, workdir / "sandbox.log")
    bot_log = workdir / "bot.log"
    outbox_rows = Outbox(database_url, broadcast_id)
    client = SandboxClient(base_url)
    bot: asyncio.subprocess.Process | None = None
    try:
        await client.create_user("组织部王", id=ADMIN_CHAT, language_code="zh")
        deliveries = Deliveries(frozenset(chat_ids))
        async with following(deliveries, client):
            started = time.monotonic()
            bot = await start_bot(database_url, base_url, bot_log)
            kill_at = int(args.recipients * KILL_AT)

            async def enough() -> bool:
                assert bot is not None and bot.returncode is None, bot_log.read_text()
                return deliveries.count >= kill_at

            await until(enough, kill_at / LIMIT + DEADLINE_SLACK, f"{kill_at} deliveries")
            await stop(bot, signal.SIGKILL)
            killed = time.monotonic()
            await asyncio.sleep(1.0)  # requests the sandbox had already taken
            at_kill = await client.bot_message_counts(TEXT)
            in_flight = await outbox_rows.claimed_unsent()
            rows_at_kill = await outbox_rows.statuses()
            delivered_before = deliveries.count

            calls_before = await bot_api_calls(client)
            restarted = time.monotonic()
            bot = await start_bot(database_url, base_url, bot_log)

            async def talking() -> bool:
                return await bot_api_calls(client) > calls_before

            await until(talking, DEADLINE_SLACK, "the restarted bot's first request", 0.05)
            first_request = time.monotonic()

            async def resumed() -> bool:
                assert bot is not None and bot.returncode is None, bot_log.read_text()
                return deliveries.count > delivered_before

            await until(resumed, DEADLINE_SLACK, "the first delivery after the restart")
            first_after = time.monotonic()

            async def done() -> bool:
                assert bot is not None and bot.returncode is None, bot_log.read_text()
                return await outbox_rows.status() == BroadcastStatus.DONE

            await until(done, args.recipients / LIMIT + DEADLINE_SLACK, "the broadcast")
            finished = time.monotonic()
            await stop(bot, signal.SIGTERM)
            await asyncio.sleep(0.5)
        counts = await client.bot_message_counts(TEXT)
        refused = await too_many_requests(client)
        rows = await outbox_rows.statuses()
    finally:
        if bot is not None and bot.returncode is None:
            await stop(bot, signal.SIGKILL)
        await client.close()
        await outbox_rows.close()
        await stop(sandbox, signal.SIGTERM)

    tally = copies(chat_ids, counts)
    repeated = {c for c in chat_ids if counts.get(c, 0) > 1}
    checks = {
        "0 lost": tally["lost"] == 0,
        "repeats only among rows in flight at the kill": repeated <= in_flight,
        "at most two copies": all(counts.get(c, 0) <= 2 for c in chat_ids),
        "every row SENT": rows == {str(DeliveryStatus.SENT): args.recipients},
    }
    passed = all(checks.values())
    figures = {
        "database": _backend(database_url),
        "recipients": args.recipients,
        "limit_per_second": LIMIT,
        "killed_after_delivered": sum(1 for c in chat_ids if at_kill.get(c, 0) > 0),
        "rows_at_kill": rows_at_kill,
        "claimed_unsent_at_kill": len(in_flight),
        **tally,
        "repeated_within_claimed_unsent": len(repeated & in_flight),
        "seconds_to_resume": round(first_after - restarted, 2),
        "seconds_to_first_bot_api_request": round(first_request - restarted, 2),
        "seconds_first_request_to_resume": round(first_after - first_request, 2),
        "seconds_from_kill_to_resume": round(first_after - killed, 2),
        "seconds_restart_to_done": round(finished - restarted, 2),
        "wall_seconds": round(finished - started, 2),
        "too_many_requests": refused,
        "rows": rows,
        "checks": checks,
    }
    summary = (
        f"{args.recipients} recipients, bot SIGKILLed at "
        f"{figures['killed_after_delivered']} delivered with {len(in_flight)} rows in flight; "
        f"lost {tally['lost']}, repeated {tally['duplicated']} (all in flight: "
        f"{repeated <= in_flight}), resumed {first_after - restarted:.1f} s after the restart"
    )
    report("broadcast_kill", figures, summary, passed=passed)
    return passed


# --- entry point -----------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.broadcast_bench", description=__doc__)
    parser.add_argument("--recipients", type=int, default=5000)
    parser.add_argument("--scenario", choices=("all", "clean", "faults", "kill"), default="all")
    parser.add_argument(
        "--database-url", default=None, help="PostgreSQL to run on (wiped); default SQLite"
    )
    parser.add_argument("--seed", type=int, default=10, help="the injected faults' seed")
    return parser.parse_args(argv)


async def main(args: argparse.Namespace) -> bool:
    scenarios = ("clean", "faults", "kill") if args.scenario == "all" else (args.scenario,)
    passed = True
    with tempfile.TemporaryDirectory(prefix="zhibu-broadcast-") as tmp:
        workdir = Path(tmp)
        for scenario in scenarios:
            if scenario == "kill":
                passed = await kill(args, workdir) and passed
            else:
                passed = await in_process(scenario, args, workdir) and passed
    return passed


if __name__ == "__main__":
    sys.exit(0 if asyncio.run(main(parse_args())) else 1)
