"""How long a committee's report takes for 500 branches on SQLite, and how long it holds the
event loop. Not part of the test suite: run it by hand before and after touching the reports.

    .venv/bin/python bench/reports_bench.py [--db PATH] [--runs N]

It builds (once; reused when --db names an existing file) a committee with 5 sub-committees,
500 branches (one in ten in Asia/Hovd, 20 set up in June 2026), 1,000 party groups, 10,000
members with dues profiles (some exempt, some moved), about 22,700 meetings of 2026 (about
19,500 held) with 10 invitations each (8 signed in, 1 on leave), about 74,500 paid
member-months, 5,000 tickets and eleven months of guidance receipts; then times the root
committee's report of November, the fourth quarter and the year 2026 at 2026-11-21 10:00
in Shanghai. It prints the figures as JSON and a one-line summary. "blocked" is the longest
the event loop went without running a 5 ms ticker during a report (other processes on the
machine lengthen it: compare runs made side by side).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine as create_sync_engine
from sqlalchemy import event, insert

from bench.world import meeting_row
from bot.services import people, reports
from bot.services.dues_rules import DuesCategory
from bot.services.periods import Period, month_index
from bot.services.roles import Level, MeetingKind, Role, SignInMethod
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade
from storage.models import (
    Attendance,
    AttendanceStatus,
    DuesCredit,
    DuesPayment,
    DuesProfile,
    Guidance,
    GuidanceReceipt,
    GuidanceStatus,
    Invitation,
    InvitationResponse,
    Meeting,
    Membership,
    Organization,
    PaymentStatus,
    Person,
    Ticket,
    TicketStatus,
)
from storage.uow import UnitOfWork

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)
EARLY = datetime(2025, 1, 1, tzinfo=UTC)
COMMITTEES, BRANCHES_EACH, GROUPS_EACH, MEMBERS_EACH, INVITED = 5, 100, 2, 20, 10
JANUARY = month_index(2026, 1)
PERIODS = {
    "month": Period(month_index(2026, 11), month_index(2026, 11)),
    "quarter": Period(month_index(2026, 10), month_index(2026, 12)),
    "year": Period(JANUARY, month_index(2026, 12)),
}


def _rows(rng: random.Random) -> dict[Any, list[dict[str, Any]]]:
    """Every row of the data set, by table, with ids given here so rows can refer to each
    other without reading anything back."""
    rows: dict[Any, list[dict[str, Any]]] = {}
    orgs: list[dict[str, Any]] = []
    people_: list[dict[str, Any]] = []
    memberships: list[dict[str, Any]] = []
    profiles: list[dict[str, Any]] = []
    payments: list[dict[str, Any]] = []
    credits: list[dict[str, Any]] = []
    meetings: list[dict[str, Any]] = []
    invitations: list[dict[str, Any]] = []
    attendances: list[dict[str, Any]] = []
    tickets: list[dict[str, Any]] = []
    receipts: list[dict[str, Any]] = []

    def org(parent: dict[str, Any] | None, level: Level, **extra: Any) -> dict[str, Any]:
        number = len(orgs) + 1
        row = {
            "id": number,
            "code": f"O{number}",
            "name": f"组织{number}",
            "level": level,
            "parent_id": parent["id"] if parent else None,
            "path": f"{parent['path'] if parent else '/'}{number}/",
            "timezone": None,
            "settings": {},
            "created_at": EARLY,
            **extra,
        }
        orgs.append(row)
        return row

    def person(name: str) -> int:
        number = len(people_) + 1
        people_.append({"id": number, "display_name": name, "created_at": EARLY})
        return number

    def meeting(org_id: int, kind: MeetingKind, starts: datetime, invited: list[int]) -> None:
        number = len(meetings) + 1
        cancelled = rng.random() < 0.02
        meetings.append(meeting_row(number, org_id, kind, starts, EARLY, cancelled=cancelled))
        held = starts <= NOW and rng.random() < 0.9
        for place, person_id in enumerate(invited):
            leave = place == INVITED - 1
            invitations.append(
                {
                    "meeting_id": number,
                    "person_id": person_id,
                    "response": (
                        InvitationResponse.LEAVE_APPROVED if leave else InvitationResponse.NONE
                    ),
                }
            )
            if held and place < INVITED - 2:
                attendances.append(
                    {
                        "meeting_id": number,
                        "person_id": person_id,
                        "method": SignInMethod.TAP,
                        "signed_at": starts,
                        "recorded_at": starts,
                        "status": AttendanceStatus.CONFIRMED,
                    }
                )

    root = org(None, Level.COMMITTEE)
    guidance_ids = list(range(1, 12))
    rows[Guidance] = [
        {
            "id": number,
            "org_id": root["id"],
            "month": f"2026-{number:02d}",
            "theme": f"{number} 月主题",
            "deadline": date(2026, number, 28),
            "publish_at": EARLY,
            "status": GuidanceStatus.PUBLISHED,
            "created_at": EARLY,
            "updated_at": EARLY,
        }
        for number in guidance_ids
    ]
    admin = person("管理员")
    memberships.append(
        {"person_id": admin, "org_id": root["id"], "role": Role.ADMIN, "created_at": EARLY}
    )
    branches: list[tuple[dict[str, Any], list[dict[str, Any]], list[int]]] = []
    for c in range(COMMITTEES):
        committee = org(root, Level.COMMITTEE)
        for b in range(BRANCHES_EACH):
            number = c * BRANCHES_EACH + b
            branch = org(
                committee,
                Level.BRANCH,
                timezone="Asia/Hovd" if number % 10 == 9 else None,
                created_at=datetime(2026, 6, 15, tzinfo=UTC) if number % 25 == 7 else EARLY,
            )
            groups = [org(branch, Level.GROUP) for _ in range(GROUPS_EACH)]
            members = [person(f"党员{branch['id']}-{m}") for m in range(MEMBERS_EACH)]
            branches.append((branch, groups, members))
            for member in members:
                memberships.append(
                    {
                        "person_id": member,
                        "org_id": branch["id"],
                        "role": Role.MEMBER,
                        "created_at": EARLY,
                    }
                )
    for number, (branch, groups, members) in enumerate(branches):
        for member in members:
            amount = 0 if rng.random() < 0.05 else rng.choice((200, 1_000, 2_500, 6_000))
            profiles.append(_profile(member, branch["id"], JANUARY, amount))
            if rng.random() < 0.02:  # moved in July to the next branch
                elsewhere = branches[(number + 1) % len(branches)][0]["id"]
                profiles.append(_profile(member, elsewhere, month_index(2026, 7), amount))
            paid = rng.randint(4, 11)
            payment = len(payments) + 1
            payments.append(
                {
                    "id": payment,
                    "person_id": member,
                    "branch_id": branch["id"],
                    "amount_fen": amount * paid,
                    "months": list(range(JANUARY, JANUARY + paid)),
                    "status": PaymentStatus.CONFIRMED,
                    "reported_at": EARLY,
                    "decided_at": EARLY,
                }
            )
            credits.extend(
                {
                    "payment_id": payment,
                    "person_id": member,
                    "branch_id": branch["id"],
                    "month": month,
                    "amount_fen": amount,
                }
                for month in range(JANUARY, JANUARY + paid)
            )
        zone = ZoneInfo(branch["timezone"]) if branch["timezone"] else SHANGHAI
        for month in range(1, 12):
            for kind, holder in (
                (MeetingKind.COMMITTEE_MEETING, branch),
                (MeetingKind.THEMED_PARTY_DAY, branch),
                *((MeetingKind.GROUP_MEETING, g) for g in groups),
            ):
                if rng.random() < 0.9:
                    day = rng.randint(1, 28)
                    starts = datetime(2026, month, day, 19, tzinfo=zone).astimezone(UTC)
                    meeting(holder["id"], kind, starts, rng.sample(members, INVITED))
        for quarter in range(4):
            for kind in (MeetingKind.GENERAL_MEETING, MeetingKind.PARTY_LECTURE):
                if rng.random() < 0.7:
                    starts = datetime(2026, quarter * 3 + 2, 15, 9, tzinfo=zone)
                    meeting(branch["id"], kind, starts.astimezone(UTC), members[:INVITED])
        for _ in range(10):
            reported = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=rng.randint(0, 7_800))
            status = rng.choice(list(TicketStatus))
            solved = status in (TicketStatus.RESOLVED, TicketStatus.CLOSED)
            resolved = reported + timedelta(days=rng.randint(1, 5))
            tickets.append(
                {
                    "org_id": branch["id"],
                    "reporter_id": members[0],
                    "category": "other",
                    "status": status,
                    "reported_at": reported,
                    "due_at": reported + timedelta(days=3),
                    "resolved_at": resolved if solved else None,
                    "rating": rng.randint(1, 5) if solved and rng.random() < 0.7 else None,
                    "updated_at": reported,
                }
            )
        receipts.extend(
            {
                "guidance_id": guidance,
                "branch_id": branch["id"],
                "acknowledged_at": EARLY if rng.random() < 0.8 else None,
            }
            for guidance in guidance_ids
        )
    rows[Organization] = orgs
    rows[Person] = people_
    rows[Membership] = memberships
    rows[DuesProfile] = profiles
    rows[DuesPayment] = payments
    rows[DuesCredit] = credits
    rows[Meeting] = meetings
    rows[Invitation] = invitations
    rows[Attendance] = attendances
    rows[Ticket] = tickets
    rows[GuidanceReceipt] = receipts
    return rows


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


def build(path: Path) -> dict[str, int]:
    """Migrate a fresh file and insert the data set (synchronously, in one transaction)."""
    upgrade(f"sqlite+aiosqlite:///{path}")
    rows = _rows(random.Random(8))
    engine = create_sync_engine(f"sqlite:///{path}")
    order = [
        Organization,
        Person,
        Membership,
        Guidance,
        DuesProfile,
        DuesPayment,
        DuesCredit,
        Meeting,
        Invitation,
        Attendance,
        Ticket,
        GuidanceReceipt,
    ]
    with engine.begin() as connection:
        for model in order:
            connection.execute(insert(model), rows[model])
    engine.dispose()
    return {model.__tablename__: len(rows[model]) for model in order}


async def _ticker(gaps: list[float], stop: asyncio.Event) -> None:
    last = time.perf_counter()
    while not stop.is_set():
        await asyncio.sleep(0.005)
        moment = time.perf_counter()
        gaps.append(moment - last - 0.005)
        last = moment


async def measure(path: Path, runs: int) -> dict[str, Any]:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    factory = create_session_factory(engine)
    statements: list[str] = []
    event.listen(engine.sync_engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    async with UnitOfWork(factory) as u:
        admin = await u.people.get(1)
        assert admin is not None
        actor = await people.actor_for(u, admin)
    found: dict[str, Any] = {}
    for name, period in PERIODS.items():
        seconds: list[float] = []
        blocked: list[float] = []
        for _ in range(runs):
            statements.clear()
            gaps: list[float] = []
            stop = asyncio.Event()
            ticker = asyncio.create_task(_ticker(gaps, stop))
            await asyncio.sleep(0.02)
            gaps.clear()
            async with UnitOfWork(factory) as u:
                started = time.perf_counter()
                report = await reports.committee_report(u, actor, 1, period, NOW, SHANGHAI)
                seconds.append(time.perf_counter() - started)
            stop.set()
            await ticker
            blocked.append(max(gaps, default=0.0))
        found[name] = {
            "branches": len(report.rows),
            "statements": len(statements),
            "best_s": round(min(seconds), 3),
            "median_s": round(statistics.median(seconds), 3),
            "blocked_max_s": round(max(blocked), 3),
            "meetings_held": sum(r.report.meetings_held for r in report.rows),
            "meetings_required": sum(r.report.meetings_required for r in report.rows),
            "attendance_rows": sum(len(r.report.meetings) for r in report.rows),
            "months_due": sum(r.report.dues.months_due for r in report.rows),
            "months_paid": sum(r.report.dues.months_paid for r in report.rows),
            "points_sum": round(sum(r.score.points or 0 for r in report.rows), 1),
        }
    await engine.dispose()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="the SQLite file (built when missing)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.db or Path(scratch) / "bench.db"
        built: dict[str, int] | None = None
        build_s = 0.0
        if not path.exists():
            started = time.perf_counter()
            built = build(path)
            build_s = time.perf_counter() - started
        figures = asyncio.run(measure(path, args.runs))
    result = {"built": built, "build_s": round(build_s, 1), "runs": args.runs, **figures}
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    summary = "; ".join(
        f"{name} {f['best_s']:.2f} s (median {f['median_s']:.2f}, blocked "
        f"{f['blocked_max_s']:.2f}, {f['statements']} statements)"
        for name, f in figures.items()
    )
    sys.stdout.write(f"500-branch committee report on SQLite: {summary}\n")


if __name__ == "__main__":
    main()
