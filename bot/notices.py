"""Messages the bot starts on its own: who is told what, in their language, and when."""

from __future__ import annotations

import logging
from datetime import datetime

from aiogram import Bot
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.delivery import notify
from bot.handlers.render import role_name
from bot.i18n import Translator
from bot.keyboards.onboarding import decision_keyboard
from bot.services import invites, organizations
from storage.models import JoinRequest, Organization
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)


def is_quiet(settings: Settings, org: Organization, now: datetime) -> bool:
    """Quiet hours in the organization's own zone: nobody is woken up by the bot."""
    return settings.quiet.contains(now.astimezone(organizations.zone_of(org, settings.zone)))


async def announce_join_request(
    bot: Bot,
    core: FluentRuntimeCore,
    request: JoinRequest,
    org: Organization,
    approvers: list[invites.Recipient],
) -> bool:
    """Tell each approver, in their language; True if at least one of them got it."""
    delivered = False
    for approver in approvers:
        texts = Translator(core, approver.locale)
        text = texts.get(
            "join-request-notice",
            name=request.display_name,
            org=org.name,
            role=role_name(texts, request.role),
            phone=request.phone or "—",
        )
        if await notify(bot, approver.telegram_id, text, decision_keyboard(texts, request.id)):
            delivered = True
    return delivered


async def deliver_due_join_notices(
    uow: UnitOfWork, bot: Bot, core: FluentRuntimeCore, settings: Settings, now: datetime
) -> int:
    """The scheduler's sweep: announce requests that waited for the morning or for
    Telegram to take them. Returns how many were announced."""
    announced = 0
    for due in await invites.notices_due(uow):
        if not due.approvers or is_quiet(settings, due.org, now):
            continue
        if await announce_join_request(bot, core, due.request, due.org, due.approvers):
            await invites.record_notified(uow, due.request.id, now)
            announced += 1
    return announced
