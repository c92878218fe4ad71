"""Reports a secretary would otherwise count by hand: a branch's month, quarter or year at a
glance, and a committee's branches side by side with a score (bot.services.scoring).

CONTRACT (groundwork): the dataclasses and signatures below are what the handler, the
charts and the exports use; the bodies are filled in by the reports data work.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.services.access import Actor
from bot.services.periods import Frequency, Period
from bot.services.roles import MeetingKind
from bot.services.scoring import Component, Score, ScoreRules
from storage.models import Organization
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


@dataclass(frozen=True)
class Places:
    """Where the actor reads reports: committees (admins) and branches (officers)."""

    committees: list[Organization]
    branches: list[Organization]


async def places_for(uow: UnitOfWork, actor: Actor) -> Places:
    """VIEW_REPORTS: the committees an admin reaches and the branches an officer reaches."""
    raise NotImplementedError


def current_period(now: datetime, zone: ZoneInfo, frequency: Frequency) -> Period:
    """The month, quarter or year containing `now` in `zone`."""
    raise NotImplementedError


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
    raise NotImplementedError


async def committee_report(
    uow: UnitOfWork,
    actor: Actor,
    committee_id: int,
    period: Period,
    now: datetime,
    default_zone: ZoneInfo,
) -> CommitteeReport:
    """VIEW_REPORTS on the committee: every branch of its subtree, read with a fixed number
    of statements however many branches, scored with the rules in force at the committee."""
    raise NotImplementedError
