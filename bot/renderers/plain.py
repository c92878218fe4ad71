"""The plainest rendering of a broadcast: its own text or file and caption, no buttons."""

from __future__ import annotations

from bot.i18n import Texts
from bot.renderers import Outgoing
from storage.models import Broadcast, Delivery


def render_plain(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    return Outgoing(broadcast.content_type, broadcast.text, broadcast.file_id)
