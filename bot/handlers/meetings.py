"""Meetings: being built (issue 4)."""

from __future__ import annotations

from aiogram import Router


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    return Router(name="meetings")
