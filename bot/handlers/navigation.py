"""Browsing the organization tree: /org, and choosing an organization for other features."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.handlers.render import org_title, role_name, split_text
from bot.keyboards.common import NavPurpose, OrgNavCB, org_navigator
from bot.services import organizations
from bot.services.access import Action, Actor
from bot.services.roles import Role
from storage.models import Organization
from storage.uow import UnitOfWork

ACTIONS = {NavPurpose.INVITE: Action.INVITE, NavPurpose.VIEW: Action.VIEW_ORGANIZATION}
ROSTER_LIMIT = 60


async def show_roots(
    message: Message, uow: UnitOfWork, actor: Actor, i18n: I18nContext, purpose: NavPurpose
) -> None:
    """Start the navigator at the actor's own top organizations."""
    roots = await organizations.browse(uow, actor, ACTIONS[purpose], None)
    assert isinstance(roots, list)
    if len(roots) == 1:
        text, markup = await _node_screen(uow, actor, i18n, purpose, roots[0].id, 0)
    else:
        text = i18n.get(f"nav-title-{purpose.name.lower()}")
        markup = org_navigator(i18n, purpose, None, roots, 0, None, pickable=False)
    await message.answer(text, reply_markup=markup)


async def org_command(message: Message, uow: UnitOfWork, actor: Actor, i18n: I18nContext) -> None:
    await show_roots(message, uow, actor, i18n, NavPurpose.VIEW)


async def navigate(
    query: CallbackQuery,
    callback_data: OrgNavCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    purpose = callback_data.purpose
    if callback_data.org_id == 0:
        roots = await organizations.browse(uow, actor, ACTIONS[purpose], None)
        assert isinstance(roots, list)
        text = i18n.get(f"nav-title-{purpose.name.lower()}")
        markup = org_navigator(
            i18n, purpose, None, roots, callback_data.page, None, pickable=False
        )
    else:
        text, markup = await _node_screen(
            uow, actor, i18n, purpose, callback_data.org_id, callback_data.page
        )
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_text(text, reply_markup=markup)


async def _node_screen(
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    purpose: NavPurpose,
    org_id: int,
    page: int,
) -> tuple[str, InlineKeyboardMarkup]:
    node = await organizations.browse(uow, actor, ACTIONS[purpose], org_id)
    assert isinstance(node, organizations.OrgNode)
    parent_id = node.org.parent_id if node.parent_visible else None
    markup = org_navigator(
        i18n,
        purpose,
        node.org,
        node.children,
        page,
        parent_id,
        pickable=purpose is NavPurpose.INVITE,
    )
    if purpose is NavPurpose.INVITE:
        return i18n.get("nav-title-invite-at", org=node.org.name), markup
    return await _card(uow, actor, i18n, node.org, len(node.children)), markup


async def _card(
    uow: UnitOfWork, actor: Actor, i18n: I18nContext, org: Organization, children: int
) -> str:
    """The organization card: what it is, how many hold each role, and who they are."""
    roster = await organizations.roster(uow, actor, org)
    counts = (
        ", ".join(
            f"{role_name(i18n, role)} {roster.counts[role]}"
            for role in Role
            if role in roster.counts
        )
        or "—"
    )
    lines = [
        org_title(i18n, org),
        i18n.get(
            "org-card",
            code=org.code,
            timezone=org.timezone or "—",
            children=children,
            counts=counts,
        ),
    ]
    for line in roster.lines[:ROSTER_LIMIT]:
        mark = "" if line.on_telegram else " " + i18n.get("org-not-on-telegram")
        lines.append(f"• {line.name} — {role_name(i18n, line.role)} · {line.org_name}{mark}")
    if len(roster.lines) > ROSTER_LIMIT:
        lines.append(i18n.get("org-roster-more", count=len(roster.lines) - ROSTER_LIMIT))
    return split_text(lines)[0]


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="navigation")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(org_command, Command("org"))
    router.callback_query.register(navigate, OrgNavCB.filter())
    return router
