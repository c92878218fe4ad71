"""One bot process for tests/integration/test_two_processes.py, run as
`python -m tests.integration.bot_process` with the ZHIBU_* settings in its environment.

It is `zhibu webhook` when the command line has it, else the same application behind
aiogram's SimpleRequestHandler answering only after the update is handled. Three test knobs,
read from the environment, that production never sets:

- ZHIBU_TEST_MEETING_SWEEP_SECONDS: the meeting reminder sweep's interval (a minute in
  production; a test can't wait that long);
- ZHIBU_TEST_SLOW_TEXT: a message with this text waits ZHIBU_TEST_SLOW_SECONDS inside its
  unit of work before its handler runs, so a test can kill the process mid-update;
- ZHIBU_TEST_LOCK_SECONDS: how long a user's Redis lock outlives a killed process (aiogram's
  default is 60 s, during which the user's next update waits).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.fsm.storage import redis as aiogram_redis
from aiogram.types import TelegramObject, Update

from bot import cli
from bot.config import Settings
from bot.middlewares.database import UnitOfWorkMiddleware
from bot.reminders import meetings

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


def _patch_for_tests() -> None:
    sweep = os.environ.get("ZHIBU_TEST_MEETING_SWEEP_SECONDS")
    if sweep:
        meetings.SWEEP_SECONDS = int(sweep)  # whole seconds: APScheduler's misfire grace
    lock = os.environ.get("ZHIBU_TEST_LOCK_SECONDS")
    if lock:
        aiogram_redis.DEFAULT_REDIS_LOCK_KWARGS["timeout"] = int(lock)
    slow_text = os.environ.get("ZHIBU_TEST_SLOW_TEXT")
    if not slow_text:
        return
    delay = float(os.environ.get("ZHIBU_TEST_SLOW_SECONDS", "30"))
    original = UnitOfWorkMiddleware.__call__

    async def slow(
        self: UnitOfWorkMiddleware, handler: Handler, event: TelegramObject, data: dict[str, Any]
    ) -> Any:
        async def delayed(inner: TelegramObject, inner_data: dict[str, Any]) -> Any:
            if isinstance(inner, Update) and inner.message and inner.message.text == slow_text:
                logging.getLogger(__name__).info("slow update %s: waiting", inner.update_id)
                await asyncio.sleep(delay)
            return await handler(inner, inner_data)

        return await original(self, delayed, event, data)

    UnitOfWorkMiddleware.__call__ = slow  # type: ignore[method-assign]


def _has_webhook_command() -> bool:
    parser = cli._parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    return "webhook" in (commands.choices or {})


async def _serve(settings: Settings) -> None:
    """The fallback: the application behind SimpleRequestHandler, acknowledging an update
    only once it is handled (handle_in_background=False)."""
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
    from aiohttp import web

    from bot.app import build_application, build_bot
    from storage.db import create_engine, create_session_factory

    engine = create_engine(settings.database_url)
    bot = build_bot(settings)
    dispatcher = build_application(settings, create_session_factory(engine), bot)
    app = web.Application()
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    SimpleRequestHandler(
        dispatcher, bot, handle_in_background=False, secret_token=secret
    ).register(app, path=settings.webhook_path)
    setup_application(app, dispatcher, bot=bot)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, settings.webhook_host, settings.webhook_port).start()
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
        await engine.dispose()


def main() -> int:
    _patch_for_tests()
    if _has_webhook_command():
        return cli.main(["webhook"])
    settings = Settings()
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    asyncio.run(_serve(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
