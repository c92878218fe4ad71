"""/broadcast, /broadcasts and 已学习 through the real Dispatcher: audiences picked with
buttons, text and photo content, the preview and its numbers, confirm writes exactly the
delivery rows, cancel writes none, and forged, stale or foreign buttons change nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Bot
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageReplyMarkup,
    EditMessageText,
    SendMessage,
    SendPhoto,
    SendVoice,
    TelegramMethod,
)
from aiogram.types import Chat, InlineKeyboardMarkup, Message, PhotoSize, Update
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import build_dispatcher
from bot.config import Settings
from bot.i18n import Translator
from bot.keyboards.broadcast import (
    BroadcastAckCB,
    BroadcastFlowCB,
    BroadcastViewCB,
    FlowStep,
    View,
)
from bot.renderers.message import render_message
from bot.services.roles import Role
from storage.models import Broadcast, ContentType, Delivery, DeliveryStatus
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.factories import Tree, build_tree, make_person
from tests.fakes import BOT_USER, TOKEN, Chatter, FieldChatter, RecordingSession, buttons
from tests.flows.conftest import Harness

ADMIN, SECRETARY_A, SECRETARY_B, MEMBER_A, LEADER_A1 = 1001, 2001, 2002, 3001, 3002
NOTICE = "请各位党员本周五前完成十一月党费缴纳。"


class MediaSession(RecordingSession):
    """The recording session, also answering sendPhoto (previews of photo notices)."""

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        if not isinstance(method, SendPhoto):
            return await super().make_request(bot, method, timeout)
        self.requests.append(method)
        return Message(
            message_id=next(self._ids),
            date=datetime.now(UTC),
            chat=Chat(id=int(method.chat_id), type="private"),
            from_user=BOT_USER,
            photo=[PhotoSize(file_id=str(method.photo), file_unique_id="p", width=1, height=1)],
            caption=method.caption,
        )


class Composer(Chatter):
    def photo(self, file_id: str, caption: str | None = None) -> Update:
        size = PhotoSize(file_id=file_id, file_unique_id=file_id, width=800, height=600)
        return Update(
            update_id=next(self._update_ids),
            message=self._message(photo=[size], caption=caption),
        )


@pytest.fixture
async def h(
    session_factory: async_sessionmaker[AsyncSession],
    uow: Callable[[], UnitOfWork],
    clock: FakeClock,
) -> AsyncIterator[Harness]:
    settings = Settings(_env_file=None, bot_token=TOKEN)
    dispatcher = build_dispatcher(settings, session_factory, clock=clock, storage=MemoryStorage())
    session = MediaSession()
    bot = Bot(token=TOKEN, session=session)
    await dispatcher.emit_startup(bot=bot, bots=[bot], dispatcher=dispatcher)
    session.clear()
    yield Harness(dispatcher, bot, session, uow)
    await dispatcher.emit_shutdown(bot=bot, bots=[bot], dispatcher=dispatcher)


def core_of(h: Harness) -> FluentRuntimeCore:
    core: FluentRuntimeCore = h.dp["i18n_middleware"].core
    return core


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


def alerts(h: Harness) -> list[str]:
    return [a.text or "" for a in answers(h) if a.show_alert]


async def count_rows(h: Harness) -> tuple[int, int]:
    async with h.uow() as u:
        broadcasts = await u.session.scalar(select(func.count(Broadcast.id)))
        deliveries = await u.session.scalar(select(func.count(Delivery.id)))
    return int(broadcasts or 0), int(deliveries or 0)


async def with_extra_people(h: Harness) -> Tree:
    """build_tree, a resident of branch A and a member imported without Telegram."""
    tree = await build_tree(h.uow)
    async with h.uow() as u:
        await make_person(u, "群众萨仁", 4001, [(tree.branch_a, Role.RESIDENT)])
        await make_person(u, "导入党员", None, [(tree.branch_a, Role.MEMBER)])
        await u.commit()
    return tree


async def compose_as_secretary(h: Harness, secretary: Composer, text: str = NOTICE) -> None:
    await h.send(secretary.text("/broadcast"))
    assert "哈业胡同嘎查党支部" in (latest(h, SECRETARY_A).text or "")
    await tap(h, secretary, "全部")
    await tap(h, secretary, "全体党员")
    await h.send(secretary.text(text))


# ----------------------------------------------------------------------------- composing


async def test_secretary_sends_a_text_notice_to_the_branch(h: Harness) -> None:
    await with_extra_people(h)
    secretary = Composer(SECRETARY_A, "书记甲")
    await h.send(secretary.text("/broadcast"))
    where = latest(h, SECRETARY_A)
    labels = [t for t, _ in buttons(where)]
    assert any("全部" in t for t in labels) and any("党小组" in t for t in labels)
    assert not any("选择支部" in t for t in labels)  # a secretary has one branch
    await tap(h, secretary, "全部")
    await tap(h, secretary, "全体党员")
    assert "全体党员" in (latest(h, SECRETARY_A).text or "")
    h.session.clear()
    await h.send(secretary.text(NOTICE))

    # the preview: the notice exactly as recipients see it, then the numbers
    shown, summary = h.session.sent(SECRETARY_A)
    assert shown.text == f"📢 哈业胡同嘎查党支部 通知\n\n{NOTICE}"
    assert [t for t, _ in buttons(shown)] == ["✅ 已学习 / 收到"]
    assert "收件人：2 人" in (summary.text or "")  # member and group leader; not the resident
    assert "另有 1 人还没有使用 Telegram" in (summary.text or "")
    assert "确认后立即发送" in (summary.text or "")
    assert await count_rows(h) == (0, 0)

    send = button(summary, "确认发送")
    h.session.clear()
    await h.send(secretary.press(send))
    progress = h.session.sent(SECRETARY_A)[0]
    assert progress.text == "⏳ 通知排队发送中：2 人。"
    async with h.uow() as u:
        broadcast = await u.session.scalar(select(Broadcast))
        rows = list(await u.session.scalars(select(Delivery)))
    assert broadcast is not None and broadcast.text == NOTICE
    assert broadcast.progress_chat_id == SECRETARY_A and broadcast.progress_locale == "zh"
    assert broadcast.progress_message_id is not None
    assert {r.chat_id for r in rows} == {MEMBER_A, LEADER_A1}
    assert {r.status for r in rows} == {DeliveryStatus.PENDING}
    done = h.session.of_type(EditMessageText)[-1]
    assert done.text is not None and f"通知 #{broadcast.id} 已提交，共 2 人" in done.text

    # a second tap on "send" finds the flow gone: answered, nothing more written
    await h.send(secretary.press(BroadcastFlowCB(step=FlowStep.CONFIRM).pack()))
    assert alerts(h)[-1] == "这个按钮已失效，请重新发送命令。"
    assert await count_rows(h) == (1, 2)


async def test_admin_sends_an_urgent_photo_to_chosen_branches_at_night(
    h: Harness, clock: FakeClock
) -> None:
    await build_tree(h.uow)
    clock.now = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)  # 22:00 in Shanghai
    admin = Composer(ADMIN, "组织部王")
    await h.send(admin.text("/broadcast"))
    await tap(h, admin, "选择支部")
    await tap(h, admin, "北京路社区党支部")
    await tap(h, admin, "哈业胡同嘎查党支部")
    await tap(h, admin, "哈业胡同嘎查党支部")  # and off again
    assert "☑ 北京路社区党支部" in [t for t, _ in buttons(latest(h, ADMIN))]
    await tap(h, admin, "完成")
    await tap(h, admin, "书记、副书记")
    await h.send(admin.photo("photo-file-1", "十一月学习材料"))
    assert "免打扰时段（21:30-07:30）" in (latest(h, ADMIN).text or "")
    urgent = button(latest(h, ADMIN), "紧急")
    h.session.clear()
    await h.send(admin.press(urgent))

    photo = h.session.of_type(SendPhoto)[0]
    assert photo.chat_id == ADMIN and photo.photo == "photo-file-1"
    assert photo.caption == "⚠️ 九原区委组织部 紧急通知\n\n十一月学习材料"
    assert isinstance(photo.reply_markup, InlineKeyboardMarkup)
    summary = h.session.sent(ADMIN)[-1].text or ""
    assert "收件人：1 人" in summary and "紧急通知" in summary and "立即发送" in summary
    await tap(h, admin, "确认发送")
    async with h.uow() as u:
        broadcast = await u.session.scalar(select(Broadcast))
        rows = list(await u.session.scalars(select(Delivery)))
    assert broadcast is not None and broadcast.urgent
    assert broadcast.content_type is ContentType.PHOTO and broadcast.file_id == "photo-file-1"
    assert broadcast.not_before == clock()
    assert [r.chat_id for r in rows] == [SECRETARY_B]


async def test_a_secretarys_notice_at_night_waits_for_the_morning(
    h: Harness, clock: FakeClock
) -> None:
    await build_tree(h.uow)
    clock.now = datetime(2026, 11, 21, 14, 0, tzinfo=UTC)
    secretary = Composer(SECRETARY_A, "书记甲")
    await compose_as_secretary(h, secretary)  # no urgent step: straight to the preview
    summary = latest(h, SECRETARY_A).text or ""
    assert "将于 2026-11-22 07:30 (Asia/Shanghai) 发送" in summary
    send = button(latest(h, SECRETARY_A), "确认发送")
    h.session.clear()
    await h.send(secretary.press(send))
    assert "将于 2026-11-22 07:30" in (h.session.sent(SECRETARY_A)[0].text or "")
    async with h.uow() as u:
        broadcast = await u.session.scalar(select(Broadcast))
    assert broadcast is not None and not broadcast.urgent
    assert broadcast.not_before == datetime(2026, 11, 21, 23, 30, tzinfo=UTC)


async def test_a_party_group_and_changing_the_content(h: Harness) -> None:
    await build_tree(h.uow)
    secretary = Composer(SECRETARY_A, "书记甲")
    await h.send(secretary.text("/broadcast"))
    await tap(h, secretary, "一个党小组")
    await tap(h, secretary, "第一党小组")
    assert "第一党小组" in (latest(h, SECRETARY_A).text or "")  # straight to the content
    await h.send(secretary.text("初稿"))
    await tap(h, secretary, "修改内容")
    await h.send(secretary.text("定稿"))
    assert "收件人：1 人" in (latest(h, SECRETARY_A).text or "")
    await tap(h, secretary, "确认发送")
    async with h.uow() as u:
        broadcast = await u.session.scalar(select(Broadcast))
        rows = list(await u.session.scalars(select(Delivery)))
    assert broadcast is not None and broadcast.text == "定稿"
    assert [r.chat_id for r in rows] == [LEADER_A1]


async def test_cancel_writes_nothing(h: Harness) -> None:
    await build_tree(h.uow)
    secretary = Composer(SECRETARY_A, "书记甲")
    await compose_as_secretary(h, secretary)
    await tap(h, secretary, "取消")
    assert latest(h, SECRETARY_A).text == "已取消。"
    await h.send(secretary.press(BroadcastFlowCB(step=FlowStep.CONFIRM).pack()))
    assert await count_rows(h) == (0, 0)

    # /cancel leaves the flow while it waits for the content
    await h.send(secretary.text("/broadcast"))
    await tap(h, secretary, "全部")
    await tap(h, secretary, "全体党员")
    await h.send(secretary.text("/cancel"))
    assert latest(h, SECRETARY_A).text == "已取消。"
    h.session.clear()
    await h.send(secretary.text(NOTICE))
    assert not h.session.of_type(SendPhoto)
    assert all("预览" not in (m.text or "") for m in h.session.sent(SECRETARY_A))
    assert await count_rows(h) == (0, 0)


async def test_unsupported_and_over_long_content_is_refused_with_a_reason(h: Harness) -> None:
    await build_tree(h.uow)
    secretary = Composer(SECRETARY_A, "书记甲")
    await h.send(secretary.text("/broadcast"))
    await tap(h, secretary, "全部")
    await tap(h, secretary, "全体党员")
    await h.send(secretary.photo_less_sticker())
    assert latest(h, SECRETARY_A).text == "只能发送文字、照片、文件或语音。"
    await h.send(secretary.text("长" * 3501))
    assert (latest(h, SECRETARY_A).text or "").startswith("通知太长（3,501 字），最多 3,500 字。")
    await h.send(secretary.text(NOTICE))  # still waiting for the content
    assert "收件人：2 人" in (latest(h, SECRETARY_A).text or "")


async def test_forged_stale_and_malformed_buttons_change_nothing(h: Harness) -> None:
    tree = await build_tree(h.uow)
    admin = Composer(ADMIN, "组织部王")
    await h.send(admin.text("/broadcast"))
    await tap(h, admin, "选择支部")
    before = len(alerts(h))
    # a party group's id where a branch is expected, a foreign step, garbage
    await h.send(admin.press(BroadcastFlowCB(step=FlowStep.BRANCH, num=tree.group_a1.id).pack()))
    await h.send(admin.press(BroadcastFlowCB(step=FlowStep.WHO, value="party").pack()))
    await h.send(admin.press("bf:zz:1"))
    await h.send(admin.press(BroadcastFlowCB(step=FlowStep.BRANCHES_DONE).pack()))
    assert alerts(h)[before:] == [
        "选择的对象无效，请重新选择。",
        "这个按钮已失效，请重新发送命令。",
        "这个按钮已失效，请重新发送命令。",
        "请至少选择一个支部。",
    ]
    # the flow is where it was: the real buttons still work
    await tap(h, admin, "北京路社区党支部")
    await tap(h, admin, "完成")
    assert "发给哪些人" in (latest(h, ADMIN).text or "")

    # a member has no /broadcast, and the secretary of branch B can't mark urgent
    member = Composer(MEMBER_A, "党员巴特尔", "mn")
    await h.send(member.text("/broadcast"))
    assert latest(h, MEMBER_A).text == core_of(h).get("error-access-denied", "mn")
    secretary_b = Composer(SECRETARY_B, "书记乙", "en")
    await h.send(secretary_b.press(BroadcastFlowCB(step=FlowStep.URGENT, num=1).pack()))
    assert alerts(h)[-1] == core_of(h).get("error-stale-button", "en")
    assert await count_rows(h) == (0, 0)


# ----------------------------------------------------------------------------- 已学习


async def queued_notice(h: Harness) -> tuple[Broadcast, dict[int, Delivery]]:
    secretary = Composer(SECRETARY_A, "书记甲")
    await compose_as_secretary(h, secretary)
    await tap(h, secretary, "确认发送")
    async with h.uow() as u:
        broadcast = await u.session.scalar(select(Broadcast))
        rows = {r.chat_id: r for r in await u.session.scalars(select(Delivery))}
    assert broadcast is not None
    return broadcast, rows


async def test_acknowledge_by_the_recipient_and_nobody_else(h: Harness) -> None:
    await build_tree(h.uow)
    broadcast, rows = await queued_notice(h)
    # the button the recipient gets, rendered in their own language
    texts = Translator(core_of(h), "mn")
    outgoing = render_message(broadcast, rows[MEMBER_A], texts)
    assert outgoing.text.startswith("📢 哈业胡同嘎查党支部 ᠤᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ")
    assert isinstance(outgoing.reply_markup, InlineKeyboardMarkup)
    data = outgoing.reply_markup.inline_keyboard[0][0].callback_data
    assert data == BroadcastAckCB(delivery_id=rows[MEMBER_A].id).pack()
    assert data is not None

    leader = Composer(LEADER_A1, "小组长其其格")
    await h.send(leader.press(data))
    assert alerts(h)[-1] == "这个按钮只能由收到通知的本人点按。"
    member = Composer(MEMBER_A, "党员巴特尔", "mn")
    await h.send(member.press(data))
    assert answers(h)[-1].text == core_of(h).get("broadcast-ack-recorded", "mn")
    marked = h.session.of_type(EditMessageReplyMarkup)[-1]
    assert marked.chat_id == MEMBER_A
    await h.send(member.press(data))
    assert answers(h)[-1].text == core_of(h).get("broadcast-ack-already", "mn")
    await h.send(member.press(BroadcastAckCB(delivery_id=0).pack()))  # the preview's button
    assert alerts(h)[-1] == core_of(h).get("broadcast-error-ack-stale", "mn")
    await h.send(member.press("ack:not-a-number"))
    assert alerts(h)[-1] == core_of(h).get("error-stale-button", "mn")
    async with h.uow() as u:
        acked = await u.session.scalars(
            select(Delivery.chat_id).where(Delivery.acknowledged_at.is_not(None))
        )
        assert list(acked) == [MEMBER_A]


async def test_broadcasts_shows_counts_and_who_has_not_acknowledged(h: Harness) -> None:
    await build_tree(h.uow)
    broadcast, rows = await queued_notice(h)
    async with h.uow() as u:
        for chat in (MEMBER_A, LEADER_A1):
            row = await u.session.get(Delivery, rows[chat].id)
            assert row is not None
            row.status = DeliveryStatus.SENT
        await u.commit()
    member = Composer(MEMBER_A, "党员巴特尔", "mn")
    await h.send(member.press(BroadcastAckCB(delivery_id=rows[MEMBER_A].id).pack()))

    secretary = Composer(SECRETARY_A, "书记甲")
    await h.send(secretary.text("/broadcasts"))
    listing = latest(h, SECRETARY_A).text or ""
    assert NOTICE[:10] in listing and "送达 2 · 待发 0 · 无法送达 0 · 已学习 1/2" in listing
    await tap(h, secretary, NOTICE[:10])
    card = latest(h, SECRETARY_A).text or ""
    assert f"通知 #{broadcast.id}" in card and "对象：哈业胡同嘎查党支部 · 全体党员" in card
    await tap(h, secretary, "未学习名单（1）")
    names = latest(h, SECRETARY_A).text or ""
    assert "小组长其其格" in names and "党员巴特尔" not in names

    # another branch's secretary can't open it with a forged button
    secretary_b = Composer(SECRETARY_B, "书记乙", "en")
    forged = BroadcastViewCB(view=View.NOT_ACKNOWLEDGED, broadcast_id=broadcast.id)
    await h.send(secretary_b.press(forged.pack()))
    assert alerts(h)[-1] == core_of(h).get("error-access-denied", "en")
    await h.send(secretary_b.text("/broadcasts"))
    assert latest(h, SECRETARY_B).text == core_of(h).get("broadcasts-none", "en")


async def test_a_voice_notice_reaches_the_broadcast_flow_not_sign_in(h: Harness) -> None:
    await build_tree(h.uow)
    secretary = FieldChatter(SECRETARY_A, "书记甲")
    await h.send(secretary.text("/broadcast"))
    await tap(h, secretary, "全部")
    await tap(h, secretary, "全体党员")
    h.session.clear()
    await h.send(secretary.voice("voice-file-1", duration=12, size=20_000))
    shown = h.session.of_type(SendVoice)[0]
    assert shown.voice == "voice-file-1" and shown.caption == "📢 哈业胡同嘎查党支部 通知"
    await tap(h, secretary, "确认发送")
    async with h.uow() as u:
        broadcast = await u.session.scalar(select(Broadcast))
    assert broadcast is not None and broadcast.content_type is ContentType.VOICE
    assert broadcast.file_id == "voice-file-1" and broadcast.total == 2
