"""Typed SQLAlchemy models: the organization tree, people, roles, invites and join requests."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.services.dues_rules import DuesCategory
from bot.services.roles import Audience, Kind, Level, MeetingKind, Role, SignInMethod
from storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(cls: type[StrEnum]) -> Enum:
    """A portable VARCHAR holding the enum's value (no native PostgreSQL enum to migrate)."""
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class JoinStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class Organization(Base):
    """A node of the party organization tree.

    `path` is the materialized path of ids ("/1/4/9/") so that a whole subtree is one
    prefix query, which authorization and every later committee-wide report rely on.
    """

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[Level] = mapped_column(_enum(Level))
    kind: Mapped[Kind | None] = mapped_column(_enum(Kind), nullable=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    path: Mapped[str] = mapped_column(String(512), index=True, default="")
    timezone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Person(Base):
    """Somebody the bot knows: a Telegram user, or a roster entry not yet linked to one."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    telegram_id: Mapped[int | None] = mapped_column(BigInteger, unique=True, nullable=True)
    display_name: Mapped[str] = mapped_column(String(128))
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Membership(Base):
    """One role of one person in one organization."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("person_id", "org_id", "role", name="uq_membership"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role] = mapped_column(_enum(Role))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Invite(Base):
    """A deep-link invitation to take one role in one organization."""

    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role] = mapped_column(_enum(Role))
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    max_uses: Mapped[int] = mapped_column(Integer)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class JoinRequest(Base):
    """Somebody who opened an invite and waits for a secretary's or admin's decision."""

    __tablename__ = "join_requests"
    __table_args__ = (Index("ix_join_requests_org_status", "org_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invite_id: Mapped[int | None] = mapped_column(
        ForeignKey("invites.id", ondelete="SET NULL"), nullable=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(_enum(Role))
    display_name: Mapped[str] = mapped_column(String(128))
    phone: Mapped[str | None] = mapped_column(String(32), nullable=True)
    status: Mapped[JoinStatus] = mapped_column(_enum(JoinStatus), default=JoinStatus.PENDING)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # When the approvers were told; NULL = still to tell (quiet hours, Telegram refused).
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class ProcessedUpdate(Base):
    """Telegram update ids already handled, written in the handler's own transaction.

    Telegram redelivers an update it believes unanswered; this makes the repeat a no-op.
    """

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Meeting(Base):
    """One meeting of a branch or party group, with its venue and sign-in rules."""

    __tablename__ = "meetings"
    __table_args__ = (Index("ix_meetings_org_starts", "org_id", "starts_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    kind: Mapped[MeetingKind] = mapped_column(_enum(MeetingKind))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    venue: Mapped[str] = mapped_column(String(200), default="")
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    radius_m: Mapped[int] = mapped_column(Integer, default=500)
    opens_before_min: Mapped[int] = mapped_column(Integer, default=30)
    closes_after_min: Mapped[int] = mapped_column(Integer, default=30)
    methods: Mapped[list[str]] = mapped_column(JSON, default=list)
    audience: Mapped[Audience] = mapped_column(_enum(Audience))
    audience_org_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE")
    )
    code: Mapped[str] = mapped_column(String(8))
    voice_auto_approve: Mapped[bool] = mapped_column(Boolean, default=False)
    reminder_minutes: Mapped[list[int]] = mapped_column(JSON, default=list)
    status: Mapped[MeetingStatus] = mapped_column(
        _enum(MeetingStatus), default=MeetingStatus.SCHEDULED
    )
    minutes: Mapped[str] = mapped_column(Text, default="")
    minutes_photos: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class InvitationResponse(StrEnum):
    NONE = "none"
    ATTENDING = "attending"
    LEAVE_REQUESTED = "leave_requested"
    LEAVE_APPROVED = "leave_approved"
    LEAVE_REJECTED = "leave_rejected"


class Invitation(Base):
    """A member invited to a meeting, and what they answered (attend, or ask for leave)."""

    __tablename__ = "invitations"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id", name="uq_invitation"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    response: Mapped[InvitationResponse] = mapped_column(
        _enum(InvitationResponse), default=InvitationResponse.NONE
    )
    leave_reason: Mapped[str] = mapped_column(String(500), default="")
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class AttendanceStatus(StrEnum):
    CONFIRMED = "confirmed"
    PENDING_REVIEW = "pending_review"
    REJECTED = "rejected"


class Attendance(Base):
    """One member's sign-in to one meeting: how, when they signed, the evidence, who confirmed."""

    __tablename__ = "attendances"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id", name="uq_attendance"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    method: Mapped[SignInMethod] = mapped_column(_enum(SignInMethod))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[AttendanceStatus] = mapped_column(_enum(AttendanceStatus))
    confirmed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    proxy_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    note: Mapped[str] = mapped_column(String(500), default="")


class CodeAttempt(Base):
    """Wrong sign-in codes per member and meeting, to stop guessing."""

    __tablename__ = "code_attempts"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id", name="uq_code_attempt"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    failures: Mapped[int] = mapped_column(Integer, default=0)


class MeetingReminder(Base):
    """A reminder due before a meeting. The row is the schedule: a sweep sends what is due,
    so reminders survive restarts and follow edits (unsent rows are rebuilt)."""

    __tablename__ = "meeting_reminders"
    __table_args__ = (Index("ix_meeting_reminders_due", "sent_at", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    minutes_before: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class BroadcastKind(StrEnum):
    """What a broadcast carries; each kind has its own renderer in the delivery layer."""

    MESSAGE = "message"  # composed by an admin or secretary
    GUIDANCE = "guidance"  # a month's guidance, published
    GUIDANCE_REMINDER = "guidance_reminder"  # to secretaries before the deadline
    GUIDANCE_MISSED = "guidance_missed"  # to the admin after the deadline
    THEMED_DAY = "themed_day"  # to members before their branch's 主题党日
    DUES_REMINDER = "dues_reminder"  # to members on the branch's dues day: this month's amount
    DUES_DIGEST = "dues_digest"  # to the branch's officers: who has not paid
    DUES_ARREARS = "dues_arrears"  # to a member and the officers: months unpaid in a row
    DUES_ESCALATION = "dues_escalation"  # to the committee's admins: six months unpaid
    DEADLINE_REMINDER = "deadline_reminder"  # to officers: a required meeting not yet held
    DEADLINE_MISSED = "deadline_missed"  # to the committee's admins: branches that missed it
    MEETING_REMINDER = "meeting_reminder"  # to a meeting's invitees before it starts


class ContentType(StrEnum):
    TEXT = "text"
    PHOTO = "photo"
    DOCUMENT = "document"
    VOICE = "voice"


class BroadcastStatus(StrEnum):
    # Header only: its rows are written when `not_before` comes (a dues day's reminders to a
    # whole city are judged branch by branch then, not all in the sweep that found them due).
    PLANNED = "planned"
    QUEUED = "queued"  # rows written, waiting for `not_before`
    SENDING = "sending"
    DONE = "done"  # no pending row left
    CANCELLED = "cancelled"


class Broadcast(Base):
    """One message to many people: the outbox's header. Rows in `deliveries` are the outbox."""

    __tablename__ = "broadcasts"
    # The sender's open broadcasts and the dues expansion's planned ones, oldest first,
    # without reading the done ones (a city's dues day adds ten thousand).
    __table_args__ = (Index("ix_broadcasts_status_id", "status", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[BroadcastKind] = mapped_column(_enum(BroadcastKind))
    # The organization it speaks for: its zone decides quiet hours and shown times.
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    sender_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    content_type: Mapped[ContentType] = mapped_column(_enum(ContentType))
    text: Mapped[str] = mapped_column(Text, default="")
    file_id: Mapped[str | None] = mapped_column(String(256), nullable=True)
    # Renderer-specific values (theme, deadline, audience description...), fixed at enqueue.
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    guidance_id: Mapped[int | None] = mapped_column(
        ForeignKey("guidances.id", ondelete="CASCADE"), nullable=True, index=True
    )
    # Exactly-once for generated broadcasts (reminders, escalations): one row per key.
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    status: Mapped[BroadcastStatus] = mapped_column(
        _enum(BroadcastStatus), default=BroadcastStatus.QUEUED
    )
    not_before: Mapped[datetime] = mapped_column(UTCDateTime())
    total: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # The live progress message in the sender's chat, edited as rows are delivered.
    progress_chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    progress_message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    progress_locale: Mapped[str | None] = mapped_column(String(8), nullable=True)
    progress_edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    report_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    UNREACHABLE = "unreachable"  # 403: blocked the bot, or the chat is gone; never retried
    FAILED = "failed"  # gave up after the retries


class Delivery(Base):
    """One recipient of a broadcast, written before anything is sent."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("broadcast_id", "person_id"),
        Index("ix_deliveries_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    broadcast_id: Mapped[int] = mapped_column(
        ForeignKey("broadcasts.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    locale: Mapped[str] = mapped_column(String(8))
    status: Mapped[DeliveryStatus] = mapped_column(
        _enum(DeliveryStatus), default=DeliveryStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Set when a sender takes the row; a pending row with it set was in flight at a crash.
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    error: Mapped[str] = mapped_column(String(300), default="")
    # "Received / studied" (已学习) or, for guidance, the secretary's acknowledgement.
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # What this recipient's copy says that the others' do not (their own amount owed).
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class GuidanceStatus(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"


class Guidance(Base):
    """A committee's guidance for one month: theme, materials and the 主题党日 deadline."""

    __tablename__ = "guidances"
    __table_args__ = (UniqueConstraint("org_id", "month"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # "2026-12"
    theme: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    # [{"kind": "link"|"document"|"photo", "url" or "file_id", "name"}]
    materials: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    activities: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date] = mapped_column(Date)  # last day to hold the 主题党日, local
    publish_at: Mapped[datetime] = mapped_column(UTCDateTime())
    to_members: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[GuidanceStatus] = mapped_column(
        _enum(GuidanceStatus), default=GuidanceStatus.DRAFT
    )
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class GuidanceReceipt(Base):
    """One branch's side of a published guidance: written at publishing, acknowledged later."""

    __tablename__ = "guidance_receipts"
    __table_args__ = (UniqueConstraint("guidance_id", "branch_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    guidance_id: Mapped[int] = mapped_column(ForeignKey("guidances.id", ondelete="CASCADE"))
    branch_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    acknowledged_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )


class TicketStatus(StrEnum):
    """Where a need ticket stands: 点单 → 派单 → 接单 → 评单."""

    NEW = "new"  # reported, waiting for the branch to dispatch it
    POSTED = "posted"  # offered to the branch's members, anyone may claim it
    ASSIGNED = "assigned"  # given to one member, waiting for them to accept
    IN_PROGRESS = "in_progress"  # a member has it (accepted, claimed, or reopened)
    RESOLVED = "resolved"  # the member says it is solved; waiting for the rating
    CLOSED = "closed"  # rated 3–5, or no rating in time (unrated)
    DECLINED = "declined"  # the branch declined it, with a reason for the reporter
    MERGED = "merged"  # a duplicate of another ticket


class Ticket(Base):
    """A resident's or member's need (群众诉求 / 微心愿) and how the branch handles it.

    `version` guards every transition: two taps racing on the same ticket (two members
    claiming it) cannot both win, the second one's flush finds the row changed.
    `due_at` is when the need should be solved (its category's service level), `cycle`
    numbers the reminder plans so each planned reminder row is unique.
    """

    __tablename__ = "tickets"
    __table_args__ = (Index("ix_tickets_org_status", "org_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    reporter_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text, default="")
    voice_file_id: Mapped[str | None] = mapped_column(String(256), nullable=True)
    photos: Mapped[list[str]] = mapped_column(JSON, default=list)
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    status: Mapped[TicketStatus] = mapped_column(_enum(TicketStatus), default=TicketStatus.NEW)
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True, index=True
    )
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="SET NULL"), nullable=True
    )
    decline_reason: Mapped[str] = mapped_column(String(500), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolution_photos: Mapped[list[str]] = mapped_column(JSON, default=list)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rating_comment: Mapped[str] = mapped_column(String(500), default="")
    reopened: Mapped[int] = mapped_column(Integer, default=0)
    cycle: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads it


class TicketEventKind(StrEnum):
    REPORTED = "reported"
    ASSIGNED = "assigned"
    POSTED = "posted"
    CLAIMED = "claimed"
    ACCEPTED = "accepted"
    REFUSED = "refused"  # the assigned member declined, with a reason
    DECLINED = "declined"  # the branch declined the ticket, with a reason
    MERGED = "merged"
    NOTE = "note"
    RESOLVED = "resolved"
    RATED = "rated"
    COMMENTED = "commented"
    REOPENED = "reopened"
    CLOSED_UNRATED = "closed_unrated"
    REMINDED = "reminded"
    ESCALATED = "escalated"


class TicketEvent(Base):
    """One step of a ticket's history: who did what, when (the actor is NULL for the bot)."""

    __tablename__ = "ticket_events"
    __table_args__ = (Index("ix_ticket_events_ticket_at", "ticket_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[TicketEventKind] = mapped_column(_enum(TicketEventKind))
    note: Mapped[str] = mapped_column(Text, default="")
    # file ids of photos or a voice note, stars, the member assigned, the other ticket ...
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class TicketReminderKind(StrEnum):
    DISPATCH = "dispatch"  # not dispatched in time: remind the branch officers
    ACCEPT = "accept"  # assigned or posted, nobody took it: remind, offer reassignment
    RESOLVE = "resolve"  # due time passed: remind the assignee
    ESCALATE_BRANCH = "escalate_branch"  # still not solved: the branch officers
    ESCALATE_COMMITTEE = "escalate_committee"  # still not solved: the committee's admins
    RATING_TIMEOUT = "rating_timeout"  # no rating in time: close as unrated


class TicketReminder(Base):
    """A service-level deadline of one ticket. The row is the schedule (planned when the
    ticket changes, dropped when it moves on); a sweep claims what is due before acting,
    so a reminder survives restarts and never fires twice."""

    __tablename__ = "ticket_reminders"
    __table_args__ = (
        UniqueConstraint("ticket_id", "kind", "cycle", name="uq_ticket_reminder"),
        Index("ix_ticket_reminders_due", "sent_at", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    kind: Mapped[TicketReminderKind] = mapped_column(_enum(TicketReminderKind))
    cycle: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class DuesProfile(Base):
    """A member's dues from `from_month` on: category, base and the monthly amount.

    A change adds a row from the month it is made, so earlier months keep what was due then.
    The amount is stored, not recomputed, so a later change of the region's farmer amount
    never rewrites the past."""

    __tablename__ = "dues_profiles"
    __table_args__ = (UniqueConstraint("person_id", "from_month", name="uq_dues_profile"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    # The branch the member pays to (a party group's member pays to the group's branch).
    branch_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    from_month: Mapped[int] = mapped_column(Integer)  # bot.services.periods.month_index
    category: Mapped[DuesCategory] = mapped_column(_enum(DuesCategory))
    base_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    rule_fen: Mapped[int] = mapped_column(Integer)  # what the rules give
    amount_fen: Mapped[int] = mapped_column(Integer)  # what is due (reduced, or 0 = exempt)
    reason: Mapped[str] = mapped_column(String(300), default="")  # why it was reduced
    set_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    set_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PaymentStatus(StrEnum):
    REPORTED = "reported"  # the member says they paid; an officer confirms
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class DuesPayment(Base):
    """One payment for one or more months: reported by the member, or recorded by an officer
    (then confirmed at once). Confirmed payments are booked month by month in dues_credits."""

    __tablename__ = "dues_payments"
    __table_args__ = (Index("ix_dues_payments_branch_status", "branch_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    amount_fen: Mapped[int] = mapped_column(Integer)
    months: Mapped[list[int]] = mapped_column(JSON, default=list)
    # Paid on the member's behalf by someone else (a relative, the group leader): who.
    paid_by: Mapped[str] = mapped_column(String(128), default="")
    receipt_file_id: Mapped[str | None] = mapped_column(String(256), nullable=True)
    status: Mapped[PaymentStatus] = mapped_column(_enum(PaymentStatus))
    reported_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    note: Mapped[str] = mapped_column(String(300), default="")  # e.g. why it was rejected


class DuesCredit(Base):
    """One month of one member paid, by a confirmed payment: the ledger and arrears read these.
    Unique per member and month, so a month is never paid twice."""

    __tablename__ = "dues_credits"
    __table_args__ = (
        UniqueConstraint("person_id", "month", name="uq_dues_credit"),
        Index("ix_dues_credits_branch_month", "branch_id", "month"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_id: Mapped[int] = mapped_column(
        ForeignKey("dues_payments.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    branch_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    month: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)


class ReminderMark(Base):
    """A scheduled reminder, digest or report that was handled (queued, or skipped as too
    late), under a unique key: the scheduler's memory across restarts and processes.

    A sweep inserts the mark in the same transaction as what it queues, so a crash leaves
    both or neither, and a second process racing it fails on the key instead of repeating."""

    __tablename__ = "reminder_marks"
    __table_args__ = (Index("ix_reminder_marks_kind_period", "kind", "period"),)

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # "dues-remind", "deadline-missed", ...
    period: Mapped[str] = mapped_column(String(16))  # "2026-11", "2026-Q4", "2026"
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)  # past the grace: not sent
