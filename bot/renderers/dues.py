"""How the dues reminders, digests and warnings read (filled in by the dues cycle)."""

from __future__ import annotations

from bot.renderers import Renderer
from storage.models import BroadcastKind

RENDERERS: dict[BroadcastKind, Renderer] = {}
