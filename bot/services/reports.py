"""Reports a secretary would otherwise count by hand: a branch's month, quarter or year at a
glance, and a committee's branches side by side with a score (bot.services.scoring).

Each branch is judged in its own time zone, over its period up to today:
- required meetings in slots (KindCompliance), held as the deadlines judge it (started, not
  cancelled, a confirmed sign-in), each branch and party group only from when it existed;
- the meetings held that started in the period, with 应到 / 实到 / leave;
- dues in member-months, where the profile row in force puts the member (as the dues
  ledger's month sheet counts them);
- tickets reported in the period, as the ticket statistics count them;
- receipts of the guidance published for the period's months.
One core builds every branch under a root (the branch itself, or a committee) with a fixed
number of statements however many branches, members or meetings.
"""

from __future__ import annotations

import asyncio
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.services import scope, scoring
from bot.services.access import Action, Actor
from bot.services.deadlines import (
    KIND_ORDER,
    OFFICER_ROLES,
    PERIODIC,
    Facts,
    Span,
    Status,
    Tree,
    ZoneView,
    existing_at,
    merge_windows,
    tree_order,
    zone_named,
    zone_views,
)
from bot.services.errors import InvalidInput
from bot.services.periods import Frequency, Period, month_at, month_label, month_of_date
from bot.services.roles import Level, MeetingKind
from bot.services.scope import Places as Places  # re-exported: the handler names it
from bot.services.scoring import Component, Score, ScoreRules
from storage.deadlines_repo import MeetingRow, OrgRow
from storage.models import Organization, TicketStatus
from storage.reports_repo import (
    CountedRow,
    DuesRow,
    PaidRow,
    ReceiptRow,
    ReportsRepository,
    TicketRow,
)
from storage.tickets_repo import OPEN_STATUSES
from storage.uow import UnitOfWork

# Called from the building code with (done, total) steps; the handler shows progress.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class KindCompliance:
    """One required meeting kind over the report's period, counted in slots: one slot per
    required period (a month for a monthly kind) overlapping the report's period, per
    organization that must hold it (the branch; for 党小组会 each party group)."""

    kind: MeetingKind
    frequency: Frequency
    held: int  # slots in which such a meeting was held
    missed: int  # slots ended without one
    open: int  # slots still running, not held yet (counted neither way)

    @property
    def required(self) -> int:
        return self.held + self.missed


@dataclass(frozen=True)
class MeetingAttendance:
    """One meeting held in the period (by the branch or one of its groups): who came."""

    meeting_id: int
    org_name: str  # the branch, or the party group that held it
    kind: MeetingKind
    title: str
    starts_at: datetime  # UTC
    invited: int  # 应到
    present: int  # 实到: confirmed sign-ins
    on_leave: int  # approved leave, not signed in

    @property
    def rate(self) -> float | None:
        return self.present / self.invited if self.invited else None


@dataclass(frozen=True)
class DuesSummary:
    """Dues of the period's months up to the current one, over the members assessed."""

    due_fen: int
    paid_fen: int  # booked on those months (voluntary extras included)
    months_due: int  # member-months with something due
    months_paid: int  # of those, paid

    @property
    def rate(self) -> float | None:
        return self.months_paid / self.months_due if self.months_due else None


@dataclass(frozen=True)
class TicketSummary:
    """Tickets reported in the period (merged duplicates not counted) and how they fared."""

    reported: int
    resolved: int  # resolved or closed
    resolved_late: int  # of those, after their due time
    open_late: int  # still open past their due time
    declined: int
    rated: int
    average_rating: float | None

    @property
    def overdue(self) -> int:
        return self.resolved_late + self.open_late

    @property
    def judged(self) -> int:
        """Tickets that can be judged now: solved, or past their due time."""
        return self.resolved + self.open_late

    @property
    def resolution_rate(self) -> float | None:
        """Solved in time, of those judged."""
        return (self.resolved - self.resolved_late) / self.judged if self.judged else None


@dataclass(frozen=True)
class GuidanceSummary:
    """The committees' guidance for the period's months, as received by the branch."""

    received: int
    acknowledged: int

    @property
    def rate(self) -> float | None:
        return self.acknowledged / self.received if self.received else None


@dataclass(frozen=True)
class BranchReport:
    branch: Organization
    period: Period
    zone: ZoneInfo
    through: date  # the last day counted: the period's end, or today for the current one
    compliance: tuple[KindCompliance, ...]  # required kinds, in MeetingKind order
    meetings: tuple[MeetingAttendance, ...]  # held meetings, by start
    dues: DuesSummary
    tickets: TicketSummary
    guidance: GuidanceSummary

    @property
    def meetings_required(self) -> int:
        return sum(c.required for c in self.compliance)

    @property
    def meetings_held(self) -> int:
        return sum(c.held for c in self.compliance)

    @property
    def attendance_rate(self) -> float | None:
        """Sign-ins over invitations, pooled over the meetings held."""
        invited = sum(m.invited for m in self.meetings)
        return sum(m.present for m in self.meetings) / invited if invited else None

    def rates(self) -> Mapping[Component, float | None]:
        """What the score weighs (bot.services.scoring)."""
        required = self.meetings_required
        rating = self.tickets.average_rating
        return {
            Component.MEETINGS: self.meetings_held / required if required else None,
            Component.ATTENDANCE: self.attendance_rate,
            Component.DUES: self.dues.rate,
            Component.TICKETS: self.tickets.resolution_rate,
            Component.SATISFACTION: rating / 5 if rating is not None else None,
            Component.GUIDANCE: self.guidance.rate,
        }


@dataclass(frozen=True)
class BranchRow:
    report: BranchReport
    score: Score


@dataclass(frozen=True)
class CommitteeReport:
    committee: Organization
    period: Period
    rules: ScoreRules
    rows: tuple[BranchRow, ...]  # lowest score first (most in need of help), unscored last


async def places_for(uow: UnitOfWork, actor: Actor) -> Places:
    """VIEW_REPORTS: the committees an admin reaches and the branches an officer reaches."""
    return await scope.places(uow, actor, Action.VIEW_REPORTS, OFFICER_ROLES)


def current_period(now: datetime, zone: ZoneInfo, frequency: Frequency) -> Period:
    """The month, quarter or year containing `now` in `zone`."""
    return Period.containing(month_at(now, zone), frequency)


def _begun(period: Period, now: datetime, zone: ZoneInfo) -> None:
    """A report of a period that has not begun would be all zeros: refused."""
    if now.astimezone(zone).date() < period.start_day():
        raise InvalidInput("report-error-period")


async def branch_report(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    period: Period,
    now: datetime,
    default_zone: ZoneInfo,
) -> BranchReport:
    """VIEW_REPORTS on the branch; InvalidInput("report-error-period") for a period that
    has not begun in the branch's zone."""
    branch = await scope.get_at_level(uow, actor, Action.VIEW_REPORTS, branch_id, Level.BRANCH)
    _begun(period, now, zone_named(branch.timezone, default_zone, {}))
    _, reports = await _reports(uow, branch, period, now, default_zone)
    return reports[0]


async def committee_report(
    uow: UnitOfWork,
    actor: Actor,
    committee_id: int,
    period: Period,
    now: datetime,
    default_zone: ZoneInfo,
) -> CommitteeReport:
    """VIEW_REPORTS on the committee: every branch of its subtree, read with a fixed number
    of statements however many branches, scored with the rules in force at the committee.
    InvalidInput("report-error-period") for a period not begun in the committee's zone (a
    branch in a zone where it has not begun yet counts nothing)."""
    committee = await scope.get_at_level(
        uow, actor, Action.VIEW_REPORTS, committee_id, Level.COMMITTEE
    )
    _begun(period, now, zone_named(committee.timezone, default_zone, {}))
    rules = await scoring.rules_for(uow, committee)
    tree, reports = await _reports(uow, committee, period, now, default_zone)
    rows = [BranchRow(report, scoring.score(report.rates(), rules)) for report in reports]
    rows.sort(
        key=lambda row: (
            row.score.points is None,
            row.score.points or 0.0,
            tree_order(tree.rows[row.report.branch.id]),
        )
    )
    return CommitteeReport(committee, period, rules, tuple(rows))


# ----------------------------------------------------------------------------- tickets


_SOLVED = (TicketStatus.RESOLVED, TicketStatus.CLOSED)


class TicketFacts(Protocol):
    """What a ticket summary reads of a ticket: a storage.models.Ticket or a plain row."""

    @property
    def status(self) -> TicketStatus: ...
    @property
    def due_at(self) -> datetime: ...
    @property
    def resolved_at(self) -> datetime | None: ...
    @property
    def rating(self) -> int | None: ...


def ticket_summary(tickets: Iterable[TicketFacts], now: datetime) -> TicketSummary:
    """The one count of a period's tickets (reports, charts, the ticket register), as
    tickets.compute_stats counts them: merged duplicates left out; solved = resolved or
    closed with a resolution time (a reopened one is open again), rated = solved with a
    rating; late as tickets.is_overdue judges it."""
    reported = resolved = resolved_late = open_late = declined = 0
    ratings: list[int] = []
    for ticket in tickets:
        if ticket.status is TicketStatus.MERGED:
            continue
        reported += 1
        if ticket.status in _SOLVED and ticket.resolved_at is not None:
            resolved += 1
            resolved_late += ticket.resolved_at > ticket.due_at
            if ticket.rating is not None:
                ratings.append(ticket.rating)
        elif ticket.status in OPEN_STATUSES:
            open_late += now > ticket.due_at
        elif ticket.status is TicketStatus.DECLINED:
            declined += 1
    return TicketSummary(
        reported,
        resolved,
        resolved_late,
        open_late,
        declined,
        len(ratings),
        statistics.fmean(ratings) if ratings else None,
    )


# ----------------------------------------------------------------------------- the core


def _org_row(org: Organization) -> OrgRow:
    return OrgRow(
        org.id,
        org.parent_id,
        org.path,
        org.level,
        org.name,
        org.timezone,
        org.settings,
        org.created_at,
    )


def _slots(period: Period, frequency: Frequency) -> list[Period]:
    """The periods of `frequency` overlapping `period`: the quarter of a month, the twelve
    months of a year."""
    return sorted({Period.containing(m, frequency) for m in range(period.first, period.last + 1)})


@dataclass(frozen=True)
class _Read:
    """Everything the statements read, as plain rows and objects already loaded: what the
    pure part works on in a thread (no ORM attribute is loaded there)."""

    period: Period
    now: datetime
    tree: Tree
    branches: list[OrgRow]  # in tree order
    views: Mapping[int, ZoneView]
    slots: Mapping[Frequency, list[Period]]
    orgs: Mapping[int, Organization]  # only handed on to the reports
    meetings: list[CountedRow]
    profiles: list[DuesRow]
    paid: list[PaidRow]
    tickets: list[TicketRow]
    receipts: list[ReceiptRow]


async def _reports(
    uow: UnitOfWork, root: Organization, period: Period, now: datetime, default_zone: ZoneInfo
) -> tuple[Tree, list[BranchReport]]:
    """The report of every branch at or below `root`, in tree order, each judged in its own
    zone: one read of the organizations, then one each of the meetings started (for the
    slots and the attendance), the dues profiles, the dues paid per branch and month, the
    tickets and the guidance receipts, however many branches. The counting runs in a
    thread: a committee's year is tens of thousands of rows, and the bot keeps answering."""
    repo = ReportsRepository(uow.session)
    orgs = {org.id: org for org in await repo.organizations(root)}
    tree = Tree([_org_row(org) for org in orgs.values()])
    branches = sorted((b for b in tree.branches if b.path.startswith(root.path)), key=tree_order)
    if not branches:
        return tree, []
    views = zone_views(branches, default_zone, now)
    zones = {id(view): view for view in views.values()}.values()
    start = min(view.bounds(period)[0] for view in zones)
    end = max(view.bounds(period)[1] for view in zones)
    slots = {f: _slots(period, f) for f in PERIODIC}
    windows = merge_windows(
        (slot, kinds, view.bounds(slot))
        for branch in branches
        for view in (views[branch.id],)
        for frequency, kinds in tree.required(branch.id).items()
        for slot in slots[frequency]
        if view.bounds(slot)[0] <= now
    )
    months = [month_label(m) for m in range(period.first, period.last + 1)]
    read = _Read(
        period=period,
        now=now,
        tree=tree,
        branches=branches,
        views=views,
        slots=slots,
        orgs=orgs,
        meetings=await repo.started_meetings(root.path, start, end, windows, now),
        profiles=await repo.dues_profiles(root.path, period.last),
        paid=await repo.dues_paid(root.path, period.first, period.last),
        tickets=await repo.tickets(root.path, start, end),
        receipts=await repo.receipts(root.path, months),
    )
    return tree, await asyncio.to_thread(_build, read)


def _build(read: _Read) -> list[BranchReport]:
    """The pure part: rows in, every branch's report out."""
    period, views = read.period, read.views
    held = [m for m in read.meetings if m.present]
    facts = Facts(
        (MeetingRow(m.id, m.org_id, m.kind, m.starts_at) for m in held),
        {m.id for m in held},
        read.now,
    )
    spans = {b.id: views[b.id].span(period) for b in read.branches}
    meetings = _attendance(held, read.tree, read.branches, spans)
    current = {b.id: month_of_date(views[b.id].today) for b in read.branches}
    dues = _dues(read.profiles, read.paid, period, current)
    tickets: dict[int, list[TicketRow]] = defaultdict(list)
    for ticket in read.tickets:
        span = spans.get(ticket.org_id)
        if span is not None and span[0] <= ticket.reported_at.timestamp() < span[1]:
            tickets[ticket.org_id].append(ticket)
    guidance: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for receipt in read.receipts:
        guidance[receipt.branch_id][0] += 1
        guidance[receipt.branch_id][1] += receipt.acknowledged
    slot_spans = {
        id(view): {f: [view.span(slot) for slot in found] for f, found in read.slots.items()}
        for view in views.values()
    }
    moment = read.now.timestamp()
    reports = []
    for branch in read.branches:
        view = views[branch.id]
        reports.append(
            BranchReport(
                branch=read.orgs[branch.id],
                period=period,
                zone=view.zone,
                through=min(period.end_day(), view.today),
                compliance=_compliance(branch, read.tree, facts, slot_spans[id(view)], moment),
                meetings=tuple(meetings[branch.id]),
                dues=dues.get(branch.id, DuesSummary(0, 0, 0, 0)),
                tickets=ticket_summary(tickets[branch.id], read.now),
                guidance=GuidanceSummary(*guidance.get(branch.id, (0, 0))),
            )
        )
    return reports


def _attendance(
    held: Iterable[CountedRow],
    tree: Tree,
    branches: Iterable[OrgRow],
    spans: Mapping[int, Span],
) -> dict[int, list[MeetingAttendance]]:
    """The meetings held by each branch and its groups that started in the period (`spans`:
    each branch's, in its zone), by start."""
    owner = {}
    for branch in branches:
        owner[branch.id] = branch.id
        owner.update((g.id, branch.id) for g in tree.groups.get(branch.id, ()))
    found: dict[int, list[MeetingAttendance]] = defaultdict(list)
    for meeting in sorted(held, key=lambda m: (m.starts_at, m.id)):
        branch_id = owner.get(meeting.org_id)
        if branch_id is None:
            continue
        span = spans[branch_id]
        if not span[0] <= meeting.starts_at.timestamp() < span[1]:
            continue
        found[branch_id].append(
            MeetingAttendance(
                meeting.id,
                tree.rows[meeting.org_id].name,
                meeting.kind,
                meeting.title,
                meeting.starts_at,
                meeting.invited,
                meeting.present,
                meeting.on_leave,
            )
        )
    return found


class _Count:
    """Held / missed / open slots of one kind at one branch."""

    __slots__ = ("held", "missed", "open")

    def __init__(self) -> None:
        self.held = self.missed = self.open = 0


def _compliance(
    branch: OrgRow,
    tree: Tree,
    facts: Facts,
    slots: Mapping[Frequency, list[Span]],
    now: float,
) -> tuple[KindCompliance, ...]:
    """Each required kind counted in slots (see KindCompliance; `slots`: their spans in the
    branch's zone): only slots begun by now, only for the organizations that existed when
    the slot began (as the missed report)."""
    groups = tree.groups.get(branch.id, [])
    created = branch.created_at.timestamp()
    found: list[KindCompliance] = []
    for frequency, kinds in tree.required(branch.id).items():
        counts = {kind: _Count() for kind in kinds}
        for span in slots[frequency]:
            if span[0] > now:
                continue
            ended = span[1] <= now
            for kind in kinds:
                if kind is MeetingKind.GROUP_MEETING:
                    holders: Sequence[OrgRow] = existing_at(groups, span[0])
                else:
                    holders = [branch] if created <= span[0] else []
                count = counts[kind]
                for org in holders:
                    if facts.status(org.id, kind, span)[0] is Status.HELD:
                        count.held += 1
                    elif ended:
                        count.missed += 1
                    else:
                        count.open += 1
        found.extend(
            KindCompliance(kind, frequency, c.held, c.missed, c.open) for kind, c in counts.items()
        )
    return tuple(sorted(found, key=lambda c: KIND_ORDER[c.kind]))


def _dues(
    profiles: Sequence[DuesRow],
    paid: Iterable[PaidRow],
    period: Period,
    current: Mapping[int, int],
) -> dict[int, DuesSummary]:
    """Per branch, the member-months of the period up to the branch's current month whose
    profile row in force is at the branch: due when its amount is above 0, paid when
    credited. Paid fen counts every credit of those member-months, as the ledger's month
    sheet does (an exempt member's voluntary payment too). A profile row is in force from
    its month until the person's next row: its months are counted, not walked."""
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for index, row in enumerate(profiles):
        last = current.get(row.branch_id)
        if last is None or row.amount_fen <= 0:
            continue
        following = profiles[index + 1] if index + 1 < len(profiles) else None
        if following is not None and following.person_id == row.person_id:
            last = min(last, following.from_month - 1)
        months = min(last, period.last) - max(row.from_month, period.first) + 1
        if months > 0:
            total = totals[row.branch_id]
            total[0] += row.amount_fen * months
            total[2] += months
    for month in paid:
        last = current.get(month.branch_id)
        if last is not None and month.month <= last:
            total = totals[month.branch_id]
            total[1] += month.paid_fen
            total[3] += month.months_paid
    return {branch_id: DuesSummary(*total) for branch_id, total in totals.items()}
