"""Keyboards of the invite builder: role, number of uses, lifetime, revoke."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded
from bot.services.roles import Role

USES_CHOICES = (1, 10, 50, 200)
DAYS_CHOICES = (1, 3, 7, 30)


class InviteRoleCB(Bounded, CallbackData, prefix="ivr"):
    org_id: int
    role: Role


class InviteUsesCB(Bounded, CallbackData, prefix="ivu"):
    org_id: int
    role: Role
    uses: int


class InviteMakeCB(Bounded, CallbackData, prefix="ivm"):
    org_id: int
    role: Role
    uses: int
    days: int


class InviteRevokeCB(Bounded, CallbackData, prefix="ivx"):
    invite_id: int


def roles_keyboard(i18n: Texts, org_id: int, roles: list[Role]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for role in roles:
        builder.button(
            text=i18n.get(f"role-{role.value}"),
            callback_data=InviteRoleCB(org_id=org_id, role=role),
        )
    builder.adjust(2)
    return builder.as_markup()


def uses_keyboard(i18n: Texts, org_id: int, role: Role) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for uses in USES_CHOICES:
        builder.button(
            text=i18n.get("invite-uses-option", uses=uses),
            callback_data=InviteUsesCB(org_id=org_id, role=role, uses=uses),
        )
    builder.adjust(4)
    return builder.as_markup()


def days_keyboard(i18n: Texts, org_id: int, role: Role, uses: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for days in DAYS_CHOICES:
        builder.button(
            text=i18n.get("invite-days-option", days=days),
            callback_data=InviteMakeCB(org_id=org_id, role=role, uses=uses, days=days),
        )
    builder.adjust(4)
    return builder.as_markup()


def revoke_keyboard(i18n: Texts, invite_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=i18n.get("invite-revoke"), callback_data=InviteRevokeCB(invite_id=invite_id)
    )
    return builder.as_markup()
