"""How long the scheduler's sweeps take over a whole city on SQLite, and how many SQL
statements they execute (issue 10, benchmark 3).

    .venv/bin/python -m bench.sweep_bench [--db PATH] [--runs N] [--only SCENARIO ...]
                                          [--profile]

The data set (built once per size; reused when the file exists, by default in the system's
temporary folder): a root committee over district committees of 100 branches each, one
branch in five with two party groups; zones mostly the default Asia/Shanghai, one branch in
ten in Asia/Hovd or Asia/Urumqi; 30 members a branch (one in a hundred without a dues
profile, some exempt, some moved branch in July or reassessed in May, 97% on Telegram), each
member's credits of 2026 paid through October for most and up to eight months in arrears
for some, with gaps; the meetings of 2026 of the 三会一课 (committee meetings, themed party
days, group meetings monthly; general meetings and lectures quarterly; the yearly ones for a
few), about nine in ten held with confirmed sign-ins, so some branches are behind. Then the
real sweeps run at earlier moments (dues cycle on 5 and 12 October, deadline sweep on
1 November) so the reminder marks are what a running system has, and the outbox is emptied.

Timed, each run on a fresh copy of the file, through bot/reminders/dues.py
`run_dues_cycle` and bot/reminders/deadlines.py `run_deadline_sweeps` as the scheduler
calls them (default settings: dues day 5, digest 7 days later, 09:00 local):
- dues, ordinary moment (9 Nov, nothing due); dues day (5 Nov 03:05 UTC, 09:00 has passed
  in every zone: every branch's reminders, one personal row per member owing); digest
  (12 Nov: digests, arrears warnings, escalations; most members paid November meanwhile);
- deadlines, ordinary moment (27 Nov); month reminders (25 Nov: monthly kinds neither held
  nor scheduled); month end (1 Dec: November's missed reports, the yearly reminders).
Statements are counted with a before_cursor_execute listener (an executemany counts once)
at 1,000 and 10,000 branches; rows queued are the broadcasts and deliveries the run added.
Next to the wall time, the process's CPU time (SQLite's thread included), which a busy
machine distorts less. --profile prints each statement's time and a cProfile of the timed
runs to stderr. Building takes about 4 minutes and 1.2 GB of disk (both sizes, both
snapshots); the runs copy a snapshot each time.

Targets: each sweep ≤ 2 s (median of --runs) on SQLite at 10,000 branches and 300,000
members; statements the same at 1,000 and 10,000 branches.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, event, insert
from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bench.common import report
from bench.world import meeting_row
from bot.config import Settings
from bot.reminders.deadlines import run_deadline_sweeps
from bot.reminders.dues import policy_of, run_dues_cycle
from bot.services.dues_cycle import CycleCounts, expand_due
from bot.services.dues_rules import DuesCategory
from bot.services.periods import month_index
from bot.services.roles import Level, MeetingKind, Role, SignInMethod
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade
from storage.models import (
    Attendance,
    AttendanceStatus,
    DuesCredit,
    DuesPayment,
    DuesProfile,
    Meeting,
    Membership,
    Organization,
    PaymentStatus,
    Person,
)
from storage.uow import UnitOfWork

DATA_VERSION = 2  # bump when the data set changes: cached files carry it in their name
SIZES = (1_000, 10_000)
BRANCHES_PER_COMMITTEE = 100
MEMBERS_EACH = 30
TARGET_S = 2.0
SHANGHAI = ZoneInfo("Asia/Shanghai")
EARLY = datetime(2025, 12, 1, tzinfo=UTC)
JANUARY, MAY, JULY, OCTOBER, NOVEMBER = (month_index(2026, m) for m in (1, 5, 7, 10, 11))
CHUNK = 50_000


def _at(month: int, day: int, hour: int = 3, minute: int = 5) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


# Sweeps run while building, so the marks are those of a system that has been running.
WARM_UP_DUES = (_at(10, 5), _at(10, 12))
WARM_UP_DEADLINES = (_at(11, 1),)
# Timed on the first snapshot (right after the warm-up) ...
DUES_DAY = _at(11, 5)
DEADLINE_REMINDERS = _at(11, 25)
# ... and on the second: the first plus those two sweeps and November's payments.
DUES_ORDINARY = _at(11, 9)
DUES_DIGEST = _at(11, 12)
DEADLINE_ORDINARY = _at(11, 27)
DEADLINE_MONTH_END = _at(12, 1)


class Writer:
    """Buffers rows per table and inserts them with Core executemany in chunks, so building
    300,000 members and their three million credits never holds them all in memory."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._rows: dict[Any, list[dict[str, Any]]] = {}
        self.counts: dict[str, int] = {}

    def add(self, model: Any, row: dict[str, Any]) -> None:
        rows = self._rows.setdefault(model, [])
        rows.append(row)
        if len(rows) >= CHUNK:
            self._flush(model)

    def _flush(self, model: Any) -> None:
        rows = self._rows.pop(model, [])
        if rows:
            with self._engine.begin() as connection:
                connection.execute(insert(model), rows)
            name = model.__tablename__
            self.counts[name] = self.counts.get(name, 0) + len(rows)

    def close(self) -> None:
        for model in list(self._rows):
            self._flush(model)


@dataclass
class Ids:
    org: int = 0
    person: int = 0
    payment: int = 0
    meeting: int = 0

    def next(self, name: str) -> int:
        value = int(getattr(self, name)) + 1
        setattr(self, name, value)
        return value


def _zone_of(number: int) -> str | None:
    """Most branches leave the zone to the default (Shanghai); one in ten is further west."""
    return {3: "Asia/Shanghai", 7: "Asia/Hovd", 13: "Asia/Urumqi"}.get(number % 20)


def _paid_through(rng: random.Random) -> int:
    """The last month paid: most paid October, some are months behind (the arrears)."""
    draw = rng.random()
    for share, month in (
        (0.72, OCTOBER),
        (0.82, OCTOBER - 1),
        (0.88, OCTOBER - 2),
        (0.92, OCTOBER - 3),  # three unpaid at the October digest's judgement: warned
        (0.95, OCTOBER - 4),
        (0.97, OCTOBER - 5),  # six unpaid by November: escalated
        (0.98, OCTOBER - 7),
    ):
        if draw < share:
            return month
    return NOVEMBER + 1  # prepaid through December


def _build_rows(writer: Writer, branches: int, rng: random.Random) -> list[tuple[int, int]]:
    """Every row of the data set; returns (member, branch) of those paid through October,
    who pay November between the dues day and the digest."""
    ids = Ids()
    late_payers: list[tuple[int, int]] = []

    def org(parent: tuple[int, str] | None, level: Level, **extra: Any) -> tuple[int, str]:
        number = ids.next("org")
        path = f"{parent[1] if parent else '/'}{number}/"
        writer.add(
            Organization,
            {
                "id": number,
                "code": f"O{number}",
                "name": f"组织{number}",
                "level": level,
                "parent_id": parent[0] if parent else None,
                "path": path,
                "timezone": extra.pop("timezone", None),
                "settings": extra.pop("settings", {}),
                "created_at": EARLY,
            },
        )
        return number, path

    def person(name: str, on_telegram: bool = True) -> int:
        number = ids.next("person")
        language = rng.choices(("zh", "mn", "en", None), (85, 8, 4, 3))[0]
        writer.add(
            Person,
            {
                "id": number,
                "display_name": name,
                "telegram_id": 1_000_000_000 + number if on_telegram else None,
                "language": language,
                "created_at": EARLY,
            },
        )
        return number

    def role(person_id: int, org_id: int, role_: Role) -> None:
        writer.add(
            Membership,
            {"person_id": person_id, "org_id": org_id, "role": role_, "created_at": EARLY},
        )

    def meeting(org_id: int, kind: MeetingKind, starts: datetime, members: list[int]) -> None:
        number = ids.next("meeting")
        cancelled = rng.random() < 0.02
        writer.add(Meeting, meeting_row(number, org_id, kind, starts, EARLY, cancelled=cancelled))
        if starts < DEADLINE_MONTH_END and rng.random() < 0.9:
            for person_id in rng.sample(members, 2):
                writer.add(
                    Attendance,
                    {
                        "meeting_id": number,
                        "person_id": person_id,
                        "method": SignInMethod.TAP,
                        "signed_at": starts,
                        "recorded_at": starts,
                        "status": AttendanceStatus.CONFIRMED,
                    },
                )

    def dues(member: int, branch_id: int, elsewhere: int | None) -> None:
        draw = rng.random()
        if draw < 0.01:
            return  # a party member nobody assessed yet: the digest counts them
        amount = 0 if draw < 0.03 else rng.choice((200, 500, 1_000, 2_500, 6_000))
        writer.add(DuesProfile, _profile(member, branch_id, JANUARY, amount))
        if amount and rng.random() < 0.03:  # reassessed in May
            amount = rng.choice((200, 1_000, 4_000))
            writer.add(DuesProfile, _profile(member, branch_id, MAY, amount))
        if elsewhere is not None and rng.random() < 0.02:  # moved in July
            branch_id = elsewhere
            writer.add(DuesProfile, _profile(member, branch_id, JULY, amount))
        if not amount:
            return
        through = _paid_through(rng)
        months = list(range(JANUARY, through + 1))
        if len(months) > 4 and rng.random() < 0.04:  # forgot one month in the middle
            months.remove(rng.choice(months[1:-2]))
        if through == OCTOBER:
            late_payers.append((member, branch_id))
        _pay(writer, ids.next("payment"), member, branch_id, months, amount)

    root = org(None, Level.COMMITTEE)
    role(person("市委管理员"), root[0], Role.ADMIN)
    committee = root
    previous_branch: int | None = None
    branch_numbers = range(branches)
    for number in branch_numbers:
        if number % BRANCHES_PER_COMMITTEE == 0:
            settings = {"dues_day": 5} if number % 1_000 == 0 else {}
            committee = org(root, Level.COMMITTEE, settings=settings)
            role(person(f"区委管理员{committee[0]}"), committee[0], Role.ADMIN)
        branch = org(committee, Level.BRANCH, timezone=_zone_of(number))
        groups = [org(branch, Level.GROUP) for _ in range(2 if number % 5 == 0 else 0)]
        members = [
            person(f"党员{branch[0]}-{m}", on_telegram=rng.random() < 0.97)
            for m in range(MEMBERS_EACH)
        ]
        for place, member in enumerate(members):
            if place == 0:
                role(member, branch[0], Role.SECRETARY)
            elif place == 1 and number % 3 == 0:
                role(member, branch[0], Role.DEPUTY_SECRETARY)
            elif groups and place >= 10:
                role(member, groups[place % 2][0], Role.MEMBER)
            else:
                role(member, branch[0], Role.MEMBER)
            dues(member, branch[0], previous_branch)
        _meetings(rng, meeting, number, branch[0], [g[0] for g in groups], members)
        previous_branch = branch[0]
    writer.close()
    return late_payers


def _meetings(
    rng: random.Random,
    meeting: Callable[[int, MeetingKind, datetime, list[int]], None],
    number: int,
    branch_id: int,
    groups: list[int],
    members: list[int],
) -> None:
    """The branch's meetings of 2026: most monthly ones held, some missed, some of November
    still ahead at the reminder moment, a few already planned for December."""
    zone = ZoneInfo(_zone_of(number) or "Asia/Shanghai")

    def at(month: int, day: int, hour: int = 19) -> datetime:
        return datetime(2026, month, day, hour, tzinfo=zone).astimezone(UTC)

    for month in range(1, 13):
        chance = 0.3 if month == 12 else 0.88
        for kind, holder in (
            (MeetingKind.COMMITTEE_MEETING, branch_id),
            (MeetingKind.THEMED_PARTY_DAY, branch_id),
            *((MeetingKind.GROUP_MEETING, g) for g in groups),
        ):
            if rng.random() < chance:
                meeting(holder, kind, at(month, rng.randint(1, 28)), members)
    for quarter in range(4):
        for kind in (MeetingKind.GENERAL_MEETING, MeetingKind.PARTY_LECTURE):
            if rng.random() < 0.75:
                meeting(branch_id, kind, at(quarter * 3 + 2, rng.randint(1, 28), 9), members)
    for kind in (MeetingKind.ORGANIZATIONAL_LIFE, MeetingKind.DEMOCRATIC_REVIEW):
        if rng.random() < 0.4:
            meeting(branch_id, kind, at(rng.randint(1, 11), rng.randint(1, 28), 14), members)


def _profile(person_id: int, branch_id: int, month: int, amount: int) -> dict[str, Any]:
    return {
        "person_id": person_id,
        "branch_id": branch_id,
        "from_month": month,
        "category": DuesCategory.EMPLOYED if amount else DuesCategory.HARDSHIP,
        "base_fen": 0,
        "rule_fen": max(amount, 200),
        "amount_fen": amount,
        "reason": "" if amount else "困难",
        "set_at": EARLY,
    }


def _pay(
    writer: Writer, payment: int, member: int, branch_id: int, months: list[int], amount: int
) -> None:
    writer.add(
        DuesPayment,
        {
            "id": payment,
            "person_id": member,
            "branch_id": branch_id,
            "amount_fen": amount * len(months),
            "months": months,
            "status": PaymentStatus.CONFIRMED,
            "reported_at": EARLY,
            "decided_at": EARLY,
        },
    )
    for month in months:
        writer.add(
            DuesCredit,
            {
                "payment_id": payment,
                "person_id": member,
                "branch_id": branch_id,
                "month": month,
                "amount_fen": amount,
            },
        )


# ----------------------------------------------------------------------------- running


def settings() -> Settings:
    """The shipped defaults, whatever .env or the environment of this shell says."""
    return Settings(_env_file=None)


Sweep = Callable[
    [async_sessionmaker[AsyncSession], Settings, Callable[[], datetime]],
    Awaitable[dict[str, int]],
]


@dataclass
class Expansion:
    """The dues expansion after a sweep: every planned broadcast due, batch by batch."""

    seconds: float  # all batches
    cpu_seconds: float
    batch_seconds: list[float]
    batch_statements: list[int]
    counts: dict[str, int]

    def figures(self) -> dict[str, Any]:
        return {
            "batches": len(self.batch_seconds),
            "total_s": round(self.seconds, 3),
            "cpu_s": round(self.cpu_seconds, 3),
            "max_batch_s": round(max(self.batch_seconds, default=0), 3),
            "median_batch_s": round(statistics.median(self.batch_seconds or [0]), 3),
            "statements_per_batch_max": max(self.batch_statements, default=0),
            "queued": self.counts,
        }


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # of the process, SQLite's thread included: less hurt by a busy machine
    statements: int
    counts: dict[str, int]
    broadcasts: int
    deliveries: int
    expansion: Expansion | None = None


def _time_statements(engine: Engine) -> None:
    """Print each statement's time and opening words to stderr."""
    started: list[float] = []

    def before(*_: Any) -> None:
        started.append(time.perf_counter())

    def after(*args: Any) -> None:
        seconds = time.perf_counter() - started.pop()
        sys.stderr.write(f"{seconds:8.3f} s  {' '.join(str(args[2]).split())[:150]}\n")

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)


def _outbox_size(path: Path) -> tuple[int, int]:
    with closing(sqlite3.connect(path)) as connection:
        broadcasts = connection.execute("SELECT count(*) FROM broadcasts").fetchone()[0]
        deliveries = connection.execute("SELECT count(*) FROM deliveries").fetchone()[0]
    return int(broadcasts), int(deliveries)


async def _sweep(
    path: Path, sweep: Sweep, now: datetime, profile: bool = False, expand: bool = False
) -> Run:
    """One sweep at `now` on the file, timed and counted, then (`expand`) the expansion of
    the dues broadcasts it planned, each batch timed and counted (and profiled: the
    functions taking the most time printed to stderr)."""
    before = _outbox_size(path)
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    factory = create_session_factory(engine)
    statements = 0

    def count(*_: Any) -> None:
        nonlocal statements
        statements += 1

    async with engine.connect() as connection:  # the pool is warm in a running bot
        await connection.exec_driver_sql("SELECT 1")
    event.listen(engine.sync_engine, "before_cursor_execute", count)
    if profile:
        _time_statements(engine.sync_engine)
    profiler = cProfile.Profile() if profile else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    counts = await sweep(factory, settings(), lambda: now)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    swept = statements
    expansion = None
    if expand:
        policy = policy_of(settings())
        expansion = Expansion(0.0, time.process_time(), [], [], {})
        total = CycleCounts()
        while True:
            statements, began = 0, time.perf_counter()
            async with UnitOfWork(factory) as uow:
                batch = await expand_due(uow, now, policy)
            if batch is None:
                break
            expansion.batch_seconds.append(time.perf_counter() - began)
            expansion.batch_statements.append(statements)
            total += batch
        expansion.seconds = sum(expansion.batch_seconds)
        expansion.cpu_seconds = time.process_time() - expansion.cpu_seconds
        expansion.counts = total.as_dict()
    if profiler:
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    await engine.dispose()
    after = _outbox_size(path)
    return Run(
        seconds,
        cpu_seconds,
        swept,
        counts,
        after[0] - before[0],
        after[1] - before[1],
        expansion,
    )


def _settle(path: Path) -> Path:
    """Fold the write-ahead log into the file, so the file alone can be copied or renamed."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if Path(f"{path}-wal").exists():
        raise RuntimeError(f"{path} is still open somewhere: its log would be left behind")
    return path


def _copy(source: Path, target: Path) -> Path:
    shutil.copyfile(_settle(source), target)
    return target


def _pay_november(path: Path, late_payers: list[tuple[int, int]], rng: random.Random) -> None:
    """Between the dues day and the digest most of those paid through October pay November."""
    engine = create_sync_engine(f"sqlite:///{path}")
    with closing(sqlite3.connect(path)) as connection:
        first = int(connection.execute("SELECT max(id) FROM dues_payments").fetchone()[0]) + 1
        amounts = dict(
            connection.execute(
                "SELECT person_id, amount_fen FROM dues_profiles ORDER BY from_month"
            )
        )
    writer = Writer(engine)
    payment = first
    for member, branch_id in late_payers:
        if rng.random() < 0.8:
            _pay(writer, payment, member, branch_id, [NOVEMBER], amounts[member])
            payment += 1
    writer.close()
    engine.dispose()


def _empty_outbox(path: Path) -> None:
    """What earlier sweeps queued was sent and purged long ago; their marks stay."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("DELETE FROM deliveries")
        connection.execute("DELETE FROM broadcasts")
        connection.commit()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("VACUUM")


async def _warm_up(path: Path) -> dict[str, Any]:
    done: dict[str, Any] = {}
    for moment in WARM_UP_DUES:
        run = await _sweep(path, run_dues_cycle, moment, expand=True)
        assert run.expansion is not None
        done[f"dues {moment:%m-%d}"] = run.counts | run.expansion.counts
    for moment in WARM_UP_DEADLINES:
        run = await _sweep(path, run_deadline_sweeps, moment)
        done[f"deadlines {moment:%m-%d}"] = run.counts
    return done


def snapshot_paths(db: Path, branches: int) -> tuple[Path, Path]:
    """The files of one size: `db` itself for the full size, the smaller one next to it;
    each with its second snapshot ("-after")."""
    first = db if branches == SIZES[-1] else db.with_name(f"{db.stem}-{branches}{db.suffix}")
    return first, first.with_name(f"{first.stem}-after{first.suffix}")


def build(db: Path, branches: int) -> tuple[Path, Path, dict[str, Any]]:
    """The two snapshots of one size: right after the warm-up, and after the dues day, the
    month's deadline reminders and November's payments. Reused when both exist."""
    first, second = snapshot_paths(db, branches)
    if first.exists() and second.exists():
        return first, second, {"reused": str(first)}
    started = time.perf_counter()
    scratch = first.with_suffix(".building")
    scratch.unlink(missing_ok=True)
    upgrade(f"sqlite+aiosqlite:///{scratch}")
    engine = create_sync_engine(f"sqlite:///{scratch}")
    writer = Writer(engine)
    rng = random.Random(branches)
    late_payers = _build_rows(writer, branches, rng)
    engine.dispose()
    with closing(sqlite3.connect(scratch)) as connection:
        connection.execute("ANALYZE")
    warm_up = asyncio.run(_warm_up(scratch))
    _empty_outbox(scratch)
    after = _copy(scratch, second.with_suffix(".building"))
    asyncio.run(_sweep(after, run_dues_cycle, DUES_DAY, expand=True))
    asyncio.run(_sweep(after, run_deadline_sweeps, DEADLINE_REMINDERS))
    _pay_november(after, late_payers, rng)
    _settle(after).rename(second)
    _settle(scratch).rename(first)
    built = {
        "rows": writer.counts,
        "warm_up": warm_up,
        "build_s": round(time.perf_counter() - started, 1),
    }
    return first, second, built


DUES_SCENARIOS = ("dues_ordinary", "dues_day", "dues_digest")  # each expanded after its sweep
SCENARIOS: list[tuple[str, Sweep, int, datetime]] = [
    ("dues_ordinary", run_dues_cycle, 1, DUES_ORDINARY),
    ("dues_day", run_dues_cycle, 0, DUES_DAY),
    ("dues_digest", run_dues_cycle, 1, DUES_DIGEST),
    ("deadlines_ordinary", run_deadline_sweeps, 1, DEADLINE_ORDINARY),
    ("deadlines_reminders", run_deadline_sweeps, 0, DEADLINE_REMINDERS),
    ("deadlines_month_end", run_deadline_sweeps, 1, DEADLINE_MONTH_END),
]


def _runs(
    snapshot: Path,
    work: Path,
    sweep: Sweep,
    now: datetime,
    runs: int,
    profile: bool = False,
    expand: bool = False,
) -> Iterator[Run]:
    for _ in range(runs):
        copy = _copy(snapshot, work)
        yield asyncio.run(_sweep(copy, sweep, now, profile, expand))
        _settle(copy).unlink()


def measure(
    db: Path, runs: int, only: list[str], profile: bool
) -> tuple[dict[str, Any], dict[str, Any]]:
    built: dict[str, Any] = {}
    snapshots: dict[int, tuple[Path, Path]] = {}
    for size in SIZES:
        first, second, info = build(db, size)
        snapshots[size] = (first, second)
        built[str(size)] = info
    scenarios: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(dir=db.parent) as scratch:
        work = Path(scratch) / "run.db"
        for name, sweep, snapshot, now in SCENARIOS:
            if only and name not in only:
                continue
            expand = name in DUES_SCENARIOS
            small = next(_runs(snapshots[SIZES[0]][snapshot], work, sweep, now, 1, False, expand))
            timed = list(
                _runs(snapshots[SIZES[-1]][snapshot], work, sweep, now, runs, profile, expand)
            )
            seconds = [r.seconds for r in timed]
            last = timed[-1]
            median = statistics.median(seconds)
            scenarios[name] = {
                "at": now.isoformat(),
                "median_s": round(median, 3),
                "best_s": round(min(seconds), 3),
                "runs_s": [round(s, 3) for s in seconds],
                "cpu_median_s": round(statistics.median(r.cpu_seconds for r in timed), 3),
                "statements": {str(SIZES[0]): small.statements, str(SIZES[-1]): last.statements},
                "queued": last.counts,
                "broadcasts": last.broadcasts,
                "deliveries": last.deliveries,
                "deliveries_at_1000": small.deliveries,
                "time_ok": median <= TARGET_S,
                "statements_constant": small.statements == last.statements,
            }
            if small.expansion and last.expansion:
                expansions = [r.expansion for r in timed if r.expansion]
                scenarios[name]["expansion"] = {
                    **last.expansion.figures(),
                    "total_s_runs": [round(e.seconds, 3) for e in expansions],
                    "statements_per_batch_max_at_1000": small.expansion.figures()[
                        "statements_per_batch_max"
                    ],
                }
                scenarios[name]["statements_constant"] = (
                    small.statements == last.statements
                    and small.expansion.figures()["statements_per_batch_max"]
                    == last.expansion.figures()["statements_per_batch_max"]
                )
    return built, scenarios


def _expansion_summary(expansion: dict[str, Any] | None) -> str:
    if not expansion or not expansion["batches"]:
        return ""
    return (
        f" (then expanded in {expansion['batches']} batches, {expansion['total_s']:.2f} s in "
        f"all, at most {expansion['max_batch_s']:.3f} s and "
        f"{expansion['statements_per_batch_max']} statements a batch)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument(
        "--db",
        type=Path,
        default=Path(tempfile.gettempdir()) / f"zhibu-sweep-v{DATA_VERSION}.db",
        help="the 10,000-branch SQLite file, built when missing (the 1,000-branch one and "
        "the second snapshots are kept next to it)",
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--only", nargs="*", default=[], choices=[s[0] for s in SCENARIOS], metavar="SCENARIO"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the timed runs")
    args = parser.parse_args()
    built, scenarios = measure(args.db, args.runs, args.only, args.profile)
    passed = all(s["time_ok"] and s["statements_constant"] for s in scenarios.values())
    summary = "; ".join(
        f"{name} {s['median_s']:.2f} s {'ok' if s['time_ok'] else 'SLOW'} "
        f"(cpu {s['cpu_median_s']:.2f} s), "
        f"{s['statements'][str(SIZES[-1])]} statements"
        f"{'' if s['statements_constant'] else ' (NOT constant)'}, {s['deliveries']} rows"
        f"{_expansion_summary(s.get('expansion'))}"
        for name, s in scenarios.items()
    )
    report(
        "sweep",
        {"runs": args.runs, "target_s": TARGET_S, "built": built, "scenarios": scenarios},
        f"10,000 branches, 300,000 members on SQLite: {summary}",
        passed=passed,
    )


if __name__ == "__main__":
    main()
