"""Who is acting: the person behind the update and every role they hold."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User

from bot.services import people
from storage.uow import UnitOfWork


class ActorMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        uow: UnitOfWork = data["uow"]
        if user is not None and not user.is_bot:
            data["actor"] = await people.enter(
                uow, user.id, user.full_name, user.language_code, data["now"]
            )
        else:
            data["actor"] = None
        return await handler(event, data)
