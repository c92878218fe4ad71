"""Fluent catalogues (locales/<lang>/*.ftl) and how a user's language is chosen."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from aiogram.types import User
from aiogram_i18n import I18nMiddleware
from aiogram_i18n.cores import FluentRuntimeCore
from aiogram_i18n.managers import BaseManager

from bot.services import people
from bot.services.access import Actor
from bot.services.locale import DEFAULT_LOCALE, negotiate
from storage.uow import UnitOfWork

LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"


class Texts(Protocol):
    """Anything that turns a message key into text: an I18nContext, or a Translator."""

    def get(self, key: str, /, **kwargs: Any) -> str: ...


class Translator:
    """Texts in one fixed locale, for messages sent outside the recipient's own update
    (scheduled notices, messages to other people)."""

    def __init__(self, core: FluentRuntimeCore, locale: str | None) -> None:
        self._core = core
        self.locale = locale if locale in core.available_locales else DEFAULT_LOCALE

    def get(self, key: str, /, **kwargs: Any) -> str:
        return self._core.get(key, self.locale, **kwargs)


class ActorLocaleManager(BaseManager):
    """The stored choice wins; Telegram's language_code is only the first guess."""

    async def get_locale(
        self,
        actor: Actor | None = None,
        event_from_user: User | None = None,
        **_: Any,
    ) -> str:
        if actor is not None and actor.language:
            return actor.language
        return negotiate(event_from_user.language_code if event_from_user else None)

    async def set_locale(
        self, locale: str, actor: Actor | None = None, uow: UnitOfWork | None = None, **_: Any
    ) -> None:
        if actor is None or actor.person_id is None or uow is None:
            return
        await people.set_language(uow, actor.person_id, locale)


def make_core(locales_dir: Path = LOCALES_DIR) -> FluentRuntimeCore:
    return FluentRuntimeCore(path=locales_dir / "{locale}", default_locale=DEFAULT_LOCALE)


async def load_core(locales_dir: Path = LOCALES_DIR) -> FluentRuntimeCore:
    """A ready core for code outside the dispatcher (command line, tests)."""
    core = make_core(locales_dir)
    await core.startup()
    return core


def make_middleware(core: FluentRuntimeCore) -> I18nMiddleware:
    return I18nMiddleware(core=core, manager=ActorLocaleManager(), default_locale=DEFAULT_LOCALE)
