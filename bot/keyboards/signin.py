"""Keyboards of the member's side of meetings: sign-in steps, choosing a meeting, proxy."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded
from bot.keyboards.meetings import ProxyCB
from storage.models import Meeting, Person

LABEL_MAX = 48


class SignInPickCB(Bounded, CallbackData, prefix="sp"):
    """Which open meeting a location or voice note sent without a button was meant for."""

    meeting_id: int


def _short(text: str, limit: int = LABEL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def meeting_label(meeting: Meeting, zone: ZoneInfo) -> str:
    return f"{meeting.starts_at.astimezone(zone):%H:%M} · {_short(meeting.title)}"


def location_keyboard(i18n: Texts) -> ReplyKeyboardMarkup:
    """The phone sends where it is now: no map to pick another point from."""
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=i18n.get("signin-share-location"), request_location=True)],
            [KeyboardButton(text=i18n.get("button-cancel"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def cancel_keyboard(i18n: Texts) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=i18n.get("button-cancel"))]],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def note_keyboard(i18n: Texts) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=i18n.get("proxy-skip-note"))],
            [KeyboardButton(text=i18n.get("button-cancel"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def pick_meeting_keyboard(
    choices: Sequence[tuple[Meeting, ZoneInfo]],
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for meeting, zone in choices:
        builder.button(
            text=meeting_label(meeting, zone), callback_data=SignInPickCB(meeting_id=meeting.id)
        )
    builder.adjust(1)
    return builder.as_markup()


def proxy_meetings_keyboard(
    choices: Sequence[tuple[Meeting, ZoneInfo]],
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for meeting, zone in choices:
        builder.button(
            text=meeting_label(meeting, zone), callback_data=ProxyCB(meeting_id=meeting.id)
        )
    builder.adjust(1)
    return builder.as_markup()


def proxy_people_keyboard(meeting_id: int, people: Sequence[Person]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for person in people:
        builder.button(
            text=_short(person.display_name),
            callback_data=ProxyCB(meeting_id=meeting_id, person_id=person.id),
        )
    builder.adjust(2)
    return builder.as_markup()
