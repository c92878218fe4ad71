"""Sending a message to somebody other than the person who wrote to the bot."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.types import InlineKeyboardMarkup

log = logging.getLogger(__name__)


async def notify(
    bot: Bot, chat_id: int, text: str, reply_markup: InlineKeyboardMarkup | None = None
) -> bool:
    """Best effort: one unreachable person (blocked the bot, never started it) must not
    undo what the acting user just did. Returns whether Telegram accepted the message."""
    try:
        await bot.send_message(chat_id, text, reply_markup=reply_markup)
    except (TelegramForbiddenError, TelegramBadRequest) as exc:
        log.warning("could not notify chat %s: %s", chat_id, exc)
        return False
    return True
