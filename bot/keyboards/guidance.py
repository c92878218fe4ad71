"""Callback data and keyboards of the guidance feature: /guidance, /coverage, /themedday,
the acknowledge and materials buttons under a guidance message, and the meeting flow's
themed-day date suggestion.

Callback data carries ids and choices only; every handler re-checks them through the
services (who pressed, whether the guidance is still what the button says).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded
from bot.keyboards.meeting_admin import ScheduleCB, Step, short
from bot.services.themed_day import MAX_DAY, CalendarKind
from storage.models import Guidance, Organization


class GuidanceAckCB(Bounded, CallbackData, prefix="gack"):
    """ "Received" under a guidance (or its reminder), pressed by a branch officer."""

    guidance_id: int


class GuidanceFilesCB(Bounded, CallbackData, prefix="gfile"):
    """Send me the guidance's documents and photos."""

    guidance_id: int


class MenuAction(StrEnum):
    COMMITTEE = "c"
    MONTH = "m"


class GuidanceMenuCB(Bounded, CallbackData, prefix="gm"):
    action: MenuAction
    committee_id: int
    month: str = ""


class FlowStep(StrEnum):
    """A button of the writing flow."""

    KEEP = "k"  # keep what the guidance already says
    SKIP = "s"  # leave this part empty
    MATERIALS_DONE = "d"
    MATERIALS_CLEAR = "c"
    DEFAULT = "f"  # take the suggested deadline or publishing moment
    MEMBERS = "u"  # value "1" / "0"
    DRAFT = "r"
    SCHEDULE = "p"
    PUBLISH = "n"
    ABORT = "x"


class GuidanceFlowCB(Bounded, CallbackData, prefix="gf"):
    step: FlowStep
    value: str = ""


class CoverageCB(Bounded, CallbackData, prefix="gc"):
    """Coverage of one committee (guidance_id 0 = its latest published guidance)."""

    committee_id: int
    guidance_id: int = 0


class ThemedDayAction(StrEnum):
    BRANCH = "b"
    CALENDAR = "c"
    DAY = "d"
    CLEAR = "x"


class ThemedDayCB(Bounded, CallbackData, prefix="td"):
    action: ThemedDayAction
    branch_id: int
    calendar: str = ""
    day: int = 0


class ThemedDateCB(Bounded, CallbackData, prefix="tdm"):
    """The meeting flow's one-tap start time on the branch's themed day: YYYYMMDDHHMM."""

    when: str


# ----------------------------------------------------------------------------- messages


def guidance_keyboard(
    texts: Texts, guidance_id: int, *, acknowledge: bool, files: bool
) -> InlineKeyboardMarkup | None:
    builder = InlineKeyboardBuilder()
    if acknowledge:
        builder.button(
            text=texts.get("guidance-button-ack"),
            callback_data=GuidanceAckCB(guidance_id=guidance_id),
        )
    if files:
        builder.button(
            text=texts.get("guidance-button-files"),
            callback_data=GuidanceFilesCB(guidance_id=guidance_id),
        )
    if not list(builder.buttons):
        return None
    builder.adjust(1)
    return builder.as_markup()


# ----------------------------------------------------------------------------- /guidance


def committees_keyboard(orgs: Sequence[Organization]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for org in orgs:
        builder.button(
            text=short(org.name),
            callback_data=GuidanceMenuCB(action=MenuAction.COMMITTEE, committee_id=org.id),
        )
    builder.adjust(1)
    return builder.as_markup()


def months_keyboard(
    texts: Texts, committee_id: int, entries: Sequence[tuple[str, Guidance | None]]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for month, found in entries:
        status = texts.get(
            f"guidance-status-{found.status.value}" if found else "guidance-status-none"
        )
        builder.button(
            text=f"{month} · {status}",
            callback_data=GuidanceMenuCB(
                action=MenuAction.MONTH, committee_id=committee_id, month=month
            ),
        )
    builder.adjust(1)
    return builder.as_markup()


def _abort(builder: InlineKeyboardBuilder, texts: Texts) -> None:
    builder.button(
        text=texts.get("guidance-abort"), callback_data=GuidanceFlowCB(step=FlowStep.ABORT)
    )


def step_keyboard(
    texts: Texts,
    *,
    keep: bool = False,
    skip: bool = False,
    default: str | None = None,
) -> InlineKeyboardMarkup:
    """Keep what is there / leave empty / take the suggestion, and abort."""
    builder = InlineKeyboardBuilder()
    if default is not None:
        builder.button(
            text=texts.get("guidance-use-default", value=default),
            callback_data=GuidanceFlowCB(step=FlowStep.DEFAULT),
        )
    if keep:
        builder.button(
            text=texts.get("guidance-keep"), callback_data=GuidanceFlowCB(step=FlowStep.KEEP)
        )
    if skip:
        builder.button(
            text=texts.get("guidance-skip"), callback_data=GuidanceFlowCB(step=FlowStep.SKIP)
        )
    _abort(builder, texts)
    builder.adjust(1)
    return builder.as_markup()


def materials_keyboard(texts: Texts, count: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("guidance-materials-done", count=count),
        callback_data=GuidanceFlowCB(step=FlowStep.MATERIALS_DONE),
    )
    if count:
        builder.button(
            text=texts.get("guidance-materials-clear"),
            callback_data=GuidanceFlowCB(step=FlowStep.MATERIALS_CLEAR),
        )
    _abort(builder, texts)
    builder.adjust(1)
    return builder.as_markup()


def members_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("guidance-members-yes"),
        callback_data=GuidanceFlowCB(step=FlowStep.MEMBERS, value="1"),
    )
    builder.button(
        text=texts.get("guidance-members-no"),
        callback_data=GuidanceFlowCB(step=FlowStep.MEMBERS, value="0"),
    )
    _abort(builder, texts)
    builder.adjust(1)
    return builder.as_markup()


def preview_keyboard(texts: Texts, schedule_at: str | None) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("guidance-save-draft"), callback_data=GuidanceFlowCB(step=FlowStep.DRAFT)
    )
    if schedule_at is not None:
        builder.button(
            text=texts.get("guidance-save-schedule", time=schedule_at),
            callback_data=GuidanceFlowCB(step=FlowStep.SCHEDULE),
        )
    builder.button(
        text=texts.get("guidance-publish-now"), callback_data=GuidanceFlowCB(step=FlowStep.PUBLISH)
    )
    _abort(builder, texts)
    builder.adjust(1)
    return builder.as_markup()


def published_keyboard(texts: Texts, committee_id: int, guidance_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("guidance-button-coverage"),
        callback_data=CoverageCB(committee_id=committee_id, guidance_id=guidance_id),
    )
    return builder.as_markup()


# ----------------------------------------------------------------------------- /coverage


def coverage_committees_keyboard(orgs: Sequence[Organization]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for org in orgs:
        builder.button(text=short(org.name), callback_data=CoverageCB(committee_id=org.id))
    builder.adjust(1)
    return builder.as_markup()


def coverage_months_keyboard(
    committee_id: int, published: Sequence[Guidance], shown_id: int
) -> InlineKeyboardMarkup | None:
    builder = InlineKeyboardBuilder()
    for found in published:
        if found.id != shown_id:
            builder.button(
                text=found.month,
                callback_data=CoverageCB(committee_id=committee_id, guidance_id=found.id),
            )
    if not list(builder.buttons):
        return None
    builder.adjust(3)
    return builder.as_markup()


# ----------------------------------------------------------------------------- /themedday


def branches_keyboard(orgs: Sequence[Organization]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for org in orgs:
        builder.button(
            text=short(org.name),
            callback_data=ThemedDayCB(action=ThemedDayAction.BRANCH, branch_id=org.id),
        )
    builder.adjust(1)
    return builder.as_markup()


def themed_day_keyboard(texts: Texts, branch_id: int, has_rule: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for kind in CalendarKind:
        builder.button(
            text=texts.get(f"themedday-choose-{kind.value}"),
            callback_data=ThemedDayCB(
                action=ThemedDayAction.CALENDAR, branch_id=branch_id, calendar=kind.value
            ),
        )
    if has_rule:
        builder.button(
            text=texts.get("themedday-clear"),
            callback_data=ThemedDayCB(action=ThemedDayAction.CLEAR, branch_id=branch_id),
        )
    builder.adjust(2, 1)
    return builder.as_markup()


def days_keyboard(texts: Texts, branch_id: int, kind: CalendarKind) -> InlineKeyboardMarkup:
    """A month grid: 1–31 (solar) or 初一–三十 (lunar), seven to a row."""
    builder = InlineKeyboardBuilder()
    for day in range(1, MAX_DAY[kind] + 1):
        label = str(day) if kind is CalendarKind.SOLAR else texts.get("lunar-day-name", day=day)
        builder.button(
            text=label,
            callback_data=ThemedDayCB(
                action=ThemedDayAction.DAY, branch_id=branch_id, calendar=kind.value, day=day
            ),
        )
    builder.button(
        text=texts.get("themedday-back"),
        callback_data=ThemedDayCB(action=ThemedDayAction.BRANCH, branch_id=branch_id),
    )
    rows = [7] * (MAX_DAY[kind] // 7) + [MAX_DAY[kind] % 7, 1]
    builder.adjust(*rows)
    return builder.as_markup()


# ----------------------------------------------------------------------------- meeting flow


def themed_date_keyboard(texts: Texts, day: date, start: time) -> InlineKeyboardMarkup:
    """The themed day at a usual hour as a one-tap start, above the meeting flow's abort."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("meeting-themed-date", date=day.isoformat(), time=f"{start:%H:%M}"),
        callback_data=ThemedDateCB(when=f"{day:%Y%m%d}{start:%H%M}"),
    )
    builder.button(text=texts.get("meeting-abort"), callback_data=ScheduleCB(step=Step.ABORT))
    builder.adjust(1)
    return builder.as_markup()
