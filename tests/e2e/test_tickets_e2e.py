"""The whole need-ticket loop with three people through the real aiogram client against the
local Bot API server: a resident reports, the secretary assigns, a member accepts and
resolves, the resident rates."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.demo import DemoRuntime, start_demo
from bot.services import people
from bot.services.access import OPERATOR
from bot.services.roles import Role
from sandbox.client import SandboxClient, message_text
from storage.db import create_engine, create_session_factory
from storage.models import Ticket, TicketStatus
from storage.uow import UnitOfWork
from tests.conftest import FakeClock

SECRETARY, MEMBER, RESIDENT = 100006, 100003, 100007  # 北京路社区: secretary and resident


@pytest.fixture
async def demo(database_url: str, clock: FakeClock) -> AsyncIterator[DemoRuntime]:
    """The demo on the tests' fixed clock (10:00 in Shanghai, outside quiet hours), with the
    demo's member 张党员 also a member of the community branch."""
    settings = Settings(_env_file=None, database_url=database_url, scheduler_poll_seconds=0.2)
    runtime = await start_demo(settings, port=0, clock=clock)
    try:
        async with UnitOfWork(create_session_factory(runtime.engine)) as uow:
            branch = await uow.organizations.by_code("DEMO-BJ")
            member = await uow.people.by_telegram_id(MEMBER)
            assert branch is not None and member is not None
            await people.grant(uow, OPERATOR, member, branch, Role.MEMBER, clock())
            await uow.commit()
        yield runtime
    finally:
        await runtime.stop()


def has(fragment: str) -> Callable[[dict[str, Any]], bool]:
    return lambda message: fragment in message_text(message)


async def test_report_assign_accept_resolve_rate(
    demo: DemoRuntime, client: SandboxClient, database_url: str
) -> None:
    await client.mark()
    await client.send_text(RESIDENT, "/need")
    categories = await client.wait_for_bot_message(RESIDENT, has("什么方面"))
    await client.press_button(RESIDENT, categories, "环境卫生")
    await client.wait_for_bot_message(RESIDENT, has("描述"))
    await client.send_text(RESIDENT, "3 号楼门口的垃圾三天没人清运")
    extras = await client.wait_for_bot_message(RESIDENT, has("提交"))
    await client.press_button(RESIDENT, extras, "提交")
    receipt = await client.wait_for_bot_message(RESIDENT, has("已受理"))

    card = await client.wait_for_bot_message(SECRETARY, has("新的群众诉求"))
    assert "垃圾三天没人清运" in message_text(card)
    await client.press_button(SECRETARY, card, "指派党员")
    members = await client.wait_for_bot_message(SECRETARY, has("派给谁"))
    await client.press_button(SECRETARY, members, "张党员")
    await client.wait_for_bot_message(SECRETARY, has("已派单"))

    offer = await client.wait_for_bot_message(MEMBER, has("派给了您"))
    await client.press_button(MEMBER, offer, "接单")
    accepted = await client.wait_for_bot_message(MEMBER, has("已接单"))
    await client.wait_for_bot_message(RESIDENT, has("张党员"))
    await client.press_button(MEMBER, accepted, "办结")
    await client.wait_for_bot_message(MEMBER, has("办结说明"))
    await client.send_text(MEMBER, "已联系环卫站清运完毕")
    saved = await client.wait_for_bot_message(MEMBER, has("确认办结"))
    await client.press_button(MEMBER, saved, "确认办结")
    await client.wait_for_bot_message(MEMBER, has("等待反映人评价"))

    rate = await client.wait_for_bot_message(RESIDENT, has("打分"))
    assert "已联系环卫站清运完毕" in message_text(rate)
    await client.press_button(RESIDENT, rate, "⭐⭐⭐⭐")
    await client.wait_for_bot_message(RESIDENT, has("感谢评价"))
    await client.wait_for_bot_message(MEMBER, has("4 星"))

    engine = create_engine(database_url)
    try:
        async with UnitOfWork(create_session_factory(engine)) as u:
            # the one reported here (the demo's two closed needs are history)
            ticket = (await u.session.scalars(select(Ticket).order_by(Ticket.id.desc()))).first()
            assert ticket is not None
            events = await u.tickets.events(ticket.id)
    finally:
        await engine.dispose()
    assert f"#{ticket.id}" in message_text(receipt)
    assert ticket.status is TicketStatus.CLOSED and ticket.rating == 4
    assert [e.kind.value for e in events] == [
        "reported",
        "assigned",
        "accepted",
        "resolved",
        "rated",
    ]
