"""Guidance rules on the real database with a fake clock: publishing fans out (receipts and
delivery rows), scheduled publishing waits for its moment, acknowledgement, reminders at
their offsets exactly once (repeated sweeps and a restart), the missed-deadline report,
coverage with held meetings, and who may do what."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from bot.services import guidance, meetings
from bot.services.errors import AccessDenied, Conflict, InvalidInput
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, Level, MeetingKind, Role, SignInMethod
from storage.models import (
    Broadcast,
    BroadcastKind,
    Delivery,
    DeliveryStatus,
    GuidanceStatus,
)
from tests.factories import actor_of, build_tree, make_org, make_person

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
DECEMBER = "2026-12"


def content(**changes) -> guidance.Content:
    values: dict[str, Any] = {
        "theme": "学习贯彻党的二十届四中全会精神",
        "body": "各支部组织党员集中学习。",
        "activities": "重温入党誓词；为群众办一件实事",
        "materials": (
            {"kind": "link", "url": "https://www.12371.cn/", "name": "共产党员网"},
            {"kind": "document", "file_id": "doc-1", "name": "学习材料.pdf"},
        ),
        "deadline": date(2026, 12, 20),
        "publish_at": guidance.default_publish_at(DECEMBER, SHANGHAI),
        "to_members": False,
    }
    values.update(changes)
    return guidance.Content(**values)


async def save(uow, tree, clock, mode, month=DECEMBER, person=None, **changes):
    admin = await actor_of(uow, person or tree.admin)
    async with uow() as u:
        return await guidance.save(
            u,
            admin,
            tree.committee.id,
            month,
            content(**changes),
            mode,
            clock(),
            SHANGHAI,
            QUIET,
        )


async def broadcasts(uow, kind: BroadcastKind) -> list[Broadcast]:
    async with uow() as u:
        rows = await u.session.scalars(
            select(Broadcast).where(Broadcast.kind == kind).order_by(Broadcast.id)
        )
        return list(rows.all())


async def recipients(uow, broadcast: Broadcast) -> set[int]:
    async with uow() as u:
        rows = await u.session.scalars(
            select(Delivery.person_id).where(Delivery.broadcast_id == broadcast.id)
        )
        return set(rows.all())


async def publish_due(uow, now: datetime) -> int:
    async with uow() as u:
        return await guidance.publish_due(u, now, SHANGHAI, QUIET)


async def remind(uow, now: datetime, days=(3, 1)) -> int:
    async with uow() as u:
        return await guidance.send_reminders(u, now, list(days), SHANGHAI, QUIET)


async def report(uow, now: datetime) -> int:
    async with uow() as u:
        return await guidance.send_missed_reports(u, now, SHANGHAI, QUIET)


async def acknowledge(uow, person, guidance_id: int, now: datetime):
    actor = await actor_of(uow, person)
    async with uow() as u:
        return await guidance.acknowledge(u, actor, guidance_id, now)


async def themed_meeting(uow, tree, clock, starts_at: datetime, branch=None) -> int:
    secretary = await actor_of(uow, tree.secretary_a if branch is None else tree.secretary_b)
    org = branch or tree.branch_a
    spec = meetings.MeetingSpec(
        org_id=org.id,
        kind=MeetingKind.THEMED_PARTY_DAY,
        title="十二月主题党日",
        starts_at=starts_at,
        audience=Audience.BRANCH,
        audience_org_id=org.id,
        methods=frozenset({SignInMethod.TAP}),
    )
    async with uow() as u:
        news = await meetings.schedule(u, secretary, spec, clock(), SHANGHAI, QUIET)
    return news.meeting.id


# ----------------------------------------------------------------------------- publishing


async def test_publish_now_writes_receipts_and_one_officer_broadcast(uow, clock) -> None:
    tree = await build_tree(uow)
    async with uow() as u:  # a deputy in branch B and a branch under a general branch
        general = await make_org(u, "GB", Level.GENERAL_BRANCH, tree.committee)
        branch_c = await make_org(u, "BC", Level.BRANCH, general)
        deputy = await make_person(u, "副书记", 2003, [(tree.branch_b, Role.DEPUTY_SECRETARY)])
        offline = await make_person(u, "无TG书记", None, [(branch_c, Role.SECRETARY)])
        await u.commit()
    saved = await save(uow, tree, clock, guidance.SaveMode.PUBLISH)
    assert saved.status is GuidanceStatus.PUBLISHED and saved.published_at == clock()
    async with uow() as u:
        receipts = await u.guidance.receipts([saved.id])
    assert {r.branch_id for r in receipts} == {tree.branch_a.id, tree.branch_b.id, branch_c.id}
    (sent,) = await broadcasts(uow, BroadcastKind.GUIDANCE)
    assert sent.guidance_id == saved.id and sent.org_id == tree.committee.id
    assert sent.payload["acknowledge"] is True
    assert sent.payload["theme"] == "学习贯彻党的二十届四中全会精神"
    assert sent.payload["deadline"] == "2026-12-20"
    assert len(sent.payload["materials"]) == 2
    # officers only, the one without Telegram cannot be reached
    assert await recipients(uow, sent) == {tree.secretary_a.id, tree.secretary_b.id, deputy.id}
    assert offline.id not in await recipients(uow, sent)
    assert sent.progress_chat_id == 1001  # the admin sees it go out


async def test_to_members_adds_a_members_broadcast_without_the_officers(uow, clock) -> None:
    tree = await build_tree(uow)
    saved = await save(uow, tree, clock, guidance.SaveMode.PUBLISH, to_members=True)
    officers, members = await broadcasts(uow, BroadcastKind.GUIDANCE)
    assert (officers.payload["acknowledge"], members.payload["acknowledge"]) == (True, False)
    assert members.guidance_id == saved.id
    # the party members of the whole subtree, party groups included; officers are not
    # told twice
    assert await recipients(uow, members) == {tree.member_a.id, tree.leader_a1.id}
    assert await recipients(uow, officers) == {tree.secretary_a.id, tree.secretary_b.id}


async def test_scheduled_guidance_waits_for_its_moment(uow, clock) -> None:
    tree = await build_tree(uow)
    saved = await save(uow, tree, clock, guidance.SaveMode.SCHEDULE)
    assert saved.status is GuidanceStatus.SCHEDULED
    assert saved.publish_at == datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # 09:00 Shanghai
    assert await publish_due(uow, datetime(2026, 12, 1, 0, 59, tzinfo=UTC)) == 0
    assert await broadcasts(uow, BroadcastKind.GUIDANCE) == []
    assert await publish_due(uow, datetime(2026, 12, 1, 1, 0, tzinfo=UTC)) == 1
    assert await publish_due(uow, datetime(2026, 12, 1, 1, 5, tzinfo=UTC)) == 0  # once
    assert len(await broadcasts(uow, BroadcastKind.GUIDANCE)) == 1
    async with uow() as u:
        stored = await u.guidance.get(saved.id)
        assert stored is not None and stored.status is GuidanceStatus.PUBLISHED


async def test_drafts_are_edited_and_published_guidance_is_final(uow, clock) -> None:
    tree = await build_tree(uow)
    draft = await save(uow, tree, clock, guidance.SaveMode.DRAFT)
    edited = await save(uow, tree, clock, guidance.SaveMode.DRAFT, theme="新主题")
    assert edited.id == draft.id and edited.theme == "新主题"
    assert edited.status is GuidanceStatus.DRAFT
    assert await publish_due(uow, datetime(2026, 12, 2, tzinfo=UTC)) == 0  # drafts wait
    await save(uow, tree, clock, guidance.SaveMode.PUBLISH)
    with pytest.raises(Conflict):
        await save(uow, tree, clock, guidance.SaveMode.DRAFT)


async def test_content_is_checked(uow, clock) -> None:
    tree = await build_tree(uow)
    bad: list[dict[str, Any]] = [
        {"theme": "  "},
        {"deadline": date(2027, 1, 5)},  # outside December
        {"materials": ({"kind": "link", "url": "javascript:alert(1)"},)},
        {"publish_at": clock() - timedelta(minutes=1)},  # scheduling into the past
        {"publish_at": datetime(2026, 12, 21, tzinfo=UTC)},  # after the deadline
    ]
    for changes in bad:
        with pytest.raises(InvalidInput):
            await save(uow, tree, clock, guidance.SaveMode.SCHEDULE, **changes)


async def test_a_secretary_cannot_publish(uow, clock) -> None:
    tree = await build_tree(uow)
    with pytest.raises(AccessDenied):
        await save(uow, tree, clock, guidance.SaveMode.PUBLISH, person=tree.secretary_a)


# ----------------------------------------------------------------------------- acknowledging


async def test_acknowledge_once_by_an_officer_and_stamp_the_delivery(uow, clock) -> None:
    tree = await build_tree(uow)
    saved = await save(uow, tree, clock, guidance.SaveMode.PUBLISH)
    done = await acknowledge(uow, tree.secretary_a, saved.id, clock())
    assert [b.id for b in done.branches] == [tree.branch_a.id]
    with pytest.raises(Conflict):  # the double tap
        await acknowledge(uow, tree.secretary_a, saved.id, clock() + timedelta(minutes=1))
    for outsider in (tree.member_a, tree.admin, tree.leader_a1):
        with pytest.raises(AccessDenied):
            await acknowledge(uow, outsider, saved.id, clock())
    async with uow() as u:
        receipts = {r.branch_id: r for r in await u.guidance.receipts([saved.id])}
        stamped = await u.session.scalar(
            select(Delivery.acknowledged_at).where(Delivery.person_id == tree.secretary_a.id)
        )
    assert receipts[tree.branch_a.id].acknowledged_at == clock()
    assert receipts[tree.branch_a.id].acknowledged_by_id == tree.secretary_a.id
    assert receipts[tree.branch_b.id].acknowledged_at is None
    assert stamped == clock()


# ----------------------------------------------------------------------------- reminders


async def test_reminders_at_each_offset_exactly_once(uow, clock) -> None:
    tree = await build_tree(uow)
    clock.now = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    saved = await save(uow, tree, clock, guidance.SaveMode.PUBLISH)  # deadline 12-20
    # 12-17 08:59 local: not yet; 09:00 three days before: both branches lag
    assert await remind(uow, datetime(2026, 12, 17, 8, 59, tzinfo=SHANGHAI)) == 0
    three_days = datetime(2026, 12, 17, 9, 0, tzinfo=SHANGHAI)
    assert await remind(uow, three_days) == 2
    assert await remind(uow, three_days + timedelta(minutes=5)) == 0  # repeated sweep
    assert await remind(uow, three_days + timedelta(hours=5)) == 0  # a "restart": new uow
    sent = await broadcasts(uow, BroadcastKind.GUIDANCE_REMINDER)
    assert {b.dedupe_key for b in sent} == {
        f"guidance:{saved.id}:remind:3:branch:{tree.branch_a.id}",
        f"guidance:{saved.id}:remind:3:branch:{tree.branch_b.id}",
    }
    by_branch = {b.org_id: b for b in sent}
    assert await recipients(uow, by_branch[tree.branch_a.id]) == {tree.secretary_a.id}
    assert by_branch[tree.branch_a.id].payload["acknowledged"] is False
    # branch A acknowledges and schedules its 主题党日; only B is reminded the day before
    await acknowledge(uow, tree.secretary_a, saved.id, three_days)
    clock.now = three_days
    await themed_meeting(uow, tree, clock, datetime(2026, 12, 19, 19, 30, tzinfo=SHANGHAI))
    one_day = datetime(2026, 12, 19, 9, 0, tzinfo=SHANGHAI)
    assert await remind(uow, one_day) == 1
    assert await remind(uow, one_day + timedelta(hours=1)) == 0
    last = (await broadcasts(uow, BroadcastKind.GUIDANCE_REMINDER))[-1]
    assert last.org_id == tree.branch_b.id and last.payload["days"] == 1
    # after the deadline nothing is reminded any more
    assert await remind(uow, datetime(2026, 12, 21, 9, 0, tzinfo=SHANGHAI)) == 0


async def test_acknowledged_but_unscheduled_is_still_reminded(uow, clock) -> None:
    tree = await build_tree(uow)
    clock.now = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    saved = await save(uow, tree, clock, guidance.SaveMode.PUBLISH)
    await acknowledge(uow, tree.secretary_a, saved.id, clock())
    await acknowledge(uow, tree.secretary_b, saved.id, clock())
    assert await remind(uow, datetime(2026, 12, 17, 9, 0, tzinfo=SHANGHAI), days=(3,)) == 2
    payloads = [b.payload for b in await broadcasts(uow, BroadcastKind.GUIDANCE_REMINDER)]
    assert all(p["acknowledged"] and not p["scheduled"] for p in payloads)


async def test_missed_offsets_while_down_send_only_the_nearest_once(uow, clock) -> None:
    tree = await build_tree(uow)
    clock.now = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    await save(uow, tree, clock, guidance.SaveMode.PUBLISH)
    back = datetime(2026, 12, 19, 15, 0, tzinfo=SHANGHAI)  # down from the 16th to the 19th
    assert await remind(uow, back) == 2
    assert {b.payload["days"] for b in await broadcasts(uow, BroadcastKind.GUIDANCE_REMINDER)} == {
        1
    }
    assert await remind(uow, back + timedelta(hours=1)) == 0


async def test_no_reminder_for_an_offset_that_passed_before_publishing(uow, clock) -> None:
    tree = await build_tree(uow)
    clock.now = datetime(2026, 12, 18, 2, 0, tzinfo=UTC)  # after the 3-day offset
    await save(uow, tree, clock, guidance.SaveMode.PUBLISH)
    assert await remind(uow, clock() + timedelta(minutes=5)) == 0


# ----------------------------------------------------------------------------- missed report


async def test_missed_report_once_after_the_deadline(uow, clock) -> None:
    tree = await build_tree(uow)
    clock.now = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    saved = await save(uow, tree, clock, guidance.SaveMode.PUBLISH)
    held_id = await themed_meeting(uow, tree, clock, datetime(2026, 12, 5, 9, 0, tzinfo=SHANGHAI))
    async with uow() as u:
        await meetings.sign_in_tap(
            u,
            tree.member_a.id,
            held_id,
            datetime(2026, 12, 5, 9, 0, tzinfo=SHANGHAI),
            datetime(2026, 12, 5, 9, 1, tzinfo=SHANGHAI),
        )
    assert await report(uow, datetime(2026, 12, 20, 23, 59, tzinfo=SHANGHAI)) == 0
    after = datetime(2026, 12, 21, 0, 5, tzinfo=SHANGHAI)
    assert await report(uow, after) == 1
    assert await report(uow, after + timedelta(hours=2)) == 0
    (sent,) = await broadcasts(uow, BroadcastKind.GUIDANCE_MISSED)
    assert sent.guidance_id == saved.id and sent.org_id == tree.committee.id
    assert sent.payload["missed"] == [tree.branch_b.name] and sent.payload["total"] == 2
    assert await recipients(uow, sent) == {tree.admin.id}
    assert sent.not_before >= datetime(2026, 12, 21, 7, 30, tzinfo=SHANGHAI)  # not at night


# ----------------------------------------------------------------------------- coverage


async def test_coverage_counts(uow, clock) -> None:
    tree = await build_tree(uow)
    clock.now = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    saved = await save(uow, tree, clock, guidance.SaveMode.PUBLISH)
    async with uow() as u:  # the sender delivered to secretary A only (B blocked the bot)
        await u.session.execute(
            update(Delivery)
            .where(Delivery.person_id == tree.secretary_a.id)
            .values(status=DeliveryStatus.SENT, sent_at=clock())
        )
        await u.session.execute(
            update(Delivery)
            .where(Delivery.person_id == tree.secretary_b.id)
            .values(status=DeliveryStatus.UNREACHABLE)
        )
        await u.commit()
    await acknowledge(uow, tree.secretary_a, saved.id, clock())
    held = await themed_meeting(uow, tree, clock, datetime(2026, 12, 5, 9, 0, tzinfo=SHANGHAI))
    # branch B schedules one, but nobody signs in: scheduled, not held
    await themed_meeting(
        uow, tree, clock, datetime(2026, 12, 6, 9, 0, tzinfo=SHANGHAI), branch=tree.branch_b
    )
    async with uow() as u:
        await meetings.sign_in_tap(
            u,
            tree.member_a.id,
            held,
            datetime(2026, 12, 5, 9, 0, tzinfo=SHANGHAI),
            datetime(2026, 12, 5, 9, 0, tzinfo=SHANGHAI),
        )
    admin = await actor_of(uow, tree.admin)

    async def cover(now: datetime) -> guidance.Coverage:
        async with uow() as u:
            return await guidance.coverage(u, admin, saved.id, now, SHANGHAI)

    before = await cover(datetime(2026, 12, 4, tzinfo=UTC))
    assert [before.count(n) for n in ("reached", "acknowledged", "scheduled", "held")] == [
        1,
        1,
        2,
        0,  # the meeting has not started yet
    ]
    after = await cover(datetime(2026, 12, 10, tzinfo=UTC))
    rows = {row.branch.id: row for row in after.rows}
    assert (rows[tree.branch_a.id].reached, rows[tree.branch_a.id].held) == (True, True)
    assert (rows[tree.branch_b.id].scheduled, rows[tree.branch_b.id].held) == (True, False)
    assert rows[tree.branch_b.id].reached is False


async def test_cancelled_and_other_months_do_not_count(uow, clock) -> None:
    tree = await build_tree(uow)
    clock.now = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    saved = await save(uow, tree, clock, guidance.SaveMode.PUBLISH)
    secretary = await actor_of(uow, tree.secretary_a)
    cancelled = await themed_meeting(uow, tree, clock, datetime(2026, 12, 5, tzinfo=SHANGHAI))
    async with uow() as u:
        await meetings.cancel(u, secretary, cancelled, clock())
    await themed_meeting(uow, tree, clock, datetime(2027, 1, 1, 0, 30, tzinfo=SHANGHAI))
    admin = await actor_of(uow, tree.admin)
    async with uow() as u:
        result = await guidance.coverage(u, admin, saved.id, clock(), SHANGHAI)
    assert result.count("scheduled") == 0


async def test_an_admin_of_another_committee_cannot_see_coverage(uow, clock) -> None:
    tree = await build_tree(uow)
    saved = await save(uow, tree, clock, guidance.SaveMode.PUBLISH)
    async with uow() as u:
        other = await make_org(u, "C2", Level.COMMITTEE, name="另一个区委")
        stranger = await make_person(u, "外区管理员", 1009, [(other, Role.ADMIN)])
        await u.commit()
    for person in (stranger, tree.secretary_a):
        actor = await actor_of(uow, person)
        async with uow() as u:
            with pytest.raises(AccessDenied):
                await guidance.coverage(u, actor, saved.id, clock(), SHANGHAI)


async def test_a_sweep_holding_a_stale_schedule_does_not_publish_a_draft(uow, clock) -> None:
    """The sweep read the guidance as due; before it published, the admin took it back to a
    draft (or moved it later). The sweep must not publish what the admin withdrew."""
    tree = await build_tree(uow)
    saved = await save(uow, tree, clock, guidance.SaveMode.SCHEDULE)
    due_at = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    for changes in ({"mode": guidance.SaveMode.DRAFT}, {"publish_at": due_at + timedelta(days=2)}):
        async with uow() as sweep:
            stale = list(await sweep.guidance.due_to_publish(due_at))
            assert [g.id for g in stale] == [saved.id]
            mode = changes.pop("mode", guidance.SaveMode.SCHEDULE)
            await save(uow, tree, clock, mode, **changes)  # the admin, meanwhile

            async def still_due(now: datetime, found: list[Any] = stale) -> list[Any]:
                return found

            sweep.guidance.due_to_publish = still_due
            assert await guidance.publish_due(sweep, due_at, SHANGHAI, QUIET) == 0
        await save(uow, tree, clock, guidance.SaveMode.SCHEDULE)  # back on schedule
    assert await broadcasts(uow, BroadcastKind.GUIDANCE) == []
    async with uow() as u:
        stored = await u.guidance.get(saved.id)
        assert stored is not None and stored.status is GuidanceStatus.SCHEDULED
        assert await u.guidance.receipts([saved.id]) == []


async def test_only_a_branchs_own_officers_acknowledge_for_it(uow, clock) -> None:
    """A general branch's secretary (or an officer of one branch who is also secretary of
    the general branch above others) does not acknowledge for branches they are not an
    officer of: coverage would show branches whose secretaries never saw the guidance."""
    tree = await build_tree(uow)
    async with uow() as u:
        general = await make_org(u, "GB", Level.GENERAL_BRANCH, tree.committee)
        branch_c = await make_org(u, "BC", Level.BRANCH, general)
        branch_d = await make_org(u, "BD", Level.BRANCH, general)
        above = await make_person(u, "总支书记", 2004, [(general, Role.SECRETARY)])
        both = await make_person(
            u, "兼任书记", 2005, [(general, Role.DEPUTY_SECRETARY), (branch_c, Role.SECRETARY)]
        )
        await u.commit()
    saved = await save(uow, tree, clock, guidance.SaveMode.PUBLISH)
    with pytest.raises(AccessDenied):
        await acknowledge(uow, above, saved.id, clock())
    done = await acknowledge(uow, both, saved.id, clock())
    assert [b.id for b in done.branches] == [branch_c.id]
    async with uow() as u:
        receipts = {r.branch_id: r for r in await u.guidance.receipts([saved.id])}
    assert receipts[branch_c.id].acknowledged_by_id == both.id
    assert receipts[branch_d.id].acknowledged_at is None
