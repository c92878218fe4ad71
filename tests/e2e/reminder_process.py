"""The bot for tests/e2e/test_restart_reminder_e2e.py: `zhibu run` (long polling), run as
`python -m tests.e2e.reminder_process` with the ZHIBU_* settings in its environment.

Two test knobs, read from the environment, that production never sets:

- ZHIBU_TEST_MEETING_SWEEP_SECONDS: the meeting reminder sweep's interval (a minute in
  production; a test can't wait that long);
- ZHIBU_TEST_SLOW_CHATS: comma-separated chat ids whose sendMessage calls wait
  ZHIBU_TEST_SLOW_SECONDS before they leave the process, logging "slow send to CHAT", so a
  test can kill the bot while such a send is under way and nothing of it reached Telegram.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import Any

from aiogram import Bot
from aiogram.methods import SendMessage, TelegramMethod

from bot import cli
from bot.reminders import meetings


def _patch_for_tests() -> None:
    sweep = os.environ.get("ZHIBU_TEST_MEETING_SWEEP_SECONDS")
    if sweep:
        meetings.SWEEP_SECONDS = int(sweep)  # whole seconds: APScheduler's misfire grace
    slow = {int(c) for c in os.environ.get("ZHIBU_TEST_SLOW_CHATS", "").split(",") if c}
    if not slow:
        return
    delay = float(os.environ.get("ZHIBU_TEST_SLOW_SECONDS", "30"))
    original = Bot.__call__

    async def slow_call(
        self: Bot, method: TelegramMethod[Any], request_timeout: int | None = None
    ) -> Any:
        if isinstance(method, SendMessage) and method.chat_id in slow:
            logging.getLogger(__name__).info("slow send to %s: waiting", method.chat_id)
            await asyncio.sleep(delay)
        return await original(self, method, request_timeout)

    Bot.__call__ = slow_call  # type: ignore[method-assign]


def main() -> int:
    _patch_for_tests()
    return cli.main(["run"])


if __name__ == "__main__":
    sys.exit(main())
