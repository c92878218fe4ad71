"""/start: greeting, and joining an organization through an invite deep link."""

from __future__ import annotations

import logging
from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message, ReplyKeyboardRemove
from aiogram_i18n import I18nContext, LazyFilter
from aiogram_i18n.cores import FluentRuntimeCore

from bot.commands import set_personal_menu
from bot.config import Settings
from bot.delivery import best_effort
from bot.handlers.render import my_roles, org_title, role_name
from bot.keyboards.onboarding import contact_keyboard, name_keyboard
from bot.notices import announce_join_request, is_quiet
from bot.services import invites, people
from bot.services.access import Actor
from bot.services.errors import InvalidInput
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)


class JoinFlow(StatesGroup):
    name = State()
    contact = State()


async def start_with_invite(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    now: datetime,
) -> None:
    preview = await invites.open_invite(uow, actor.person_id or 0, command.args or "", now)
    await state.set_state(JoinFlow.name)
    await state.set_data({"token": preview.token})
    await message.answer(
        i18n.get(
            "join-intro", org=org_title(i18n, preview.org), role=role_name(i18n, preview.role)
        ),
        reply_markup=name_keyboard(i18n, actor.display_name),
    )


async def start_plain(
    message: Message, state: FSMContext, actor: Actor, i18n: I18nContext, bot: Bot
) -> None:
    """Greets; for someone with roles it also refreshes their personal command menu, which
    covers roles given outside the chat (an import, the command line)."""
    await state.clear()
    if actor.grants:
        core: FluentRuntimeCore = i18n.core  # type: ignore[assignment]
        await best_effort(set_personal_menu(bot, core, actor, i18n.locale), "command menu")
        await message.answer(
            i18n.get("start-welcome-back", name=actor.display_name, roles=my_roles(i18n, actor)),
            reply_markup=ReplyKeyboardRemove(),
        )
    else:
        await message.answer(i18n.get("start-welcome-new"), reply_markup=ReplyKeyboardRemove())


async def cancel(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    """Leaves any flow; safe to send at any time."""
    had_state = await state.get_state() is not None
    await state.clear()
    await message.answer(
        i18n.get("flow-cancelled" if had_state else "flow-nothing-to-cancel"),
        reply_markup=ReplyKeyboardRemove(),
    )


async def join_name(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    name = people.clean_name(message.text or "")
    await state.update_data(name=name)
    await state.set_state(JoinFlow.contact)
    await message.answer(
        i18n.get("join-ask-phone", name=name), reply_markup=contact_keyboard(i18n)
    )


async def join_name_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("join-name-expected"))


async def join_contact(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    contact = message.contact
    assert contact is not None
    if contact.user_id != actor.telegram_id:
        raise InvalidInput("error-phone-not-own")
    await _submit(message, state, uow, actor, i18n, bot, settings, now, contact.phone_number)


async def join_skip_phone(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    await _submit(message, state, uow, actor, i18n, bot, settings, now, None)


async def join_contact_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("join-phone-expected"), reply_markup=contact_keyboard(i18n))


async def _submit(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
    phone: str | None,
) -> None:
    data = await state.get_data()
    submitted = await invites.submit_join_request(
        uow, actor.person_id or 0, data.get("token", ""), data.get("name", ""), phone, now
    )
    await state.clear()  # only now: a refusal above keeps what the user typed
    request = submitted.request
    await message.answer(
        i18n.get(
            "join-submitted" if submitted.approvers else "join-submitted-no-approver",
            org=submitted.org.name,
            role=role_name(i18n, request.role),
        ),
        reply_markup=ReplyKeyboardRemove(),
    )
    # Outside quiet hours the approvers hear at once; otherwise (or if Telegram refuses)
    # the scheduler's sweep announces it later. Either way the request is already saved.
    if submitted.approvers and not is_quiet(settings, submitted.org, now):
        core: FluentRuntimeCore = i18n.core  # type: ignore[assignment]
        if await announce_join_request(bot, core, request, submitted.org, submitted.approvers):
            await invites.record_notified(uow, request.id, now)


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="start")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(start_with_invite, CommandStart(deep_link=True))
    router.message.register(start_plain, CommandStart())
    router.message.register(cancel, Command("cancel"))
    router.message.register(cancel, LazyFilter("button-cancel"))
    router.message.register(join_name, JoinFlow.name, F.text, ~F.text.startswith("/"))
    router.message.register(join_name_expected, JoinFlow.name, ~F.text.startswith("/"))
    router.message.register(join_contact, JoinFlow.contact, F.contact)
    router.message.register(join_skip_phone, JoinFlow.contact, LazyFilter("join-skip-phone"))
    router.message.register(join_contact_expected, JoinFlow.contact, ~F.text.startswith("/"))
    return router
