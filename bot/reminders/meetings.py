"""The meeting reminder sweep: every minute, send the reminders that are due.

The schedule is the `meeting_reminders` table (the service plans the rows, moves them out of
quiet hours, rebuilds unsent ones when a meeting moves and drops them when it is cancelled),
so reminders survive restarts and nothing is pickled into the job store. A reminder is
claimed before it is sent: at most once, never twice, even with two sweeps running.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.i18n import Translator
from bot.keyboards.meetings import invitation_keyboard
from bot.meeting_notices import REMINDER, deliver, invitation_text
from bot.notices import is_quiet
from bot.services import meetings, organizations
from bot.services.clock import Clock
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

MEETING_REMINDERS_JOB = "meetings:reminders"
SWEEP_SECONDS = 60


async def send_due_meeting_reminders(
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    core: FluentRuntimeCore,
    settings: Settings,
    clock: Clock,
) -> int:
    """Send every due reminder to its invitees (not on approved leave, not signed in yet),
    each in their language with the invitation buttons. Returns how many messages were sent.

    A reminder whose meeting's sign-in window has already closed (the bot was down) is
    dropped: it would only be noise. One that comes due during quiet hours only after
    downtime goes out silently.
    """
    now = clock()
    async with UnitOfWork(session_factory) as uow:
        due = await meetings.due_reminders(uow, now, settings.quiet, settings.zone)
    sent = 0
    for item in due:
        meeting = item.meeting
        if now > meetings.window(meeting)[1]:
            log.info("reminder for meeting %s dropped: the meeting is over", meeting.id)
            continue
        zone = organizations.zone_of(item.org, settings.zone)
        silent = is_quiet(settings, item.org, now)
        for recipient in item.recipients:
            texts = Translator(core, recipient.locale)
            text = invitation_text(texts, meeting, item.org, zone, REMINDER)
            markup = invitation_keyboard(texts, meeting)
            if await deliver(bot, recipient.telegram_id, text, markup, silent=silent):
                sent += 1
    if sent:
        log.info("sent %d meeting reminders", sent)
    return sent
