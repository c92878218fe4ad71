"""/invite: pick an organization, a role, how many may use it and for how long; get a link."""

from __future__ import annotations

from datetime import datetime, timedelta

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.deep_linking import create_start_link
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.navigation import show_roots
from bot.handlers.render import local_time, role_name
from bot.keyboards.common import NavPurpose, OrgPickCB
from bot.keyboards.invites import (
    DAYS_CHOICES,
    USES_CHOICES,
    InviteMakeCB,
    InviteRevokeCB,
    InviteRoleCB,
    InviteUsesCB,
    days_keyboard,
    revoke_keyboard,
    roles_keyboard,
    uses_keyboard,
)
from bot.services import invites, organizations
from bot.services.access import Actor
from bot.services.errors import InvalidInput
from storage.uow import UnitOfWork


async def start_invite(message: Message, uow: UnitOfWork, actor: Actor, i18n: I18nContext) -> None:
    await show_roots(message, uow, actor, i18n, NavPurpose.INVITE)


async def pick_org(
    query: CallbackQuery,
    callback_data: OrgPickCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    org, roles = await invites.invite_roles(uow, actor, callback_data.org_id)
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(
            i18n.get("invite-choose-role", org=org.name),
            reply_markup=roles_keyboard(i18n, org.id, roles),
        )


async def pick_role(
    query: CallbackQuery,
    callback_data: InviteRoleCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    org = await invites.check_invite_role(uow, actor, callback_data.org_id, callback_data.role)
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(
            i18n.get("invite-choose-uses", org=org.name, role=role_name(i18n, callback_data.role)),
            reply_markup=uses_keyboard(i18n, org.id, callback_data.role),
        )


async def pick_uses(
    query: CallbackQuery,
    callback_data: InviteUsesCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    if callback_data.uses not in USES_CHOICES:
        raise InvalidInput()
    org = await invites.check_invite_role(uow, actor, callback_data.org_id, callback_data.role)
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(
            i18n.get(
                "invite-choose-days",
                org=org.name,
                role=role_name(i18n, callback_data.role),
                uses=callback_data.uses,
            ),
            reply_markup=days_keyboard(i18n, org.id, callback_data.role, callback_data.uses),
        )


async def make_invite(
    query: CallbackQuery,
    callback_data: InviteMakeCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    if callback_data.uses not in USES_CHOICES or callback_data.days not in DAYS_CHOICES:
        raise InvalidInput()
    invite, org = await invites.create_invite(
        uow,
        actor,
        callback_data.org_id,
        callback_data.role,
        callback_data.uses,
        timedelta(days=callback_data.days),
        now,
    )
    link = await create_start_link(bot, invite.token)
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(
            i18n.get(
                "invite-created",
                org=org.name,
                role=role_name(i18n, invite.role),
                uses=invite.max_uses,
                expires=local_time(invite.expires_at, organizations.zone_of(org, settings.zone)),
                link=link,
            ),
            reply_markup=revoke_keyboard(i18n, invite.id),
        )


async def revoke(
    query: CallbackQuery,
    callback_data: InviteRevokeCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    now: datetime,
) -> None:
    await invites.revoke_invite(uow, actor, callback_data.invite_id, now)
    await query.answer(i18n.get("invite-revoked"))
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="invites")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(start_invite, Command("invite"))
    router.callback_query.register(pick_org, OrgPickCB.filter(F.purpose == NavPurpose.INVITE))
    router.callback_query.register(pick_role, InviteRoleCB.filter())
    router.callback_query.register(pick_uses, InviteUsesCB.filter())
    router.callback_query.register(make_invite, InviteMakeCB.filter())
    router.callback_query.register(revoke, InviteRevokeCB.filter())
    return router
