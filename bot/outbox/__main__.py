"""`python -m bot.outbox`: the outbox sender alone, configured like the bot (ZHIBU_* settings).

For tools, benchmarks and the crash test, which kill it and start it again. Exactly one
sender may run per database: the bot starts its own, so never run both against one database.
"""

from __future__ import annotations

import asyncio
import logging
import sys

from bot.app import build_bot
from bot.config import Settings
from bot.i18n import load_core
from bot.outbox import OutboxSender, SenderConfig
from bot.renderers.registry import build_renderers
from storage.db import create_engine, create_session_factory


async def run(settings: Settings) -> None:
    engine = create_engine(settings.database_url)
    bot = build_bot(settings)
    sender = OutboxSender(
        bot,
        create_session_factory(engine),
        build_renderers(),
        await load_core(),
        SenderConfig.from_settings(settings),
    )
    try:
        await sender.run()
    finally:
        await bot.session.close()
        await engine.dispose()


def main() -> int:
    settings = Settings()
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    try:
        asyncio.run(run(settings))
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
