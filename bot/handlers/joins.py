"""The secretary's side of joining: approve or reject with one tap, and /requests."""

from __future__ import annotations

from datetime import datetime

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.commands import set_personal_menu
from bot.delivery import best_effort, notify
from bot.handlers.render import role_name
from bot.i18n import Translator
from bot.keyboards.onboarding import JoinDecisionCB, decision_keyboard
from bot.services import invites, people
from bot.services.access import Actor
from storage.uow import UnitOfWork

LIST_LIMIT = 10


async def decide(
    query: CallbackQuery,
    callback_data: JoinDecisionCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    now: datetime,
) -> None:
    decided = await invites.decide_join_request(
        uow, actor, callback_data.request_id, callback_data.approve, now
    )
    request = decided.request
    key = "join-decided-approved" if decided.approved else "join-decided-rejected"
    await query.answer()
    if query.message is not None:
        marked = bot.edit_message_text(
            i18n.get(
                key,
                name=request.display_name,
                org=decided.org.name,
                role=role_name(i18n, request.role),
                by=actor.display_name,
            ),
            chat_id=query.message.chat.id,
            message_id=query.message.message_id,
        )
        await best_effort(marked, "marking the decision")
    core: FluentRuntimeCore = i18n.core  # type: ignore[assignment]
    requester = decided.requester
    texts = Translator(core, requester.locale)
    await notify(
        bot,
        requester.telegram_id,
        texts.get(
            "join-approved" if decided.approved else "join-rejected",
            org=decided.org.name,
            role=role_name(texts, request.role),
        ),
    )
    if decided.approved:
        member = await people.actor_of_person(uow, requester.person_id)
        await best_effort(set_personal_menu(bot, core, member, texts.locale), "command menu")


async def list_requests(
    message: Message, uow: UnitOfWork, actor: Actor, i18n: I18nContext
) -> None:
    pending = await invites.pending_for(uow, actor)
    if not pending:
        await message.answer(i18n.get("requests-none"))
        return
    await message.answer(i18n.get("requests-header", count=len(pending)))
    for item in pending[:LIST_LIMIT]:
        request = item.request
        await message.answer(
            i18n.get(
                "join-request-notice",
                name=request.display_name,
                org=item.org.name,
                role=role_name(i18n, request.role),
                phone=request.phone or "—",
            ),
            reply_markup=decision_keyboard(i18n, request.id),
        )
    if len(pending) > LIST_LIMIT:
        await message.answer(i18n.get("requests-more", count=len(pending) - LIST_LIMIT))


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="joins")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.callback_query.register(decide, JoinDecisionCB.filter())
    router.message.register(list_requests, Command("requests"))
    return router
