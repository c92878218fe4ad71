"""The outbox sender and its place in the bot's life (started and stopped with polling)."""

from __future__ import annotations

from aiogram import Dispatcher

from bot.outbox.sender import OutboxSender, SenderConfig

__all__ = ["OutboxSender", "SenderConfig", "attach_outbox"]


def attach_outbox(dispatcher: Dispatcher, sender: OutboxSender) -> None:
    """The sender runs exactly as long as the dispatcher's polling or webhook."""

    async def _start() -> None:
        await sender.start()

    async def _stop() -> None:
        await sender.stop()

    dispatcher.startup.register(_start)
    dispatcher.shutdown.register(_stop)
