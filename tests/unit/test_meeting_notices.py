"""What the meeting notices say and how they are delivered: every enum has its words in
every language, times carry their zone, quiet hours mean silent, 429 means wait once."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import SendMessage, TelegramMethod
from aiogram_i18n.cores import FluentRuntimeCore

from bot import meeting_notices
from bot.i18n import Translator, load_core
from bot.meeting_notices import deliver, leave_request_notice, voice_review_notice
from bot.services.locale import LOCALES
from bot.services.meetings import LeaveRequested, SignedIn
from bot.services.roles import Audience, MeetingKind, SignInMethod
from storage.models import (
    Attendance,
    AttendanceStatus,
    Invitation,
    InvitationResponse,
    Meeting,
    Organization,
    Person,
)
from tests.fakes import TOKEN, RecordingSession

STARTS = datetime(2026, 11, 25, 11, 30, tzinfo=UTC)


@pytest.fixture
async def core() -> FluentRuntimeCore:
    return await load_core()


def _meeting() -> Meeting:
    return Meeting(
        id=7,
        org_id=1,
        kind=MeetingKind.THEMED_PARTY_DAY,
        title="十一月主题党日",
        starts_at=STARTS,
        venue="",
        latitude=None,
        longitude=None,
        radius_m=500,
        opens_before_min=30,
        closes_after_min=30,
        methods=["tap", "voice"],
        audience=Audience.BRANCH,
        code="1234",
        voice_auto_approve=False,
        minutes="",
        minutes_photos=[],
    )


def _person() -> Person:
    return Person(id=3, telegram_id=3001, display_name="党员巴特尔", language="mn")


async def test_every_kind_audience_and_method_has_a_name_everywhere(
    core: FluentRuntimeCore,
) -> None:
    keys = [f"meeting-kind-{k.value}" for k in MeetingKind]
    keys += [f"audience-{a.value}" for a in Audience]
    keys += [f"signin-method-{m.value}" for m in SignInMethod]
    for locale in LOCALES:
        for key in keys:
            assert core.get(key, locale), (locale, key)
    assert core.get("meeting-kind-themed_party_day", "zh") == "主题党日"


async def test_the_invitation_shows_the_local_window_and_no_code(core: FluentRuntimeCore) -> None:
    text = meeting_notices.invitation_text(
        Translator(core, "en"),
        _meeting(),
        Organization(name="哈业胡同嘎查党支部"),
        ZoneInfo("Asia/Shanghai"),
    )
    assert "2026-11-25 19:30 (Asia/Shanghai)" in text
    assert "19:00–20:00" in text and "Tap, Voice" in text
    assert "not given" in text and "1234" not in text


async def test_notices_without_a_zone_name_the_default_one(core: FluentRuntimeCore) -> None:
    invitation = Invitation(
        id=11, meeting_id=7, person_id=3, response=InvitationResponse.LEAVE_REQUESTED
    )
    invitation.leave_reason = "接羔"
    leave = LeaveRequested(invitation, _meeting(), _person(), [])
    text, markup = leave_request_notice(Translator(core, "en"), leave)
    assert "2026-11-25 19:30 (Asia/Shanghai)" in text and "接羔" in text
    assert [b.callback_data for b in markup.inline_keyboard[0]] == ["lv:11:1", "lv:11:0"]

    attendance = Attendance(
        id=5,
        meeting_id=7,
        person_id=3,
        method=SignInMethod.VOICE,
        signed_at=datetime(2026, 11, 25, 11, 25, tzinfo=UTC),
        status=AttendanceStatus.PENDING_REVIEW,
        evidence={"file_id": "v", "duration": 2.6},
    )
    text, markup = voice_review_notice(
        Translator(core, "zh"), SignedIn(attendance, _meeting(), _person())
    )
    assert "19:25 (Asia/Shanghai)" in text and "3 秒" in text and "识别文字" not in text
    assert [b.callback_data for b in markup.inline_keyboard[0]] == ["vr:5:1", "vr:5:0"]


class FloodSession(RecordingSession):
    """Answers the first `floods` sends with 429 (retry after 0 s), like a busy Telegram."""

    def __init__(self, floods: int) -> None:
        super().__init__()
        self.floods = floods

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        if isinstance(method, SendMessage) and self.floods:
            self.floods -= 1
            self.requests.append(method)
            raise TelegramRetryAfter(method, "Too Many Requests: retry after 0", 0)
        return await super().make_request(bot, method, timeout)


async def test_deliver_waits_once_when_asked_and_is_silent_on_request() -> None:
    session = FloodSession(floods=1)
    bot = Bot(TOKEN, session=session)
    assert await deliver(bot, 3001, "hello", silent=True) is True
    sends = session.of_type(SendMessage)
    assert len(sends) == 2 and all(s.disable_notification for s in sends)

    session = FloodSession(floods=2)
    bot = Bot(TOKEN, session=session)
    assert await deliver(bot, 3001, "hello") is False  # asked twice: give up, never raise
    assert session.of_type(SendMessage)[0].disable_notification is None

    session = FloodSession(floods=0)
    session.blocked.add(3001)
    assert await deliver(Bot(TOKEN, session=session), 3001, "hello") is False
