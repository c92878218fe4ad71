"""The tickets feature's chat side (being built)."""

from __future__ import annotations

from aiogram import Router


def build_router() -> Router:
    return Router(name="tickets")
