"""The report workbooks read back with openpyxl: localized headers (Chinese and Mongolian),
names by sign-in method, totals equal to the entries, the attendance marks (a sign-in
without an invitation counted present, not invited), the ticket summary as the reports
count it, the committee's figures and rules, empty registers, text that starts with "=",
"+", "-" or "@" kept as text, Excel's limits (cell length in UTF-16 units, sheet names), and
the committee workbook's progress ending at (total, total)."""

from __future__ import annotations

import asyncio
import io
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from bot.exports import attendance, committee, register, tickets_register
from bot.exports.sheet import CELL_LIMIT, ELLIPSIS, Book, cell_text, sheet_title
from bot.i18n import load_core
from bot.services.periods import Frequency, Period, month_index
from bot.services.registers import (
    Absentee,
    Attendee,
    Register,
    RegisterEntry,
    TicketEntry,
    TicketRegister,
)
from bot.services.reports import (
    BranchReport,
    BranchRow,
    CommitteeReport,
    DuesSummary,
    GuidanceSummary,
    KindCompliance,
    MeetingAttendance,
    TicketSummary,
    ticket_summary,
)
from bot.services.roles import Level, MeetingKind, SignInMethod
from bot.services.scoring import DEFAULT_RULES, Component, Score, ScoreRules
from bot.services.tickets import HistoryLine
from storage.models import (
    MeetingStatus,
    Organization,
    Ticket,
    TicketEvent,
    TicketEventKind,
    TicketStatus,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOV = Period(month_index(2026, 11), month_index(2026, 11))
BRANCH = Organization(id=7, name="第一支部", level=Level.BRANCH, path="/1/7/")
LONG_MINUTES = "学" * (CELL_LIMIT + 10)
NOW = datetime(2026, 11, 21, 2, tzinfo=UTC)
Texts = Callable[[str], str]


@pytest.fixture(scope="module")
def texts() -> dict[str, Texts]:
    core = asyncio.run(load_core())

    def text_in(locale: str) -> Texts:
        return lambda key: core.get(key, locale)

    return {locale: text_in(locale) for locale in ("zh", "mn", "en")}


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def sheets(content: bytes) -> list[Worksheet]:
    return list(load_workbook(io.BytesIO(content)).worksheets)


def rows_of(sheet: Worksheet) -> list[list[Any]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def mongolian(text: str) -> bool:
    return any("\u1800" <= ch <= "\u18af" for ch in text)


# ----------------------------------------------------------------------------- register


def entry(
    meeting_id: int,
    kind: MeetingKind,
    starts_at: datetime,
    invited: int,
    present: tuple[Attendee, ...] = (),
    pending: tuple[Absentee, ...] = (),
    on_leave: tuple[Absentee, ...] = (),
    absent: tuple[Absentee, ...] = (),
    org_name: str = BRANCH.name,
    status: MeetingStatus = MeetingStatus.SCHEDULED,
    minutes: str = "",
    photos: int = 0,
) -> RegisterEntry:
    return RegisterEntry(
        meeting_id=meeting_id,
        org_name=org_name,
        kind=kind,
        title=f"议题{meeting_id}",
        venue="党员活动室",
        starts_at=starts_at,
        status=status,
        held=status is MeetingStatus.SCHEDULED and bool(present) and starts_at < utc(21, 2),
        invited=invited,
        present=present,
        pending=pending,
        on_leave=on_leave,
        absent=absent,
        minutes=minutes,
        minutes_photos=photos,
    )


def came(person_id: int, name: str, method: SignInMethod, by: str | None = None) -> Attendee:
    return Attendee(person_id, name, method, utc(5, 11, 35), by)


@pytest.fixture
def reg() -> Register:
    """Five members now (one named like a formula); 孙八 (9) came to the group meeting but
    has left the branch since. Two meetings held, one cancelled, one not held."""
    general = entry(
        1,
        MeetingKind.GENERAL_MEETING,
        utc(5, 11, 30),
        invited=5,
        present=(
            came(1, "张三", SignInMethod.CODE),
            came(2, "李四", SignInMethod.CODE),
            came(3, "王五", SignInMethod.PROXY, by="张三"),
        ),
        on_leave=(Absentee(4, "赵六", "放牧走不开"),),
        absent=(Absentee(5, "=1+1", ""),),
        minutes=LONG_MINUTES,
        photos=3,
    )
    group = entry(
        2,
        MeetingKind.GROUP_MEETING,
        utc(12, 2),
        invited=3,
        present=(came(2, "李四", SignInMethod.TAP), came(9, "孙八", SignInMethod.VOICE)),
        pending=(Absentee(3, "王五", ""),),
        org_name="第一党小组",
    )
    cancelled = entry(
        3, MeetingKind.PARTY_LECTURE, utc(15, 7), invited=5, status=MeetingStatus.CANCELLED
    )
    not_held = entry(
        4,
        MeetingKind.COMMITTEE_MEETING,
        utc(20, 1),
        invited=2,
        absent=(Absentee(1, "张三", ""), Absentee(2, "李四", "")),
    )
    return Register(
        branch=BRANCH,
        period=NOV,
        zone=SHANGHAI,
        entries=(general, group, cancelled, not_held),
        members=((1, "张三"), (2, "李四"), (3, "王五"), (4, "赵六"), (5, "=1+1")),
    )


def test_register_rows_names_by_method_and_totals(reg: Register, texts: dict[str, Texts]) -> None:
    labels = register.labels(texts["zh"]) | {"title": "第一支部 2026-11 组织生活记录册"}
    [sheet] = sheets(register.register_workbook(reg, labels))
    rows = rows_of(sheet)
    assert sheet.title == "2026-11" and rows[0][0] == "第一支部 2026-11 组织生活记录册"
    assert rows[1][:9] == [
        "时间",
        "组织",
        "会议类型",
        "主题",
        "地点",
        "状态",
        "应到",
        "实到",
        "出勤率",
    ]
    general, group, cancelled, not_held, totals = rows[2:]
    # 11:30 UTC is 19:30 in Shanghai
    assert general[:9] == [
        datetime(2026, 11, 5, 19, 30),
        "第一支部",
        "支部党员大会",
        "议题1",
        "党员活动室",
        "已召开",
        5,
        3,
        pytest.approx(0.6),
    ]
    assert general[9] == "签到码：张三、李四\n代签：王五 (代签人：张三)"
    assert general[10:13] == [None, "赵六 (放牧走不开)", "=1+1"]
    assert len(general[13]) == CELL_LIMIT and general[13].endswith(ELLIPSIS)
    assert general[14] == 3
    assert group[1:3] == ["第一党小组", "党小组会"]
    assert group[9] == "点按签到：李四\n语音签到：孙八" and group[10] == "王五"
    assert cancelled[5] == "已取消" and cancelled[7] == 0
    assert not_held[5] == "未召开" and not_held[12] == "张三、李四"
    # two meetings held: 5 + 3 invited, 3 + 2 present
    assert totals[:9] == ["合计（已召开的会议）", None, None, None, None, 2, 8, 5, 0.625]
    assert sheet.cell(row=3, column=13).data_type == "s"  # "=1+1" stays a name
    assert sheet.cell(row=3, column=9).number_format == "0.0%"


def test_register_in_mongolian(reg: Register, texts: dict[str, Texts]) -> None:
    labels = register.labels(texts["mn"]) | {"title": "ᠨᠢᠭᠡᠳᠦᠭᠡᠷ ᠰᠠᠯᠪᠤᠷᠢ"}
    [sheet] = sheets(register.register_workbook(reg, labels))
    rows = rows_of(sheet)
    assert rows[0][0] == "ᠨᠢᠭᠡᠳᠦᠭᠡᠷ ᠰᠠᠯᠪᠤᠷᠢ"
    assert rows[1][6:8] == ["ᠤᠷᠢᠭᠰᠠᠨ", "ᠢᠷᠡᠭᠰᠡᠨ"]
    assert all(mongolian(header) for header in rows[1])
    assert rows[2][2] == "ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠦᠨ ᠶᠡᠬᠡ ᠬᠤᠷᠠᠯ"
    assert (
        rows[2][9]
        == "ᠢᠷᠡᠯᠲᠡ ᠶᠢᠨ ᠺᠣᠳ᠄ 张三᠂ 李四\nᠣᠷᠣᠯᠠᠨ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ᠄ 王五 (ᠣᠷᠣᠯᠠᠨ ᠪᠦᠷᠢᠳᠬᠡᠭᠰᠡᠨ᠄ 张三)"
    )


# ----------------------------------------------------------------------------- attendance


def test_attendance_matrix_marks_and_totals(reg: Register, texts: dict[str, Texts]) -> None:
    labels = attendance.labels(texts["zh"]) | {"title": "考勤"}
    [sheet] = sheets(attendance.attendance_workbook(reg, labels))
    rows = rows_of(sheet)
    assert sheet.freeze_panes == "C3"
    # only the two meetings held are columns
    assert rows[1] == [
        "姓名",
        "备注",
        "11-05\n党员大会",
        "11-12\n小组会\n第一党小组",
        "参加次数",
        "应到",
        "出勤率",
    ]
    body = {row[0]: row[1:] for row in rows[2:8]}
    assert list(body) == ["张三", "李四", "王五", "赵六", "=1+1", "孙八"]
    assert body["张三"] == [None, "√码", None, 1, 1, 1.0]
    assert body["李四"] == [None, "√码", "√", 2, 2, 1.0]
    assert body["王五"] == [None, "√代", "待", 1, 2, 0.5]
    assert body["赵六"] == [None, "假", None, 0, 1, 0.0]
    assert body["=1+1"] == [None, "×", None, 0, 1, 0.0]
    assert body["孙八"] == ["目前不是本支部党员", None, "√音", 1, 1, 1.0]
    present, invited, rate = rows[8:11]
    general, group = (e for e in reg.entries if e.held)
    assert present[:5] == ["实到", None, len(general.present), len(group.present), 5]
    assert invited[:6] == ["应到", None, general.invited, group.invited, None, 8]
    assert rate[2:4] == [pytest.approx(3 / 5), pytest.approx(2 / 3)] and rate[6] == 0.625
    legend = {row[0]: row[1] for row in rows[12:]}
    assert legend["√码"] == "签到码" and legend["×"] == "缺席（未请假）"
    assert legend[None] == "空白：该会议未通知其参加"


def test_attendance_in_mongolian_keeps_the_script(reg: Register, texts: dict[str, Texts]) -> None:
    labels = attendance.labels(texts["mn"]) | {"title": "ᠢᠷᠡᠯᠲᠡ"}
    [sheet] = sheets(attendance.attendance_workbook(reg, labels))
    rows = rows_of(sheet)
    assert rows[1][3] == "11-12\nᠪᠦᠯᠦᠭ ᠦᠨ ᠬᠤᠷᠠᠯ\n第一党小组"
    assert rows[4][1:4] == [None, "✓ᠣᠷᠣᠯᠠᠨ", "?"]  # 王五: by proxy, then waiting
    assert rows[7][1] == "ᠣᠳᠣ ᠡᠨᠡ ᠰᠠᠯᠪᠤᠷᠢ ᠶᠢᠨ ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠨ ᠪᠢᠰᠢ"


def test_attendance_without_meetings_held(texts: dict[str, Texts]) -> None:
    empty = Register(BRANCH, NOV, SHANGHAI, (), ((1, "张三"),))
    labels = attendance.labels(texts["en"]) | {"title": "Attendance"}
    rows = rows_of(sheets(attendance.attendance_workbook(empty, labels))[0])
    assert rows[1] == ["Name", "Note", "Attended", "Invited", "Attendance"]
    assert rows[2] == ["张三", None, 0, 0, None]


# ----------------------------------------------------------------------------- tickets


def ticket(
    number: int,
    category: str,
    status: TicketStatus,
    resolved_at: datetime | None = None,
    rating: int | None = None,
    merged_into: int | None = None,
    description: str = "",
    decline_reason: str = "",
    due_at: datetime | None = None,
) -> Ticket:
    return Ticket(
        id=number,
        category=category,
        status=status,
        reported_at=utc(number - 8, 1),
        due_at=due_at or utc(number - 6, 1),
        resolved_at=resolved_at,
        rating=rating,
        rating_comment="很好" if rating == 5 else "",
        description=description or f"诉求{number}",
        decline_reason=decline_reason,
        merged_into_id=merged_into,
    )


def event(kind: TicketEventKind, day: int, note: str = "", **data: Any) -> TicketEvent:
    return TicketEvent(kind=kind, at=utc(day, 3), note=note, data=data)


@pytest.fixture
def ticket_reg() -> TicketRegister:
    """Read at NOW: #11 solved in time (5 stars), #12 solved late (3 stars, own category),
    #13 open past due, #14 new, due in four days, #15 declined, #16 merged into #11."""
    on_time = ticket(11, "elderly", TicketStatus.CLOSED, resolved_at=utc(4, 1), rating=5)
    history = (
        HistoryLine(event(TicketEventKind.REPORTED, 3), "居民甲"),
        HistoryLine(event(TicketEventKind.ASSIGNED, 3, assignee=1), "书记", "张三"),
        HistoryLine(event(TicketEventKind.REMINDED, 3), None),
        HistoryLine(event(TicketEventKind.RATED, 4, "=谢谢", stars=5), "居民甲"),
    )
    merged = ticket(
        16, "other", TicketStatus.MERGED, merged_into=11, description="=cmd|' /C calc'!A0"
    )
    entries = (
        TicketEntry(on_time, "居民甲", "张三", False, history),
        TicketEntry(
            ticket(12, "暖气维修", TicketStatus.CLOSED, resolved_at=utc(9, 1), rating=3),
            "居民乙",
            "李四",
            True,
            (),
        ),
        TicketEntry(
            ticket(13, "sanitation", TicketStatus.IN_PROGRESS), "居民丙", "王五", True, ()
        ),
        TicketEntry(
            ticket(14, "dispute", TicketStatus.NEW, due_at=utc(25, 1)), "居民丁", None, False, ()
        ),
        TicketEntry(
            ticket(15, "policy", TicketStatus.DECLINED, decline_reason="不属于本支部"),
            "居民戊",
            None,
            False,
            (),
        ),
        TicketEntry(
            merged,
            "居民甲",
            None,
            False,
            (HistoryLine(event(TicketEventKind.MERGED, 9, into=11), "书记"),),
        ),
    )
    return TicketRegister(BRANCH, NOV, SHANGHAI, entries, NOW)


def summary_block(content: bytes) -> dict[str, Any]:
    rows = rows_of(sheets(content)[0])
    start = next(n for n, row in enumerate(rows) if row[0] == "Summary")
    return {row[0]: row[1] for row in rows[start + 1 :]}


def test_ticket_summary_is_the_reports_count(texts: dict[str, Texts]) -> None:
    """A low rating reopens a ticket and keeps its stars and resolution time: the chat
    report counts only a solved ticket's rating, so does the register's summary."""
    reopened = ticket(11, "elderly", TicketStatus.IN_PROGRESS, utc(4, 1), 1, due_at=utc(25, 1))
    closed = ticket(12, "elderly", TicketStatus.CLOSED, utc(5, 1), 5, due_at=utc(6, 1))
    entries = (
        TicketEntry(reopened, "居民甲", "张三", False, ()),
        TicketEntry(closed, "居民乙", "张三", False, ()),
    )
    reg = TicketRegister(BRANCH, NOV, SHANGHAI, entries, NOW)
    expected = TicketSummary(
        reported=2, resolved=1, resolved_late=0, open_late=0, declined=0, rated=1, average_rating=5
    )
    assert ticket_summary((e.ticket for e in entries), NOW) == expected
    labels = tickets_register.labels(texts["en"]) | {"title": "Tickets"}
    found = summary_block(tickets_register.tickets_workbook(reg, labels))
    assert found["Rated"] == 1 and found["Average rating (stars)"] == 5
    assert found["Resolved"] == 1 and found["Still open past the due time"] == 0


def test_ticket_register_rows_history_and_summary(
    ticket_reg: TicketRegister, texts: dict[str, Texts]
) -> None:
    labels = tickets_register.labels(texts["zh"]) | {"title": "诉求台账 2026-11"}
    listed, history = sheets(tickets_register.tickets_workbook(ticket_reg, labels))
    assert (listed.title, history.title) == ("诉求台账", "处理记录")
    rows = rows_of(listed)
    assert rows[1][:9] == [
        "单号",
        "反映时间",
        "类别",
        "反映人",
        "状态",
        "承办党员",
        "限办时间",
        "办结时间",
        "超期",
    ]
    first, late, open_late, new, declined, merged = rows[2:8]
    assert first[:10] == [
        11,
        datetime(2026, 11, 3, 9, 0),
        "养老助老",
        "居民甲",
        "已完成",
        "张三",
        datetime(2026, 11, 5, 9, 0),
        datetime(2026, 11, 4, 9, 0),
        "否",
        5,
    ]
    assert first[10] == "很好"
    assert late[2] == "暖气维修" and late[8] == "是"  # a committee's own category as written
    assert open_late[4] == "办理中" and open_late[8] == "是" and open_late[7] is None
    assert new[5] is None and new[4] == "待派单"
    assert declined[12] == "不属于本支部"
    assert merged[11] == "=cmd|' /C calc'!A0" and merged[13] == 11
    assert listed.cell(row=8, column=12).data_type == "s"
    summary = {row[0]: row[1] for row in rows[9:] if row[0]}
    assert summary["反映诉求（不含合并的重复单）"] == 5
    assert summary["其中超期办结"] == 1 and summary["超期未办结"] == 1
    assert summary["合并的重复单（不计入）"] == 1
    assert summary["平均评分（星）"] == 4.0
    # solved in time 1 of judged 3 (two solved, one open past due)
    assert summary["按时办结率（按时办结 ÷（已办结 + 超期未办结））"] == pytest.approx(1 / 3)
    lines = rows_of(history)
    assert lines[1] == ["单号", "时间", "人员", "操作", "备注", "对象"]
    assert lines[2:] == [
        [11, datetime(2026, 11, 3, 11, 0), "居民甲", "反映诉求", None, None],
        [11, datetime(2026, 11, 3, 11, 0), "书记", "派单", None, "张三"],
        [11, datetime(2026, 11, 3, 11, 0), "系统", "提醒", None, None],
        [11, datetime(2026, 11, 4, 11, 0), "居民甲", "评价", "=谢谢", "★★★★★"],
        [16, datetime(2026, 11, 9, 11, 0), "书记", "合并", None, "#11"],
    ]


def test_ticket_register_in_mongolian(ticket_reg: TicketRegister, texts: dict[str, Texts]) -> None:
    labels = tickets_register.labels(texts["mn"]) | {"title": "ᠬᠡᠷᠡᠭᠴᠡᠶ᠎ᠡ"}
    listed, history = sheets(tickets_register.tickets_workbook(ticket_reg, labels))
    rows = rows_of(listed)
    assert all(mongolian(header) for header in rows[1])
    assert rows[2][2] == "ᠥᠲᠡᠯᠡᠭᠡ ᠴᠤᠳ ᠢ ᠠᠰᠠᠷᠠᠬᠤ"
    assert history.title == "ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ ᠪᠢᠴᠢᠯᠭᠡ"


# ----------------------------------------------------------------------------- committee


def branch_report(name: str, held: int, missed: int, tickets: TicketSummary) -> BranchReport:
    return BranchReport(
        branch=Organization(name=name, level=Level.BRANCH),
        period=NOV,
        zone=SHANGHAI,
        through=date(2026, 11, 21),
        compliance=(
            KindCompliance(MeetingKind.GENERAL_MEETING, Frequency.QUARTERLY, 1, 0, 0),
            KindCompliance(MeetingKind.COMMITTEE_MEETING, Frequency.MONTHLY, held - 1, missed, 1),
        ),
        meetings=(
            MeetingAttendance(1, name, MeetingKind.GENERAL_MEETING, "a", utc(5, 1), 10, 8, 1),
            MeetingAttendance(2, name, MeetingKind.COMMITTEE_MEETING, "b", utc(6, 1), 5, 5, 0),
        ),
        dues=DuesSummary(due_fen=123_456, paid_fen=100_050, months_due=30, months_paid=27),
        tickets=tickets,
        guidance=GuidanceSummary(received=3, acknowledged=2),
    )


RATED = TicketSummary(
    reported=6,
    resolved=4,
    resolved_late=1,
    open_late=1,
    declined=1,
    rated=3,
    average_rating=13 / 3,
)
RATES = {
    Component.MEETINGS: 0.6,
    Component.ATTENDANCE: 13 / 15,
    Component.DUES: 0.9,
    Component.TICKETS: 0.6,
    Component.SATISFACTION: 13 / 15,
    Component.GUIDANCE: 2 / 3,
}


def committee_report(rows: int, rules: ScoreRules = DEFAULT_RULES) -> CommitteeReport:
    scored = [
        BranchRow(branch_report(f"=支部{n}", 3, 2, RATED), Score(71.3, 3, RATES))
        for n in range(rows - 1)
    ]
    unscored = BranchRow(
        branch_report("ᠰᠠᠯᠪᠤᠷᠢ", 1, 0, TicketSummary(0, 0, 0, 0, 0, 0, None)),
        Score(None, None, dict.fromkeys(Component)),
    )
    return CommitteeReport(
        Organization(name="党委", level=Level.COMMITTEE), NOV, rules, (*scored, unscored)
    )


def test_committee_rows_and_rules(texts: dict[str, Texts]) -> None:
    rules = ScoreRules({**DEFAULT_RULES.weights, Component.GUIDANCE: 0}, (95, 85, 75, 65))
    labels = committee.labels(texts["zh"]) | {"title": "党委 2026-11 支部对比"}
    branches, ruled = sheets(committee.committee_workbook(committee_report(2, rules), labels))
    assert (branches.title, ruled.title) == ("支部对比", "计分规则")
    rows = rows_of(branches)
    assert rows[1][:10] == [
        "支部",
        "得分",
        "星级",
        "星数",
        "会议召开",  # the components named as on the weights screen
        "会议出勤",
        "党费收缴",
        "诉求按时办结",
        "群众满意度",
        "指引确认",
    ]
    scored, unscored = rows[2], rows[3]
    assert scored[:4] == ["=支部0", 71.3, "★★★☆☆", 3]
    assert scored[4:10] == [pytest.approx(r) for r in RATES.values()]
    assert scored[10:] == [
        3,  # held: one general meeting, two committee meetings
        5,  # required: 3 held + 2 missed (the open slot counted neither way)
        13,
        15,
        pytest.approx(1000.50),  # yuan, exact to the fen
        pytest.approx(1234.56),
        27,
        30,
        5,  # judged: 4 solved + 1 open past due
        3,  # on time: 4 solved - 1 late
        2,  # overdue: 1 solved late + 1 open late
        4.33,
        2,
        3,
    ]
    assert branches.cell(row=3, column=1).data_type == "s"
    assert branches.cell(row=3, column=15).number_format == "0.00"
    assert unscored[:4] == ["ᠰᠠᠯᠪᠤᠷᠢ", None, "暂无数据", None]
    assert unscored[4:10] == [None] * 6
    lines = rows_of(ruled)
    weights = {row[0]: row[2:4] for row in lines[2:8]}
    # guidance weighed 0: the others share 90
    assert weights["会议召开"] == [30, pytest.approx(30 / 90)]
    assert weights["指引确认"] == [0, 0]
    stars = lines[9:15]
    assert stars == [
        ["星级", "最低得分", None, None],
        ["★★★★★", 95, None, None],
        ["★★★★☆", 85, None, None],
        ["★★★☆☆", 75, None, None],
        ["★★☆☆☆", 65, None, None],
        ["★☆☆☆☆", 0, None, None],
    ]
    notes = [row[1] for row in lines[16:]]
    assert lines[16][0] == "说明" and len(notes) == 4
    assert any("权重按比例分给其他各项" in note for note in notes)


def test_committee_in_mongolian(texts: dict[str, Texts]) -> None:
    labels = committee.labels(texts["mn"]) | {"title": "ᠬᠣᠷᠢᠶ᠎ᠠ"}
    branches, ruled = sheets(committee.committee_workbook(committee_report(1), labels))
    rows = rows_of(branches)
    assert all(mongolian(header) for header in rows[1])
    assert rows[2][:3] == ["ᠰᠠᠯᠪᠤᠷᠢ", None, "ᠮᠡᠳᠡᠭᠡ ᠦᠭᠡᠢ"]
    assert all(mongolian(row[1]) for row in rows_of(ruled)[2:8])


def test_committee_progress_ends_at_total(texts: dict[str, Texts]) -> None:
    calls: list[tuple[int, int]] = []
    labels = committee.labels(texts["en"]) | {"title": "Committee"}
    content = committee.committee_workbook(
        committee_report(120), labels, lambda done, total: calls.append((done, total))
    )
    assert calls == [(50, 120), (100, 120), (120, 120)]
    assert len(rows_of(sheets(content)[0])) == 2 + 120


def test_committee_progress_without_branches(texts: dict[str, Texts]) -> None:
    calls: list[tuple[int, int]] = []
    labels = committee.labels(texts["en"]) | {"title": "Committee"}
    empty = CommitteeReport(Organization(name="C", level=Level.COMMITTEE), NOV, DEFAULT_RULES, ())
    committee.committee_workbook(empty, labels, lambda done, total: calls.append((done, total)))
    assert calls == [(0, 0)]


# ----------------------------------------------------------------------------- labels


@pytest.mark.parametrize("module", [register, attendance, tickets_register, committee])
def test_every_label_exists_in_every_language(module: Any, texts: dict[str, Texts]) -> None:
    for locale, text in texts.items():
        found = module.labels(text)
        assert set(found) == set(module.LABEL_KEYS)
        assert all(value and value != key for key, value in found.items()), locale


def test_mongolian_exports_are_in_traditional_script() -> None:
    from bot.i18n import LOCALES_DIR

    text = (LOCALES_DIR / "mn" / "report_exports.ftl").read_text(encoding="utf-8")
    assert sum(mongolian(ch) for ch in text) > 1000
    assert not any("\u0400" <= ch <= "\u04ff" for ch in text)


# ----------------------------------------------------------------------------- edges


def test_a_sign_in_without_an_invitation(texts: dict[str, Texts]) -> None:
    """周九 (no member, not invited) signed in: present in the register's row and the
    matrix's column, marked, and not counted as invited, as the chat report counts it."""
    walk_in = Attendee(9, "周九", SignInMethod.TAP, utc(5, 11, 35), None, invited=False)
    group = entry(
        1,
        MeetingKind.GROUP_MEETING,
        utc(5, 11, 30),
        invited=2,
        present=(came(2, "李四", SignInMethod.TAP), walk_in),
        absent=(Absentee(3, "王五", ""),),
    )
    reg = Register(BRANCH, NOV, SHANGHAI, (group,), ((2, "李四"), (3, "王五")))
    labels = register.labels(texts["zh"]) | {"title": "记录册"}
    row, totals = rows_of(sheets(register.register_workbook(reg, labels))[0])[2:]
    assert row[6:10] == [2, 2, 1.0, "点按签到：李四、周九 (不在应到名单内)"]
    assert totals[5:9] == [1, 2, 2, 1.0]

    labels = attendance.labels(texts["zh"]) | {"title": "考勤"}
    rows = rows_of(sheets(attendance.attendance_workbook(reg, labels))[0])
    body = {row[0]: row[1:] for row in rows[2:5]}
    assert body["李四"] == [None, "√", 1, 1, 1.0]
    assert body["王五"] == [None, "×", 0, 1, 0.0]
    assert body["周九"] == ["目前不是本支部党员", "√*", 1, 0, None]
    present, invited, rate = rows[5:8]
    assert present[:4] == ["实到", None, 2, 2]
    assert invited[:5] == ["应到", None, 2, None, 2]
    assert rate[2] == 1.0 and rate[5] == 1.0
    legend = {row[0]: row[1] for row in rows[9:]}
    assert legend["*"] == "签到但不在应到名单内：计入实到，不计入应到"


def test_empty_registers_still_open_with_headers(texts: dict[str, Texts]) -> None:
    reg = Register(BRANCH, NOV, SHANGHAI, (), ())
    labels = register.labels(texts["en"]) | {"title": "Register"}
    rows = rows_of(sheets(register.register_workbook(reg, labels))[0])
    assert rows[1][:3] == ["Time", "Organization", "Meeting"]
    assert rows[2][:9] == ["Total (meetings held)", None, None, None, None, 0, 0, 0, None]
    labels = attendance.labels(texts["en"]) | {"title": "Attendance"}
    rows = rows_of(sheets(attendance.attendance_workbook(reg, labels))[0])
    assert rows[1] == ["Name", "Note", "Attended", "Invited", "Attendance"]
    assert rows[2][:3] == ["Present", None, 0]

    empty = TicketRegister(BRANCH, NOV, SHANGHAI, (), NOW)
    labels = tickets_register.labels(texts["en"]) | {"title": "Tickets"}
    content = tickets_register.tickets_workbook(empty, labels)
    listed, history = sheets(content)
    assert rows_of(listed)[1][:2] == ["No.", "Reported"]
    assert rows_of(history)[1] == ["No.", "Time", "Who", "What", "Note", "Detail"]
    found = summary_block(content)
    assert found["Reported (merged duplicates not counted)"] == 0
    assert found["Average rating (stars)"] is None
    assert found["Solved in time (in time ÷ (resolved + open past due))"] is None


FORMULA_LIKE = (
    "=1+1",
    "+1-1",
    "-2+3",
    "@SUM(A1:A2)",
    '=HYPERLINK("http://x","y")',
    "#N/A",  # an error code, were it not text
    "\t=1",
)


def test_text_is_never_a_formula() -> None:
    book = Book()
    book.sheet("Data").add([*FORMULA_LIKE, "ᠮᠣᠩᠭᠣᠯ\uffff\ud83d"])
    content = book.save()
    with zipfile.ZipFile(io.BytesIO(content)) as files:
        xml = files.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml and 't="e"' not in xml
    [sheet] = sheets(content)
    assert [c.data_type for c in sheet[1]] == ["s"] * (len(FORMULA_LIKE) + 1)
    # what XML cannot hold is dropped, so the file opens
    assert [c.value for c in sheet[1]] == [*FORMULA_LIKE, "ᠮᠣᠩᠭᠣᠯ"]


def test_excel_limits() -> None:
    # 32,767 characters as Excel counts them: an emoji is two UTF-16 units
    emoji = cell_text("🐑" * CELL_LIMIT)
    assert emoji.endswith(ELLIPSIS) and len(emoji) == (CELL_LIMIT - 1) // 2 + 1
    assert len(emoji.encode("utf-16-le")) // 2 <= CELL_LIMIT
    exact = "ᠮ" * CELL_LIMIT
    assert cell_text(exact) == exact  # at the limit, nothing is cut
    assert cell_text("a\x00b\x1fc\uffffd\ud83de") == "abcde"
    assert sheet_title("2026-Q4 [支部]: a/b\\c*?") == "2026-Q4 支部 a b c"
    assert len(sheet_title("ᠰ" * 40)) == 31
    assert sheet_title("History") == "History_" and sheet_title("'x'") == "x"
    assert sheet_title("?") == "Sheet"


def test_ticket_history_sheet_is_not_named_history(
    ticket_reg: TicketRegister, texts: dict[str, Texts]
) -> None:
    labels = tickets_register.labels(texts["en"]) | {"title": "Tickets"}
    titles = [s.title for s in sheets(tickets_register.tickets_workbook(ticket_reg, labels))]
    assert titles == ["Tickets", "Ticket history"]
