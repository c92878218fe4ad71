"""The member's side of meetings: answering an invitation, asking for leave, signing in by
tap, code, location or voice, proxy sign-in for neighbours without a phone, /attendance.

Every sign-in is judged by the service on the moment the member signed: the message's own
date, so a voice note recorded in a valley inside the window still counts when the signal
brings it late. The handlers only collect what the member sent and show the answer.
"""

from __future__ import annotations

from datetime import datetime
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
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from aiogram_i18n import I18nContext, LazyFilter
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.delivery import best_effort
from bot.handlers.render import split_text
from bot.i18n import Texts, Translator
from bot.keyboards.meetings import InvitationAction, InvitationCB, ProxyCB, invitation_keyboard
from bot.keyboards.signin import (
    SignInPickCB,
    cancel_keyboard,
    location_keyboard,
    note_keyboard,
    pick_meeting_keyboard,
    proxy_meetings_keyboard,
    proxy_people_keyboard,
)
from bot.meeting_notices import clock_time, deliver, leave_request_notice, voice_review_notice
from bot.notices import is_quiet
from bot.services import meetings, organizations, voice
from bot.services.access import Actor
from bot.services.errors import DomainError, InvalidInput
from bot.services.roles import SignInMethod
from storage.models import (
    Attendance,
    AttendanceStatus,
    Invitation,
    InvitationResponse,
    Meeting,
    MeetingStatus,
)
from storage.uow import UnitOfWork

HISTORY_LIMIT = 20
PROXY_LIST_LIMIT = 60

# Refusals the member can put right in the same step (another code, another recording, a
# step closer to the venue); any other refusal ends the step.
RETRYABLE = frozenset(
    {
        "leave-error-reason",
        "signin-error-code",
        "signin-error-too-far",
        "signin-error-stale-location",
        "signin-error-forwarded",
        "signin-location-venue",
    }
)


class SignInFlow(StatesGroup):
    leave_reason = State()
    code = State()
    location = State()
    voice = State()
    pick = State()  # a location or voice note waits for the member to choose the meeting
    proxy_note = State()


# ----------------------------------------------------------------------------- helpers


async def _zone(uow: UnitOfWork, settings: Settings, meeting: Meeting) -> ZoneInfo:
    """The meeting's local time zone: its organization's, or the configured default."""
    org = await uow.organizations.get(meeting.org_id)
    return organizations.zone_of(org, settings.zone) if org is not None else settings.zone


async def _quiet(uow: UnitOfWork, settings: Settings, meeting: Meeting, now: datetime) -> bool:
    """Inside the organization's quiet hours, notices go out silently (no ringing phone)."""
    org = await uow.organizations.get(meeting.org_id)
    return org is not None and is_quiet(settings, org, now)


def _method(i18n: Texts, method: SignInMethod) -> str:
    return i18n.get(f"signin-method-{method.value}")


async def _say(
    bot: Bot,
    query: CallbackQuery,
    text: str,
    markup: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | None = None,
) -> None:
    """Answer a button press with a message in the member's private chat."""
    await bot.send_message(query.from_user.id, text, reply_markup=markup)


async def _ending_step(state: FSMContext, error: DomainError) -> None:
    """A refusal the member cannot put right in this step ends it."""
    if error.key not in RETRYABLE and not isinstance(error, voice.VoiceRefused):
        await state.clear()


async def _signed_in(
    bot: Bot,
    chat_id: int,
    uow: UnitOfWork,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
    signed: meetings.SignedIn,
) -> None:
    """Tell the member; voice awaiting review also goes to the reviewers, with the note."""
    attendance, meeting = signed.attendance, signed.meeting
    zone = await _zone(uow, settings, meeting)
    if attendance.status is AttendanceStatus.PENDING_REVIEW:
        text = i18n.get(
            "signin-voice-pending",
            title=meeting.title,
            seconds=attendance.evidence.get("duration", 0),
        )
    else:
        text = i18n.get(
            "signin-done",
            title=meeting.title,
            method=_method(i18n, attendance.method),
            time=clock_time(attendance.signed_at, zone),
        )
    await bot.send_message(chat_id, text, reply_markup=ReplyKeyboardRemove())
    if signed.reviewers:
        silent = await _quiet(uow, settings, meeting, now)
        await _send_for_review(bot, i18n, signed, zone, silent)


async def _send_for_review(
    bot: Bot, i18n: I18nContext, signed: meetings.SignedIn, zone: ZoneInfo, silent: bool
) -> None:
    """Each reviewer hears the note itself, then gets the approve/reject notice."""
    core: FluentRuntimeCore = i18n.core  # type: ignore[assignment]
    file_id = str(signed.attendance.evidence.get("file_id", ""))
    for reviewer in signed.reviewers:
        text, markup = voice_review_notice(Translator(core, reviewer.locale), signed, zone)
        if file_id:
            copy = bot.send_voice(
                reviewer.telegram_id, voice=file_id, disable_notification=silent or None
            )
            await best_effort(copy, "voice copy for review")
        await deliver(bot, reviewer.telegram_id, text, markup, silent=silent)


# ----------------------------------------------------------------------------- invitation


async def attend(
    query: CallbackQuery,
    callback_data: InvitationCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    now: datetime,
) -> None:
    meeting = await meetings.attend(uow, actor.person_id or 0, callback_data.meeting_id, now)
    await query.answer()
    await _say(bot, query, i18n.get("signin-attend-noted", title=meeting.title))


async def leave_start(
    query: CallbackQuery,
    callback_data: InvitationCB,
    state: FSMContext,
    i18n: I18nContext,
    bot: Bot,
) -> None:
    await state.set_state(SignInFlow.leave_reason)
    await state.set_data({"meeting_id": callback_data.meeting_id})
    await query.answer()
    await _say(bot, query, i18n.get("signin-leave-ask"), cancel_keyboard(i18n))


async def leave_reason(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    data = await state.get_data()
    try:
        requested = await meetings.request_leave(
            uow, actor.person_id or 0, int(data["meeting_id"]), message.text or "", now
        )
    except DomainError as error:
        await _ending_step(state, error)
        raise
    await state.clear()
    key = "signin-leave-sent" if requested.managers else "signin-leave-sent-no-manager"
    await message.answer(
        i18n.get(key, title=requested.meeting.title), reply_markup=ReplyKeyboardRemove()
    )
    core: FluentRuntimeCore = i18n.core  # type: ignore[assignment]
    zone = await _zone(uow, settings, requested.meeting)
    silent = await _quiet(uow, settings, requested.meeting, now)
    for manager in requested.managers:
        text, markup = leave_request_notice(Translator(core, manager.locale), requested, zone)
        await deliver(bot, manager.telegram_id, text, markup, silent=silent)


async def leave_reason_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("signin-leave-reason-expected"))


async def tap(
    query: CallbackQuery,
    callback_data: InvitationCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    signed = await meetings.sign_in_tap(
        uow, actor.person_id or 0, callback_data.meeting_id, now, now
    )
    await query.answer()
    await _signed_in(bot, query.from_user.id, uow, i18n, settings, now, signed)


async def code_start(
    query: CallbackQuery,
    callback_data: InvitationCB,
    state: FSMContext,
    i18n: I18nContext,
    bot: Bot,
) -> None:
    await state.set_state(SignInFlow.code)
    await state.set_data({"meeting_id": callback_data.meeting_id})
    await query.answer()
    await _say(
        bot, query, i18n.get("signin-code-ask", digits=meetings.CODE_DIGITS), cancel_keyboard(i18n)
    )


async def code_entered(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    data = await state.get_data()
    try:
        signed = await meetings.sign_in_code(
            uow,
            actor.person_id or 0,
            int(data["meeting_id"]),
            message.text or "",
            message.date,
            now,
        )
    except DomainError as error:
        await _ending_step(state, error)
        raise
    await state.clear()
    await _signed_in(bot, message.chat.id, uow, i18n, settings, now, signed)


async def code_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("signin-code-expected"))


async def location_start(
    query: CallbackQuery,
    callback_data: InvitationCB,
    state: FSMContext,
    i18n: I18nContext,
    bot: Bot,
) -> None:
    await state.set_state(SignInFlow.location)
    await state.set_data({"meeting_id": callback_data.meeting_id})
    await query.answer()
    await _say(bot, query, i18n.get("signin-location-ask"), location_keyboard(i18n))


async def location_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(
        i18n.get("signin-location-expected"), reply_markup=location_keyboard(i18n)
    )


async def voice_start(
    query: CallbackQuery,
    callback_data: InvitationCB,
    state: FSMContext,
    i18n: I18nContext,
    bot: Bot,
) -> None:
    await state.set_state(SignInFlow.voice)
    await state.set_data({"meeting_id": callback_data.meeting_id})
    await query.answer()
    limits = voice.DEFAULT_LIMITS
    text = i18n.get(
        "signin-voice-ask", min=round(limits.min_seconds), max=round(limits.max_seconds)
    )
    await _say(bot, query, text, cancel_keyboard(i18n))


async def voice_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("signin-voice-expected"))


# ----------------------------------------------------------------------------- location


def _location_of(message: Message) -> tuple[float, float]:
    if message.venue is not None:  # a place picked from a list, not where the phone is
        raise InvalidInput("signin-location-venue")
    location = message.location
    assert location is not None
    return location.latitude, location.longitude


async def location_for_meeting(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    data = await state.get_data()
    try:
        latitude, longitude = _location_of(message)
        signed = await meetings.sign_in_location(
            uow,
            actor.person_id or 0,
            int(data["meeting_id"]),
            latitude,
            longitude,
            message.date,
            now,
            forwarded=message.forward_origin is not None,
        )
    except DomainError as error:
        await _ending_step(state, error)
        raise
    await state.clear()
    await _signed_in(bot, message.chat.id, uow, i18n, settings, now, signed)


async def _choose_meeting(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    i18n: I18nContext,
    settings: Settings,
    found: list[Meeting],
    pending: dict[str, Any],
) -> None:
    await state.set_state(SignInFlow.pick)
    await state.set_data({"pending": pending})
    choices = [(m, await _zone(uow, settings, m)) for m in found]
    await message.answer(
        i18n.get("signin-choose-meeting"), reply_markup=pick_meeting_keyboard(choices)
    )


def _allowing(found: list[Meeting], method: SignInMethod) -> list[Meeting]:
    """The open meetings worth offering for this method (the service still judges)."""
    return [m for m in found if method.value in m.methods] or found[:1]


async def bare_location(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    """A location shared without pressing a button first: for the meeting open right now."""
    latitude, longitude = _location_of(message)
    person_id = actor.person_id or 0
    found = _allowing(await meetings.open_for(uow, person_id, message.date), SignInMethod.LOCATION)
    forwarded = message.forward_origin is not None
    if not found:
        raise InvalidInput("signin-none-open")
    if len(found) > 1:
        pending = {
            "method": SignInMethod.LOCATION.value,
            "latitude": latitude,
            "longitude": longitude,
            "signed_at": message.date.isoformat(),
            "forwarded": forwarded,
        }
        await _choose_meeting(message, state, uow, i18n, settings, found, pending)
        return
    signed = await meetings.sign_in_location(
        uow, person_id, found[0].id, latitude, longitude, message.date, now, forwarded=forwarded
    )
    await _signed_in(bot, message.chat.id, uow, i18n, settings, now, signed)


# ----------------------------------------------------------------------------- voice


def _voice_meta(message: Message) -> tuple[voice.VoiceMeta, str]:
    """What Telegram says about the recording, and its file_id; nothing is downloaded."""
    forwarded = message.forward_origin is not None
    if message.voice is not None:
        v = message.voice
        return voice.VoiceMeta("voice", v.duration, v.file_size, v.mime_type, forwarded), v.file_id
    if message.audio is not None:
        a = message.audio
        return voice.VoiceMeta("audio", a.duration, a.file_size, a.mime_type, forwarded), a.file_id
    if message.video_note is not None:
        n = message.video_note
        return voice.VoiceMeta("video_note", n.duration, n.file_size, None, forwarded), n.file_id
    if message.document is not None:
        d = message.document
        return voice.VoiceMeta("document", None, d.file_size, d.mime_type, forwarded), d.file_id
    raise voice.VoiceRefused(voice.VoiceRefusal.NOT_VOICE)


async def _checked_voice(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    transcriber: voice.Transcriber | None,
) -> dict[str, Any]:
    """Check the note (before and after download) and return the sign-in evidence."""
    meta, file_id = _voice_meta(message)

    async def download() -> bytes:
        buffer = await bot.download(file_id)
        assert buffer is not None
        return buffer.read()

    checked = await voice.verify_voice(
        meta,
        download,
        transcriber=transcriber or voice.NoTranscriber(),
        language=i18n.locale,
    )
    evidence: dict[str, Any] = {
        "file_id": file_id,
        "duration": round(checked.analysis.duration_seconds, 1),
        "speech_seconds": round(checked.analysis.speech_seconds, 1),
    }
    if checked.transcript:
        evidence["transcript"] = checked.transcript
    return evidence


async def voice_for_meeting(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
    transcriber: voice.Transcriber | None = None,
) -> None:
    data = await state.get_data()
    person_id, meeting_id = actor.person_id or 0, int(data["meeting_id"])
    try:
        # invited, window, method: settled before the bot spends a download on the note
        await meetings.check_signable(uow, person_id, meeting_id, SignInMethod.VOICE, message.date)
        evidence = await _checked_voice(message, bot, i18n, transcriber)
        signed = await meetings.sign_in_voice(
            uow, person_id, meeting_id, message.date, now, evidence
        )
    except DomainError as error:
        await _ending_step(state, error)
        raise
    await state.clear()
    await _signed_in(bot, message.chat.id, uow, i18n, settings, now, signed)


async def bare_voice(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
    transcriber: voice.Transcriber | None = None,
) -> None:
    """A voice note sent without pressing a button: for the meeting whose window held the
    moment it was recorded, even if it arrives after the window closed."""
    person_id = actor.person_id or 0
    found = _allowing(await meetings.open_for(uow, person_id, message.date), SignInMethod.VOICE)
    if not found:
        raise InvalidInput("signin-none-open")
    evidence = await _checked_voice(message, bot, i18n, transcriber)
    if len(found) > 1:
        pending = {
            "method": SignInMethod.VOICE.value,
            "signed_at": message.date.isoformat(),
            "evidence": evidence,
        }
        await _choose_meeting(message, state, uow, i18n, settings, found, pending)
        return
    signed = await meetings.sign_in_voice(uow, person_id, found[0].id, message.date, now, evidence)
    await _signed_in(bot, message.chat.id, uow, i18n, settings, now, signed)


async def picked(
    query: CallbackQuery,
    callback_data: SignInPickCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    pending: dict[str, Any] = (await state.get_data()).get("pending") or {}
    if not pending:
        raise InvalidInput("error-stale-button")
    person_id = actor.person_id or 0
    signed_at = datetime.fromisoformat(str(pending.get("signed_at")))
    try:
        if pending.get("method") == SignInMethod.LOCATION.value:
            signed = await meetings.sign_in_location(
                uow,
                person_id,
                callback_data.meeting_id,
                float(pending["latitude"]),
                float(pending["longitude"]),
                signed_at,
                now,
                forwarded=bool(pending.get("forwarded")),
            )
        else:
            signed = await meetings.sign_in_voice(
                uow, person_id, callback_data.meeting_id, signed_at, now, pending["evidence"]
            )
    except DomainError:
        await state.clear()  # the location or note was for this choice only
        raise
    await state.clear()
    await query.answer()
    if query.message is not None:
        await best_effort(
            bot.edit_message_reply_markup(
                chat_id=query.message.chat.id, message_id=query.message.message_id
            ),
            "removing the meeting choice",
        )
    await _signed_in(bot, query.from_user.id, uow, i18n, settings, now, signed)


# ----------------------------------------------------------------------------- proxy


async def _proxy_people(
    uow: UnitOfWork, actor: Actor, i18n: I18nContext, meeting_id: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    meeting, people = await meetings.proxy_candidates(uow, actor, meeting_id)
    if not people:
        return i18n.get("proxy-no-candidates", title=meeting.title), None
    shown = people[:PROXY_LIST_LIMIT]
    text = i18n.get("proxy-choose-person", title=meeting.title)
    return text, proxy_people_keyboard(meeting.id, shown)


async def proxy_command(
    message: Message,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    """A group leader or central household signs in a neighbour who has no phone."""
    choices = await meetings.proxy_meetings(uow, actor, now)
    if not choices:
        await message.answer(i18n.get("proxy-none-open"))
        return
    if len(choices) == 1:
        text, markup = await _proxy_people(uow, actor, i18n, choices[0].id)
        await message.answer(text, reply_markup=markup)
        return
    zoned = [(m, await _zone(uow, settings, m)) for m in choices]
    await message.answer(
        i18n.get("proxy-choose-meeting"), reply_markup=proxy_meetings_keyboard(zoned)
    )


async def proxy_meeting(
    query: CallbackQuery,
    callback_data: ProxyCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
) -> None:
    text, markup = await _proxy_people(uow, actor, i18n, callback_data.meeting_id)
    await query.answer()
    await _say(bot, query, text, markup)


async def proxy_person(
    query: CallbackQuery,
    callback_data: ProxyCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    now: datetime,
) -> None:
    meeting, person = await meetings.check_proxy_signable(
        uow, actor, callback_data.meeting_id, callback_data.person_id, now
    )
    await state.set_state(SignInFlow.proxy_note)
    await state.set_data(
        {"meeting_id": meeting.id, "person_id": person.id, "name": person.display_name}
    )
    await query.answer()
    await _say(
        bot, query, i18n.get("proxy-ask-note", name=person.display_name), note_keyboard(i18n)
    )


async def _proxy_sign(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    now: datetime,
    note: str,
) -> None:
    data = await state.get_data()
    await state.clear()
    signed = await meetings.sign_in_proxy(
        uow, actor, int(data["meeting_id"]), int(data["person_id"]), note, now
    )
    await message.answer(
        i18n.get("proxy-done", name=signed.person.display_name, title=signed.meeting.title),
        reply_markup=ReplyKeyboardRemove(),
    )


async def proxy_skip_note(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    now: datetime,
) -> None:
    await _proxy_sign(message, state, uow, actor, i18n, now, "")


async def proxy_note(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    now: datetime,
) -> None:
    await _proxy_sign(message, state, uow, actor, i18n, now, message.text or "")


async def pick_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("signin-pick-expected"))


async def proxy_note_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("proxy-note-expected"), reply_markup=note_keyboard(i18n))


# ----------------------------------------------------------------------------- history


def _status(
    i18n: Texts,
    meeting: Meeting,
    invitation: Invitation,
    attendance: Attendance | None,
    now: datetime,
) -> str:
    if attendance is not None and attendance.status is AttendanceStatus.CONFIRMED:
        return i18n.get("attendance-status-signed", method=_method(i18n, attendance.method))
    if attendance is not None and attendance.status is AttendanceStatus.PENDING_REVIEW:
        return i18n.get("attendance-status-pending")
    if meeting.status is MeetingStatus.CANCELLED:
        return i18n.get("attendance-status-cancelled")
    if invitation.response is InvitationResponse.LEAVE_APPROVED:
        return i18n.get("attendance-status-leave")
    if invitation.response is InvitationResponse.LEAVE_REQUESTED:
        return i18n.get("attendance-status-leave-requested")
    opens, closes = meetings.window(meeting)
    if attendance is not None:  # a voice note the secretary did not accept
        rejected = i18n.get("attendance-status-rejected")
        return rejected if now > closes else f"{rejected} · {i18n.get('attendance-status-open')}"
    if now > closes:
        return i18n.get("attendance-status-absent")
    if now >= opens:
        return i18n.get("attendance-status-open")
    return i18n.get("attendance-status-upcoming")


async def attendance_command(
    message: Message,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    """My own meetings, newest first, with how each went; open ones get their buttons."""
    person_id = actor.person_id or 0
    rows = await meetings.history(uow, person_id, HISTORY_LIMIT)
    if not rows:
        await message.answer(i18n.get("attendance-none"))
        return
    lines = [i18n.get("attendance-header", count=len(rows))]
    signed: set[int] = set()
    for meeting, invitation, attendance in rows:
        zone = await _zone(uow, settings, meeting)
        lines.append(
            i18n.get(
                "attendance-line",
                date=f"{meeting.starts_at.astimezone(zone):%Y-%m-%d %H:%M}",
                kind=i18n.get(f"meeting-kind-{meeting.kind.value}"),
                title=meeting.title,
                status=_status(i18n, meeting, invitation, attendance, now),
            )
        )
        if attendance is not None and attendance.status is not AttendanceStatus.REJECTED:
            signed.add(meeting.id)
    for chunk in split_text(lines):
        await message.answer(chunk)
    for meeting in await meetings.open_for(uow, person_id, now):
        if meeting.id in signed:
            continue
        zone = await _zone(uow, settings, meeting)
        opens, closes = meetings.window(meeting)
        await message.answer(
            i18n.get(
                "attendance-open-now",
                title=meeting.title,
                opens=clock_time(opens, zone),
                closes=clock_time(closes, zone),
            ),
            reply_markup=invitation_keyboard(i18n, meeting),
        )


# ----------------------------------------------------------------------------- router


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own.

    Expects the usual workflow data (uow, actor, now, settings, i18n) and, optionally,
    `transcriber` (a bot.services.voice.Transcriber) for voice sign-ins."""
    router = Router(name="signin")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    not_command = ~F.text.startswith("/")

    on = InvitationCB.filter
    router.callback_query.register(attend, on(F.action == InvitationAction.ATTEND))
    router.callback_query.register(leave_start, on(F.action == InvitationAction.LEAVE))
    router.callback_query.register(tap, on(F.action == InvitationAction.SIGN_IN))
    router.callback_query.register(code_start, on(F.action == InvitationAction.CODE))
    router.callback_query.register(location_start, on(F.action == InvitationAction.LOCATION))
    router.callback_query.register(voice_start, on(F.action == InvitationAction.VOICE))
    router.callback_query.register(picked, SignInFlow.pick, SignInPickCB.filter())
    router.callback_query.register(proxy_meeting, ProxyCB.filter(F.person_id == 0))
    router.callback_query.register(proxy_person, ProxyCB.filter(F.person_id != 0))

    router.message.register(proxy_command, Command("proxy"))
    router.message.register(attendance_command, Command("attendance"))

    # A step in progress takes what it asked for.
    router.message.register(leave_reason, SignInFlow.leave_reason, F.text, not_command)
    router.message.register(code_entered, SignInFlow.code, F.text, not_command)
    router.message.register(location_for_meeting, SignInFlow.location, F.location)
    voiceish = F.voice | F.audio | F.video_note | F.document
    router.message.register(voice_for_meeting, SignInFlow.voice, voiceish)
    router.message.register(proxy_skip_note, SignInFlow.proxy_note, LazyFilter("proxy-skip-note"))
    router.message.register(proxy_note, SignInFlow.proxy_note, F.text, not_command)

    # A location or voice note sent on its own, outside any conversation (inside another
    # feature's flow, such as /need, it belongs to that flow). Audio sent as a file is told
    # it is not a voice note, like an audio track or a video note.
    router.message.register(bare_location, F.location, StateFilter(None))
    audio_file = F.document.mime_type.startswith("audio/")
    router.message.register(
        bare_voice, F.voice | F.audio | F.video_note | audio_file, StateFilter(None)
    )

    # Anything else while a step waits: say again what it needs.
    router.message.register(leave_reason_expected, SignInFlow.leave_reason, not_command)
    router.message.register(code_expected, SignInFlow.code, not_command)
    router.message.register(location_expected, SignInFlow.location, not_command)
    router.message.register(voice_expected, SignInFlow.voice, not_command)
    router.message.register(pick_expected, SignInFlow.pick, not_command)
    router.message.register(proxy_note_expected, SignInFlow.proxy_note, not_command)
    return router
