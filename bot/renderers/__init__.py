"""Turning an outbox row into the message one recipient sees, in their language.

Each broadcast kind has a renderer; the sender looks it up by `Broadcast.kind`. Renderers are
pure: everything they need was fixed in the broadcast (text, file, payload) when it was queued.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    silent: bool = False  # arrives without a sound (set by the sender, in quiet hours)


Renderer = Callable[[Broadcast, Delivery, Texts], Outgoing]


@dataclass(frozen=True)
class Section:
    """A list inside a generated message (unpaid members, branches that missed a meeting)."""

    header: str  # "" when the line before already says what the list is
    entries: list[str]
    total: int  # entries there are, shown here or left out upstream


def fit_sections(
    head: Sequence[str],
    sections: Sequence[Section],
    tail: Sequence[str],
    more: Callable[[int], str],
    limit: int,
) -> str:
    """One message: the longest list loses entries from its end, each list saying how many
    more there are (`more`), until the whole fits. No entry takes more than a quarter."""
    clipped = [[entry[: limit // 4] for entry in s.entries] for s in sections]
    shown = [len(entries) for entries in clipped]
    while True:
        lines = list(head)
        for section, entries, count in zip(sections, clipped, shown, strict=True):
            lines += ["", section.header] if section.header else [""]
            lines += entries[:count]
            if section.total > count:
                lines.append(more(section.total - count))
        text = "\n".join([*lines, "", *tail])
        if len(text) <= limit or not any(shown):
            return text[:limit]
        shown[max(range(len(shown)), key=shown.__getitem__)] -= 1
