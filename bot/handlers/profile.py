"""/help, /me and /language: what I can do, who I am here, which language I read."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.commands import commands_for, set_personal_menu
from bot.handlers.render import my_roles
from bot.keyboards.common import LanguageCB, language_keyboard
from bot.services.access import Actor
from bot.services.errors import InvalidInput
from bot.services.locale import is_supported


async def help_command(message: Message, actor: Actor, i18n: I18nContext) -> None:
    lines = [i18n.get("help-header")]
    lines += [f"/{name} — {i18n.get(f'command-{name}')}" for name in commands_for(actor)]
    if not actor.grants:
        lines.append(i18n.get("help-no-roles"))
    await message.answer("\n".join(lines))


async def me_command(message: Message, actor: Actor, i18n: I18nContext) -> None:
    if not actor.grants:
        await message.answer(i18n.get("me-no-roles", name=actor.display_name))
        return
    await message.answer(
        i18n.get("me-roles", name=actor.display_name, roles=my_roles(i18n, actor))
    )


async def language_command(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("language-choose"), reply_markup=language_keyboard(i18n))


async def language_chosen(
    query: CallbackQuery, callback_data: LanguageCB, actor: Actor, i18n: I18nContext, bot: Bot
) -> None:
    if not is_supported(callback_data.code):
        raise InvalidInput("error-language-unknown")
    await i18n.set_locale(callback_data.code)
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(i18n.get("language-set"))
    core: FluentRuntimeCore = i18n.core  # type: ignore[assignment]
    await set_personal_menu(bot, core, actor, callback_data.code)


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="profile")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(help_command, Command("help"))
    router.message.register(me_command, Command("me"))
    router.message.register(language_command, Command("language"))
    router.callback_query.register(language_chosen, LanguageCB.filter())
    return router
