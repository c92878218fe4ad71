"""The secretary's side of meetings: /meeting schedules, /meetings manages, and the one-tap
decisions on leave requests and voice sign-ins.

Invitations and quiet hours: invitations go out as soon as the meeting is scheduled —
during quiet hours (in the organization's zone) silently, so no phone rings at night but
the invitation is there in the morning, days before the meeting. Changes and cancellations
likewise: the invitees need them before they set out.

The rules are in bot/services/meetings.py; these handlers collect input, call it, and
render the result (texts in locales/*/meetings.ftl, see bot/meeting_notices.py).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardRemove,
)
from aiogram_i18n import I18nContext, LazyFilter
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.delivery import best_effort
from bot.handlers.render import local_time, split_text
from bot.handlers.steps import answer, core_of, edit_step, leave_flow, replace
from bot.i18n import Translator
from bot.keyboards.guidance import ThemedDateCB, themed_date_keyboard
from bot.keyboards.meeting_admin import (
    RADIUS_CHOICES,
    TOGGLE_METHODS,
    WINDOW_CHOICES,
    AdminAction,
    MeetingAdminCB,
    ScheduleCB,
    Step,
    abort_keyboard,
    audience_keyboard,
    back_keyboard,
    cancel_confirm_keyboard,
    confirm_keyboard,
    keep_keyboard,
    kinds_keyboard,
    list_keyboard,
    location_keyboard,
    meeting_keyboard,
    methods_keyboard,
    minutes_keyboard,
    orgs_keyboard,
    radius_keyboard,
    title_keyboard,
    venue_keyboard,
    window_keyboard,
)
from bot.keyboards.meetings import LeaveDecisionCB, VoiceReviewCB, invitation_keyboard
from bot.meeting_notices import (
    CHANGED,
    INVITATION,
    deliver,
    kind_name,
    leave_request_notice,
    meeting_lines,
    summary_lines,
    tell_invitees,
    voice_review_notice,
)
from bot.notices import is_quiet
from bot.services import meetings, organizations, themed_day
from bot.services.access import Action, Actor
from bot.services.errors import AccessDenied, Conflict, DomainError, InvalidInput
from bot.services.meetings import MeetingNews, MeetingSpec, SignedIn, Summary
from bot.services.roles import Audience, Level, MeetingKind, SignInMethod
from storage.models import Meeting, MeetingStatus, Organization
from storage.uow import UnitOfWork

__all__ = [
    "EditFlow",
    "MinutesFlow",
    "ScheduleFlow",
    "build_router",
    "leave_request_notice",
    "parse_when",
    "voice_review_notice",
]

# The service refuses meetings more than a year ahead; asked here too so that the typed
# time can be corrected on the spot instead of at the end of the flow.
MAX_AHEAD = timedelta(days=366)
LIST_LIMIT = 10
# The start offered for a 主题党日 on the branch's fixed day (the secretary may type another).
THEMED_DAY_START = time(9, 0)

WHEN_PATTERN = re.compile(
    r"^\s*(?:(?P<year>\d{4})\s*[-/.年]\s*)?(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})"
    r"\s*(?:日\s*|号\s*|\s+|T)(?P<hour>\d{1,2})\s*[:：]\s*(?P<minute>\d{2})\s*$"
)


class ScheduleFlow(StatesGroup):
    org = State()
    kind = State()
    title = State()
    when = State()
    venue = State()
    location = State()
    radius = State()
    methods = State()
    window = State()
    audience = State()
    confirm = State()


class EditFlow(StatesGroup):
    when = State()
    venue = State()


class MinutesFlow(StatesGroup):
    collect = State()


def parse_when(text: str, zone: ZoneInfo, now: datetime) -> datetime | None:
    """`YYYY-MM-DD HH:MM` or `MM-DD HH:MM` in `zone` (UTC result); None if unreadable.

    Without a year, a day already gone this year means next year (typed in December,
    "01-05 19:30" is January); today's date keeps this year, so a time earlier today is
    refused as past rather than moved a year ahead.
    """
    found = WHEN_PATTERN.match(text)
    if found is None:
        return None
    parts = {name: int(value) for name, value in found.groupdict().items() if value is not None}
    local_now = now.astimezone(zone)
    try:
        year = parts.get("year", local_now.year)
        moment = datetime(
            year, parts["month"], parts["day"], parts["hour"], parts["minute"], tzinfo=zone
        )
        if "year" not in parts and moment.date() < local_now.date():
            moment = moment.replace(year=year + 1)
    except ValueError:
        return None
    return moment.astimezone(UTC)


def _future(starts: datetime, now: datetime) -> datetime:
    if starts <= now:
        raise InvalidInput("meeting-error-past")
    if starts > now + MAX_AHEAD:
        raise InvalidInput("meeting-error-too-far")
    return starts


def _example(zone: ZoneInfo, now: datetime) -> str:
    return f"{now.astimezone(zone) + timedelta(days=1):%Y-%m-%d} 19:30"


async def _reply(query: CallbackQuery, text: str, markup: Any = None) -> None:
    """A new message under the pressed one (for steps that need a reply keyboard)."""
    await query.answer()
    if isinstance(query.message, Message):
        await answer(query.message, text, reply_markup=markup)


def _audience_label(i18n: I18nContext, audience: Audience, org_name: str) -> str:
    return f"{i18n.get(f'audience-{audience.value}')} · {org_name}"


def _manager_lines(
    i18n: I18nContext, meeting: Meeting, org_name: str, zone: ZoneInfo, audience: str
) -> list[str]:
    """The meeting card as its manager sees it: what invitees see, plus audience, voice
    review mode and the sign-in code."""
    lines = [org_name]
    if meeting.status is MeetingStatus.CANCELLED:
        lines.append(i18n.get("meeting-status-cancelled"))
    lines += meeting_lines(i18n, meeting, zone)
    lines.append(i18n.get("meeting-line-audience", audience=audience))
    if SignInMethod.VOICE.value in meeting.methods:
        auto = meeting.voice_auto_approve
        lines.append(i18n.get("meeting-line-voice-auto" if auto else "meeting-line-voice-review"))
    if SignInMethod.CODE.value in meeting.methods and meeting.code:
        lines.append(i18n.get("meeting-line-code", code=meeting.code))
    return lines


def _invited_line(i18n: I18nContext, summary: Summary, on_telegram: int | None = None) -> str:
    invited = (
        len(summary.present)
        + len(summary.pending)
        + len(summary.on_leave)
        + len(summary.leave_pending)
        + len(summary.absent)
    )
    if on_telegram is None or on_telegram >= invited:
        return i18n.get("meeting-line-invited", count=invited)
    return i18n.get("meeting-line-invited-offline", count=invited, offline=invited - on_telegram)


# ----------------------------------------------------------------------------- /meeting


async def meeting_command(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    orgs = await meetings.schedulable(uow, actor)
    if not orgs:
        raise AccessDenied()
    await state.clear()
    if len(orgs) == 1:
        text, markup = await _org_chosen(state, i18n, settings, orgs[0])
    else:
        await state.set_state(ScheduleFlow.org)
        text, markup = i18n.get("meeting-choose-org"), orgs_keyboard(i18n, orgs)
    await answer(message, text, reply_markup=markup)


async def _org_chosen(
    state: FSMContext, i18n: I18nContext, settings: Settings, org: Organization
) -> tuple[str, InlineKeyboardMarkup]:
    await state.set_data(
        {
            "org_id": org.id,
            "org_name": org.name,
            "group": org.level is Level.GROUP,
            "zone": organizations.zone_of(org, settings.zone).key,
            # the branch's standing choice; the secretary may flip it for this meeting
            "auto": meetings.voice_auto_approve_default(org),
        }
    )
    await state.set_state(ScheduleFlow.kind)
    return (
        i18n.get("meeting-choose-kind", org=org.name),
        kinds_keyboard(i18n, meetings.kinds_for(org)),
    )


async def pick_org(
    query: CallbackQuery,
    callback_data: ScheduleCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    orgs = {org.id: org for org in await meetings.schedulable(uow, actor)}
    org = orgs.get(callback_data.num)
    if org is None:
        raise AccessDenied()
    await edit_step(query, *await _org_chosen(state, i18n, settings, org))


async def pick_kind(
    query: CallbackQuery,
    callback_data: ScheduleCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    now: datetime,
) -> None:
    data = await state.get_data()
    org = await organizations.get_for(uow, actor, Action.SCHEDULE_MEETING, data["org_id"])
    kinds = {kind.value: kind for kind in meetings.kinds_for(org)}
    kind = kinds.get(callback_data.value)
    if kind is None:
        raise InvalidInput("meeting-error-kind")
    default, themed_date = kind_name(i18n, kind), None
    if kind is MeetingKind.THEMED_PARTY_DAY:  # the month's guidance theme, the branch's day
        suggestion = await themed_day.suggestion_for(uow, org, now, ZoneInfo(data["zone"]))
        default = suggestion.theme or default
        themed_date = suggestion.day.isoformat() if suggestion.day else None
    await state.update_data(kind=kind.value, default_title=default, themed_date=themed_date)
    await state.set_state(ScheduleFlow.title)
    await edit_step(
        query,
        i18n.get("meeting-ask-title", kind=kind_name(i18n, kind)),
        title_keyboard(i18n, default),
    )


async def _title_chosen(
    state: FSMContext, i18n: I18nContext, title: str, now: datetime
) -> tuple[str, InlineKeyboardMarkup]:
    title = " ".join(title.split())
    if not title or len(title) > meetings.TITLE_MAX:
        raise InvalidInput("meeting-error-title", max=meetings.TITLE_MAX)
    await state.update_data(title=title)
    await state.set_state(ScheduleFlow.when)
    data = await state.get_data()
    zone = ZoneInfo(data["zone"])
    text = i18n.get("meeting-ask-when", title=title, example=_example(zone, now), zone=zone.key)
    if data.get("themed_date"):
        day = date.fromisoformat(data["themed_date"])
        if datetime.combine(day, THEMED_DAY_START, tzinfo=zone) > now:
            return text, themed_date_keyboard(i18n, day, THEMED_DAY_START)
    return text, abort_keyboard(i18n)


async def title_typed(
    message: Message, state: FSMContext, i18n: I18nContext, now: datetime
) -> None:
    text, markup = await _title_chosen(state, i18n, message.text or "", now)
    await answer(message, text, reply_markup=markup)


async def title_default(
    query: CallbackQuery, state: FSMContext, i18n: I18nContext, now: datetime
) -> None:
    default = (await state.get_data())["default_title"]
    await edit_step(query, *await _title_chosen(state, i18n, default, now))


async def when_typed(
    message: Message, state: FSMContext, i18n: I18nContext, now: datetime
) -> None:
    zone = ZoneInfo((await state.get_data())["zone"])
    starts = parse_when(message.text or "", zone, now)
    if starts is None:
        raise InvalidInput("meeting-error-when", example=_example(zone, now))
    _future(starts, now)
    await state.update_data(starts=starts.isoformat())
    await state.set_state(ScheduleFlow.venue)
    await answer(
        message,
        i18n.get("meeting-ask-venue", time=local_time(starts, zone)),
        reply_markup=venue_keyboard(i18n),
    )


async def when_suggested(
    query: CallbackQuery,
    callback_data: ThemedDateCB,
    state: FSMContext,
    i18n: I18nContext,
    now: datetime,
) -> None:
    """The branch's themed day, offered as a one-tap start time."""
    zone = ZoneInfo((await state.get_data())["zone"])
    when = callback_data.when
    try:
        local = datetime(
            int(when[:4]),
            int(when[4:6]),
            int(when[6:8]),
            int(when[8:10]),
            int(when[10:12]),
            tzinfo=zone,
        )
    except ValueError:
        raise InvalidInput("error-stale-button") from None
    starts = _future(local.astimezone(UTC), now)
    await state.update_data(starts=starts.isoformat())
    await state.set_state(ScheduleFlow.venue)
    await edit_step(
        query, i18n.get("meeting-ask-venue", time=local_time(starts, zone)), venue_keyboard(i18n)
    )


async def _venue_chosen(state: FSMContext, venue: str) -> None:
    venue = " ".join(venue.split())
    if len(venue) > meetings.TITLE_MAX:
        raise InvalidInput("meeting-error-venue", max=meetings.TITLE_MAX)
    await state.update_data(venue=venue)
    await state.set_state(ScheduleFlow.location)


async def venue_typed(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await _venue_chosen(state, message.text or "")
    await answer(message, i18n.get("meeting-ask-location"), reply_markup=location_keyboard(i18n))


async def venue_skipped(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await _venue_chosen(state, "")
    await _reply(query, i18n.get("meeting-ask-location"), location_keyboard(i18n))


async def location_shared(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    location = message.location
    assert location is not None
    await state.update_data(lat=location.latitude, lon=location.longitude)
    await state.set_state(ScheduleFlow.radius)
    await answer(message, i18n.get("meeting-location-saved"), reply_markup=ReplyKeyboardRemove())
    await answer(message, i18n.get("meeting-ask-radius"), reply_markup=radius_keyboard(i18n))


async def location_skipped(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.update_data(lat=None, lon=None)
    await answer(message, i18n.get("meeting-location-skipped"), reply_markup=ReplyKeyboardRemove())
    text, markup = await _methods_screen(state, i18n)
    await answer(message, text, reply_markup=markup)


async def location_expected(message: Message, i18n: I18nContext) -> None:
    await answer(
        message, i18n.get("meeting-location-expected"), reply_markup=location_keyboard(i18n)
    )


async def pick_radius(
    query: CallbackQuery, callback_data: ScheduleCB, state: FSMContext, i18n: I18nContext
) -> None:
    if callback_data.num not in RADIUS_CHOICES:
        raise InvalidInput("meeting-error-radius")
    await state.update_data(radius=callback_data.num)
    await edit_step(query, *await _methods_screen(state, i18n))


async def _methods_screen(
    state: FSMContext, i18n: I18nContext
) -> tuple[str, InlineKeyboardMarkup]:
    data = await state.get_data()
    if "methods" not in data:
        data = await state.update_data(methods=[SignInMethod.TAP.value], auto=False)
    await state.set_state(ScheduleFlow.methods)
    return i18n.get("meeting-ask-methods"), methods_keyboard(
        i18n, data["methods"], data.get("lat") is not None, bool(data.get("auto"))
    )


async def toggle_method(
    query: CallbackQuery, callback_data: ScheduleCB, state: FSMContext, i18n: I18nContext
) -> None:
    data = await state.get_data()
    allowed = {m.value for m in TOGGLE_METHODS}
    if callback_data.value not in allowed:
        raise InvalidInput("meeting-error-methods")
    if callback_data.value == SignInMethod.LOCATION.value and data.get("lat") is None:
        raise InvalidInput("meeting-error-location-needed")
    chosen = set(data.get("methods", []))
    chosen ^= {callback_data.value}
    auto = bool(data.get("auto")) and SignInMethod.VOICE.value in chosen
    ordered = [m.value for m in TOGGLE_METHODS if m.value in chosen]
    await state.update_data(methods=ordered, auto=auto)
    await edit_step(query, *await _methods_screen(state, i18n))


async def toggle_auto(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    data = await state.get_data()
    if SignInMethod.VOICE.value not in data.get("methods", []):
        raise InvalidInput("meeting-error-methods")
    await state.update_data(auto=not data.get("auto"))
    await edit_step(query, *await _methods_screen(state, i18n))


async def methods_done(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    if not (await state.get_data()).get("methods"):
        raise InvalidInput("meeting-error-methods")
    await state.set_state(ScheduleFlow.window)
    await edit_step(query, i18n.get("meeting-ask-window"), window_keyboard(i18n))


async def pick_window(
    query: CallbackQuery,
    callback_data: ScheduleCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    choices = {f"{before}-{after}": (before, after) for before, after in WINDOW_CHOICES}
    if callback_data.value not in choices:
        raise InvalidInput("meeting-error-window")
    before, after = choices[callback_data.value]
    data = await state.update_data(before=before, after=after)
    if data["group"]:  # a party group meets as itself
        await state.update_data(
            audience=Audience.GROUP.value,
            audience_org_id=data["org_id"],
            audience_name=data["org_name"],
        )
        await edit_step(query, *await _confirm_screen(state, i18n, settings, now))
        return
    groups = await meetings.groups_of(uow, actor, data["org_id"])
    await state.set_state(ScheduleFlow.audience)
    await edit_step(query, i18n.get("meeting-ask-audience"), audience_keyboard(i18n, groups))


async def pick_audience(
    query: CallbackQuery,
    callback_data: ScheduleCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    data = await state.get_data()
    if callback_data.value == Audience.GROUP.value:
        groups = {g.id: g for g in await meetings.groups_of(uow, actor, data["org_id"])}
        group = groups.get(callback_data.num)
        if group is None:
            raise InvalidInput("meeting-error-audience")
        chosen = (Audience.GROUP, group.id, group.name)
    elif callback_data.value in (Audience.BRANCH.value, Audience.COMMITTEE.value):
        chosen = (Audience(callback_data.value), data["org_id"], data["org_name"])
    else:
        raise InvalidInput("meeting-error-audience")
    audience, audience_org_id, audience_name = chosen
    await state.update_data(
        audience=audience.value, audience_org_id=audience_org_id, audience_name=audience_name
    )
    await edit_step(query, *await _confirm_screen(state, i18n, settings, now))


def _spec(data: dict[str, Any], settings: Settings) -> MeetingSpec:
    methods = frozenset(SignInMethod(m) for m in data["methods"])
    return MeetingSpec(
        org_id=data["org_id"],
        kind=MeetingKind(data["kind"]),
        title=data["title"],
        starts_at=datetime.fromisoformat(data["starts"]),
        audience=Audience(data["audience"]),
        audience_org_id=data["audience_org_id"],
        venue=data.get("venue", ""),
        latitude=data.get("lat"),
        longitude=data.get("lon"),
        radius_m=data.get("radius", 500),
        opens_before_min=data["before"],
        closes_after_min=data["after"],
        methods=methods,
        voice_auto_approve=bool(data.get("auto")) and SignInMethod.VOICE in methods,
        reminder_minutes=tuple(settings.meeting_reminders),
    )


def _draft(spec: MeetingSpec) -> Meeting:
    """The meeting as it will be, for the confirmation card (never added to a session)."""
    return Meeting(
        kind=spec.kind,
        title=spec.title,
        starts_at=spec.starts_at,
        venue=spec.venue,
        latitude=spec.latitude,
        longitude=spec.longitude,
        radius_m=spec.radius_m,
        opens_before_min=spec.opens_before_min,
        closes_after_min=spec.closes_after_min,
        methods=sorted(m.value for m in spec.methods),
        audience=spec.audience,
        voice_auto_approve=spec.voice_auto_approve,
        status=MeetingStatus.SCHEDULED,
        code="",
        minutes="",
        minutes_photos=[],
    )


async def _confirm_screen(
    state: FSMContext, i18n: I18nContext, settings: Settings, now: datetime
) -> tuple[str, InlineKeyboardMarkup]:
    data = await state.get_data()
    spec = _spec(data, settings)
    zone = ZoneInfo(data["zone"])
    audience = _audience_label(i18n, spec.audience, data["audience_name"])
    lines = [
        i18n.get("meeting-confirm-header"),
        *_manager_lines(i18n, _draft(spec), data["org_name"], zone, audience),
    ]
    reminders = meetings.reminder_times(
        spec.starts_at, spec.reminder_minutes, zone, settings.quiet, now
    )
    if reminders:
        shown = ", ".join(f"{due.astimezone(zone):%m-%d %H:%M}" for _, due in reminders)
        lines.append(i18n.get("meeting-line-reminders", times=shown))
    await state.set_state(ScheduleFlow.confirm)
    return "\n".join(lines), confirm_keyboard(i18n)


async def confirm(
    query: CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    data = await state.get_data()
    zone = ZoneInfo(data["zone"])
    try:
        news = await meetings.schedule(
            uow, actor, _spec(data, settings), now, zone, settings.quiet
        )
    except DomainError as error:
        # what was typed stays; a start time that passed while confirming is asked again
        if error.key == "meeting-error-past":
            await state.set_state(ScheduleFlow.when)
        raise
    # only now: updates of one user are handled one at a time, so a second tap on
    # "confirm" finds the flow gone
    await state.clear()
    await query.answer()
    note = await _send_invitations(bot, core_of(i18n), i18n, settings, news, now)
    summary = await meetings.summary(uow, actor, news.meeting.id)
    audience = _audience_label(i18n, news.meeting.audience, data["audience_name"])
    lines = [
        i18n.get("meeting-scheduled"),
        *_manager_lines(i18n, news.meeting, news.org.name, zone, audience),
        _invited_line(i18n, summary, len(news.recipients)),
        *note,
    ]
    markup = meeting_keyboard(
        i18n,
        news.meeting.id,
        cancelled=False,
        has_code=SignInMethod.CODE.value in news.meeting.methods,
        pending_reviews=0,
    )
    await replace(query, "\n".join(lines), markup)


async def _send_invitations(
    bot: Bot,
    core: FluentRuntimeCore,
    i18n: I18nContext,
    settings: Settings,
    news: MeetingNews,
    now: datetime,
) -> list[str]:
    """Invite at once: during quiet hours silently (no ring at night), because members need
    days, not hours, to plan the ride to the meeting or to ask for leave.
    Returns the lines that tell the secretary what happened."""
    if not news.recipients:
        return []
    if not is_quiet(settings, news.org, now):
        sent = await tell_invitees(bot, core, settings, news, now, INVITATION, silent=False)
        return [i18n.get("meeting-invitations-sent", sent=sent)]
    sent = await tell_invitees(bot, core, settings, news, now, INVITATION, silent=True)
    return [i18n.get("meeting-invitations-silent", sent=sent, quiet=str(settings.quiet))]


async def text_expected(message: Message, i18n: I18nContext) -> None:
    await answer(message, i18n.get("meeting-text-expected"))


# ----------------------------------------------------------------------------- /meetings


async def _list_screen(
    uow: UnitOfWork, actor: Actor, i18n: I18nContext, settings: Settings, now: datetime
) -> tuple[str, InlineKeyboardMarkup | None]:
    orgs = {org.id: org for org in await meetings.schedulable(uow, actor)}
    found = await meetings.upcoming(uow, actor, now, LIST_LIMIT)
    if not found:
        return i18n.get("meetings-none"), None
    lines = [i18n.get("meetings-header")]
    labels = []
    for number, meeting in enumerate(found, 1):
        org = orgs[meeting.org_id]
        moment = meeting.starts_at.astimezone(organizations.zone_of(org, settings.zone))
        label = f"{number}. {moment:%m-%d %H:%M} · {kind_name(i18n, meeting.kind)}"
        lines.append(f"{label} · {meeting.title} · {org.name}")
        labels.append((meeting.id, f"{label} · {meeting.title}"))
    return "\n".join(lines), list_keyboard(labels)


async def meetings_command(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    await state.clear()
    text, markup = await _list_screen(uow, actor, i18n, settings, now)
    await answer(message, text, reply_markup=markup)


async def _managed(
    uow: UnitOfWork, actor: Actor, settings: Settings, meeting_id: int
) -> tuple[Summary, Organization, ZoneInfo]:
    """The meeting (access checked by the service), its organization and zone."""
    summary = await meetings.summary(uow, actor, meeting_id)
    org = await organizations.get_for(uow, actor, Action.SCHEDULE_MEETING, summary.meeting.org_id)
    return summary, org, organizations.zone_of(org, settings.zone)


async def _meeting_screen(
    uow: UnitOfWork, actor: Actor, i18n: I18nContext, settings: Settings, meeting_id: int
) -> tuple[str, InlineKeyboardMarkup]:
    summary, org, zone = await _managed(uow, actor, settings, meeting_id)
    meeting = summary.meeting
    audience_org = await organizations.get_for(
        uow, actor, Action.SCHEDULE_MEETING, meeting.audience_org_id
    )
    audience = _audience_label(i18n, meeting.audience, audience_org.name)
    lines = [
        *_manager_lines(i18n, meeting, org.name, zone, audience),
        _invited_line(i18n, summary),
    ]
    markup = meeting_keyboard(
        i18n,
        meeting.id,
        cancelled=meeting.status is MeetingStatus.CANCELLED,
        has_code=SignInMethod.CODE.value in meeting.methods,
        pending_reviews=len(summary.pending),
    )
    return "\n".join(lines), markup


async def show_list(
    query: CallbackQuery,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    await edit_step(query, *await _list_screen(uow, actor, i18n, settings, now))


async def open_meeting(
    query: CallbackQuery,
    callback_data: MeetingAdminCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    await edit_step(
        query, *await _meeting_screen(uow, actor, i18n, settings, callback_data.meeting_id)
    )


async def show_summary(
    query: CallbackQuery,
    callback_data: MeetingAdminCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    summary, _, zone = await _managed(uow, actor, settings, callback_data.meeting_id)
    proxies: dict[int, str] = {p.id: p.display_name for p, _ in summary.present}
    for _, record in summary.present:
        if record.proxy_by_id is not None and record.proxy_by_id not in proxies:
            signer = await uow.people.get(record.proxy_by_id)
            proxies[record.proxy_by_id] = signer.display_name if signer else "—"
    chunks = split_text(summary_lines(i18n, summary, zone, now, proxies))
    await edit_step(query, chunks[0], back_keyboard(i18n, summary.meeting.id))
    if isinstance(query.message, Message):
        for chunk in chunks[1:]:
            await answer(query.message, chunk)


async def show_code(
    query: CallbackQuery,
    callback_data: MeetingAdminCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    summary, _, _ = await _managed(uow, actor, settings, callback_data.meeting_id)
    meeting = summary.meeting
    await edit_step(
        query,
        i18n.get("meeting-code-screen", code=meeting.code, title=meeting.title),
        back_keyboard(i18n, meeting.id),
    )


async def ask_cancel(
    query: CallbackQuery,
    callback_data: MeetingAdminCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    summary, _, zone = await _managed(uow, actor, settings, callback_data.meeting_id)
    meeting = summary.meeting
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("meeting-error-cancelled")
    await edit_step(
        query,
        i18n.get(
            "meeting-cancel-ask", title=meeting.title, time=local_time(meeting.starts_at, zone)
        ),
        cancel_confirm_keyboard(i18n, meeting.id),
    )


async def cancel_meeting(
    query: CallbackQuery,
    callback_data: MeetingAdminCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    news = await meetings.cancel(uow, actor, callback_data.meeting_id, now)
    await query.answer()
    sent = await tell_invitees(bot, core_of(i18n), settings, news, now, None)
    await replace(
        query,
        i18n.get("meeting-cancelled-done", title=news.meeting.title, sent=sent),
        back_keyboard(i18n, news.meeting.id),
    )


# ----------------------------------------------------------------------------- editing


async def start_edit(
    query: CallbackQuery,
    callback_data: MeetingAdminCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    summary, _, zone = await _managed(uow, actor, settings, callback_data.meeting_id)
    meeting = summary.meeting
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("meeting-error-cancelled")
    await state.set_state(EditFlow.when)
    await state.set_data(
        {"meeting_id": meeting.id, "zone": zone.key, "current": meeting.starts_at.isoformat()}
    )
    await edit_step(
        query,
        i18n.get(
            "meeting-edit-ask-when",
            title=meeting.title,
            current=local_time(meeting.starts_at, zone),
            example=_example(zone, now),
        ),
        keep_keyboard(i18n, meeting.id, AdminAction.KEEP_TIME),
    )


async def _ask_new_venue(state: FSMContext, i18n: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
    await state.set_state(EditFlow.venue)
    meeting_id = (await state.get_data())["meeting_id"]
    return i18n.get("meeting-edit-ask-venue"), keep_keyboard(
        i18n, meeting_id, AdminAction.KEEP_VENUE
    )


async def edit_when_typed(
    message: Message, state: FSMContext, i18n: I18nContext, now: datetime
) -> None:
    zone = ZoneInfo((await state.get_data())["zone"])
    starts = parse_when(message.text or "", zone, now)
    if starts is None:
        raise InvalidInput("meeting-error-when", example=_example(zone, now))
    await state.update_data(starts=_future(starts, now).isoformat())
    text, markup = await _ask_new_venue(state, i18n)
    await answer(message, text, reply_markup=markup)


async def _same_meeting(state: FSMContext, callback_data: MeetingAdminCB) -> None:
    if (await state.get_data()).get("meeting_id") != callback_data.meeting_id:
        raise InvalidInput("error-stale-button")


async def keep_time(
    query: CallbackQuery, callback_data: MeetingAdminCB, state: FSMContext, i18n: I18nContext
) -> None:
    await _same_meeting(state, callback_data)
    await state.update_data(starts=None)
    await edit_step(query, *await _ask_new_venue(state, i18n))


async def edit_venue_typed(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    text = await _apply_edit(state, uow, actor, i18n, bot, settings, now, message.text or "")
    await answer(message, text)


async def keep_venue(
    query: CallbackQuery,
    callback_data: MeetingAdminCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    await _same_meeting(state, callback_data)
    text = await _apply_edit(state, uow, actor, i18n, bot, settings, now, None)
    await edit_step(query, text, None)


async def _apply_edit(
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
    venue: str | None,
) -> str:
    """Reschedule (reminders not yet sent follow the new time) and tell the invitees."""
    data = await state.get_data()
    starts = datetime.fromisoformat(data["starts"]) if data.get("starts") else None
    if venue is not None:
        venue = " ".join(venue.split())
    if starts is None and venue is None:
        await state.clear()
        return i18n.get("meeting-edit-nothing")
    zone = ZoneInfo(data["zone"])
    news = await meetings.reschedule(
        uow,
        actor,
        data["meeting_id"],
        starts or datetime.fromisoformat(data["current"]),
        venue,
        now,
        zone,
        settings.quiet,
    )
    await state.clear()
    sent = await tell_invitees(bot, core_of(i18n), settings, news, now, CHANGED)
    return "\n".join(
        [i18n.get("meeting-edit-done", sent=sent), *meeting_lines(i18n, news.meeting, zone)]
    )


# ----------------------------------------------------------------------------- minutes


async def start_minutes(
    query: CallbackQuery,
    callback_data: MeetingAdminCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    summary, _, _ = await _managed(uow, actor, settings, callback_data.meeting_id)
    await state.set_state(MinutesFlow.collect)
    await state.set_data({"meeting_id": summary.meeting.id})
    await edit_step(
        query,
        i18n.get("minutes-ask", title=summary.meeting.title),
        minutes_keyboard(i18n, summary.meeting.id),
    )


async def minutes_received(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    now: datetime,
) -> None:
    meeting_id = (await state.get_data())["meeting_id"]
    photo = message.photo[-1].file_id if message.photo else None
    text = message.text if message.text is not None else message.caption
    meeting = await meetings.add_minutes(uow, actor, meeting_id, text, photo, now)
    await answer(
        message,
        i18n.get("minutes-saved", chars=len(meeting.minutes), photos=len(meeting.minutes_photos)),
        reply_markup=minutes_keyboard(i18n, meeting.id),
    )


async def minutes_expected(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    meeting_id = (await state.get_data())["meeting_id"]
    await answer(
        message, i18n.get("minutes-expected"), reply_markup=minutes_keyboard(i18n, meeting_id)
    )


async def minutes_done(
    query: CallbackQuery,
    callback_data: MeetingAdminCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    await _same_meeting(state, callback_data)
    await state.clear()
    summary, _, _ = await _managed(uow, actor, settings, callback_data.meeting_id)
    meeting = summary.meeting
    await edit_step(
        query,
        i18n.get(
            "minutes-done",
            title=meeting.title,
            chars=len(meeting.minutes),
            photos=len(meeting.minutes_photos),
        ),
        back_keyboard(i18n, meeting.id),
    )


# ----------------------------------------------------------------------------- reviews


async def show_reviews(
    query: CallbackQuery,
    callback_data: MeetingAdminCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
) -> None:
    """Each voice sign-in waiting for review: the voice note, then the approve/reject card."""
    summary, _, zone = await _managed(uow, actor, settings, callback_data.meeting_id)
    if not summary.pending:
        await query.answer(i18n.get("voice-review-none"), show_alert=True)
        return
    await query.answer()
    chat_id = query.from_user.id
    for person, attendance in summary.pending:
        file_id = (attendance.evidence or {}).get("file_id")
        if isinstance(file_id, str) and file_id:
            await best_effort(bot.send_voice(chat_id, file_id), "re-sending a voice sign-in")
        text, markup = voice_review_notice(
            i18n, SignedIn(attendance, summary.meeting, person), zone
        )
        await deliver(bot, chat_id, text, markup)


async def review_voice(
    query: CallbackQuery,
    callback_data: VoiceReviewCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    signed = await meetings.review_voice(
        uow, actor, callback_data.attendance_id, callback_data.approve, now
    )
    org = await organizations.get_for(uow, actor, Action.SCHEDULE_MEETING, signed.meeting.org_id)
    approved = callback_data.approve
    await query.answer()
    if isinstance(query.message, Message):
        marked = query.message.edit_text(
            i18n.get(
                "voice-review-approved" if approved else "voice-review-rejected",
                name=signed.person.display_name,
                title=signed.meeting.title,
                by=actor.display_name,
            )
        )
        await best_effort(marked, "marking the voice review")
    member = signed.person
    if member.telegram_id is None:
        return
    texts = Translator(core_of(i18n), member.language)
    text = texts.get(
        "voice-review-approved-member" if approved else "voice-review-rejected-member",
        kind=kind_name(texts, signed.meeting.kind),
        title=signed.meeting.title,
    )
    # A rejected voice may be replaced by a new sign-in: the buttons come along.
    markup = None if approved else invitation_keyboard(texts, signed.meeting)
    await deliver(bot, member.telegram_id, text, markup, silent=is_quiet(settings, org, now))


# ----------------------------------------------------------------------------- leave


async def decide_leave(
    query: CallbackQuery,
    callback_data: LeaveDecisionCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    decided = await meetings.decide_leave(
        uow, actor, callback_data.invitation_id, callback_data.approve, now
    )
    meeting = decided.meeting
    org = await organizations.get_for(uow, actor, Action.SCHEDULE_MEETING, meeting.org_id)
    zone = organizations.zone_of(org, settings.zone)
    await query.answer()
    if isinstance(query.message, Message):
        marked = query.message.edit_text(
            i18n.get(
                "leave-decision-approved" if decided.approved else "leave-decision-rejected",
                name=decided.requester.display_name,
                title=meeting.title,
                time=local_time(meeting.starts_at, zone),
                by=actor.display_name,
            )
        )
        await best_effort(marked, "marking the leave decision")
    member = decided.requester
    if member.telegram_id is None:
        return
    texts = Translator(core_of(i18n), member.language)
    text = texts.get(
        "leave-decision-approved-member" if decided.approved else "leave-decision-rejected-member",
        kind=kind_name(texts, meeting.kind),
        title=meeting.title,
        time=local_time(meeting.starts_at, zone),
    )
    # Leave refused: the member is expected after all, so the invitation buttons come along.
    markup = None if decided.approved else invitation_keyboard(texts, meeting)
    await deliver(bot, member.telegram_id, text, markup, silent=is_quiet(settings, org, now))


# ----------------------------------------------------------------------------- router


def _admin(action: AdminAction) -> Any:
    return MeetingAdminCB.filter(F.action == action)


def _step(step: Step) -> Any:
    return ScheduleCB.filter(F.step == step)


async def abort(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await leave_flow(query, state, i18n.get("flow-cancelled"))


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="meetings")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(meeting_command, Command("meeting"))
    router.message.register(meetings_command, Command("meetings"))

    # one-tap decisions, from any state
    router.callback_query.register(decide_leave, LeaveDecisionCB.filter())
    router.callback_query.register(review_voice, VoiceReviewCB.filter())

    # scheduling: each button only works in the step that showed it
    cb = router.callback_query
    cb.register(abort, _step(Step.ABORT), StateFilter(ScheduleFlow))
    cb.register(pick_org, _step(Step.ORG), ScheduleFlow.org)
    cb.register(pick_kind, _step(Step.KIND), ScheduleFlow.kind)
    cb.register(title_default, _step(Step.TITLE), ScheduleFlow.title)
    cb.register(when_suggested, ThemedDateCB.filter(), ScheduleFlow.when)
    cb.register(venue_skipped, _step(Step.SKIP_VENUE), ScheduleFlow.venue)
    cb.register(pick_radius, _step(Step.RADIUS), ScheduleFlow.radius)
    cb.register(toggle_method, _step(Step.METHOD), ScheduleFlow.methods)
    cb.register(toggle_auto, _step(Step.AUTO), ScheduleFlow.methods)
    cb.register(methods_done, _step(Step.METHODS_DONE), ScheduleFlow.methods)
    cb.register(pick_window, _step(Step.WINDOW), ScheduleFlow.window)
    cb.register(pick_audience, _step(Step.AUDIENCE), ScheduleFlow.audience)
    cb.register(confirm, _step(Step.CONFIRM), ScheduleFlow.confirm)

    # managing
    cb.register(show_list, _admin(AdminAction.LIST))
    cb.register(open_meeting, _admin(AdminAction.OPEN))
    cb.register(show_summary, _admin(AdminAction.SUMMARY))
    cb.register(show_code, _admin(AdminAction.CODE))
    cb.register(ask_cancel, _admin(AdminAction.CANCEL))
    cb.register(cancel_meeting, _admin(AdminAction.CANCEL_YES))
    cb.register(start_edit, _admin(AdminAction.EDIT))
    cb.register(keep_time, _admin(AdminAction.KEEP_TIME), EditFlow.when)
    cb.register(keep_venue, _admin(AdminAction.KEEP_VENUE), EditFlow.venue)
    cb.register(start_minutes, _admin(AdminAction.MINUTES))
    cb.register(minutes_done, _admin(AdminAction.MINUTES_DONE), MinutesFlow.collect)
    cb.register(show_reviews, _admin(AdminAction.REVIEWS))

    typed = (F.text, ~F.text.startswith("/"))
    msg = router.message
    msg.register(title_typed, ScheduleFlow.title, *typed)
    msg.register(when_typed, ScheduleFlow.when, *typed)
    msg.register(venue_typed, ScheduleFlow.venue, *typed)
    msg.register(location_shared, ScheduleFlow.location, F.location)
    msg.register(location_skipped, ScheduleFlow.location, LazyFilter("meeting-skip"))
    msg.register(location_expected, ScheduleFlow.location, ~F.text.startswith("/"))
    msg.register(edit_when_typed, EditFlow.when, *typed)
    msg.register(edit_venue_typed, EditFlow.venue, *typed)
    msg.register(minutes_received, MinutesFlow.collect, F.photo)
    msg.register(minutes_received, MinutesFlow.collect, *typed)
    msg.register(minutes_expected, MinutesFlow.collect, ~F.text.startswith("/"))
    text_states = StateFilter(ScheduleFlow.title, ScheduleFlow.when, ScheduleFlow.venue, EditFlow)
    msg.register(text_expected, text_states, ~F.text.startswith("/"))
    return router
