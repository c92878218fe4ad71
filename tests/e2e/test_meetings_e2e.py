"""The secretary schedules a meeting through the chat, with the real aiogram client against
the local Bot API server, and the members receive their invitations."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.demo import DemoRuntime, start_demo
from sandbox.client import SandboxClient, message_text
from storage.db import create_engine, create_session_factory
from storage.models import Meeting
from storage.uow import UnitOfWork
from tests.conftest import FakeClock

SECRETARY, MEMBER, HERDER, SECRETARY_B = 100002, 100003, 100005, 100006


@pytest.fixture
async def demo(database_url: str, clock: FakeClock) -> AsyncIterator[DemoRuntime]:
    """The demo on the tests' fixed clock (10:00 in Shanghai): outside quiet hours, so the
    invitations go out at once, whatever the time of day the tests run."""
    settings = Settings(_env_file=None, database_url=database_url, scheduler_poll_seconds=0.2)
    runtime = await start_demo(settings, port=0, clock=clock)
    try:
        yield runtime
    finally:
        await runtime.stop()


def has(fragment: str) -> Callable[[dict[str, Any]], bool]:
    return lambda message: fragment in message_text(message)


def mongolian(text: str) -> bool:
    return any("\u1800" <= ch <= "\u18af" for ch in text)


async def test_secretary_schedules_in_the_chat_and_members_are_invited(
    demo: DemoRuntime, client: SandboxClient, database_url: str
) -> None:
    await client.mark()
    await client.send_text(SECRETARY, "/meeting")
    orgs = await client.wait_for_bot_message(SECRETARY, has("哪个组织"))
    await client.press_button(SECRETARY, orgs, "哈业胡同嘎查党支部")
    kinds = await client.wait_for_bot_message(SECRETARY, has("开什么会"))
    await client.press_button(SECRETARY, kinds, "主题党日")
    title = await client.wait_for_bot_message(SECRETARY, has("会议主题"))
    await client.press_button(SECRETARY, title, "用“主题党日”")
    await client.wait_for_bot_message(SECRETARY, has("什么时候开始"))
    await client.send_text(SECRETARY, "明天晚上")  # not a time: asked again
    await client.wait_for_bot_message(SECRETARY, has("没看懂这个时间"))
    await client.send_text(SECRETARY, "11-25 19:30")
    await client.wait_for_bot_message(SECRETARY, has("地点在哪里"))
    await client.send_text(SECRETARY, "嘎查党群服务中心")
    where = await client.wait_for_bot_message(SECRETARY, has("位置签到吗"))
    assert any(b.get("request_location") for b in client.buttons(where))
    await client.send_text(SECRETARY, "跳过")
    methods = await client.wait_for_bot_message(SECRETARY, has("签到方式"))
    await client.press_button(SECRETARY, methods, "签到码")
    methods = await client.wait_for_bot_message(
        SECRETARY, lambda m: any(b["text"] == "✅ 签到码" for b in client.buttons(m))
    )
    await client.press_button(SECRETARY, methods, "下一步")
    window = await client.wait_for_bot_message(SECRETARY, has("签到时间"))
    await client.press_button(SECRETARY, window, "会前 30 分钟")
    audience = await client.wait_for_bot_message(SECRETARY, has("请哪些人参加"))
    await client.press_button(SECRETARY, audience, "全体党员")
    confirm = await client.wait_for_bot_message(SECRETARY, has("请核对"))
    assert "2026-11-25 19:30 (Asia/Shanghai)" in message_text(confirm)
    await client.press_button(SECRETARY, confirm, "确认安排")
    card = await client.wait_for_bot_message(SECRETARY, has("会议已安排"))

    engine = create_engine(database_url)
    try:
        async with UnitOfWork(create_session_factory(engine)) as u:
            # the one scheduled here (the demo's past meetings are history)
            meeting = (
                await u.session.scalars(select(Meeting).order_by(Meeting.id.desc()))
            ).first()
            assert meeting is not None
    finally:
        await engine.dispose()
    assert meeting.title == "主题党日" and meeting.methods == ["code", "tap"]
    assert f"签到码：{meeting.code}" in message_text(card)

    invitation = await client.wait_for_bot_message(MEMBER, has("会议通知"))
    text = message_text(invitation)
    assert "主题党日" in text and "2026-11-25 19:30" in text and "嘎查党群服务中心" in text
    assert meeting.code not in text
    labels = [b["text"] for b in client.buttons(invitation)]
    assert len(labels) == 4  # attend, leave, tap, code
    herder = await client.wait_for_bot_message(HERDER, lambda m: bool(message_text(m)))
    assert mongolian(message_text(herder))
    assert await client.bot_messages(SECRETARY_B) == []
