"""Joining by invite link, end to end through the Dispatcher."""

from __future__ import annotations

from datetime import timedelta

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SetMyCommands
from aiogram.types import BotCommandScopeChat
from sqlalchemy import select

from bot.services import invites
from bot.services.roles import Role
from storage.models import Invite, JoinRequest, JoinStatus
from tests.factories import actor_of, build_tree
from tests.fakes import Chatter, buttons
from tests.flows.conftest import Harness


async def _invite(h: Harness, clock, tree, role=Role.MEMBER, uses=1, days=3) -> str:
    secretary = await actor_of(h.uow, tree.secretary_a)
    async with h.uow() as u:
        invite, _ = await invites.create_invite(
            u, secretary, tree.branch_a.id, role, uses, timedelta(days=days), clock()
        )
    return invite.token


async def test_newcomer_joins_and_secretary_approves(harness: Harness, clock) -> None:
    tree = await build_tree(harness.uow)
    token = await _invite(harness, clock, tree)
    newcomer = Chatter(9001, "Bayar", "mn-CN")
    secretary = Chatter(2001, "书记甲")

    await harness.send(newcomer.text(f"/start {token}"))
    intro = harness.session.sent(9001)[-1]
    assert "哈业胡同嘎查党支部" in intro.text
    assert "ᠨᠠᠮ" in intro.text  # mn-CN maps to the traditional-script catalogue

    await harness.send(newcomer.text("  巴雅尔  "))
    await harness.send(newcomer.contact("+86 138 0013 8000"))

    notice = harness.session.sent(2001)[-1]
    assert "巴雅尔" in notice.text and "+8613800138000" in notice.text
    approve = next(data for text, data in buttons(notice) if "同意" in text)

    harness.session.clear()
    await harness.send(secretary.press(approve))
    assert "巴雅尔" in harness.session.of_type(EditMessageText)[-1].text
    welcome = harness.session.sent(9001)[-1].text
    assert "哈业胡同嘎查党支部" in welcome
    menus = [
        m
        for m in harness.session.of_type(SetMyCommands)
        if isinstance(m.scope, BotCommandScopeChat) and m.scope.chat_id == 9001
    ]
    assert menus, "the new member's command menu is set"

    async with harness.uow() as u:
        person = await u.people.by_telegram_id(9001)
        assert person is not None and person.display_name == "巴雅尔"
        assert await u.memberships.exists(person.id, tree.branch_a.id, Role.MEMBER)
        invite = await u.invites.by_token(token)
        assert invite is not None and invite.uses == 1

    # a second tap on the same button changes nothing and says so
    harness.session.clear()
    await harness.send(secretary.press(approve))
    answer = harness.session.of_type(AnswerCallbackQuery)[-1]
    assert answer.show_alert is True
    assert "已经处理过" in answer.text


async def test_used_up_expired_and_forged_tokens_are_explained(harness: Harness, clock) -> None:
    tree = await build_tree(harness.uow)
    token = await _invite(harness, clock, tree, days=1)
    first, second = Chatter(9101, "A"), Chatter(9102, "B", "en")

    await harness.send(first.text(f"/start {token}"))
    await harness.send(first.text("甲"))
    await harness.send(first.text("跳过"))
    await harness.send(second.text(f"/start {token}"))
    assert "used up" in harness.session.sent(9102)[-1].text

    await harness.send(second.text("/start not-a-real-token"))
    assert "not valid" in harness.session.sent(9102)[-1].text

    clock.advance(days=2)
    other = await _invite(harness, clock, tree, uses=10, days=1)
    clock.advance(days=1, seconds=1)
    await harness.send(second.text(f"/start {other}"))
    assert "expired" in harness.session.sent(9102)[-1].text

    async with harness.uow() as u:
        requests = (await u.session.scalars(select(JoinRequest))).all()
        assert [r.display_name for r in requests] == ["甲"]
        assert requests[0].status is JoinStatus.PENDING


async def test_rejected_request_informs_the_requester(harness: Harness, clock) -> None:
    tree = await build_tree(harness.uow)
    token = await _invite(harness, clock, tree)
    newcomer = Chatter(9201, "Tom", "en")
    await harness.send(newcomer.text(f"/start {token}"))
    await harness.send(newcomer.text("Tom Lee"))
    await harness.send(newcomer.text("Skip"))
    notice = harness.session.sent(2001)[-1]
    reject = next(data for text, data in buttons(notice) if "拒绝" in text)
    await harness.send(Chatter(2001, "书记甲").press(reject))
    assert "not approved" in harness.session.sent(9201)[-1].text
    async with harness.uow() as u:
        person = await u.people.by_telegram_id(9201)
        assert person is not None
        assert not await u.memberships.exists(person.id, tree.branch_a.id, Role.MEMBER)


async def test_secretary_of_another_branch_cannot_decide(harness: Harness, clock) -> None:
    tree = await build_tree(harness.uow)
    token = await _invite(harness, clock, tree)
    newcomer = Chatter(9301, "X")
    await harness.send(newcomer.text(f"/start {token}"))
    await harness.send(newcomer.text("某某"))
    await harness.send(newcomer.text("跳过"))
    approve = next(d for t, d in buttons(harness.session.sent(2001)[-1]) if "同意" in t)

    harness.session.clear()
    await harness.send(Chatter(2002, "书记乙", "en").press(approve))
    assert "not allowed" in harness.session.of_type(AnswerCallbackQuery)[-1].text
    async with harness.uow() as u:
        request = (await u.session.scalars(select(JoinRequest))).one()
        assert request.status is JoinStatus.PENDING


async def test_someone_elses_contact_is_refused(harness: Harness, clock) -> None:
    tree = await build_tree(harness.uow)
    token = await _invite(harness, clock, tree)
    newcomer = Chatter(9401, "Y")
    await harness.send(newcomer.text(f"/start {token}"))
    await harness.send(newcomer.text("乌云"))
    await harness.send(newcomer.contact("+8613900000000", user_id=12345))
    assert "自己的手机号" in harness.session.sent(9401)[-1].text
    async with harness.uow() as u:
        assert (await u.session.scalars(select(JoinRequest))).all() == []
        invite = (await u.session.scalars(select(Invite))).one()
        assert invite.uses == 0


async def test_repeated_update_has_one_effect(harness: Harness, clock) -> None:
    tree = await build_tree(harness.uow)
    token = await _invite(harness, clock, tree, uses=5)
    newcomer = Chatter(9501, "Z")
    await harness.send(newcomer.text(f"/start {token}"))
    await harness.send(newcomer.text("重复测试"))
    skip = newcomer.text("跳过")
    await harness.send(skip)
    await harness.send(skip)  # Telegram redelivers the same update
    async with harness.uow() as u:
        assert len((await u.session.scalars(select(JoinRequest))).all()) == 1
        invite = (await u.session.scalars(select(Invite))).one()
        assert invite.uses == 1
