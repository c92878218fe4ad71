"""A button press answered too late is still handled.

Telegram accepts `answerCallbackQuery` only for a short while after the press (about 15 s),
and not at all for a press delivered again after the bot was down. The answer only stops the
button's spinner; what the press did (a sign-in, a taken ticket) must not be rolled back
because the spinner could not be stopped. So that one failure is logged and passed over:
the rest of the handler runs and its unit of work commits.
"""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery, Response, TelegramMethod
from aiogram.methods.base import TelegramType

log = logging.getLogger(__name__)

EXPIRED_TEXTS = ("query is too old", "query id is invalid")


def is_expired_query(error: TelegramBadRequest) -> bool:
    return any(text in error.message.lower() for text in EXPIRED_TEXTS)


class ExpiredQueries(BaseRequestMiddleware):
    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        try:
            return await make_request(bot, method)
        except TelegramBadRequest as error:
            if not isinstance(method, AnswerCallbackQuery) or not is_expired_query(error):
                raise
            log.info("press %s answered too late: %s", method.callback_query_id, error.message)
            answered: Any = Response[bool](ok=True, result=False)
            return answered  # type: ignore[no-any-return]


def pass_over_expired_queries(bot: Bot) -> None:
    """Install on the bot's session once (the Dispatcher's start-up calls it)."""
    if not any(isinstance(m, ExpiredQueries) for m in bot.session.middleware):
        bot.session.middleware(ExpiredQueries())
