"""Meeting-deadline compliance (三会一课): how often each meeting kind is required, whether a
branch held it in the current month / quarter / year, the officers' reminders before a
period ends and the committee admins' report of the branches that missed it.

How often: DEFAULT_FREQUENCIES, overridden kind by kind by the nearest organization up the
tree that sets `meeting_frequencies` (committees set it in chat for their subtree).

Held / scheduled / missing, for a branch, a kind and a period in the branch's time zone:
held = a meeting of that kind of the branch (for 党小组会: of every party group under the
branch; a branch without groups has no group requirement), not cancelled, starting in the
period and already started, with at least one confirmed sign-in (the guidance feature's
definition); scheduled = such a meeting starting later in the period; missing = neither.
A missed report judges a branch, and each of its party groups, only for the periods it
existed all through (created by the period's start).

The sweep is set-based: a fixed number of statements however many branches (all
organizations, the marks, the admins; and only when something is due the meetings of the
window with their sign-ins, and the officers). Each reminder and report is recorded as a
ReminderMark in the same transaction as its broadcast, so it is queued once across restarts
and processes; a branch with nothing missing gets its mark too, so later sweeps skip it.

The evaluation pieces (Tree, ZoneView, zone_views, merge_windows, Facts, existing_at,
tree_order) are public because bot.services.reports judges held meetings with them too.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.exc import IntegrityError

from bot.services import scope
from bot.services.access import Action, Actor, can
from bot.services.errors import InvalidInput
from bot.services.organizations import FREQUENCIES_SETTING, zone_of
from bot.services.outbox import Queued, Recipient, enqueue_many, recipient_of, send_after
from bot.services.periods import Frequency, Period, local_moment, month_index, month_of_date
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Level, MeetingKind, Role
from storage.deadlines_repo import DeadlineRepository, HolderRow, MeetingRow, OrgRow, Window
from storage.marks_repo import Mark
from storage.models import (
    BroadcastKind,
    Organization,
)
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

DEFAULT_FREQUENCIES: Mapping[MeetingKind, Frequency] = {
    MeetingKind.COMMITTEE_MEETING: Frequency.MONTHLY,
    MeetingKind.GROUP_MEETING: Frequency.MONTHLY,
    MeetingKind.GENERAL_MEETING: Frequency.QUARTERLY,
    MeetingKind.PARTY_LECTURE: Frequency.QUARTERLY,
    MeetingKind.THEMED_PARTY_DAY: Frequency.MONTHLY,
    MeetingKind.ORGANIZATIONAL_LIFE: Frequency.YEARLY,
    MeetingKind.DEMOCRATIC_REVIEW: Frequency.YEARLY,
    MeetingKind.OTHER: Frequency.NONE,
}
# The kinds a committee sets in chat ("other meeting" is never a requirement there).
SETTABLE_KINDS = tuple(k for k in MeetingKind if k is not MeetingKind.OTHER)
PERIODIC = (Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY)
NEXT_FREQUENCY = {
    Frequency.MONTHLY: Frequency.QUARTERLY,
    Frequency.QUARTERLY: Frequency.YEARLY,
    Frequency.YEARLY: Frequency.NONE,
    Frequency.NONE: Frequency.MONTHLY,
}
OFFICER_ROLES = (Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.COMMITTEE_MEMBER)
# Reminders and missed reports go out from this local time (or when quiet hours end).
REMINDER_TIME = time(9, 0)
REMIND_KIND = "deadline-remind"
MISSED_KIND = "deadline-missed"
# Branches kept in one missed report's payload; the renderer says how many more there were.
REPORT_BRANCHES_KEPT = 300

Frequencies = Mapping[MeetingKind, Frequency]
_GROUP_MEETING = MeetingKind.GROUP_MEETING
_KIND_VALUE = {kind: kind.value for kind in MeetingKind}  # enum .value is slow in hot loops
KIND_ORDER = {kind: number for number, kind in enumerate(MeetingKind)}


class Status(StrEnum):
    HELD = "held"
    SCHEDULED = "scheduled"
    MISSING = "missing"


# ----------------------------------------------------------------------------- frequencies


def own_frequencies(settings: Mapping[str, Any] | None) -> dict[MeetingKind, Frequency]:
    """What one organization's own setting says; entries no rule can read are ignored."""
    raw = (settings or {}).get(FREQUENCIES_SETTING)
    if not isinstance(raw, dict):
        return {}
    found: dict[MeetingKind, Frequency] = {}
    for kind, frequency in raw.items():
        try:
            found[MeetingKind(kind)] = Frequency(frequency)
        except ValueError:
            continue
    return found


def inherit(above: Frequencies, settings: Mapping[str, Any] | None) -> Frequencies:
    """The frequencies below an organization: its own setting over what it inherits. The
    same object as `above` when it sets nothing, so a whole subtree shares one map."""
    own = own_frequencies(settings)
    return {**above, **own} if own else above


def period_of_label(label: str) -> Period:
    """The period of a stable label: "2026-11", "2026-Q4" or "2026"."""
    year, _, rest = label.partition("-")
    if not rest:
        return Period.containing(month_index(int(year), 1), Frequency.YEARLY)
    if rest.startswith("Q"):
        quarter = int(rest[1:])
        return Period.containing(month_index(int(year), quarter * 3), Frequency.QUARTERLY)
    return Period.containing(month_index(int(year), int(rest)), Frequency.MONTHLY)


# ----------------------------------------------------------------------------- evaluation


def zone_named(name: str | None, default: ZoneInfo, cache: dict[str | None, ZoneInfo]) -> ZoneInfo:
    """The zone an organization names; `default` when it names none or an unknown one."""
    found = cache.get(name)
    if found is None:
        try:
            found = ZoneInfo(name) if name else default
        except (ZoneInfoNotFoundError, ValueError):
            found = default
        cache[name] = found
    return found


Span = tuple[float, float]  # [start, end) of a period in one zone, as POSIX timestamps


class ZoneView:
    """Now, as seen in one time zone: today, the current and previous periods with their
    labels and bounds, and the moments reminders and reports come due. Computed once per
    zone, not per branch: a sweep over ten thousand branches asks these a hundred thousand
    times."""

    def __init__(self, zone: ZoneInfo, now: datetime) -> None:
        self.zone = zone
        self.today = now.astimezone(zone).date()
        month = month_of_date(self.today)
        self.current = {f: Period.containing(month, f) for f in PERIODIC}
        self.previous = {f: p.previous() for f, p in self.current.items()}
        self.label = {f: p.label for f, p in self.current.items()}
        self.previous_label = {f: p.label for f, p in self.previous.items()}
        # the previous period's report: from 09:00 on the first day of the current one
        self.report_due = {
            f: local_moment(p.start_day(), REMINDER_TIME, zone) for f, p in self.current.items()
        }
        self._bounds: dict[Period, tuple[datetime, datetime]] = {}
        self._spans: dict[Period, Span] = {}
        self._nearest: dict[Frequency, tuple[int, datetime] | None] = {}
        self._send_after: datetime | None = None

    def bounds(self, period: Period) -> tuple[datetime, datetime]:
        found = self._bounds.get(period)
        if found is None:
            found = self._bounds[period] = period.bounds(self.zone)
        return found

    def span(self, period: Period) -> Span:
        found = self._spans.get(period)
        if found is None:
            start, end = self.bounds(period)
            found = self._spans[period] = (start.timestamp(), end.timestamp())
        return found

    def days_left(self, period: Period) -> int:
        return (period.end_day() - self.today).days

    def send_after(self, now: datetime, quiet: QuietHours) -> datetime:
        """When a message queued now may go out here (after the quiet hours)."""
        if self._send_after is None:
            self._send_after = send_after(now, self.zone, quiet, urgent=False)
        return self._send_after

    def nearest_reminder(
        self, frequency: Frequency, offsets: Sequence[int], now: datetime
    ) -> tuple[int, datetime] | None:
        """The smallest offset whose moment (09:00 on end day − offset, inside the period)
        has come, with that moment; None before the first one."""
        if frequency not in self._nearest:
            period = self.current[frequency]
            due: list[tuple[int, datetime]] = []
            for days in offsets:
                day = period.end_day() - timedelta(days=days)
                moment = local_moment(day, REMINDER_TIME, self.zone)
                if day >= period.start_day() and moment <= now:
                    due.append((days, moment))
            self._nearest[frequency] = min(due) if due else None
        return self._nearest[frequency]


class Tree:
    """Organization rows with what each branch inherits: its frequencies, its groups."""

    def __init__(self, rows: Sequence[OrgRow]) -> None:
        self.rows = {row.id: row for row in rows}
        self.frequencies: dict[int, Frequencies] = {}
        self.groups: dict[int, list[OrgRow]] = defaultdict(list)
        self.branches: list[OrgRow] = []
        for row in rows:  # path order: every parent before its children
            above = self.frequencies.get(row.parent_id or 0, DEFAULT_FREQUENCIES)
            self.frequencies[row.id] = inherit(above, row.settings)
            if row.level is Level.BRANCH:
                self.branches.append(row)
            elif row.level is Level.GROUP and row.parent_id is not None:
                self.groups[row.parent_id].append(row)
        self._required: dict[tuple[int, bool], dict[Frequency, tuple[MeetingKind, ...]]] = {}

    def required(self, branch_id: int) -> dict[Frequency, tuple[MeetingKind, ...]]:
        """The kinds each frequency requires of the branch (no group meeting without groups)."""
        frequencies = self.frequencies[branch_id]
        with_groups = bool(self.groups.get(branch_id))
        key = (id(frequencies), with_groups)
        found = self._required.get(key)
        if found is None:
            found = {}
            for kind, frequency in frequencies.items():
                if frequency is Frequency.NONE:
                    continue
                if kind is MeetingKind.GROUP_MEETING and not with_groups:
                    continue
                found.setdefault(frequency, ())
                found[frequency] += (kind,)
            for frequency in found:
                found[frequency] = tuple(k for k in MeetingKind if k in found[frequency])
            self._required[key] = found
        return found

    def report_targets(self, committees: set[int]) -> dict[int, int]:
        """Branch id → the nearest committee above it among `committees` (those with
        admins to tell); branches with none are left out."""
        nearest: dict[int, int] = {}
        for row in self.rows.values():
            above = nearest.get(row.parent_id or 0)
            if row.level is Level.COMMITTEE and row.id in committees:
                above = row.id
            if above is not None:
                nearest[row.id] = above
        return {b.id: nearest[b.id] for b in self.branches if b.id in nearest}


@dataclass(frozen=True)
class GroupState:
    name: str
    status: Status
    at: datetime | None


@dataclass(frozen=True)
class KindState:
    """One required kind of one branch in one period."""

    kind: MeetingKind
    frequency: Frequency
    period: Period
    status: Status
    at: datetime | None = None  # the latest held meeting, or the next scheduled one
    groups: tuple[GroupState, ...] = ()


class Facts:
    """The meetings of a window by organization and kind, with whether each was held.
    Moments are compared as timestamps: a sweep makes a few hundred thousand comparisons."""

    def __init__(self, meetings: Iterable[MeetingRow], attended: set[int], now: datetime) -> None:
        self.now = now.timestamp()
        # kind → organization → (start, held, start as a datetime) of its meetings
        self.starts: dict[MeetingKind, dict[int, list[tuple[float, bool, datetime]]]] = {
            kind: defaultdict(list) for kind in MeetingKind
        }
        for meeting in meetings:
            self.starts[meeting.kind][meeting.org_id].append(
                (meeting.starts_at.timestamp(), meeting.id in attended, meeting.starts_at)
            )

    def status(self, org_id: int, kind: MeetingKind, span: Span) -> tuple[Status, datetime | None]:
        """Held (the latest such meeting), else scheduled (the next one), else missing.
        The one place that says what held and scheduled mean; a started meeting without a
        confirmed sign-in is neither."""
        start, end = span
        held: tuple[float, datetime] | None = None
        scheduled: tuple[float, datetime] | None = None
        for moment, attended, at in self.starts[kind].get(org_id, ()):
            if not start <= moment < end:
                continue
            if moment <= self.now:
                if attended and (held is None or moment > held[0]):
                    held = (moment, at)
            elif scheduled is None or moment < scheduled[0]:
                scheduled = (moment, at)
        if held is not None:
            return Status.HELD, held[1]
        if scheduled is not None:
            return Status.SCHEDULED, scheduled[1]
        return Status.MISSING, None

    def lacks(self, org_id: int, kind: MeetingKind, span: Span, held_only: bool) -> bool:
        """Not held (a report), or neither held nor scheduled (a reminder)."""
        if org_id not in self.starts[kind]:  # most branches: no meeting of the kind at all
            return True
        status = self.status(org_id, kind, span)[0]
        return status is not Status.HELD if held_only else status is Status.MISSING

    def missing(
        self,
        branch_id: int,
        groups: Sequence[OrgRow],
        kinds: Sequence[MeetingKind],
        span: Span,
        held_only: bool,
    ) -> tuple[dict[str, Any], ...]:
        """What a reminder or a report lists: the kinds lacking, for 党小组会 which groups.
        Tuples, not lists: the collector stops tracking tuples and dicts of plain values, and
        a sweep keeps tens of thousands of these until it has written them."""
        entries: list[dict[str, Any]] = []
        for kind in kinds:
            if kind is _GROUP_MEETING:
                names = tuple(g.name for g in groups if self.lacks(g.id, kind, span, held_only))
                if names:
                    entries.append({"kind": _KIND_VALUE[kind], "groups": names})
            elif self.lacks(branch_id, kind, span, held_only):
                entries.append({"kind": _KIND_VALUE[kind], "groups": ()})
        return tuple(entries)

    def kind_state(
        self,
        branch_id: int,
        groups: Sequence[OrgRow],
        kind: MeetingKind,
        frequency: Frequency,
        period: Period,
        span: Span,
    ) -> KindState:
        if kind is not MeetingKind.GROUP_MEETING:
            status, at = self.status(branch_id, kind, span)
            return KindState(kind, frequency, period, status, at)
        states = tuple(GroupState(g.name, *self.status(g.id, kind, span)) for g in groups)
        if all(s.status is Status.HELD for s in states):
            overall = Status.HELD
        elif all(s.status is not Status.MISSING for s in states):
            overall = Status.SCHEDULED
        else:
            overall = Status.MISSING
        return KindState(kind, frequency, period, overall, None, states)


def merge_windows(
    plans: Iterable[tuple[Period, tuple[MeetingKind, ...], tuple[datetime, datetime]]],
) -> list[Window]:
    """One window per period: the kinds wanted in it and the widest bounds over the time
    zones it is judged in."""
    merged: dict[Period, tuple[set[MeetingKind], datetime, datetime]] = {}
    seen: set[tuple[Period, tuple[MeetingKind, ...], tuple[datetime, datetime]]] = set()
    for plan in plans:
        if plan in seen:
            continue
        seen.add(plan)
        period, kinds, (start, end) = plan
        found = merged.get(period)
        if found is None:
            merged[period] = (set(kinds), start, end)
        else:
            found[0].update(kinds)
            merged[period] = (found[0], min(found[1], start), max(found[2], end))
    return [Window(frozenset(k), s, e) for k, s, e in merged.values()]


# ----------------------------------------------------------------------------- the sweep


@dataclass(frozen=True)
class SweepRules:
    default_zone: ZoneInfo
    quiet: QuietHours
    reminder_days: Mapping[str, Sequence[int]]  # frequency value → days before the end
    grace: timedelta


@dataclass
class SweepResult:
    reminders: int = 0
    reports: int = 0
    skipped: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"reminders": self.reminders, "reports": self.reports, "skipped": self.skipped}


class _Reminder(NamedTuple):
    branch: OrgRow
    view: ZoneView
    frequency: Frequency
    kinds: tuple[MeetingKind, ...]
    key: str

    @property
    def period(self) -> Period:
        return self.view.current[self.frequency]

    @property
    def label(self) -> str:
        return self.view.label[self.frequency]


@dataclass
class _Report:
    committee: OrgRow
    period: Period
    key: str
    branches: list[OrgRow] = field(default_factory=list)


@dataclass
class _Plan:
    """What one sweep found due, before looking at any meeting."""

    reminders: list[_Reminder] = field(default_factory=list)
    reports: list[_Report] = field(default_factory=list)
    skipped: list[Mark] = field(default_factory=list)


def _recipients(rows: Iterable[HolderRow]) -> dict[int, list[Recipient]]:
    """Reachable people by organization, each once (a secretary may also be a committee
    member) and in their language."""
    found: dict[int, dict[int, Recipient]] = defaultdict(dict)
    for row in rows:
        recipient = recipient_of(row.person_id, row.telegram_id, row.language)
        if recipient is not None:
            found[row.org_id][row.person_id] = recipient
    return {org_id: list(people.values()) for org_id, people in found.items()}


def zone_views(
    branches: Iterable[OrgRow], default_zone: ZoneInfo, now: datetime
) -> dict[int, ZoneView]:
    """Each branch's view of now, shared by all branches of one time zone."""
    zones: dict[str | None, ZoneInfo] = {}
    views: dict[ZoneInfo, ZoneView] = {}
    found: dict[int, ZoneView] = {}
    for branch in branches:
        zone = zone_named(branch.timezone, default_zone, zones)
        if zone not in views:
            views[zone] = ZoneView(zone, now)
        found[branch.id] = views[zone]
    return found


def _plan(
    tree: Tree,
    views: Mapping[int, ZoneView],
    marked: set[str],
    targets: Mapping[int, int],
    now: datetime,
    rules: SweepRules,
) -> _Plan:
    """The reminders due and not yet marked (too late ones become skipped marks), and the
    reports due: a committee's report of a period waits until every branch reporting to it
    is past the period and its 09:00 (branches may sit in different time zones), and judges
    only the branches that existed when the period began (a first sweep after installing
    must not report the periods before it for branches entered today)."""
    plan = _Plan()
    offsets = {
        f: sorted({d for d in rules.reminder_days.get(f.value, ()) if d >= 0}) for f in PERIODIC
    }
    waiting: set[tuple[int, str]] = set()
    reports: dict[tuple[int, str], _Report] = {}
    for branch in tree.branches:
        view = views[branch.id]
        target = targets.get(branch.id)
        created = branch.created_at.timestamp()
        for frequency, kinds in tree.required(branch.id).items():
            label = view.label[frequency]
            nearest = view.nearest_reminder(frequency, offsets[frequency], now)
            if nearest is not None:
                key = f"{REMIND_KIND}:{branch.id}:{label}:{nearest[0]}"
                if key in marked:
                    pass
                elif now - nearest[1] > rules.grace:
                    plan.skipped.append(Mark(key, REMIND_KIND, label, skipped=True))
                else:
                    plan.reminders.append(_Reminder(branch, view, frequency, kinds, key))
            if target is None:
                continue
            previous = view.previous_label[frequency]
            waiting.add((target, label))
            if now < view.report_due[frequency]:
                waiting.add((target, previous))
                continue
            report = reports.get((target, previous))
            if report is None:
                key = f"{MISSED_KIND}:{target}:{previous}"
                if key in marked:
                    continue
                report = _Report(tree.rows[target], view.previous[frequency], key)
                reports[(target, previous)] = report
            if created <= view.span(report.period)[0]:  # it existed all through the period
                report.branches.append(branch)
    plan.reports = [r for k, r in reports.items() if k not in waiting]
    return plan


async def sweep(uow: UnitOfWork, now: datetime, rules: SweepRules) -> SweepResult:
    """Queue the reminders and missed reports that came due; mark everything handled.

    Reminder: for each frequency, at 09:00 local on (period end − d days) for each d of
    `rules.reminder_days`; after downtime only the nearest offset, skipped (marked, not
    sent) when later than the grace. Report: from 09:00 local on the first day after a
    period, within the following one, to the nearest committee above with reachable admins,
    of the branches created before the period began.
    Two racing sweeps: the second one's mark fails on its key, it rolls back and reports
    zeros. Statements: 4 when nothing is due, at most 8 reads and 4 writes otherwise.
    """
    repo = DeadlineRepository(uow.session)
    tree = Tree(await repo.organizations())
    views = zone_views(tree.branches, rules.default_zone, now)
    distinct = {id(v): v for v in views.values()}.values()
    marked = await uow.marks.keys(REMIND_KIND, {v.label[f] for v in distinct for f in PERIODIC})
    marked |= await uow.marks.keys(
        MISSED_KIND, {v.previous_label[f] for v in distinct for f in PERIODIC}
    )
    admins = _recipients(await repo.reachable_holders([Role.ADMIN], Level.COMMITTEE))
    plan = _plan(tree, views, marked, tree.report_targets(set(admins)), now, rules)
    result = SweepResult(skipped=len(plan.skipped))
    if not plan.reminders and not plan.reports:
        return await _record(uow, plan.skipped, [], now, result) if plan.skipped else result

    windows = merge_windows(
        [
            *((r.period, r.kinds, r.view.bounds(r.period)) for r in plan.reminders),
            *(
                (
                    report.period,
                    tree.required(branch.id)[report.period.frequency],
                    views[branch.id].bounds(report.period),
                )
                for report in plan.reports
                for branch in report.branches
            ),
        ]
    )
    facts = Facts(*await repo.meetings(windows, now), now)
    marks = [*plan.skipped]
    items: list[Queued] = []

    reminders = []
    for reminder in plan.reminders:
        marks.append(Mark(reminder.key, REMIND_KIND, reminder.label))
        branch, view = reminder.branch, reminder.view
        missing = facts.missing(
            branch.id,
            tree.groups.get(branch.id, ()),
            reminder.kinds,
            view.span(reminder.period),
            held_only=False,
        )
        if missing:
            reminders.append((reminder, missing))
    officers = (
        _recipients(await repo.reachable_holders(OFFICER_ROLES, Level.BRANCH)) if reminders else {}
    )
    for reminder, missing in reminders:
        recipients = officers.get(reminder.branch.id)
        if not recipients:
            continue
        period, view = reminder.period, reminder.view
        items.append(
            Queued(
                kind=BroadcastKind.DEADLINE_REMINDER,
                org_id=reminder.branch.id,
                not_before=view.send_after(now, rules.quiet),
                payload={
                    "branch": reminder.branch.name,
                    "period": reminder.label,
                    "deadline": period.end_day().isoformat(),
                    "days": view.days_left(period),
                    "missing": missing,
                },
                dedupe_key=reminder.key,
                recipients=recipients,
            )
        )
        result.reminders += 1

    for report in plan.reports:
        marks.append(Mark(report.key, MISSED_KIND, report.period.label))
        frequency = report.period.frequency
        missed = [
            {"name": branch.name, "missed": entries}
            for branch in report.branches
            for span in (views[branch.id].span(report.period),)
            if (
                entries := facts.missing(
                    branch.id,
                    existing_at(tree.groups.get(branch.id, ()), span[0]),
                    tree.required(branch.id)[frequency],
                    span,
                    held_only=True,
                )
            )
        ]
        if not missed:
            continue
        committee = report.committee
        items.append(
            Queued(
                kind=BroadcastKind.DEADLINE_MISSED,
                org_id=committee.id,
                recipients=admins.get(committee.id, []),
                not_before=send_after(
                    now, zone_named(committee.timezone, rules.default_zone, {}), rules.quiet, False
                ),
                payload={
                    "committee": committee.name,
                    "period": report.period.label,
                    "total": len(report.branches),
                    "branches": missed[:REPORT_BRANCHES_KEPT],
                    "more": max(0, len(missed) - REPORT_BRANCHES_KEPT),
                },
                dedupe_key=report.key,
            )
        )
        result.reports += 1
    return await _record(uow, marks, items, now, result)


def existing_at(groups: Sequence[OrgRow], since: float) -> list[OrgRow]:
    """The party groups that existed when the period began: a group set up during it is
    not reported for missing it (nor is a branch, see _plan)."""
    return [group for group in groups if group.created_at.timestamp() <= since]


async def _record(
    uow: UnitOfWork, marks: list[Mark], items: list[Queued], now: datetime, result: SweepResult
) -> SweepResult:
    """The marks and the broadcasts with their rows in one transaction and a fixed number of
    statements. A mark already there means another process handled the same reminders
    first: roll back, nothing queued twice."""
    try:
        await uow.marks.add(marks, now)
        await enqueue_many(uow, items, now)
        await uow.commit()
    except IntegrityError:
        await uow.session.rollback()
        log.info("deadline sweep: another process handled these reminders first")
        return SweepResult()
    return result


# ----------------------------------------------------------------------------- in the chat


async def places_for(uow: UnitOfWork, actor: Actor) -> scope.Places:
    return await scope.places(uow, actor, Action.VIEW_DEADLINES, OFFICER_ROLES)


@dataclass(frozen=True)
class BranchStatus:
    branch: Organization
    zone: ZoneInfo
    today: date
    kinds: list[KindState]

    def days_left(self, state: KindState) -> int:
        return (state.period.end_day() - self.today).days


async def _current_states(
    uow: UnitOfWork, root: Organization, now: datetime, default_zone: ZoneInfo
) -> tuple[Tree, dict[int, ZoneView], dict[int, list[KindState]]]:
    """Every branch under `root` (itself included) with the state of each required kind in
    its current periods: one read of the organizations, one of the meetings with whether
    each has a confirmed sign-in."""
    repo = DeadlineRepository(uow.session)
    tree = Tree(await repo.lineage_and_subtree(root))
    branches = [b for b in tree.branches if b.path.startswith(root.path)]
    branch_views = zone_views(branches, default_zone, now)
    windows = merge_windows(
        (view.current[f], kinds, view.bounds(view.current[f]))
        for branch in branches
        for view in (branch_views[branch.id],)
        for f, kinds in tree.required(branch.id).items()
    )
    facts = Facts(*await repo.meetings(windows, now, under=root.path), now)
    states: dict[int, list[KindState]] = {}
    for branch in branches:
        view = branch_views[branch.id]
        groups = tree.groups.get(branch.id, [])
        found = [
            facts.kind_state(
                branch.id,
                groups,
                kind,
                frequency,
                view.current[frequency],
                view.span(view.current[frequency]),
            )
            for frequency, kinds in tree.required(branch.id).items()
            for kind in kinds
        ]
        states[branch.id] = sorted(found, key=lambda s: KIND_ORDER[s.kind])
    return tree, branch_views, states


async def branch_status(
    uow: UnitOfWork, actor: Actor, branch_id: int, now: datetime, default_zone: ZoneInfo
) -> BranchStatus:
    """Each required kind of the branch in its current period: held, scheduled or missing."""
    branch = await scope.get_at_level(uow, actor, Action.VIEW_DEADLINES, branch_id, Level.BRANCH)
    _, views, states = await _current_states(uow, branch, now, default_zone)
    view = views[branch.id]
    return BranchStatus(branch, view.zone, view.today, states[branch.id])


def tree_order(row: OrgRow) -> tuple[int, ...]:
    """Depth first, older nodes first: "/1/4/" before "/1/10/" (the path text would not)."""
    return tuple(int(part) for part in row.path.strip("/").split("/") if part)


@dataclass(frozen=True)
class BranchGap:
    name: str
    missing: list[KindState]  # neither held nor scheduled yet


@dataclass(frozen=True)
class Overview:
    committee: Organization
    total: int  # branches in the subtree
    gaps: list[BranchGap]  # the branches with something missing, depth first
    today: date
    may_set: bool  # the actor sets the committee's frequencies


async def committee_overview(
    uow: UnitOfWork, actor: Actor, committee_id: int, now: datetime, default_zone: ZoneInfo
) -> Overview:
    committee = await scope.get_at_level(
        uow, actor, Action.VIEW_DEADLINES, committee_id, Level.COMMITTEE
    )
    tree, _, states = await _current_states(uow, committee, now, default_zone)
    gaps = [
        BranchGap(tree.rows[branch_id].name, missing)
        for branch_id, found in sorted(states.items(), key=lambda i: tree_order(tree.rows[i[0]]))
        if (missing := [s for s in found if s.status is Status.MISSING])
    ]
    return Overview(
        committee,
        len(states),
        gaps,
        now.astimezone(zone_of(committee, default_zone)).date(),
        can(actor, Action.SET_MEETING_FREQUENCY, committee),
    )


# ----------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class FrequencySettings:
    committee: Organization
    inherited: Frequencies  # what applies without the committee's own setting
    own: dict[MeetingKind, Frequency]  # what the committee itself set

    def effective(self, kind: MeetingKind) -> Frequency:
        return self.own.get(kind, self.inherited[kind])


async def _frequency_settings(uow: UnitOfWork, committee: Organization) -> FrequencySettings:
    ids = [int(part) for part in committee.path.strip("/").split("/")[:-1] if part]
    above = await uow.organizations.by_ids(ids)
    inherited: Frequencies = DEFAULT_FREQUENCIES
    for org_id in ids:
        if org_id in above:
            inherited = inherit(inherited, above[org_id].settings)
    return FrequencySettings(committee, inherited, own_frequencies(committee.settings))


async def _settable(uow: UnitOfWork, actor: Actor, committee_id: int) -> Organization:
    return await scope.get_at_level(
        uow, actor, Action.SET_MEETING_FREQUENCY, committee_id, Level.COMMITTEE
    )


async def frequencies_of(uow: UnitOfWork, actor: Actor, committee_id: int) -> FrequencySettings:
    return await _frequency_settings(uow, await _settable(uow, actor, committee_id))


async def set_frequency(
    uow: UnitOfWork, actor: Actor, committee_id: int, kind: MeetingKind, frequency: Frequency
) -> FrequencySettings:
    """Require `kind` at `frequency` in the committee's whole subtree (unless a committee
    nearer a branch says otherwise). Setting what is already set changes nothing."""
    committee = await _settable(uow, actor, committee_id)
    if kind not in SETTABLE_KINDS:
        raise InvalidInput("deadlines-error-kind")
    own = own_frequencies(committee.settings)
    own[kind] = frequency
    value = {k.value: f.value for k, f in own.items()}
    committee.settings = {**(committee.settings or {}), FREQUENCIES_SETTING: value}
    await uow.commit()
    return await _frequency_settings(uow, committee)


async def reset_frequencies(uow: UnitOfWork, actor: Actor, committee_id: int) -> FrequencySettings:
    """Drop the committee's own setting: its subtree follows the defaults (or the setting of
    a committee above it) again."""
    committee = await _settable(uow, actor, committee_id)
    settings = dict(committee.settings or {})
    if settings.pop(FREQUENCIES_SETTING, None) is not None:
        committee.settings = settings
        await uow.commit()
    return await _frequency_settings(uow, committee)
