"""Last stops: domain errors explained, the unexpected logged, stale buttons answered.

Include this router last so its fallbacks only catch what nothing else took.
"""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import CallbackQuery, ErrorEvent, Message, User
from aiogram_i18n import I18nContext, I18nMiddleware
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from bot.handlers.render import localized_params
from bot.services.errors import DomainError
from bot.services.locale import negotiate

log = logging.getLogger(__name__)


async def _explain(event: ErrorEvent, text: str) -> None:
    update = event.update
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text[:200], show_alert=True)
        elif update.message is not None:
            await update.message.answer(text)
    except TelegramAPIError as exc:  # the explanation itself could not be delivered
        log.warning("could not explain error for update %s: %s", update.update_id, exc)


async def domain_error(event: ErrorEvent, i18n: I18nContext) -> None:
    error = event.exception
    assert isinstance(error, DomainError)
    log.info("update %s refused: %s %s", event.update.update_id, error.key, error.params)
    await _explain(event, i18n.get(error.key, **localized_params(i18n, error.params)))


async def unexpected_error(
    event: ErrorEvent,
    i18n_middleware: I18nMiddleware,
    i18n: I18nContext | None = None,
    event_from_user: User | None = None,
) -> None:
    """Logged with its traceback; the user is told, even when the failure came before the
    language was known (a database outage), in their Telegram language.

    A database that cannot be reached is passed on after telling the user: in webhook mode
    the update is then answered with an error, so Telegram delivers it again later and it
    is handled once the database is back (nothing of it was committed). Any other failure
    is acknowledged: redelivering a bug would only repeat it."""
    log.exception("update %s failed", event.update.update_id, exc_info=event.exception)
    if i18n is not None:
        text = i18n.get("error-unexpected")
    else:
        locale = negotiate(event_from_user.language_code if event_from_user else None)
        text = i18n_middleware.core.get("error-unexpected", locale)
    await _explain(event, text)
    if is_unreachable_database(event.exception):
        raise event.exception


def is_unreachable_database(error: BaseException) -> bool:
    """The database could not be reached (not a query that failed on its own)."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, (OperationalError, InterfaceError, ConnectionError, TimeoutError))


async def stale_button(query: CallbackQuery, i18n: I18nContext) -> None:
    """Malformed, forged or outdated callback data matches no handler and lands here."""
    await query.answer(i18n.get("error-stale-button"), show_alert=True)


async def unknown_message(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("fallback-unknown"))


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="errors")
    router.errors.register(domain_error, ExceptionTypeFilter(DomainError))
    router.errors.register(unexpected_error)
    router.callback_query.register(stale_button)
    router.message.register(unknown_message, F.chat.type == ChatType.PRIVATE)
    return router
