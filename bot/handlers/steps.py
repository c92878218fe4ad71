"""What every guided flow does with its messages: answer, replace the pressed step, leave.

Quick taps through a flow can outrun Telegram's per-chat limit, so each call waits once
when Telegram asks (up to MAX_RETRY_WAIT seconds) instead of failing the step.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

MAX_RETRY_WAIT = 30

T = TypeVar("T")


async def patiently(call: Callable[[], Awaitable[T]]) -> T:
    try:
        return await call()
    except TelegramRetryAfter as exc:
        if exc.retry_after > MAX_RETRY_WAIT:
            raise
        await asyncio.sleep(exc.retry_after)
        return await call()


async def answer(message: Message, text: str, reply_markup: Any = None) -> None:
    await patiently(lambda: message.answer(text, reply_markup=reply_markup))


async def replace(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Put new text in the message whose button was pressed; a repeated tap that would
    change nothing ("message is not modified") is not an error."""
    message = query.message
    if not isinstance(message, Message):
        return
    try:
        await patiently(lambda: message.edit_text(text, reply_markup=markup))
    except TelegramBadRequest as exc:
        if "not modified" not in exc.message:
            raise


async def edit_step(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Each step of a flow replaces the message whose button was pressed."""
    await query.answer()
    await replace(query, text, markup)


async def leave_flow(query: CallbackQuery, state: FSMContext, text: str) -> None:
    await state.clear()
    await edit_step(query, text, None)


def core_of(i18n: I18nContext) -> FluentRuntimeCore:
    """The catalogues behind a user's context, for texts in other people's languages."""
    core: FluentRuntimeCore = i18n.core  # type: ignore[assignment]
    return core
