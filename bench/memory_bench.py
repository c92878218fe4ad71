"""Resident memory of the real bot: idle after start-up, and how it grows over 100,000 updates.

    .venv/bin/python -m bench.memory_bench [--updates 100000] [--people 400] [--workers 16]

It seeds a SQLite database (the demo's committee, branches, people, meetings, dues, guidance
and tickets, plus `--people` extra members of the demo branches, and a branch meeting
starting in ten minutes, open for sign-in by tap or code, to which every branch member is
invited), starts the local Bot API server in this process (rate limits off), and starts the
bot as operators do in its own process: `python -m bot webhook` with the ZHIBU_* settings.

It reads the bot's VmRSS (/proc/<pid>/status) idle, a few seconds after the webhook is
registered, then POSTs `--updates` updates to the bot's webhook as Telegram does (with the
secret token, `--workers` at a time, each person's updates one after another), sampling the
RSS every `--sample-every` updates. The updates are what people do, made by the local Bot
API server so they refer to real chats and messages: /start, commands (/meetings /dues
/deadlines /attendance /tickets /help /me), taps on the inline buttons of the bot's latest
message (menus, sign-in, dues, tickets...; report charts and XLSX exports left out, they
load matplotlib and openpyxl, a one-off, and take seconds each), texts typed into flows (a
sign-in code, names, descriptions), locations, presses on old messages and with forged or
expired callback data, and messages from strangers (a new Telegram user each time).

Figures: RSS idle, after the warm-up (the first `--warmup` updates), at each sample and at
the end; growth from idle and from the warm-up; updates/s; the webhook's answers by status.
Targets (issue 10): idle <= 150 MB; growth after the warm-up <= 10 % (growth from idle is
reported too: it includes the validators and caches built on first use).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import random
import secrets
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp

from bench.common import report
from bot.keyboards.dues import BranchAction, BranchCB

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "424242:memory-bench"
SECRET = "memory-bench-secret"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
FIRST_MEMBER_ID = 300_001
FIRST_STRANGER_ID = 900_000_001
MEETING_CODE = "2468"
# callback prefixes a random walk does not press: report charts and XLSX exports (matplotlib,
# openpyxl, seconds of CPU each), and publishing broadcasts or guidance to whole committees
SKIPPED_PREFIXES = ("rp", "rpx", "rpw", "dr", "tn", "bf", "gf", "gfile")
SKIPPED_LEDGER_ACTIONS = (BranchAction.MONTH_XLSX, BranchAction.YEAR_XLSX)  # XLSX, as above
COMMANDS = ("/meetings", "/dues", "/deadlines", "/attendance", "/tickets", "/help", "/me")
TEXTS = (MEETING_CODE, "到", "1357", "巴特尔", "楼道灯坏了，请帮忙看看", "yes", "/cancel", "12.5")
KEPT_MESSAGES = 40  # per chat in the local Bot API server, so the bench's own memory stays flat


def skipped(data: str) -> bool:
    """A button the random walk leaves alone (see SKIPPED_PREFIXES)."""
    prefix = data.split(":", 1)[0]
    if prefix == BranchCB.__prefix__:
        return BranchCB.unpack(data).action in SKIPPED_LEDGER_ACTIONS
    return prefix in SKIPPED_PREFIXES


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB, as the kernel counts it."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError(f"no VmRSS for process {pid}")


def threads(pid: int) -> int:
    """The process's threads: each aiosqlite connection runs one (and may get a malloc arena)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return 0


def native_libraries(pid: int) -> list[str]:
    """Which of the heavy optional packages have native code mapped in the process (numpy,
    libsndfile, WebRTC VAD, PIL, matplotlib): the voice checks, exports and charts load
    them on first use only."""
    heavy = ("numpy", "_soundfile_data", "webrtcvad", "PIL", "matplotlib")
    maps = Path(f"/proc/{pid}/maps").read_text()
    return [name for name in heavy if f"site-packages/{name}" in maps]


async def seed(database_url: str, people_count: int, now: datetime) -> list[tuple[int, str]]:
    """The demo's data, `people_count` more members, and a meeting open for sign-in."""
    from sqlalchemy import select

    from bot import demo
    from bot.services import people
    from bot.services.access import OPERATOR
    from bot.services.roles import Audience, MeetingKind, Role
    from storage.db import create_engine, create_session_factory
    from storage.migrate import upgrade
    from storage.models import Invitation, InvitationResponse, Meeting, Membership
    from storage.uow import UnitOfWork

    await asyncio.to_thread(upgrade, database_url)
    engine = create_engine(database_url)
    factory = create_session_factory(engine)
    everyone = [(p.telegram_id, p.language_code) for p in demo.PERSONAS]
    try:
        async with UnitOfWork(factory) as uow:
            await demo.seed(uow, now)
        async with UnitOfWork(factory) as uow:
            orgs = await uow.organizations.by_codes(["DEMO-HY", "DEMO-HY-G1", "DEMO-BJ"])
            places = ("DEMO-HY", "DEMO-HY-G1", "DEMO-BJ")
            for number in range(people_count):
                telegram_id = FIRST_MEMBER_ID + number
                language = ("zh", "zh", "mn", "en")[number % 4]
                actor = await people.enter(uow, telegram_id, f"党员{number}", language, now)
                person = await uow.people.get(actor.person_id or 0)
                assert person is not None
                place = places[number % 3]
                role = Role.RESIDENT if place == "DEMO-BJ" and number % 2 else Role.MEMBER
                await people.grant(uow, OPERATOR, person, orgs[place], role, now)
                everyone.append((telegram_id, language))
            await uow.commit()
            branch = orgs["DEMO-HY"]
            secretary = (await uow.people.by_telegram_ids({100002}))[100002]
            meeting = Meeting(
                org_id=branch.id,
                kind=MeetingKind.GENERAL_MEETING,
                title="支部党员大会：冬季防火与党费收缴",
                starts_at=now + timedelta(minutes=10),
                venue="嘎查党群服务中心",
                methods=["tap", "code"],
                audience=Audience.BRANCH,
                audience_org_id=branch.id,
                code=MEETING_CODE,
                reminder_minutes=[],
                created_by_id=secretary.id,
                created_at=now - timedelta(days=2),
                updated_at=now - timedelta(days=2),
            )
            uow.session.add(meeting)
            await uow.session.flush()
            members = await uow.session.scalars(
                select(Membership.person_id)
                .where(Membership.org_id.in_([branch.id, orgs["DEMO-HY-G1"].id]))
                .distinct()
            )
            for person_id in members:
                uow.session.add(
                    Invitation(
                        meeting_id=meeting.id,
                        person_id=person_id,
                        response=InvitationResponse.ATTENDING,
                    )
                )
            await uow.commit()
    finally:
        await engine.dispose()
    return everyone


@dataclass
class Traffic:
    """What the bench sent and how the bot answered."""

    kinds: Counter[str] = field(default_factory=Counter)
    statuses: Counter[int] = field(default_factory=Counter)
    sent: int = 0


class Crowd:
    """People acting on the local Bot API server; each update is made there (so the bot can
    answer, edit and be pressed as on Telegram) and POSTed to the bot by the caller."""

    def __init__(self, server: Any, rng: random.Random) -> None:
        from sandbox.control import Control

        self.state = server.state
        self.control = Control(self.state)
        self.rng = rng
        self.strangers = itertools.count(FIRST_STRANGER_ID)

    def _take_update(self) -> dict[str, Any]:
        update: dict[str, Any] = self.state.updates.pop()
        self.state.updates.clear()
        return update

    def _trim(self, chat_id: int) -> None:
        messages = self.state.chats[chat_id].messages
        if len(messages) > KEPT_MESSAGES:
            for message_id in sorted(messages)[: len(messages) - KEPT_MESSAGES]:
                del messages[message_id]

    def text(self, user_id: int, text: str) -> dict[str, Any]:
        self.control.send({"user_id": user_id, "text": text})
        self._trim(user_id)
        return self._take_update()

    def location(self, user_id: int) -> dict[str, Any]:
        self.control.send(
            {
                "user_id": user_id,
                "location": {
                    "latitude": 40.6 + self.rng.random() / 100,
                    "longitude": 109.8 + self.rng.random() / 100,
                },
            }
        )
        return self._take_update()

    def _buttons(self, user_id: int, latest: bool) -> list[tuple[int, str]]:
        messages = [
            m
            for m in self.state.chats[user_id].messages.values()
            if m.from_bot and not m.deleted and "reply_markup" in m.message
        ]
        if latest:
            messages = messages[-1:]
        return [
            (m.message_id, button["callback_data"])
            for m in messages
            for row in (m.message.get("reply_markup") or {}).get("inline_keyboard", [])
            for button in row
            if "callback_data" in button and not skipped(button["callback_data"])
        ]

    def press(self, user_id: int) -> dict[str, Any] | None:
        """A tap on a button of the bot's latest message with buttons, if there is one."""
        buttons = self._buttons(user_id, latest=True)
        if not buttons:
            return None
        message_id, data = self.rng.choice(buttons)
        self.control.press({"user_id": user_id, "message_id": message_id, "callback_data": data})
        return self._take_update()

    def stale_press(self, user_id: int) -> dict[str, Any] | None:
        """A press on an old message, or with forged data, or with an expired query id."""
        buttons = self._buttons(user_id, latest=False)
        if not buttons:
            return None
        message_id, data = self.rng.choice(buttons)
        trick = self.rng.randrange(3)
        if trick == 1:  # forged: another meeting, ticket or branch than the one shown
            head, _, _ = data.partition(":")
            data = f"{head}:{self.rng.randrange(1, 10**6)}:{self.rng.randrange(1, 99)}"[:64]
        stored = self.state.chats[user_id].messages[message_id]
        query_id = (
            str(secrets.randbits(62))
            if trick == 2  # never issued: answering it fails like an expired query
            else self.state.new_callback(user_id, user_id, message_id, data).id
        )
        return {
            "update_id": 0,
            "callback_query": {
                "id": query_id,
                "from": self.state.users[user_id],
                "message": stored.api_json(),
                "chat_instance": self.state.chat_instance(user_id),
                "data": data,
            },
        }

    def stranger(self) -> dict[str, Any]:
        """A message from someone the bot has never seen: a new Telegram user."""
        user_id = next(self.strangers)
        self.control.create_user({"id": user_id, "first_name": "Visitor", "language_code": "zh"})
        text = self.rng.choice(("/start", "你好", "/meetings", "/dues", "hello"))
        return self.text(user_id, text)

    def next_update(self, user_id: int) -> tuple[str, dict[str, Any]]:
        """What this person does next, by rough weights of a working day."""
        roll = self.rng.random()
        if roll < 0.06:
            return "stranger", self.stranger()
        if roll < 0.11:
            return "start", self.text(user_id, "/start")
        if roll < 0.28:
            return "command", self.text(user_id, self.rng.choice(COMMANDS))
        if roll < 0.36:
            return "text", self.text(user_id, self.rng.choice(TEXTS))
        if roll < 0.39:
            return "location", self.location(user_id)
        if roll < 0.46:
            update = self.stale_press(user_id)
            if update is not None:
                return "stale_press", update
        update = self.press(user_id)
        if update is not None:
            return "press", update
        return "command", self.text(user_id, self.rng.choice(COMMANDS))


async def wait_for(check: Any, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(0.1)
    raise RuntimeError(f"timed out waiting for {what}")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def run(args: argparse.Namespace) -> None:
    from sandbox.limits import SandboxLimits
    from sandbox.server import SandboxServer

    # stopped (SIGTERM, Ctrl-C): unwind, so the bot process is stopped too
    main_task = asyncio.current_task()
    assert main_task is not None
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, main_task.cancel)
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="zhibu-memory-"))
    database_url = f"sqlite+aiosqlite:///{folder / 'bench.db'}"
    now = datetime.now(UTC)
    everyone = await seed(database_url, args.people, now)

    server = SandboxServer(TOKEN, "zhibu_bench_bot", SandboxLimits(enabled=False))
    api_url = await server.start("127.0.0.1", 0)
    crowd = Crowd(server, rng)
    for telegram_id, language in everyone:
        crowd.control.create_user(
            {"id": telegram_id, "first_name": f"u{telegram_id}", "language_code": language}
        )

    port = free_port()
    webhook_url = f"http://127.0.0.1:{port}/telegram"
    environment = {
        **os.environ,
        "ZHIBU_BOT_TOKEN": TOKEN,
        "ZHIBU_DATABASE_URL": database_url,
        "ZHIBU_BOT_API_SERVER": api_url,
        "ZHIBU_WEBHOOK_URL": webhook_url,
        "ZHIBU_WEBHOOK_SECRET": SECRET,
        "ZHIBU_WEBHOOK_HOST": "127.0.0.1",
        "ZHIBU_WEBHOOK_PORT": str(port),
        "ZHIBU_WEBHOOK_PATH": "/telegram",
        "ZHIBU_LOG_LEVEL": args.log_level,
        "PYTHONPATH": str(ROOT),
    }
    environment.pop("ZHIBU_REDIS_URL", None)  # conversations in memory: one process
    log_path = folder / "bot.log"
    with log_path.open("wb") as log_file:
        bot = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "webhook",
            cwd=folder,  # no .env from the repository: only the settings above
            env=environment,
            stdout=log_file,
            stderr=log_file,
        )
        try:
            figures = await measure(args, bot.pid, crowd, webhook_url, server, everyone)
        finally:
            with contextlib.suppress(ProcessLookupError):
                bot.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(bot.wait(), 30)
            except TimeoutError:
                bot.kill()
            await server.stop()
    errors = [
        line
        for line in log_path.read_text(errors="replace").splitlines()
        if " ERROR " in line or "Traceback" in line
    ]
    figures["bot_log_errors"] = len(errors)
    figures["bot_log_first_errors"] = errors[:5]
    figures["bot_log"] = str(log_path)
    idle, warm, final = (
        figures["rss_mb"]["idle"],
        figures["rss_mb"]["warm"],
        figures["rss_mb"]["end"],
    )
    passed = idle <= 150 and final <= warm * 1.10
    report(
        "memory",
        figures,
        f"idle {idle} MB (target <= 150), after {args.warmup:,} updates {warm} MB, after "
        f"{figures['updates']:,} {final} MB: +{figures['growth_from_warm_percent']}% from the "
        f"warm-up (target <= 10%), +{figures['growth_from_idle_percent']}% from idle; "
        f"{figures['updates_per_second']} updates/s",
        passed=passed,
    )


async def measure(
    args: argparse.Namespace,
    pid: int,
    crowd: Crowd,
    webhook_url: str,
    server: Any,
    everyone: list[tuple[int, str]],
) -> dict[str, Any]:
    async with aiohttp.ClientSession() as session:

        async def healthy() -> bool:
            if server.state.webhook.url != webhook_url:
                return False
            try:
                async with session.get(webhook_url.replace("/telegram", "/healthz")) as r:
                    return r.status == 200
            except aiohttp.ClientError:
                return False

        started = time.monotonic()
        await wait_for(healthy, 120, "the bot to register its webhook")
        start_up_seconds = round(time.monotonic() - started, 2)
        await asyncio.sleep(args.idle_seconds)
        idle = rss_mb(pid)
        idle_threads = threads(pid)
        idle_libraries = native_libraries(pid)

        traffic = Traffic()
        samples: list[dict[str, Any]] = []
        update_ids = itertools.count(1)
        people_ids = [telegram_id for telegram_id, _ in everyone]
        rng = crowd.rng
        rng.shuffle(people_ids)
        lanes = [people_ids[i :: args.workers] for i in range(args.workers)]
        warm = idle
        began = time.monotonic()

        async def post(update: dict[str, Any]) -> None:
            update["update_id"] = next(update_ids)
            async with session.post(
                webhook_url, json=update, headers={SECRET_HEADER: SECRET}
            ) as response:
                await response.read()
                traffic.statuses[response.status] += 1

        async def lane(people: list[int]) -> None:
            nonlocal warm
            while traffic.sent < args.updates:
                traffic.sent += 1
                count = traffic.sent
                kind, update = crowd.next_update(rng.choice(people))
                traffic.kinds[kind] += 1
                await post(update)
                if count == args.warmup:
                    warm = rss_mb(pid)
                if count % args.sample_every == 0 or count == args.updates:
                    elapsed = time.monotonic() - began
                    samples.append(
                        {
                            "updates": count,
                            "rss_mb": rss_mb(pid),
                            "threads": threads(pid),
                            "seconds": round(elapsed, 1),
                        }
                    )
                    sys.stderr.write(f"  {count:>7,} updates  {samples[-1]['rss_mb']} MB\n")

        await asyncio.gather(*(lane(people) for people in lanes))
        elapsed = time.monotonic() - began
        await asyncio.sleep(1)
        end = rss_mb(pid)

    return {
        "updates": traffic.sent,
        "people": len(everyone),
        "workers": args.workers,
        "start_up_seconds": start_up_seconds,
        "rss_mb": {"idle": idle, "warm": warm, "end": end},
        "growth_from_idle_percent": round(100 * (end - idle) / idle, 1),
        "growth_from_warm_percent": round(100 * (end - warm) / warm, 1),
        "updates_per_second": round(traffic.sent / elapsed, 1),
        "seconds": round(elapsed, 1),
        "kinds": dict(traffic.kinds.most_common()),
        "webhook_answers": {str(k): v for k, v in sorted(traffic.statuses.items())},
        "threads": {"idle": idle_threads, "end": threads(pid)},
        "native_libraries": {"idle": idle_libraries, "end": native_libraries(pid)},
        "samples": samples,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=100_000)
    parser.add_argument("--warmup", type=int, default=5_000)
    parser.add_argument("--sample-every", type=int, default=5_000)
    parser.add_argument("--people", type=int, default=400, help="members beyond the demo's")
    parser.add_argument("--workers", type=int, default=16, help="updates in flight at once")
    parser.add_argument("--idle-seconds", type=float, default=3.0)
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    args.warmup = min(args.warmup, args.updates)
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
