"""The secretary's side of meetings through the real Dispatcher: /meeting (scheduling, with
typed times and button presses), invitations in each invitee's language and quiet hours,
/meetings (summary, code, edit, cancel, minutes, voice reviews), leave and voice decisions,
forged callbacks, and the reminder sweep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage, SendVoice
from aiogram.types import PhotoSize, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.handlers.meetings import leave_request_notice, parse_when, voice_review_notice
from bot.i18n import Translator
from bot.keyboards.meeting_admin import AdminAction, MeetingAdminCB, ScheduleCB, Step
from bot.keyboards.meetings import InvitationAction, InvitationCB, LeaveDecisionCB, VoiceReviewCB
from bot.outbox import OutboxSender, SenderConfig
from bot.reminders.meetings import send_due_meeting_reminders
from bot.renderers.registry import build_renderers
from bot.services import meetings
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, MeetingKind, Role, SignInMethod
from storage.models import (
    AttendanceStatus,
    InvitationResponse,
    Meeting,
    MeetingStatus,
)
from tests.conftest import FakeClock
from tests.factories import Tree, actor_of, build_tree, make_person
from tests.fakes import TOKEN, FieldChatter, buttons
from tests.flows.conftest import Harness

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
YURT = (43.9300, 116.0700)
ALL = frozenset({SignInMethod.TAP, SignInMethod.CODE, SignInMethod.LOCATION, SignInMethod.VOICE})
SECRETARY_A, SECRETARY_B, MEMBER_A, LEADER_A1 = 2001, 2002, 3001, 3002


def mongolian(text: str | None) -> bool:
    return any("\u1800" <= ch <= "\u18af" for ch in text or "")


class Secretary(FieldChatter):
    """A chatter who also sends photos (for the minutes)."""

    def photo(self, file_id: str, caption: str | None = None) -> Update:
        size = PhotoSize(file_id=file_id, file_unique_id=file_id, width=800, height=600)
        return self._dated(None, False, photo=[size], caption=caption)


def core_of(h: Harness) -> FluentRuntimeCore:
    core: FluentRuntimeCore = h.dp["i18n_middleware"].core
    return core


def say(h: Harness, key: str, locale: str = "zh", **params: Any) -> str:
    return core_of(h).get(key, locale, **params)


def latest(h: Harness, chat_id: int) -> SendMessage | EditMessageText:
    """The bot's last message to the chat, sent or edited."""
    for request in reversed(h.session.requests):
        if isinstance(request, (SendMessage, EditMessageText)) and request.chat_id == chat_id:
            return request
    raise AssertionError(f"nothing was sent to {chat_id}")


def button(method: SendMessage | EditMessageText, contains: str) -> str:
    for text, data in buttons(method):
        if contains in text:
            return data
    raise AssertionError(f"no button with {contains!r} in {buttons(method)!r}")


def alerts(h: Harness) -> list[AnswerCallbackQuery]:
    return [a for a in h.session.of_type(AnswerCallbackQuery) if a.show_alert]


async def tap(h: Harness, who: FieldChatter, contains: str) -> None:
    await h.send(who.press(button(latest(h, who.user.id), contains)))


async def schedule_in_chat(
    h: Harness,
    who: FieldChatter,
    *,
    org: str | None = None,
    kind: str = "主题党日",
    title: str | None = "十一月主题党日",
    when: str = "2026-11-25 19:30",
    venue: str | None = "嘎查党群服务中心",
    point: tuple[float, float] | None = None,
    methods: tuple[str, ...] = (),
    auto: bool = False,
    window: str = "会前 30 分钟",
    audience: str | None = "全体党员",
) -> Meeting:
    """Drive /meeting like a secretary would, in Chinese; returns the new meeting."""
    chat = who.user.id
    await h.send(who.text("/meeting"))
    if org is not None:
        await tap(h, who, org)
    await tap(h, who, kind)
    if title is None:
        await tap(h, who, "用“")
    else:
        await h.send(who.text(title))
    await h.send(who.text(when))
    if venue is None:
        await tap(h, who, "跳过")
    else:
        await h.send(who.text(venue))
    assert isinstance(latest(h, chat).reply_markup, ReplyKeyboardMarkup)
    if point is None:
        await h.send(who.text("跳过"))
    else:
        await h.send(who.location(*point))
        await tap(h, who, "500 米")
    for method in methods:
        await tap(h, who, method)
    if auto:
        await tap(h, who, "自动通过")
    await tap(h, who, "下一步")
    await tap(h, who, window)
    if audience is not None:
        await tap(h, who, audience)
    assert "请核对" in (latest(h, chat).text or "")
    await tap(h, who, "确认安排")
    async with h.uow() as u:
        found = (await u.session.scalars(select(Meeting).order_by(Meeting.id.desc()))).first()
    assert found is not None
    return found


async def schedule_directly(
    h: Harness, tree: Tree, clock: FakeClock, **changes: Any
) -> meetings.MeetingNews:
    values: dict[str, Any] = {
        "org_id": tree.branch_a.id,
        "kind": MeetingKind.THEMED_PARTY_DAY,
        "title": "十一月主题党日",
        "starts_at": clock() + timedelta(days=2),
        "audience": Audience.BRANCH,
        "audience_org_id": tree.branch_a.id,
        "venue": "嘎查党群服务中心",
        "latitude": YURT[0],
        "longitude": YURT[1],
        "methods": ALL,
    }
    values.update(changes)
    secretary = await actor_of(h.uow, tree.secretary_a)
    async with h.uow() as u:
        return await meetings.schedule(
            u, secretary, meetings.MeetingSpec(**values), clock(), SHANGHAI, QUIET
        )


def admin(meeting_id: int, action: AdminAction) -> str:
    return MeetingAdminCB(meeting_id=meeting_id, action=action).pack()


# ----------------------------------------------------------------------------- scheduling


async def test_secretary_schedules_a_branch_meeting_and_everyone_is_invited(
    harness: Harness, clock: FakeClock
) -> None:
    tree = await build_tree(harness.uow)
    secretary = Secretary(SECRETARY_A, "书记甲")
    await harness.send(secretary.text("/meeting"))
    choice = latest(harness, SECRETARY_A)
    assert {t for t, _ in buttons(choice)} >= {"哈业胡同嘎查党支部", "第一党小组"}
    meeting = await schedule_in_chat(
        harness,
        secretary,
        org="哈业胡同嘎查党支部",
        point=YURT,
        methods=("签到码", "位置签到", "语音签到"),
        auto=True,
    )
    assert meeting.org_id == tree.branch_a.id
    assert meeting.kind is MeetingKind.THEMED_PARTY_DAY
    assert meeting.title == "十一月主题党日"
    assert meeting.starts_at == datetime(2026, 11, 25, 11, 30, tzinfo=UTC)  # 19:30 local
    assert meeting.venue == "嘎查党群服务中心"
    assert (meeting.latitude, meeting.longitude, meeting.radius_m) == (*YURT, 500)
    assert meeting.methods == ["code", "location", "tap", "voice"]
    assert meeting.voice_auto_approve is True
    assert (meeting.opens_before_min, meeting.closes_after_min) == (30, 30)
    assert (meeting.audience, meeting.audience_org_id) == (Audience.BRANCH, tree.branch_a.id)

    card = harness.session.of_type(EditMessageText)[-1]
    assert card.chat_id == SECRETARY_A
    assert meeting.code in card.text and "2026-11-25 19:30 (Asia/Shanghai)" in card.text
    assert "已邀请 3 人" in card.text and "已向 3 人发出" in card.text
    assert {t for t, _ in buttons(card)} >= {"📊 签到汇总", "🔢 签到码", "✖ 取消会议"}

    # invitations: the branch and its group, each in their own language; not branch B
    attend = InvitationCB(meeting_id=meeting.id, action=InvitationAction.ATTEND).pack()
    invited = {m.chat_id: m for m in harness.session.sent() if attend in dict(buttons(m)).values()}
    assert set(invited) == {SECRETARY_A, MEMBER_A, LEADER_A1}
    assert mongolian(invited[MEMBER_A].text)
    assert "会议通知" in (invited[LEADER_A1].text or "")  # no stored language: Chinese
    assert meeting.code not in (invited[MEMBER_A].text or "")
    sign_in_buttons = {d for _, d in buttons(invited[MEMBER_A])}
    code = InvitationCB(meeting_id=meeting.id, action=InvitationAction.CODE).pack()
    assert code in sign_in_buttons
    assert harness.session.sent(SECRETARY_B) == []
    async with harness.uow() as u:
        reminders = await u.meetings.reminders(meeting.id)
    assert len(reminders) == 2


async def test_committee_and_group_meetings_invite_only_them(
    harness: Harness, clock: FakeClock
) -> None:
    tree = await build_tree(harness.uow)
    async with harness.uow() as u:
        group = await u.organizations.get(tree.group_a1.id)
        assert group is not None
        await make_person(u, "Sarnai", 3003, [(group, Role.MEMBER)], language="en")
        await u.commit()
    secretary = Secretary(SECRETARY_A, "书记甲")
    attend = InvitationAction.ATTEND

    committee = await schedule_in_chat(
        harness,
        secretary,
        org="哈业胡同嘎查党支部",
        kind="支委会",
        title=None,  # one tap keeps the kind's name
        when="11-25 19:30",  # no year: this year
        venue=None,
        audience="支部委员会",
    )
    assert committee.title == "支委会" and committee.venue == ""
    assert committee.starts_at == datetime(2026, 11, 25, 11, 30, tzinfo=UTC)
    data = InvitationCB(meeting_id=committee.id, action=attend).pack()
    assert {m.chat_id for m in harness.session.sent() if data in dict(buttons(m)).values()} == {
        SECRETARY_A
    }

    branch_for_group = await schedule_in_chat(
        harness, secretary, org="哈业胡同嘎查党支部", audience="党小组：第一党小组"
    )
    data = InvitationCB(meeting_id=branch_for_group.id, action=attend).pack()
    invited = {m.chat_id: m for m in harness.session.sent() if data in dict(buttons(m)).values()}
    assert set(invited) == {LEADER_A1, 3003}
    assert "Meeting" in (invited[3003].text or "")

    # the group leader runs only their group: no organization or audience step
    leader = Secretary(LEADER_A1, "其其格")
    await harness.send(leader.text("/meeting"))
    kinds = {t for t, _ in buttons(latest(harness, LEADER_A1))}
    assert "党小组会" in kinds and "支委会" not in kinds
    group_meeting = await schedule_in_chat(harness, leader, kind="党小组会", audience=None)
    assert (group_meeting.org_id, group_meeting.audience) == (tree.group_a1.id, Audience.GROUP)
    data = InvitationCB(meeting_id=group_meeting.id, action=attend).pack()
    assert {m.chat_id for m in harness.session.sent() if data in dict(buttons(m)).values()} == {
        LEADER_A1,
        3003,
    }


async def test_bad_times_are_answered_and_can_be_retried(
    harness: Harness, clock: FakeClock
) -> None:
    await build_tree(harness.uow)
    secretary = Secretary(SECRETARY_A, "书记甲")
    await harness.send(secretary.text("/meeting"))
    await tap(harness, secretary, "哈业胡同嘎查党支部")
    await tap(harness, secretary, "党课")
    await harness.send(secretary.text("党的二十届四中全会精神"))
    assert "2026-11-22 19:30" in (latest(harness, SECRETARY_A).text or "")  # an example
    example = "2026-11-22 19:30"
    for typed, key, params in [
        ("明天 19:30", "meeting-error-when", {"example": example}),
        ("2026-02-30 10:00", "meeting-error-when", {"example": example}),
        ("2026-11-20 19:30", "meeting-error-past", {}),
        ("11-21 09:00", "meeting-error-past", {}),  # earlier today, not next year
        ("2028-01-01 10:00", "meeting-error-too-far", {}),
    ]:
        await harness.send(secretary.text(typed))
        assert latest(harness, SECRETARY_A).text == say(harness, key, **params), typed
    await harness.send(secretary.text("2026-11-26 15:00"))
    assert "地点" in (latest(harness, SECRETARY_A).text or "")
    await harness.send(secretary.text("党员活动室"))
    assert isinstance(latest(harness, SECRETARY_A).reply_markup, ReplyKeyboardMarkup)


def test_parse_when_formats() -> None:
    now = datetime(2026, 12, 20, 2, 0, tzinfo=UTC)
    assert parse_when("2027-01-05 08:00", SHANGHAI, now) == datetime(2027, 1, 5, 0, 0, tzinfo=UTC)
    assert parse_when("01-05 08:00", SHANGHAI, now) == datetime(2027, 1, 5, 0, 0, tzinfo=UTC)
    assert parse_when("12-25 19:30", SHANGHAI, now) == datetime(2026, 12, 25, 11, 30, tzinfo=UTC)
    assert parse_when("2026年12月25日 19：30", SHANGHAI, now) == datetime(
        2026, 12, 25, 11, 30, tzinfo=UTC
    )
    for bad in ["", "19:30", "2026-13-01 10:00", "12-25 25:00", "tomorrow 10:00", "12-25"]:
        assert parse_when(bad, SHANGHAI, now) is None, bad


async def test_cancel_and_abort_leave_the_flow(harness: Harness) -> None:
    await build_tree(harness.uow)
    secretary = Secretary(SECRETARY_A, "书记甲")
    await harness.send(secretary.text("/meeting"))
    await tap(harness, secretary, "哈业胡同嘎查党支部")
    await tap(harness, secretary, "党课")
    await harness.send(secretary.text("/cancel"))
    assert latest(harness, SECRETARY_A).text == say(harness, "flow-cancelled")
    await harness.send(secretary.text("这不是主题"))
    assert latest(harness, SECRETARY_A).text == say(harness, "fallback-unknown")

    # the location step's reply keyboard has a cancel button too
    await harness.send(secretary.text("/meeting"))
    await tap(harness, secretary, "哈业胡同嘎查党支部")
    await tap(harness, secretary, "党课")
    await tap(harness, secretary, "用“")
    await harness.send(secretary.text("11-26 10:00"))
    await tap(harness, secretary, "跳过")
    await harness.send(secretary.text("取消"))
    last = latest(harness, SECRETARY_A)
    assert last.text == say(harness, "flow-cancelled")
    assert isinstance(last.reply_markup, ReplyKeyboardRemove)

    # the inline stop button, and a button of the abandoned flow is stale afterwards
    await harness.send(secretary.text("/meeting"))
    org_button = button(latest(harness, SECRETARY_A), "哈业胡同嘎查党支部")
    await tap(harness, secretary, "不安排了")
    assert latest(harness, SECRETARY_A).text == say(harness, "flow-cancelled")
    harness.session.clear()
    await harness.send(secretary.press(org_button))
    assert alerts(harness)[-1].text == say(harness, "error-stale-button")
    async with harness.uow() as u:
        assert (await u.session.scalars(select(Meeting))).all() == []


async def test_methods_need_one_and_location_needs_a_point(harness: Harness) -> None:
    await build_tree(harness.uow)
    secretary = Secretary(SECRETARY_A, "书记甲")
    await harness.send(secretary.text("/meeting"))
    await tap(harness, secretary, "哈业胡同嘎查党支部")
    await tap(harness, secretary, "党课")
    await tap(harness, secretary, "用“")
    await harness.send(secretary.text("11-26 10:00"))
    await tap(harness, secretary, "跳过")
    await harness.send(secretary.text("跳过"))
    screen = latest(harness, SECRETARY_A)
    assert "位置签到" not in {t[2:].strip() for t, _ in buttons(screen)}  # no point, no toggle
    harness.session.clear()
    forged = ScheduleCB(step=Step.METHOD, value=SignInMethod.LOCATION.value).pack()
    await harness.send(secretary.press(forged))
    assert alerts(harness)[-1].text == say(harness, "meeting-error-location-needed")
    await tap_in(harness, secretary, screen, "点按签到")  # off: nothing left
    harness.session.clear()
    await tap_in(harness, secretary, screen, "下一步")
    assert alerts(harness)[-1].text == say(harness, "meeting-error-methods")


async def tap_in(h: Harness, who: FieldChatter, method: Any, contains: str) -> None:
    await h.send(who.press(button(method, contains)))


async def test_a_member_cannot_schedule_or_manage(harness: Harness) -> None:
    await build_tree(harness.uow)
    member = Secretary(MEMBER_A, "Bater", "mn")
    denied = say(harness, "error-access-denied", "mn")
    for command in ["/meeting", "/meetings"]:
        await harness.send(member.text(command))
        assert latest(harness, MEMBER_A).text == denied, command


async def test_invitations_at_night_arrive_silently_at_once(
    harness: Harness, clock: FakeClock
) -> None:
    """Scheduled at 22:00 for four days later: members get it now, without a ring."""
    await build_tree(harness.uow)
    clock.now = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)  # 22:00 in Shanghai
    secretary = Secretary(SECRETARY_A, "书记甲")
    meeting = await schedule_in_chat(harness, secretary, org="哈业胡同嘎查党支部")
    attend = InvitationCB(meeting_id=meeting.id, action=InvitationAction.ATTEND).pack()
    invitations = [m for m in harness.session.sent() if attend in dict(buttons(m)).values()]
    assert len(invitations) == 3 and all(m.disable_notification for m in invitations)
    assert "静音" in harness.session.of_type(EditMessageText)[-1].text

    clock.now = datetime(2026, 11, 21, 4, 0, tzinfo=UTC)  # 12:00: a normal ring
    daytime = await schedule_in_chat(harness, secretary, org="哈业胡同嘎查党支部")
    attend = InvitationCB(meeting_id=daytime.id, action=InvitationAction.ATTEND).pack()
    invitations = [m for m in harness.session.sent() if attend in dict(buttons(m)).values()]
    assert len(invitations) == 3 and not any(m.disable_notification for m in invitations)


# ----------------------------------------------------------------------------- /meetings


async def test_meetings_list_and_code(harness: Harness, clock: FakeClock) -> None:
    tree = await build_tree(harness.uow)
    news = await schedule_directly(harness, tree, clock)
    await schedule_directly(harness, tree, clock, kind=MeetingKind.OTHER, title="B的会议")
    secretary = Secretary(SECRETARY_A, "书记甲")
    await harness.send(secretary.text("/meetings"))
    screen = latest(harness, SECRETARY_A)
    assert "十一月主题党日" in (screen.text or "") and len(buttons(screen)) == 2
    await tap(harness, secretary, "十一月主题党日")
    opened = latest(harness, SECRETARY_A)
    assert news.meeting.code in (opened.text or "") and "已邀请 3 人" in (opened.text or "")
    await tap(harness, secretary, "签到码")
    assert news.meeting.code in (latest(harness, SECRETARY_A).text or "")
    await tap(harness, secretary, "返回")
    await tap(harness, secretary, "会议列表")
    assert len(buttons(latest(harness, SECRETARY_A))) == 2

    await harness.send(Secretary(SECRETARY_B, "书记乙", "en").text("/meetings"))
    assert latest(harness, SECRETARY_B).text == say(harness, "meetings-none", "en")


async def test_reschedule_moves_reminders_and_tells_invitees(
    harness: Harness, clock: FakeClock
) -> None:
    tree = await build_tree(harness.uow)
    news = await schedule_directly(harness, tree, clock)
    meeting_id = news.meeting.id
    async with harness.uow() as u:
        before = [r.due_at for r in await u.meetings.reminders(meeting_id)]
    secretary = Secretary(SECRETARY_A, "书记甲")
    await harness.send(secretary.press(admin(meeting_id, AdminAction.EDIT)))
    assert "2026-11-23 10:00" in (latest(harness, SECRETARY_A).text or "")
    await harness.send(secretary.text("2026-11-27 19:30"))
    await harness.send(secretary.text("新的活动室"))
    done = latest(harness, SECRETARY_A).text or ""
    assert done.startswith(say(harness, "meeting-edit-done", sent=3))
    async with harness.uow() as u:
        moved = await u.meetings.get(meeting_id)
        after = [r.due_at for r in await u.meetings.reminders(meeting_id)]
    assert moved is not None and moved.venue == "新的活动室"
    assert moved.starts_at == datetime(2026, 11, 27, 11, 30, tzinfo=UTC)
    assert after != before and after == [
        datetime(2026, 11, 26, 11, 30, tzinfo=UTC),
        datetime(2026, 11, 27, 10, 30, tzinfo=UTC),
    ]
    told = harness.session.sent(MEMBER_A)[-1]
    assert mongolian(told.text) and "2026-11-27 19:30" in (told.text or "")
    assert "新的活动室" in (told.text or "") and buttons(told)

    # keeping both answers that nothing changed
    harness.session.clear()
    await harness.send(secretary.press(admin(meeting_id, AdminAction.EDIT)))
    await tap(harness, secretary, "时间不变")
    await tap(harness, secretary, "地点不变")
    assert latest(harness, SECRETARY_A).text == say(harness, "meeting-edit-nothing")
    assert harness.session.sent(MEMBER_A) == []


async def test_cancel_tells_invitees_and_drops_reminders(
    harness: Harness, clock: FakeClock
) -> None:
    tree = await build_tree(harness.uow)
    news = await schedule_directly(harness, tree, clock)
    meeting_id = news.meeting.id
    secretary = Secretary(SECRETARY_A, "书记甲")
    await harness.send(secretary.press(admin(meeting_id, AdminAction.CANCEL)))
    assert "确定取消" in (latest(harness, SECRETARY_A).text or "")
    await tap(harness, secretary, "不取消")
    async with harness.uow() as u:
        kept = await u.meetings.get(meeting_id)
        assert kept is not None and kept.status is MeetingStatus.SCHEDULED
    await harness.send(secretary.press(admin(meeting_id, AdminAction.CANCEL)))
    await tap(harness, secretary, "确定取消会议")
    assert latest(harness, SECRETARY_A).text == say(
        harness, "meeting-cancelled-done", title="十一月主题党日", sent=3
    )
    told = harness.session.sent(MEMBER_A)[-1]
    assert mongolian(told.text) and "2026-11-23 10:00" in (told.text or "")
    async with harness.uow() as u:
        cancelled = await u.meetings.get(meeting_id)
        assert cancelled is not None and cancelled.status is MeetingStatus.CANCELLED
        assert list(await u.meetings.reminders(meeting_id)) == []
    harness.session.clear()
    await harness.send(secretary.press(admin(meeting_id, AdminAction.CANCEL_YES)))
    assert alerts(harness)[-1].text == say(harness, "meeting-error-cancelled")
    await harness.send(secretary.text("/meetings"))
    assert latest(harness, SECRETARY_A).text == say(harness, "meetings-none")


async def test_forged_callbacks_of_another_branch_change_nothing(
    harness: Harness, clock: FakeClock
) -> None:
    tree = await build_tree(harness.uow)
    news = await schedule_directly(harness, tree, clock)
    meeting_id = news.meeting.id
    clock.advance(days=2)  # the window is open
    async with harness.uow() as u:
        leave = await meetings.request_leave(u, tree.member_a.id, meeting_id, "放牧", clock())
    async with harness.uow() as u:
        signed = await meetings.sign_in_voice(
            u, tree.leader_a1.id, meeting_id, clock(), clock(), {"duration": 2}
        )
    intruder = Secretary(SECRETARY_B, "书记乙", "en")
    forged = [
        LeaveDecisionCB(invitation_id=leave.invitation.id, approve=True).pack(),
        VoiceReviewCB(attendance_id=signed.attendance.id, approve=False).pack(),
        *(admin(meeting_id, action) for action in AdminAction if action is not AdminAction.LIST),
        ScheduleCB(step=Step.CONFIRM).pack(),
    ]
    for data in forged:
        harness.session.clear()
        await harness.send(intruder.press(data))
        assert alerts(harness), data
        assert harness.session.of_type(EditMessageText) == [], data
        assert harness.session.sent() == [], data
    async with harness.uow() as u:
        meeting = await u.meetings.get(meeting_id)
        invitation = await u.meetings.invitation_by_id(leave.invitation.id)
        attendance = await u.meetings.attendance_by_id(signed.attendance.id)
    assert meeting is not None and meeting.status is MeetingStatus.SCHEDULED
    assert invitation is not None and invitation.response is InvitationResponse.LEAVE_REQUESTED
    assert attendance is not None and attendance.status is AttendanceStatus.PENDING_REVIEW


# ----------------------------------------------------------------------------- decisions


async def test_leave_approve_and_reject(harness: Harness, clock: FakeClock) -> None:
    tree = await build_tree(harness.uow)
    news = await schedule_directly(harness, tree, clock)
    meeting_id = news.meeting.id
    async with harness.uow() as u:
        bater = await meetings.request_leave(u, tree.member_a.id, meeting_id, "接羔", clock())
    async with harness.uow() as u:
        qiqige = await meetings.request_leave(u, tree.leader_a1.id, meeting_id, "看病", clock())
    assert {m.telegram_id for m in bater.managers} == {SECRETARY_A}

    text, markup = leave_request_notice(Translator(core_of(harness), "zh"), bater, SHANGHAI)
    assert "党员巴特尔" in text and "接羔" in text and "2026-11-23 10:00" in text
    approve = next(
        b.callback_data for row in markup.inline_keyboard for b in row if "准假" in b.text
    )
    assert approve == LeaveDecisionCB(invitation_id=bater.invitation.id, approve=True).pack()
    _, in_mongolian = leave_request_notice(Translator(core_of(harness), "mn"), bater)
    assert all(mongolian(b.text) for row in in_mongolian.inline_keyboard for b in row)

    secretary = Secretary(SECRETARY_A, "书记甲")
    await harness.send(secretary.press(approve))
    marked = harness.session.of_type(EditMessageText)[-1]
    assert "已准假" in marked.text and "党员巴特尔" in marked.text and "书记甲" in marked.text
    told = harness.session.sent(MEMBER_A)[-1]
    assert mongolian(told.text) and told.reply_markup is None

    reject = LeaveDecisionCB(invitation_id=qiqige.invitation.id, approve=False).pack()
    await harness.send(secretary.press(reject))
    assert "未准假" in harness.session.of_type(EditMessageText)[-1].text
    refused = harness.session.sent(LEADER_A1)[-1]
    assert "未获批准" in (refused.text or "") and buttons(refused)  # come after all: buttons

    harness.session.clear()
    await harness.send(secretary.press(approve))
    assert alerts(harness)[-1].text == say(harness, "leave-error-decided")
    async with harness.uow() as u:
        responses = {p.id: i.response for i, p in await u.meetings.invitees(meeting_id)}
    assert responses[tree.member_a.id] is InvitationResponse.LEAVE_APPROVED
    assert responses[tree.leader_a1.id] is InvitationResponse.LEAVE_REJECTED


async def test_voice_review_approve_reject_and_the_review_list(
    harness: Harness, clock: FakeClock
) -> None:
    tree = await build_tree(harness.uow)
    news = await schedule_directly(harness, tree, clock)
    meeting_id = news.meeting.id
    clock.advance(days=2, minutes=-10)  # inside the window
    evidence = {"file_id": "voice-1", "duration": 3.2, "transcript": "到"}
    async with harness.uow() as u:
        bater = await meetings.sign_in_voice(
            u, tree.member_a.id, meeting_id, clock(), clock(), evidence
        )
    async with harness.uow() as u:
        qiqige = await meetings.sign_in_voice(
            u, tree.leader_a1.id, meeting_id, clock(), clock(), {"file_id": "voice-2"}
        )
    assert {r.telegram_id for r in bater.reviewers} == {SECRETARY_A}
    text, markup = voice_review_notice(Translator(core_of(harness), "en"), bater, SHANGHAI)
    assert "党员巴特尔" in text and "3 s" in text and "到" in text

    secretary = Secretary(SECRETARY_A, "书记甲")
    await harness.send(secretary.press(admin(meeting_id, AdminAction.OPEN)))
    await tap(harness, secretary, "待审语音（2）")
    assert [v.voice for v in harness.session.of_type(SendVoice)] == ["voice-1", "voice-2"]
    notices = [m for m in harness.session.sent(SECRETARY_A) if "语音签到待审核" in (m.text or "")]
    assert len(notices) == 2

    await harness.send(secretary.press(button(notices[0], "通过")))
    assert "已通过" in harness.session.of_type(EditMessageText)[-1].text
    assert mongolian(harness.session.sent(MEMBER_A)[-1].text)
    await harness.send(secretary.press(button(notices[1], "不通过")))
    assert "未通过" in harness.session.of_type(EditMessageText)[-1].text
    rejected = harness.session.sent(LEADER_A1)[-1]
    assert "重新签到" in (rejected.text or "") and buttons(rejected)
    harness.session.clear()
    await harness.send(secretary.press(button(notices[0], "通过")))
    assert alerts(harness)[-1].text == say(harness, "signin-error-reviewed")
    async with harness.uow() as u:
        statuses = {a.person_id: a.status for a in await u.meetings.attendances(meeting_id)}
    assert statuses == {
        tree.member_a.id: AttendanceStatus.CONFIRMED,
        tree.leader_a1.id: AttendanceStatus.REJECTED,
    }
    assert markup.inline_keyboard and qiqige.attendance.id != bater.attendance.id


async def test_summary_counts_methods_proxy_leave_and_absent(
    harness: Harness, clock: FakeClock
) -> None:
    tree = await build_tree(harness.uow)
    async with harness.uow() as u:
        branch = await u.organizations.get(tree.branch_a.id)
        group = await u.organizations.get(tree.group_a1.id)
        assert branch is not None and group is not None
        herder = await make_person(u, "牧民乌力吉", None, [(group, Role.MEMBER)])
        late = await make_person(u, "迟到的人", 3005, [(branch, Role.MEMBER)], language="zh")
        away = await make_person(u, "外出的人", 3006, [(branch, Role.MEMBER)], language="zh")
        await u.commit()
    news = await schedule_directly(harness, tree, clock)
    meeting_id = news.meeting.id
    async with harness.uow() as u:
        await meetings.request_leave(u, away.id, meeting_id, "外出务工", clock())
    secretary_actor = await actor_of(harness.uow, tree.secretary_a)
    async with harness.uow() as u:
        invitation = await u.meetings.invitation(meeting_id, away.id)
        assert invitation is not None
        await meetings.decide_leave(u, secretary_actor, invitation.id, True, clock())
    clock.advance(days=2)
    async with harness.uow() as u:
        await meetings.sign_in_tap(u, tree.secretary_a.id, meeting_id, clock(), clock())
    async with harness.uow() as u:
        await meetings.sign_in_tap(u, tree.leader_a1.id, meeting_id, clock(), clock())
    leader_actor = await actor_of(harness.uow, tree.leader_a1)
    async with harness.uow() as u:
        await meetings.sign_in_proxy(u, leader_actor, meeting_id, herder.id, "没有手机", clock())
    async with harness.uow() as u:
        await meetings.sign_in_voice(u, tree.member_a.id, meeting_id, clock(), clock(), {})

    secretary = Secretary(SECRETARY_A, "书记甲")
    await harness.send(secretary.press(admin(meeting_id, AdminAction.SUMMARY)))
    text = latest(harness, SECRETARY_A).text or ""
    counts = say(harness, "summary-counts", invited=6, present=3, leave=1, pending=1, absent=1)
    assert counts in text
    assert "✅ 点按签到（2）：书记甲、小组长其其格" in text
    assert "✅ 代签（1）：牧民乌力吉（小组长其其格 代签）" in text
    assert "🙋 请假（1）：外出的人（外出务工）" in text
    assert "🎙 语音待审核（1）：党员巴特尔" in text
    assert "⏳ 尚未签到（1）：迟到的人" in text  # the window is still open
    assert "文字 0 字，照片 0 张" in text

    clock.advance(hours=1)  # the window has closed: not yet becomes absent
    await harness.send(secretary.press(admin(meeting_id, AdminAction.SUMMARY)))
    assert "❌ 未到且未请假（1）：迟到的人" in (latest(harness, SECRETARY_A).text or "")
    assert late.telegram_id == 3005


async def test_minutes_text_and_photos(harness: Harness, clock: FakeClock) -> None:
    tree = await build_tree(harness.uow)
    news = await schedule_directly(harness, tree, clock)
    meeting_id = news.meeting.id
    secretary = Secretary(SECRETARY_A, "书记甲")
    await harness.send(secretary.press(admin(meeting_id, AdminAction.MINUTES)))
    assert "会议记录" in (latest(harness, SECRETARY_A).text or "")
    await harness.send(secretary.text("学习了四中全会精神。"))
    assert latest(harness, SECRETARY_A).text == say(harness, "minutes-saved", chars=10, photos=0)
    await harness.send(secretary.photo("photo-1", caption="讨论了冬季防灾。"))
    await harness.send(secretary.photo("photo-2"))
    await harness.send(secretary.photo_less_sticker())
    assert latest(harness, SECRETARY_A).text == say(harness, "minutes-expected")
    await tap(harness, secretary, "完成")
    assert "照片 2 张" in (latest(harness, SECRETARY_A).text or "")
    async with harness.uow() as u:
        meeting = await u.meetings.get(meeting_id)
    assert meeting is not None
    assert meeting.minutes == "学习了四中全会精神。\n讨论了冬季防灾。"
    assert meeting.minutes_photos == ["photo-1", "photo-2"]
    await harness.send(secretary.text("之后的文字"))  # the flow is over
    assert latest(harness, SECRETARY_A).text == say(harness, "fallback-unknown")


# ----------------------------------------------------------------------------- reminders


async def test_reminder_sweep_sends_once_and_skips_leave_and_cancelled(
    harness: Harness, clock: FakeClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    tree = await build_tree(harness.uow)
    settings = Settings(_env_file=None, bot_token=TOKEN)
    news = await schedule_directly(harness, tree, clock)  # 11-23 10:00 local
    cancelled = await schedule_directly(harness, tree, clock, title="会被取消")
    async with harness.uow() as u:
        await meetings.request_leave(u, tree.member_a.id, news.meeting.id, "接羔", clock())
    secretary = await actor_of(harness.uow, tree.secretary_a)
    async with harness.uow() as u:
        invitation = await u.meetings.invitation(news.meeting.id, tree.member_a.id)
        assert invitation is not None
        await meetings.decide_leave(u, secretary, invitation.id, True, clock())
    async with harness.uow() as u:
        await meetings.cancel(u, secretary, cancelled.meeting.id, clock())

    sender = OutboxSender(
        harness.bot,
        session_factory,
        build_renderers(),
        core_of(harness),
        SenderConfig(chat_interval=0, poll_interval=0.01),
        clock=clock,
    )

    async def sweep() -> int:
        """Queue the due reminders, and send them as the outbox sender does."""
        queued = await send_due_meeting_reminders(
            session_factory, harness.bot, core_of(harness), settings, clock
        )
        await sender.run_until_idle()
        return queued

    harness.session.clear()
    assert await sweep() == 0  # nothing due yet
    clock.advance(days=1, minutes=1)  # past "one day before"
    assert await sweep() == 2
    reminded = {m.chat_id: m for m in harness.session.sent()}
    assert set(reminded) == {SECRETARY_A, LEADER_A1}  # not the member on leave
    text = reminded[LEADER_A1].text or ""
    assert "会议提醒" in text and "十一月主题党日" in text and "2026-11-23 10:00" in text
    attend = InvitationCB(meeting_id=news.meeting.id, action=InvitationAction.ATTEND).pack()
    assert attend in dict(buttons(reminded[LEADER_A1])).values()
    assert await sweep() == 0  # the same reminder is never sent twice
    clock.advance(hours=23)  # one hour before
    assert await sweep() == 2
