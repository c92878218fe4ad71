"""The registers a branch keeps on paper, from what the bot already knows: the
organizational-life register (组织生活记录册, every meeting with who came and how), from
which the attendance matrix (members × meetings) is drawn, and the ticket register.

CONTRACT (groundwork): the dataclasses and signatures below are what the exports and the
handler use; the bodies are filled in by the register data work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.services.access import Actor
from bot.services.periods import Period
from bot.services.roles import MeetingKind, SignInMethod
from bot.services.tickets import HistoryLine
from storage.models import MeetingStatus, Organization, Ticket
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class Attendee:
    person_id: int
    name: str
    method: SignInMethod
    signed_at: datetime  # UTC, when they signed (not when it reached the server)
    proxy_by: str | None  # who signed them in, for a proxy sign-in


@dataclass(frozen=True)
class Absentee:
    person_id: int
    name: str
    reason: str  # the leave reason ("" for an absence without leave)


@dataclass(frozen=True)
class RegisterEntry:
    """One meeting of the branch or one of its groups in the period."""

    meeting_id: int
    org_name: str  # the branch, or the party group
    kind: MeetingKind
    title: str  # the topic
    venue: str
    starts_at: datetime  # UTC
    status: MeetingStatus
    held: bool  # started, not cancelled, at least one confirmed sign-in (as deadlines count)
    invited: int
    present: tuple[Attendee, ...]  # confirmed sign-ins, by method then name
    pending: tuple[Absentee, ...]  # signed in, waiting for an officer's review
    on_leave: tuple[Absentee, ...]  # approved leave
    absent: tuple[Absentee, ...]  # invited, neither present, pending nor on leave
    minutes: str
    minutes_photos: int


@dataclass(frozen=True)
class Register:
    branch: Organization
    period: Period
    zone: ZoneInfo
    entries: tuple[RegisterEntry, ...]  # started meetings (cancelled ones too), by start
    members: tuple[tuple[int, str], ...]  # (person id, name): party members now, by name


@dataclass(frozen=True)
class TicketEntry:
    ticket: Ticket
    reporter: str
    assignee: str | None
    overdue: bool  # bot.services.tickets.is_overdue at `now`
    history: tuple[HistoryLine, ...]


@dataclass(frozen=True)
class TicketRegister:
    branch: Organization
    period: Period
    zone: ZoneInfo
    entries: tuple[TicketEntry, ...]  # tickets reported in the period, by report time


async def register(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    period: Period,
    now: datetime,
    default_zone: ZoneInfo,
) -> Register:
    """VIEW_REPORTS on the branch; a fixed number of statements however many meetings."""
    raise NotImplementedError


async def ticket_register(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    period: Period,
    now: datetime,
    default_zone: ZoneInfo,
) -> TicketRegister:
    """VIEW_REPORTS on the branch; a fixed number of statements however many tickets."""
    raise NotImplementedError
