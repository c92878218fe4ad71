"""/report in the chat (groundwork: the router the reports feature fills in)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="reports")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    return router
