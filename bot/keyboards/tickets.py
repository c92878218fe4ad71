"""Keyboards of the need tickets: the /need flow, ticket cards, /tickets lists and statistics.

Callback data carries ids and small numbers only (a category is its index in the branch's
list); every handler re-checks the pressing user and the ticket's state in the service.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded, PageNumber
from bot.services.tickets import DEFAULT_CATEGORIES, Choice, Page, TicketView
from storage.models import Organization, Ticket, TicketStatus

LABEL_MAX = 40
DISPATCHABLE = (TicketStatus.NEW, TicketStatus.POSTED, TicketStatus.ASSIGNED)


def short(text: str, limit: int = LABEL_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def category_name(texts: Texts, category: str) -> str:
    """Built-in categories are translated; a committee's own ones are shown as written."""
    return texts.get(f"ticket-category-{category}") if category in DEFAULT_CATEGORIES else category


class ReportStep(StrEnum):
    BRANCH = "b"
    CATEGORY = "c"
    SUBMIT = "s"
    ABORT = "x"


class ReportCB(Bounded, CallbackData, prefix="tn"):
    """A button of the /need flow (only works in the step that showed it)."""

    step: ReportStep
    num: int = 0


class TicketAction(StrEnum):
    OPEN = "o"
    ASSIGN = "a"  # show the members to assign to
    ASSIGN_TO = "t"  # arg: the member
    POST = "p"
    MERGE = "m"  # show the tickets it may duplicate
    MERGE_INTO = "i"  # arg: the other ticket
    DECLINE = "d"  # ask the reason
    CLAIM = "c"
    ACCEPT = "y"
    REFUSE = "n"  # ask the reason
    NOTE = "e"  # start posting progress notes
    RESOLVE = "r"  # start the closing note
    FINISH = "f"  # the closing note is complete
    RATE = "s"  # arg: stars
    NO_COMMENT = "k"
    HISTORY = "h"
    EXPORT = "x"
    MEDIA = "v"  # send the photos, voice note and location again


class TicketCB(Bounded, CallbackData, prefix="tk"):
    action: TicketAction
    ticket_id: int
    arg: int = 0


class ListView(StrEnum):
    MENU = "x"
    MINE = "m"  # what I reported
    TASKS = "t"  # what I was given
    OPEN = "o"  # open tickets of what I oversee
    STATS = "s"


class ListCB(Bounded, CallbackData, prefix="tl"):
    view: ListView
    page: PageNumber = 0
    year: int = 0
    month: int = 0


def _cb(action: TicketAction, ticket: Ticket, arg: int = 0) -> TicketCB:
    return TicketCB(action=action, ticket_id=ticket.id, arg=arg)


# ----------------------------------------------------------------------------- /need


def branches_keyboard(texts: Texts, orgs: Sequence[Organization]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for org in orgs:
        builder.button(
            text=short(org.name), callback_data=ReportCB(step=ReportStep.BRANCH, num=org.id)
        )
    builder.button(text=texts.get("ticket-abort"), callback_data=ReportCB(step=ReportStep.ABORT))
    builder.adjust(1)
    return builder.as_markup()


def categories_keyboard(texts: Texts, categories: Sequence[str]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for index, category in enumerate(categories):
        builder.button(
            text=short(category_name(texts, category)),
            callback_data=ReportCB(step=ReportStep.CATEGORY, num=index),
        )
    builder.button(text=texts.get("ticket-abort"), callback_data=ReportCB(step=ReportStep.ABORT))
    builder.adjust(2)
    return builder.as_markup()


def abort_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=texts.get("ticket-abort"), callback_data=ReportCB(step=ReportStep.ABORT))
    return builder.as_markup()


def submit_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=texts.get("ticket-submit"), callback_data=ReportCB(step=ReportStep.SUBMIT))
    builder.button(text=texts.get("ticket-abort"), callback_data=ReportCB(step=ReportStep.ABORT))
    builder.adjust(1)
    return builder.as_markup()


# ----------------------------------------------------------------------------- tickets


def dispatch_buttons(builder: InlineKeyboardBuilder, texts: Texts, ticket: Ticket) -> None:
    """An officer's choices for a ticket nobody works on yet (reassign once it is taken)."""
    if ticket.status in DISPATCHABLE:
        builder.button(
            text=texts.get("ticket-button-assign"), callback_data=_cb(TicketAction.ASSIGN, ticket)
        )
        if ticket.status is not TicketStatus.POSTED:
            builder.button(
                text=texts.get("ticket-button-post"), callback_data=_cb(TicketAction.POST, ticket)
            )
        builder.button(
            text=texts.get("ticket-button-merge"), callback_data=_cb(TicketAction.MERGE, ticket)
        )
        builder.button(
            text=texts.get("ticket-button-decline"),
            callback_data=_cb(TicketAction.DECLINE, ticket),
        )
    elif ticket.status is TicketStatus.IN_PROGRESS:
        builder.button(
            text=texts.get("ticket-button-reassign"),
            callback_data=_cb(TicketAction.ASSIGN, ticket),
        )


def dispatch_keyboard(texts: Texts, ticket: Ticket) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    dispatch_buttons(builder, texts, ticket)
    builder.button(
        text=texts.get("ticket-button-open"), callback_data=_cb(TicketAction.OPEN, ticket)
    )
    builder.adjust(2)
    return builder.as_markup()


def accept_keyboard(texts: Texts, ticket: Ticket) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("ticket-button-accept"), callback_data=_cb(TicketAction.ACCEPT, ticket)
    )
    builder.button(
        text=texts.get("ticket-button-refuse"), callback_data=_cb(TicketAction.REFUSE, ticket)
    )
    builder.adjust(2)
    return builder.as_markup()


def claim_keyboard(texts: Texts, ticket: Ticket) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("ticket-button-claim"), callback_data=_cb(TicketAction.CLAIM, ticket)
    )
    return builder.as_markup()


def stars_keyboard(texts: Texts, ticket: Ticket) -> InlineKeyboardMarkup:
    """1 to 5 stars, and the card (the resolution's photos, the history)."""
    builder = InlineKeyboardBuilder()
    for stars in range(1, 6):
        builder.button(text="⭐" * stars, callback_data=_cb(TicketAction.RATE, ticket, stars))
    builder.button(
        text=texts.get("ticket-button-open"), callback_data=_cb(TicketAction.OPEN, ticket)
    )
    builder.adjust(1)
    return builder.as_markup()


def open_keyboard(texts: Texts, ticket: Ticket) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("ticket-button-open"), callback_data=_cb(TicketAction.OPEN, ticket)
    )
    return builder.as_markup()


def card_keyboard(texts: Texts, seen: TicketView) -> InlineKeyboardMarkup:
    """What the viewer may do with the ticket now, plus its media and history."""
    ticket = seen.ticket
    builder = InlineKeyboardBuilder()
    if seen.can_dispatch:
        dispatch_buttons(builder, texts, ticket)
    if seen.can_claim:
        builder.button(
            text=texts.get("ticket-button-claim"), callback_data=_cb(TicketAction.CLAIM, ticket)
        )
    if seen.is_assignee and ticket.status is TicketStatus.ASSIGNED:
        builder.button(
            text=texts.get("ticket-button-accept"), callback_data=_cb(TicketAction.ACCEPT, ticket)
        )
        builder.button(
            text=texts.get("ticket-button-refuse"), callback_data=_cb(TicketAction.REFUSE, ticket)
        )
    if seen.is_assignee and ticket.status is TicketStatus.IN_PROGRESS:
        builder.button(
            text=texts.get("ticket-button-note"), callback_data=_cb(TicketAction.NOTE, ticket)
        )
        builder.button(
            text=texts.get("ticket-button-resolve"),
            callback_data=_cb(TicketAction.RESOLVE, ticket),
        )
    if seen.is_reporter and ticket.status is TicketStatus.RESOLVED:
        for stars in range(1, 6):
            builder.button(text="⭐" * stars, callback_data=_cb(TicketAction.RATE, ticket, stars))
    if (
        ticket.photos
        or ticket.voice_file_id
        or ticket.latitude is not None
        or ticket.resolution_photos
    ):
        builder.button(
            text=texts.get("ticket-button-media"), callback_data=_cb(TicketAction.MEDIA, ticket)
        )
    builder.button(
        text=texts.get("ticket-button-history"), callback_data=_cb(TicketAction.HISTORY, ticket)
    )
    if seen.can_dispatch or not (seen.is_reporter or seen.is_assignee or seen.can_claim):
        builder.button(
            text=texts.get("ticket-button-export"), callback_data=_cb(TicketAction.EXPORT, ticket)
        )
    builder.adjust(2)
    return builder.as_markup()


def members_keyboard(
    texts: Texts, ticket: Ticket, choices: Sequence[Choice]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for choice in choices:
        builder.button(
            text=texts.get(
                "ticket-member-load",
                name=short(choice.person.display_name, 30),
                load=choice.open_load,
            ),
            callback_data=_cb(TicketAction.ASSIGN_TO, ticket, choice.person.id),
        )
    builder.button(
        text=texts.get("ticket-button-back"), callback_data=_cb(TicketAction.OPEN, ticket)
    )
    builder.adjust(1)
    return builder.as_markup()


def merge_keyboard(texts: Texts, ticket: Ticket, others: Sequence[Ticket]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for other in others:
        about = other.description or category_name(texts, other.category)
        builder.button(
            text=f"#{other.id} · {short(about, 30)}",
            callback_data=_cb(TicketAction.MERGE_INTO, ticket, other.id),
        )
    builder.button(
        text=texts.get("ticket-button-back"), callback_data=_cb(TicketAction.OPEN, ticket)
    )
    builder.adjust(1)
    return builder.as_markup()


def finish_keyboard(texts: Texts, ticket_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("ticket-button-finish"),
        callback_data=TicketCB(action=TicketAction.FINISH, ticket_id=ticket_id),
    )
    builder.button(text=texts.get("ticket-abort"), callback_data=ReportCB(step=ReportStep.ABORT))
    builder.adjust(1)
    return builder.as_markup()


def comment_keyboard(texts: Texts, ticket: Ticket) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("ticket-button-no-comment"),
        callback_data=_cb(TicketAction.NO_COMMENT, ticket),
    )
    return builder.as_markup()


# ----------------------------------------------------------------------------- lists


def menu_keyboard(texts: Texts, oversee: bool, takes: bool) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=texts.get("tickets-view-mine"), callback_data=ListCB(view=ListView.MINE))
    if takes:
        builder.button(
            text=texts.get("tickets-view-tasks"), callback_data=ListCB(view=ListView.TASKS)
        )
    if oversee:
        builder.button(
            text=texts.get("tickets-view-open"), callback_data=ListCB(view=ListView.OPEN)
        )
        builder.button(
            text=texts.get("tickets-view-stats"), callback_data=ListCB(view=ListView.STATS)
        )
    builder.adjust(1)
    return builder.as_markup()


def list_keyboard(
    texts: Texts, view: ListView, page: Page, labels: Sequence[str]
) -> InlineKeyboardMarkup:
    """One button per ticket, then previous / next page and back to the menu."""
    builder = InlineKeyboardBuilder()
    for ticket, label in zip(page.tickets, labels, strict=True):
        builder.button(text=short(label, 60), callback_data=_cb(TicketAction.OPEN, ticket))
    nav = []
    if page.page > 0:
        nav.append((texts.get("nav-prev"), ListCB(view=view, page=page.page - 1)))
    if page.page + 1 < page.pages:
        nav.append((texts.get("nav-next"), ListCB(view=view, page=page.page + 1)))
    nav.append((texts.get("ticket-button-back"), ListCB(view=ListView.MENU)))
    for text, data in nav:
        builder.button(text=text, callback_data=data)
    builder.adjust(*([1] * len(page.tickets)), len(nav))
    return builder.as_markup()


def stats_keyboard(texts: Texts, year: int, month: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    before = (year, month - 1) if month > 1 else (year - 1, 12)
    after = (year, month + 1) if month < 12 else (year + 1, 1)
    builder.button(
        text=texts.get("tickets-stats-prev"),
        callback_data=ListCB(view=ListView.STATS, year=before[0], month=before[1]),
    )
    builder.button(
        text=texts.get("tickets-stats-next"),
        callback_data=ListCB(view=ListView.STATS, year=after[0], month=after[1]),
    )
    builder.button(text=texts.get("ticket-button-back"), callback_data=ListCB(view=ListView.MENU))
    builder.adjust(2, 1)
    return builder.as_markup()
