"""One unit of work per update, and no update handled twice."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import TelegramObject, Update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.clock import Clock
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)


class UnitOfWorkMiddleware(BaseMiddleware):
    """Opens the update's unit of work and records its update_id in the same transaction.

    The id is committed together with the handler's own changes, so a crash before the
    commit leaves the update to be redelivered and a repeat after it is a no-op.
    """

    def __init__(self, session_factory: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self._session_factory = session_factory
        self._clock = clock

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        assert isinstance(event, Update)
        async with UnitOfWork(self._session_factory) as uow:
            if await uow.updates.seen(event.update_id):
                log.info("update %s already handled; skipped", event.update_id)
                return UNHANDLED
            uow.record_update(event.update_id, self._clock())
            data["uow"] = uow
            data["now"] = self._clock()
            result = await handler(event, data)
            await uow.commit()
            return result
