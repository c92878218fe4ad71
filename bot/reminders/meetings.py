"""The meeting reminder sweep: every minute, queue the reminders that are due.

The schedule is the `meeting_reminders` table (the service plans the rows, moves them out of
quiet hours, rebuilds unsent ones when a meeting moves and drops them when it is cancelled),
so reminders survive restarts and nothing is pickled into the job store. A due reminder is
claimed and written to the outbox in one transaction, and the outbox sender delivers it: a
bot killed or stopped in the middle of a reminder neither loses the invitees it had not
reached yet nor sends it twice (bar a send in flight at a kill).
"""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.i18n import Translator
from bot.keyboards.meetings import invitation_keyboard
from bot.meeting_notices import REMINDER, invitation_text
from bot.services import meetings, organizations, outbox
from bot.services.clock import Clock
from storage.models import BroadcastKind
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

MEETING_REMINDERS_JOB = "meetings:reminders"
SWEEP_SECONDS = 60


def _messages(
    core: FluentRuntimeCore, item: meetings.ReminderDue, settings: Settings, locales: set[str]
) -> dict[str, dict[str, Any]]:
    """The reminder in each language, with its invitation buttons (rendered now: the
    outbox row must read the same whenever it goes out)."""
    zone = organizations.zone_of(item.org, settings.zone)
    messages = {}
    for locale in locales:
        texts = Translator(core, locale)
        markup = invitation_keyboard(texts, item.meeting)
        messages[locale] = {
            "text": invitation_text(texts, item.meeting, item.org, zone, REMINDER),
            "reply_markup": markup.model_dump(mode="json", exclude_none=True),
        }
    return messages


async def send_due_meeting_reminders(
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    core: FluentRuntimeCore,
    settings: Settings,
    clock: Clock,
) -> int:
    """Queue every due reminder for its invitees (not on approved leave, not signed in yet),
    each in their language with the invitation buttons. Returns how many messages were
    queued.

    A reminder whose meeting's sign-in window has already closed (the bot was down) is
    dropped: it would only be noise. (`bot` goes unused: the sweeps share one signature.)
    """
    now = clock()
    queued = 0
    async with UnitOfWork(session_factory) as uow:
        due = await meetings.claim_due_reminders(uow, now, settings.quiet, settings.zone)
        for item in due:
            meeting = item.meeting
            if now > meetings.window(meeting)[1]:
                log.info("reminder for meeting %s dropped: the meeting is over", meeting.id)
                continue
            recipients = [
                r
                for r in (
                    outbox.recipient_of(p.person_id, p.telegram_id, p.locale)
                    for p in item.recipients
                )
                if r is not None
            ]
            if not recipients:
                continue
            await outbox.enqueue(
                uow,
                kind=BroadcastKind.MEETING_REMINDER,
                org_id=meeting.org_id,
                recipients=recipients,
                now=now,
                not_before=now,
                payload={
                    "meeting_id": meeting.id,
                    "messages": _messages(core, item, settings, {r.locale for r in recipients}),
                },
                urgent=True,  # the service chose the moment: quiet hours are already weighed
                dedupe_key=f"meeting-reminder:{item.reminder_id}",
            )
            queued += len(recipients)
        await uow.commit()
    if queued:
        log.info("queued %d meeting reminders", queued)
    return queued
