"""How the meeting-deadline reminders and missed reports read (the deadlines feature)."""

from __future__ import annotations

from bot.renderers import Renderer
from storage.models import BroadcastKind

RENDERERS: dict[BroadcastKind, Renderer] = {}
