"""What the meeting features say, in the reader's language, and how it reaches people.

Every builder takes `texts` (the update's I18nContext, or a Translator in the recipient's
language) and returns text; no rules live here, they are in bot/services/meetings.py.

Quiet hours: messages the bot starts on its own are sent outside quiet hours as usual; when
one must go out during quiet hours (a change or cancellation the invitees need before
morning, a reminder delayed by downtime), it is sent *silently* (`disable_notification`),
so nobody's phone rings at night and the message is waiting in the morning.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramRetryAfter
from aiogram.types import InlineKeyboardMarkup
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.handlers.render import local_time
from bot.i18n import Texts, Translator
from bot.keyboards.meeting_admin import leave_decision_keyboard, voice_review_keyboard
from bot.keyboards.meetings import invitation_keyboard
from bot.notices import is_quiet
from bot.services import meetings, organizations
from bot.services.meetings import LeaveRequested, MeetingNews, SignedIn, Summary
from bot.services.roles import MeetingKind, SignInMethod
from storage.models import Meeting, Organization

log = logging.getLogger(__name__)

DEFAULT_ZONE = ZoneInfo(str(Settings.model_fields["timezone"].default))
REASON_SHOWN = 60
MAX_RETRY_WAIT = 30

INVITATION = "meeting-invitation-header"
REMINDER = "meeting-reminder-header"
CHANGED = "meeting-changed-header"


def kind_name(texts: Texts, kind: MeetingKind) -> str:
    return texts.get(f"meeting-kind-{kind.value}")


def joined(texts: Texts, items: Iterable[str]) -> str:
    return texts.get("meeting-list-separator").join(items)


def methods_text(texts: Texts, methods: Iterable[str]) -> str:
    chosen = set(methods)
    return joined(
        texts, (texts.get(f"signin-method-{m.value}") for m in SignInMethod if m.value in chosen)
    )


def clock_time(moment: datetime, zone: ZoneInfo) -> str:
    """HH:MM in the organization's zone."""
    return f"{moment.astimezone(zone):%H:%M}"


def meeting_lines(texts: Texts, meeting: Meeting, zone: ZoneInfo) -> list[str]:
    """Kind and title, local time, venue, sign-in window and methods: what everyone sees."""
    opens, closes = meetings.window(meeting)
    lines = [
        texts.get("meeting-line-title", kind=kind_name(texts, meeting.kind), title=meeting.title),
        texts.get("meeting-line-time", time=local_time(meeting.starts_at, zone)),
        texts.get("meeting-line-venue", venue=meeting.venue or texts.get("meeting-venue-none")),
    ]
    if meeting.latitude is not None and SignInMethod.LOCATION.value in meeting.methods:
        lines.append(texts.get("meeting-line-radius", radius=str(meeting.radius_m)))
    lines.append(
        texts.get(
            "meeting-line-window",
            opens=clock_time(opens, zone),
            closes=clock_time(closes, zone),
            methods=methods_text(texts, meeting.methods),
        )
    )
    return lines


def invitation_text(
    texts: Texts, meeting: Meeting, org: Organization, zone: ZoneInfo, header: str = INVITATION
) -> str:
    """An invitation, a reminder (`REMINDER`) or a change notice (`CHANGED`) to an invitee;
    sent with `invitation_keyboard` so they can answer or sign in from it."""
    return "\n".join(
        [
            texts.get(header, org=org.name),
            *meeting_lines(texts, meeting, zone),
            texts.get("meeting-invitation-hint"),
        ]
    )


def cancelled_text(texts: Texts, meeting: Meeting, org: Organization, zone: ZoneInfo) -> str:
    return texts.get(
        "meeting-cancelled-notice",
        org=org.name,
        kind=kind_name(texts, meeting.kind),
        title=meeting.title,
        time=local_time(meeting.starts_at, zone),
    )


def leave_request_notice(
    texts: Texts, leave: LeaveRequested, zone: ZoneInfo | None = None
) -> tuple[str, InlineKeyboardMarkup]:
    """The message a manager gets when an invitee asks for leave (请假), with approve/reject
    buttons (LeaveDecisionCB, handled in bot/handlers/meetings.py).

    Send it to each of `leave.managers` with a Translator in that manager's language.
    `zone` is the meeting's organization's zone when the caller has it; without it the
    time is shown in the default zone, its name included, so it is never ambiguous.
    """
    meeting = leave.meeting
    text = texts.get(
        "leave-notice",
        name=leave.requester.display_name,
        kind=kind_name(texts, meeting.kind),
        title=meeting.title,
        time=local_time(meeting.starts_at, zone or DEFAULT_ZONE),
        reason=leave.invitation.leave_reason,
    )
    return text, leave_decision_keyboard(texts, leave.invitation.id)


def voice_review_notice(
    texts: Texts, signed: SignedIn, zone: ZoneInfo | None = None
) -> tuple[str, InlineKeyboardMarkup]:
    """The message a reviewer gets for a voice sign-in awaiting review, with approve/reject
    buttons (VoiceReviewCB, handled in bot/handlers/meetings.py).

    The caller sends the voice note itself first (e.g. `bot.send_voice(chat, file_id)`),
    then this text as its own message, to each of `signed.reviewers` in their language.
    Shown from `signed.attendance.evidence` when present: "duration" (seconds) and
    "transcript" (text from a configured transcriber). /meetings → reviews re-sends the
    voice from evidence["file_id"], so the member side should store the file_id there.
    """
    meeting, attendance = signed.meeting, signed.attendance
    shown_zone = zone or DEFAULT_ZONE
    lines = [
        texts.get(
            "voice-review-notice",
            name=signed.person.display_name,
            kind=kind_name(texts, meeting.kind),
            title=meeting.title,
            time=local_time(meeting.starts_at, shown_zone),
            signed=local_time(attendance.signed_at, shown_zone),
        )
    ]
    evidence = attendance.evidence or {}
    duration = evidence.get("duration")
    if isinstance(duration, (int, float)):
        lines.append(texts.get("voice-review-duration", seconds=round(duration)))
    transcript = evidence.get("transcript")
    if isinstance(transcript, str) and transcript.strip():
        lines.append(texts.get("voice-review-transcript", text=transcript.strip()[:500]))
    return "\n".join(lines), voice_review_keyboard(texts, attendance.id)


def summary_lines(
    texts: Texts, summary: Summary, zone: ZoneInfo, now: datetime, proxies: dict[int, str]
) -> list[str]:
    """Who came (by method; proxy sign-ins say who signed whom), who is on leave, whose voice
    waits for review, who is missing without leave, and how much of the minutes exist.
    `proxies` maps the person ids of proxy signers to their names."""
    meeting = summary.meeting
    invited = (
        len(summary.present)
        + len(summary.pending)
        + len(summary.on_leave)
        + len(summary.leave_pending)
        + len(summary.absent)
    )
    lines = [
        texts.get("summary-header", kind=kind_name(texts, meeting.kind), title=meeting.title),
        texts.get("meeting-line-time", time=local_time(meeting.starts_at, zone)),
        texts.get(
            "summary-counts",
            invited=invited,
            present=len(summary.present),
            leave=len(summary.on_leave),
            pending=len(summary.pending),
            absent=len(summary.absent),
        ),
    ]
    for method in SignInMethod:
        names = []
        for person, record in summary.present:
            if record.method is not method:
                continue
            if record.proxy_by_id is not None:
                by = proxies.get(record.proxy_by_id, "—")
                names.append(texts.get("summary-proxy", name=person.display_name, by=by))
            else:
                names.append(person.display_name)
        if names:
            lines.append(
                texts.get(
                    "summary-present",
                    method=texts.get(f"signin-method-{method.value}"),
                    count=len(names),
                    names=joined(texts, names),
                )
            )
    if summary.on_leave:
        names = [
            texts.get(
                "summary-leave-person",
                name=person.display_name,
                reason=invitation.leave_reason[:REASON_SHOWN],
            )
            for person, invitation in summary.on_leave
        ]
        lines.append(texts.get("summary-leave", count=len(names), names=joined(texts, names)))
    if summary.leave_pending:
        names = [
            texts.get(
                "summary-leave-person",
                name=person.display_name,
                reason=invitation.leave_reason[:REASON_SHOWN],
            )
            for person, invitation in summary.leave_pending
        ]
        lines.append(
            texts.get("summary-leave-pending", count=len(names), names=joined(texts, names))
        )
    if summary.pending:
        lines.append(
            texts.get(
                "summary-pending",
                count=len(summary.pending),
                names=joined(texts, (p.display_name for p, _ in summary.pending)),
            )
        )
    if summary.absent:
        over = now > meetings.window(meeting)[1]
        lines.append(
            texts.get(
                "summary-absent" if over else "summary-not-yet",
                count=len(summary.absent),
                names=joined(texts, (p.display_name for p in summary.absent)),
            )
        )
    lines.append(
        texts.get(
            "summary-minutes", chars=len(meeting.minutes), photos=len(meeting.minutes_photos)
        )
    )
    return lines


# ----------------------------------------------------------------------------- delivery


async def deliver(
    bot: Bot,
    chat_id: int,
    text: str,
    reply_markup: InlineKeyboardMarkup | None = None,
    *,
    silent: bool = False,
) -> bool:
    """Like bot.delivery.notify (one unreachable person never undoes what was done), plus a
    silent mode for quiet hours and one retry when Telegram asks to slow down."""
    for attempt in (1, 2):
        try:
            await bot.send_message(
                chat_id, text, reply_markup=reply_markup, disable_notification=silent or None
            )
        except TelegramRetryAfter as exc:
            if attempt == 1 and exc.retry_after <= MAX_RETRY_WAIT:
                await asyncio.sleep(exc.retry_after)
                continue
            log.warning("could not notify chat %s: %s", chat_id, exc)
            return False
        except TelegramAPIError as exc:
            log.warning("could not notify chat %s: %s", chat_id, exc)
            return False
        return True
    return False


async def tell_invitees(
    bot: Bot,
    core: FluentRuntimeCore,
    settings: Settings,
    news: MeetingNews,
    now: datetime,
    header: str | None,
    *,
    silent: bool | None = None,
) -> int:
    """Tell everyone in `news` about the meeting, each in their language: an invitation or
    change notice (`header`, with the invitation buttons), or the cancellation (`header`
    None). Silent during quiet hours in the organization's zone unless `silent` says
    otherwise. Returns how many Telegram took."""
    zone = organizations.zone_of(news.org, settings.zone)
    quiet = is_quiet(settings, news.org, now) if silent is None else silent
    sent = 0
    for recipient in news.recipients:
        texts = Translator(core, recipient.locale)
        if header is None:
            text = cancelled_text(texts, news.meeting, news.org, zone)
            markup = None
        else:
            text = invitation_text(texts, news.meeting, news.org, zone, header)
            markup = invitation_keyboard(texts, news.meeting)
        if await deliver(bot, recipient.telegram_id, text, markup, silent=quiet):
            sent += 1
    return sent
