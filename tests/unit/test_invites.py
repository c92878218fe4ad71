"""Invite and join rules, on the real database."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import delete, select

from bot.services import invites
from bot.services.errors import AccessDenied, Conflict, InvalidInput, NotFound
from bot.services.imports import apply_import
from bot.services.roles import Role
from storage.models import JoinRequest, JoinStatus, Membership
from tests.factories import actor_of, build_tree, make_person
from tests.unit.test_imports import members_csv

DAY = timedelta(days=1)


async def test_secretary_invites_only_in_own_branch(uow, clock) -> None:
    tree = await build_tree(uow)
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        invite, org = await invites.create_invite(
            u, secretary, tree.group_a1.id, Role.MEMBER, 10, DAY, clock()
        )
        assert org.id == tree.group_a1.id and len(invite.token) >= 20
    async with uow() as u:
        with pytest.raises(AccessDenied):
            await invites.create_invite(
                u, secretary, tree.branch_b.id, Role.MEMBER, 1, DAY, clock()
            )
        with pytest.raises(AccessDenied):
            await invites.create_invite(
                u, secretary, tree.branch_a.id, Role.SECRETARY, 1, DAY, clock()
            )
        with pytest.raises(InvalidInput):
            await invites.create_invite(
                u, secretary, tree.branch_a.id, Role.GROUP_LEADER, 1, DAY, clock()
            )
        with pytest.raises(InvalidInput):
            await invites.create_invite(
                u, secretary, tree.branch_a.id, Role.MEMBER, 0, DAY, clock()
            )
        with pytest.raises(InvalidInput):
            await invites.create_invite(
                u, secretary, tree.branch_a.id, Role.MEMBER, 1, timedelta(days=91), clock()
            )


async def test_full_loop_with_roster_link(uow, clock) -> None:
    """An imported roster entry with the same phone becomes the Telegram user on approval."""
    tree = await build_tree(uow)
    async with uow() as u:
        roster = await make_person(
            u, "巴雅尔", None, [(tree.group_a1, Role.MEMBER)], phone="+8613800138000"
        )
        newcomer = await make_person(u, "Bayar", 9001)
        await u.commit()
    admin = await actor_of(uow, tree.admin)
    async with uow() as u:
        invite, _ = await invites.create_invite(
            u, admin, tree.branch_a.id, Role.MEMBER, 1, DAY, clock()
        )
    async with uow() as u:
        preview = await invites.open_invite(u, newcomer.id, invite.token, clock())
        assert preview.org.id == tree.branch_a.id and preview.role is Role.MEMBER
    async with uow() as u:
        submitted = await invites.submit_join_request(
            u, newcomer.id, invite.token, "巴雅尔", "138 0013 8000", clock()
        )
    # the nearest level with an approver is the branch: its secretary, not the admin
    assert [r.telegram_id for r in submitted.approvers] == [2001]

    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        decided = await invites.decide_join_request(
            u, secretary, submitted.request.id, True, clock()
        )
    assert decided.approved and decided.linked_roster_entry
    assert decided.request.status is JoinStatus.APPROVED
    async with uow() as u:
        assert await u.people.get(roster.id) is None
        held = {
            (m.org_id, m.role)
            for m in (
                await u.session.scalars(
                    select(Membership).where(Membership.person_id == newcomer.id)
                )
            ).all()
        }
        assert held == {(tree.group_a1.id, Role.MEMBER), (tree.branch_a.id, Role.MEMBER)}


async def test_admin_decides_when_branch_has_no_secretary(uow, clock) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        await u.session.execute(
            delete(Membership).where(Membership.person_id == tree.secretary_b.id)
        )
        newcomer = await make_person(u, "N", 9100)
        await u.commit()
    admin = await actor_of(uow, tree.admin)
    async with uow() as u:
        invite, _ = await invites.create_invite(
            u, admin, tree.branch_b.id, Role.RESIDENT, 1, DAY, clock()
        )
    async with uow() as u:
        submitted = await invites.submit_join_request(
            u, newcomer.id, invite.token, "N", None, clock()
        )
    assert [r.telegram_id for r in submitted.approvers] == [1001]


async def test_one_use_invite_cannot_be_taken_twice_concurrently(uow, clock, backend) -> None:
    tree = await build_tree(uow)
    admin = await actor_of(uow, tree.admin)
    async with uow() as u:
        invite, _ = await invites.create_invite(
            u, admin, tree.branch_a.id, Role.MEMBER, 1, DAY, clock()
        )
        p1 = await make_person(u, "P1", 9201)
        p2 = await make_person(u, "P2", 9202)
        await u.commit()

    async def join(person_id: int) -> str:
        async with uow() as u:
            try:
                await invites.submit_join_request(u, person_id, invite.token, "X", None, clock())
            except InvalidInput as exc:
                return exc.key
            return "ok"

    results = sorted(await asyncio.gather(join(p1.id), join(p2.id)))
    assert results == ["error-invite-used-up", "ok"]
    async with uow() as u:
        assert len((await u.session.scalars(select(JoinRequest))).all()) == 1


async def test_invite_refusals(uow, clock) -> None:
    tree = await build_tree(uow)
    admin = await actor_of(uow, tree.admin)
    async with uow() as u:
        invite, _ = await invites.create_invite(
            u, admin, tree.branch_a.id, Role.MEMBER, 5, DAY, clock()
        )
    member = tree.member_a
    async with uow() as u:
        with pytest.raises(NotFound):
            await invites.open_invite(u, member.id, "forged-token", clock())
        with pytest.raises(NotFound):
            await invites.open_invite(u, member.id, "x" * 300, clock())
        with pytest.raises(Conflict) as already:
            await invites.open_invite(u, member.id, invite.token, clock())
        assert already.value.key == "error-join-already-member"
    async with uow() as u:
        await invites.revoke_invite(u, admin, invite.id, clock())
    async with uow() as u:
        with pytest.raises(InvalidInput) as revoked:
            await invites.open_invite(u, tree.leader_a1.id, invite.token, clock())
        assert revoked.value.key == "error-invite-revoked"
    secretary_b = await actor_of(uow, tree.secretary_b)
    async with uow() as u:
        with pytest.raises(AccessDenied):
            await invites.revoke_invite(u, secretary_b, invite.id, clock())


async def test_pending_request_blocks_a_second_one_and_lists_for_approver(uow, clock) -> None:
    tree = await build_tree(uow)
    admin = await actor_of(uow, tree.admin)
    async with uow() as u:
        invite, _ = await invites.create_invite(
            u, admin, tree.branch_a.id, Role.MEMBER, 5, DAY, clock()
        )
        person = await make_person(u, "P", 9300)
        await u.commit()
    async with uow() as u:
        await invites.submit_join_request(u, person.id, invite.token, "P", None, clock())
    async with uow() as u:
        with pytest.raises(Conflict) as pending:
            await invites.submit_join_request(u, person.id, invite.token, "P", None, clock())
        assert pending.value.key == "error-join-already-pending"
    for holder, expected in [(tree.secretary_a, 1), (tree.admin, 1), (tree.secretary_b, 0)]:
        actor = await actor_of(uow, holder)
        async with uow() as u:
            assert len(await invites.pending_for(u, actor)) == expected


async def test_secretary_cannot_capture_a_committee_admin_roster_entry(uow, clock) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        # an admin of the committee imported but not yet on Telegram
        entry = await make_person(
            u, "王主任", None, [(tree.committee, Role.ADMIN)], phone="+8613900000009"
        )
        alt = await make_person(u, "Alt", 9999)  # secretary A's second account, no roles
        await u.commit()
    sec = await actor_of(uow, tree.secretary_a)

    # 1. same name + phone: the entry gets a branch-A role, no edit rights needed
    async with uow() as u:
        await apply_import(
            u, sec, members_csv(["BA", "王主任", "13900000009", "党员", ""]), clock()
        )
    # 2. a role-less account is "editable": give it the entry's phone (no contact check)
    async with uow() as u:
        await apply_import(
            u, sec, members_csv(["BA", "Alt", "13900000009", "群众", "9999"]), clock()
        )
    # 3. invite the alt, it skips the phone step, the secretary approves
    async with uow() as u:
        invite, _ = await invites.create_invite(
            u, sec, tree.branch_a.id, Role.MEMBER, 1, timedelta(days=1), clock()
        )
    async with uow() as u:
        sub = await invites.submit_join_request(u, alt.id, invite.token, "Alt", None, clock())
    async with uow() as u:
        await invites.decide_join_request(u, sec, sub.request.id, True, clock())

    async with uow() as u:
        assert not await u.memberships.exists(alt.id, tree.committee.id, Role.ADMIN), (
            "branch secretary's alt account is now admin of the whole committee"
        )
    async with uow() as u:
        still = await u.people.get(entry.id)
        assert still is not None and still.telegram_id is None  # the entry was not captured
