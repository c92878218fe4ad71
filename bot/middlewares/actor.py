"""Who is acting: the person behind the update and every role they hold."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services import people
from storage.uow import UnitOfWork


class ActorMiddleware(BaseMiddleware):
    """Loads the actor; a first-time user's record is created in its own short transaction,
    so the update's own unit of work holds no write lock while the handler talks to
    Telegram."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is not None and not user.is_bot:
            async with UnitOfWork(self._session_factory) as uow:
                data["actor"] = await people.enter(
                    uow, user.id, user.full_name, user.language_code, data["now"]
                )
        else:
            data["actor"] = None
        return await handler(event, data)
