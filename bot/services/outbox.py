"""The outbox: a broadcast is written as one row per recipient before anything is sent.

Features (broadcasts, guidance, reminders) call `enqueue` inside their own unit of work and
commit; the sender in the delivery layer takes the rows from there. Nothing here talks to
Telegram.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.services.locale import DEFAULT_LOCALE, LOCALES
from bot.services.quiet_hours import QuietHours
from storage.models import Broadcast, BroadcastKind, ContentType
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class Recipient:
    person_id: int
    chat_id: int
    locale: str


async def recipients_for(uow: UnitOfWork, person_ids: Iterable[int]) -> list[Recipient]:
    """The people among `person_ids` who can be reached on Telegram, in their language."""
    people = await uow.people.by_ids(person_ids)
    return [
        Recipient(
            person.id,
            person.telegram_id,
            person.language if person.language in LOCALES else DEFAULT_LOCALE,
        )
        for person in sorted(people.values(), key=lambda p: p.id)
        if person.telegram_id is not None
    ]


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
