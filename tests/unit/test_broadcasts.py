"""Broadcast rules on the real database: audiences, preview counts, quiet hours and urgency,
who may send where, queuing, the follow-up counts and lists, and 已学习."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, func, select, update

from bot.services import broadcasts, outbox
from bot.services.broadcasts import AckResult, AudienceSpec, Content, Listing, Where, Who
from bot.services.errors import AccessDenied, InvalidInput, NotFound
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Level, Role
from storage.models import (
    Broadcast,
    BroadcastKind,
    ContentType,
    Delivery,
    DeliveryStatus,
)
from tests.factories import Tree, actor_of, build_tree, make_org, make_person

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
TEXT = Content(ContentType.TEXT, "请各支部于本周五前完成党费收缴。")


@dataclass
class People:
    """Extra people on top of build_tree, by Telegram id (None: imported, never joined)."""

    tree: Tree
    resident_a: int = 4001
    probationary_b: int = 4002
    committee_a: int = 4003
    deputy_b: int = 4004
    group_member: int = 4005


async def populate(uow) -> People:
    tree = await build_tree(uow)
    async with uow() as u:
        await make_person(u, "群众萨仁", 4001, [(tree.branch_a, Role.RESIDENT)])
        await make_person(u, "预备党员乌兰", 4002, [(tree.branch_b, Role.PROBATIONARY_MEMBER)])
        await make_person(u, "支委斯琴", 4003, [(tree.branch_a, Role.COMMITTEE_MEMBER)])
        await make_person(u, "副书记张", 4004, [(tree.branch_b, Role.DEPUTY_SECRETARY)])
        await make_person(u, "牧民那顺", 4005, [(tree.group_a1, Role.MEMBER)], language="fr")
        await make_person(u, "导入党员", None, [(tree.branch_a, Role.MEMBER)])
        await u.commit()
    return People(tree)


async def audience_of(uow, person, spec: AudienceSpec) -> tuple[set[int], int]:
    actor = await actor_of(uow, person)
    async with uow() as u:
        found = await broadcasts.resolve(u, actor, spec)
    return {r.chat_id for r in found.recipients}, found.offline


# ----------------------------------------------------------------------------- audiences


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        (Who.PARTY, {2001, 2002, 3001, 3002, 4002, 4003, 4004, 4005}),
        (Who.EVERYONE, {2001, 2002, 3001, 3002, 4001, 4002, 4003, 4004, 4005}),
        (Who.SECRETARIES, {2001, 2002, 4004}),
        (Who.OFFICERS, {2001, 2002, 4003, 4004}),
    ],
)
async def test_admin_reaches_its_whole_subtree_by_kind_of_people(uow, who, expected) -> None:
    people = await populate(uow)
    tree = people.tree
    chats, offline = await audience_of(uow, tree.admin, AudienceSpec(tree.committee.id, who=who))
    assert chats == expected  # never the admin who composes it
    assert offline == (0 if who in (Who.SECRETARIES, Who.OFFICERS) else 1)


async def test_selected_branches_and_a_party_group(uow) -> None:
    people = await populate(uow)
    tree = people.tree
    only_b = AudienceSpec(tree.committee.id, Where.BRANCHES, (tree.branch_b.id,), Who.PARTY)
    assert await audience_of(uow, tree.admin, only_b) == ({2002, 4002, 4004}, 0)
    both = AudienceSpec(
        tree.committee.id, Where.BRANCHES, (tree.branch_a.id, tree.branch_b.id), Who.SECRETARIES
    )
    assert (await audience_of(uow, tree.admin, both))[0] == {2001, 2002, 4004}
    # a party group hears as its party members, whatever "who" says
    group = AudienceSpec(tree.committee.id, Where.GROUP, (tree.group_a1.id,), Who.SECRETARIES)
    assert await audience_of(uow, tree.admin, group) == ({3002, 4005}, 0)


async def test_secretary_reaches_its_own_branch_only(uow) -> None:
    people = await populate(uow)
    tree = people.tree
    whole = AudienceSpec(tree.branch_a.id, who=Who.PARTY)
    assert await audience_of(uow, tree.secretary_a, whole) == ({3001, 3002, 4003, 4005}, 1)
    group = AudienceSpec(tree.branch_a.id, Where.GROUP, (tree.group_a1.id,))
    assert (await audience_of(uow, tree.secretary_a, group))[0] == {3002, 4005}

    with pytest.raises(AccessDenied):
        await audience_of(uow, tree.secretary_a, AudienceSpec(tree.branch_b.id))
    with pytest.raises(AccessDenied):
        await audience_of(uow, tree.secretary_a, AudienceSpec(tree.committee.id))
    outside = [
        AudienceSpec(tree.branch_a.id, Where.BRANCHES, (tree.branch_b.id,)),
        AudienceSpec(tree.branch_a.id, Where.GROUP, (tree.branch_a.id,)),  # not a group
        AudienceSpec(tree.branch_a.id, Where.BRANCHES, (tree.group_a1.id,)),  # not a branch
        AudienceSpec(tree.branch_a.id, Where.BRANCHES, ()),
        AudienceSpec(tree.branch_a.id, Where.GROUP, (tree.group_a1.id, tree.group_a1.id + 99)),
        AudienceSpec(tree.branch_a.id, Where.SCOPE, (tree.branch_b.id,)),
    ]
    for spec in outside:
        with pytest.raises(InvalidInput) as refused:
            await audience_of(uow, tree.secretary_a, spec)
        assert refused.value.key == "broadcast-error-audience"


async def test_members_and_group_leaders_may_not_broadcast(uow) -> None:
    tree = await build_tree(uow)
    for person in (tree.member_a, tree.leader_a1):
        actor = await actor_of(uow, person)
        async with uow() as u:
            with pytest.raises(AccessDenied):
                await broadcasts.scopes(u, actor)
            with pytest.raises(AccessDenied):
                await broadcasts.resolve(u, actor, AudienceSpec(tree.branch_a.id))


async def test_choices_within_the_scope(uow) -> None:
    tree = await build_tree(uow)
    admin = await actor_of(uow, tree.admin)
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        assert [o.id for o in await broadcasts.scopes(u, admin)] == [tree.committee.id]
        branches = await broadcasts.branches_in(u, admin, tree.committee.id)
        assert {o.id for o in branches} == {tree.branch_a.id, tree.branch_b.id}
        assert await broadcasts.branches_in(u, secretary, tree.branch_a.id) == []
        groups = await broadcasts.groups_in(u, secretary, tree.branch_a.id)
        assert [o.id for o in groups] == [tree.group_a1.id]
        assert broadcasts.may_mark_urgent(admin, tree.committee)
        assert not broadcasts.may_mark_urgent(secretary, tree.branch_a)


async def test_resolving_many_branches_takes_a_few_queries(uow, engine) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        extra = []
        for number in range(30):
            branch = await make_org(u, f"X{number}", Level.BRANCH, tree.committee)
            for seat in range(3):
                await make_person(
                    u, f"党员{number}-{seat}", 10_000 + number * 10 + seat, [(branch, Role.MEMBER)]
                )
            extra.append(branch.id)
        await u.commit()
    admin = await actor_of(uow, tree.admin)
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        async with uow() as u:
            found = await broadcasts.resolve(
                u, admin, AudienceSpec(tree.committee.id, Where.BRANCHES, tuple(extra))
            )
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    assert len(found.recipients) == 90
    assert len(statements) <= 5, statements


# ----------------------------------------------------------------------------- preview


async def test_preview_counts_and_sends_now_in_the_daytime(uow, clock) -> None:
    people = await populate(uow)
    tree = people.tree
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        seen = await broadcasts.preview(
            u, secretary, AudienceSpec(tree.branch_a.id), False, clock(), SHANGHAI, QUIET
        )
    assert (seen.recipients, seen.offline, seen.held) == (4, 1, False)
    assert seen.send_at == clock()


async def test_quiet_hours_hold_a_notice_until_morning_unless_an_admin_marks_it_urgent(
    uow, clock
) -> None:
    tree = await build_tree(uow)
    clock.now = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)  # 22:00 in Shanghai
    admin = await actor_of(uow, tree.admin)
    spec = AudienceSpec(tree.committee.id)
    async with uow() as u:
        held = await broadcasts.preview(u, admin, spec, False, clock(), SHANGHAI, QUIET)
        urgent = await broadcasts.preview(u, admin, spec, True, clock(), SHANGHAI, QUIET)
    assert held.held and held.send_at == datetime(2026, 11, 21, 23, 30, tzinfo=UTC)  # 07:30
    assert not urgent.held and urgent.send_at == clock()


async def test_quiet_hours_follow_the_scope_organizations_zone(uow, clock) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        branch = await u.organizations.get(tree.branch_a.id)
        assert branch is not None
        branch.timezone = "Asia/Urumqi"  # UTC+6: 14:30 UTC is 20:30 there, not quiet
        await u.commit()
    clock.now = datetime(2026, 11, 21, 14, 30, tzinfo=UTC)  # 22:30 in Shanghai
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        seen = await broadcasts.preview(
            u, secretary, AudienceSpec(tree.branch_a.id), False, clock(), SHANGHAI, QUIET
        )
    assert not seen.held


async def test_a_secretary_cannot_mark_a_notice_urgent(uow, clock) -> None:
    tree = await build_tree(uow)
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        with pytest.raises(AccessDenied) as refused:
            await broadcasts.preview(
                u, secretary, AudienceSpec(tree.branch_a.id), True, clock(), SHANGHAI, QUIET
            )
        assert refused.value.key == "broadcast-error-urgent"
        with pytest.raises(AccessDenied):
            await create(u, secretary, AudienceSpec(tree.branch_a.id), clock(), urgent=True)
    async with uow() as u:
        assert await u.session.scalar(select(func.count(Broadcast.id))) == 0


# ----------------------------------------------------------------------------- content


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (Content(ContentType.TEXT, "   "), "broadcast-error-empty"),
        (Content(ContentType.TEXT, "长" * (broadcasts.TEXT_MAX + 1)), "broadcast-error-too-long"),
        (
            Content(ContentType.PHOTO, "长" * (broadcasts.CAPTION_MAX + 1), "photo-1"),
            "broadcast-error-caption-too-long",
        ),
        (Content(ContentType.VOICE, "", None), "broadcast-error-content-type"),
    ],
)
def test_content_the_sender_could_not_deliver_is_refused(content: Content, key: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        broadcasts.check_content(content)
    assert refused.value.key == key


def test_content_within_limits_is_kept_trimmed() -> None:
    longest = Content(ContentType.TEXT, "长" * broadcasts.TEXT_MAX)
    assert broadcasts.check_content(longest) == longest
    photo = broadcasts.check_content(Content(ContentType.PHOTO, "  学习材料 ", "photo-1"))
    assert photo == Content(ContentType.PHOTO, "学习材料", "photo-1")
    assert broadcasts.check_content(Content(ContentType.DOCUMENT, "", "doc-1")).text == ""


# ----------------------------------------------------------------------------- create


async def create(u, actor, spec, now, *, urgent=False, content=TEXT, message_id=77):
    return await broadcasts.create(
        u,
        actor,
        spec,
        content,
        urgent=urgent,
        now=now,
        default_zone=SHANGHAI,
        quiet=QUIET,
        progress_chat_id=actor.telegram_id,
        progress_message_id=message_id,
        progress_locale="zh",
    )


async def test_create_queues_one_row_per_recipient_in_their_language(uow, clock) -> None:
    people = await populate(uow)
    tree = people.tree
    admin = await actor_of(uow, tree.admin)
    async with uow() as u:
        made = await create(u, admin, AudienceSpec(tree.committee.id), clock())
    async with uow() as u:
        broadcast = await u.session.get(Broadcast, made.id)
        rows = list(
            await u.session.scalars(select(Delivery).where(Delivery.broadcast_id == made.id))
        )
    assert broadcast is not None
    assert broadcast.kind is BroadcastKind.MESSAGE and broadcast.total == len(rows) == 8
    assert broadcast.org_id == tree.committee.id and broadcast.sender_id == tree.admin.id
    assert broadcast.text == TEXT.text and broadcast.not_before == clock()
    assert (broadcast.progress_chat_id, broadcast.progress_message_id) == (1001, 77)
    assert broadcast.progress_locale == "zh"
    assert broadcast.payload["org_name"] == "九原区委组织部"
    assert broadcast.payload["offline"] == 1 and broadcast.payload["who"] == "party"
    locales = {r.chat_id: r.locale for r in rows}
    assert locales[3001] == "mn" and locales[2002] == "en"
    assert locales[4005] == "zh" and locales[3002] == "zh"  # unknown or unset: Chinese
    assert {r.status for r in rows} == {DeliveryStatus.PENDING}


async def test_a_photo_queued_at_night_waits_for_the_morning(uow, clock) -> None:
    tree = await build_tree(uow)
    clock.now = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)
    secretary = await actor_of(uow, tree.secretary_a)
    photo = Content(ContentType.PHOTO, "会议照片", "photo-file-1")
    async with uow() as u:
        made = await create(u, secretary, AudienceSpec(tree.branch_a.id), clock(), content=photo)
    assert made.content_type is ContentType.PHOTO and made.file_id == "photo-file-1"
    assert made.not_before == datetime(2026, 11, 21, 23, 30, tzinfo=UTC) and not made.urgent
    async with uow() as u:
        due = await u.session.scalars(
            select(Delivery.next_attempt_at).where(Delivery.broadcast_id == made.id)
        )
        assert set(due) == {made.not_before}


async def test_nobody_to_reach_is_refused_and_writes_nothing(uow, clock) -> None:
    tree = await build_tree(uow)
    secretary_b = await actor_of(uow, tree.secretary_b)  # the only person in branch B
    async with uow() as u:
        with pytest.raises(InvalidInput) as refused:
            await create(u, secretary_b, AudienceSpec(tree.branch_b.id), clock())
    assert refused.value.key == "broadcast-error-nobody"
    async with uow() as u:
        assert await u.session.scalar(select(func.count(Broadcast.id))) == 0


# ----------------------------------------------------------------------------- follow-up


async def sent_broadcast(uow, tree, clock):
    """Branch A's notice to its party members, as the sender would leave it: 3001 sent and
    acknowledged, 3002 sent, 4003 blocked the bot, 4005 still pending."""
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        for tg, name, role, org in (
            (4003, "支委斯琴", Role.COMMITTEE_MEMBER, tree.branch_a),
            (4005, "牧民那顺", Role.MEMBER, tree.group_a1),
        ):
            await make_person(u, name, tg, [(org, role)])
        await u.commit()
    async with uow() as u:
        made = await create(u, secretary, AudienceSpec(tree.branch_a.id), clock())
    async with uow() as u:
        rows = {
            r.chat_id: r
            for r in await u.session.scalars(
                select(Delivery).where(Delivery.broadcast_id == made.id)
            )
        }
        for chat in (3001, 3002):
            rows[chat].status = DeliveryStatus.SENT
        rows[3001].acknowledged_at = clock()
        rows[4003].status = DeliveryStatus.UNREACHABLE
        await u.commit()
    return made


async def test_recent_broadcasts_with_their_counts(uow, clock) -> None:
    tree = await build_tree(uow)
    made = await sent_broadcast(uow, tree, clock)
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        found = await broadcasts.recent(u, secretary)
    assert [s.broadcast.id for s in found] == [made.id]
    counts = found[0].counts
    assert (counts.sent, counts.pending, counts.unreachable, counts.acknowledged) == (2, 1, 1, 1)
    assert found[0].org.id == tree.branch_a.id
    admin = await actor_of(uow, tree.admin)
    async with uow() as u:
        assert await broadcasts.recent(u, admin) == []  # only one's own


async def test_who_has_not_acknowledged_and_who_is_unreachable(uow, clock) -> None:
    tree = await build_tree(uow)
    made = await sent_broadcast(uow, tree, clock)
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        waiting = await broadcasts.names(u, secretary, made.id, Listing.NOT_ACKNOWLEDGED, 0)
        gone = await broadcasts.names(u, secretary, made.id, Listing.UNREACHABLE, 0)
    assert (waiting.names, waiting.total, waiting.pages) == (["小组长其其格"], 1, 1)
    assert (gone.names, gone.total) == (["支委斯琴"], 1)
    # an admin above the branch may look too; another branch's secretary may not
    admin = await actor_of(uow, tree.admin)
    secretary_b = await actor_of(uow, tree.secretary_b)
    async with uow() as u:
        assert (await broadcasts.one(u, admin, made.id)).counts.sent == 2
        with pytest.raises(AccessDenied):
            await broadcasts.names(u, secretary_b, made.id, Listing.UNREACHABLE, 0)
        with pytest.raises(NotFound):
            await broadcasts.one(u, secretary, made.id + 100)


async def test_names_come_in_pages(uow, clock) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        for n in range(45):
            await make_person(u, f"党员{n:02d}", 20_000 + n, [(tree.branch_a, Role.MEMBER)])
        await u.commit()
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        made = await create(u, secretary, AudienceSpec(tree.branch_a.id), clock())
    async with uow() as u:
        await u.session.execute(
            update(Delivery)
            .where(Delivery.broadcast_id == made.id)
            .values(status=DeliveryStatus.SENT)
        )
        await u.commit()
    async with uow() as u:
        first = await broadcasts.names(u, secretary, made.id, Listing.NOT_ACKNOWLEDGED, 0)
        second = await broadcasts.names(u, secretary, made.id, Listing.NOT_ACKNOWLEDGED, 1)
    assert (first.total, first.pages, len(first.names), len(second.names)) == (47, 2, 40, 7)
    assert not set(first.names) & set(second.names)


# ----------------------------------------------------------------------------- 已学习


async def test_acknowledge_by_the_recipient_once(uow, clock) -> None:
    tree = await build_tree(uow)
    made = await sent_broadcast(uow, tree, clock)
    async with uow() as u:
        row = await u.session.scalar(
            select(Delivery).where(Delivery.broadcast_id == made.id, Delivery.chat_id == 3002)
        )
    assert row is not None
    leader = await actor_of(uow, tree.leader_a1)
    member = await actor_of(uow, tree.member_a)
    async with uow() as u:
        with pytest.raises(AccessDenied) as foreign:
            await broadcasts.acknowledge(u, member, row.id, clock())
    assert foreign.value.key == "broadcast-error-ack-foreign"
    async with uow() as u:
        assert await broadcasts.acknowledge(u, leader, row.id, clock()) is AckResult.RECORDED
    first = clock()
    clock.advance(minutes=5)
    async with uow() as u:
        assert await broadcasts.acknowledge(u, leader, row.id, clock()) is AckResult.ALREADY
    async with uow() as u:
        fresh = await u.session.get(Delivery, row.id)
        assert fresh is not None and fresh.acknowledged_at == first
    async with uow() as u:
        with pytest.raises(NotFound) as stale:
            await broadcasts.acknowledge(u, leader, row.id + 1000, clock())
    assert stale.value.key == "broadcast-error-ack-stale"


async def test_acknowledge_only_works_on_composed_notices(uow, clock) -> None:
    tree = await build_tree(uow)
    member = await actor_of(uow, tree.member_a)
    async with uow() as u:
        recipients = await outbox.recipients_for(u, [tree.member_a.id])
        reminder = await outbox.enqueue(
            u,
            kind=BroadcastKind.GUIDANCE_REMINDER,
            org_id=tree.branch_a.id,
            recipients=recipients,
            now=clock(),
            not_before=clock() + timedelta(hours=1),
        )
        assert reminder is not None
        await u.commit()
        row = await u.session.scalar(select(Delivery).where(Delivery.broadcast_id == reminder.id))
    assert row is not None
    async with uow() as u:
        with pytest.raises(NotFound):
            await broadcasts.acknowledge(u, member, row.id, clock())
