"""Sending a message to somebody other than the person who wrote to the bot."""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardMarkup

log = logging.getLogger(__name__)


async def notify(
    bot: Bot, chat_id: int, text: str, reply_markup: InlineKeyboardMarkup | None = None
) -> bool:
    """Best effort: one unreachable person (blocked the bot, flood limit, network) must not
    undo or hide what the acting user just did. Returns whether Telegram took the message;
    callers that must deliver keep a record and try again later."""
    try:
        await bot.send_message(chat_id, text, reply_markup=reply_markup)
    except TelegramAPIError as exc:
        log.warning("could not notify chat %s: %s", chat_id, exc)
        return False
    return True


async def best_effort(call: Awaitable[Any], what: str) -> None:
    """For cosmetic calls (a command menu, editing a button away) after the work is done."""
    try:
        await call
    except TelegramAPIError as exc:
        log.warning("%s failed: %s", what, exc)
