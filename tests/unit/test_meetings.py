"""Meeting and sign-in rules, on the real database."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.services import meetings
from bot.services.errors import AccessDenied, Conflict, InvalidInput
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, MeetingKind, Role, SignInMethod
from storage.models import Attendance, AttendanceStatus, InvitationResponse, MeetingReminder
from tests.factories import actor_of, build_tree, make_person

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
YURT = (43.9300, 116.0700)
ALL = frozenset({SignInMethod.TAP, SignInMethod.CODE, SignInMethod.LOCATION, SignInMethod.VOICE})


def spec(tree, starts_at: datetime, **changes) -> meetings.MeetingSpec:
    values = {
        "org_id": tree.branch_a.id,
        "kind": MeetingKind.THEMED_PARTY_DAY,
        "title": "十一月主题党日",
        "starts_at": starts_at,
        "audience": Audience.BRANCH,
        "audience_org_id": tree.branch_a.id,
        "venue": "嘎查党群服务中心",
        "latitude": YURT[0],
        "longitude": YURT[1],
        "radius_m": 500,
        "methods": ALL,
    }
    values.update(changes)
    return meetings.MeetingSpec(**values)


async def schedule(uow, tree, clock, **changes):
    secretary = await actor_of(uow, tree.secretary_a)
    starts = changes.pop("starts_at", clock() + timedelta(days=2))
    async with uow() as u:
        return await meetings.schedule(
            u, secretary, spec(tree, starts, **changes), clock(), SHANGHAI, QUIET
        )


async def test_branch_meeting_invites_the_branch_and_its_groups(uow, clock) -> None:
    tree = await build_tree(uow)
    news = await schedule(uow, tree, clock)
    invited = {r.telegram_id for r in news.recipients}
    assert invited == {2001, 3001, 3002}  # secretary, member, group leader; not branch B
    group = await schedule(
        uow,
        tree,
        clock,
        kind=MeetingKind.OTHER,
        audience=Audience.GROUP,
        audience_org_id=tree.group_a1.id,
    )
    assert {r.telegram_id for r in group.recipients} == {3002}
    committee = await schedule(uow, tree, clock, audience=Audience.COMMITTEE)
    assert {r.telegram_id for r in committee.recipients} == {2001}
    assert news.meeting.code.isdigit() and len(news.meeting.code) == 4


async def test_scheduling_is_checked(uow, clock) -> None:
    tree = await build_tree(uow)
    secretary_b = await actor_of(uow, tree.secretary_b)
    member = await actor_of(uow, tree.member_a)
    leader = await actor_of(uow, tree.leader_a1)
    starts = clock() + timedelta(days=1)
    async with uow() as u:
        with pytest.raises(AccessDenied):
            await meetings.schedule(u, secretary_b, spec(tree, starts), clock(), SHANGHAI, QUIET)
        with pytest.raises(AccessDenied):
            await meetings.schedule(u, member, spec(tree, starts), clock(), SHANGHAI, QUIET)
        with pytest.raises(AccessDenied):  # a group leader only runs their group
            await meetings.schedule(u, leader, spec(tree, starts), clock(), SHANGHAI, QUIET)
    group_meeting = spec(
        tree,
        starts,
        org_id=tree.group_a1.id,
        kind=MeetingKind.GROUP_MEETING,
        audience=Audience.GROUP,
        audience_org_id=tree.group_a1.id,
    )
    async with uow() as u:
        news = await meetings.schedule(u, leader, group_meeting, clock(), SHANGHAI, QUIET)
    assert {r.telegram_id for r in news.recipients} == {3002}
    bad = [
        ({"starts_at": clock() - timedelta(minutes=1)}, "meeting-error-past"),
        ({"methods": frozenset()}, "meeting-error-methods"),
        ({"latitude": None}, "meeting-error-location-needed"),
        ({"radius_m": 5}, "meeting-error-radius"),
        ({"title": "  "}, "meeting-error-title"),
        ({"kind": MeetingKind.GROUP_MEETING}, "meeting-error-kind"),
        ({"audience_org_id": tree.branch_b.id}, "meeting-error-audience"),
        ({"audience": Audience.GROUP}, "meeting-error-audience"),
    ]
    secretary = await actor_of(uow, tree.secretary_a)
    for changes, key in bad:
        values = {"starts_at": starts, **changes}
        async with uow() as u:
            with pytest.raises(InvalidInput) as error:
                await meetings.schedule(
                    u, secretary, spec(tree, **values), clock(), SHANGHAI, QUIET
                )
        assert error.value.key == key, changes


def test_reminders_move_out_of_quiet_hours_and_skip_the_past() -> None:
    starts = datetime(2026, 11, 22, 0, 0, tzinfo=UTC)  # 08:00 local on the 22nd
    early = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
    times = dict(meetings.reminder_times(starts, (24 * 60, 60), SHANGHAI, QUIET, early))
    # a day before = 08:00 on the 21st, outside quiet hours, unchanged;
    # an hour before = 07:00, inside them, so it moves to 21:29 the evening before
    assert times[24 * 60] == datetime(2026, 11, 21, 0, 0, tzinfo=UTC)
    assert times[60].astimezone(SHANGHAI) == datetime(2026, 11, 21, 21, 29, tzinfo=SHANGHAI)
    late = datetime(2026, 11, 21, 2, 0, tzinfo=UTC)  # 10:00 on the 21st: the first is past
    assert [
        o for o, _ in meetings.reminder_times(starts, (24 * 60, 60), SHANGHAI, QUIET, late)
    ] == [60]


async def test_tap_sign_in_once_within_the_window(uow, clock) -> None:
    tree = await build_tree(uow)
    news = await schedule(uow, tree, clock, starts_at=clock() + timedelta(minutes=20))
    member = tree.member_a.id
    async with uow() as u:
        signed = await meetings.sign_in_tap(u, member, news.meeting.id, clock(), clock())
    assert signed.attendance.status is AttendanceStatus.CONFIRMED
    async with uow() as u:
        with pytest.raises(Conflict) as again:
            await meetings.sign_in_tap(u, member, news.meeting.id, clock(), clock())
    assert again.value.key == "signin-error-already"
    early = await schedule(uow, tree, clock, starts_at=clock() + timedelta(hours=2))
    async with uow() as u:
        with pytest.raises(InvalidInput) as not_open:
            await meetings.sign_in_tap(u, member, early.meeting.id, clock(), clock())
    assert not_open.value.key == "signin-error-not-open"


async def test_a_late_delivered_voice_counts_by_its_send_time(uow, clock) -> None:
    tree = await build_tree(uow)
    news = await schedule(uow, tree, clock, starts_at=clock() + timedelta(minutes=10))
    sent = clock() + timedelta(minutes=30)  # inside the window (closes at +40)
    arrived = clock() + timedelta(hours=3)  # the valley had no signal
    async with uow() as u:
        signed = await meetings.sign_in_voice(
            u, tree.member_a.id, news.meeting.id, sent, arrived, {"file_id": "v1", "duration": 3}
        )
    assert signed.attendance.status is AttendanceStatus.PENDING_REVIEW
    assert signed.attendance.signed_at == sent and signed.attendance.recorded_at == arrived
    assert [r.telegram_id for r in signed.reviewers] == [2001]
    async with uow() as u:
        with pytest.raises(InvalidInput) as closed:
            await meetings.sign_in_voice(
                u, tree.leader_a1.id, news.meeting.id, clock() + timedelta(minutes=41), arrived, {}
            )
    assert closed.value.key == "signin-error-closed"
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        reviewed = await meetings.review_voice(u, secretary, signed.attendance.id, False, clock())
    assert reviewed.attendance.status is AttendanceStatus.REJECTED
    async with uow() as u:  # a rejected voice may be replaced by a new attempt
        again = await meetings.sign_in_tap(
            u, tree.member_a.id, news.meeting.id, clock() + timedelta(minutes=5), clock()
        )
    assert again.attendance.method is SignInMethod.TAP


async def test_location_geofence_forwarded_and_stale(uow, clock) -> None:
    tree = await build_tree(uow)
    news = await schedule(uow, tree, clock, starts_at=clock() + timedelta(minutes=5))
    mid = news.meeting.id
    far = (YURT[0] + 0.018, YURT[1])  # about 2 km north
    async with uow() as u:
        with pytest.raises(InvalidInput) as too_far:
            await meetings.sign_in_location(
                u, tree.member_a.id, mid, *far, clock(), clock(), False
            )
        assert too_far.value.key == "signin-error-too-far"
        assert 1900 < too_far.value.params["distance"] < 2100
        with pytest.raises(InvalidInput) as forwarded:
            await meetings.sign_in_location(
                u, tree.member_a.id, mid, *YURT, clock(), clock(), True
            )
        assert forwarded.value.key == "signin-error-forwarded"
        with pytest.raises(InvalidInput) as stale:
            await meetings.sign_in_location(
                u, tree.member_a.id, mid, *YURT, clock() - timedelta(minutes=6), clock(), False
            )
        assert stale.value.key == "signin-error-stale-location"
    near = (YURT[0] + 0.002, YURT[1])  # ~220 m
    async with uow() as u:
        signed = await meetings.sign_in_location(
            u, tree.member_a.id, mid, *near, clock(), clock(), False
        )
    assert 200 < signed.attendance.evidence["distance_m"] < 240


async def test_wrong_codes_are_limited(uow, clock) -> None:
    tree = await build_tree(uow)
    news = await schedule(uow, tree, clock, starts_at=clock() + timedelta(minutes=5))
    wrong = "0000" if news.meeting.code != "0000" else "1111"
    lefts = []
    for _ in range(meetings.CODE_ATTEMPTS):
        async with uow() as u:
            with pytest.raises(InvalidInput) as error:
                await meetings.sign_in_code(
                    u, tree.member_a.id, news.meeting.id, wrong, clock(), clock()
                )
        lefts.append(error.value.params.get("left", 0))
    assert lefts == [4, 3, 2, 1, 0]
    async with uow() as u:
        with pytest.raises(InvalidInput) as locked:
            await meetings.sign_in_code(
                u, tree.member_a.id, news.meeting.id, news.meeting.code, clock(), clock()
            )
    assert locked.value.key == "signin-error-code-locked"
    async with uow() as u:
        ok = await meetings.sign_in_code(
            u, tree.leader_a1.id, news.meeting.id, f" {news.meeting.code} ", clock(), clock()
        )
    assert ok.attendance.method is SignInMethod.CODE


async def test_not_invited_and_method_not_allowed(uow, clock) -> None:
    tree = await build_tree(uow)
    news = await schedule(
        uow,
        tree,
        clock,
        starts_at=clock() + timedelta(minutes=5),
        methods=frozenset({SignInMethod.CODE}),
    )
    async with uow() as u:
        with pytest.raises(AccessDenied):
            await meetings.sign_in_code(
                u, tree.secretary_b.id, news.meeting.id, "1234", clock(), clock()
            )
        with pytest.raises(InvalidInput) as method:
            await meetings.sign_in_tap(u, tree.member_a.id, news.meeting.id, clock(), clock())
    assert method.value.key == "signin-error-method"


async def test_proxy_by_the_group_leader_only_for_their_group(uow, clock) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        group = await u.organizations.get(tree.group_a1.id)
        assert group is not None
        neighbour = await make_person(u, "没有手机的老党员", None, [(group, Role.MEMBER)])
        await u.commit()
    news = await schedule(uow, tree, clock, starts_at=clock() + timedelta(minutes=5))
    leader = await actor_of(uow, tree.leader_a1)
    async with uow() as u:
        _, candidates = await meetings.proxy_candidates(u, leader, news.meeting.id)
    assert [p.id for p in candidates] == [neighbour.id]  # not the branch-level member
    async with uow() as u:
        with pytest.raises(AccessDenied):
            await meetings.sign_in_proxy(u, leader, news.meeting.id, tree.member_a.id, "", clock())
    async with uow() as u:
        signed = await meetings.sign_in_proxy(
            u, leader, news.meeting.id, neighbour.id, "在蒙古包里", clock()
        )
    assert signed.attendance.proxy_by_id == tree.leader_a1.id
    assert signed.attendance.method is SignInMethod.PROXY
    member = await actor_of(uow, tree.member_a)
    async with uow() as u:
        with pytest.raises(AccessDenied):
            await meetings.proxy_candidates(u, member, news.meeting.id)


async def test_leave_and_summary(uow, clock) -> None:
    tree = await build_tree(uow)
    news = await schedule(uow, tree, clock, starts_at=clock() + timedelta(minutes=5))
    mid = news.meeting.id
    async with uow() as u:
        leave = await meetings.request_leave(u, tree.leader_a1.id, mid, "  放牧走不开  ", clock())
    assert leave.invitation.leave_reason == "放牧走不开"
    assert [r.telegram_id for r in leave.managers] == [2001]
    secretary = await actor_of(uow, tree.secretary_a)
    secretary_b = await actor_of(uow, tree.secretary_b)
    async with uow() as u:
        with pytest.raises(AccessDenied):
            await meetings.decide_leave(u, secretary_b, leave.invitation.id, True, clock())
    async with uow() as u:
        decided = await meetings.decide_leave(u, secretary, leave.invitation.id, True, clock())
    assert decided.invitation.response is InvitationResponse.LEAVE_APPROVED
    async with uow() as u:
        with pytest.raises(Conflict):
            await meetings.decide_leave(u, secretary, leave.invitation.id, False, clock())
        await meetings.sign_in_tap(u, tree.member_a.id, mid, clock(), clock())
    async with uow() as u:
        result = await meetings.summary(u, secretary, mid)
    assert [p.id for p, _ in result.present] == [tree.member_a.id]
    assert [p.id for p, _ in result.on_leave] == [tree.leader_a1.id]
    assert [p.id for p in result.absent] == [tree.secretary_a.id]


async def test_reminders_follow_edits_fire_once_and_skip_leave(uow, clock) -> None:
    tree = await build_tree(uow)
    news = await schedule(uow, tree, clock, starts_at=clock() + timedelta(days=2))
    mid = news.meeting.id
    async with uow() as u:
        before = [r.due_at for r in await u.meetings.reminders(mid)]
    assert len(before) == 2
    secretary = await actor_of(uow, tree.secretary_a)
    new_start = clock() + timedelta(days=3)
    async with uow() as u:
        moved = await meetings.reschedule(
            u, secretary, mid, new_start, "新地点", clock(), SHANGHAI, QUIET
        )
    assert moved.meeting.venue == "新地点" and len(moved.recipients) == 3
    # the old map point went with the old venue: no location sign-in against it
    assert moved.meeting.latitude is None
    assert SignInMethod.LOCATION.value not in moved.meeting.methods
    assert SignInMethod.TAP.value in moved.meeting.methods
    async with uow() as u:
        after = [r.due_at for r in await u.meetings.reminders(mid)]
    assert all(a - b == timedelta(days=1) for a, b in zip(after, before, strict=True))

    async with uow() as u:
        leave = await meetings.request_leave(u, tree.leader_a1.id, mid, "生病", clock())
        await meetings.decide_leave(u, secretary, leave.invitation.id, True, clock())
    day_before = new_start - timedelta(days=1)
    async with uow() as u:
        due = await meetings.due_reminders(u, day_before)
    assert [d.minutes_before for d in due] == [24 * 60]
    assert {r.telegram_id for r in due[0].recipients} == {2001, 3001}
    async with uow() as u:
        assert await meetings.due_reminders(u, day_before) == []  # never twice

    async with uow() as u:
        await meetings.cancel(u, secretary, mid, clock())
    async with uow() as u:
        assert await meetings.due_reminders(u, new_start) == []
        unsent = await u.session.scalar(
            select(func.count(MeetingReminder.id)).where(MeetingReminder.sent_at.is_(None))
        )
    assert unsent == 0


async def test_two_racing_sign_ins_make_one_record(uow, clock, backend) -> None:
    tree = await build_tree(uow)
    news = await schedule(uow, tree, clock, starts_at=clock() + timedelta(minutes=5))

    async def tap() -> str:
        async with uow() as u:
            try:
                await meetings.sign_in_tap(u, tree.member_a.id, news.meeting.id, clock(), clock())
            except Conflict as exc:
                return exc.key
            return "ok"

    results = sorted(await asyncio.gather(tap(), tap()))
    assert results == ["ok", "signin-error-already"]
    async with uow() as u:
        count = await u.session.scalar(select(func.count(Attendance.id)))
    assert count == 1


async def test_open_meetings_and_history(uow, clock) -> None:
    tree = await build_tree(uow)
    now_meeting = await schedule(uow, tree, clock, starts_at=clock() + timedelta(minutes=10))
    await schedule(uow, tree, clock, starts_at=clock() + timedelta(days=1))
    async with uow() as u:
        open_now = await meetings.open_for(u, tree.member_a.id, clock())
        assert [m.id for m in open_now] == [now_meeting.meeting.id]
        assert await meetings.open_for(u, tree.secretary_b.id, clock()) == []
        await meetings.sign_in_tap(u, tree.member_a.id, now_meeting.meeting.id, clock(), clock())
    async with uow() as u:
        rows = await meetings.history(u, tree.member_a.id)
    assert len(rows) == 2 and rows[1][2] is not None and rows[0][2] is None


async def test_codes_typed_on_any_keyboard(uow, clock) -> None:
    tree = await build_tree(uow)
    news = await schedule(uow, tree, clock, starts_at=clock() + timedelta(minutes=5))
    code = news.meeting.code
    wide = code.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})  # １２３４
    mongolian = code.translate({ord(c): ord(c) - ord("0") + 0x1810 for c in "0123456789"})
    async with uow() as u:
        with pytest.raises(InvalidInput) as words:
            await meetings.sign_in_code(
                u, tree.leader_a1.id, news.meeting.id, "我忘了", clock(), clock()
            )
    assert words.value.key == "signin-error-code"  # a wrong code, counted, not a crash
    async with uow() as u:
        ok = await meetings.sign_in_code(
            u, tree.member_a.id, news.meeting.id, wide, clock(), clock()
        )
    assert ok.attendance.method is SignInMethod.CODE
    async with uow() as u:
        ok = await meetings.sign_in_code(
            u, tree.leader_a1.id, news.meeting.id, mongolian, clock(), clock()
        )
    assert ok.attendance.method is SignInMethod.CODE


async def test_nobody_decides_their_own_leave_or_voice(uow, clock) -> None:
    tree = await build_tree(uow)
    leader = await actor_of(uow, tree.leader_a1)
    async with uow() as u:
        news = await meetings.schedule(
            u,
            leader,
            spec(
                tree,
                clock() + timedelta(minutes=5),
                org_id=tree.group_a1.id,
                kind=MeetingKind.GROUP_MEETING,
                audience=Audience.GROUP,
                audience_org_id=tree.group_a1.id,
            ),
            clock(),
            SHANGHAI,
            QUIET,
        )
    async with uow() as u:
        leave = await meetings.request_leave(
            u, tree.leader_a1.id, news.meeting.id, "接羔", clock()
        )
    # the group leader is the one asking, so the branch secretary is told, not the leader
    assert [r.telegram_id for r in leave.managers] == [2001]
    async with uow() as u:
        with pytest.raises(AccessDenied) as own:
            await meetings.decide_leave(u, leader, leave.invitation.id, True, clock())
    assert own.value.key == "meeting-error-own-decision"
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        decided = await meetings.decide_leave(u, secretary, leave.invitation.id, True, clock())
    assert decided.approved


async def test_proxy_stays_inside_the_meetings_audience(uow, clock) -> None:
    """A member of group A1 who also belongs to branch B can't be signed into B's meeting by
    A1's group leader."""
    tree = await build_tree(uow)
    async with uow() as u:
        group = await u.organizations.get(tree.group_a1.id)
        branch_b = await u.organizations.get(tree.branch_b.id)
        assert group is not None and branch_b is not None
        mobile = await make_person(
            u, "流动党员", None, [(group, Role.MEMBER), (branch_b, Role.MEMBER)]
        )
        await u.commit()
    secretary_b = await actor_of(uow, tree.secretary_b)
    async with uow() as u:
        b_meeting = await meetings.schedule(
            u,
            secretary_b,
            spec(
                tree,
                clock() + timedelta(minutes=5),
                org_id=tree.branch_b.id,
                audience_org_id=tree.branch_b.id,
            ),
            clock(),
            SHANGHAI,
            QUIET,
        )
    leader = await actor_of(uow, tree.leader_a1)
    async with uow() as u:
        with pytest.raises(AccessDenied):
            await meetings.sign_in_proxy(u, leader, b_meeting.meeting.id, mobile.id, "", clock())


async def test_summary_keeps_undecided_leave_apart(uow, clock) -> None:
    tree = await build_tree(uow)
    news = await schedule(uow, tree, clock, starts_at=clock() + timedelta(minutes=5))
    async with uow() as u:
        await meetings.request_leave(u, tree.member_a.id, news.meeting.id, "看病", clock())
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        result = await meetings.summary(u, secretary, news.meeting.id)
    assert [p.id for p, _ in result.leave_pending] == [tree.member_a.id]
    assert tree.member_a.id not in {p.id for p in result.absent}


async def test_a_reminder_overdue_at_night_waits_for_the_morning(uow, clock) -> None:
    tree = await build_tree(uow)
    clock.now = datetime(2026, 11, 21, 4, 0, tzinfo=UTC)  # 12:00 local
    starts = datetime(2026, 11, 22, 11, 0, tzinfo=UTC)  # 19:00 local tomorrow
    news = await schedule(uow, tree, clock, starts_at=starts)
    night = datetime(2026, 11, 21, 15, 0, tzinfo=UTC)  # 23:00: the day-before one is overdue
    async with uow() as u:
        assert await meetings.due_reminders(u, night, QUIET, SHANGHAI) == []
    morning = datetime(2026, 11, 21, 23, 40, tzinfo=UTC)  # 07:40 local
    async with uow() as u:
        due = await meetings.due_reminders(u, morning, QUIET, SHANGHAI)
    assert [(d.meeting.id, d.minutes_before) for d in due] == [(news.meeting.id, 24 * 60)]
    early = await schedule(
        uow, tree, clock, starts_at=datetime(2026, 11, 21, 22, 0, tzinfo=UTC)
    )  # 06:00
    async with uow() as u:  # starts before the quiet hours end: no use waiting
        due = await meetings.due_reminders(u, night, QUIET, SHANGHAI)
    assert early.meeting.id in {d.meeting.id for d in due}


async def test_proxy_meetings_include_ones_the_proxy_is_not_invited_to(uow, clock) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        group = await u.organizations.get(tree.group_a1.id)
        assert group is not None
        await make_person(u, "老阿妈", None, [(group, Role.MEMBER)])
        await u.commit()
    leader = await actor_of(uow, tree.leader_a1)
    async with uow() as u:
        group_meeting = await meetings.schedule(
            u,
            leader,
            spec(
                tree,
                clock() + timedelta(minutes=5),
                org_id=tree.group_a1.id,
                kind=MeetingKind.GROUP_MEETING,
                audience=Audience.GROUP,
                audience_org_id=tree.group_a1.id,
            ),
            clock(),
            SHANGHAI,
            QUIET,
        )
    branch_meeting = await schedule(uow, tree, clock, starts_at=clock() + timedelta(minutes=10))
    later = await schedule(uow, tree, clock, starts_at=clock() + timedelta(hours=5))
    secretary = await actor_of(uow, tree.secretary_a)  # not invited to the group's meeting
    async with uow() as u:
        ids = [m.id for m in await meetings.proxy_meetings(u, secretary, clock())]
    assert group_meeting.meeting.id in ids and later.meeting.id not in ids
    async with uow() as u:  # the group leader also helps at the branch meeting
        ids = [m.id for m in await meetings.proxy_meetings(u, leader, clock())]
    assert {group_meeting.meeting.id, branch_meeting.meeting.id} <= set(ids)
    secretary_b = await actor_of(uow, tree.secretary_b)
    async with uow() as u:
        assert await meetings.proxy_meetings(u, secretary_b, clock()) == []


def test_voice_auto_approval_is_a_branch_setting() -> None:
    from storage.models import Organization

    assert meetings.voice_auto_approve_default(Organization(settings={})) is False
    branch = Organization(settings={meetings.VOICE_AUTO_APPROVE_SETTING: True})
    assert meetings.voice_auto_approve_default(branch) is True


async def test_branch_settings_are_checked(uow, clock) -> None:
    from bot.services import organizations

    tree = await build_tree(uow)
    secretary, secretary_b = (
        await actor_of(uow, tree.secretary_a),
        await actor_of(uow, tree.secretary_b),
    )
    async with uow() as u:
        with pytest.raises(AccessDenied):
            await organizations.set_setting(
                u, secretary_b, tree.branch_a.id, "voice_auto_approve", True
            )
        with pytest.raises(InvalidInput):
            await organizations.set_setting(u, secretary, tree.branch_a.id, "colour", "red")
        with pytest.raises(InvalidInput):
            await organizations.set_setting(
                u, secretary, tree.branch_a.id, "voice_auto_approve", "yes"
            )
    async with uow() as u:
        org = await organizations.set_setting(
            u, secretary, tree.branch_a.id, "voice_auto_approve", True
        )
    assert meetings.voice_auto_approve_default(org) is True
