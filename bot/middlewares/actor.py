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
    """Loads the actor through the update's own unit of work (one query, one connection per
    update). A first-time user's record is created in its own short transaction, so the
    update's unit of work holds no write lock while the handler talks to Telegram; the
    update's connection is given back first (it has only read), so a burst of newcomers
    cannot hold every pooled connection while each waits for a second one."""

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._session_factory = session_factory

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None or user.is_bot:
            data["actor"] = None
            return await handler(event, data)
        uow: UnitOfWork = data["uow"]
        # Held while the update is handled: the session keeps loaded rows only while someone
        # refers to them, and handlers often read this person or their organization again.
        known = await uow.people.with_roles(user.id)
        if known is not None:
            data["actor"] = people.actor_from(*known)
        else:
            await uow.session.rollback()  # nothing written yet: only returns the connection
            async with UnitOfWork(self._session_factory) as own:
                data["actor"] = await people.enter(
                    own, user.id, user.full_name, user.language_code, data["now"]
                )
        return await handler(event, data)
