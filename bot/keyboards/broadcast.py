"""Keyboards of broadcasts: the /broadcast composing flow, /broadcasts, and the recipients'
已学习 button.

Callback data carries ids and choices only; the handlers re-check every one through
bot/services/broadcasts.py, and the flow's buttons only work in the step that showed them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded, PageNumber
from bot.keyboards.meeting_admin import short
from bot.services.broadcasts import Listing, Where, Who
from storage.models import Organization

PAGE_SIZE = 8


class FlowStep(StrEnum):
    """A button of the composing flow."""

    SCOPE = "s"
    WHERE = "w"
    BRANCH = "b"  # toggle one branch
    BRANCH_PAGE = "n"
    BRANCHES_DONE = "d"
    GROUP = "g"
    GROUP_PAGE = "m"
    WHO = "p"
    URGENT = "u"
    CONFIRM = "c"
    EDIT = "e"
    ABORT = "x"


class BroadcastFlowCB(Bounded, CallbackData, prefix="bf"):
    step: FlowStep
    value: str = ""
    num: int = 0


class View(StrEnum):
    LIST = "l"
    OPEN = "o"
    NOT_ACKNOWLEDGED = "a"
    UNREACHABLE = "u"


LISTING_OF = {
    View.NOT_ACKNOWLEDGED: Listing.NOT_ACKNOWLEDGED,
    View.UNREACHABLE: Listing.UNREACHABLE,
}


class BroadcastViewCB(Bounded, CallbackData, prefix="bv"):
    """One screen of /broadcasts (broadcast_id 0 with LIST = the list)."""

    view: View
    broadcast_id: int = 0
    page: PageNumber = 0


class BroadcastAckCB(Bounded, CallbackData, prefix="ack"):
    """已学习 under a received broadcast: the delivery row of the one who got it."""

    delivery_id: int


# ----------------------------------------------------------------------------- composing


def _abort(builder: InlineKeyboardBuilder, i18n: Texts) -> None:
    builder.button(
        text=i18n.get("broadcast-abort"), callback_data=BroadcastFlowCB(step=FlowStep.ABORT)
    )


def scopes_keyboard(i18n: Texts, orgs: Sequence[Organization]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for org in orgs:
        builder.button(
            text=short(org.name), callback_data=BroadcastFlowCB(step=FlowStep.SCOPE, num=org.id)
        )
    _abort(builder, i18n)
    builder.adjust(1)
    return builder.as_markup()


def where_keyboard(i18n: Texts, branches: bool, groups: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    shown = [Where.SCOPE] + [Where.BRANCHES] * branches + [Where.GROUP] * groups
    for where in shown:
        builder.button(
            text=i18n.get(f"broadcast-where-{where.value}"),
            callback_data=BroadcastFlowCB(step=FlowStep.WHERE, value=where.value),
        )
    _abort(builder, i18n)
    builder.adjust(1)
    return builder.as_markup()


def _paged(
    builder: InlineKeyboardBuilder,
    i18n: Texts,
    items: Sequence[tuple[int, str]],
    page: int,
    item_step: FlowStep,
    page_step: FlowStep,
) -> tuple[int, int]:
    """One page of item buttons plus ‹ › buttons; returns how many of each it added."""
    start = page * PAGE_SIZE
    shown = items[start : start + PAGE_SIZE]
    for item_id, label in shown:
        builder.button(text=label, callback_data=BroadcastFlowCB(step=item_step, num=item_id))
    arrows = 0
    if page > 0:
        builder.button(
            text=i18n.get("nav-prev"), callback_data=BroadcastFlowCB(step=page_step, num=page - 1)
        )
        arrows += 1
    if start + PAGE_SIZE < len(items):
        builder.button(
            text=i18n.get("nav-next"), callback_data=BroadcastFlowCB(step=page_step, num=page + 1)
        )
        arrows += 1
    return len(shown), arrows


def branches_keyboard(
    i18n: Texts, branches: Sequence[Organization], chosen: Collection[int], page: int
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    items = [(b.id, f"{'☑' if b.id in chosen else '☐'} {short(b.name)}") for b in branches]
    rows, arrows = _paged(builder, i18n, items, page, FlowStep.BRANCH, FlowStep.BRANCH_PAGE)
    builder.button(
        text=i18n.get("broadcast-branches-done", count=len(chosen)),
        callback_data=BroadcastFlowCB(step=FlowStep.BRANCHES_DONE),
    )
    _abort(builder, i18n)
    builder.adjust(*[1] * rows, *([arrows] if arrows else []), 1, 1)
    return builder.as_markup()


def groups_keyboard(
    i18n: Texts, groups: Sequence[Organization], parents: dict[int, str], page: int
) -> InlineKeyboardMarkup:
    """Each party group named with its branch: two branches may both have a 第一党小组."""
    builder = InlineKeyboardBuilder()
    items = [
        (g.id, short(f"{g.name} · {parents.get(g.parent_id or 0, '')}".rstrip(" ·")))
        for g in groups
    ]
    rows, arrows = _paged(builder, i18n, items, page, FlowStep.GROUP, FlowStep.GROUP_PAGE)
    _abort(builder, i18n)
    builder.adjust(*[1] * rows, *([arrows] if arrows else []), 1)
    return builder.as_markup()


def who_keyboard(i18n: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for who in Who:
        builder.button(
            text=i18n.get(f"broadcast-who-{who.value}"),
            callback_data=BroadcastFlowCB(step=FlowStep.WHO, value=who.value),
        )
    _abort(builder, i18n)
    builder.adjust(1)
    return builder.as_markup()


def urgent_keyboard(i18n: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=i18n.get("broadcast-urgent-no"),
        callback_data=BroadcastFlowCB(step=FlowStep.URGENT, num=0),
    )
    builder.button(
        text=i18n.get("broadcast-urgent-yes"),
        callback_data=BroadcastFlowCB(step=FlowStep.URGENT, num=1),
    )
    _abort(builder, i18n)
    builder.adjust(1)
    return builder.as_markup()


def preview_keyboard(i18n: Texts, can_send: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if can_send:
        builder.button(
            text=i18n.get("broadcast-confirm"),
            callback_data=BroadcastFlowCB(step=FlowStep.CONFIRM),
        )
    builder.button(
        text=i18n.get("broadcast-edit"), callback_data=BroadcastFlowCB(step=FlowStep.EDIT)
    )
    _abort(builder, i18n)
    builder.adjust(1)
    return builder.as_markup()


def abort_keyboard(i18n: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    _abort(builder, i18n)
    return builder.as_markup()


# ----------------------------------------------------------------------------- recipients


def ack_keyboard(texts: Texts, delivery_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("broadcast-ack-button"),
        callback_data=BroadcastAckCB(delivery_id=delivery_id),
    )
    return builder.as_markup()


def ack_done_keyboard(texts: Texts, delivery_id: int) -> InlineKeyboardMarkup:
    """After the tap: the same button, marked; tapping it again only says "already"."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("broadcast-ack-button-done"),
        callback_data=BroadcastAckCB(delivery_id=delivery_id),
    )
    return builder.as_markup()


# ----------------------------------------------------------------------------- /broadcasts


def list_keyboard(entries: Sequence[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for broadcast_id, label in entries:
        builder.button(
            text=short(label),
            callback_data=BroadcastViewCB(view=View.OPEN, broadcast_id=broadcast_id),
        )
    builder.adjust(1)
    return builder.as_markup()


def card_keyboard(
    i18n: Texts, broadcast_id: int, not_acknowledged: int, unreachable: int
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if not_acknowledged:
        builder.button(
            text=i18n.get("broadcast-show-not-acknowledged", count=not_acknowledged),
            callback_data=BroadcastViewCB(view=View.NOT_ACKNOWLEDGED, broadcast_id=broadcast_id),
        )
    if unreachable:
        builder.button(
            text=i18n.get("broadcast-show-unreachable", count=unreachable),
            callback_data=BroadcastViewCB(view=View.UNREACHABLE, broadcast_id=broadcast_id),
        )
    builder.button(text=i18n.get("broadcast-back"), callback_data=BroadcastViewCB(view=View.LIST))
    builder.adjust(1)
    return builder.as_markup()


def names_keyboard(
    i18n: Texts, broadcast_id: int, view: View, page: int, pages: int
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    arrows = 0
    if page > 0:
        builder.button(
            text=i18n.get("nav-prev"),
            callback_data=BroadcastViewCB(view=view, broadcast_id=broadcast_id, page=page - 1),
        )
        arrows += 1
    if page + 1 < pages:
        builder.button(
            text=i18n.get("nav-next"),
            callback_data=BroadcastViewCB(view=view, broadcast_id=broadcast_id, page=page + 1),
        )
        arrows += 1
    builder.button(
        text=i18n.get("broadcast-back"),
        callback_data=BroadcastViewCB(view=View.OPEN, broadcast_id=broadcast_id),
    )
    builder.adjust(*([arrows] if arrows else []), 1)
    return builder.as_markup()
