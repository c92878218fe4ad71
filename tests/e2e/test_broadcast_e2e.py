"""A secretary composes a notice through the chat, with the real aiogram client against the
local Bot API server; the real outbox sender delivers it to the branch's members and the
rows end up sent. (Quiet hours are off in the e2e demo: the flow tests cover them.)"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from bot.demo import DemoRuntime
from sandbox.client import SandboxClient, message_text
from storage.db import create_engine, create_session_factory
from storage.models import Broadcast, Delivery, DeliveryStatus
from storage.uow import UnitOfWork

SECRETARY, MEMBER, HERDER, SECRETARY_B = 100002, 100003, 100005, 100006
NOTICE = "请各位党员本周五前完成十一月党费缴纳。"


def has(fragment: str) -> Callable[[dict[str, Any]], bool]:
    return lambda message: fragment in message_text(message)


async def test_secretary_broadcasts_and_the_sender_delivers(
    demo: DemoRuntime, client: SandboxClient, database_url: str
) -> None:
    await client.mark()
    await client.send_text(SECRETARY, "/broadcast")
    where = await client.wait_for_bot_message(SECRETARY, has("发给哪一部分"))
    await client.press_button(SECRETARY, where, "全部（本组织及下级）")
    who = await client.wait_for_bot_message(SECRETARY, has("发给哪些人"))
    await client.press_button(SECRETARY, who, "全体党员（含预备党员）")
    await client.wait_for_bot_message(SECRETARY, has("请发送通知内容"))
    await client.send_text(SECRETARY, NOTICE)
    summary = await client.wait_for_bot_message(SECRETARY, has("收件人："))
    await client.press_button(SECRETARY, summary, "确认发送")
    await client.wait_for_bot_message(SECRETARY, has("已提交"))

    for member in (MEMBER, HERDER):
        await client.wait_for_bot_message(member, has(NOTICE))
    assert not [m for m in await client.bot_messages(SECRETARY_B) if NOTICE in message_text(m)]

    # the sender records a delivery just after Telegram took it: give it a moment
    engine = create_engine(database_url)
    try:
        for _ in range(100):
            async with UnitOfWork(create_session_factory(engine)) as u:
                broadcast = (await u.session.scalars(select(Broadcast))).one()
                rows = list(await u.session.scalars(select(Delivery)))
            if all(r.status is not DeliveryStatus.PENDING for r in rows):
                break
            await asyncio.sleep(0.1)
    finally:
        await engine.dispose()
    assert broadcast.total == len(rows) and broadcast.progress_message_id is not None
    assert {r.chat_id for r in rows} >= {MEMBER, HERDER} and SECRETARY not in {
        r.chat_id for r in rows
    }
    assert {r.status for r in rows if r.chat_id in (MEMBER, HERDER)} == {DeliveryStatus.SENT}
