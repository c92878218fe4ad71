"""Joining by invite link, end to end through the Dispatcher."""

from __future__ import annotations

from datetime import timedelta

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SetMyCommands
from aiogram.types import BotCommandScopeChat
from sqlalchemy import select

from bot.notices import deliver_due_join_notices
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


async def test_redelivered_update_answers_once(harness: Harness, clock) -> None:
    tree = await build_tree(harness.uow)
    token = await _invite(harness, clock, tree, uses=5)
    start = Chatter(9701, "R").text(f"/start {token}")
    await harness.send(start)
    await harness.send(start)  # Telegram redelivers the same update_id
    assert len(harness.session.sent(9701)) == 1
    async with harness.uow() as u:
        assert await u.updates.seen(start.update_id)


async def test_flood_limit_on_the_approver_notice_loses_nothing(harness: Harness, clock) -> None:
    """A 429 on the secretary's notice: the requester is told the truth, and the sweep
    announces the request once Telegram takes messages again."""
    from aiogram.exceptions import TelegramRetryAfter
    from aiogram.methods import SendMessage

    tree = await build_tree(harness.uow)
    token = await _invite(harness, clock, tree)
    real = harness.session.make_request

    async def flaky(bot, method, timeout=None):  # noqa: ASYNC109
        if isinstance(method, SendMessage) and method.chat_id == 2001:
            raise TelegramRetryAfter(method, "Too Many Requests", 5)
        return await real(bot, method, timeout)

    harness.session.make_request = flaky  # type: ignore[method-assign]
    newcomer = Chatter(9801, "N", "en")
    for text in (f"/start {token}", "Nara", "Skip"):
        await harness.send(newcomer.text(text))
    assert "Request sent" in harness.session.sent(9801)[-1].text
    async with harness.uow() as u:
        request = (await u.session.scalars(select(JoinRequest))).one()
        assert request.notified_at is None

    harness.session.make_request = real  # type: ignore[method-assign]
    core = harness.dp["i18n_middleware"].core
    settings = harness.dp["settings"]
    async with harness.uow() as u:
        assert await deliver_due_join_notices(u, harness.bot, core, settings, clock()) == 1
    assert "Nara" in harness.session.sent(2001)[-1].text
    async with harness.uow() as u:
        assert await deliver_due_join_notices(u, harness.bot, core, settings, clock()) == 0


async def test_requests_at_night_wait_for_the_morning(harness: Harness, clock) -> None:
    tree = await build_tree(harness.uow)
    token = await _invite(harness, clock, tree)
    clock.now = clock.now.replace(hour=15, minute=0)  # 23:00 in Asia/Shanghai
    newcomer = Chatter(9901, "Night", "en")
    for text in (f"/start {token}", "Owl", "Skip"):
        await harness.send(newcomer.text(text))
    assert harness.session.sent(2001) == []  # nobody is woken up
    core = harness.dp["i18n_middleware"].core
    settings = harness.dp["settings"]
    async with harness.uow() as u:
        assert await deliver_due_join_notices(u, harness.bot, core, settings, clock()) == 0
    clock.advance(hours=9)  # 08:00 local
    async with harness.uow() as u:
        assert await deliver_due_join_notices(u, harness.bot, core, settings, clock()) == 1
    assert "Owl" in harness.session.sent(2001)[-1].text


async def test_rejected_request_renames_nobody(harness: Harness, clock) -> None:
    tree = await build_tree(harness.uow)
    token = await _invite(harness, clock, tree)
    member = Chatter(3001, "Bater", "mn")  # already 党员巴特尔 in branch A
    async with harness.uow() as u:
        invite = await u.invites.by_token(token)
        assert invite is not None
        invite.role = Role.RESIDENT  # an invite to another role in the same branch
        await u.commit()
    for text in (f"/start {token}", "假名字", "/cancel"):
        await harness.send(member.text(text))
    await harness.send(member.text(f"/start {token}"))
    await harness.send(member.text("假名字"))
    await harness.send(member.contact("+8613800000077"))
    async with harness.uow() as u:
        person = await u.people.by_telegram_id(3001)
        assert person is not None
        assert person.display_name == "党员巴特尔" and person.phone is None


async def test_refused_submit_keeps_the_typed_name(harness: Harness, clock) -> None:
    tree = await build_tree(harness.uow)
    token = await _invite(harness, clock, tree, days=1)
    newcomer = Chatter(9951, "Late", "en")
    await harness.send(newcomer.text(f"/start {token}"))
    await harness.send(newcomer.text("Slow Typist"))
    clock.advance(days=2)  # the link expires while they read the phone question
    await harness.send(newcomer.text("Skip"))
    assert "expired" in harness.session.sent(9951)[-1].text
    state = await harness.dp.fsm.get_context(harness.bot, 9951, 9951).get_data()
    assert state.get("name") == "Slow Typist"
