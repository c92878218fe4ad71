"""The member's side of meetings through the real Dispatcher: invitation buttons, leave,
sign-in by tap, code, location and voice (real Ogg/Opus audio), proxy, /attendance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiogram.methods import AnswerCallbackQuery, GetFile, SendMessage, SendVoice
from aiogram.types import ReplyKeyboardMarkup
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy import func, select

from bot.i18n import load_core
from bot.keyboards.meetings import InvitationAction, InvitationCB, ProxyCB
from bot.services import meetings
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, Level, MeetingKind, Role, SignInMethod
from sandbox.media import ogg_duration
from storage.models import (
    Attendance,
    AttendanceStatus,
    CodeAttempt,
    InvitationResponse,
    Meeting,
    MeetingStatus,
)
from tests import voice_samples
from tests.conftest import FakeClock
from tests.factories import Tree, actor_of, build_tree, make_org, make_person
from tests.fakes import FieldChatter, buttons
from tests.flows.conftest import Harness

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
YURT = (43.9300, 116.0700)
ALL = frozenset({SignInMethod.TAP, SignInMethod.CODE, SignInMethod.LOCATION, SignInMethod.VOICE})

Say = Callable[..., str]


@pytest.fixture
async def say() -> Say:
    """What the bot says for a key in a language, to compare with what it sent."""
    core: FluentRuntimeCore = await load_core()
    return lambda key, locale="zh", **params: core.get(key, locale, **params)


async def schedule(
    harness: Harness, tree: Tree, clock: FakeClock, minutes: float = 10, **changes: Any
) -> Meeting:
    """A meeting of branch A starting `minutes` from now (its sign-in window is open from
    30 minutes before the start to 30 minutes after)."""
    values: dict[str, Any] = {
        "org_id": tree.branch_a.id,
        "kind": MeetingKind.THEMED_PARTY_DAY,
        "title": "十一月主题党日",
        "starts_at": clock() + timedelta(minutes=minutes),
        "audience": Audience.BRANCH,
        "audience_org_id": tree.branch_a.id,
        "venue": "嘎查党群服务中心",
        "latitude": YURT[0],
        "longitude": YURT[1],
        "radius_m": 500,
        "methods": ALL,
    }
    values.update(changes)
    secretary = await actor_of(harness.uow, tree.secretary_a)
    async with harness.uow() as u:
        news = await meetings.schedule(
            u, secretary, meetings.MeetingSpec(**values), clock(), SHANGHAI, QUIET
        )
    return news.meeting


def press(meeting: Meeting, action: InvitationAction) -> str:
    return InvitationCB(meeting_id=meeting.id, action=action).pack()


def alerts(harness: Harness) -> list[str]:
    return [a.text or "" for a in harness.session.of_type(AnswerCallbackQuery) if a.show_alert]


def last(harness: Harness, chat_id: int) -> SendMessage:
    return harness.session.sent(chat_id)[-1]


async def records(harness: Harness, meeting: Meeting) -> list[Attendance]:
    async with harness.uow() as u:
        return list(await u.meetings.attendances(meeting.id))


# ----------------------------------------------------------------------------- tap


async def test_tap_signs_in_once(harness: Harness, clock: FakeClock, say: Say) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock)
    member = FieldChatter(3001, "Bater", "mn")
    await harness.send(member.press(press(meeting, InvitationAction.SIGN_IN)))
    local = clock().astimezone(SHANGHAI).strftime("%H:%M")
    assert last(harness, 3001).text == say(
        "signin-done",
        "mn",
        title=meeting.title,
        method=say("signin-method-tap", "mn"),
        time=local,
    )
    [record] = await records(harness, meeting)
    assert record.method is SignInMethod.TAP and record.status is AttendanceStatus.CONFIRMED
    assert record.signed_at == clock()

    harness.session.clear()
    clock.advance(minutes=3)
    await harness.send(member.press(press(meeting, InvitationAction.SIGN_IN)))
    assert alerts(harness) == [say("signin-error-already", "mn")]
    assert not harness.session.sent(3001)
    [again] = await records(harness, meeting)
    assert again.id == record.id and again.signed_at == record.signed_at


async def test_a_press_answered_too_late_still_signs_in(
    harness: Harness, clock: FakeClock, say: Say
) -> None:
    """Telegram refuses the answer to a press delivered late (the bot was busy or down); the
    sign-in it asked for is kept, not rolled back with the failed answer."""
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock)
    harness.session.queries_expired = True
    member = FieldChatter(3001, "Bater", "mn")
    await harness.send(member.press(press(meeting, InvitationAction.SIGN_IN)))
    [record] = await records(harness, meeting)
    assert record.method is SignInMethod.TAP and record.status is AttendanceStatus.CONFIRMED
    assert last(harness, 3001).text.startswith(
        say(
            "signin-done",
            "mn",
            title=meeting.title,
            method=say("signin-method-tap", "mn"),
            time=clock().astimezone(SHANGHAI).strftime("%H:%M"),
        )
    )


async def test_window_not_open_then_closed(harness: Harness, clock: FakeClock, say: Say) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock, minutes=120)
    member = FieldChatter(3002, "其其格")
    await harness.send(member.press(press(meeting, InvitationAction.SIGN_IN)))
    assert alerts(harness) == [say("signin-error-not-open")]
    clock.advance(minutes=151)  # the window closed at +30 after the start
    await harness.send(member.press(press(meeting, InvitationAction.SIGN_IN)))
    assert alerts(harness)[-1] == say("signin-error-closed")
    assert await records(harness, meeting) == []


async def test_a_cancelled_meeting_refuses_sign_in(
    harness: Harness, clock: FakeClock, say: Say
) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock)
    secretary = await actor_of(harness.uow, tree.secretary_a)
    async with harness.uow() as u:
        await meetings.cancel(u, secretary, meeting.id, clock())
    member = FieldChatter(3001, "Bater", "mn")
    await harness.send(member.press(press(meeting, InvitationAction.SIGN_IN)))
    assert alerts(harness) == [say("meeting-error-cancelled", "mn")]
    await harness.send(member.text("/attendance"))
    assert say("attendance-status-cancelled", "mn") in (last(harness, 3001).text or "")
    assert await records(harness, meeting) == []


async def test_forged_invitation_of_another_branch_is_refused(
    harness: Harness, clock: FakeClock, say: Say
) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock)
    outsider = FieldChatter(2002, "Secretary B", "en")  # branch B, not invited
    for action in (InvitationAction.SIGN_IN, InvitationAction.ATTEND):
        await harness.send(outsider.press(press(meeting, action)))
    assert alerts(harness) == [say("meeting-error-not-invited", "en")] * 2
    await harness.send(outsider.press(press(meeting, InvitationAction.CODE)))
    await harness.send(outsider.text_at(meeting.code, clock()))
    assert last(harness, 2002).text == say("meeting-error-not-invited", "en")
    await harness.send(outsider.location(*YURT, date=clock()))
    assert last(harness, 2002).text == say("signin-none-open", "en")
    await harness.send(
        outsider.press(InvitationCB(meeting_id=987654, action=InvitationAction.SIGN_IN).pack())
    )
    assert alerts(harness)[-1] == say("error-not-found", "en")
    assert await records(harness, meeting) == []
    async with harness.uow() as u:
        assert await u.session.scalar(select(func.count(CodeAttempt.id))) == 0
        assert await u.meetings.invitation(meeting.id, tree.secretary_b.id) is None


# ----------------------------------------------------------------------------- code


async def test_code_sign_in_and_the_lock(harness: Harness, clock: FakeClock, say: Say) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock)
    secretary = FieldChatter(2001, "书记甲")
    await harness.send(secretary.press(press(meeting, InvitationAction.CODE)))
    assert last(harness, 2001).text == say("signin-code-ask", digits=4)
    await harness.send(secretary.text_at(f" {meeting.code} ", clock() - timedelta(minutes=1)))
    [record] = await records(harness, meeting)
    assert record.method is SignInMethod.CODE
    assert record.signed_at == clock() - timedelta(minutes=1)  # the message's own date

    member = FieldChatter(3001, "Bater", "mn")
    wrong = "0000" if meeting.code != "0000" else "1111"
    await harness.send(member.press(press(meeting, InvitationAction.CODE)))
    for left in (4, 3, 2, 1):
        await harness.send(member.text_at(wrong, clock()))
        assert last(harness, 3001).text == say("signin-error-code", "mn", left=left)
    await harness.send(member.text_at(wrong, clock()))
    assert last(harness, 3001).text == say("signin-error-code-locked", "mn")
    # the step ended; even the right code, asked for again, stays locked
    await harness.send(member.press(press(meeting, InvitationAction.CODE)))
    await harness.send(member.text_at(meeting.code, clock()))
    assert last(harness, 3001).text == say("signin-error-code-locked", "mn")
    assert [r.person_id for r in await records(harness, meeting)] == [tree.secretary_a.id]


# ----------------------------------------------------------------------------- location


async def test_location_geofence_forwarded_stale_then_ok(
    harness: Harness, clock: FakeClock, say: Say
) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock)
    member = FieldChatter(3002, "其其格")
    await harness.send(member.press(press(meeting, InvitationAction.LOCATION)))
    ask = last(harness, 3002)
    assert ask.text == say("signin-location-ask")
    assert isinstance(ask.reply_markup, ReplyKeyboardMarkup)
    assert ask.reply_markup.keyboard[0][0].request_location is True

    far = (YURT[0] + 0.018, YURT[1])  # about 2 km north
    await harness.send(member.location(*far, date=clock()))
    distance = round(meetings.distance_m(*far, *YURT))
    assert 1900 < distance < 2100
    assert last(harness, 3002).text == say("signin-error-too-far", distance=distance, radius=500)
    await harness.send(member.location(*YURT, date=clock(), forwarded=True))
    assert last(harness, 3002).text == say("signin-error-forwarded")
    await harness.send(member.location(*YURT, date=clock() - timedelta(minutes=6)))
    assert last(harness, 3002).text == say("signin-error-stale-location")
    await harness.send(member.location(*YURT, date=clock(), venue="嘎查党群服务中心"))
    assert last(harness, 3002).text == say("signin-location-venue")
    assert await records(harness, meeting) == []

    near = (YURT[0] + 0.002, YURT[1])  # about 220 m
    await harness.send(member.location(*near, date=clock()))
    [record] = await records(harness, meeting)
    assert record.method is SignInMethod.LOCATION and 200 < record.evidence["distance_m"] < 240


async def test_a_location_sent_without_a_button(
    harness: Harness, clock: FakeClock, say: Say
) -> None:
    tree = await build_tree(harness.uow)
    member = FieldChatter(3001, "Bater", "mn")
    await harness.send(member.location(*YURT, date=clock()))
    assert last(harness, 3001).text == say("signin-none-open", "mn")

    first = await schedule(harness, tree, clock, minutes=5)
    second = await schedule(harness, tree, clock, minutes=15, title="支部党员大会")
    await harness.send(member.location(*YURT, date=clock()))
    choice = last(harness, 3001)
    assert choice.text == say("signin-choose-meeting", "mn")
    labels = [text for text, _ in buttons(choice)]
    assert len(labels) == 2 and "支部党员大会" in labels[1]
    await harness.send(member.text("第二个"))  # typed instead of tapped: asked again
    assert last(harness, 3001).text == say("signin-pick-expected", "mn")
    assert await records(harness, first) == await records(harness, second) == []
    await harness.send(member.press(buttons(choice)[1][1]))
    assert [r.meeting_id for r in await records(harness, second)] == [second.id]
    assert await records(harness, first) == []
    await harness.send(member.press(buttons(choice)[0][1]))  # the choice is used up
    assert alerts(harness)[-1] == say("error-stale-button", "mn")
    assert await records(harness, first) == []


# ----------------------------------------------------------------------------- voice


def speech() -> bytes:
    return voice_samples.speech_ogg()


def put(harness: Harness, file_id: str, content: bytes) -> tuple[str, int, int]:
    """Make the file downloadable; (file_id, duration, size) as Telegram describes it."""
    harness.session.files[file_id] = content
    return file_id, ogg_duration(content) or 0, len(content)


async def test_voice_with_real_speech_goes_to_review(
    harness: Harness, clock: FakeClock, say: Say
) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock)
    member = FieldChatter(3001, "Bater", "mn")
    await harness.send(member.press(press(meeting, InvitationAction.VOICE)))
    assert last(harness, 3001).text == say("signin-voice-ask", "mn", min=1, max=60)
    content = speech()
    await harness.send(member.voice(*put(harness, "v-speech", content), date=clock()))
    [record] = await records(harness, meeting)
    assert record.method is SignInMethod.VOICE
    assert record.status is AttendanceStatus.PENDING_REVIEW
    assert record.evidence["file_id"] == "v-speech" and record.evidence["speech_seconds"] > 0.5
    assert "transcript" not in record.evidence  # no speech recognition by default
    assert last(harness, 3001).text == say(
        "signin-voice-pending", "mn", title=meeting.title, seconds=record.evidence["duration"]
    )
    # the secretary hears the note, then gets the review notice
    [copy] = harness.session.of_type(SendVoice)
    assert copy.chat_id == 2001 and copy.voice == "v-speech"
    to_secretary = [r for r in harness.session.requests if getattr(r, "chat_id", None) == 2001]
    assert isinstance(to_secretary[0], SendVoice) and isinstance(to_secretary[1], SendMessage)
    assert len(harness.session.of_type(GetFile)) == 1


async def test_late_delivered_voice_counts_by_its_send_time(
    harness: Harness, clock: FakeClock
) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock)  # window closes at +40 min
    recorded = clock() + timedelta(minutes=30)
    clock.advance(hours=3)  # the valley had no signal
    member = FieldChatter(3002, "其其格")
    await harness.send(member.voice(*put(harness, "v-late", speech()), date=recorded))
    [record] = await records(harness, meeting)
    assert record.signed_at == recorded and record.recorded_at == clock()
    assert record.status is AttendanceStatus.PENDING_REVIEW


async def test_voice_refusals(harness: Harness, clock: FakeClock, say: Say) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock)
    member = FieldChatter(3002, "其其格")

    await harness.send(
        member.voice(*put(harness, "v-silent", voice_samples.silence_ogg()), date=clock())
    )
    assert last(harness, 3002).text == say("voice-refused-silent")
    mp3 = voice_samples.mp3_bytes()
    harness.session.files["a-mp3"] = mp3
    await harness.send(member.audio("a-mp3", 2, len(mp3), date=clock()))
    assert last(harness, 3002).text == say("voice-refused-not-voice")
    await harness.send(
        member.voice(*put(harness, "v-fwd", speech()), date=clock(), forwarded=True)
    )
    assert last(harness, 3002).text == say("voice-refused-forwarded")
    await harness.send(member.video_note("vn-1", 3, 90_000, date=clock()))
    assert last(harness, 3002).text == say("voice-refused-not-voice")

    harness.session.clear()
    await harness.send(member.voice("v-huge", 50, 21 * 1024 * 1024, date=clock()))
    assert last(harness, 3002).text == say("voice-refused-too-large", size_mb=21, max_mb=20)
    assert harness.session.of_type(GetFile) == []  # refused before any download

    # in the voice step, an audio file is refused the same way and the step stays
    await harness.send(member.press(press(meeting, InvitationAction.VOICE)))
    await harness.send(member.audio("a-mp3", 2, len(mp3), date=clock()))
    assert last(harness, 3002).text == say("voice-refused-not-voice")
    await harness.send(member.voice(*put(harness, "v-ok", speech()), date=clock()))
    [record] = await records(harness, meeting)
    assert record.evidence["file_id"] == "v-ok"


class Scribe:
    async def transcribe(self, content: bytes, language: str | None) -> str | None:
        return f"到 ({language}, {len(content)} bytes)"


async def test_a_configured_transcriber_adds_its_text(harness: Harness, clock: FakeClock) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock, voice_auto_approve=True)
    harness.dp["transcriber"] = Scribe()
    member = FieldChatter(3001, "Bater", "mn")
    await harness.send(member.voice(*put(harness, "v-text", speech()), date=clock()))
    [record] = await records(harness, meeting)
    assert record.status is AttendanceStatus.CONFIRMED  # this meeting approves by itself
    assert record.evidence["transcript"].startswith("到 (mn,")
    assert harness.session.of_type(SendVoice) == []  # nothing to review


# ----------------------------------------------------------------------------- proxy


async def test_proxy_by_the_group_leader(harness: Harness, clock: FakeClock, say: Say) -> None:
    tree = await build_tree(harness.uow)
    async with harness.uow() as u:
        group = await u.organizations.get(tree.group_a1.id)
        branch = await u.organizations.get(tree.branch_a.id)
        assert group is not None and branch is not None
        neighbour = await make_person(u, "没有手机的老党员", None, [(group, Role.MEMBER)])
        other_group = await make_org(u, "BA-G2", Level.GROUP, branch, name="第二党小组")
        stranger = await make_person(u, "二组的老党员", None, [(other_group, Role.MEMBER)])
        await u.commit()
    meeting = await schedule(harness, tree, clock)
    leader = FieldChatter(3002, "其其格")
    await harness.send(leader.text("/proxy"))
    listing = last(harness, 3002)
    assert listing.text == say("proxy-choose-person", title=meeting.title)
    assert [text for text, _ in buttons(listing)] == ["没有手机的老党员"]

    # a member of another group, or of the branch outside any group: refused, nothing recorded
    for outside in (stranger.id, tree.member_a.id):
        forged = ProxyCB(meeting_id=meeting.id, person_id=outside).pack()
        await harness.send(leader.press(forged))
    assert alerts(harness) == [say("error-access-denied")] * 2
    assert await records(harness, meeting) == []

    await harness.send(leader.press(buttons(listing)[0][1]))
    assert last(harness, 3002).text == say("proxy-ask-note", name="没有手机的老党员")
    await harness.send(leader.text("在蒙古包里参加"))
    assert last(harness, 3002).text == say(
        "proxy-done", name="没有手机的老党员", title=meeting.title
    )
    [record] = await records(harness, meeting)
    assert record.person_id == neighbour.id and record.method is SignInMethod.PROXY
    assert record.proxy_by_id == tree.leader_a1.id and record.note == "在蒙古包里参加"

    await harness.send(leader.press(buttons(listing)[0][1]))  # twice: already
    assert alerts(harness)[-1] == say("signin-error-already")
    await harness.send(FieldChatter(3001, "Bater", "mn").text("/proxy"))
    assert last(harness, 3001).text == say("error-access-denied", "mn")


async def phoneless_member_of_a1(harness: Harness, tree: Tree, name: str) -> None:
    async with harness.uow() as u:
        group = await u.organizations.get(tree.group_a1.id)
        assert group is not None
        await make_person(u, name, None, [(group, Role.MEMBER)])
        await u.commit()


async def test_no_note_is_asked_for_a_meeting_cancelled_or_closed_meanwhile(
    harness: Harness, clock: FakeClock, say: Say
) -> None:
    tree = await build_tree(harness.uow)
    await phoneless_member_of_a1(harness, tree, "没有手机的老党员")
    cancelled = await schedule(harness, tree, clock)
    leader = FieldChatter(3002, "其其格")
    await harness.send(leader.text("/proxy"))
    listing = last(harness, 3002)
    async with harness.uow() as u:
        found = await u.meetings.get(cancelled.id)
        assert found is not None
        found.status = MeetingStatus.CANCELLED
        await u.commit()
    await harness.send(leader.press(buttons(listing)[0][1]))
    assert alerts(harness)[-1] == say("meeting-error-cancelled")
    assert last(harness, 3002) is listing  # no note asked for

    closing = await schedule(harness, tree, clock, title="党课")
    await harness.send(leader.text("/proxy"))
    listing = last(harness, 3002)
    assert listing.text == say("proxy-choose-person", title="党课")
    clock.advance(hours=6)  # the sign-in window has closed meanwhile
    await harness.send(leader.press(buttons(listing)[0][1]))
    assert alerts(harness)[-1] == say("signin-error-closed")
    assert last(harness, 3002) is listing
    await harness.send(leader.text("在蒙古包里参加"))  # not taken as a note
    assert await records(harness, cancelled) == await records(harness, closing) == []


async def test_proxy_note_can_be_skipped(harness: Harness, clock: FakeClock, say: Say) -> None:
    tree = await build_tree(harness.uow)
    await phoneless_member_of_a1(harness, tree, "老党员")
    await schedule(harness, tree, clock, minutes=5)
    second = await schedule(harness, tree, clock, minutes=20, title="党课")
    leader = FieldChatter(3002, "其其格")
    await harness.send(leader.text("/proxy"))
    choice = last(harness, 3002)
    assert choice.text == say("proxy-choose-meeting") and len(buttons(choice)) == 2
    await harness.send(leader.press(buttons(choice)[1][1]))
    people = last(harness, 3002)
    await harness.send(leader.press(buttons(people)[0][1]))
    await harness.send(leader.text(say("proxy-skip-note")))
    [record] = await records(harness, second)
    assert record.note == "" and record.method is SignInMethod.PROXY


# ----------------------------------------------------------------------------- leave


async def test_leave_request_reaches_the_secretary(
    harness: Harness, clock: FakeClock, say: Say
) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock, minutes=24 * 60)
    member = FieldChatter(3001, "Bater", "mn")
    await harness.send(member.press(press(meeting, InvitationAction.ATTEND)))
    assert last(harness, 3001).text == say("signin-attend-noted", "mn", title=meeting.title)
    await harness.send(member.press(press(meeting, InvitationAction.LEAVE)))
    assert last(harness, 3001).text == say("signin-leave-ask", "mn")
    await harness.send(member.text("  放牧走不开  "))
    assert last(harness, 3001).text == say("signin-leave-sent", "mn", title=meeting.title)
    async with harness.uow() as u:
        invitation = await u.meetings.invitation(meeting.id, tree.member_a.id)
        assert invitation is not None
    assert invitation.response is InvitationResponse.LEAVE_REQUESTED
    assert invitation.leave_reason == "放牧走不开"
    notice = last(harness, 2001)
    assert notice.text is not None and "放牧走不开" in notice.text
    assert not notice.disable_notification  # 10:00 local: the phone may ring


async def test_a_leave_request_at_night_reaches_the_secretary_silently(
    harness: Harness, clock: FakeClock, say: Say
) -> None:
    tree = await build_tree(harness.uow)
    meeting = await schedule(harness, tree, clock, minutes=24 * 60)
    clock.advance(hours=13)  # 23:00 in the branch's zone, inside quiet hours
    member = FieldChatter(3002, "其其格")
    await harness.send(member.press(press(meeting, InvitationAction.LEAVE)))
    await harness.send(member.text("孩子病了"))
    assert last(harness, 3002).text == say("signin-leave-sent", title=meeting.title)
    notice = last(harness, 2001)
    assert notice.text is not None and "孩子病了" in notice.text
    assert notice.disable_notification is True


# ----------------------------------------------------------------------------- history


async def test_attendance_lists_statuses_and_open_buttons(
    harness: Harness, clock: FakeClock, say: Say
) -> None:
    tree = await build_tree(harness.uow)
    member = FieldChatter(3002, "其其格")
    await harness.send(member.text("/attendance"))
    assert last(harness, 3002).text == say("attendance-none")

    signed = await schedule(harness, tree, clock, minutes=10, title="签到的会")
    on_leave = await schedule(harness, tree, clock, minutes=20, title="请假的会")
    absent = await schedule(harness, tree, clock, minutes=15, title="缺席的会")
    later = await schedule(harness, tree, clock, minutes=3 * 24 * 60, title="以后的会")
    secretary = await actor_of(harness.uow, tree.secretary_a)
    async with harness.uow() as u:
        leave = await meetings.request_leave(u, tree.leader_a1.id, on_leave.id, "生病", clock())
        await meetings.decide_leave(u, secretary, leave.invitation.id, True, clock())

    # open meetings come with their sign-in buttons
    await harness.send(member.text("/attendance"))
    offers = [m for m in harness.session.sent(3002) if buttons(m)]
    assert {m.text for m in offers} >= {
        say("attendance-open-now", title="签到的会", opens="09:40", closes="10:40")
    }
    tap_button = next(
        data
        for text, data in buttons(next(m for m in offers if "签到的会" in (m.text or "")))
        if text == say("signin-button-tap")
    )
    await harness.send(member.press(tap_button))
    assert [r.person_id for r in await records(harness, signed)] == [tree.leader_a1.id]

    clock.advance(hours=2)
    harness.session.clear()
    await harness.send(member.text("/attendance"))
    text = "\n".join(m.text or "" for m in harness.session.sent(3002))
    kind = say("meeting-kind-themed_party_day")

    def line(meeting: Meeting, status: str) -> str:
        when = meeting.starts_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
        return say("attendance-line", date=when, kind=kind, title=meeting.title, status=status)

    assert line(signed, say("attendance-status-signed", method=say("signin-method-tap"))) in text
    assert line(on_leave, say("attendance-status-leave")) in text
    assert line(absent, say("attendance-status-absent")) in text
    assert line(later, say("attendance-status-upcoming")) in text
    assert text.index("以后的会") < text.index("缺席的会")  # newest first
