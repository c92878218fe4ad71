"""Telegram command menus: per language for everyone, per chat for people with roles."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeChat
from aiogram_i18n.cores import FluentRuntimeCore

from bot.services.access import POLICY, Action, Actor
from bot.services.locale import DEFAULT_LOCALE, LOCALES
from bot.services.meetings import PARTY_ROLES
from bot.services.roles import Role

COMMON_COMMANDS = ("start", "help", "me", "language")

# Each further group of commands, and the action that earns it somewhere in the tree.
ROLE_COMMANDS: tuple[tuple[tuple[str, ...], frozenset[Role]], ...] = (
    (("attendance",), PARTY_ROLES),
    (("meeting", "meetings"), POLICY[Action.SCHEDULE_MEETING]),
    (("proxy",), POLICY[Action.PROXY_SIGN_IN]),
    (("org",), POLICY[Action.VIEW_ORGANIZATION]),
    (("invite", "requests", "import"), POLICY[Action.INVITE]),
    (("broadcast", "broadcasts"), POLICY[Action.BROADCAST]),
    (("guidance", "coverage"), POLICY[Action.PUBLISH_GUIDANCE]),
    (("themedday",), POLICY[Action.ACKNOWLEDGE_GUIDANCE]),
    (("need", "tickets"), frozenset(Role)),
    (("dues",), POLICY[Action.PAY_DUES] | POLICY[Action.VIEW_DUES]),
    (("deadlines",), POLICY[Action.VIEW_DEADLINES]),
    (("report",), POLICY[Action.VIEW_REPORTS]),
)
ALL_COMMANDS = COMMON_COMMANDS + tuple(c for group, _ in ROLE_COMMANDS for c in group)


def commands_for(actor: Actor | None) -> tuple[str, ...]:
    """What /help lists and the menu shows: the basics, plus the tools of the actor's roles."""
    held = actor.roles if actor is not None else frozenset()
    extra = tuple(c for group, roles in ROLE_COMMANDS if held & roles for c in group)
    return COMMON_COMMANDS + extra


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
