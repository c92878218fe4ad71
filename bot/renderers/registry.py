"""Which renderer turns each broadcast kind into a message; the sender looks kinds up here.

A kind without a renderer is not sent: its rows wait until one is registered.
"""

from __future__ import annotations

from bot.renderers import Renderer
from bot.renderers.deadlines import RENDERERS as DEADLINE_RENDERERS
from bot.renderers.dues import RENDERERS as DUES_RENDERERS
from bot.renderers.guidance import RENDERERS as GUIDANCE_RENDERERS
from bot.renderers.meetings import RENDERERS as MEETING_RENDERERS
from bot.renderers.message import render_message
from storage.models import BroadcastKind


def build_renderers() -> dict[BroadcastKind, Renderer]:
    return {
        BroadcastKind.MESSAGE: render_message,
        **GUIDANCE_RENDERERS,
        **DUES_RENDERERS,
        **DEADLINE_RENDERERS,
        **MEETING_RENDERERS,
    }
