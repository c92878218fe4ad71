"""Keyboards of the join flow and of the secretary's decision on it."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded


class JoinDecisionCB(Bounded, CallbackData, prefix="join"):
    request_id: int
    approve: bool


def decision_keyboard(i18n: Texts, request_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=i18n.get("join-approve"),
        callback_data=JoinDecisionCB(request_id=request_id, approve=True),
    )
    builder.button(
        text=i18n.get("join-reject"),
        callback_data=JoinDecisionCB(request_id=request_id, approve=False),
    )
    return builder.as_markup()


def name_keyboard(i18n: Texts, suggested: str) -> ReplyKeyboardMarkup:
    """One tap to keep the Telegram name; typing another works too."""
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=suggested)],
            [KeyboardButton(text=i18n.get("button-cancel"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def contact_keyboard(i18n: Texts) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=i18n.get("join-share-phone"), request_contact=True)],
            [KeyboardButton(text=i18n.get("join-skip-phone"))],
            [KeyboardButton(text=i18n.get("button-cancel"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )
