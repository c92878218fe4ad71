"""The outbox: a broadcast is written as one row per recipient before anything is sent.

Features (broadcasts, guidance, reminders) call `enqueue` inside their own unit of work and
commit; the sender in the delivery layer (bot/outbox/) takes the rows from there. The rules the
sender follows — when a row may go out, how long to wait after a failure, what the progress and
the final report say — live here too. Nothing here talks to Telegram.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from bot.services.locale import DEFAULT_LOCALE, LOCALES
from bot.services.quiet_hours import QuietHours
from storage.models import Broadcast, BroadcastKind, BroadcastStatus, ContentType, DeliveryStatus
from storage.outbox_repo import DeliveryRow
from storage.uow import UnitOfWork

K = TypeVar("K")


@dataclass(frozen=True)
class Recipient:
    person_id: int
    chat_id: int
    locale: str


def recipient_of(
    person_id: int, telegram_id: int | None, language: str | None
) -> Recipient | None:
    """How to reach someone, in their language (the default when theirs is not offered);
    None without Telegram."""
    if telegram_id is None:
        return None
    return Recipient(person_id, telegram_id, language if language in LOCALES else DEFAULT_LOCALE)


async def recipients_for(uow: UnitOfWork, person_ids: Iterable[int]) -> list[Recipient]:
    """The people among `person_ids` who can be reached on Telegram, in their language."""
    people = await uow.people.by_ids(person_ids)
    found = (
        recipient_of(p.id, p.telegram_id, p.language)
        for p in sorted(people.values(), key=lambda p: p.id)
    )
    return [r for r in found if r is not None]


async def recipients_by_group(
    uow: UnitOfWork, groups: Mapping[K, Iterable[int]]
) -> dict[K, list[Recipient]]:
    """The reachable recipients of many groups (the officers of each branch, the admins of
    each committee), looking the people up once for all of them."""
    members = {key: sorted(set(ids)) for key, ids in groups.items()}
    everyone = {person for ids in members.values() for person in ids}
    reachable = {r.person_id: r for r in await recipients_for(uow, everyone)}
    return {key: [reachable[p] for p in ids if p in reachable] for key, ids in members.items()}


def send_after(now: datetime, zone: ZoneInfo, quiet: QuietHours, urgent: bool) -> datetime:
    """When sending may start: at once, or for a non-urgent message the end of quiet hours."""
    if urgent:
        return now
    return quiet.end_after(now.astimezone(zone)).astimezone(now.tzinfo)


async def enqueue(
    uow: UnitOfWork,
    *,
    kind: BroadcastKind,
    org_id: int,
    recipients: Sequence[Recipient],
    now: datetime,
    not_before: datetime,
    content_type: ContentType = ContentType.TEXT,
    text: str = "",
    file_id: str | None = None,
    payload: dict[str, Any] | None = None,
    urgent: bool = False,
    sender_id: int | None = None,
    guidance_id: int | None = None,
    dedupe_key: str | None = None,
    progress_chat_id: int | None = None,
    progress_locale: str | None = None,
) -> Broadcast | None:
    """Write a broadcast and its delivery rows (flushed, not committed: the caller commits).

    With a `dedupe_key` that was used before nothing is written and None is returned, so a
    generated reminder exists once however often its sweep runs.
    """
    if dedupe_key is not None and await uow.outbox.by_dedupe_key(dedupe_key) is not None:
        return None
    unique = list({r.person_id: r for r in recipients}.values())
    broadcast = Broadcast(
        kind=kind,
        org_id=org_id,
        sender_id=sender_id,
        content_type=content_type,
        text=text,
        file_id=file_id,
        payload=payload or {},
        urgent=urgent,
        guidance_id=guidance_id,
        dedupe_key=dedupe_key,
        not_before=not_before,
        total=len(unique),
        created_at=now,
        progress_chat_id=progress_chat_id,
        progress_locale=progress_locale,
    )
    await uow.outbox.add_broadcast(broadcast)
    await uow.outbox.add_deliveries(broadcast.id, unique, not_before)
    return broadcast


@dataclass(frozen=True)
class Queued:
    """One generated broadcast for `enqueue_many`: a reminder to one branch, say."""

    kind: BroadcastKind
    org_id: int
    recipients: Sequence[Recipient]
    not_before: datetime
    dedupe_key: str  # generated broadcasts exist once: the unique key says which
    payload: dict[str, Any] = field(default_factory=dict)
    # Per recipient (person id): what their copy says that the others' do not, as JSON text
    # (the delivery row's payload). Text, not dicts: the caller knows the shape and can
    # write it far faster than json.dumps of 300,000 small dicts on a dues day.
    personal: Mapping[int, str] = field(default_factory=dict)
    urgent: bool = False
    text: str = ""


async def enqueue_many(uow: UnitOfWork, items: Sequence[Queued], now: datetime) -> int:
    """Write many generated broadcasts and all their rows (flushed, not committed) in a fixed
    number of statements, however many branches and members: the scheduler's sweeps queue a
    month's reminders for a whole city at once. Items without recipients are left out.

    The callers know their keys are fresh (their reminder marks, written in the same
    transaction, say what was handled); a key used before fails the transaction on the
    unique index instead of sending twice. Returns how many broadcasts were written."""
    fresh = [(item, unique) for item in items if (unique := _unique(item.recipients))]
    ids = await uow.outbox.add_broadcasts(
        [_header(item, BroadcastStatus.QUEUED, len(unique), now) for item, unique in fresh]
    )
    await uow.outbox.add_delivery_rows(_rows(fresh, ids))
    return len(fresh)


async def plan_many(uow: UnitOfWork, items: Sequence[Queued], now: datetime) -> None:
    """Write generated broadcasts as headers only (PLANNED, flushed, not committed): who
    gets them, and what each copy says, is worked out by `fill_planned` when they are due.
    The items' recipients and personal parts are not used."""
    await uow.outbox.add_broadcasts(
        [_header(item, BroadcastStatus.PLANNED, 0, now) for item in items]
    )


async def fill_planned(
    uow: UnitOfWork, planned: Mapping[str, int], items: Sequence[Queued]
) -> int:
    """Give planned broadcasts (their ids by dedupe key) the rows, payload and moment of
    the items with their keys; the planned ones left without recipients (no item, or
    nobody in it) are deleted, as `enqueue_many` leaves such items out. Returns how many
    were queued."""
    fresh = [
        (item, unique)
        for item in items
        if item.dedupe_key in planned and (unique := _unique(item.recipients))
    ]
    await uow.outbox.queue_planned(
        [
            {
                "id": planned[item.dedupe_key],
                "payload": item.payload,
                "not_before": item.not_before,
                "total": len(unique),
            }
            for item, unique in fresh
        ]
    )
    await uow.outbox.add_delivery_rows(_rows(fresh, planned))
    filled = {item.dedupe_key for item, _ in fresh}
    await uow.outbox.drop_planned([i for key, i in planned.items() if key not in filled])
    return len(fresh)


def _unique(recipients: Iterable[Recipient]) -> list[Recipient]:
    return list({r.person_id: r for r in recipients}.values())


def _header(item: Queued, status: BroadcastStatus, total: int, now: datetime) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "org_id": item.org_id,
        "content_type": ContentType.TEXT,
        "text": item.text,
        "payload": item.payload,
        "urgent": item.urgent,
        "dedupe_key": item.dedupe_key,
        "status": status,
        "not_before": item.not_before,
        "total": total,
        "created_at": now,
    }


def _rows(
    items: Iterable[tuple[Queued, list[Recipient]]], ids: Mapping[str, int]
) -> list[DeliveryRow]:
    rows: list[DeliveryRow] = []
    for item, unique in items:
        broadcast_id, due, personal = ids[item.dedupe_key], item.not_before, item.personal
        rows += [
            DeliveryRow(
                broadcast_id, r.person_id, r.chat_id, r.locale, due, personal.get(r.person_id)
            )
            for r in unique
        ]
    return rows


# --- the sender's rules ----------------------------------------------------------------

BACKOFF_FIRST = timedelta(seconds=5)
BACKOFF_CAP = timedelta(minutes=10)


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed try: 5 s, 10 s, 20 s ... never above 10 min.

    Doubling spreads retries out while Telegram or the network recovers; the cap keeps a
    long outage from pushing the last tries to the next day."""
    if attempts < 1:
        return timedelta(0)
    doubled: timedelta = BACKOFF_FIRST * 2 ** min(attempts - 1, 16)
    return min(doubled, BACKOFF_CAP)


@dataclass(frozen=True)
class RetryPlan:
    """What a transient failure (network, Telegram 5xx) does to a row."""

    status: DeliveryStatus  # PENDING to try again, FAILED when the tries are used up
    attempts: int
    next_attempt_at: datetime


def after_transient_failure(attempts: int, max_attempts: int, now: datetime) -> RetryPlan:
    """Count the try; retry after a backoff, or give up once `max_attempts` tries failed."""
    tried = attempts + 1
    if tried >= max_attempts:
        return RetryPlan(DeliveryStatus.FAILED, tried, now)
    return RetryPlan(DeliveryStatus.PENDING, tried, now + backoff(tried))


def may_send_now(urgent: bool, zone: ZoneInfo, quiet: QuietHours, now: datetime) -> bool:
    """Urgent broadcasts go out at any hour; the rest never during the org's quiet hours."""
    return urgent or not quiet.contains(now.astimezone(zone))


SILENT_IN_QUIET_HOURS = frozenset({BroadcastKind.MEETING_REMINDER})
"""Kinds that may have to go out during quiet hours without being emergencies: a meeting
reminder planned outside them that comes due inside them only because the bot was down, for
a meeting that starts before they end. It arrives without a sound. An officer's urgent
broadcast (a flood, a fire) still rings."""


def silent_now(kind: BroadcastKind, zone: ZoneInfo, quiet: QuietHours, now: datetime) -> bool:
    """Whether a message of this kind sent now should arrive without a sound."""
    return kind in SILENT_IN_QUIET_HOURS and quiet.contains(now.astimezone(zone))


@dataclass(frozen=True)
class Progress:
    """Where a broadcast stands, from its rows' statuses."""

    total: int
    sent: int = 0
    pending: int = 0
    unreachable: int = 0
    failed: int = 0

    @classmethod
    def from_counts(cls, total: int, counts: Mapping[DeliveryStatus, int]) -> Progress:
        return cls(
            total=total,
            sent=counts.get(DeliveryStatus.SENT, 0),
            pending=counts.get(DeliveryStatus.PENDING, 0),
            unreachable=counts.get(DeliveryStatus.UNREACHABLE, 0),
            failed=counts.get(DeliveryStatus.FAILED, 0),
        )

    @property
    def finished(self) -> bool:
        return self.pending == 0


def progress_edit_due(last_edit: datetime | None, now: datetime, interval: timedelta) -> bool:
    """The live progress message is edited at most once per `interval`: enough to see it
    move, few enough edits to stay far from the per-chat limit."""
    return last_edit is None or now - last_edit >= interval


def fit_names(names: Sequence[str], budget: int, separator: str) -> tuple[list[str], int]:
    """The names that fit in `budget` characters joined by `separator`, and how many did
    not: a report of thousands of unreachable people must still fit one message."""
    shown: list[str] = []
    used = 0
    for name in names:
        extra = len(name) + (len(separator) if shown else 0)
        if used + extra > budget:
            break
        shown.append(name)
        used += extra
    return shown, len(names) - len(shown)


def elapsed_parts(elapsed: timedelta) -> tuple[int, int, int]:
    """Hours, minutes and seconds of a duration, for the final report."""
    seconds = max(int(elapsed.total_seconds()), 0)
    return seconds // 3600, seconds % 3600 // 60, seconds % 60
