"""Need-ticket rules: every allowed and forbidden transition, who may do what, races,
service-level reminders on a fake clock (quiet hours, never twice, rating timeout),
settings overrides and the monthly statistics on hand-computed tickets."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.services import tickets
from bot.services.access import Actor
from bot.services.errors import AccessDenied, Conflict, DomainError, InvalidInput
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Role
from bot.services.tickets import Draft, Notify, Outcome
from storage.models import (
    Ticket,
    TicketEventKind,
    TicketReminderKind,
    TicketStatus,
)
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.factories import Tree, actor_of, build_tree, make_person

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
NO_QUIET = QuietHours.parse("00:00-00:00")


@dataclass
class World:
    tree: Tree
    resident: Actor
    secretary: Actor
    member: Actor
    leader: Actor
    other_secretary: Actor
    admin: Actor


@pytest.fixture
async def world(uow: Callable[[], UnitOfWork]) -> World:
    tree = await build_tree(uow)
    async with uow() as u:
        resident = await make_person(
            u, "居民刘大姐", 4001, [(tree.branch_a, Role.RESIDENT)], language="zh"
        )
        await u.commit()
    return World(
        tree,
        await actor_of(uow, resident),
        await actor_of(uow, tree.secretary_a),
        await actor_of(uow, tree.member_a),
        await actor_of(uow, tree.leader_a1),
        await actor_of(uow, tree.secretary_b),
        await actor_of(uow, tree.admin),
    )


async def reported(
    uow: Callable[[], UnitOfWork], w: World, now: datetime, category: str = "elderly"
) -> Outcome:
    async with uow() as u:
        return await tickets.report(
            u,
            w.resident,
            Draft(org_id=w.tree.branch_a.id, category=category, description="楼道灯坏了"),
            now,
        )


async def status_of(uow: Callable[[], UnitOfWork], ticket_id: int) -> Ticket:
    async with uow() as u:
        found = await u.tickets.get(ticket_id)
        assert found is not None
        return found


def pid(actor: Actor) -> int:
    assert actor.person_id is not None
    return actor.person_id


def ids(outcome: Outcome, kind: Notify) -> set[int]:
    return {r.telegram_id for n in outcome.notices if n.kind is kind for r in n.recipients}


# ----------------------------------------------------------------------------- the loop


async def test_the_whole_loop_records_every_step(uow, world: World, clock: FakeClock) -> None:
    w, now = world, clock.now
    new = await reported(uow, w, now)
    assert new.ticket.status is TicketStatus.NEW
    assert ids(new, Notify.NEW) == {2001}  # the branch's secretary, not the other branch's
    assert new.ticket.due_at == now + timedelta(hours=48)  # elderly care: 48 h
    async with uow() as u:
        assigned = await tickets.assign(u, w.secretary, new.ticket.id, pid(w.member), now)
    assert assigned.ticket.status is TicketStatus.ASSIGNED and ids(assigned, Notify.ASSIGNED) == {
        3001
    }
    async with uow() as u:
        taken = await tickets.accept(u, w.member, new.ticket.id, now)
    assert taken.ticket.status is TicketStatus.IN_PROGRESS and ids(taken, Notify.TAKEN) == {4001}
    async with uow() as u:
        noted = await tickets.add_note(u, w.member, new.ticket.id, "已联系物业", None, None, now)
    assert ids(noted, Notify.PROGRESS) == {4001}
    async with uow() as u:
        solved = await tickets.resolve(u, w.member, new.ticket.id, "灯已换好", ["p1"], now)
    assert solved.ticket.status is TicketStatus.RESOLVED and ids(solved, Notify.RESOLVED) == {4001}
    async with uow() as u:
        rated = await tickets.rate(u, w.resident, new.ticket.id, 5, now)
    assert rated.ticket.status is TicketStatus.CLOSED and ids(rated, Notify.RATED) == {3001}
    async with uow() as u:
        await tickets.comment(u, w.resident, new.ticket.id, "很及时", now)
        seen, lines = await tickets.history(u, w.secretary, new.ticket.id)
    kinds = [line.event.kind for line in lines]
    assert kinds == [
        TicketEventKind.REPORTED,
        TicketEventKind.ASSIGNED,
        TicketEventKind.ACCEPTED,
        TicketEventKind.NOTE,
        TicketEventKind.RESOLVED,
        TicketEventKind.RATED,
        TicketEventKind.COMMENTED,
    ]
    assert [line.who for line in lines][:2] == ["居民刘大姐", "书记甲"]
    assert seen.ticket.rating == 5 and seen.ticket.rating_comment == "很及时"


async def test_report_checks_branch_category_and_content(uow, world: World, clock: FakeClock):
    w = world
    async with uow() as u:
        with pytest.raises(AccessDenied):  # not a member of branch B
            await tickets.report(
                u,
                w.resident,
                Draft(org_id=w.tree.branch_b.id, category="other", description="x"),
                clock.now,
            )
        with pytest.raises(InvalidInput, match="ticket-error-category"):
            await tickets.report(
                u,
                w.resident,
                Draft(org_id=w.tree.branch_a.id, category="nope", description="x"),
                clock.now,
            )
        with pytest.raises(InvalidInput, match="ticket-error-description"):
            await tickets.report(
                u, w.resident, Draft(org_id=w.tree.branch_a.id, category="other"), clock.now
            )
        with pytest.raises(AccessDenied):  # a committee admin belongs to no branch
            await tickets.report(
                u,
                w.admin,
                Draft(org_id=w.tree.branch_a.id, category="other", description="x"),
                clock.now,
            )
    async with uow() as u:
        # a party group's member reports to the group's branch; a voice note is enough
        voiced = await tickets.report(
            u,
            w.leader,
            Draft(org_id=w.tree.branch_a.id, category="other", voice_file_id="v1"),
            clock.now,
        )
    assert voiced.ticket.voice_file_id == "v1" and voiced.ticket.description == ""
    async with uow() as u:
        assert [o.id for o in await tickets.reportable_branches(u, w.leader)] == [
            w.tree.branch_a.id
        ]


async def test_post_and_claim_once(uow, world: World, clock: FakeClock) -> None:
    w, now = world, clock.now
    ticket_id = (await reported(uow, w, now)).ticket.id
    async with uow() as u:
        posted = await tickets.post(u, w.secretary, ticket_id, now)
    # every party member of the branch (its group too) but not the reporter or the poster
    assert ids(posted, Notify.POSTED) == {3001, 3002}
    async with uow() as u:
        claimed = await tickets.claim(u, w.leader, ticket_id, now)
    assert claimed.ticket.assignee_id == pid(w.leader)
    assert ids(claimed, Notify.TAKEN) == {4001} and ids(claimed, Notify.CLAIMED) == {2001}
    async with uow() as u:
        with pytest.raises(Conflict, match="ticket-error-taken"):
            await tickets.claim(u, w.member, ticket_id, now)
        with pytest.raises(Conflict, match="ticket-error-yours"):
            await tickets.claim(u, w.leader, ticket_id, now)
        with pytest.raises(AccessDenied):  # a resident takes no tickets
            await tickets.claim(u, w.resident, ticket_id, now)


async def test_two_members_racing_to_claim_one_wins(uow, world: World, clock: FakeClock) -> None:
    w, now = world, clock.now
    ticket_id = (await reported(uow, w, now)).ticket.id
    async with uow() as u:
        await tickets.post(u, w.secretary, ticket_id, now)

    async def claim(actor: Actor) -> str:
        try:
            async with uow() as u:
                await tickets.claim(u, actor, ticket_id, now)
        except DomainError as error:
            return error.key
        return "won"

    results = await asyncio.gather(claim(w.member), claim(w.leader))
    assert sorted(results) == ["ticket-error-taken", "won"]
    async with uow() as u:
        events = await u.tickets.events(ticket_id)
    assert [e.kind for e in events].count(TicketEventKind.CLAIMED) == 1


async def test_refuse_returns_it_to_the_officers(uow, world: World, clock: FakeClock) -> None:
    w, now = world, clock.now
    ticket_id = (await reported(uow, w, now)).ticket.id
    async with uow() as u:
        await tickets.assign(u, w.secretary, ticket_id, pid(w.member), now)
    async with uow() as u:
        with pytest.raises(InvalidInput, match="ticket-error-reason"):
            await tickets.refuse(u, w.member, ticket_id, "   ", now)
        with pytest.raises(AccessDenied, match="ticket-error-not-assignee"):
            await tickets.refuse(u, w.leader, ticket_id, "忙", now)
    async with uow() as u:
        refused = await tickets.refuse(u, w.member, ticket_id, "这周在外地放牧", now)
    assert refused.ticket.status is TicketStatus.NEW and refused.ticket.assignee_id is None
    assert ids(refused, Notify.REFUSED) == {2001} and refused.event is not None
    assert refused.event.note == "这周在外地放牧"


async def test_reassign_tells_the_previous_member(uow, world: World, clock: FakeClock) -> None:
    w, now = world, clock.now
    ticket_id = (await reported(uow, w, now)).ticket.id
    async with uow() as u:
        await tickets.assign(u, w.secretary, ticket_id, pid(w.member), now)
    async with uow() as u:
        with pytest.raises(Conflict, match="ticket-error-same-member"):
            await tickets.assign(u, w.secretary, ticket_id, pid(w.member), now)
        with pytest.raises(InvalidInput, match="ticket-error-own"):
            await tickets.assign(u, w.secretary, ticket_id, pid(w.resident), now)
        with pytest.raises(InvalidInput, match="ticket-error-not-member"):
            await tickets.assign(u, w.secretary, ticket_id, pid(w.other_secretary), now)
    async with uow() as u:
        moved = await tickets.assign(u, w.secretary, ticket_id, pid(w.leader), now)
    assert ids(moved, Notify.ASSIGNED) == {3002} and ids(moved, Notify.WITHDRAWN) == {3001}
    async with uow() as u:
        with pytest.raises(AccessDenied, match="ticket-error-not-assignee"):
            await tickets.accept(u, w.member, ticket_id, now)  # the old member's stale button


async def test_decline_and_merge_end_the_ticket(uow, world: World, clock: FakeClock) -> None:
    w, now = world, clock.now
    first = (await reported(uow, w, now)).ticket.id
    second = (await reported(uow, w, now)).ticket.id
    third = (await reported(uow, w, now)).ticket.id
    async with uow() as u:
        assert [t.id for t in await tickets.merge_choices(u, w.secretary, second)] == [
            third,
            first,
        ]
        merged = await tickets.merge(u, w.secretary, second, first, now)
    assert merged.ticket.status is TicketStatus.MERGED and merged.ticket.merged_into_id == first
    assert ids(merged, Notify.MERGED) == {4001}
    async with uow() as u:
        with pytest.raises(InvalidInput, match="ticket-error-merge-target"):
            await tickets.merge(u, w.secretary, third, second, now)  # not open any more
        with pytest.raises(InvalidInput, match="ticket-error-merge-target"):
            await tickets.merge(u, w.secretary, third, third, now)
        declined = await tickets.decline(u, w.secretary, third, "不属于本支部范围", now)
    assert declined.ticket.status is TicketStatus.DECLINED and ids(declined, Notify.DECLINED) == {
        4001
    }
    for closed in (second, third):
        async with uow() as u:
            with pytest.raises(Conflict, match="ticket-error-closed"):
                await tickets.assign(u, w.secretary, closed, pid(w.member), now)
        async with uow() as u:
            with pytest.raises(Conflict, match="ticket-error-closed"):
                await tickets.post(u, w.secretary, closed, now)
        async with uow() as u:
            assert await u.tickets.reminders(closed) == [] or all(
                r.sent_at is not None for r in await u.tickets.reminders(closed)
            )


async def test_only_officers_of_the_branch_dispatch(uow, world: World, clock: FakeClock) -> None:
    w, now = world, clock.now
    ticket_id = (await reported(uow, w, now)).ticket.id
    for outsider in (w.member, w.resident, w.other_secretary, w.admin, w.leader):
        async with uow() as u:
            with pytest.raises(AccessDenied):
                await tickets.assign(u, outsider, ticket_id, pid(w.member), now)
        async with uow() as u:
            with pytest.raises(AccessDenied):
                await tickets.post(u, outsider, ticket_id, now)
        async with uow() as u:
            with pytest.raises(AccessDenied):
                await tickets.decline(u, outsider, ticket_id, "x", now)
    async with uow() as u:  # a committee member on duty does dispatch
        duty = await make_person(u, "支委", 2101, [(w.tree.branch_a, Role.COMMITTEE_MEMBER)])
        await u.commit()
    on_duty = await actor_of(uow, duty)
    async with uow() as u:
        await tickets.post(u, on_duty, ticket_id, now)


async def test_who_sees_a_ticket(uow, world: World, clock: FakeClock) -> None:
    w, now = world, clock.now
    ticket_id = (await reported(uow, w, now)).ticket.id
    async with uow() as u:
        assert (await tickets.view(u, w.resident, ticket_id)).is_reporter
        assert (await tickets.view(u, w.secretary, ticket_id)).can_dispatch
        admin_view = await tickets.view(u, w.admin, ticket_id)  # the subtree's admin
        assert not admin_view.can_dispatch
        for outsider in (w.member, w.other_secretary):
            with pytest.raises(AccessDenied):
                await tickets.view(u, outsider, ticket_id)
        await tickets.post(u, w.secretary, ticket_id, now)
    async with uow() as u:
        assert (await tickets.view(u, w.member, ticket_id)).can_claim  # posted: members see it


async def test_wrong_state_steps_are_refused(uow, world: World, clock: FakeClock) -> None:
    """Each step from every state it does not start from is refused and changes nothing."""
    w, now = world, clock.now
    ticket_id = (await reported(uow, w, now)).ticket.id
    member = w.member

    async def refused(step: Callable[[UnitOfWork], object]) -> None:
        before = await status_of(uow, ticket_id)
        async with uow() as u:
            with pytest.raises(DomainError):
                await step(u)  # type: ignore[misc]
        after = await status_of(uow, ticket_id)
        assert (after.status, after.assignee_id, after.version) == (
            before.status,
            before.assignee_id,
            before.version,
        )

    # NEW: nobody accepts, claims, notes, resolves or rates
    await refused(lambda u: tickets.accept(u, member, ticket_id, now))
    await refused(lambda u: tickets.claim(u, member, ticket_id, now))
    await refused(lambda u: tickets.resolve(u, member, ticket_id, "x", [], now))
    await refused(lambda u: tickets.rate(u, w.resident, ticket_id, 5, now))
    async with uow() as u:
        await tickets.assign(u, w.secretary, ticket_id, pid(member), now)
    # ASSIGNED: no claim, no note or resolve before accepting, no rating
    await refused(lambda u: tickets.claim(u, w.leader, ticket_id, now))
    await refused(lambda u: tickets.add_note(u, member, ticket_id, "x", None, None, now))
    await refused(lambda u: tickets.resolve(u, member, ticket_id, "x", [], now))
    async with uow() as u:
        await tickets.accept(u, member, ticket_id, now)
    # IN_PROGRESS: no second accept (double tap), no post, decline or merge, no rating
    await refused(lambda u: tickets.accept(u, member, ticket_id, now))
    await refused(lambda u: tickets.post(u, w.secretary, ticket_id, now))
    await refused(lambda u: tickets.decline(u, w.secretary, ticket_id, "x", now))
    await refused(lambda u: tickets.refuse(u, member, ticket_id, "x", now))
    await refused(lambda u: tickets.rate(u, w.resident, ticket_id, 5, now))
    await refused(lambda u: tickets.resolve(u, member, ticket_id, "  ", [], now))
    async with uow() as u:
        await tickets.resolve(u, member, ticket_id, "好了", [], now)
    # RESOLVED: only the reporter rates, 1 to 5; no more notes, no reassignment
    await refused(lambda u: tickets.rate(u, member, ticket_id, 5, now))
    await refused(lambda u: tickets.rate(u, w.secretary, ticket_id, 5, now))
    await refused(lambda u: tickets.rate(u, w.resident, ticket_id, 6, now))
    await refused(lambda u: tickets.add_note(u, member, ticket_id, "x", None, None, now))
    await refused(lambda u: tickets.assign(u, w.secretary, ticket_id, pid(w.leader), now))
    async with uow() as u:
        await tickets.rate(u, w.resident, ticket_id, 4, now)
    # CLOSED: rated once; everything else refused
    async with uow() as u:
        with pytest.raises(Conflict, match="ticket-error-rated"):
            await tickets.rate(u, w.resident, ticket_id, 5, now)
    await refused(lambda u: tickets.assign(u, w.secretary, ticket_id, pid(w.leader), now))
    await refused(lambda u: tickets.resolve(u, member, ticket_id, "x", [], now))


async def test_low_rating_reopens_and_alerts(uow, world: World, clock: FakeClock) -> None:
    w, now = world, clock.now
    ticket_id = (await reported(uow, w, now)).ticket.id
    async with uow() as u:
        await tickets.assign(u, w.secretary, ticket_id, pid(w.member), now)
    async with uow() as u:
        await tickets.accept(u, w.member, ticket_id, now)
    async with uow() as u:
        await tickets.resolve(u, w.member, ticket_id, "好了", [], now)
    clock.advance(hours=5)
    async with uow() as u:
        reopened = await tickets.rate(u, w.resident, ticket_id, 2, clock.now)
    assert reopened.ticket.status is TicketStatus.IN_PROGRESS and reopened.ticket.reopened == 1
    assert ids(reopened, Notify.REOPENED) == {2001, 3001}
    assert reopened.ticket.due_at == clock.now + timedelta(hours=48)
    async with uow() as u:
        with pytest.raises(Conflict, match="ticket-error-rated"):  # the same resolution
            await tickets.rate(u, w.resident, ticket_id, 5, clock.now)
    async with uow() as u:  # solved again: a new resolution may be rated
        await tickets.resolve(u, w.member, ticket_id, "重新修好", [], clock.now)
    async with uow() as u:
        assert (await tickets.rate(u, w.resident, ticket_id, 5, clock.now)).ticket.status is (
            TicketStatus.CLOSED
        )


async def test_a_secretary_handling_it_hears_a_reopening_once(
    uow, world: World, clock: FakeClock
) -> None:
    w, now = world, clock.now
    ticket_id = (await reported(uow, w, now)).ticket.id
    async with uow() as u:
        await tickets.assign(u, w.secretary, ticket_id, pid(w.secretary), now)
    async with uow() as u:
        await tickets.accept(u, w.secretary, ticket_id, now)
    async with uow() as u:
        await tickets.resolve(u, w.secretary, ticket_id, "好了", [], now)
    async with uow() as u:
        reopened = await tickets.rate(u, w.resident, ticket_id, 1, now)
    told = [r.telegram_id for n in reopened.notices for r in n.recipients]
    assert told == [2001]


# ----------------------------------------------------------------------------- deadlines


async def sweep(uow, now: datetime, quiet: QuietHours = NO_QUIET) -> list[tickets.DueReminder]:
    async with uow() as u:
        return await tickets.due_reminders(u, now, quiet, SHANGHAI)


async def test_dispatch_reminder_then_escalations(uow, world: World, clock: FakeClock) -> None:
    """Elderly care: dispatch within 2 h, solved within 48 h, escalation every 12 h."""
    w = world
    start = clock.now  # 10:00 in Shanghai
    ticket_id = (await reported(uow, w, start)).ticket.id
    assert await sweep(uow, start + timedelta(hours=1, minutes=59)) == []
    due = await sweep(uow, start + timedelta(hours=2))
    assert [(d.kind, ids(d.outcome, Notify.REMIND_DISPATCH)) for d in due] == [
        (TicketReminderKind.DISPATCH, {2001})
    ]
    assert await sweep(uow, start + timedelta(hours=3)) == []  # never twice
    async with uow() as u:
        await tickets.assign(u, w.secretary, ticket_id, pid(w.member), start + timedelta(hours=3))
    due = await sweep(uow, start + timedelta(hours=7))  # not accepted within 4 h
    assert [d.kind for d in due] == [TicketReminderKind.ACCEPT]
    assert ids(due[0].outcome, Notify.REMIND_ACCEPT) == {3001}
    assert ids(due[0].outcome, Notify.REASSIGN) == {2001}
    async with uow() as u:
        await tickets.accept(u, w.member, ticket_id, start + timedelta(hours=8))
    due = await sweep(uow, start + timedelta(hours=48))
    assert [(d.kind, ids(d.outcome, Notify.REMIND_RESOLVE)) for d in due] == [
        (TicketReminderKind.RESOLVE, {3001})
    ]
    due = await sweep(uow, start + timedelta(hours=60))
    assert [(d.kind, ids(d.outcome, Notify.ESCALATED)) for d in due] == [
        (TicketReminderKind.ESCALATE_BRANCH, {2001})
    ]
    due = await sweep(uow, start + timedelta(hours=72))
    assert [(d.kind, ids(d.outcome, Notify.ESCALATED)) for d in due] == [
        (TicketReminderKind.ESCALATE_COMMITTEE, {1001})
    ]
    assert await sweep(uow, start + timedelta(days=30)) == []
    async with uow() as u:
        kinds = [e.kind for e in await u.tickets.events(ticket_id)]
    assert (
        kinds.count(TicketEventKind.REMINDED) == 3 and kinds.count(TicketEventKind.ESCALATED) == 2
    )


async def test_reminders_wait_for_the_morning(uow, world: World, clock: FakeClock) -> None:
    w = world
    evening = datetime(2026, 11, 21, 12, 30, tzinfo=UTC)  # 20:30 in Shanghai
    await reported(uow, w, evening)
    night = evening + timedelta(hours=2)  # 22:30: due, but quiet
    assert await sweep(uow, night, QUIET) == []
    assert await sweep(uow, datetime(2026, 11, 21, 23, 0, tzinfo=UTC), QUIET) == []  # 07:00
    morning = datetime(2026, 11, 21, 23, 30, tzinfo=UTC)  # 07:30
    assert [d.kind for d in await sweep(uow, morning, QUIET)] == [TicketReminderKind.DISPATCH]


async def test_dispatched_ticket_gets_no_dispatch_reminder(uow, world: World, clock: FakeClock):
    w, now = world, clock.now
    ticket_id = (await reported(uow, w, now)).ticket.id
    async with uow() as u:
        await tickets.post(u, w.secretary, ticket_id, now)
    due = await sweep(uow, now + timedelta(hours=4))  # posted, unclaimed after 4 h
    assert [(d.kind, ids(d.outcome, Notify.REASSIGN)) for d in due] == [
        (TicketReminderKind.ACCEPT, {2001})
    ]


async def test_no_rating_in_time_closes_it_unrated(uow, world: World, clock: FakeClock) -> None:
    w, now = world, clock.now
    ticket_id = (await reported(uow, w, now)).ticket.id
    async with uow() as u:
        await tickets.post(u, w.secretary, ticket_id, now)
    async with uow() as u:
        await tickets.claim(u, w.member, ticket_id, now)
    async with uow() as u:
        await tickets.resolve(u, w.member, ticket_id, "好了", [], now)
    assert await sweep(uow, now + timedelta(hours=71)) == []
    night = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)  # 02:00 local, 88 h later: still closes
    due = await sweep(uow, night, QUIET)
    assert [d.kind for d in due] == [TicketReminderKind.RATING_TIMEOUT]
    closed = await status_of(uow, ticket_id)
    assert closed.status is TicketStatus.CLOSED and closed.rating is None
    async with uow() as u:
        with pytest.raises(Conflict):
            await tickets.rate(u, w.resident, ticket_id, 5, night)


async def test_committee_settings_override_categories_and_levels(
    uow, world: World, clock: FakeClock
) -> None:
    w = world
    async with uow() as u:
        committee = await u.organizations.get(w.tree.committee.id)
        assert committee is not None
        committee.settings = {
            "ticket_categories": ["elderly", "供暖"],
            "ticket_sla": {"供暖": {"dispatch_hours": 1, "resolve_hours": 12}},
            "ticket_rating_hours": 24,
        }
        await u.commit()
    async with uow() as u:
        assert await tickets.categories_for(u, w.resident, w.tree.branch_a.id) == (
            "elderly",
            "供暖",
        )
        heating = await tickets.report(
            u,
            w.resident,
            Draft(org_id=w.tree.branch_a.id, category="供暖", description="暖气不热"),
            clock.now,
        )
    assert heating.ticket.due_at == clock.now + timedelta(hours=12)
    due = await sweep(uow, clock.now + timedelta(hours=1))
    assert [d.kind for d in due] == [TicketReminderKind.DISPATCH]
    async with uow() as u:  # a malformed value never stops reporting: the defaults apply
        committee = await u.organizations.get(w.tree.committee.id)
        assert committee is not None
        committee.settings = {"ticket_sla": {"elderly": {"dispatch_hours": "soon"}}}
        await u.commit()
    async with uow() as u:
        rules = await tickets.rules_for(u, w.tree.branch_a)
    assert rules.level("elderly") == tickets.DEFAULT_LEVELS["elderly"]
    for key, value in (
        ("ticket_sla", {"x": {"bogus": 1}}),
        ("ticket_categories", []),
        ("ticket_rating_hours", -1),
    ):
        with pytest.raises(InvalidInput):
            tickets.check_setting(key, value)
    tickets.check_setting("ticket_rating_hours", 48)


# ----------------------------------------------------------------------------- views


async def test_lists_page_and_put_overdue_first(uow, world: World, clock: FakeClock) -> None:
    w, now = world, clock.now
    old = (await reported(uow, w, now - timedelta(days=5))).ticket.id  # overdue (48 h)
    fresh = [(await reported(uow, w, now, "other")).ticket.id for _ in range(9)]
    async with uow() as u:
        first = await tickets.open_tickets(u, w.secretary, now, 0)
        second = await tickets.open_tickets(u, w.secretary, now, 1)
        admin = await tickets.open_tickets(u, w.admin, now, 0)
        with pytest.raises(AccessDenied):
            await tickets.open_tickets(u, w.member, now, 0)
        mine = await tickets.my_reports(u, w.resident, 0)
    assert first.tickets[0].id == old and (first.page, first.pages) == (0, 2)
    assert len(first.tickets) == 8 and len(second.tickets) == 2
    assert {t.id for t in first.tickets + second.tickets} == {old, *fresh}
    assert admin.tickets[0].id == old  # the committee sees its subtree
    assert mine.pages == 2 and mine.tickets[0].id == fresh[-1]
    async with uow() as u:
        await tickets.assign(u, w.secretary, old, pid(w.member), now)
        choices = await tickets.assign_choices(u, w.secretary, fresh[0])
        tasks = await tickets.my_tasks(u, w.member, 0)
    assert [(c.person.display_name, c.open_load) for c in choices][-1] == ("党员巴特尔", 1)
    assert all(c.person.id != pid(w.resident) for c in choices)
    assert [t.id for t in tasks.tickets] == [old]


def _ticket(
    reported_at: datetime,
    hours_to_resolve: float | None,
    due_hours: float,
    rating: int | None = None,
    status: TicketStatus | None = None,
) -> Ticket:
    resolved = reported_at + timedelta(hours=hours_to_resolve) if hours_to_resolve else None
    return Ticket(
        reported_at=reported_at,
        resolved_at=resolved,
        due_at=reported_at + timedelta(hours=due_hours),
        rating=rating,
        status=status or (TicketStatus.CLOSED if resolved else TicketStatus.IN_PROGRESS),
    )


def test_statistics_by_hand() -> None:
    t0 = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
    now = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
    rows = [
        _ticket(t0, 10, 48, rating=5),
        _ticket(t0, 30, 48, rating=4),
        _ticket(t0, 60, 48, rating=1),  # resolved late: overdue
        _ticket(t0, 20, 48, status=TicketStatus.RESOLVED),  # not rated yet
        _ticket(t0, None, 48),  # still open past its due time: overdue
        _ticket(now - timedelta(hours=1), None, 48),  # open, not yet due
        _ticket(t0, None, 48, status=TicketStatus.DECLINED),  # never overdue
        _ticket(t0, None, 48, status=TicketStatus.MERGED),  # counted with its twin
    ]
    stats = tickets.compute_stats(rows, now)
    assert stats.reported == 7
    assert stats.resolved == 4
    assert stats.median_hours == 25.0  # median of 10, 20, 30, 60
    assert stats.overdue == 2
    assert stats.average_rating == pytest.approx(10 / 3)
    assert stats.rated_share == 0.75
    reopened = _ticket(t0, 5, 48, rating=1, status=TicketStatus.IN_PROGRESS)
    with_reopened = tickets.compute_stats([*rows, reopened], now)
    assert (with_reopened.reported, with_reopened.resolved) == (8, 4)  # rated 1: not solved
    assert with_reopened.median_hours == 25.0 and with_reopened.rated_share == 0.75
    empty = tickets.compute_stats([], now)
    assert (empty.reported, empty.median_hours, empty.average_rating, empty.rated_share) == (
        0,
        None,
        None,
        None,
    )


async def test_statistics_per_branch_and_local_month(uow, world: World, clock: FakeClock) -> None:
    w = world
    # 2026-11-30 23:30 in Shanghai is still November there, December in UTC terms is not
    late_november = datetime(2026, 11, 30, 15, 30, tzinfo=UTC)
    december = datetime(2026, 11, 30, 16, 30, tzinfo=UTC)  # 00:30 on 1 December locally
    await reported(uow, w, late_november)
    await reported(uow, w, december)
    async with uow() as u:
        rows = await tickets.statistics_for(u, w.admin, 2026, 11, SHANGHAI, december)
        mine = await tickets.statistics_for(u, w.secretary, 2026, 12, SHANGHAI, december)
        with pytest.raises(AccessDenied):
            await tickets.statistics_for(u, w.resident, 2026, 11, SHANGHAI, december)
    assert [(r.org.code, r.stats.reported) for r in rows] == [("BA", 1), ("BB", 0)]
    assert [(r.org.code, r.stats.reported) for r in mine] == [("BA", 1)]


async def test_ticket_settings_are_set_per_committee(uow, world: World) -> None:
    from bot.services import organizations
    from bot.services.access import OPERATOR

    sla = organizations.parse_setting("ticket_sla", '{"elderly": {"dispatch_hours": 1}}')
    assert organizations.parse_setting("ticket_rating_hours", "48") == 48.0
    with pytest.raises(InvalidInput):
        organizations.parse_setting("ticket_sla", "{not json")
    async with uow() as u:
        await organizations.set_setting(u, OPERATOR, world.tree.committee.id, "ticket_sla", sla)
        with pytest.raises(InvalidInput):  # the ticket service checks the content
            await organizations.set_setting(
                u, OPERATOR, world.tree.committee.id, "ticket_sla", {"elderly": {"x": 1}}
            )
        with pytest.raises(AccessDenied):  # a secretary manages only the branch
            await organizations.set_setting(
                u, world.secretary, world.tree.committee.id, "ticket_rating_hours", 24.0
            )
    async with uow() as u:
        rules = await tickets.rules_for(u, world.tree.branch_a)
    assert rules.level("elderly").dispatch_hours == 1
    assert rules.level("elderly").resolve_hours == 48  # the rest stays the default


def test_exported_cells_never_start_a_formula() -> None:
    from bot.handlers.tickets import spreadsheet_safe

    assert spreadsheet_safe('=HYPERLINK("http://x","点我")') == '\'=HYPERLINK("http://x","点我")'
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("-1+2") == "'-1+2"
    assert spreadsheet_safe("楼道灯坏了") == "楼道灯坏了"
