"""Sign-in by every method through the real aiogram client and the local Bot API server:
tap, code, location, voice (a real Ogg/Opus note, and one delivered late) and proxy.

The meeting is scheduled in the demo database with the service, as the demo's secretary;
everything after that happens in the chat."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from bot.demo import DemoRuntime
from bot.services import meetings, people
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, MeetingKind, SignInMethod
from sandbox.client import SandboxClient, message_text
from storage.db import create_engine, create_session_factory
from storage.models import Attendance, AttendanceStatus, Meeting
from storage.uow import UnitOfWork
from tests import voice_samples

SECRETARY, MEMBER, LEADER, HERDER = 100002, 100003, 100004, 100005
YURT = (41.6600, 109.8400)
ALL = frozenset({SignInMethod.TAP, SignInMethod.CODE, SignInMethod.LOCATION, SignInMethod.VOICE})

Json = dict[str, Any]


def has(fragment: str) -> Callable[[Json], bool]:
    return lambda message: fragment in message_text(message)


class DemoData:
    """The demo's database, for arranging a meeting and reading what was recorded."""

    def __init__(self, database_url: str) -> None:
        self.engine = create_engine(database_url)
        self.factory = create_session_factory(self.engine)

    async def schedule(self, minutes: float = 10, **changes: Any) -> Meeting:
        now = datetime.now(UTC)
        async with UnitOfWork(self.factory) as u:
            branch = await u.organizations.by_code("DEMO-HY")
            secretary = await u.people.by_telegram_id(SECRETARY)
            assert branch is not None and secretary is not None
            actor = await people.actor_for(u, secretary)
            values: dict[str, Any] = {
                "org_id": branch.id,
                "kind": MeetingKind.THEMED_PARTY_DAY,
                "title": "十一月主题党日",
                "starts_at": now + timedelta(minutes=minutes),
                "audience": Audience.BRANCH,
                "audience_org_id": branch.id,
                "venue": "嘎查党群服务中心",
                "latitude": YURT[0],
                "longitude": YURT[1],
                "radius_m": 300,
                "methods": ALL,
            }
            values.update(changes)
            news = await meetings.schedule(
                u,
                actor,
                meetings.MeetingSpec(**values),
                now,
                ZoneInfo("Asia/Shanghai"),
                QuietHours.parse("21:30-07:30"),
            )
        return news.meeting

    async def move(self, meeting: Meeting, starts_at: datetime) -> None:
        """Shift a meeting into the past (the service only schedules future ones)."""
        async with UnitOfWork(self.factory) as u:
            await u.session.execute(
                update(Meeting).where(Meeting.id == meeting.id).values(starts_at=starts_at)
            )
            await u.commit()

    async def attendance(self, meeting: Meeting, telegram_id: int) -> Attendance | None:
        async with UnitOfWork(self.factory) as u:
            person = await u.people.by_telegram_id(telegram_id)
            assert person is not None
            return await u.meetings.attendance(meeting.id, person.id)


@pytest.fixture
async def data(demo: DemoRuntime, database_url: str) -> AsyncIterator[DemoData]:
    found = DemoData(database_url)
    try:
        yield found
    finally:
        await found.engine.dispose()


async def open_meeting_buttons(client: SandboxClient, user_id: int, title: str) -> Json:
    """/attendance shows each meeting open for sign-in with its invitation buttons."""
    await client.send_text(user_id, "/attendance")
    return await client.wait_for_bot_message(
        user_id, lambda m: title in message_text(m) and bool(client.buttons(m))
    )


async def test_tap(demo: DemoRuntime, client: SandboxClient, data: DemoData) -> None:
    meeting = await data.schedule(title="一键签到的会")
    await client.mark()
    offer = await open_meeting_buttons(client, MEMBER, "一键签到的会")
    await client.press_button(MEMBER, offer, "👆")
    await client.wait_for_bot_message(MEMBER, has("签到成功"))
    record = await data.attendance(meeting, MEMBER)
    assert record is not None and record.method is SignInMethod.TAP

    again_id = await client.press_button(MEMBER, offer, "👆")  # answered, nothing changes
    answer = await client.wait_for_callback_answer(again_id)
    assert "已经签过到" in answer["text"] and answer["show_alert"] is True
    again = await data.attendance(meeting, MEMBER)
    assert again is not None and again.id == record.id


async def test_code(demo: DemoRuntime, client: SandboxClient, data: DemoData) -> None:
    meeting = await data.schedule(title="周五党课")
    await client.mark()
    offer = await open_meeting_buttons(client, MEMBER, "周五党课")
    await client.press_button(MEMBER, offer, "🔢")
    await client.wait_for_bot_message(MEMBER, has("请输入会场公布的 4 位签到码"))
    wrong = "0000" if meeting.code != "0000" else "1111"
    await client.send_text(MEMBER, wrong)
    await client.wait_for_bot_message(MEMBER, has("还可以再试 4 次"))
    await client.send_text(MEMBER, meeting.code)
    await client.wait_for_bot_message(MEMBER, has("签到成功"))
    record = await data.attendance(meeting, MEMBER)
    assert record is not None and record.method is SignInMethod.CODE


async def test_location(demo: DemoRuntime, client: SandboxClient, data: DemoData) -> None:
    meeting = await data.schedule(title="嘎查党员大会")
    await client.mark()
    offer = await open_meeting_buttons(client, MEMBER, "嘎查党员大会")
    await client.press_button(MEMBER, offer, "📍")
    ask = await client.wait_for_bot_message(MEMBER, has("分享您现在所在的位置"))
    assert any(b.get("request_location") for b in client.buttons(ask))
    await client.send_location(MEMBER, YURT[0] + 0.018, YURT[1])  # about 2 km away
    await client.wait_for_bot_message(MEMBER, has("超出了签到范围（300 米）"))
    await client.send_location(MEMBER, YURT[0] + 0.001, YURT[1])  # about 110 m
    await client.wait_for_bot_message(MEMBER, has("签到成功"))
    record = await data.attendance(meeting, MEMBER)
    assert record is not None and record.method is SignInMethod.LOCATION
    assert 90 < record.evidence["distance_m"] < 130


async def test_voice_goes_to_the_secretary(
    demo: DemoRuntime, client: SandboxClient, data: DemoData
) -> None:
    meeting = await data.schedule(title="语音签到的会")
    await client.mark()
    note = voice_samples.speech_ogg()
    sent = await client.upload(HERDER, "voice", note, "voice.ogg")
    received = await client.wait_for_bot_message(HERDER, has("语音签到的会"))
    assert any("\u1800" <= ch <= "\u18af" for ch in message_text(received))  # in Mongolian
    copy = await client.wait_for_bot_message(SECRETARY, lambda m: "voice" in m)
    assert copy["voice"]["file_unique_id"] == sent["voice"]["file_unique_id"]
    notice = await client.wait_for_bot_message(SECRETARY, has("语音签到的会"))
    assert client.buttons(notice), "the secretary can approve or reject"
    record = await data.attendance(meeting, HERDER)
    assert record is not None and record.status is AttendanceStatus.PENDING_REVIEW
    assert record.evidence["speech_seconds"] > 0.5

    silent = voice_samples.silence_ogg()
    await client.upload(MEMBER, "voice", silent, "voice.ogg")
    await client.wait_for_bot_message(MEMBER, has("听不到说话声"))
    assert await data.attendance(meeting, MEMBER) is None


async def test_voice_delivered_late(
    demo: DemoRuntime, client: SandboxClient, data: DemoData
) -> None:
    meeting = await data.schedule(title="信号不好的会")
    now = datetime.now(UTC)
    await data.move(meeting, now - timedelta(minutes=50))  # its window closed 20 min ago
    recorded = now - timedelta(minutes=25)  # inside the window, in a valley
    await client.mark()
    await client.upload(
        MEMBER, "voice", voice_samples.speech_ogg(), "voice.ogg", date=int(recorded.timestamp())
    )
    await client.wait_for_bot_message(MEMBER, has("等待书记审核"))
    record = await data.attendance(meeting, MEMBER)
    assert record is not None and record.method is SignInMethod.VOICE
    assert record.signed_at == recorded.replace(microsecond=0)
    assert record.recorded_at > record.signed_at + timedelta(minutes=20)


async def test_proxy(demo: DemoRuntime, client: SandboxClient, data: DemoData) -> None:
    meeting = await data.schedule(title="蒙古包里的会")
    await client.mark()
    await client.send_text(LEADER, "/proxy")
    listing = await client.wait_for_bot_message(LEADER, lambda m: bool(client.buttons(m)))
    names = [b["text"] for b in client.buttons(listing)]
    assert names == ["巴特尔 · 牧民党员"]  # the leader's own group, not the whole branch
    await client.press_button(LEADER, listing, "巴特尔")
    ask = await client.wait_for_bot_message(LEADER, has("巴特尔"))
    assert len(client.buttons(ask)) == 2  # skip the note, or cancel
    await client.send_text(LEADER, "ᠮᠣᠩᠭᠣᠯ ᠭᠡᠷ ᠲᠦ")
    done = await client.wait_for_bot_message(LEADER, has("✅"))
    assert "蒙古包里的会" in message_text(done)
    record = await data.attendance(meeting, HERDER)
    assert record is not None and record.method is SignInMethod.PROXY
    assert record.note == "ᠮᠣᠩᠭᠣᠯ ᠭᠡᠷ ᠲᠦ"
    async with UnitOfWork(data.factory) as u:
        leader = await u.people.by_telegram_id(LEADER)
    assert leader is not None and record.proxy_by_id == leader.id
