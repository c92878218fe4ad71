"""The renderer of composed broadcasts (BroadcastKind.MESSAGE).

A header line names the organization that speaks (fixed in the payload when queued), so a
member who belongs to several can tell the committee's notice from the branch's; every kind
of content carries the 已学习 button of the recipient's own delivery row.
"""

from __future__ import annotations

from bot.i18n import Texts
from bot.keyboards.broadcast import ack_keyboard
from bot.renderers import Outgoing
from storage.models import Broadcast, Delivery


def render_message(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    org = str(broadcast.payload.get("org_name", ""))
    header = texts.get(
        "broadcast-header-urgent" if broadcast.urgent else "broadcast-header", org=org
    )
    body = f"{header}\n\n{broadcast.text}" if broadcast.text else header
    return Outgoing(
        content_type=broadcast.content_type,
        text=body,
        file_id=broadcast.file_id,
        reply_markup=ack_keyboard(texts, delivery.id),
    )
