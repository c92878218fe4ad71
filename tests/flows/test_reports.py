"""/report through the real Dispatcher: a secretary's month (text with hand-counted figures
under a PNG chart), the periods stepped and chosen, each export as an XLSX document (built
in the background with a "preparing" note, a second tap refused while it builds), a
committee admin's branches scored and paged with their workbook and its progress, the
scoring weights and typed star thresholds, choosing a place, and refusals (no role, forged
and malformed buttons, a period not begun) that send nothing. Then: buttons and a flow left
from before a role was taken away, the thresholds flow fed junk or left by a command, an
export that fails or is cut short by the bot stopping (the user told each time), a machine
without the chart fonts, and the text's figures equal to the chart's and the workbook's.

Fixture (clock 2026-11-21 10:00 in Shanghai), branch A of the committee:
- 支委会 on 11-05: 4 invited, 3 present, 1 on approved leave → 3/4 = 75%
- 党小组会 of group A1 on 11-10: 2 invited, 2 present → 100%
- 主题党日 on 11-28: not started, not counted
  → attendance 5/6 = 83%; November: 2 required slots held, none missed (the month runs)
- dues: 党员巴特尔 10.00 from November, paid; 小组长其其格 5.00, not paid
  → ¥10.00 of ¥15.00, 1 of 2 member-months (50%)
- needs: one closed 11-04 before its due 11-05 (rated 4), one open past its due 11-15
  → 2 reported, 1 resolved, 1 overdue, rating 4.0; resolution in time 1/2
- guidance of 2026-11 received and acknowledged → 1/1
Score of A with the default weights (30/20/20/10/10/10):
  (30·1 + 20·5/6 + 20·0.5 + 10·0.5 + 10·0.8 + 10·1) / 100 · 100 = 79.67 → 79.7, three stars.
Branch B has no data at all: no score.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
import threading
import warnings
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteMessage,
    EditMessageMedia,
    EditMessageText,
    SendDocument,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.types import BufferedInputFile
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from openpyxl import load_workbook
from sqlalchemy import delete

from bot.charts import fonts
from bot.charts import report as charts
from bot.exports import attendance
from bot.exports import committee as committee_export
from bot.exports import register as register_export
from bot.handlers import reports as handler
from bot.i18n import Translator, load_core
from bot.keyboards.reports import (
    FIRST_MONTH,
    ExportCB,
    ExportKind,
    ReportCB,
    ReportView,
    Span,
    WeightCB,
)
from bot.services.periods import month_index
from bot.services.reports import Progress
from bot.services.roles import Level, MeetingKind, Role
from bot.services.scoring import STARS_SETTING, WEIGHTS_SETTING, Component
from storage.models import Membership, TicketStatus
from tests.factories import Tree, build_tree, make_org, make_person
from tests.fakes import Chatter, buttons
from tests.flows.conftest import Harness
from tests.unit.test_reports import add_credit, add_guidance, add_meeting, add_profile, add_ticket

SHANGHAI = ZoneInfo("Asia/Shanghai")
ADMIN, SECRETARY_A, SECRETARY_B, MEMBER_A = 1001, 2001, 2002, 3001
NOV, OCT, DEC = month_index(2026, 11), month_index(2026, 10), month_index(2026, 12)
PNG = b"\x89PNG\r\n\x1a\n"
K = MeetingKind


# ----------------------------------------------------------------------------- fixture


async def report_tree(h: Harness) -> Tree:
    tree = await build_tree(h.uow)
    async with h.uow() as u:
        orgs = await u.organizations.by_ids(
            [tree.committee.id, tree.branch_a.id, tree.group_a1.id, tree.branch_b.id]
        )
        for org in orgs.values():  # founded long before the months reported
            org.created_at = datetime(2025, 1, 1, tzinfo=UTC)
        a, a1 = orgs[tree.branch_a.id], orgs[tree.group_a1.id]
        when = datetime(2026, 11, 5, 10, tzinfo=SHANGHAI)
        await add_meeting(u, a, K.COMMITTEE_MEETING, when, ["present"] * 3 + ["leave"])
        when = datetime(2026, 11, 10, 19, tzinfo=SHANGHAI)
        await add_meeting(u, a1, K.GROUP_MEETING, when, ["present"] * 2)
        await add_meeting(u, a, K.THEMED_PARTY_DAY, datetime(2026, 11, 28, 9, tzinfo=SHANGHAI))
        member, leader = tree.member_a, tree.leader_a1
        await add_profile(u, member, a, NOV, 1_000)
        await add_profile(u, leader, a, NOV, 500)
        await add_credit(u, member, a, NOV, 1_000)
        closed, now_open = TicketStatus.CLOSED, TicketStatus.NEW
        await add_ticket(u, a, member, closed, utc(11, 2), utc(11, 5), utc(11, 4), 4)
        await add_ticket(u, a, member, now_open, utc(11, 10), utc(11, 15))
        await add_guidance(u, orgs[tree.committee.id], "2026-11", {a: True})
        await u.commit()
    return tree


def utc(month: int, day: int) -> datetime:
    return datetime(2026, month, day, tzinfo=UTC)


# ----------------------------------------------------------------------------- helpers


@pytest.fixture
def quick_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Charts are drawn for real where a test looks at them; elsewhere a stand-in keeps
    the suite fast."""
    monkeypatch.setattr(charts, "branch_chart", lambda report, labels: PNG)
    monkeypatch.setattr(charts, "committee_chart", lambda report, labels: PNG)


def latest(h: Harness, chat_id: int) -> SendMessage | EditMessageText:
    for request in reversed(h.session.requests):
        if isinstance(request, (SendMessage, EditMessageText)) and request.chat_id == chat_id:
            return request
    raise AssertionError(f"nothing was sent to {chat_id}")


def text_of(h: Harness, chat_id: int) -> str:
    return latest(h, chat_id).text or ""


def screen(h: Harness, chat_id: int) -> SendMessage | EditMessageText:
    """The latest text with buttons (an export's note has none)."""
    for request in reversed(h.session.requests):
        if (
            isinstance(request, (SendMessage, EditMessageText))
            and request.chat_id == chat_id
            and buttons(request)
        ):
            return request
    raise AssertionError(f"no buttons were sent to {chat_id}")


def button(method: SendMessage | EditMessageText, contains: str) -> str:
    for text, data in buttons(method):
        if contains in text:
            return data
    raise AssertionError(f"no button with {contains!r} in {buttons(method)!r}")


async def tap(h: Harness, who: Chatter, contains: str) -> None:
    await h.send(who.press(button(screen(h, who.user.id), contains)))


class Since:
    """The requests made from now on."""

    def __init__(self, h: Harness) -> None:
        self.h, self.start = h, len(h.session.requests)

    def of(self, kind: type[TelegramMethod[Any]]) -> list[Any]:
        return [r for r in self.h.session.requests[self.start :] if isinstance(r, kind)]

    def anything(self) -> bool:
        kinds = (SendMessage, SendPhoto, SendDocument, EditMessageText, EditMessageMedia)
        return any(self.of(kind) for kind in kinds)


def last_answer(h: Harness) -> AnswerCallbackQuery:
    found: list[AnswerCallbackQuery] = h.session.of_type(AnswerCallbackQuery)
    assert found, "no callback answer"
    return found[-1]


async def exports_done() -> None:
    """The exports run as tasks of their own: wait for those still building."""
    running = [t for t in asyncio.all_tasks() if t.get_name().startswith("report-export:")]
    await asyncio.gather(*running)


async def export(h: Harness, who: Chatter, contains: str) -> tuple[str, list[list[Any]]]:
    """Tap an export button, wait for the document; its file name and its first sheet."""
    since = Since(h)
    await tap(h, who, contains)
    await exports_done()
    [document] = since.of(SendDocument)
    # a note said it was being prepared, then that it is done
    [note] = since.of(SendMessage)
    [done] = since.of(EditMessageText)
    assert note.text == f"⏳ 正在生成 {content_name(document)}……"
    assert done.text == f"✅ 已生成 {content_name(document)}"
    content = document.document
    assert isinstance(content, BufferedInputFile) and document.chat_id == who.user.id
    sheet = load_workbook(io.BytesIO(content.data)).worksheets[0]
    return content.filename or "", [list(row) for row in sheet.iter_rows(values_only=True)]


def content_name(document: SendDocument) -> str:
    assert isinstance(document.document, BufferedInputFile)
    return document.document.filename or ""


def row_starting(rows: list[list[Any]], first: object) -> list[Any]:
    return next(row for row in rows if row[0] == first)


async def settings_of(h: Harness, org_id: int) -> dict[str, Any]:
    async with h.uow() as u:
        org = await u.organizations.get(org_id)
        assert org is not None
        return dict(org.settings)


class Refusing:
    """Telegram refusing to edit a photo (too old, or a forged id that is not one)."""

    def __init__(self, h: Harness) -> None:
        self.real = h.session.make_request

        async def make_request(
            bot: Bot,
            method: TelegramMethod[Any],
            timeout: int | None = None,  # noqa: ASYNC109
        ) -> Any:
            if isinstance(method, EditMessageMedia):
                h.session.requests.append(method)
                raise TelegramBadRequest(method, "Bad Request: message to edit not found")
            return await self.real(bot, method, timeout)

        h.session.make_request = make_request  # type: ignore[method-assign]


# ----------------------------------------------------------------------------- a branch


async def test_a_secretary_reads_the_month_under_its_chart(harness: Harness) -> None:
    h = harness
    tree = await report_tree(h)
    await h.send(Chatter(SECRETARY_A, "书记甲").text("/report"))
    [photo] = h.session.of_type(SendPhoto)
    assert isinstance(photo.photo, BufferedInputFile) and photo.photo.data.startswith(PNG)
    assert photo.caption == f"📊 {tree.branch_a.name} · 2026年11月"
    text = text_of(h, SECRETARY_A)
    lines = text.split("\n")
    assert lines[0] == f"📋「{tree.branch_a.name}」2026年11月工作报表（统计至 2026-11-21）"
    assert "🗓 会议：应开 2 次，已开 2 次" in lines
    assert "    · 支委会（每月）：已开 1，未开 0，未到期 0" in lines
    assert "    · 主题党日（每月）：已开 0，未开 0，未到期 1" in lines
    assert "🙋 出勤率 83%（实到 5 / 应到 6 人次）" in lines
    assert "• 11-05 支委会「committee_meeting 11-05」：实到 3 / 应到 4，请假 1（75%）" in lines
    assert (
        "• 11-10 党小组会 · 第一党小组「group_meeting 11-10」：实到 2 / 应到 2，请假 0（100%）"
        in lines
    )
    assert "主题党日「" not in text  # not started: not a meeting held
    assert "💰 党费：应交 15.00 元，已交 10.00 元；已交 1 / 2 人·月（50%）" in lines
    assert "🤝 群众诉求：反映 2 件，办结 1 件，超期 1 件，平均评分 4.0（1 人评价）" in lines
    assert "📘 月度指引：收到 1 份，已确认 1 份（100%）" in lines
    # the text comes after the photo and its buttons name the photo
    photo_index = h.session.requests.index(photo)
    message = latest(h, SECRETARY_A)
    assert h.session.requests.index(message) > photo_index
    names = [text for text, _ in buttons(message)]
    assert "›" not in names and "• 本月" in names  # the current month: nothing later
    assert {"📥 组织生活记录册", "📥 出勤表", "📥 党费台账", "📥 诉求台账"} <= set(names)
    data = ReportCB.unpack(button(message, "上月"))
    assert (data.view, data.org_id, data.first, data.chart) == (
        ReportView.BRANCH,
        tree.branch_a.id,
        OCT,
        5000,  # the fake's first message id: the photo
    )


@pytest.mark.usefixtures("quick_charts")
async def test_a_long_period_fits_one_message(harness: Harness) -> None:
    h = harness
    tree = await report_tree(h)
    async with h.uow() as u:
        a = await u.organizations.get(tree.branch_a.id)
        assert a is not None
        for day in range(1, 21):
            for hour in range(8, 14):
                meeting = await add_meeting(
                    u, a, K.OTHER, datetime(2026, 11, day, hour, tzinfo=SHANGHAI)
                )
                meeting.title = f"{day:02d}-{hour:02d} " + "很长的会议主题" * 12
        await u.commit()
    await h.send(Chatter(SECRETARY_A, "书记甲").text("/report"))
    text = text_of(h, SECRETARY_A)
    assert len(text) <= 4096
    assert "🙋 出勤率 99%（实到 125 / 应到 126 人次）" in text  # all 122 meetings counted
    assert "次会议，见组织生活记录册" in text  # the list gave way ...
    assert "💰 党费" in text and "📘 月度指引" in text  # ... the summary lines did not


@pytest.mark.usefixtures("quick_charts")
async def test_the_periods_step_back_and_forward(harness: Harness) -> None:
    h = harness
    tree = await report_tree(h)
    secretary = Chatter(SECRETARY_A, "书记甲")
    await h.send(secretary.text("/report"))
    since = Since(h)
    await tap(h, secretary, "上月")
    # the chart is replaced in place, the text edited: nothing new arrives
    [media] = since.of(EditMessageMedia)
    assert media.message_id == 5000 and media.media.caption.endswith("2026年10月")
    assert not since.of(SendPhoto) and not since.of(SendMessage)
    october = text_of(h, SECRETARY_A)
    # October has ended: the three monthly kinds (支委会, 党小组会 of A1, 主题党日) missed
    assert "2026年10月工作报表（统计至 2026-10-31）" in october
    assert "🗓 会议：应开 3 次，已开 0 次" in october
    assert "    · 支委会（每月）：已开 0，未开 1，未到期 0" in october
    assert "出勤率 —（实到 0 / 应到 0 人次）" in october
    assert "• 上月" in str(buttons(latest(h, SECRETARY_A)))
    await tap(h, secretary, "›")
    assert "2026年11月工作报表" in text_of(h, SECRETARY_A)
    assert "›" not in [t for t, _ in buttons(latest(h, SECRETARY_A))]
    await tap(h, secretary, "本季度")
    quarter = text_of(h, SECRETARY_A)
    # Q4: October's three slots missed; November's 支委会 and 党小组会 held, 主题党日 open;
    # December not begun
    assert "2026年第四季度工作报表" in quarter and "🗓 会议：应开 5 次，已开 2 次" in quarter
    assert "    · 主题党日（每月）：已开 0，未开 1，未到期 1" in quarter
    await tap(h, secretary, "‹")
    assert "2026年第三季度工作报表（统计至 2026-09-30）" in text_of(h, SECRETARY_A)
    await tap(h, secretary, "去年")
    assert "2025年工作报表（统计至 2025-12-31）" in text_of(h, SECRETARY_A)
    await tap(h, secretary, "今年")
    assert "2026年工作报表（统计至 2026-11-21）" in text_of(h, SECRETARY_A)
    # the earliest year a report shows has nothing before it
    earliest = ReportCB(
        view=ReportView.BRANCH, org_id=tree.branch_a.id, span=Span.YEAR, first=FIRST_MONTH
    )
    await h.send(secretary.press(earliest.pack()))
    assert "2000年工作报表" in text_of(h, SECRETARY_A)
    assert next(t for t, _ in buttons(latest(h, SECRETARY_A))) == "›"

    # a photo Telegram will not replace: the chart and the text come anew
    Refusing(h)
    since = Since(h)
    await tap(h, secretary, "本月")
    [photo] = since.of(SendPhoto)
    [message] = since.of(SendMessage)
    assert photo.caption and photo.caption.endswith("2026年11月")
    assert ReportCB.unpack(button(message, "上月")).chart != 5000  # the new photo's id


@pytest.mark.usefixtures("quick_charts")
async def test_each_export_arrives_as_a_workbook(harness: Harness) -> None:
    h = harness
    tree = await report_tree(h)
    secretary = Chatter(SECRETARY_A, "书记甲")
    await h.send(secretary.text("/report"))
    name, rows = await export(h, secretary, "组织生活记录册")
    assert name == "register-BA-2026-11.xlsx"
    assert rows[0][0] == f"「{tree.branch_a.name}」2026年11月组织生活记录册"
    meeting = next(row for row in rows if "committee_meeting 11-05" in row)
    assert meeting[6:8] == [4, 3]  # 应到, 实到

    name, rows = await export(h, secretary, "出勤表")
    assert name == "attendance-BA-2026-11.xlsx"
    assert "11-05\n支委会" in rows[1]
    assert row_starting(rows, "实到")[2:5] == [3, 2, 5]

    name, rows = await export(h, secretary, "党费台账")
    assert name == "dues-BA-2026-11.xlsx"
    assert row_starting(rows, "党员巴特尔")[2:4] == [10, 10]
    assert row_starting(rows, "合计")[2:4] == [15, 10]

    name, rows = await export(h, secretary, "诉求台账")
    assert name == "tickets-BA-2026-11.xlsx"
    assert rows[0][0] == f"「{tree.branch_a.name}」2026年11月群众诉求台账"
    assert row_starting(rows, "反映诉求（不含合并的重复单）")[1] == 2

    # the quarter's dues ledger is the year's sheet
    await tap(h, secretary, "本季度")
    name, _ = await export(h, secretary, "党费台账")
    assert name == "dues-BA-2026.xlsx"


# ----------------------------------------------------------------------------- a committee


async def test_the_admin_sees_the_branches_scored_and_pages_them(harness: Harness) -> None:
    h = harness
    tree = await report_tree(h)
    admin = Chatter(ADMIN, "组织部王")
    await h.send(admin.text("/report"))
    [photo] = h.session.of_type(SendPhoto)
    assert isinstance(photo.photo, BufferedInputFile) and photo.photo.data.startswith(PNG)
    assert photo.caption == f"📊 {tree.committee.name} · 2026年11月"
    lines = text_of(h, ADMIN).split("\n")
    assert "共 2 个支部。" in lines
    assert "★★★★★ 0 个  ★★★★ 0 个  ★★★ 1 个  ★★ 0 个  ★ 0 个  暂无数据 1 个" in lines
    assert f"1. {tree.branch_a.name}：79.7 分 ★★★" in lines
    assert f"2. {tree.branch_b.name}：暂无数据" in lines
    # a branch of the list opens its report, as new messages under the committee's
    since = Since(h)
    await tap(h, admin, tree.branch_a.name)
    assert len(since.of(SendPhoto)) == 1 and len(since.of(SendMessage)) == 1
    assert "💰 党费：应交 15.00 元，已交 10.00 元" in text_of(h, ADMIN)

    async with h.uow() as u:
        committee = await u.organizations.get(tree.committee.id)
        for number in range(12):
            branch = await make_org(
                u, f"X{number:02d}", Level.BRANCH, committee, name=f"X{number:02d}支部"
            )
            branch.created_at = datetime(2025, 1, 1, tzinfo=UTC)
        await u.commit()
    await h.send(admin.text("/report"))
    first = text_of(h, ADMIN)
    assert "共 14 个支部。" in first and "第 1/2 页" in first
    assert f"1. {tree.branch_a.name}：79.7 分 ★★★" in first  # scored first, then no data
    since = Since(h)
    await tap(h, admin, "下一页")
    second = text_of(h, ADMIN)
    assert "第 2/2 页" in second and "11. " in second and tree.branch_a.name not in second
    assert not since.of(EditMessageMedia) and not since.of(SendPhoto)
    assert len([d for _, d in buttons(latest(h, ADMIN)) if d.startswith("rp:b:")]) == 4
    # a page beyond the last (an outdated or forged button) shows the last
    page_99 = ReportCB(view=ReportView.PAGE, org_id=tree.committee.id, first=NOV, page=99)
    await h.send(admin.press(page_99.pack()))
    assert text_of(h, ADMIN) == second


@pytest.mark.usefixtures("quick_charts")
async def test_the_committee_workbook_shows_its_progress_and_is_built_once(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    tree = await report_tree(h)
    real = committee_export.committee_workbook
    finish = threading.Event()
    builds: list[int] = []

    def slow(report: Any, labels: Mapping[str, str], progress: Progress | None = None) -> bytes:
        assert progress is not None
        builds.append(len(report.rows))
        progress(1, 4)
        assert finish.wait(5)
        return real(report, labels, progress)

    monkeypatch.setattr(committee_export, "committee_workbook", slow)
    monkeypatch.setattr(handler, "PROGRESS_INTERVAL", 0.01)
    admin = Chatter(ADMIN, "组织部王")
    await h.send(admin.text("/report"))
    data = button(latest(h, ADMIN), "各支部评分表")
    h.session.clear()
    await h.send(admin.press(data))  # the handler returns while the workbook builds
    [note] = h.session.of_type(SendMessage)
    assert note.text == "⏳ 正在生成 committee-C1-2026-11.xlsx……"
    await wait_for(lambda: "⏳ 正在生成……25%" in h.session.texts(ADMIN))
    await h.send(admin.press(data))  # tapped again meanwhile
    assert last_answer(h).text == "这份表格正在生成，请稍候。"
    assert len(h.session.of_type(SendMessage)) == 1  # no second note
    finish.set()
    await exports_done()
    assert builds == [2]  # built once
    [document] = h.session.of_type(SendDocument)
    assert isinstance(document.document, BufferedInputFile)
    assert document.document.filename == "committee-C1-2026-11.xlsx"
    sheet = load_workbook(io.BytesIO(document.document.data)).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == f"「{tree.committee.name}」2026年11月下级支部工作评分"
    assert row_starting(rows, tree.branch_a.name)[1] == 79.7
    assert text_of(h, ADMIN) == "✅ 已生成 committee-C1-2026-11.xlsx"
    # once done, the same button builds it again
    monkeypatch.setattr(committee_export, "committee_workbook", real)
    h.session.clear()
    await h.send(admin.press(data))
    await exports_done()
    assert len(h.session.of_type(SendDocument)) == 1


async def wait_for(condition: Callable[[], bool]) -> None:
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the condition never came true")


@pytest.mark.usefixtures("quick_charts")
async def test_the_admin_sets_weights_and_typed_thresholds(harness: Harness) -> None:
    h = harness
    tree = await report_tree(h)
    admin = Chatter(ADMIN, "组织部王")
    await h.send(admin.text("/report"))
    await tap(h, admin, "评分规则")
    screen = text_of(h, ADMIN)
    assert f"⚖「{tree.committee.name}」下级支部的评分规则（默认）：" in screen
    assert "• 会议召开：权重 30" in screen and "• 群众满意度：权重 10" in screen
    assert "星级：★★★★★ ≥ 90  ★★★★ ≥ 80  ★★★ ≥ 70  ★★ ≥ 60，其余 ★" in screen
    assert "怎么算分" in screen and "不计入" in screen
    minus = button(latest(h, ADMIN), "− 会议召开 → 25")
    await h.send(admin.press(minus))
    assert last_answer(h).text == "✅ 已保存"
    assert "• 会议召开：权重 25" in text_of(h, ADMIN) and "（本级设置）" in text_of(h, ADMIN)
    await h.send(admin.press(minus))  # the same button again sets the same value
    weights = (await settings_of(h, tree.committee.id))[WEIGHTS_SETTING]
    assert weights["meetings"] == 25 and weights["attendance"] == 20
    await tap(h, admin, "+ 会议召开 → 30")
    assert (await settings_of(h, tree.committee.id))[WEIGHTS_SETTING]["meetings"] == 30
    await h.send(admin.press(minus))

    await tap(h, admin, "设置星级门槛")
    assert "现在是：90 80 70 60" in text_of(h, ADMIN)
    await h.send(admin.text("80 七十八 70 60"))
    assert text_of(h, ADMIN) == "星级门槛须为四个 1–100 的整数，依次递减。"
    await h.send(admin.text("80 90 70 60"))  # not descending: still asked
    assert text_of(h, ADMIN) == "星级门槛须为四个 1–100 的整数，依次递减。"
    await h.send(admin.text("80, 78, 70, 60"))
    saved = text_of(h, ADMIN)
    assert saved.startswith("✅ 星级门槛已保存。") and "★★★★ ≥ 78" in saved
    assert (await settings_of(h, tree.committee.id))[STARS_SETTING] == [80, 78, 70, 60]
    # with meetings weighed 25: (25 + 16.67 + 10 + 5 + 8 + 10) / 95 = 78.6 → four stars
    since = Since(h)
    await tap(h, admin, "返回")
    assert len(since.of(EditMessageMedia)) == 1  # the chart follows the new rules
    assert f"1. {tree.branch_a.name}：78.6 分 ★★★★" in text_of(h, ADMIN)
    await tap(h, admin, "评分规则")
    await tap(h, admin, "恢复默认")
    assert last_answer(h).text == "✅ 已恢复上级设置或默认"
    settings = await settings_of(h, tree.committee.id)
    assert WEIGHTS_SETTING not in settings and STARS_SETTING not in settings
    assert "（默认）" in text_of(h, ADMIN)
    # typing numbers outside the flow is not taken for thresholds
    await h.send(admin.text("90 80 70 60"))
    assert STARS_SETTING not in await settings_of(h, tree.committee.id)


# ----------------------------------------------------------------------------- choosing


@pytest.mark.usefixtures("quick_charts")
async def test_an_admin_who_is_also_a_secretary_chooses(harness: Harness) -> None:
    h = harness
    tree = await report_tree(h)
    async with h.uow() as u:
        await make_person(
            u,
            "兼职书记",
            1005,
            [(tree.committee, Role.ADMIN), (tree.branch_b, Role.SECRETARY)],
            language="en",
        )
        await u.commit()
    both = Chatter(1005, "Both", "en")
    await h.send(both.text("/report"))
    assert text_of(h, 1005) == "Whose report do you want to see?"
    assert not h.session.of_type(SendPhoto)
    names = [text for text, _ in buttons(latest(h, 1005))]
    assert names == [
        f"📊 {tree.committee.name} (branches below)",
        f"📋 {tree.branch_b.name}",
    ]
    await tap(h, both, tree.branch_b.name)
    assert len(h.session.of_type(SendPhoto)) == 1
    text = text_of(h, 1005)
    assert f"📋 {tree.branch_b.name}: report for November 2026 (up to 2026-11-21)" in text
    assert "Attendance — (0 present of 0 invited)" in text
    # the list stays: the committee can be chosen from it too
    picker = h.session.of_type(SendMessage)[0]
    await h.send(both.press(button(picker, tree.committee.name)))
    assert f"{tree.committee.name}: the branches below, November 2026" in text_of(h, 1005)


# ----------------------------------------------------------------------------- refusals


@pytest.mark.usefixtures("quick_charts")
async def test_refusals_send_nothing(harness: Harness) -> None:
    h = harness
    tree = await report_tree(h)
    async with h.uow() as u:
        other = await make_org(u, "C2", Level.COMMITTEE, name="另一个区委")
        await make_person(u, "外区管理员", 1009, [(other, Role.ADMIN)], language="zh")
        await u.commit()
    await h.send(Chatter(MEMBER_A, "党员巴特尔", "mn").text("/report"))
    assert "ᠡᠷᠬᠡ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ" in text_of(h, MEMBER_A)  # refused, in Mongolian
    assert not h.session.of_type(SendPhoto)

    secretary, outsider = Chatter(SECRETARY_A, "书记甲"), Chatter(1009, "外区管理员")
    a, b, c = tree.branch_a.id, tree.branch_b.id, tree.committee.id
    m = Span.MONTH
    refused: list[tuple[Chatter, str, str]] = [
        # another branch, a committee, its settings
        (secretary, ReportCB(view=ReportView.BRANCH, org_id=b, first=NOV).pack(), "权限"),
        (secretary, ReportCB(view=ReportView.COMMITTEE, org_id=c, first=NOV).pack(), "权限"),
        (secretary, ReportCB(view=ReportView.PAGE, org_id=c, first=NOV, page=1).pack(), "权限"),
        (secretary, ReportCB(view=ReportView.WEIGHTS, org_id=c, first=NOV).pack(), "权限"),
        (secretary, ReportCB(view=ReportView.STARS, org_id=c, first=NOV).pack(), "权限"),
        (secretary, ReportCB(view=ReportView.RESET, org_id=c, first=NOV).pack(), "权限"),
        (outsider, ReportCB(view=ReportView.RESET, org_id=c, first=NOV).pack(), "权限"),
        (
            outsider,
            WeightCB(
                committee_id=c, component=Component.DUES, weight=50, span=m, first=NOV
            ).pack(),
            "权限",
        ),
        (
            secretary,
            ExportCB(export=ExportKind.REGISTER, org_id=b, span=m, first=NOV).pack(),
            "权限",
        ),
        (secretary, ExportCB(export=ExportKind.DUES, org_id=b, span=m, first=NOV).pack(), "权限"),
        (
            outsider,
            ExportCB(export=ExportKind.COMMITTEE, org_id=c, span=m, first=NOV).pack(),
            "权限",
        ),
        # a committee's id where a branch's belongs, and the other way round
        (secretary, ReportCB(view=ReportView.BRANCH, org_id=c, first=NOV).pack(), "没有找到"),
        (
            Chatter(ADMIN, "组织部王"),
            ExportCB(
                export=ExportKind.COMMITTEE, org_id=tree.branch_a.id, span=m, first=NOV
            ).pack(),
            "没有找到",
        ),
        # a period not begun
        (
            secretary,
            ReportCB(view=ReportView.BRANCH, org_id=tree.branch_a.id, first=DEC).pack(),
            "尚未开始",
        ),
        (
            secretary,
            ExportCB(
                export=ExportKind.TICKETS,
                org_id=tree.branch_a.id,
                span=Span.YEAR,
                first=month_index(2027, 1),
            ).pack(),
            "尚未开始",
        ),
        # the dues ledger of a month or a year not begun (not the current one instead)
        (
            secretary,
            ExportCB(export=ExportKind.DUES, org_id=a, span=m, first=DEC).pack(),
            "尚未开始",
        ),
        (
            secretary,
            ExportCB(
                export=ExportKind.DUES, org_id=a, span=Span.YEAR, first=month_index(2027, 1)
            ).pack(),
            "尚未开始",
        ),
        # malformed: months out of any report's range, an unknown view, a missing field, ids
        # beyond what the database holds
        (secretary, f"rp:b:{2**63}:m:{NOV}:0:0", "失效"),
        (secretary, f"rpx:d:{10**30}:m:{NOV}", "失效"),
        (Chatter(ADMIN, "组织部王"), f"rpw:{2**63}:dues:50:m:{NOV}:0", "失效"),
        (secretary, f"rp:b:0:m:{NOV}:0:0", "失效"),
        (secretary, f"rp:b:{tree.branch_a.id}:m:-5:0:0", "失效"),
        (secretary, f"rp:b:{tree.branch_a.id}:y:{month_index(1999, 12)}:0:0", "失效"),
        (secretary, f"rpx:r:{tree.branch_a.id}:y:{10**9}", "失效"),
        (secretary, f"rp:z:{tree.branch_a.id}:m:{NOV}:0:0", "失效"),
        (secretary, f"rpx:r:{tree.branch_a.id}:m", "失效"),
        (secretary, f"rpw:{c}:bogus:50:m:{NOV}:0", "失效"),
    ]
    for who, data, expected in refused:
        since = Since(h)
        await h.send(who.press(data))
        answer = last_answer(h)
        assert expected in (answer.text or "") and answer.show_alert, (data, answer.text)
        assert not since.anything(), data
    await exports_done()
    assert not h.session.of_type(SendDocument)
    settings = await settings_of(h, tree.committee.id)
    assert WEIGHTS_SETTING not in settings and STARS_SETTING not in settings
    # an admin may step weights only within 0–100: a forged 105 is refused
    h.session.clear()
    forged = WeightCB(committee_id=c, component=Component.DUES, weight=105, span=m, first=NOV)
    await h.send(Chatter(ADMIN, "组织部王").press(forged.pack()))
    assert "权重须为 0–100 的整数" in (last_answer(h).text or "")
    assert WEIGHTS_SETTING not in await settings_of(h, tree.committee.id)


# ----------------------------------------------------------------------------- review


async def take_roles(h: Harness, person_id: int) -> None:
    async with h.uow() as u:
        await u.session.execute(delete(Membership).where(Membership.person_id == person_id))
        await u.commit()


@pytest.mark.usefixtures("quick_charts")
async def test_a_role_taken_away_leaves_old_buttons_and_the_flow_useless(
    harness: Harness,
) -> None:
    h = harness
    tree = await report_tree(h)
    secretary, admin = Chatter(SECRETARY_A, "书记甲"), Chatter(ADMIN, "组织部王")
    await h.send(secretary.text("/report"))
    old = screen(h, SECRETARY_A)
    await take_roles(h, tree.secretary_a.id)
    for contains in ("上月", "组织生活记录册", "党费台账"):
        since = Since(h)
        await h.send(secretary.press(button(old, contains)))
        assert "权限" in (last_answer(h).text or "") and not since.anything(), contains
    await exports_done()
    assert not h.session.of_type(SendDocument)

    await h.send(admin.text("/report"))
    await tap(h, admin, "评分规则")
    await tap(h, admin, "设置星级门槛")
    await take_roles(h, tree.admin.id)
    await h.send(admin.text("80 70 60 50"))
    assert "权限" in text_of(h, ADMIN)
    assert STARS_SETTING not in await settings_of(h, tree.committee.id)
    # the flow ended: numbers typed later are not taken for thresholds either
    await h.send(admin.text("80 70 60 50"))
    assert text_of(h, ADMIN) != "星级门槛须为四个 1–100 的整数，依次递减。"


@pytest.mark.usefixtures("quick_charts")
async def test_the_thresholds_flow_refuses_junk_and_ends_with_a_command(
    harness: Harness,
) -> None:
    h = harness
    tree = await report_tree(h)
    admin = Chatter(ADMIN, "组织部王")
    refused = "星级门槛须为四个 1–100 的整数，依次递减。"

    async def ask() -> None:
        await h.send(admin.text("/report"))
        await tap(h, admin, "评分规则")
        await tap(h, admin, "设置星级门槛")

    branch_month = ReportCB(view=ReportView.BRANCH, org_id=tree.branch_a.id, first=NOV).pack()
    await ask()
    for junk in ("90 80 70", "90 80 70 60 50", "1000 80 70 60", "-90 80 70 60", "九十"):
        await h.send(admin.text(junk))
        assert text_of(h, ADMIN) == refused, junk
    await h.send(admin.photo_less_sticker())  # not text at all: refused the same way
    assert text_of(h, ADMIN) == refused
    assert STARS_SETTING not in await settings_of(h, tree.committee.id)
    await h.send(admin.text("85 75 65 55"))  # still asked: taken
    assert (await settings_of(h, tree.committee.id))[STARS_SETTING] == [85, 75, 65, 55]

    # another /report while they are asked for: numbers typed after it are not thresholds
    await ask()
    await h.send(admin.text("/report"))
    await h.send(admin.text("80 70 60 50"))
    assert (await settings_of(h, tree.committee.id))[STARS_SETTING] == [85, 75, 65, 55]
    # so does another screen of /report: a branch's month on an earlier message
    await ask()
    await h.send(admin.press(branch_month))
    await h.send(admin.text("80 70 60 50"))
    assert (await settings_of(h, tree.committee.id))[STARS_SETTING] == [85, 75, 65, 55]
    # /cancel leaves the flow too
    await ask()
    await h.send(admin.text("/cancel"))
    assert text_of(h, ADMIN) == "已取消。"
    await h.send(admin.text("80 70 60 50"))
    assert (await settings_of(h, tree.committee.id))[STARS_SETTING] == [85, 75, 65, 55]


@pytest.mark.usefixtures("quick_charts")
async def test_an_export_that_fails_is_told_and_can_be_tapped_again(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    await report_tree(h)
    real = register_export.register_workbook

    def broken(register: Any, labels: Mapping[str, str]) -> bytes:
        raise RuntimeError("disk full")

    monkeypatch.setattr(register_export, "register_workbook", broken)
    secretary = Chatter(SECRETARY_A, "书记甲")
    await h.send(secretary.text("/report"))
    since = Since(h)
    with caplog.at_level(logging.ERROR, logger=handler.__name__):
        await tap(h, secretary, "组织生活记录册")
        await exports_done()
    assert not since.of(SendDocument)
    [note] = since.of(SendMessage)
    [told] = since.of(EditMessageText)
    assert told.message_id == 5002 and told.text == (
        "⚠ register-BA-2026-11.xlsx 没有生成成功，请稍后再点一次。"
    )
    assert note.text == "⏳ 正在生成 register-BA-2026-11.xlsx……"
    assert any("disk full" in (r.exc_text or "") for r in caplog.records)
    # nothing is left marked as building: the same button builds it once it works
    monkeypatch.setattr(register_export, "register_workbook", real)
    name, _ = await export(h, secretary, "组织生活记录册")
    assert name == "register-BA-2026-11.xlsx"


@pytest.mark.usefixtures("quick_charts")
async def test_an_export_cut_short_by_a_stop_is_told(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = harness
    await report_tree(h)
    finish, started = threading.Event(), threading.Event()
    real = attendance.attendance_workbook

    def slow(register: Any, labels: Mapping[str, str]) -> bytes:
        started.set()
        assert finish.wait(5)
        return real(register, labels)

    monkeypatch.setattr(attendance, "attendance_workbook", slow)
    secretary = Chatter(SECRETARY_A, "书记甲")
    await h.send(secretary.text("/report"))
    since = Since(h)
    await tap(h, secretary, "出勤表")
    try:
        await asyncio.to_thread(started.wait, 5)
        await h.dp.emit_shutdown(bot=h.bot, bots=[h.bot], dispatcher=h.dp)
    finally:
        finish.set()
    await asyncio.sleep(0.05)  # the abandoned build's thread ends; nothing is sent for it
    assert not since.of(SendDocument)
    [note] = since.of(SendMessage)
    [told] = since.of(EditMessageText)
    assert note.text == "⏳ 正在生成 attendance-BA-2026-11.xlsx……"
    assert told.message_id == 5002 and told.text == (  # the note (after the chart and text)
        "⚠ 机器人正在重启，attendance-BA-2026-11.xlsx 没有生成完，请稍后再点一次。"
    )


async def test_a_missing_font_still_sends_the_chart(
    harness: Harness,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A machine without the Noto fonts: the chart comes (its Chinese as boxes) and the log
    names the packages to install."""
    h = harness
    await report_tree(h)
    monkeypatch.setenv(fonts.FONT_DIR_VARIABLE, str(tmp_path))  # a folder with no fonts
    with caplog.at_level(logging.WARNING, logger=fonts.__name__), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # matplotlib's own note of each missing glyph
        await h.send(Chatter(SECRETARY_A, "书记甲").text("/report"))
    [photo] = h.session.of_type(SendPhoto)
    assert isinstance(photo.photo, BufferedInputFile) and photo.photo.data.startswith(PNG)
    assert "📋「" in text_of(h, SECRETARY_A)  # and the text under it
    assert any("fonts-noto-core fonts-noto-cjk" in r.getMessage() for r in caplog.records)


async def test_the_text_the_chart_and_the_workbook_agree(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Branch A's November as the admin reads it: each figure of the text is the one drawn
    in the chart and the one in the committee workbook's row."""
    h = harness
    tree = await report_tree(h)
    drawn: list[Figure] = []
    encode = charts._png

    def keep(fig: Figure) -> bytes:
        drawn.append(fig)
        return encode(fig)

    monkeypatch.setattr(charts, "_png", keep)
    monkeypatch.setattr(charts, "committee_chart", lambda report, labels: PNG)
    admin = Chatter(ADMIN, "组织部王")
    await h.send(admin.text("/report"))
    await tap(h, admin, tree.branch_a.name)
    text = text_of(h, ADMIN)

    def numbers(pattern: str) -> list[float]:
        found = re.search(pattern, text)
        assert found, pattern
        return [float(n) for n in found.groups()]

    required, held = numbers(r"应开 (\d+) 次，已开 (\d+) 次")
    present, invited = numbers(r"实到 (\d+) / 应到 (\d+) 人次")
    due, paid, months_paid, months_due = numbers(
        r"应交 ([\d.]+) 元，已交 ([\d.]+) 元；已交 (\d+) / (\d+) 人·月"
    )
    reported, resolved, overdue, rating = numbers(
        r"反映 (\d+) 件，办结 (\d+) 件，超期 (\d+) 件，平均评分 ([\d.]+)"
    )
    received, acknowledged = numbers(r"收到 (\d+) 份，已确认 (\d+) 份")

    # the chart: dues due / paid and needs reported / resolved / overdue as bar lengths
    [fig] = drawn
    _, _, dues_ax, tickets_ax = fig.axes
    assert bar_lengths(dues_ax) == [due, paid]
    assert bar_lengths(tickets_ax) == [reported, resolved, overdue]
    written = "\n".join(t.get_text() for t in fig.findobj(Text))
    assert f"{int(months_paid)}/{int(months_due)}" in written and f"{rating:.1f} / 5" in written

    # the committee workbook: branch A's row, read by its column names
    await h.send(admin.text("/report"))
    _, rows = await export(h, admin, "各支部评分表")
    names = committee_export.labels(Translator(await load_core(), "zh").get)
    header = next(row for row in rows if names["report-xlsx-branch"] in row)
    row = dict(zip(header, row_starting(rows, tree.branch_a.name), strict=True))

    def cell(key: str) -> Any:
        return row[names[f"report-xlsx-{key}"]]

    assert (cell("meetings-required"), cell("meetings-held")) == (required, held)
    assert (cell("present"), cell("invited")) == (present, invited)
    assert (cell("dues-due"), cell("dues-paid")) == (due, paid)
    assert (cell("months-paid"), cell("months-due")) == (months_paid, months_due)
    assert (cell("tickets-overdue"), cell("average-rating")) == (overdue, rating)
    assert (cell("guidance-received"), cell("guidance-acknowledged")) == (received, acknowledged)


def bar_lengths(ax: Axes) -> list[float]:
    return [round(p.get_width(), 2) for p in ax.patches if isinstance(p, Rectangle)]


async def test_a_chart_that_cannot_be_drawn_leaves_the_text(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The numbers are in the text: a failing picture must not take the report with it."""
    h = harness
    await report_tree(h)

    def broken(report: Any, labels: Mapping[str, str]) -> bytes:
        raise RuntimeError("no picture")

    monkeypatch.setattr(charts, "branch_chart", broken)
    secretary = Chatter(SECRETARY_A, "书记甲")
    with caplog.at_level(logging.ERROR, logger=handler.__name__):
        await h.send(secretary.text("/report"))
    assert not h.session.of_type(SendPhoto)
    assert "📋「" in text_of(h, SECRETARY_A) and buttons(latest(h, SECRETARY_A))
    assert any("no picture" in (r.exc_text or "") for r in caplog.records)

    # drawn again: the next period comes with its chart, as new messages
    monkeypatch.setattr(charts, "branch_chart", lambda report, labels: PNG)
    await tap(h, secretary, "上月")
    [photo] = h.session.of_type(SendPhoto)
    assert photo.caption.endswith("2026年10月")
    # failing again in place: the text is replaced, the chart of October above it removed
    monkeypatch.setattr(charts, "branch_chart", broken)
    since = Since(h)
    await tap(h, secretary, "本月")
    [removed] = since.of(DeleteMessage)
    assert removed.message_id == 5001  # the October photo (the first text was 5000)
    [edited] = since.of(EditMessageText)
    assert "2026年11月工作报表" in (edited.text or "") and not since.of(SendPhoto)
    assert ReportCB.unpack(button(edited, "上月")).chart == 0
