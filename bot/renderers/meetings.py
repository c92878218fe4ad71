"""How a meeting reminder (BroadcastKind.MEETING_REMINDER) reads: the sweep renders it in
each of its recipients' languages when it queues it (bot/reminders/meetings.py), text and
invitation buttons, so a reminder queued before a restart reads the same after it."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.i18n import Texts
from bot.renderers import Outgoing, Renderer
from storage.models import Broadcast, BroadcastKind, ContentType, Delivery


def render_reminder(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    message = broadcast.payload["messages"][delivery.locale]
    return Outgoing(
        ContentType.TEXT,
        message["text"],
        reply_markup=InlineKeyboardMarkup.model_validate(message["reply_markup"]),
    )


RENDERERS: dict[BroadcastKind, Renderer] = {BroadcastKind.MEETING_REMINDER: render_reminder}
