"""Meeting-deadline rules on the real database with a fake clock: months, quarters and years
judged in Asia/Shanghai (a meeting late on the 30th local is November's even though its UTC
day differs), held vs scheduled vs cancelled vs no confirmed sign-in, group meetings per
group, a committee's override for its subtree only, the reminders exactly once (nearest
offset after downtime, skipped past the grace, quiet hours in the branch's zone), the missed
report to the right committee's admins once, a race lost cleanly, the renderers, and a
statement count that does not grow with the number of branches."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, select, update

from bot.config import Settings
from bot.i18n import Translator, load_core
from bot.reminders.deadlines import run_deadline_sweeps
from bot.renderers.deadlines import RENDERERS, period_name
from bot.services import deadlines
from bot.services.deadlines import (
    DEFAULT_FREQUENCIES,
    Status,
    SweepRules,
    inherit,
    period_of_label,
)
from bot.services.errors import AccessDenied, NotFound
from bot.services.organizations import FREQUENCIES_SETTING
from bot.services.periods import Frequency
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, Level, MeetingKind, Role, SignInMethod
from storage.models import (
    Attendance,
    AttendanceStatus,
    Broadcast,
    BroadcastKind,
    Delivery,
    Meeting,
    MeetingStatus,
    Organization,
    ReminderMark,
)
from storage.uow import UnitOfWork
from tests.factories import T0, Tree, actor_of, build_tree, make_org, make_person

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
RULES = SweepRules(
    default_zone=SHANGHAI,
    quiet=QUIET,
    reminder_days={"monthly": [5], "quarterly": [14], "yearly": [30]},
    grace=timedelta(hours=72),
)
Uow = Callable[[], UnitOfWork]


def local(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, zone: ZoneInfo = SHANGHAI
) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=zone)


async def add_meeting(
    uow: Uow,
    org: Organization,
    kind: MeetingKind,
    starts_at: datetime,
    *,
    signed_in: AttendanceStatus | None = AttendanceStatus.CONFIRMED,
    person_id: int | None = None,
    cancelled: bool = False,
) -> int:
    """A meeting as the meetings feature leaves it, with one sign-in of `signed_in`."""
    async with uow() as u:
        meeting = Meeting(
            org_id=org.id,
            kind=kind,
            title=kind.value,
            starts_at=starts_at,
            audience=Audience.BRANCH,
            audience_org_id=org.id,
            code="1234",
            methods=[SignInMethod.TAP.value],
            reminder_minutes=[],
            status=MeetingStatus.CANCELLED if cancelled else MeetingStatus.SCHEDULED,
            created_at=T0,
            updated_at=T0,
        )
        u.session.add(meeting)
        await u.session.flush()
        if signed_in is not None:
            if person_id is None:
                person_id = (await make_person(u, f"签到人{meeting.id}")).id
            u.session.add(
                Attendance(
                    meeting_id=meeting.id,
                    person_id=person_id,
                    method=SignInMethod.TAP,
                    signed_at=starts_at,
                    recorded_at=starts_at,
                    status=signed_in,
                )
            )
        await u.commit()
        return meeting.id


async def status_of(
    uow: Uow, tree: Tree, branch: Organization, now: datetime
) -> dict[MeetingKind, deadlines.KindState]:
    admin = await actor_of(uow, tree.admin)
    async with uow() as u:
        result = await deadlines.branch_status(u, admin, branch.id, now, SHANGHAI)
    return {state.kind: state for state in result.kinds}


async def sweep(uow: Uow, now: datetime, rules: SweepRules = RULES) -> dict[str, int]:
    async with uow() as u:
        return (await deadlines.sweep(u, now, rules)).as_dict()


async def broadcasts(uow: Uow, kind: BroadcastKind) -> list[Broadcast]:
    async with uow() as u:
        rows = await u.session.scalars(
            select(Broadcast).where(Broadcast.kind == kind).order_by(Broadcast.id)
        )
        return list(rows.all())


async def recipients(uow: Uow, broadcast: Broadcast) -> set[int]:
    async with uow() as u:
        rows = await u.session.scalars(
            select(Delivery.person_id).where(Delivery.broadcast_id == broadcast.id)
        )
        return set(rows.all())


async def founded(uow: Uow, when: datetime, *orgs: Organization) -> None:
    """Date the organizations' creation (all of them when none is named): the factories
    create everything on Nov 1 UTC, after November began in Shanghai."""
    query = update(Organization).values(created_at=when)
    if orgs:
        query = query.where(Organization.id.in_([o.id for o in orgs]))
    async with uow() as u:
        await u.session.execute(query)
        await u.commit()


async def marks(uow: Uow) -> dict[str, bool]:
    async with uow() as u:
        rows = await u.session.execute(select(ReminderMark.key, ReminderMark.skipped))
        return {str(row[0]): bool(row[1]) for row in rows}


# ----------------------------------------------------------------------------- pure rules


def test_labels_give_back_their_periods() -> None:
    for label in ("2026-11", "2026-01", "2026-Q4", "2026-Q1", "2026"):
        assert period_of_label(label).label == label
    assert period_of_label("2026-Q4").frequency is Frequency.QUARTERLY


def test_the_nearest_setting_wins_kind_by_kind() -> None:
    above = inherit(DEFAULT_FREQUENCIES, {FREQUENCIES_SETTING: {"party_lecture": "yearly"}})
    below = inherit(above, {FREQUENCIES_SETTING: {"general_meeting": "monthly", "bad": "x"}})
    assert below[MeetingKind.PARTY_LECTURE] is Frequency.YEARLY
    assert below[MeetingKind.GENERAL_MEETING] is Frequency.MONTHLY
    assert below[MeetingKind.COMMITTEE_MEETING] is Frequency.MONTHLY
    assert inherit(above, {}) is above  # nothing set: the subtree shares one map


# ----------------------------------------------------------------------------- periods


async def test_a_late_evening_on_the_30th_is_november_and_just_after_midnight_december(
    uow,
) -> None:
    tree = await build_tree(uow)
    kind = MeetingKind.COMMITTEE_MEETING
    # 23:30 on Nov 30 in Shanghai is 15:30 UTC; 00:30 on Dec 1 is still Nov 30 in UTC.
    late = await add_meeting(uow, tree.branch_a, kind, local(2026, 11, 30, 23, 30))
    early = local(2026, 12, 1, 0, 30)
    assert early.astimezone(UTC).day == 30
    await add_meeting(uow, tree.branch_b, kind, early)

    before_midnight = local(2026, 11, 30, 23, 50)
    a = (await status_of(uow, tree, tree.branch_a, before_midnight))[kind]
    b = (await status_of(uow, tree, tree.branch_b, before_midnight))[kind]
    assert a.period.label == "2026-11" and a.status is Status.HELD
    assert a.at == local(2026, 11, 30, 23, 30)
    assert b.status is Status.MISSING  # its meeting is December's, however UTC dates it

    after_midnight = local(2026, 12, 1, 1, 0)
    a = (await status_of(uow, tree, tree.branch_a, after_midnight))[kind]
    b = (await status_of(uow, tree, tree.branch_b, after_midnight))[kind]
    assert a.period.label == "2026-12" and a.status is Status.MISSING
    assert b.status is Status.HELD
    assert late  # November's meeting stays November's


async def test_quarters_run_october_to_december_from_local_midnight(uow, clock) -> None:
    tree = await build_tree(uow)
    kind = MeetingKind.GENERAL_MEETING
    await add_meeting(uow, tree.branch_a, kind, local(2026, 10, 1, 0, 10))  # Sep 30 in UTC
    await add_meeting(uow, tree.branch_b, kind, local(2026, 9, 30, 23, 50))  # still Q3
    a = (await status_of(uow, tree, tree.branch_a, clock()))[kind]
    b = (await status_of(uow, tree, tree.branch_b, clock()))[kind]
    assert a.period.label == "2026-Q4" and a.status is Status.HELD
    assert b.period.label == "2026-Q4" and b.status is Status.MISSING
    assert (a.period.start_day().isoformat(), a.period.end_day().isoformat()) == (
        "2026-10-01",
        "2026-12-31",
    )


async def test_the_year_turns_at_local_midnight(uow) -> None:
    tree = await build_tree(uow)
    kind = MeetingKind.ORGANIZATIONAL_LIFE
    await add_meeting(uow, tree.branch_a, kind, local(2026, 12, 31, 23, 30))
    await add_meeting(uow, tree.branch_b, kind, local(2027, 1, 1, 0, 30))  # Dec 31 in UTC
    new_year = local(2027, 1, 1, 9, 0)
    a = (await status_of(uow, tree, tree.branch_a, new_year))[kind]
    b = (await status_of(uow, tree, tree.branch_b, new_year))[kind]
    assert a.period.label == "2027" and a.status is Status.MISSING
    assert b.period.label == "2027" and b.status is Status.HELD
    old_year = (await status_of(uow, tree, tree.branch_a, local(2026, 12, 31, 23, 59)))[kind]
    assert old_year.period.label == "2026" and old_year.status is Status.HELD


# ----------------------------------------------------------------------------- held or not


async def test_held_scheduled_cancelled_and_unconfirmed(uow, clock) -> None:
    tree = await build_tree(uow)
    a = tree.branch_a
    await add_meeting(uow, a, MeetingKind.COMMITTEE_MEETING, local(2026, 11, 5, 9, 0))
    await add_meeting(uow, a, MeetingKind.THEMED_PARTY_DAY, local(2026, 11, 28, 9, 0))
    await add_meeting(
        uow, a, MeetingKind.GENERAL_MEETING, local(2026, 11, 6, 9, 0), cancelled=True
    )
    await add_meeting(
        uow,
        a,
        MeetingKind.PARTY_LECTURE,
        local(2026, 11, 7, 9, 0),
        signed_in=AttendanceStatus.PENDING_REVIEW,
    )
    await add_meeting(
        uow, a, MeetingKind.ORGANIZATIONAL_LIFE, local(2026, 11, 8, 9, 0), signed_in=None
    )
    found = await status_of(uow, tree, a, clock())
    assert found[MeetingKind.COMMITTEE_MEETING].status is Status.HELD
    assert found[MeetingKind.THEMED_PARTY_DAY].status is Status.SCHEDULED
    assert found[MeetingKind.THEMED_PARTY_DAY].at == local(2026, 11, 28, 9, 0)
    for kind in (
        MeetingKind.GENERAL_MEETING,  # cancelled
        MeetingKind.PARTY_LECTURE,  # a sign-in still waiting for review
        MeetingKind.ORGANIZATIONAL_LIFE,  # nobody signed in
        MeetingKind.DEMOCRATIC_REVIEW,
    ):
        assert found[kind].status is Status.MISSING, kind
    assert MeetingKind.OTHER not in found


async def test_every_party_group_must_hold_its_own_meeting(uow, clock) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        group_a2 = await make_org(u, "BA-G2", Level.GROUP, tree.branch_a, name="第二党小组")
        await u.commit()
    kind = MeetingKind.GROUP_MEETING
    await add_meeting(uow, tree.group_a1, kind, local(2026, 11, 10, 19, 0))
    await add_meeting(uow, tree.branch_a, kind, local(2026, 11, 11, 19, 0))  # not a group's
    state = (await status_of(uow, tree, tree.branch_a, clock()))[kind]
    assert state.status is Status.MISSING
    assert [(g.name, g.status) for g in state.groups] == [
        ("第一党小组", Status.HELD),
        ("第二党小组", Status.MISSING),
    ]
    await add_meeting(uow, group_a2, kind, local(2026, 11, 26, 19, 0))
    state = (await status_of(uow, tree, tree.branch_a, clock()))[kind]
    assert state.status is Status.SCHEDULED
    # a branch without groups has no group requirement
    assert kind not in await status_of(uow, tree, tree.branch_b, clock())


# ----------------------------------------------------------------------------- frequencies


async def sub_committee(uow: Uow, tree: Tree) -> tuple[Organization, Organization, Any]:
    """C1 ── C2 (its own admin) ── branch X."""
    async with uow() as u:
        c2 = await make_org(u, "C2", Level.COMMITTEE, tree.committee, name="街道党工委")
        x = await make_org(u, "BX", Level.BRANCH, c2, name="X社区党支部")
        admin2 = await make_person(u, "街道管理员", 1002, [(c2, Role.ADMIN)], language="zh")
        await make_person(u, "书记X", 2009, [(x, Role.SECRETARY)], language="zh")
        await u.commit()
    return c2, x, admin2


async def test_a_committee_override_applies_to_its_subtree_only(uow, clock) -> None:
    tree = await build_tree(uow)
    c2, x, admin2 = await sub_committee(uow, tree)
    actor = await actor_of(uow, admin2)
    async with uow() as u:
        saved = await deadlines.set_frequency(
            u, actor, c2.id, MeetingKind.PARTY_LECTURE, Frequency.YEARLY
        )
    assert saved.effective(MeetingKind.PARTY_LECTURE) is Frequency.YEARLY
    assert saved.inherited[MeetingKind.PARTY_LECTURE] is Frequency.QUARTERLY
    lecture = MeetingKind.PARTY_LECTURE
    assert (await status_of(uow, tree, x, clock()))[lecture].period.label == "2026"
    assert (await status_of(uow, tree, tree.branch_a, clock()))[lecture].period.label == (
        "2026-Q4"
    )
    # the root committee sets it for everyone, but C2's own setting stays nearer to X
    root = await actor_of(uow, tree.admin)
    async with uow() as u:
        await deadlines.set_frequency(u, root, tree.committee.id, lecture, Frequency.MONTHLY)
    assert (await status_of(uow, tree, x, clock()))[lecture].period.label == "2026"
    assert (await status_of(uow, tree, tree.branch_a, clock()))[lecture].period.label == (
        "2026-11"
    )
    async with uow() as u:
        back = await deadlines.reset_frequencies(u, actor, c2.id)
        stored = await u.organizations.get(c2.id)
    assert back.own == {} and back.effective(lecture) is Frequency.MONTHLY
    assert stored is not None and FREQUENCIES_SETTING not in stored.settings


async def test_only_the_committees_admins_set_frequencies(uow) -> None:
    tree = await build_tree(uow)
    c2, _, admin2 = await sub_committee(uow, tree)
    for person, target in (
        (tree.secretary_a, tree.committee.id),  # a secretary
        (admin2, tree.committee.id),  # the admin of the committee below
    ):
        actor = await actor_of(uow, person)
        async with uow() as u:
            with pytest.raises(AccessDenied):
                await deadlines.set_frequency(
                    u, actor, target, MeetingKind.PARTY_LECTURE, Frequency.NONE
                )
    admin = await actor_of(uow, tree.admin)
    async with uow() as u:
        with pytest.raises(NotFound):  # a branch is not a committee
            await deadlines.set_frequency(
                u, admin, tree.branch_a.id, MeetingKind.PARTY_LECTURE, Frequency.NONE
            )
    async with uow() as u:
        for org_id in (tree.committee.id, c2.id, tree.branch_a.id):
            org = await u.organizations.get(org_id)
            assert org is not None and FREQUENCIES_SETTING not in org.settings


# ----------------------------------------------------------------------------- reminders


async def test_reminders_once_listing_what_is_missing(uow) -> None:
    tree = await build_tree(uow)
    due = local(2026, 11, 25, 9, 0)  # 5 days before the end of November
    # branch B holds both of its monthly meetings; branch A only the committee meeting
    for kind in (MeetingKind.COMMITTEE_MEETING, MeetingKind.THEMED_PARTY_DAY):
        await add_meeting(uow, tree.branch_b, kind, local(2026, 11, 3, 9, 0))
    await add_meeting(uow, tree.branch_a, MeetingKind.COMMITTEE_MEETING, local(2026, 11, 3))
    assert (await sweep(uow, due - timedelta(minutes=1)))["reminders"] == 0
    assert await broadcasts(uow, BroadcastKind.DEADLINE_REMINDER) == []

    assert (await sweep(uow, due + timedelta(minutes=5)))["reminders"] == 1
    assert (await sweep(uow, due + timedelta(minutes=15)))["reminders"] == 0
    (reminder,) = await broadcasts(uow, BroadcastKind.DEADLINE_REMINDER)
    assert reminder.org_id == tree.branch_a.id
    assert reminder.dedupe_key == f"deadline-remind:{tree.branch_a.id}:2026-11:5"
    assert reminder.payload == {
        "branch": tree.branch_a.name,
        "period": "2026-11",
        "deadline": "2026-11-30",
        "days": 5,
        "missing": [
            {"kind": "group_meeting", "groups": ["第一党小组"]},
            {"kind": "themed_party_day", "groups": []},
        ],
    }
    assert await recipients(uow, reminder) == {tree.secretary_a.id}
    assert reminder.not_before == due + timedelta(minutes=5)
    # branch B had nothing missing: marked all the same, so later sweeps skip it
    assert f"deadline-remind:{tree.branch_b.id}:2026-11:5" in await marks(uow)


async def test_after_downtime_only_the_nearest_offset_is_sent(uow) -> None:
    tree = await build_tree(uow)
    rules = SweepRules(SHANGHAI, QUIET, {"monthly": [10, 5]}, timedelta(hours=72))
    now = local(2026, 11, 26, 10, 0)  # both the 20th and the 25th came due while down
    assert (await sweep(uow, now, rules))["reminders"] == 2
    keys = {b.dedupe_key for b in await broadcasts(uow, BroadcastKind.DEADLINE_REMINDER)}
    assert keys == {
        f"deadline-remind:{tree.branch_a.id}:2026-11:5",
        f"deadline-remind:{tree.branch_b.id}:2026-11:5",
    }
    assert (await sweep(uow, now + timedelta(hours=1), rules))["reminders"] == 0


async def test_a_reminder_later_than_the_grace_is_marked_skipped(uow) -> None:
    tree = await build_tree(uow)
    late = local(2026, 11, 28, 9, 30)  # the 25th 09:00 reminder is 72.5 hours late
    done = await sweep(uow, late)
    assert (done["reminders"], done["skipped"]) == (0, 2)
    assert await broadcasts(uow, BroadcastKind.DEADLINE_REMINDER) == []
    assert (await marks(uow))[f"deadline-remind:{tree.branch_a.id}:2026-11:5"] is True
    assert await sweep(uow, late + timedelta(minutes=10)) == {
        "reminders": 0,
        "reports": 0,
        "skipped": 0,
    }


async def test_quiet_hours_hold_a_reminder_in_the_branchs_own_zone(uow) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        branch_b = await u.organizations.get(tree.branch_b.id)
        assert branch_b is not None
        branch_b.timezone = "America/New_York"
        await u.commit()
    # 04:00 UTC on Nov 26: noon in Shanghai, 23:00 of Nov 25 in New York. Both reminders
    # came due on the 25th at 09:00 local and are within the grace.
    now = datetime(2026, 11, 26, 4, 0, tzinfo=UTC)
    assert (await sweep(uow, now))["reminders"] == 2
    by_branch = {b.org_id: b for b in await broadcasts(uow, BroadcastKind.DEADLINE_REMINDER)}
    assert by_branch[tree.branch_a.id].not_before == now
    assert by_branch[tree.branch_b.id].not_before == local(
        2026, 11, 26, 7, 30, zone=ZoneInfo("America/New_York")
    )
    assert by_branch[tree.branch_b.id].payload["days"] == 5


# ----------------------------------------------------------------------------- reports


async def test_the_missed_report_goes_to_the_nearest_committee_with_admins_once(uow) -> None:
    tree = await build_tree(uow)
    c2, x, admin2 = await sub_committee(uow, tree)
    async with uow() as u:  # a committee without admins: its branch goes to C1's report
        c3 = await make_org(u, "C3", Level.COMMITTEE, tree.committee, name="无人管理的党委")
        await make_org(u, "BY", Level.BRANCH, c3, name="Y嘎查党支部")
        await u.commit()
    for kind in (MeetingKind.COMMITTEE_MEETING, MeetingKind.THEMED_PARTY_DAY):
        await add_meeting(uow, tree.branch_b, kind, local(2026, 11, 12, 9, 0))
    await add_meeting(uow, tree.branch_a, MeetingKind.COMMITTEE_MEETING, local(2026, 11, 12))
    await add_meeting(  # scheduled, but nobody signed in: missed
        uow, tree.branch_a, MeetingKind.THEMED_PARTY_DAY, local(2026, 11, 20), signed_in=None
    )
    await add_meeting(uow, tree.group_a1, MeetingKind.GROUP_MEETING, local(2026, 11, 12))
    await founded(uow, local(2024, 12, 1))  # the whole tree existed before 2025

    # Q3 and 2025 ended long ago (a first sweep reports them); November's report waits
    # for 09:00 on the 1st
    assert (await sweep(uow, local(2026, 12, 1, 8, 55)))["reports"] == 4
    assert {b.payload["period"] for b in await broadcasts(uow, BroadcastKind.DEADLINE_MISSED)} == {
        "2026-Q3",
        "2025",
    }
    assert (await sweep(uow, local(2026, 12, 1, 9, 30)))["reports"] == 2
    assert (await sweep(uow, local(2026, 12, 1, 9, 40)))["reports"] == 0
    reports = {
        (b.org_id, b.payload["period"]): b
        for b in await broadcasts(uow, BroadcastKind.DEADLINE_MISSED)
    }
    assert set(reports) == {
        (tree.committee.id, label) for label in ("2026-11", "2026-Q3", "2025")
    } | {(c2.id, label) for label in ("2026-11", "2026-Q3", "2025")}
    november = reports[(tree.committee.id, "2026-11")]
    assert november.dedupe_key == f"deadline-missed:{tree.committee.id}:2026-11"
    assert november.payload["total"] == 3  # A, B and Y; X reports to C2
    assert november.payload["branches"] == [
        {"name": tree.branch_a.name, "missed": [{"kind": "themed_party_day", "groups": []}]},
        {
            "name": "Y嘎查党支部",
            "missed": [
                {"kind": "committee_meeting", "groups": []},
                {"kind": "themed_party_day", "groups": []},
            ],
        },
    ]
    assert await recipients(uow, november) == {tree.admin.id}
    assert await recipients(uow, reports[(c2.id, "2026-11")]) == {admin2.id}
    assert [b["name"] for b in reports[(c2.id, "2026-11")].payload["branches"]] == [x.name]


async def test_no_report_of_older_periods_nor_when_nothing_was_missed(uow) -> None:
    tree = await build_tree(uow)
    for branch in (tree.branch_a, tree.branch_b):
        for kind in (MeetingKind.COMMITTEE_MEETING, MeetingKind.THEMED_PARTY_DAY):
            await add_meeting(uow, branch, kind, local(2027, 1, 5, 9, 0))
    await add_meeting(uow, tree.group_a1, MeetingKind.GROUP_MEETING, local(2027, 1, 5))
    await founded(uow, local(2025, 12, 1))
    rules = SweepRules(SHANGHAI, QUIET, {}, timedelta(hours=72))
    # February 2027: January is reported (nothing missed: marked, no message); December,
    # a period before the one that just ended, is not
    assert (await sweep(uow, local(2027, 2, 1, 10, 0), rules))["reports"] == 2  # Q4, 2026
    labels = {b.payload["period"] for b in await broadcasts(uow, BroadcastKind.DEADLINE_MISSED)}
    assert labels == {"2026-Q4", "2026"}
    assert f"deadline-missed:{tree.committee.id}:2027-01" in await marks(uow)
    assert f"deadline-missed:{tree.committee.id}:2026-12" not in await marks(uow)


async def test_a_branch_is_reported_only_for_periods_it_existed_in_from_their_start(
    uow, clock
) -> None:
    tree = await build_tree(uow)
    # a fresh install: the organizations were entered today, November 21
    await founded(uow, clock())
    assert (await sweep(uow, clock()))["reports"] == 0  # not for October, Q3 or 2025
    assert await broadcasts(uow, BroadcastKind.DEADLINE_MISSED) == []
    assert f"deadline-missed:{tree.committee.id}:2025" in await marks(uow)

    # on December 1st, November began before branch A existed: only B is judged, and
    # not for the meetings of a party group it set up on the 20th
    await founded(uow, local(2026, 10, 31, 23, 59), tree.branch_b)
    async with uow() as u:
        group = await make_org(u, "BB-G1", Level.GROUP, tree.branch_b, name="新党小组")
        await u.commit()
    await founded(uow, local(2026, 11, 20), group)
    assert (await sweep(uow, local(2026, 12, 1, 9, 30)))["reports"] == 1
    (november,) = await broadcasts(uow, BroadcastKind.DEADLINE_MISSED)
    assert november.payload["period"] == "2026-11"
    assert november.payload["total"] == 1
    assert november.payload["branches"] == [
        {
            "name": tree.branch_b.name,
            "missed": [
                {"kind": "committee_meeting", "groups": []},
                {"kind": "themed_party_day", "groups": []},
            ],
        }
    ]

    # created exactly when a period begins (local midnight) counts for it
    await founded(uow, local(2027, 1, 1), tree.branch_a)
    assert (await sweep(uow, local(2027, 2, 1, 9, 30)))["reports"] == 1
    january = (await broadcasts(uow, BroadcastKind.DEADLINE_MISSED))[-1]
    assert january.payload["period"] == "2027-01" and january.payload["total"] == 2


async def test_a_sweep_that_loses_the_race_queues_nothing(uow, monkeypatch) -> None:
    await build_tree(uow)
    due = local(2026, 11, 25, 9, 5)
    assert (await sweep(uow, due))["reminders"] == 2
    before = len(await broadcasts(uow, BroadcastKind.DEADLINE_REMINDER))

    async def nothing_marked(self: Any, kind: str, periods: Any) -> set[str]:
        return set()  # what a second process read before the first one committed

    monkeypatch.setattr("storage.marks_repo.ReminderMarkRepository.keys", nothing_marked)
    assert await sweep(uow, due) == {"reminders": 0, "reports": 0, "skipped": 0}
    assert len(await broadcasts(uow, BroadcastKind.DEADLINE_REMINDER)) == before


async def test_the_scheduler_job_reads_its_rules_from_the_settings(
    uow, session_factory, clock
) -> None:
    tree = await build_tree(uow)
    settings = Settings(_env_file=None, deadline_reminder_days={"monthly": [9]})
    clock.now = local(2026, 11, 21, 9, 5)  # 9 days before the end of November
    done = await run_deadline_sweeps(session_factory, settings, clock)
    assert done["reminders"] == 2
    keys = {b.dedupe_key for b in await broadcasts(uow, BroadcastKind.DEADLINE_REMINDER)}
    assert f"deadline-remind:{tree.branch_a.id}:2026-11:9" in keys
    assert (await run_deadline_sweeps(session_factory, settings, clock))["reminders"] == 0


# ----------------------------------------------------------------------------- statements


async def test_statements_do_not_grow_with_the_number_of_branches(uow, engine) -> None:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    async def committee_of(code: str, branches: int) -> None:
        async with uow() as u:
            committee = await make_org(u, code, Level.COMMITTEE)
            await make_person(u, f"{code}管理员", 9_000 + branches, [(committee, Role.ADMIN)])
            for number in range(branches):
                branch = await make_org(u, f"{code}-{number}", Level.BRANCH, committee)
                await make_org(u, f"{code}-{number}-G", Level.GROUP, branch)
                telegram = 100_000 + branches * 1000 + number
                await make_person(u, f"{code}书记{number}", telegram, [(branch, Role.SECRETARY)])
            await u.commit()
        await founded(uow, local(2024, 12, 1))

    async def counted(now: datetime) -> tuple[int, dict[str, int]]:
        statements.clear()
        event.listen(engine.sync_engine, "before_cursor_execute", count)
        try:
            done = await sweep(uow, now)
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", count)
        return len(statements), done

    now = local(2026, 12, 1, 9, 30)  # reports of November, Q3, 2025; yearly reminders
    await committee_of("P", 3)
    small, done = await counted(now)
    assert done == {"reminders": 3, "reports": 3, "skipped": 0}
    await committee_of("Q", 30)  # P is marked already: only Q's 30 branches are due
    large, done = await counted(now)
    assert done == {"reminders": 30, "reports": 3, "skipped": 0}
    assert small == large <= 11, "\n".join(statements)
    idle, done = await counted(now + timedelta(minutes=10))
    assert done == {"reminders": 0, "reports": 0, "skipped": 0}
    assert idle == 4, statements  # organizations, two kinds of marks, admins


# ----------------------------------------------------------------------------- renderers


async def test_reminder_and_report_read_in_three_languages(uow) -> None:
    core = await load_core()
    reminder = Broadcast(
        kind=BroadcastKind.DEADLINE_REMINDER,
        payload={
            "branch": "哈业胡同嘎查党支部",
            "period": "2026-Q4",
            "deadline": "2026-12-31",
            "days": 14,
            "missing": [
                {"kind": "party_lecture", "groups": []},
                {"kind": "group_meeting", "groups": ["第一党小组", "第二党小组"]},
            ],
        },
    )
    render = RENDERERS[BroadcastKind.DEADLINE_REMINDER]
    zh = render(reminder, Delivery(), Translator(core, "zh")).text
    assert "2026年第四季度" in zh and "党课" in zh and "14" in zh and "/meeting" in zh
    assert "党小组会（第一党小组、第二党小组）" in zh
    en = render(reminder, Delivery(), Translator(core, "en")).text
    assert "Q4 2026" in en and "Party lecture" in en
    mn = render(reminder, Delivery(), Translator(core, "mn")).text
    assert "ᠤᠯᠢᠷᠠᠯ" in mn and "ᠨᠠᠮ ᠤᠨ ᠬᠢᠴᠢᠶᠡᠯ" in mn
    assert period_name(Translator(core, "en"), "2026-11") == "November 2026"
    assert period_name(Translator(core, "zh"), "2026-11") == "2026年11月"
    assert period_name(Translator(core, "zh"), "2026") == "2026年"


async def test_english_counts_one_day_and_one_branch_in_the_singular() -> None:
    en = Translator(await load_core(), "en")
    reminder = Broadcast(
        kind=BroadcastKind.DEADLINE_REMINDER,
        payload={
            "branch": "B",
            "period": "2026-11",
            "deadline": "2026-11-30",
            "days": 1,
            "missing": [{"kind": "party_lecture", "groups": []}],
        },
    )
    text = RENDERERS[BroadcastKind.DEADLINE_REMINDER](reminder, Delivery(), en).text
    assert "1 day left" in text and "days" not in text
    assert en.get("deadlines-missed-more", count=1) == "… and 1 more branch"
    assert en.get("deadlines-missed-more", count=3) == "… and 3 more branches"
    assert en.get("deadlines-status-missing", days=2, deadline="2026-11-30").startswith(
        "❌ neither held nor scheduled, 2 days left"
    )


async def test_a_long_missed_report_fits_one_message(uow) -> None:
    core = await load_core()
    branches = [
        {"name": f"第{n}个嘎查党支部" * 3, "missed": [{"kind": "themed_party_day", "groups": []}]}
        for n in range(300)
    ]
    report = Broadcast(
        kind=BroadcastKind.DEADLINE_MISSED,
        payload={
            "committee": "九原区委组织部",
            "period": "2026-11",
            "total": 400,
            "branches": branches,
            "more": 50,
        },
    )
    text = RENDERERS[BroadcastKind.DEADLINE_MISSED](
        report, Delivery(), Translator(core, "zh")
    ).text
    assert len(text) <= 4096
    assert "400 个支部中有 350 个" in text
    shown = text.count("嘎查党支部第")
    assert 0 < shown < 300
    assert f"另有 {350 - text.count('：主题党日')} 个支部" in text
    assert text.endswith("发送 /deadlines 查看本期情况。")
