"""Telegram command menus: per language for everyone, per chat for people with roles."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeChat
from aiogram_i18n.cores import FluentRuntimeCore

from bot.services.access import Actor
from bot.services.locale import DEFAULT_LOCALE, LOCALES

COMMON_COMMANDS = ("start", "help", "me", "language")
MANAGER_COMMANDS = ("org", "invite", "requests", "import")


def commands_for(actor: Actor | None) -> tuple[str, ...]:
    """What /help lists and the menu shows: managers get their tools on top of the basics."""
    if actor is not None and actor.is_manager:
        return COMMON_COMMANDS + MANAGER_COMMANDS
    return COMMON_COMMANDS


def _menu(core: FluentRuntimeCore, locale: str, names: tuple[str, ...]) -> list[BotCommand]:
    return [BotCommand(command=n, description=core.get(f"command-{n}", locale)) for n in names]


async def set_default_menus(bot: Bot, core: FluentRuntimeCore) -> None:
    """The menu everybody sees, in each language Telegram can pick by itself."""
    scope = BotCommandScopeAllPrivateChats()
    await bot.set_my_commands(_menu(core, DEFAULT_LOCALE, COMMON_COMMANDS), scope=scope)
    for locale in LOCALES:
        await bot.set_my_commands(
            _menu(core, locale, COMMON_COMMANDS), scope=scope, language_code=locale
        )


async def set_personal_menu(bot: Bot, core: FluentRuntimeCore, actor: Actor, locale: str) -> None:
    """A chat-scoped menu, so a chosen language and a new role show in the menu at once."""
    if actor.telegram_id is None:
        return
    await bot.set_my_commands(
        _menu(core, locale, commands_for(actor)),
        scope=BotCommandScopeChat(chat_id=actor.telegram_id),
    )
