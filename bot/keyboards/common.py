"""Callback data and keyboards shared by several features."""

from __future__ import annotations

from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded, PageNumber
from bot.services.locale import LOCALES
from storage.models import Organization

PAGE_SIZE = 8


class LanguageCB(Bounded, CallbackData, prefix="lang"):
    code: str


def language_keyboard(i18n: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code in LOCALES:
        builder.button(text=i18n.get(f"language-name-{code}"), callback_data=LanguageCB(code=code))
    builder.adjust(1)
    return builder.as_markup()


class NavPurpose(StrEnum):
    """What the organization navigator is choosing an organization for."""

    INVITE = "i"
    VIEW = "v"


class OrgNavCB(Bounded, CallbackData, prefix="nav"):
    """Open one node of the tree (org_id 0 = the actor's top organizations)."""

    purpose: NavPurpose
    org_id: int
    page: PageNumber = 0


class OrgPickCB(Bounded, CallbackData, prefix="pick"):
    purpose: NavPurpose
    org_id: int


def org_navigator(
    i18n: Texts,
    purpose: NavPurpose,
    current: Organization | None,
    children: list[Organization],
    page: int,
    parent_id: int | None,
    pickable: bool = True,
) -> InlineKeyboardMarkup:
    """Children as buttons (a page at a time), "choose this one", and a way back up."""
    builder = InlineKeyboardBuilder()
    if current is not None and pickable:
        builder.button(
            text=i18n.get("nav-pick", name=current.name),
            callback_data=OrgPickCB(purpose=purpose, org_id=current.id),
        )
    start = page * PAGE_SIZE
    for child in children[start : start + PAGE_SIZE]:
        builder.button(
            text=f"▸ {child.name}", callback_data=OrgNavCB(purpose=purpose, org_id=child.id)
        )
    nav_row = []
    current_id = current.id if current else 0
    if page > 0:
        nav_row.append(
            (i18n.get("nav-prev"), OrgNavCB(purpose=purpose, org_id=current_id, page=page - 1))
        )
    if start + PAGE_SIZE < len(children):
        nav_row.append(
            (i18n.get("nav-next"), OrgNavCB(purpose=purpose, org_id=current_id, page=page + 1))
        )
    if current is not None:
        nav_row.append((i18n.get("nav-up"), OrgNavCB(purpose=purpose, org_id=parent_id or 0)))
    for text, data in nav_row:
        builder.button(text=text, callback_data=data)
    sizes = [1] * (len(list(builder.buttons)) - len(nav_row))
    if nav_row:
        sizes.append(len(nav_row))
    builder.adjust(*sizes)
    return builder.as_markup()
