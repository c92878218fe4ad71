"""The guidance feature through the real Dispatcher: /guidance (writing, scheduling and
publishing), the acknowledge button pressed by the right person, the wrong one and twice,
the materials button, /coverage, /themedday, the renderers in three languages, and the
meeting flow's themed-day suggestions."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendDocument, SendMessage
from aiogram.types import InlineKeyboardMarkup
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy import select

from bot.i18n import Translator
from bot.keyboards.guidance import GuidanceAckCB, GuidanceFilesCB
from bot.renderers.guidance import RENDERERS
from bot.services import guidance, themed_day
from bot.services.quiet_hours import QuietHours
from bot.services.themed_day import CalendarKind, ThemedDay
from storage.models import (
    Broadcast,
    BroadcastKind,
    Delivery,
    Guidance,
    GuidanceStatus,
    Meeting,
)
from tests.conftest import FakeClock
from tests.factories import Tree, actor_of, build_tree
from tests.fakes import Chatter, buttons
from tests.flows.conftest import Harness

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
ADMIN, SECRETARY_A, SECRETARY_B, MEMBER_A = 1001, 2001, 2002, 3001
THEME = "学习贯彻党的二十届四中全会精神"


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


async def tap(h: Harness, who: Chatter, contains: str) -> None:
    await h.send(who.press(button(latest(h, who.user.id), contains)))


def answers(h: Harness) -> list[AnswerCallbackQuery]:
    return h.session.of_type(AnswerCallbackQuery)


def core_of(h: Harness) -> FluentRuntimeCore:
    core: FluentRuntimeCore = h.dp["i18n_middleware"].core
    return core


async def publish(h: Harness, tree: Tree, clock: FakeClock, **changes: Any) -> Guidance:
    admin = await actor_of(h.uow, tree.admin)
    values: dict[str, Any] = {
        "theme": THEME,
        "deadline": date(2026, 11, 28),
        "publish_at": clock(),
        "materials": (
            {"kind": "link", "url": "https://www.12371.cn/", "name": "共产党员网"},
            {"kind": "document", "file_id": "doc-1", "name": "学习材料.pdf"},
        ),
    }
    values.update(changes)
    month = values.pop("month", "2026-11")
    async with h.uow() as u:
        return await guidance.save(
            u,
            admin,
            tree.committee.id,
            month,
            guidance.Content(**values),
            guidance.SaveMode.PUBLISH,
            clock(),
            SHANGHAI,
            QUIET,
        )


async def rendered(h: Harness, kind: BroadcastKind, person_id: int, locale: str = "zh") -> Any:
    """What the sender would send this person for their delivery of a `kind` broadcast."""
    async with h.uow() as u:
        row = (
            await u.session.execute(
                select(Broadcast, Delivery)
                .join(Delivery, Delivery.broadcast_id == Broadcast.id)
                .where(Broadcast.kind == kind, Delivery.person_id == person_id)
            )
        ).first()
    assert row is not None, f"no {kind} delivery for {person_id}"
    broadcast, delivery = row
    return RENDERERS[kind](broadcast, delivery, Translator(core_of(h), locale))


def markup_data(markup: InlineKeyboardMarkup | None) -> list[str]:
    if markup is None:
        return []
    return [b.callback_data or "" for row in markup.inline_keyboard for b in row]


# ----------------------------------------------------------------------------- /guidance


async def test_admin_writes_and_schedules_next_months_guidance(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    admin = Chatter(ADMIN, "组织部王")
    await harness.send(admin.text("/guidance"))
    months = latest(harness, ADMIN)
    assert {t.split(" · ")[0] for t, _ in buttons(months)} == {"2026-11", "2026-12"}
    await tap(harness, admin, "2026-12")
    assert "本月主题" in (latest(harness, ADMIN).text or "")
    await harness.send(admin.text(THEME))
    await harness.send(admin.text("各支部组织党员集中学习。"))
    await harness.send(admin.text("共产党员网 https://www.12371.cn/\nhttps://example.org/a.pdf"))
    await harness.send(admin.document("doc-1", "学习材料.pdf", 1000))
    assert "3" in (latest(harness, ADMIN).text or "")
    await tap(harness, admin, "完成")
    await tap(harness, admin, "跳过")  # no activities
    await harness.send(admin.text("2027-01-05"))  # outside December: refused, asked again
    assert "2026-12-01" in (latest(harness, ADMIN).text or "")
    await harness.send(admin.text("20"))
    await tap(harness, admin, "2026-12-01 09:00")  # the default moment
    await tap(harness, admin, "只发给")
    preview = latest(harness, ADMIN)
    assert "请核对" in (preview.text or "") and THEME in (preview.text or "")
    assert "https://www.12371.cn/" in (preview.text or "")
    await tap(harness, admin, "定时发布")
    async with harness.uow() as u:
        saved = await u.guidance.by_month(tree.committee.id, "2026-12")
    assert saved is not None and saved.status is GuidanceStatus.SCHEDULED
    assert saved.theme == THEME and saved.deadline == date(2026, 12, 20)
    assert saved.publish_at == datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    assert [m["kind"] for m in saved.materials] == ["link", "link", "document"]
    assert saved.materials[0]["name"] == "共产党员网"
    assert saved.to_members is False
    assert "2026-12-01 09:00" in (latest(harness, ADMIN).text or "")


async def test_admin_publishes_now_to_members_too(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    admin = Chatter(ADMIN, "组织部王")
    await harness.send(admin.text("/guidance"))
    await tap(harness, admin, "2026-11")
    await harness.send(admin.text(THEME))
    await tap(harness, admin, "跳过")  # no body
    await tap(harness, admin, "完成")  # no materials
    await harness.send(admin.text("重温入党誓词"))
    await tap(harness, admin, "2026-11-30")  # the month's last day
    await tap(harness, admin, "跳过")  # the 1st has passed: no moment to schedule
    await tap(harness, admin, "全体党员")
    preview = latest(harness, ADMIN)
    assert not any("定时" in t for t, _ in buttons(preview))
    await tap(harness, admin, "立即发布")
    async with harness.uow() as u:
        saved = await u.guidance.by_month(tree.committee.id, "2026-11")
        kinds = (await u.session.scalars(select(Broadcast.payload))).all()
    assert saved is not None and saved.status is GuidanceStatus.PUBLISHED
    assert sorted(p["acknowledge"] for p in kinds) == [False, True]
    assert "已发布" in (latest(harness, ADMIN).text or "")
    # the month is final now: opening it shows the guidance and the coverage button
    await harness.send(admin.text("/guidance"))
    await tap(harness, admin, "2026-11")
    shown = latest(harness, ADMIN)
    assert "不能再修改" in (shown.text or "") and any("落实" in t for t, _ in buttons(shown))


async def test_a_secretary_cannot_open_guidance(harness: Harness) -> None:
    await build_tree(harness.uow)
    await harness.send(Chatter(SECRETARY_A, "书记甲").text("/guidance"))
    assert "权限" in (latest(harness, SECRETARY_A).text or "")


# ----------------------------------------------------------------------------- buttons


async def test_acknowledge_by_the_right_person_once(harness: Harness, clock: FakeClock) -> None:
    tree = await build_tree(harness.uow)
    saved = await publish(harness, tree, clock)
    officer = await rendered(harness, BroadcastKind.GUIDANCE, tree.secretary_a.id)
    ack = GuidanceAckCB(guidance_id=saved.id).pack()
    assert ack in markup_data(officer.reply_markup)
    assert THEME in officer.text and "2026-11-28" in officer.text
    assert "共产党员网：https://www.12371.cn/" in officer.text and "学习材料.pdf" in officer.text

    # a member (not an officer) and the secretary of another branch's double: refused
    await harness.send(Chatter(MEMBER_A, "党员巴特尔", "mn").press(ack))
    assert answers(harness)[-1].show_alert
    secretary = Chatter(SECRETARY_A, "书记甲")
    await harness.send(secretary.press(ack))
    assert "已确认收到" in (answers(harness)[-1].text or "")
    assert "哈业胡同嘎查党支部" in (answers(harness)[-1].text or "")
    await harness.send(secretary.press(ack))  # double tap
    assert answers(harness)[-1].show_alert and "已经确认" in (answers(harness)[-1].text or "")
    async with harness.uow() as u:
        receipts = {r.branch_id: r for r in await u.guidance.receipts([saved.id])}
    assert receipts[tree.branch_a.id].acknowledged_by_id == tree.secretary_a.id
    assert receipts[tree.branch_b.id].acknowledged_at is None
    # a stale button (no such guidance)
    await harness.send(secretary.press(GuidanceAckCB(guidance_id=999).pack()))
    assert answers(harness)[-1].show_alert


async def test_materials_button_sends_the_files_to_a_recipient(
    harness: Harness, clock: FakeClock
) -> None:
    tree = await build_tree(harness.uow)
    saved = await publish(harness, tree, clock)
    files = GuidanceFilesCB(guidance_id=saved.id).pack()
    await harness.send(Chatter(SECRETARY_B, "书记乙", "en").press(files))
    sent = harness.session.of_type(SendDocument)
    assert [(d.chat_id, d.document) for d in sent] == [(SECRETARY_B, "doc-1")]
    # the member did not get this guidance (officers only): no files
    await harness.send(Chatter(MEMBER_A, "党员巴特尔", "mn").press(files))
    assert len(harness.session.of_type(SendDocument)) == 1
    assert answers(harness)[-1].show_alert


async def test_renderers_in_three_languages(harness: Harness, clock: FakeClock) -> None:
    tree = await build_tree(harness.uow)
    saved = await publish(harness, tree, clock, to_members=True)
    member = await rendered(harness, BroadcastKind.GUIDANCE, tree.member_a.id, "mn")
    assert GuidanceAckCB(guidance_id=saved.id).pack() not in markup_data(member.reply_markup)
    assert GuidanceFilesCB(guidance_id=saved.id).pack() in markup_data(member.reply_markup)
    assert any("\u1800" <= ch <= "\u18af" for ch in member.text)
    english = await rendered(harness, BroadcastKind.GUIDANCE, tree.secretary_b.id, "en")
    assert "Theme: " + THEME in english.text and "“Received”" in english.text
    assert english.reply_markup is not None
    # reminders and the missed report
    async with harness.uow() as u:
        await guidance.send_reminders(
            u, datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI), [1], SHANGHAI, QUIET
        )
    reminder = await rendered(harness, BroadcastKind.GUIDANCE_REMINDER, tree.secretary_b.id, "en")
    assert "1 days left" in reminder.text and "not acknowledged" in reminder.text
    assert GuidanceAckCB(guidance_id=saved.id).pack() in markup_data(reminder.reply_markup)
    async with harness.uow() as u:
        await guidance.send_missed_reports(
            u, datetime(2026, 11, 29, 9, 0, tzinfo=SHANGHAI), SHANGHAI, QUIET
        )
    report = await rendered(harness, BroadcastKind.GUIDANCE_MISSED, tree.admin.id)
    assert "未按时召开：2 / 2" in report.text and "北京路社区党支部" in report.text


async def test_themed_day_reminder_reads_the_lunar_day(harness: Harness, clock: FakeClock) -> None:
    tree = await build_tree(harness.uow)
    secretary = await actor_of(harness.uow, tree.secretary_a)
    async with harness.uow() as u:
        await themed_day.set_rule(u, secretary, tree.branch_a.id, ThemedDay(CalendarKind.LUNAR, 5))
    clock.now = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    await publish(harness, tree, clock, month="2026-12", deadline=date(2026, 12, 28))
    themed = themed_day.date_in_month(ThemedDay(CalendarKind.LUNAR, 5), 2026, 12)
    async with harness.uow() as u:
        morning = datetime.combine(themed, datetime.min.time(), tzinfo=SHANGHAI).replace(hour=9)
        assert await themed_day.send_member_reminders(u, morning, [0], SHANGHAI, QUIET) == 1
    zh = await rendered(harness, BroadcastKind.THEMED_DAY, tree.member_a.id, "zh")
    assert "农历每月初五" in zh.text and themed.isoformat() in zh.text and THEME in zh.text
    en = await rendered(harness, BroadcastKind.THEMED_DAY, tree.member_a.id, "en")
    assert "lunar day 5 of every month" in en.text


# ----------------------------------------------------------------------------- /coverage


async def test_coverage_lists_the_laggards(harness: Harness, clock: FakeClock) -> None:
    tree = await build_tree(harness.uow)
    saved = await publish(harness, tree, clock)
    secretary = await actor_of(harness.uow, tree.secretary_a)
    async with harness.uow() as u:
        await guidance.acknowledge(u, secretary, saved.id, clock())
    admin = Chatter(ADMIN, "组织部王")
    await harness.send(admin.text("/coverage"))
    text = latest(harness, ADMIN).text or ""
    assert "支部总数：2" in text and "已确认：1" in text and "已召开：0" in text
    assert "未确认（1）" in text and "北京路社区党支部" in text
    await harness.send(Chatter(SECRETARY_A, "书记甲").text("/coverage"))
    assert "权限" in (latest(harness, SECRETARY_A).text or "")


# ----------------------------------------------------------------------------- /themedday


async def test_secretary_sets_a_lunar_themed_day(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    secretary = Chatter(SECRETARY_A, "书记甲")
    await harness.send(secretary.text("/themedday"))
    assert "还没有固定" in (latest(harness, SECRETARY_A).text or "")
    await tap(harness, secretary, "农历")
    await tap(harness, secretary, "初五")
    shown = latest(harness, SECRETARY_A).text or ""
    assert "已保存" in shown and "农历每月初五" in shown
    async with harness.uow() as u:
        branch = await u.organizations.get(tree.branch_a.id)
    assert branch is not None
    rule = themed_day.rule_of(branch)
    assert rule == ThemedDay(CalendarKind.LUNAR, 5)
    for upcoming in themed_day.next_dates(rule, date(2026, 11, 21)):
        assert upcoming.isoformat() in shown
    # a member can neither press the secretary's buttons nor open /themedday
    member = Chatter(MEMBER_A, "党员巴特尔", "mn")
    await harness.send(member.press(button(latest(harness, SECRETARY_A), "公历")))
    assert answers(harness)[-1].show_alert
    await harness.send(member.text("/themedday"))
    assert latest(harness, MEMBER_A).text == core_of(harness).get("error-access-denied", "mn")


# ----------------------------------------------------------------------------- meeting prefill


async def test_meeting_flow_offers_the_theme_and_the_themed_day(
    harness: Harness, clock: FakeClock
) -> None:
    tree = await build_tree(harness.uow)
    await publish(harness, tree, clock)
    secretary_actor = await actor_of(harness.uow, tree.secretary_a)
    async with harness.uow() as u:
        await themed_day.set_rule(
            u, secretary_actor, tree.branch_a.id, ThemedDay(CalendarKind.SOLAR, 25)
        )
    secretary = Chatter(SECRETARY_A, "书记甲")
    await harness.send(secretary.text("/meeting"))
    await tap(harness, secretary, "哈业胡同嘎查党支部")
    await tap(harness, secretary, "主题党日")
    await tap(harness, secretary, THEME[:10])  # the guidance theme as the title, one tap
    await tap(harness, secretary, "2026-11-25 09:00")  # the branch's day, one tap
    assert "2026-11-25 09:00" in (latest(harness, SECRETARY_A).text or "")
    await tap(harness, secretary, "跳过")  # no venue
    await harness.send(secretary.text("跳过"))  # no map point
    await tap(harness, secretary, "下一步")
    await tap(harness, secretary, "会前 30 分钟")
    await tap(harness, secretary, "全体党员")
    await tap(harness, secretary, "确认安排")
    async with harness.uow() as u:
        meeting = (await u.session.scalars(select(Meeting))).one()
    assert meeting.title == THEME
    assert meeting.starts_at == datetime(2026, 11, 25, 1, 0, tzinfo=UTC)


async def test_a_long_guidance_still_fits_one_message(harness: Harness, clock: FakeClock) -> None:
    tree = await build_tree(harness.uow)
    await publish(harness, tree, clock, body="学" * guidance.BODY_MAX, activities="做" * 1500)
    officer = await rendered(harness, BroadcastKind.GUIDANCE, tree.secretary_a.id, "mn")
    assert len(officer.text) <= 4096 and officer.text.endswith(
        core_of(harness).get("guidance-ack-hint", "mn")
    )
