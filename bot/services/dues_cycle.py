"""The monthly dues cycle: remind members, give officers a digest, warn about arrears and
escalate six months unpaid to the committee (自行脱党 risk, Party Constitution art. 9).

For each branch, in its own zone, with its dues day D (the nearest "dues_day" setting up the
tree, else the configured default, clamped to the month's end), and a month M:
- REMIND, 09:00 on day D of M: one DUES_REMINDER to every member assessed at the branch for M
  (latest profile from M or before) with something due in M and no credit for M; each copy
  says the member's own amount and, if earlier months they may still pay (six back) are
  unpaid, how many and the total.
- DIGEST, 09:00 on day D + digest days: one DUES_DIGEST to the branch's officers (or, when
  none is on Telegram, those of the nearest level above: who confirms its payments, see
  bot.services.dues) with the month's figures (the very ones of the /dues overview), who
  has not paid and how many party members have no dues profile. A branch with no assessed
  member gets none: no monthly nagging about a feature it does not use.
- ARREARS, judged at the digest moment: a member unpaid WARN/URGENT/ESCALATE months in a row
  is warned once per (member, level, first month of the unpaid run); the officers see the
  newly warned in the digest, or in a DUES_ARREARS of their own when the digest was too late
  to send. Newly escalated members go in one DUES_ESCALATION per committee and month to the
  admins of the nearest committee above with someone reachable.

Exactly once, across restarts and racing processes: every stage leaves a ReminderMark in the
same transaction as the broadcast it plans, and a plan gets its rows in the same transaction
that queues it (on PostgreSQL a second expander skips the plans the first holds). A stage
found more than the grace period late (the bot was down) is marked skipped and not sent;
arrears warnings are never skipped.
Stages are looked for in the current and the previous month, since a digest may fall in the
month after its dues month. Mark keys (and periods): "dues-remind:{branch}:{YYYY-MM}" and
"dues-digest:{branch}:{YYYY-MM}" (the dues month), "dues-arrears:{person}:{level}:{YYYY-MM}"
(the run's first month: one key per run however long ago it began) and
"dues-escalation:{committee}:{YYYY-MM}", numbered ":2", ":3" for later ones that month (from
a later digest day, or a committee's branches judged in two batches).

Two steps. The sweep (`run_cycle`, every few minutes) reads the organizations and the stage
marks and, for what came due, writes the marks and one planned broadcast per stage: a header
without rows, a few statements for the whole city. When a planned broadcast's moment has
come, `expand_due` judges its branch's members with the payments known then, a batch of
branches per short transaction: reads the profiles, credits, officers, unassessed counts,
arrears marks and admins of those branches once each, writes the rows, the warnings and the
escalations in bulk. A city's dues day is then a hundred transactions of tens of
milliseconds, not one holding SQLite's write lock for seconds.
"""

from __future__ import annotations

import gc
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, astuple, dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from bot.services import periods
from bot.services.dues import (
    OFFICER_ROLES,
    PAYER_ROLES,
    nearest_reachable,
    nearest_setting,
    path_ids,
)
from bot.services.dues_rules import (
    BACK_PAY_MONTHS,
    STAGE_TIME,
    ArrearsLevel,
    Assessment,
    arrears_level,
    arrears_streak,
)
from bot.services.organizations import DUES_DAY_SETTING
from bot.services.outbox import (
    Queued,
    Recipient,
    enqueue_many,
    fill_planned,
    plan_many,
    recipient_of,
    send_after,
)
from bot.services.periods import day_in_month, local_moment, month_at, parse_month_label
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Level, Role
from storage.dues_cycle_repo import (
    CreditSummary,
    DuesCycleRepository,
    HolderRow,
    OrgRow,
    ProfileRow,
)
from storage.marks_repo import Mark
from storage.models import BroadcastKind
from storage.uow import UnitOfWork

REMIND = "dues-remind"
DIGEST = "dues-digest"
ARREARS = "dues-arrears"
ESCALATION = "dues-escalation"
# Names a payload keeps for a list; the message says how many more there are.
LIST_KEPT = 40
# "2026-11" of a month index, remembered: a digest day's keys and payloads ask it for the
# same few months some 350,000 times.
month_label = lru_cache(maxsize=64)(periods.month_label)


@dataclass(frozen=True)
class CyclePolicy:
    """The configured knobs (bot.config.Settings) the sweep needs."""

    default_zone: ZoneInfo
    quiet: QuietHours
    dues_day: int
    digest_days: int
    grace: timedelta


@dataclass
class CycleCounts:
    """What one sweep planned (reminders and digests; stages skipped) or one expansion
    queued (broadcasts with recipients per kind, members newly warned)."""

    reminders: int = 0
    digests: int = 0
    warnings: int = 0
    escalations: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def __add__(self, other: CycleCounts) -> CycleCounts:
        return CycleCounts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


@dataclass(frozen=True)
class Stage:
    kind: str  # REMIND or DIGEST
    branch_id: int
    month: int
    late: bool  # its moment is more than the grace period ago: marked, not sent

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.branch_id}:{month_label(self.month)}"

    @property
    def slot(self) -> tuple[int, int]:
        return self.branch_id, self.month


class MemberDue(NamedTuple):
    """One member assessed at a branch for a month, as that month's stages see them (a
    tuple: a sweep makes one per member of every branch)."""

    person_id: int
    name: str
    telegram_id: int | None
    language: str | None
    amount_fen: int  # due in the month; 0 = exempt
    paid_fen: int  # credited for the month
    paid: bool
    streak: int  # unpaid months in a row ending with this one
    run_fen: int  # what those months come to
    earlier: int  # unpaid months before this one that may still be paid
    earlier_fen: int

    @property
    def owing(self) -> bool:
        return self.amount_fen > 0 and not self.paid

    @property
    def recipient(self) -> Recipient | None:
        return recipient_of(self.person_id, self.telegram_id, self.language)


@dataclass(frozen=True)
class ArrearsWarning:
    member: MemberDue
    level: ArrearsLevel
    branch_id: int
    month: int

    @property
    def slot(self) -> tuple[int, int]:
        return self.branch_id, self.month

    @property
    def first(self) -> int:
        return self.month - self.member.streak + 1

    @property
    def key(self) -> str:
        return f"{ARREARS}:{self.member.person_id}:{self.level}:{month_label(self.first)}"

    def line(self) -> dict[str, Any]:
        return {
            "name": self.member.name,
            "level": self.level.value,
            "months": self.member.streak,
            "owed": self.member.run_fen,
        }


# ----------------------------------------------------------------------------- when


def dues_day_of(org: OrgRow, orgs: Mapping[int, OrgRow], default: int) -> int:
    """The nearest valid "dues_day" setting from the organization up to the root."""
    chain = (orgs[i].settings if i in orgs else None for i in reversed(path_ids(org.path)))
    return nearest_setting(chain, DUES_DAY_SETTING, default)


@lru_cache(maxsize=4096)
def stage_moments(
    zone: ZoneInfo, dues_day: int, month: int, digest_days: int
) -> tuple[datetime, datetime]:
    """When the month's reminder and digest are due (UTC): 09:00 local on the dues day, and
    on the day `digest_days` later (which may be in the next month)."""
    day: date = day_in_month(month, dues_day)
    return (
        local_moment(day, STAGE_TIME, zone),
        local_moment(day + timedelta(days=digest_days), STAGE_TIME, zone),
    )


def due_stages(orgs: Mapping[int, OrgRow], now: datetime, policy: CyclePolicy) -> list[Stage]:
    """Every branch's stages of the current and the previous month whose moment has come."""
    current_by_zone: dict[ZoneInfo, int] = {}
    stages: list[Stage] = []
    for org in orgs.values():
        if org.level is not Level.BRANCH:
            continue
        zone = zone_named(org.timezone, policy.default_zone)
        current = current_by_zone.get(zone)
        if current is None:
            current = current_by_zone[zone] = month_at(now, zone)
        day = dues_day_of(org, orgs, policy.dues_day)
        for month in (current - 1, current):
            remind_at, digest_at = stage_moments(zone, day, month, policy.digest_days)
            for kind, moment in ((REMIND, remind_at), (DIGEST, digest_at)):
                if moment <= now:
                    stages.append(Stage(kind, org.id, month, now - moment > policy.grace))
    return stages


def zone_named(name: str | None, default: ZoneInfo) -> ZoneInfo:
    """The organization's zone (bot.services.organizations.zone_of, for a row)."""
    return ZoneInfo(name) if name else default


# ----------------------------------------------------------------------------- who owes what


def monthly_dues(history: Sequence[ProfileRow], first: int, last: int) -> list[int]:
    """The amount due in each month of [first, last] (0 before the first profile), in one
    pass over a history sorted by month (dues_rules.dues_by_month, without a sort per
    month: the sweep does this for every unpaid member)."""
    dues: list[int] = []
    index, current = 0, 0
    for month in range(first, last + 1):
        while index < len(history) and history[index].from_month <= month:
            current = history[index].amount_fen
            index += 1
        dues.append(current)
    return dues


def judge(
    history: Sequence[ProfileRow],
    row: ProfileRow,
    month: int,
    last_paid: int | None,
    paid_fen: int,
    paid_mask: int,
    mask_start: int,
) -> MemberDue:
    """What one member owes in `month`: `row` is their profile then, `history` every row up
    to it, `last_paid` the latest paid month not after it, `paid_mask` the paid months as
    bits from `mask_start` on.

    Most members have one profile row: then every month of the run and before it owes the
    same amount, and the counts come from the bits directly (what dues_rules.arrears_streak
    and unpaid_months give, without their per-member lists, for 300,000 members a sweep)."""
    amount = row.amount_fen
    paid = last_paid == month
    streak = run_fen = earlier = earlier_fen = 0
    if amount > 0 and not paid:
        start = max(month - BACK_PAY_MONTHS, history[0].from_month)
        bits = paid_mask >> (start - mask_start)
        if len(history) == 1:
            begin = row.from_month if last_paid is None else max(row.from_month, last_paid + 1)
            streak = month - begin + 1
            run_fen = streak * amount
            span = month - start
            earlier = span - (bits & ((1 << span) - 1)).bit_count()
            earlier_fen = earlier * amount
        else:
            plan = [Assessment(r.from_month, r.amount_fen) for r in history]
            streak = arrears_streak(plan, last_paid, month)
            run_fen = sum(monthly_dues(history, month - streak + 1, month))
            for offset, due in enumerate(monthly_dues(history, start, month - 1)):
                if due > 0 and not bits >> offset & 1:
                    earlier += 1
                    earlier_fen += due
    return MemberDue(
        row.person_id,
        row.name,
        row.telegram_id,
        row.language,
        amount,
        paid_fen,
        paid,
        streak,
        run_fen,
        earlier,
        earlier_fen,
    )


def assessed_members(
    profiles: Iterable[ProfileRow],
    credits: CreditSummary,
    slots: set[tuple[int, int]],
) -> dict[tuple[int, int], list[MemberDue]]:
    """(branch, month) → the members assessed there for that month, for the wanted slots.

    A member belongs to the branch of their latest profile row from the month or before."""
    with collector_paused():
        return _assess(profiles, credits, slots)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the garbage collector off while a sweep builds and writes its rows: its full
    passes over a heap growing by hundreds of thousands of acyclic tuples (members,
    recipients, delivery rows) free nothing and took a third of a dues day's sweep. The
    pause lasts one sweep (seconds), awaits included; nothing it builds is cyclic."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _assess(
    profiles: Iterable[ProfileRow],
    credits: CreditSummary,
    slots: set[tuple[int, int]],
) -> dict[tuple[int, int], list[MemberDue]]:
    columns = [(month, *credits.columns(month)) for month in sorted({m for _, m in slots})]
    mask_start = credits.window[0]
    unpaid = (None,) * (len(credits.months) * 2 + 1)
    found: dict[tuple[int, int], list[MemberDue]] = defaultdict(list)
    for person_id, rows in groupby(profiles, key=itemgetter(0)):
        history = list(rows)
        paid = credits.rows.get(person_id, unpaid)
        for month, last_at, fen_at in columns:
            known = history
            if history[-1].from_month > month:
                known = [r for r in history if r.from_month <= month]
                if not known:
                    continue
            slot = (known[-1].branch_id, month)
            if slot in slots:
                found[slot].append(
                    judge(
                        known,
                        known[-1],
                        month,
                        paid[last_at],
                        paid[fen_at] or 0,
                        paid[-1] or 0,
                        mask_start,
                    )
                )
    return found


# ----------------------------------------------------------------------------- the sweep


async def run_cycle(uow: UnitOfWork, now: datetime, policy: CyclePolicy) -> CycleCounts:
    """One sweep over every branch: marks the stages that came due and plans their
    broadcasts, headers without rows (`expand_due` judges the members when they are due,
    a batch of branches at a time); commits. Counts the reminders and digests planned and
    the stages skipped."""
    repo = DuesCycleRepository(uow.session)
    orgs = {org.id: org for org in await repo.organizations()}
    stages = due_stages(orgs, now, policy)
    if not stages:
        return CycleCounts()
    handled: set[str] = set()
    for kind in (REMIND, DIGEST):
        labels = {month_label(s.month) for s in stages if s.kind == kind}
        handled |= await uow.marks.keys(kind, labels)
    pending = [s for s in stages if s.key not in handled]
    if not pending:
        return CycleCounts()
    # A branch where nobody has a dues profile has nobody to remind, digest or warn.
    assessed = await repo.assessed_branches()
    planned = [
        stage
        for stage in sorted(pending, key=lambda s: (orgs[s.branch_id].path, s.month, s.kind))
        if stage.branch_id in assessed
        and (stage.kind == DIGEST or not stage.late)  # a late digest still judges arrears
    ]
    counts = CycleCounts(
        reminders=sum(s.kind == REMIND for s in planned),
        digests=sum(s.kind == DIGEST and not s.late for s in planned),
        skipped=sum(s.late for s in pending),
    )
    plans = [_planned(stage, orgs[stage.branch_id], now, policy) for stage in planned]
    await uow.marks.add(
        [Mark(s.key, s.kind, month_label(s.month), skipped=s.late) for s in pending], now
    )
    await plan_many(uow, plans, now)
    await uow.commit()
    return counts


def _planned(stage: Stage, branch: OrgRow, now: datetime, policy: CyclePolicy) -> Queued:
    """A stage's broadcast as planned: the members' reminder, the officers' digest or, for
    a digest too late to send, the officers' arrears warning it may still bring."""
    not_before = send_after(
        now, zone_named(branch.timezone, policy.default_zone), policy.quiet, urgent=False
    )
    payload = {"branch": branch.name, "month": month_label(stage.month)}
    if stage.kind == REMIND:
        kind, key = BroadcastKind.DUES_REMINDER, stage.key
    elif not stage.late:
        kind, key = BroadcastKind.DUES_DIGEST, stage.key
    else:
        kind, key = BroadcastKind.DUES_ARREARS, officers_warning_key(stage.slot)
    return Queued(kind, branch.id, [], not_before, dedupe_key=key, payload=payload)


def officers_warning_key(slot: tuple[int, int]) -> str:
    return f"{ARREARS}-officers:{slot[0]}:{month_label(slot[1])}"


# Branches one transaction of `expand_due` judges (all their due plans: both months of a
# sweep after downtime together): a few thousand members, tens of milliseconds of holding
# SQLite's write lock. Planned in the order of their paths, a district committee's
# branches mostly fall in one batch, and so do their escalations.
EXPAND_BATCH = 100
PLANNED_KINDS = (
    BroadcastKind.DUES_REMINDER,
    BroadcastKind.DUES_DIGEST,
    BroadcastKind.DUES_ARREARS,
)


async def expand_due(
    uow: UnitOfWork, now: datetime, policy: CyclePolicy, limit: int = EXPAND_BATCH
) -> CycleCounts | None:
    """Judge the members of up to `limit` branches whose planned reminders and digests are
    due, with the payments known now: write who gets what, the arrears warnings and the
    escalations they reveal with their marks; commits. None when nothing planned is due.

    A reminder judged at its moment (not at the sweep that found it due) leaves out who
    paid meanwhile, and a city's dues day is many short transactions instead of one that
    holds the database for seconds."""
    planned = await uow.outbox.planned(PLANNED_KINDS, now, limit)
    if not planned:
        return None
    reminders: set[tuple[int, int]] = set()
    digests: dict[tuple[int, int], Stage] = {}
    for row in planned:
        month = parse_month_label(row.payload["month"])
        if row.kind is BroadcastKind.DUES_REMINDER:
            reminders.add((row.org_id, month))
        else:
            late = row.kind is BroadcastKind.DUES_ARREARS
            digests[row.org_id, month] = Stage(DIGEST, row.org_id, month, late)
    repo = DuesCycleRepository(uow.session)
    above = {org_id for row in planned for org_id in path_ids(row.path)}
    orgs = {org.id: org for org in await repo.organizations(above)}
    counts = CycleCounts()
    marks: list[Mark] = []
    with collector_paused():
        items = await _queue_due(uow, repo, orgs, reminders, digests, now, policy, marks, counts)
        keys = {row.dedupe_key: row.id for row in planned}
        await uow.marks.add(marks, now)
        await fill_planned(uow, keys, items)
        await enqueue_many(uow, [item for item in items if item.dedupe_key not in keys], now)
        await uow.commit()
    return counts


async def postpone_due(
    uow: UnitOfWork, now: datetime, until: datetime, limit: int = 1
) -> list[int]:
    """Put off the due plans of the first `limit` branches until `until` (they failed to
    expand: the ones behind them go first); commits. Returns their ids."""
    ids = [row.id for row in await uow.outbox.planned(PLANNED_KINDS, now, limit)]
    await uow.outbox.postpone_planned(ids, until)
    await uow.commit()
    return ids


async def _queue_due(
    uow: UnitOfWork,
    repo: DuesCycleRepository,
    orgs: Mapping[int, OrgRow],
    reminders: set[tuple[int, int]],
    digests: Mapping[tuple[int, int], Stage],
    now: datetime,
    policy: CyclePolicy,
    marks: list[Mark],
    counts: CycleCounts,
) -> list[Queued]:
    """The broadcasts of the due reminders and digests and the arrears they reveal; adds
    the arrears and escalation marks to `marks` and the numbers to `counts`. `orgs` are the
    branches' and those above them."""
    slots = reminders | set(digests)
    branches = {branch_id for branch_id, _ in slots}
    months = sorted({month for _, month in slots})
    window = tuple(range(months[0] - BACK_PAY_MONTHS, months[-1] + 1))
    profiles = await repo.profiles(months[-1], branches)
    credits = await repo.credits(months, window, branches)
    members = assessed_members(profiles, credits, slots)

    def not_before(org_id: int) -> datetime:
        zone = zone_named(orgs[org_id].timezone, policy.default_zone)
        return send_after(now, zone, policy.quiet, urgent=False)

    items: list[Queued] = []
    for branch_id, month in sorted(reminders):
        owing = [
            (m, recipient)
            for m in members.get((branch_id, month), [])
            if m.owing and (recipient := m.recipient) is not None
        ]
        item = Queued(
            BroadcastKind.DUES_REMINDER,
            branch_id,
            [recipient for _, recipient in owing],
            not_before(branch_id),
            payload={"branch": orgs[branch_id].name, "month": month_label(month)},
            personal={m.person_id: reminder_json(m) for m, _ in owing},
            dedupe_key=f"{REMIND}:{branch_id}:{month_label(month)}",
        )
        items.append(item)
        counts.reminders += bool(item.recipients)
    if not digests:
        return items

    warnings = await _new_warnings(uow, members, digests, marks)
    counts.warnings = len(warnings)
    officers = _reachable(await repo.holders(OFFICER_ROLES, orgs))

    def officers_of(branch: OrgRow) -> list[Recipient]:
        found = nearest_reachable(branch.path, officers)
        return found[1] if found else []

    unassessed = await repo.unassessed_counts(PAYER_ROLES, branches)
    by_slot: dict[tuple[int, int], list[ArrearsWarning]] = defaultdict(list)
    for warning in warnings:
        by_slot[warning.slot].append(warning)
    for slot, stage in sorted(digests.items()):
        branch_id, month = slot
        branch = orgs[branch_id]
        warned = sorted(by_slot.get(slot, []), key=longest_first)
        common = {"branch": branch.name, "month": month_label(month)}
        warned_lines = {
            "warned": [w.line() for w in warned[:LIST_KEPT]],
            "warned_count": len(warned),
        }
        assessed = members.get(slot, [])
        if not stage.late and assessed:
            item = Queued(
                BroadcastKind.DUES_DIGEST,
                branch_id,
                officers_of(branch),
                not_before(branch_id),
                payload={
                    **common,
                    **digest_figures(assessed, unassessed.get(branch_id, 0)),
                    **warned_lines,
                },
                dedupe_key=stage.key,
            )
            items.append(item)
            counts.digests += bool(item.recipients)
        elif warned:
            items.append(
                Queued(
                    BroadcastKind.DUES_ARREARS,
                    branch_id,
                    officers_of(branch),
                    not_before(branch_id),
                    payload={**common, **warned_lines},
                    dedupe_key=officers_warning_key(slot),
                )
            )
        reachable = [
            (w, recipient) for w in warned if (recipient := w.member.recipient) is not None
        ]
        if reachable:
            items.append(
                Queued(
                    BroadcastKind.DUES_ARREARS,
                    branch_id,
                    [recipient for _, recipient in reachable],
                    not_before(branch_id),
                    payload=common,
                    personal={
                        w.member.person_id: json.dumps(warning_payload(w)) for w, _ in reachable
                    },
                    dedupe_key=f"{ARREARS}-members:{branch_id}:{month_label(month)}",
                )
            )
    escalated = [w for w in warnings if w.level is ArrearsLevel.ESCALATION]
    if escalated:
        escalations = await _escalations(uow, repo, orgs, escalated, not_before, marks)
        counts.escalations = len(escalations)
        items += escalations
    return items


def reminder_json(member: MemberDue) -> str:
    """A member's own reminder copy as JSON text (bot.renderers.dues reads it): their amount,
    the earlier months they may still pay and what all that comes to. Written out directly
    (the values are whole fen and counts): json.dumps of a dict per member was a tenth of a
    dues day's sweep."""
    owed = member.amount_fen + member.earlier_fen
    return f'{{"amount": {member.amount_fen}, "earlier": {member.earlier}, "owed": {owed}}}'


def digest_figures(assessed: Sequence[MemberDue], unassessed: int) -> dict[str, Any]:
    """The officers' monthly figures; the unpaid list keeps the longest arrears first."""
    owing = [m for m in assessed if m.amount_fen > 0]
    unpaid = sorted(
        (m for m in owing if not m.paid), key=lambda m: (-m.streak, m.name, m.person_id)
    )
    return {
        "assessed": len(assessed),
        "exempt": len(assessed) - len(owing),
        "paid": len(owing) - len(unpaid),
        "unpaid": len(unpaid),
        "due_fen": sum(m.amount_fen for m in owing),
        "paid_fen": sum(m.paid_fen for m in assessed),
        "unpaid_members": [
            {"name": m.name, "amount": m.amount_fen, "months": m.streak}
            for m in unpaid[:LIST_KEPT]
        ],
        "unassessed": unassessed,
    }


def longest_first(warning: ArrearsWarning) -> tuple[int, str, int]:
    return -warning.member.streak, warning.member.name, warning.member.person_id


def warning_payload(warning: ArrearsWarning) -> dict[str, Any]:
    """The warned member's own copy: level, the unpaid run and what it comes to."""
    return {
        "level": warning.level.value,
        "months": warning.member.streak,
        "first": month_label(warning.first),
        "last": month_label(warning.month),
        "owed": warning.member.run_fen,
    }


async def _new_warnings(
    uow: UnitOfWork,
    members: Mapping[tuple[int, int], list[MemberDue]],
    digests: Mapping[tuple[int, int], Stage],
    marks: list[Mark],
) -> list[ArrearsWarning]:
    """Members of the digest slots whose unpaid run reached a level not yet warned of for
    that run, one warning per member and run; their marks are added to `marks`."""
    candidates: list[ArrearsWarning] = []
    for slot in digests:
        for member in members.get(slot, []):
            level = arrears_level(member.streak)
            if level is not None:
                candidates.append(ArrearsWarning(member, level, *slot))
    if not candidates:
        return []
    warned = await uow.marks.existing({w.key for w in candidates})
    # A sweep after downtime judges two months: of one run only the later month's warning
    # (its level is the same or higher) is sent; a lower level is recorded as handled.
    fresh: dict[str, ArrearsWarning] = {}
    latest: dict[tuple[int, int], ArrearsWarning] = {}
    for warning in sorted(candidates, key=attrgetter("month")):
        if warning.key not in warned:
            fresh[warning.key] = warning
            latest[warning.member.person_id, warning.first] = warning
    marks += [Mark(key, ARREARS, month_label(w.first)) for key, w in fresh.items()]
    return list(latest.values())


def _reachable(rows: Iterable[HolderRow]) -> dict[int, list[Recipient]]:
    """Organization id → its holders on Telegram, in their language, by person id."""
    found: dict[int, dict[int, Recipient]] = defaultdict(dict)
    for org_id, person_id, telegram_id, language in rows:
        recipient = recipient_of(person_id, telegram_id, language)
        if recipient is not None:
            found[org_id][person_id] = recipient
    return {
        org_id: sorted(people.values(), key=attrgetter("person_id"))
        for org_id, people in found.items()
    }


async def _escalations(
    uow: UnitOfWork,
    repo: DuesCycleRepository,
    orgs: Mapping[int, OrgRow],
    escalated: Sequence[ArrearsWarning],
    not_before: Callable[[int], datetime],
    marks: list[Mark],
) -> list[Queued]:
    """One DUES_ESCALATION per committee and month to the admins of the nearest committee
    above each branch that has someone reachable. Branches of one committee whose digests
    fall on different days add later escalations of the same month under numbered keys."""
    admins = {
        org_id: people
        for org_id, people in _reachable(await repo.holders([Role.ADMIN], orgs)).items()
        if org_id in orgs and orgs[org_id].level is Level.COMMITTEE
    }
    grouped: dict[tuple[int, int], list[ArrearsWarning]] = defaultdict(list)
    for warning in escalated:
        found = nearest_reachable(orgs[warning.branch_id].path, admins)
        if found:
            grouped[found[0], warning.month].append(warning)
    if not grouped:
        return []
    earlier = await uow.marks.keys(ESCALATION, {month_label(m) for _, m in grouped})
    items: list[Queued] = []
    for (committee_id, month), warnings in sorted(grouped.items()):
        base = f"{ESCALATION}:{committee_id}:{month_label(month)}"
        before = sum(1 for key in earlier if key == base or key.startswith(f"{base}:"))
        key = base if before == 0 else f"{base}:{before + 1}"
        marks.append(Mark(key, ESCALATION, month_label(month)))
        listed = sorted(
            warnings,
            key=lambda w: (orgs[w.branch_id].path, *longest_first(w)),
        )
        items.append(
            Queued(
                BroadcastKind.DUES_ESCALATION,
                committee_id,
                admins[committee_id],
                not_before(committee_id),
                payload={
                    "committee": orgs[committee_id].name,
                    "month": month_label(month),
                    "members": [
                        {
                            "branch": orgs[w.branch_id].name,
                            "name": w.member.name,
                            "months": w.member.streak,
                        }
                        for w in listed[:LIST_KEPT]
                    ],
                    "count": len(listed),
                },
                dedupe_key=key,
            )
        )
    return items
