"""Keyboards of the secretary's side of meetings: the scheduling flow, /meetings, decisions.

Callback data carries ids and choices only; every handler re-checks them through the
services (and the scheduling flow's buttons only work in the step that showed them).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded
from bot.keyboards.meetings import LeaveDecisionCB, VoiceReviewCB
from bot.services.roles import Audience, MeetingKind, SignInMethod
from storage.models import Organization

RADIUS_CHOICES = (200, 500, 1000, 3000)
WINDOW_CHOICES = ((30, 30), (15, 15), (60, 60))
TOGGLE_METHODS = (SignInMethod.TAP, SignInMethod.CODE, SignInMethod.LOCATION, SignInMethod.VOICE)
LABEL_MAX = 40


def short(text: str, limit: int = LABEL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Step(StrEnum):
    """A button of the scheduling flow."""

    ORG = "o"
    KIND = "k"
    TITLE = "t"  # keep the default title
    SKIP_VENUE = "v"
    RADIUS = "r"
    METHOD = "m"  # toggle one sign-in method
    AUTO = "a"  # toggle voice auto-approval
    METHODS_DONE = "d"
    WINDOW = "w"
    AUDIENCE = "u"
    CONFIRM = "c"
    ABORT = "x"


class ScheduleCB(Bounded, CallbackData, prefix="ms"):
    step: Step
    value: str = ""
    num: int = 0


class AdminAction(StrEnum):
    LIST = "l"
    OPEN = "o"
    SUMMARY = "s"
    CODE = "k"
    EDIT = "e"
    KEEP_TIME = "t"
    KEEP_VENUE = "v"
    CANCEL = "c"
    CANCEL_YES = "y"
    MINUTES = "m"
    MINUTES_DONE = "d"
    REVIEWS = "r"


class MeetingAdminCB(Bounded, CallbackData, prefix="ma"):
    """One action of a manager on one meeting (meeting_id 0 with LIST = the list)."""

    meeting_id: int
    action: AdminAction


def _abort_button(builder: InlineKeyboardBuilder, i18n: Texts) -> None:
    builder.button(text=i18n.get("meeting-abort"), callback_data=ScheduleCB(step=Step.ABORT))


# ----------------------------------------------------------------------------- scheduling


def orgs_keyboard(i18n: Texts, orgs: Sequence[Organization]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for org in orgs:
        builder.button(text=short(org.name), callback_data=ScheduleCB(step=Step.ORG, num=org.id))
    _abort_button(builder, i18n)
    builder.adjust(1)
    return builder.as_markup()


def kinds_keyboard(i18n: Texts, kinds: Sequence[MeetingKind]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind in kinds:
        builder.button(
            text=i18n.get(f"meeting-kind-{kind.value}"),
            callback_data=ScheduleCB(step=Step.KIND, value=kind.value),
        )
    _abort_button(builder, i18n)
    builder.adjust(2)
    return builder.as_markup()


def title_keyboard(i18n: Texts, default: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=i18n.get("meeting-title-default", title=short(default)),
        callback_data=ScheduleCB(step=Step.TITLE),
    )
    _abort_button(builder, i18n)
    builder.adjust(1)
    return builder.as_markup()


def abort_keyboard(i18n: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    _abort_button(builder, i18n)
    return builder.as_markup()


def venue_keyboard(i18n: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=i18n.get("meeting-skip"), callback_data=ScheduleCB(step=Step.SKIP_VENUE))
    _abort_button(builder, i18n)
    builder.adjust(1)
    return builder.as_markup()


def location_keyboard(i18n: Texts) -> ReplyKeyboardMarkup:
    """Sharing the phone's position at the venue, or going on without a map point."""
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=i18n.get("meeting-share-location"), request_location=True)],
            [KeyboardButton(text=i18n.get("meeting-skip"))],
            [KeyboardButton(text=i18n.get("button-cancel"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
    )


def radius_keyboard(i18n: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for meters in RADIUS_CHOICES:
        builder.button(
            text=i18n.get("meeting-radius-option", meters=str(meters)),
            callback_data=ScheduleCB(step=Step.RADIUS, num=meters),
        )
    _abort_button(builder, i18n)
    builder.adjust(4, 1)
    return builder.as_markup()


def methods_keyboard(
    i18n: Texts, chosen: Sequence[str], has_point: bool, auto: bool
) -> InlineKeyboardMarkup:
    """Toggles: ✅ on, ▫️ off. Location only with a map point; auto-approval only with voice."""
    builder = InlineKeyboardBuilder()
    for method in TOGGLE_METHODS:
        if method is SignInMethod.LOCATION and not has_point:
            continue
        mark = "✅" if method.value in chosen else "▫️"
        builder.button(
            text=f"{mark} {i18n.get(f'signin-method-{method.value}')}",
            callback_data=ScheduleCB(step=Step.METHOD, value=method.value),
        )
    toggles = len(list(builder.buttons))
    rows = [2] * (toggles // 2) + [1] * (toggles % 2)
    if SignInMethod.VOICE.value in chosen:
        mark = "✅" if auto else "▫️"
        builder.button(
            text=f"{mark} {i18n.get('meeting-voice-auto')}",
            callback_data=ScheduleCB(step=Step.AUTO),
        )
        rows.append(1)
    builder.button(text=i18n.get("meeting-next"), callback_data=ScheduleCB(step=Step.METHODS_DONE))
    _abort_button(builder, i18n)
    builder.adjust(*rows, 1, 1)
    return builder.as_markup()


def window_keyboard(i18n: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for before, after in WINDOW_CHOICES:
        builder.button(
            text=i18n.get("meeting-window-option", before=before, after=after),
            callback_data=ScheduleCB(step=Step.WINDOW, value=f"{before}-{after}"),
        )
    _abort_button(builder, i18n)
    builder.adjust(1)
    return builder.as_markup()


def audience_keyboard(i18n: Texts, groups: Sequence[Organization]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for audience in (Audience.BRANCH, Audience.COMMITTEE):
        builder.button(
            text=i18n.get(f"audience-{audience.value}"),
            callback_data=ScheduleCB(step=Step.AUDIENCE, value=audience.value),
        )
    for group in groups:
        builder.button(
            text=i18n.get("meeting-audience-group", group=short(group.name)),
            callback_data=ScheduleCB(step=Step.AUDIENCE, value=Audience.GROUP.value, num=group.id),
        )
    _abort_button(builder, i18n)
    builder.adjust(1)
    return builder.as_markup()


def confirm_keyboard(i18n: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=i18n.get("meeting-confirm"), callback_data=ScheduleCB(step=Step.CONFIRM))
    _abort_button(builder, i18n)
    builder.adjust(1)
    return builder.as_markup()


# ----------------------------------------------------------------------------- /meetings


def _admin(meeting_id: int, action: AdminAction) -> MeetingAdminCB:
    return MeetingAdminCB(meeting_id=meeting_id, action=action)


def list_keyboard(labels: Sequence[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for meeting_id, label in labels:
        builder.button(text=short(label, 60), callback_data=_admin(meeting_id, AdminAction.OPEN))
    builder.adjust(1)
    return builder.as_markup()


def meeting_keyboard(
    i18n: Texts, meeting_id: int, *, cancelled: bool, has_code: bool, pending_reviews: int
) -> InlineKeyboardMarkup:
    """A meeting's actions: summary, code, edit, minutes, cancel, voice reviews, the list."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=i18n.get("meeting-button-summary"),
        callback_data=_admin(meeting_id, AdminAction.SUMMARY),
    )
    sizes = [1]
    if not cancelled:
        actions = [
            ("meeting-button-edit", AdminAction.EDIT),
            ("meeting-button-minutes", AdminAction.MINUTES),
            ("meeting-button-cancel", AdminAction.CANCEL),
        ]
        if has_code:
            actions.insert(0, ("meeting-button-code", AdminAction.CODE))
        for key, action in actions:
            builder.button(text=i18n.get(key), callback_data=_admin(meeting_id, action))
        sizes += [2] * (len(actions) // 2) + [1] * (len(actions) % 2)
    else:
        builder.button(
            text=i18n.get("meeting-button-minutes"),
            callback_data=_admin(meeting_id, AdminAction.MINUTES),
        )
        sizes.append(1)
    if pending_reviews:
        builder.button(
            text=i18n.get("meeting-button-reviews", count=pending_reviews),
            callback_data=_admin(meeting_id, AdminAction.REVIEWS),
        )
        sizes.append(1)
    builder.button(text=i18n.get("meeting-button-list"), callback_data=_admin(0, AdminAction.LIST))
    sizes.append(1)
    builder.adjust(*sizes)
    return builder.as_markup()


def back_keyboard(i18n: Texts, meeting_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=i18n.get("meeting-button-back"), callback_data=_admin(meeting_id, AdminAction.OPEN)
    )
    return builder.as_markup()


def cancel_confirm_keyboard(i18n: Texts, meeting_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=i18n.get("meeting-cancel-yes"),
        callback_data=_admin(meeting_id, AdminAction.CANCEL_YES),
    )
    builder.button(
        text=i18n.get("meeting-cancel-no"), callback_data=_admin(meeting_id, AdminAction.OPEN)
    )
    builder.adjust(1)
    return builder.as_markup()


def keep_keyboard(i18n: Texts, meeting_id: int, action: AdminAction) -> InlineKeyboardMarkup:
    """ "Keep the time" / "keep the venue" in the edit flow."""
    key = (
        "meeting-edit-keep-time" if action is AdminAction.KEEP_TIME else "meeting-edit-keep-venue"
    )
    builder = InlineKeyboardBuilder()
    builder.button(text=i18n.get(key), callback_data=_admin(meeting_id, action))
    return builder.as_markup()


def minutes_keyboard(i18n: Texts, meeting_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=i18n.get("minutes-done-button"),
        callback_data=_admin(meeting_id, AdminAction.MINUTES_DONE),
    )
    return builder.as_markup()


# ----------------------------------------------------------------------------- decisions


def leave_decision_keyboard(i18n: Texts, invitation_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=i18n.get("leave-decision-approve"),
        callback_data=LeaveDecisionCB(invitation_id=invitation_id, approve=True),
    )
    builder.button(
        text=i18n.get("leave-decision-reject"),
        callback_data=LeaveDecisionCB(invitation_id=invitation_id, approve=False),
    )
    return builder.as_markup()


def voice_review_keyboard(i18n: Texts, attendance_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=i18n.get("voice-review-approve"),
        callback_data=VoiceReviewCB(attendance_id=attendance_id, approve=True),
    )
    builder.button(
        text=i18n.get("voice-review-reject"),
        callback_data=VoiceReviewCB(attendance_id=attendance_id, approve=False),
    )
    return builder.as_markup()
