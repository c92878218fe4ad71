"""Which renderer turns each broadcast kind into a message; the sender looks kinds up here.

A kind without a renderer is not sent: its rows wait until one is registered.
"""

from __future__ import annotations

from bot.renderers import Renderer
from bot.renderers.plain import render_plain
from storage.models import BroadcastKind


def build_renderers() -> dict[BroadcastKind, Renderer]:
    return {BroadcastKind.MESSAGE: render_plain}
