"""/report through the real aiogram client against the local Bot API server, on the demo:
the pastoral branch's secretary reads this month, steps to last month (the chart photo is
replaced in place, the text under it edited), and gets the 组织生活记录册 as a document."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.config import Settings
from bot.demo import DemoRuntime, start_demo
from sandbox.client import SandboxClient, message_text
from tests.conftest import FakeClock

SECRETARY = 100002  # 李书记 · 哈业胡同嘎查党支部


@pytest.fixture
async def demo(database_url: str, clock: FakeClock) -> AsyncIterator[DemoRuntime]:
    """The demo on the tests' clock (21 November 2026), so "last month" is October, the
    month of the demo's seeded meetings."""
    settings = Settings(
        _env_file=None,
        database_url=database_url,
        scheduler_poll_seconds=0.2,
        quiet_hours="00:00-00:00",
    )
    runtime = await start_demo(settings, port=0, clock=clock)
    try:
        yield runtime
    finally:
        await runtime.stop()


def has(fragment: str) -> Callable[[dict[str, Any]], bool]:
    return lambda message: fragment in message_text(message)


def is_photo(message: dict[str, Any]) -> bool:
    return bool(message.get("photo"))


async def test_secretary_reads_last_month_and_gets_the_register(
    demo: DemoRuntime, client: SandboxClient
) -> None:
    await client.mark()
    await client.send_text(SECRETARY, "/report")
    chart = await client.wait_for_bot_message(SECRETARY, is_photo, timeout=20)
    this_month = await client.wait_for_bot_message(SECRETARY, has("2026年11月工作报表"))
    chart_png = await client.file(chart["photo"][-1]["file_id"])
    assert chart_png.startswith(b"\x89PNG")

    await client.press_button(SECRETARY, this_month, "上月")
    replaced = await client.wait_for_bot_message(
        SECRETARY, lambda m: is_photo(m) and bool(m.get("edited")), timeout=20
    )
    assert replaced["message_id"] == chart["message_id"]
    assert "2026年10月" in message_text(replaced)  # the caption names the period
    october = await client.wait_for_bot_message(SECRETARY, has("2026年10月工作报表"))
    assert october["message_id"] == this_month["message_id"]  # edited, not sent anew
    text = message_text(october)
    # 支委会, 主题党日, 党小组会 (the yurt group) and the quarter's 党课, all held
    assert "应开 4 次，已开 4 次" in text
    # present / invited over the four meetings: 1/1 + 3/4 + 2/2 + 3/4
    assert "实到 9 / 应到 11" in text

    await client.press_button(SECRETARY, october, "组织生活记录册")
    document = await client.wait_for_bot_message(
        SECRETARY, lambda m: bool(m.get("document")), timeout=20
    )
    assert document["document"]["file_name"] == "register-DEMO-HY-2026-10.xlsx"
    workbook = load_workbook(io.BytesIO(await client.file(document["document"]["file_id"])))
    cells = {str(c.value) for row in workbook.active.iter_rows() for c in row if c.value}
    assert any("学习党的二十届四中全会精神" in c for c in cells)
    assert any("转场放牧" in c for c in cells)  # the herder's leave, with its reason
    await client.wait_for_bot_message(SECRETARY, has("已生成"))
