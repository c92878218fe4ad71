"""Party dues through the real Dispatcher: a member reports a payment, the secretary confirms
it (or sends it back with a reason) and the member is told; a double confirm; a batch record
for the quarter; setting a member's dues with a reduction; forged and foreign buttons; the
ledger XLSX and the overview agreeing; the receipt photo; buttons pressed days later (an
inaccessible message, a query Telegram calls too old); an officer who also pays; the
secretary's dues day and the committee admin's amount for farmers and herders."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageText,
    SendDocument,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    Chat,
    InaccessibleMessage,
    Message,
    PhotoSize,
    Update,
)
from openpyxl import load_workbook
from sqlalchemy import select

from bot.keyboards.dues import (
    AssessCB,
    AssessStep,
    BranchAction,
    BranchCB,
    FarmerCB,
    PaymentAction,
    PaymentCB,
)
from bot.services.dues_rules import DuesCategory
from bot.services.roles import Role
from storage.models import DuesPayment, DuesProfile, Organization, PaymentStatus
from tests.factories import Tree, build_tree, make_person
from tests.fakes import BOT_USER, FieldChatter, RecordingSession, buttons
from tests.flows.conftest import Harness
from tests.unit.test_dues import NOV, OCT, add_profile, credits

ADMIN, SECRETARY_A, SECRETARY_B, MEMBER_A, LEADER_A1 = 1001, 2001, 2002, 3001, 3002


class Person(FieldChatter):
    def photo(self, file_id: str) -> Update:
        size = PhotoSize(file_id=file_id, file_unique_id=file_id, width=800, height=600)
        return self._dated(None, False, photo=[size])


class Telegram(RecordingSession):
    """The recording session, plus what these tests need of Telegram that it does not
    answer: sendPhoto, and a callback query refused as too old (the bot was down)."""

    def __init__(self) -> None:
        super().__init__()
        self.queries_too_old = False

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        if isinstance(method, SendPhoto):
            self.requests.append(method)
            size = PhotoSize(file_id=str(method.photo), file_unique_id="p", width=1, height=1)
            chat = Chat(id=int(method.chat_id), type="private")
            return Message(
                message_id=1, date=datetime.now(UTC), chat=chat, from_user=BOT_USER, photo=[size]
            )
        if isinstance(method, AnswerCallbackQuery) and self.queries_too_old:
            self.requests.append(method)
            raise TelegramBadRequest(
                method, "Bad Request: query is too old and response timeout expired"
            )
        return await super().make_request(bot, method, timeout)


def with_telegram(h: Harness) -> Telegram:
    session = Telegram()
    h.bot.session = session
    h.session = session
    return session


def press_old(who: Person, data: str) -> Update:
    """A button under a message older than 48 hours: Telegram sends it inaccessible."""
    query = CallbackQuery(
        id="old-query",
        from_user=who.user,
        chat_instance="ci",
        message=InaccessibleMessage(chat=who.chat, message_id=7),
        data=data,
    )
    return Update(update_id=who.press("x").update_id, callback_query=query)


def latest(h: Harness, chat_id: int) -> SendMessage | EditMessageText:
    for request in reversed(h.session.requests):
        if isinstance(request, (SendMessage, EditMessageText)) and request.chat_id == chat_id:
            return request
    raise AssertionError(f"nothing was sent to {chat_id}")


def text_of(h: Harness, chat_id: int) -> str:
    return latest(h, chat_id).text or ""


def button(method: SendMessage | EditMessageText, contains: str) -> str:
    for text, data in buttons(method):
        if contains in text:
            return data
    raise AssertionError(f"no button with {contains!r} in {buttons(method)!r}")


def alerts(h: Harness) -> list[str]:
    return [a.text or "" for a in h.session.of_type(AnswerCallbackQuery) if a.show_alert]


async def tap(h: Harness, who: Person, contains: str) -> None:
    await h.send(who.press(button(latest(h, who.user.id), contains)))


async def payments(h: Harness) -> list[DuesPayment]:
    async with h.uow() as u:
        return list((await u.session.scalars(select(DuesPayment).order_by(DuesPayment.id))).all())


async def setup(h: Harness) -> Tree:
    tree = await build_tree(h.uow)
    await add_profile(h.uow, tree.leader_a1.id, tree.branch_a, OCT, 1_000)
    await add_profile(h.uow, tree.member_a.id, tree.branch_a, OCT, 2_000)
    return tree


async def report_in_chat(h: Harness, member: Person) -> DuesPayment:
    """The leader of group A1 (a member of branch A) reports November with a voluntary extra
    and a receipt photo."""
    await h.send(member.text("/dues"))
    shown = text_of(h, LEADER_A1)
    assert "每月应交：10.00 元" in shown and "未交月份：2026-10, 2026-11，共 20.00 元" in shown
    await tap(h, member, "报告已交党费")
    await tap(h, member, "2026-11")
    assert "已选 1 个月，合计 10.00 元" in text_of(h, LEADER_A1)
    await tap(h, member, "下一步")
    await h.send(member.text("abc"))  # not an amount: asked again, nothing changes
    assert "请输入金额" in text_of(h, LEADER_A1)
    await h.send(member.text("9.99"))
    assert "不能少于应交的 10.00 元" in text_of(h, LEADER_A1)
    await h.send(member.text("15"))
    await h.send(member.photo("receipt-1"))
    summary = text_of(h, LEADER_A1)
    assert "金额：15.00 元（应交 10.00 元）" in summary and "自愿多交 5.00 元" in summary
    await tap(h, member, "提交报告")
    assert "已报告给" in text_of(h, LEADER_A1)
    [payment] = await payments(h)
    assert payment.status is PaymentStatus.REPORTED and payment.receipt_file_id == "receipt-1"
    return payment


async def test_report_confirm_and_the_member_is_told(harness: Harness) -> None:
    h = harness
    tree = await setup(h)
    member, secretary = Person(LEADER_A1, "其其格"), Person(SECRETARY_A, "书记")
    payment = await report_in_chat(h, member)

    notice = latest(h, SECRETARY_A)
    assert "小组长其其格 报告已交党费" in (notice.text or "") and "2026-11" in (notice.text or "")
    assert h.session.sent(SECRETARY_B) == [] and h.session.sent(ADMIN) == []
    confirm = button(notice, "确认收到")
    await h.send(secretary.press(confirm))
    assert "已确认 小组长其其格 的党费" in text_of(h, SECRETARY_A)
    assert "已由支部确认入账" in text_of(h, LEADER_A1)
    assert await credits(h.uow, tree.leader_a1.id) == {NOV: 1_500}

    h.session.clear()
    await h.send(secretary.press(confirm))  # a double tap: nothing changes, it says so
    assert any("已经确认过了" in a for a in alerts(h))
    assert await credits(h.uow, tree.leader_a1.id) == {NOV: 1_500}
    assert h.session.sent(LEADER_A1) == []

    await h.send(member.text("/dues"))
    shown = text_of(h, LEADER_A1)
    assert "2026 年已交：2026-11" in shown and "未交月份：2026-10" in shown
    assert payment.id == (await payments(h))[0].id


async def test_reject_with_a_reason(harness: Harness) -> None:
    h = harness
    await setup(h)
    member, secretary = Person(LEADER_A1, "其其格"), Person(SECRETARY_A, "书记")
    await report_in_chat(h, member)
    await tap(h, secretary, "退回")
    assert "退回 小组长其其格 这笔报告的原因" in text_of(h, SECRETARY_A)
    await h.send(secretary.text("转账截图看不清，请重新上传"))
    assert "已退回" in text_of(h, SECRETARY_A)
    told = text_of(h, LEADER_A1)
    assert "被支部退回：转账截图看不清，请重新上传" in told
    [payment] = await payments(h)
    assert (
        payment.status is PaymentStatus.REJECTED and payment.note == "转账截图看不清，请重新上传"
    )

    await h.send(member.text("/dues"))
    await tap(h, member, "我的缴费记录")
    assert "已退回" in text_of(h, LEADER_A1) and "转账截图看不清" in text_of(h, LEADER_A1)


async def test_batch_record_for_the_quarter(harness: Harness) -> None:
    h = harness
    tree = await setup(h)
    secretary, member = Person(SECRETARY_A, "书记"), Person(MEMBER_A, "巴特尔", "mn")
    await h.send(secretary.text("/dues"))
    await tap(h, secretary, "哈业胡同嘎查党支部")
    assert "应交 30.00 元，已交 0.00 元（0 人）" in text_of(h, SECRETARY_A)
    await tap(h, secretary, "登记缴费")
    await tap(h, secretary, "党员巴特尔")
    await tap(h, secretary, "下一步")
    await tap(h, secretary, "本月")
    await tap(h, secretary, "本人缴纳")
    await tap(h, secretary, "确认登记")
    assert await credits(h.uow, tree.member_a.id) == {NOV: 2_000}

    await tap(h, secretary, "返回")
    await tap(h, secretary, "登记缴费")
    await tap(h, secretary, "选中本月未交的全部党员")
    assert "已选 1 人" in text_of(h, SECRETARY_A)  # the leader; Bater paid November
    await tap(h, secretary, "党员巴特尔")
    await tap(h, secretary, "下一步")
    await tap(h, secretary, "2026-Q4")
    await h.send(secretary.text("党小组长代收"))
    preview = text_of(h, SECRETARY_A)
    assert "将为 2 人登记 2026-10, 2026-11, 2026-12，合计 70.00 元" in preview
    assert "党员巴特尔 的 2026-11 已交过，跳过" in preview
    await tap(h, secretary, "确认登记")
    assert "已为 2 人登记缴费，合计 70.00 元" in text_of(h, SECRETARY_A)
    assert await credits(h.uow, tree.member_a.id) == {OCT: 2_000, NOV: 2_000, NOV + 1: 2_000}
    assert await credits(h.uow, tree.leader_a1.id) == {OCT: 1_000, NOV: 1_000, NOV + 1: 1_000}
    recorded = await payments(h)
    assert [p.paid_by for p in recorded] == ["", "党小组长代收", "党小组长代收"]
    assert all(p.status is PaymentStatus.CONFIRMED for p in recorded)

    await h.send(member.text("/dues"))  # in Mongolian, nothing owed
    assert "✅" in text_of(h, MEMBER_A) and "2026-12" in text_of(h, MEMBER_A)


async def test_set_a_members_dues_with_a_reduction(harness: Harness) -> None:
    h = harness
    tree = await setup(h)
    secretary = Person(SECRETARY_A, "书记")
    await h.send(secretary.text("/dues"))
    await tap(h, secretary, "哈业胡同嘎查党支部")
    await tap(h, secretary, "核定党费标准")
    await tap(h, secretary, "书记甲")  # not assessed yet
    await tap(h, secretary, "在职")
    await h.send(secretary.text("四千五"))
    assert "请输入金额" in text_of(h, SECRETARY_A)
    await h.send(secretary.text("0"))  # would be an exemption without a reason
    assert "每月应交 0 元，请核对后重新输入" in text_of(h, SECRETARY_A)
    await h.send(secretary.text("4500"))
    assert "按规定每月应交 45.00 元" in text_of(h, SECRETARY_A)  # 4,500 yuan: 1%
    await h.send(secretary.text("50"))
    assert "0 到 45.00 元之间" in text_of(h, SECRETARY_A)
    await h.send(secretary.text("20"))
    await h.send(secretary.text("家庭困难，经党委批准"))
    preview = text_of(h, SECRETARY_A)
    assert "每月 20.00 元" in preview and "按规定为 45.00 元" in preview
    await tap(h, secretary, "保存")
    assert "从 2026-11 起每月交 20.00 元" in text_of(h, SECRETARY_A)
    async with h.uow() as u:
        profile = await u.session.scalar(
            select(DuesProfile).where(DuesProfile.person_id == tree.secretary_a.id)
        )
    assert profile is not None
    assert (profile.category, profile.base_fen, profile.rule_fen, profile.amount_fen) == (
        DuesCategory.EMPLOYED,
        450_000,
        4_500,
        2_000,
    )
    assert profile.reason == "家庭困难，经党委批准" and profile.set_by_id == tree.secretary_a.id


async def test_forged_and_foreign_buttons_change_nothing(harness: Harness) -> None:
    h = harness
    tree = await setup(h)
    member = Person(LEADER_A1, "其其格")
    payment = await report_in_chat(h, member)
    other, admin = Person(SECRETARY_B, "Other", "en"), Person(ADMIN, "王")
    confirm = PaymentCB(action=PaymentAction.CONFIRM, payment_id=payment.id).pack()
    h.session.clear()
    await h.send(other.press(confirm))  # another branch's secretary
    await h.send(admin.press(confirm))  # the committee's admin reads, does not confirm
    await h.send(member.press(confirm))  # the member himself
    record = BranchCB(action=BranchAction.RECORD, branch_id=tree.branch_a.id).pack()
    await h.send(other.press(record))
    await h.send(member.press(BranchCB(action=BranchAction.OVERVIEW, branch_id=1).pack()))
    await h.send(admin.press("dm:r:0"))  # an admin pressing a member's button
    await h.send(admin.press("dp:zz:1"))  # malformed
    await h.send(other.press(f"dp:c:{2**40}"))  # no such payment
    await h.send(Person(SECRETARY_A, "书记").press(f"db:o:{tree.branch_a.id}:{NOV + 1}:0"))
    assert len(alerts(h)) == 9, alerts(h)
    assert [p.status for p in await payments(h)] == [PaymentStatus.REPORTED]
    assert await credits(h.uow, tree.leader_a1.id) == {}
    assert h.session.sent(LEADER_A1) == []

    secretary = Person(SECRETARY_A, "书记")
    await h.send(secretary.text("/dues"))
    await tap(h, secretary, "哈业胡同嘎查党支部")
    await tap(h, secretary, "核定党费标准")
    h.session.clear()
    forged = AssessCB(step=AssessStep.MEMBER, value=tree.secretary_b.id).pack()
    await h.send(secretary.press(forged))  # another branch's member in this branch's flow
    assert alerts(h) == ["这位不是本支部需要缴费的党员。"]
    async with h.uow() as u:
        await make_person(u, "居民刘大姐", 4001, [(tree.branch_a, Role.RESIDENT)])
        await u.commit()
    resident = Person(4001, "刘")
    await h.send(resident.text("/dues"))
    assert "只对党员和支部委员开放" in text_of(h, 4001)
    await h.send(resident.press("dm:r:0"))
    assert "不是支部的党员" in alerts(h)[-1]
    async with h.uow() as u:  # still only the two profiles of the setup
        assert len((await u.session.scalars(select(DuesProfile))).all()) == 2


async def test_the_ledger_xlsx_matches_the_overview(harness: Harness) -> None:
    h = harness
    tree = await setup(h)
    secretary, member = Person(SECRETARY_A, "书记"), Person(LEADER_A1, "其其格")
    await report_in_chat(h, member)
    await tap(h, Person(SECRETARY_A, "书记"), "确认收到")

    await h.send(secretary.text("/dues"))
    await tap(h, secretary, "哈业胡同嘎查党支部")
    overview = text_of(h, SECRETARY_A)
    found = re.search(r"应交 ([\d.]+) 元，已交 ([\d.]+) 元", overview)
    assert found is not None and found.groups() == ("30.00", "15.00")
    assert "党员巴特尔 20.00 元（连续 2 个月未交）" in overview
    assert "未核定党费标准的党员 1 人：书记甲" in overview
    await tap(h, secretary, "本月台账")
    document = h.session.of_type(SendDocument)[-1]
    assert document.chat_id == SECRETARY_A and "2026-11" in (document.caption or "")
    content = document.document
    assert isinstance(content, BufferedInputFile)
    assert content.filename == f"dues-{tree.branch_a.code}-2026-11.xlsx"
    sheet = load_workbook(io.BytesIO(content.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "姓名" and rows[-1][0] == "合计"
    due, paid = (Decimal(str(rows[-1][i])).quantize(Decimal("0.01")) for i in (2, 3))
    assert (str(due), str(paid)) == found.groups()

    await tap(h, secretary, "全年汇总")
    assert "2026-11：应交 30.00 元，已交 15.00 元" in text_of(h, SECRETARY_A)
    await tap(h, secretary, "全年台账")
    year_file = h.session.of_type(SendDocument)[-1].document
    assert isinstance(year_file, BufferedInputFile)
    assert year_file.filename == f"dues-{tree.branch_a.code}-2026.xlsx"
    assert load_workbook(io.BytesIO(year_file.data)).active.title == "2026"


async def test_an_admin_reads_and_long_lists_paginate(harness: Harness) -> None:
    h = harness
    tree = await setup(h)
    async with h.uow() as u:
        for number in range(10):
            await make_person(
                u, f"党员{number:02d}", 5000 + number, [(tree.group_a1, Role.MEMBER)]
            )
        await u.commit()
    admin, secretary = Person(ADMIN, "王"), Person(SECRETARY_A, "书记")
    await h.send(admin.text("/dues"))
    home = latest(h, ADMIN)
    assert [text for text, _ in buttons(home)] == [
        "📊 哈业胡同嘎查党支部",
        "📊 北京路社区党支部",
        "🌾 农牧民党员党费标准 · 九原区委组织部",
    ]
    await tap(h, admin, "哈业胡同嘎查党支部")
    shown = [text for text, _ in buttons(latest(h, ADMIN))]
    assert "📥 本月台账" in shown and not any("登记缴费" in t or "核定" in t for t in shown)
    assert "未核定党费标准的党员 11 人" in text_of(h, ADMIN)

    await h.send(secretary.text("/dues"))
    await tap(h, secretary, "哈业胡同嘎查党支部")
    await tap(h, secretary, "核定党费标准")
    first = [text for text, _ in buttons(latest(h, SECRETARY_A))]
    assert len([t for t in first if "·" in t]) == 8 and "下一页 ▶" in first
    await tap(h, secretary, "下一页")
    second = [text for text, _ in buttons(latest(h, SECRETARY_A))]
    assert len([t for t in second if "·" in t]) == 5 and "◀ 上一页" in second
    assert "党员巴特尔 · 20.00" in second  # sorted by name, with the current amount


async def test_the_receipt_photo_goes_to_the_officer_and_nobody_else(harness: Harness) -> None:
    h = harness
    await setup(h)
    member = Person(LEADER_A1, "其其格")
    await report_in_chat(h, member)
    receipt = button(h.session.sent(SECRETARY_A)[-1], "查看凭证")
    session = with_telegram(h)
    await h.send(Person(SECRETARY_A, "书记").press(receipt))
    [photo] = session.of_type(SendPhoto)
    assert (photo.chat_id, photo.photo) == (SECRETARY_A, "receipt-1")
    await h.send(member.press(receipt))  # the member's own receipt
    assert [p.chat_id for p in session.of_type(SendPhoto)] == [SECRETARY_A, LEADER_A1]

    session.clear()
    await h.send(Person(SECRETARY_B, "Other", "en").press(receipt))  # another branch
    await h.send(Person(MEMBER_A, "巴特尔", "mn").press(receipt))  # another member
    assert session.of_type(SendPhoto) == [] and len(alerts(h)) == 2


async def test_a_report_decided_days_later_from_an_inaccessible_message(harness: Harness) -> None:
    """Telegram sends a button under a message older than 48 hours with the message
    inaccessible: the officer still sees what happened, as a new message."""
    h = harness
    tree = await setup(h)
    member, secretary = Person(LEADER_A1, "其其格"), Person(SECRETARY_A, "书记")
    await report_in_chat(h, member)
    notice = h.session.sent(SECRETARY_A)[-1]
    h.session.clear()
    await h.send(press_old(secretary, button(notice, "确认收到")))
    assert await credits(h.uow, tree.leader_a1.id) == {NOV: 1_500}
    assert "已由支部确认入账" in text_of(h, LEADER_A1)
    [shown] = h.session.sent(SECRETARY_A)
    assert "已确认 小组长其其格 的党费" in (shown.text or "")

    await report_second(h, member)
    notice = h.session.sent(SECRETARY_A)[-1]
    h.session.clear()
    await h.send(press_old(secretary, button(notice, "退回")))
    assert "退回 小组长其其格 这笔报告的原因" in text_of(h, SECRETARY_A)
    await h.send(secretary.text("金额不对"))
    assert "被支部退回：金额不对" in text_of(h, LEADER_A1)

    h.session.clear()
    await h.send(secretary.text("/dues"))
    await tap(h, secretary, "哈业胡同嘎查党支部")
    overview = latest(h, SECRETARY_A)
    await h.send(press_old(secretary, button(overview, "本月台账")))
    [document] = h.session.of_type(SendDocument)
    assert document.chat_id == SECRETARY_A


async def report_second(h: Harness, member: Person) -> None:
    """October, with the amount as due and no receipt."""
    await h.send(member.text("/dues"))
    await tap(h, member, "报告已交党费")
    await tap(h, member, "2026-10")
    await tap(h, member, "下一步")
    await tap(h, member, "交了 10.00 元")
    await tap(h, member, "跳过")
    await tap(h, member, "提交报告")


async def test_a_confirmation_whose_query_is_too_old_still_tells_the_member(
    harness: Harness,
) -> None:
    """Updates wait up to 24 hours while the bot is down; by then Telegram refuses to
    answer the button. The confirmation still counts, the member is told and the officer's
    message shows it."""
    h = harness
    tree = await setup(h)
    member, secretary = Person(LEADER_A1, "其其格"), Person(SECRETARY_A, "书记")
    await report_in_chat(h, member)
    confirm = button(h.session.sent(SECRETARY_A)[-1], "确认收到")
    session = with_telegram(h)
    session.queries_too_old = True
    await h.send(secretary.press(confirm))
    assert await credits(h.uow, tree.leader_a1.id) == {NOV: 1_500}
    assert "已由支部确认入账" in text_of(h, LEADER_A1)
    assert "已确认 小组长其其格 的党费" in text_of(h, SECRETARY_A)


async def test_a_rejection_overtaken_by_a_confirmation_ends_the_flow(harness: Harness) -> None:
    """The secretary starts sending a report back, the deputy confirms it meanwhile: the
    reason then gets "already confirmed" once, and the chat is not stuck in the flow."""
    h = harness
    tree = await setup(h)
    async with h.uow() as u:
        await make_person(u, "副书记", 2003, [(tree.branch_a, Role.DEPUTY_SECRETARY)])
        await u.commit()
    member, secretary = Person(LEADER_A1, "其其格"), Person(SECRETARY_A, "书记")
    await report_in_chat(h, member)
    notice = h.session.sent(SECRETARY_A)[-1]
    await h.send(secretary.press(button(notice, "退回")))
    await h.send(Person(2003, "副").press(button(h.session.sent(2003)[-1], "确认收到")))
    h.session.clear()
    await h.send(secretary.text("看不清"))
    assert "已经确认过了" in text_of(h, SECRETARY_A)
    await h.send(secretary.text("看不清"))
    assert "没有听懂" in text_of(h, SECRETARY_A)
    [payment] = await payments(h)
    assert payment.status is PaymentStatus.CONFIRMED and payment.note == ""


async def test_an_officer_who_pays_dues_sees_both(harness: Harness) -> None:
    h = harness
    tree = await setup(h)
    await add_profile(h.uow, tree.secretary_a.id, tree.branch_a, NOV, 3_000)
    secretary = Person(SECRETARY_A, "书记")
    await h.send(secretary.text("/dues"))
    home = latest(h, SECRETARY_A)
    assert "每月应交：30.00 元" in (home.text or "") and "支部党费管理" in (home.text or "")
    shown = [text for text, _ in buttons(home)]
    assert shown[:2] == ["💰 报告已交党费", "📜 我的缴费记录"] and "📊 哈业胡同嘎查党支部" in shown
    await tap(h, secretary, "报告已交党费")
    await tap(h, secretary, "2026-11")
    await tap(h, secretary, "下一步")
    await tap(h, secretary, "交了 30.00 元")
    await tap(h, secretary, "跳过")
    await tap(h, secretary, "提交报告")
    # the secretary's own report goes to the branch's officers, the secretary included
    notice = h.session.sent(SECRETARY_A)[-1]
    assert "书记甲 报告已交党费" in (notice.text or "")


async def org_settings(h: Harness, org: Organization) -> dict[str, Any]:
    async with h.uow() as u:
        found = await u.organizations.get(org.id)
    assert found is not None
    return dict(found.settings)


async def test_a_secretary_changes_the_dues_day(harness: Harness) -> None:
    h = harness
    tree = await setup(h)
    secretary = Person(SECRETARY_A, "书记")
    await h.send(secretary.text("/dues"))
    await tap(h, secretary, "哈业胡同嘎查党支部")
    assert "📅 党费缴纳日：每月 5 日（默认）" in text_of(h, SECRETARY_A)
    await tap(h, secretary, "修改党费缴纳日")
    assert "每月 5 日（默认）" in text_of(h, SECRETARY_A)
    for typed in ("29", "0", "十五", "15.5"):  # refused, still asked for the day
        await h.send(secretary.text(typed))
        assert "请输入 1 到 28 之间的日期" in text_of(h, SECRETARY_A), typed
    assert await org_settings(h, tree.branch_a) == {}
    await h.send(secretary.text("15日"))
    saved = text_of(h, SECRETARY_A)
    assert "党费缴纳日已改为每月 15 日" in saved
    assert "下次提醒党员：2026-12-15" in saved and "下次向支委汇总：2026-11-22" in saved
    assert await org_settings(h, tree.branch_a) == {"dues_day": 15}
    await tap(h, secretary, "返回")  # the confirmation's button: back to the overview
    assert "每月 15 日（本级设置）" in text_of(h, SECRETARY_A)
    await h.send(secretary.text("16"))  # the flow is over
    assert "没有听懂" in text_of(h, SECRETARY_A)
    assert await org_settings(h, tree.branch_a) == {"dues_day": 15}
    admin = Person(ADMIN, "王")
    await h.send(admin.text("/dues"))
    await tap(h, admin, "哈业胡同嘎查党支部")  # the admin sees it, and cannot change it
    assert "每月 15 日（本级设置）" in text_of(h, ADMIN)
    assert not any("缴纳日" in text for text, _ in buttons(latest(h, ADMIN)))


async def test_an_admin_changes_the_farmers_amount(harness: Harness) -> None:
    h = harness
    tree = await setup(h)
    await add_profile(h.uow, tree.member_a.id, tree.branch_a, NOV, 20, DuesCategory.FARMER)
    admin, secretary = Person(ADMIN, "王"), Person(SECRETARY_A, "书记")
    await h.send(admin.text("/dues"))
    assert "🌾 九原区委组织部：农牧民党员每月交 0.20 元（默认）" in text_of(h, ADMIN)
    await tap(h, admin, "农牧民党员党费标准")
    assert "下属没有单独设置的支部都按此标准核定" in text_of(h, ADMIN)
    for typed in ("1.5", "0.1", "五毛"):
        await h.send(admin.text(typed))
        assert "请输入 0.20 到 1.00 元之间的金额" in text_of(h, ADMIN), typed
    assert await org_settings(h, tree.committee) == {}
    await h.send(admin.text("0.5"))
    saved = text_of(h, ADMIN)
    assert "农牧民党员的党费标准已改为每月 0.50 元" in saved and "已核定的党员金额不变" in saved
    assert await org_settings(h, tree.committee) == {"dues_farmer_fen": 50}
    await tap(h, admin, "党费首页")
    assert "农牧民党员每月交 0.50 元（本级设置）" in text_of(h, ADMIN)

    await h.send(secretary.text("/dues"))  # a new assessment in a branch below uses it
    assert "农牧民" not in text_of(h, SECRETARY_A)  # only admins see the region's amount
    await tap(h, secretary, "哈业胡同嘎查党支部")
    await tap(h, secretary, "核定党费标准")
    await tap(h, secretary, "小组长其其格")
    await tap(h, secretary, "农牧民")
    assert "按规定每月应交 0.50 元" in text_of(h, SECRETARY_A)
    async with h.uow() as u:  # the profile assessed before keeps its amount
        kept = await u.dues.profiles_of(tree.member_a.id)
    assert [p.amount_fen for p in kept] == [2_000, 20]


async def test_forged_settings_buttons_change_nothing(harness: Harness) -> None:
    h = harness
    tree = await setup(h)
    secretary, other = Person(SECRETARY_A, "书记"), Person(SECRETARY_B, "Other", "en")
    admin, member = Person(ADMIN, "王"), Person(MEMBER_A, "巴特尔", "mn")
    farmer = FarmerCB(committee_id=tree.committee.id).pack()
    day_a = BranchCB(action=BranchAction.DUES_DAY, branch_id=tree.branch_a.id).pack()
    await h.send(secretary.press(farmer))  # a secretary pressing the admin's button
    await h.send(member.press(farmer))
    await h.send(secretary.press(FarmerCB(committee_id=tree.branch_a.id).pack()))
    await h.send(other.press(day_a))  # another branch's secretary
    await h.send(admin.press(day_a))  # the admin reads the ledger, the branch sets its day
    await h.send(admin.press("df:x"))  # malformed
    refused = alerts(h)
    assert "ᠡᠷᠬᠡ" in refused.pop(1)  # the member, told in Mongolian he may not
    assert refused == [
        "您没有权限进行这个操作。",
        "没有找到相关内容，可能已被删除。",
        "You are not allowed to do that.",
        "您没有权限进行这个操作。",
        "这个按钮已失效，请重新发送命令。",
    ]
    for who in (secretary, admin, other):  # none of them is in a settings flow
        await h.send(who.text("20"))
    assert "没有听懂" in text_of(h, SECRETARY_A) and "没有听懂" in text_of(h, ADMIN)
    for org in (tree.committee, tree.branch_a, tree.branch_b):
        assert await org_settings(h, org) == {}
