"""Callback data shared by the meeting features (secretary side and member side).

Every class carries ids only; handlers re-check everything through the services.
"""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded
from bot.services.roles import SignInMethod
from storage.models import Meeting


class InvitationAction(StrEnum):
    ATTEND = "a"
    LEAVE = "l"
    SIGN_IN = "s"  # tap sign-in
    CODE = "c"  # start typing the code
    LOCATION = "g"  # explain how to share location
    VOICE = "v"  # explain how to send a voice note


class InvitationCB(Bounded, CallbackData, prefix="inv"):
    """A member's answer to an invitation, or a sign-in step, for one meeting."""

    meeting_id: int
    action: InvitationAction


class LeaveDecisionCB(Bounded, CallbackData, prefix="lv"):
    invitation_id: int
    approve: bool


class VoiceReviewCB(Bounded, CallbackData, prefix="vr"):
    attendance_id: int
    approve: bool


class ProxyCB(Bounded, CallbackData, prefix="px"):
    """A group leader signing in one neighbour (person_id 0 = show the list)."""

    meeting_id: int
    person_id: int = 0


def invitation_keyboard(texts: Texts, meeting: Meeting) -> InlineKeyboardMarkup:
    """Attend / ask for leave, plus one button per sign-in method the meeting allows."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("invitation-attend"),
        callback_data=InvitationCB(meeting_id=meeting.id, action=InvitationAction.ATTEND),
    )
    builder.button(
        text=texts.get("invitation-leave"),
        callback_data=InvitationCB(meeting_id=meeting.id, action=InvitationAction.LEAVE),
    )
    steps = {
        SignInMethod.TAP: InvitationAction.SIGN_IN,
        SignInMethod.CODE: InvitationAction.CODE,
        SignInMethod.LOCATION: InvitationAction.LOCATION,
        SignInMethod.VOICE: InvitationAction.VOICE,
    }
    for method, action in steps.items():
        if method.value in meeting.methods:
            builder.button(
                text=texts.get(f"signin-button-{method.value}"),
                callback_data=InvitationCB(meeting_id=meeting.id, action=action),
            )
    builder.adjust(2, 2, 2)
    return builder.as_markup()
