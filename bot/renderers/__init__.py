"""Turning an outbox row into the message one recipient sees, in their language.

Each broadcast kind has a renderer; the sender looks it up by `Broadcast.kind`. Renderers are
pure: everything they need was fixed in the broadcast (text, file, payload) when it was queued.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aiogram.types import InlineKeyboardMarkup

from bot.i18n import Texts
from storage.models import Broadcast, ContentType, Delivery


@dataclass(frozen=True)
class Outgoing:
    content_type: ContentType
    text: str  # the message text, or the caption of a photo, document or voice
    file_id: str | None = None
    reply_markup: InlineKeyboardMarkup | None = None


Renderer = Callable[[Broadcast, Delivery, Texts], Outgoing]
