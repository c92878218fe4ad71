"""Need tickets through the real Dispatcher: /need with text, photo and voice, the
secretary's dispatch buttons, the member's accept and resolve, the resident's stars; other
users' keyboards, stale buttons, double taps and forged callback data; /tickets lists and
statistics; the deadline sweep."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendDocument, SendMessage
from aiogram.types import BufferedInputFile, PhotoSize, Update
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.keyboards.tickets import TicketAction, TicketCB
from bot.reminders.tickets import run_ticket_deadlines
from bot.services.roles import Level, Role
from storage.models import Ticket, TicketStatus
from tests.conftest import FakeClock
from tests.factories import build_tree, make_org, make_person
from tests.fakes import TOKEN, FieldChatter, buttons
from tests.flows.conftest import Harness

SECRETARY_A, SECRETARY_B, MEMBER_A, LEADER_A1, RESIDENT = 2001, 2002, 3001, 3002, 4001


class Person(FieldChatter):
    def photo(self, file_id: str) -> Update:
        size = PhotoSize(file_id=file_id, file_unique_id=file_id, width=800, height=600)
        return self._dated(None, False, photo=[size])


def latest(h: Harness, chat_id: int) -> SendMessage | EditMessageText:
    for request in reversed(h.session.requests):
        if isinstance(request, (SendMessage, EditMessageText)) and request.chat_id == chat_id:
            return request
    raise AssertionError(f"nothing was sent to {chat_id}")


def button(method: SendMessage | EditMessageText, contains: str) -> str:
    for text, data in buttons(method):
        if contains in text:
            return data
    raise AssertionError(f"no button with {contains!r} in {buttons(method)!r}")


def alerts(h: Harness) -> list[str]:
    return [a.text or "" for a in h.session.of_type(AnswerCallbackQuery) if a.show_alert]


async def tap(h: Harness, who: Person, contains: str) -> None:
    await h.send(who.press(button(latest(h, who.user.id), contains)))


async def ticket_row(h: Harness) -> Ticket:
    async with h.uow() as u:
        found = (await u.session.scalars(select(Ticket).order_by(Ticket.id.desc()))).first()
    assert found is not None
    return found


async def setup(h: Harness) -> None:
    tree = await build_tree(h.uow)
    async with h.uow() as u:
        await make_person(
            u, "居民刘大姐", RESIDENT, [(tree.branch_a, Role.RESIDENT)], language="zh"
        )
        await u.commit()


async def report_in_chat(h: Harness, resident: Person, text: str = "楼道灯坏了") -> Ticket:
    await h.send(resident.text("/need"))
    assert "什么方面" in (latest(h, RESIDENT).text or "")
    await tap(h, resident, "养老助老")
    await h.send(resident.text(text))
    await h.send(resident.photo("photo-1"))
    assert "第 1 张照片" in (latest(h, RESIDENT).text or "")
    await tap(h, resident, "提交")
    ticket = await ticket_row(h)
    assert f"#{ticket.id}" in (latest(h, RESIDENT).text or "")
    return ticket


async def test_the_whole_loop_in_the_chat(harness: Harness) -> None:
    h = harness
    await setup(h)
    resident, secretary = Person(RESIDENT, "刘"), Person(SECRETARY_A, "书记")
    member = Person(MEMBER_A, "巴特尔", "mn")
    ticket = await report_in_chat(h, resident)
    assert ticket.photos == ["photo-1"] and ticket.category == "elderly"

    card = latest(h, SECRETARY_A)
    assert "新的群众诉求" in (card.text or "") and "楼道灯坏了" in (card.text or "")
    assert h.session.sent(SECRETARY_B) == []  # the other branch hears nothing
    await tap(h, secretary, "指派党员")
    assert "在办 0 件" in str(buttons(latest(h, SECRETARY_A)))
    await tap(h, secretary, "党员巴特尔")
    assert "已派单" in (latest(h, SECRETARY_A).text or "")

    offer = latest(h, MEMBER_A)  # in Mongolian, with accept / decline
    assert any("\u1800" <= ch <= "\u18af" for ch in offer.text or "")
    accept = button(offer, "✅")
    await h.send(member.press(accept))
    assert (await ticket_row(h)).status is TicketStatus.IN_PROGRESS
    assert "党员巴特尔" in (latest(h, RESIDENT).text or "")  # the resident is told who

    h.session.clear()
    await h.send(member.press(accept))  # a double tap changes nothing
    assert alerts(h) and "#" in alerts(h)[0]
    await h.send(member.press(TicketCB(action=TicketAction.RESOLVE, ticket_id=ticket.id).pack()))
    await h.send(member.text("灯已经换好了"))
    await h.send(member.photo("after-1"))
    await tap(h, member, "✅")
    solved = await ticket_row(h)
    assert solved.status is TicketStatus.RESOLVED and solved.resolution_photos == ["after-1"]

    rate_ask = latest(h, RESIDENT)
    assert "已办结" in (rate_ask.text or "") and "灯已经换好了" in (rate_ask.text or "")
    await h.send(resident.press(button(rate_ask, "⭐⭐⭐⭐⭐")))
    await h.send(resident.text("很及时，谢谢"))
    closed = await ticket_row(h)
    assert closed.status is TicketStatus.CLOSED and closed.rating == 5
    assert closed.rating_comment == "很及时，谢谢"
    assert any("5" in (m.text or "") for m in h.session.sent(MEMBER_A))

    h.session.clear()
    await h.send(resident.press(button(rate_ask, "⭐")))  # rating again: refused
    assert any("已经评价过" in a for a in alerts(h))
    assert (await ticket_row(h)).rating == 5

    # the history and its export say whom it was assigned to and how many stars it got
    secretary_open = TicketCB(action=TicketAction.OPEN, ticket_id=ticket.id).pack()
    await h.send(secretary.press(secretary_open))
    await tap(h, secretary, "处理记录")
    shown = latest(h, SECRETARY_A).text or ""
    assert "派单给 党员巴特尔" in shown and "评价 5 星" in shown
    await h.send(secretary.press(TicketCB(action=TicketAction.EXPORT, ticket_id=ticket.id).pack()))
    exported = h.session.of_type(SendDocument)[-1].document
    assert isinstance(exported, BufferedInputFile)
    rows = exported.data.decode("utf-8-sig")
    assert "派单给 党员巴特尔" in rows and "评价 5 星" in rows


async def test_other_users_keyboards_and_forged_buttons(harness: Harness) -> None:
    h = harness
    await setup(h)
    resident, secretary = Person(RESIDENT, "刘"), Person(SECRETARY_A, "书记")
    other_secretary, leader = Person(SECRETARY_B, "Other", "en"), Person(LEADER_A1, "组长")
    ticket = await report_in_chat(h, resident)
    assign = button(latest(h, SECRETARY_A), "指派党员")
    h.session.clear()
    for outsider in (resident, other_secretary, leader):
        await h.send(outsider.press(assign))
    assert len(alerts(h)) == 3
    post = TicketCB(action=TicketAction.POST, ticket_id=ticket.id).pack()
    await h.send(leader.press(post))
    assert (await ticket_row(h)).status is TicketStatus.NEW

    await h.send(secretary.press(post))
    assert (await ticket_row(h)).status is TicketStatus.POSTED
    claim = button(latest(h, LEADER_A1), "认领")
    await h.send(leader.press(claim))
    h.session.clear()
    await h.send(Person(MEMBER_A, "巴特尔").press(claim))  # a second claim: already taken
    assert len(alerts(h)) == 1 and f"#{ticket.id}" in alerts(h)[0]  # in Mongolian
    async with h.uow() as u:
        leader_id = (await u.people.by_telegram_id(LEADER_A1)).id  # type: ignore[union-attr]
    assert (await ticket_row(h)).assignee_id == leader_id

    h.session.clear()
    rate = TicketCB(action=TicketAction.RATE, ticket_id=ticket.id, arg=5).pack()
    await h.send(leader.press(rate))  # not the reporter
    await h.send(secretary.press("tk:zz:1:0"))  # malformed
    await h.send(secretary.press(f"tk:o:{ticket.id + 99}:0"))  # no such ticket
    assert len(alerts(h)) == 3
    assert (await ticket_row(h)).rating is None


async def test_decline_with_a_reason_and_voice_rules(harness: Harness) -> None:
    h = harness
    await setup(h)
    resident, secretary = Person(RESIDENT, "刘"), Person(SECRETARY_A, "书记")
    await h.send(resident.text("/need"))
    await tap(h, resident, "环境卫生")
    await h.send(resident.voice("fwd", 5, 1000, forwarded=True))
    assert "转发" in (latest(h, RESIDENT).text or "")
    await h.send(resident.voice("long", 400, 1000))
    assert "太长" in (latest(h, RESIDENT).text or "")
    await h.send(resident.voice("voice-1", 12, 30_000))
    await tap(h, resident, "提交")
    ticket = await ticket_row(h)
    assert ticket.voice_file_id == "voice-1" and ticket.description == ""

    await tap(h, secretary, "不予受理")
    await h.send(secretary.text("属于供电公司，请拨打 95598"))
    assert (await ticket_row(h)).status is TicketStatus.DECLINED
    told = latest(h, RESIDENT).text or ""
    assert "不予受理" in told and "95598" in told


async def test_lists_history_export_and_statistics(harness: Harness) -> None:
    h = harness
    await setup(h)
    resident, secretary = Person(RESIDENT, "刘"), Person(SECRETARY_A, "书记")
    ticket = await report_in_chat(h, resident)
    await h.send(secretary.text("/tickets"))
    await tap(h, secretary, "待办诉求")
    listing = latest(h, SECRETARY_A)
    assert f"#{ticket.id}" in str(buttons(listing))
    await tap(h, secretary, f"#{ticket.id}")
    export = button(latest(h, SECRETARY_A), "导出记录")
    await tap(h, secretary, "处理记录")
    assert "反映诉求" in (latest(h, SECRETARY_A).text or "")
    await h.send(secretary.press(export))
    document = h.session.of_type(SendDocument)[-1]
    assert document.document.filename == f"ticket-{ticket.id}.csv"
    await h.send(secretary.text("/tickets"))
    await tap(h, secretary, "月度统计")
    stats = latest(h, SECRETARY_A).text or ""
    assert "2026-11" in stats and "反映 1" in stats

    await h.send(resident.text("/tickets"))
    assert "待办诉求" not in str(buttons(latest(h, RESIDENT)))
    await tap(h, resident, "我反映的")
    assert f"#{ticket.id}" in str(buttons(latest(h, RESIDENT)))


async def test_deadline_sweep_reminds_the_secretary_once(
    harness: Harness, clock: FakeClock, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    h = harness
    await setup(h)
    await report_in_chat(h, Person(RESIDENT, "刘"))
    settings = Settings(_env_file=None, bot_token=TOKEN)
    core = h.dp["i18n_middleware"].core
    h.session.clear()
    clock.advance(hours=1)
    assert await run_ticket_deadlines(session_factory, h.bot, core, settings, clock) == 0
    clock.advance(hours=1)  # elderly care: dispatch within 2 hours
    assert await run_ticket_deadlines(session_factory, h.bot, core, settings, clock) == 1
    reminder = latest(h, SECRETARY_A)
    assert "还没有派单" in (reminder.text or "") and button(reminder, "指派党员")
    assert await run_ticket_deadlines(session_factory, h.bot, core, settings, clock) == 0


async def test_the_secretary_hears_who_declined_an_assignment(harness: Harness) -> None:
    h = harness
    await setup(h)
    resident, secretary = Person(RESIDENT, "刘"), Person(SECRETARY_A, "书记")
    member = Person(MEMBER_A, "巴特尔", "mn")
    ticket = await report_in_chat(h, resident)
    await tap(h, secretary, "指派党员")
    await tap(h, secretary, "党员巴特尔")
    await h.send(member.press(TicketCB(action=TicketAction.REFUSE, ticket_id=ticket.id).pack()))
    await h.send(member.text("这周在外地培训"))
    assert (await ticket_row(h)).status is TicketStatus.NEW
    told = latest(h, SECRETARY_A).text or ""
    assert "党员巴特尔 婉拒了" in told and "这周在外地培训" in told  # not "— 婉拒了"


async def test_forged_numbers_out_of_range_are_refused_cleanly(harness: Harness) -> None:
    """Ids and pages past what the database's integers hold (PostgreSQL: 32 bits) are
    answered like any unknown ticket or an empty page, not as a failure."""
    h = harness
    await setup(h)
    resident, secretary = Person(RESIDENT, "刘"), Person(SECRETARY_A, "书记")
    ticket = await report_in_chat(h, resident)
    h.session.clear()
    huge = 10**30
    await h.send(secretary.press(f"tk:o:{huge}:0"))
    await h.send(secretary.press(f"tk:o:{2**31}:0"))
    await h.send(secretary.press(f"tk:i:{ticket.id}:{huge}"))  # merge into a forged ticket
    told = alerts(h)
    assert len(told) == 3 and not any("出了点问题" in a for a in told)
    await h.send(secretary.press(f"tl:o:{huge}:0:0"))
    await h.send(resident.press(f"tl:m:{huge}:0:0"))
    assert not any("出了点问题" in a for a in alerts(h))
    assert f"#{ticket.id}" in str(buttons(latest(h, RESIDENT)))  # the last page there is


async def test_statistics_of_a_large_subtree_are_not_cut_off(harness: Harness) -> None:
    h = harness
    tree = await build_tree(h.uow)
    async with h.uow() as u:
        for n in range(40):
            await make_org(
                u, f"B{n:02d}", Level.BRANCH, tree.committee, name=f"{'长' * 150}{n:02d}"
            )
        await u.commit()
    admin = Person(1001, "王")
    await h.send(admin.text("/tickets"))
    stats = button(latest(h, 1001), "月度统计")
    h.session.clear()
    await h.send(admin.press(stats))
    shown = [
        m.text or "" for m in h.session.requests if isinstance(m, (SendMessage, EditMessageText))
    ]
    assert len(shown) > 1 and all(len(text) <= 4096 for text in shown)
    everything = "\n".join(shown)
    assert all(f"{'长' * 150}{n:02d}" in everything for n in range(40))
    assert button(latest(h, 1001), "上个月")  # the month buttons close the last message
