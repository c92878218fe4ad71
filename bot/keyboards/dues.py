"""Callback data and keyboards of /dues: the member's account and report flow, the officers'
branch overview, pending reports, batch records, dues settings (a member's amount, the
branch's dues day, a committee's amount for farmers and herders).

Callback data carries ids, month numbers and small indexes only; every handler re-checks
them through the services (who pressed, which branch, whether the payment is still open).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded, PageNumber
from bot.services.dues_rules import DuesCategory, yuan
from bot.services.periods import month_label
from storage.models import DuesPayment, Organization

PAGE_SIZE = 8
LABEL_MAX = 40
CATEGORIES = tuple(DuesCategory)


def short(text: str, limit: int = LABEL_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def page_of(count: int, page: int, size: int = PAGE_SIZE) -> tuple[int, int]:
    """The page actually shown (a forged or stale number is clamped) and how many there are."""
    pages = max(1, -(-count // size))
    return min(max(page, 0), pages - 1), pages


class MenuAction(StrEnum):
    HOME = "h"  # the /dues screen
    REPORT = "r"  # start reporting a payment
    MINE = "m"  # my payments
    BRANCHES = "b"  # choose a branch (a page of them)


class DuesMenuCB(Bounded, CallbackData, prefix="dm"):
    action: MenuAction
    page: PageNumber = 0


class BranchAction(StrEnum):
    OVERVIEW = "o"
    YEAR = "y"
    PENDING = "p"
    RECORD = "r"
    ASSESS = "a"
    MONTH_XLSX = "m"
    YEAR_XLSX = "x"
    DUES_DAY = "d"  # change the branch's dues day


class BranchCB(Bounded, CallbackData, prefix="db"):
    """A branch screen of an officer or admin; month 0 is the current month."""

    action: BranchAction
    branch_id: int
    month: int = 0
    page: PageNumber = 0


class PaymentAction(StrEnum):
    OPEN = "o"
    CONFIRM = "c"
    REJECT = "r"  # ask the reason
    RECEIPT = "p"  # send the receipt photo


class PaymentCB(Bounded, CallbackData, prefix="dp"):
    action: PaymentAction
    payment_id: int


class ReportStep(StrEnum):
    TOGGLE = "t"  # value: a month
    AMOUNT = "n"  # months chosen: ask the amount
    ACCEPT = "a"  # the amount is the dues
    SKIP_PHOTO = "s"
    PAID_BY = "b"  # someone else paid: ask who
    SUBMIT = "u"


class ReportCB(Bounded, CallbackData, prefix="dr"):
    step: ReportStep
    value: int = 0


class RecordStep(StrEnum):
    TOGGLE = "t"  # value: a member
    PAGE = "g"  # value: a page of members
    UNPAID = "u"  # select everybody who has not paid this month
    MEMBERS_DONE = "d"
    THIS_MONTH = "m"
    QUARTER = "q"
    CHOOSE = "c"  # pick the months one by one
    MONTH = "o"  # value: a month
    MONTHS_DONE = "e"
    NO_PAID_BY = "n"
    CONFIRM = "y"


class RecordCB(Bounded, CallbackData, prefix="dc"):
    step: RecordStep
    value: int = 0


class AssessStep(StrEnum):
    MEMBER = "m"  # value: the member
    CATEGORY = "c"  # value: the category's index
    NO_REDUCTION = "n"
    SAVE = "s"


class AssessCB(Bounded, CallbackData, prefix="da"):
    step: AssessStep
    value: int = 0


class FarmerCB(Bounded, CallbackData, prefix="df"):
    """Change a committee's monthly amount for farmers and herders."""

    committee_id: int


class AbortCB(Bounded, CallbackData, prefix="dx"):
    """Leave whichever dues flow is open."""


def _abort(builder: InlineKeyboardBuilder, texts: Texts) -> None:
    builder.button(text=texts.get("dues-button-abort"), callback_data=AbortCB())


def _steps(texts: Texts, *buttons: tuple[str, CallbackData]) -> InlineKeyboardMarkup:
    """A flow step's buttons (label, callback) in one column, with "abort" last."""
    builder = InlineKeyboardBuilder()
    for label, data in buttons:
        builder.button(text=label, callback_data=data)
    _abort(builder, texts)
    builder.adjust(1)
    return builder.as_markup()


def abort_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    return _steps(texts)


def _branch_pages(
    builder: InlineKeyboardBuilder,
    texts: Texts,
    action: BranchAction,
    branch_id: int,
    page: int,
    pages: int,
) -> int:
    """Previous / next page buttons of a branch list; returns how many were added."""
    added = 0
    for shown, target, key in (
        (page > 0, page - 1, "nav-prev"),
        (page + 1 < pages, page + 1, "nav-next"),
    ):
        if shown:
            builder.button(
                text=texts.get(key),
                callback_data=BranchCB(action=action, branch_id=branch_id, page=target),
            )
            added += 1
    return added


# ----------------------------------------------------------------------------- the member


def home_keyboard(
    texts: Texts,
    can_report: bool,
    pays: bool,
    branches: Sequence[Organization],
    more_branches: bool,
    committees: Sequence[Organization] = (),
) -> InlineKeyboardMarkup:
    """The /dues screen: the member's buttons, the officer's branches, and for a
    committee's admin the farmers' amount of each of their committees."""
    builder = InlineKeyboardBuilder()
    if can_report:
        builder.button(
            text=texts.get("dues-button-report"),
            callback_data=DuesMenuCB(action=MenuAction.REPORT),
        )
    if pays:
        builder.button(
            text=texts.get("dues-button-mine"), callback_data=DuesMenuCB(action=MenuAction.MINE)
        )
    for branch in branches:
        builder.button(
            text=texts.get("dues-button-branch", branch=short(branch.name, 30)),
            callback_data=BranchCB(action=BranchAction.OVERVIEW, branch_id=branch.id),
        )
    if more_branches:
        builder.button(
            text=texts.get("dues-button-branches"),
            callback_data=DuesMenuCB(action=MenuAction.BRANCHES),
        )
    for committee in committees:
        builder.button(
            text=texts.get("dues-button-farmer", committee=short(committee.name, 30)),
            callback_data=FarmerCB(committee_id=committee.id),
        )
    builder.adjust(1)
    return builder.as_markup()


def back_home_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("dues-button-home"), callback_data=DuesMenuCB(action=MenuAction.HOME)
    )
    return builder.as_markup()


def branches_keyboard(
    texts: Texts, branches: Sequence[Organization], page: int, pages: int
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for branch in branches:
        builder.button(
            text=short(branch.name),
            callback_data=BranchCB(action=BranchAction.OVERVIEW, branch_id=branch.id),
        )
    nav = []
    if page > 0:
        nav.append((texts.get("nav-prev"), DuesMenuCB(action=MenuAction.BRANCHES, page=page - 1)))
    if page + 1 < pages:
        nav.append((texts.get("nav-next"), DuesMenuCB(action=MenuAction.BRANCHES, page=page + 1)))
    nav.append((texts.get("dues-button-home"), DuesMenuCB(action=MenuAction.HOME)))
    for text, data in nav:
        builder.button(text=text, callback_data=data)
    builder.adjust(*([1] * len(branches)), len(nav))
    return builder.as_markup()


def report_months_keyboard(
    texts: Texts, choices: Sequence[tuple[int, int]], chosen: set[int]
) -> InlineKeyboardMarkup:
    """The months a payment may cover, each with its dues; a tap toggles one."""
    builder = InlineKeyboardBuilder()
    for month, due in choices:
        mark = "✅" if month in chosen else "▫️"
        builder.button(
            text=f"{mark} {month_label(month)} · {yuan(due)}",
            callback_data=ReportCB(step=ReportStep.TOGGLE, value=month),
        )
    builder.button(
        text=texts.get("dues-button-next"), callback_data=ReportCB(step=ReportStep.AMOUNT)
    )
    _abort(builder, texts)
    builder.adjust(2)
    return builder.as_markup()


def amount_keyboard(texts: Texts, total_fen: int) -> InlineKeyboardMarkup:
    return _steps(
        texts,
        (
            texts.get("dues-button-accept-amount", amount=yuan(total_fen)),
            ReportCB(step=ReportStep.ACCEPT),
        ),
    )


def photo_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    return _steps(
        texts, (texts.get("dues-button-skip-photo"), ReportCB(step=ReportStep.SKIP_PHOTO))
    )


def submit_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    return _steps(
        texts,
        (texts.get("dues-button-submit"), ReportCB(step=ReportStep.SUBMIT)),
        (texts.get("dues-button-paid-by"), ReportCB(step=ReportStep.PAID_BY)),
    )


# ----------------------------------------------------------------------------- payments


def decision_keyboard(
    texts: Texts, payment: DuesPayment, can_decide: bool = True
) -> InlineKeyboardMarkup:
    """Under a report: confirm or send back, and the receipt photo if there is one."""
    builder = InlineKeyboardBuilder()
    if can_decide:
        builder.button(
            text=texts.get("dues-button-confirm"),
            callback_data=PaymentCB(action=PaymentAction.CONFIRM, payment_id=payment.id),
        )
        builder.button(
            text=texts.get("dues-button-reject"),
            callback_data=PaymentCB(action=PaymentAction.REJECT, payment_id=payment.id),
        )
    if payment.receipt_file_id:
        builder.button(
            text=texts.get("dues-button-receipt"),
            callback_data=PaymentCB(action=PaymentAction.RECEIPT, payment_id=payment.id),
        )
    builder.adjust(2, 1)
    return builder.as_markup()


def card_keyboard(
    texts: Texts, payment: DuesPayment, can_decide: bool, back: BranchCB
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for row in decision_keyboard(texts, payment, can_decide).inline_keyboard:
        for button in row:
            builder.add(button)
    builder.button(text=texts.get("dues-button-back"), callback_data=back)
    builder.adjust(2, 1, 1)
    return builder.as_markup()


def pending_keyboard(
    texts: Texts,
    branch_id: int,
    items: Sequence[tuple[DuesPayment, str]],
    page: int,
    pages: int,
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for payment, name in items:
        months = ",".join(month_label(m)[2:] for m in payment.months)
        builder.button(
            text=short(f"{name} · {months} · {yuan(payment.amount_fen)}", 60),
            callback_data=PaymentCB(action=PaymentAction.OPEN, payment_id=payment.id),
        )
    nav = _branch_pages(builder, texts, BranchAction.PENDING, branch_id, page, pages)
    builder.button(
        text=texts.get("dues-button-back"),
        callback_data=BranchCB(action=BranchAction.OVERVIEW, branch_id=branch_id),
    )
    builder.adjust(*([1] * len(items)), *([nav] if nav else []), 1)
    return builder.as_markup()


# ----------------------------------------------------------------------------- a branch


def overview_keyboard(
    texts: Texts,
    branch_id: int,
    month: int,
    current: int,
    pending: int,
    records: bool,
    assesses: bool,
) -> InlineKeyboardMarkup:
    """Month navigation, then what the viewer may do: officers confirm, record and assess
    (and set the dues day); everyone who reads the ledger downloads it."""
    builder = InlineKeyboardBuilder()

    def add(key: str, action: BranchAction, at: int = month, **params: object) -> None:
        builder.button(
            text=texts.get(key, **params),
            callback_data=BranchCB(action=action, branch_id=branch_id, month=at),
        )

    sizes = [1]
    add("dues-button-prev-month", BranchAction.OVERVIEW, month - 1)
    if month < current:
        add("dues-button-next-month", BranchAction.OVERVIEW, month + 1)
        sizes = [2]
    if records:
        add("dues-button-pending", BranchAction.PENDING, count=pending)
        add("dues-button-record", BranchAction.RECORD)
        sizes += [2]
    if assesses:
        add("dues-button-assess", BranchAction.ASSESS)
        add("dues-button-dues-day", BranchAction.DUES_DAY)
        sizes += [1, 1]
    add("dues-button-year", BranchAction.YEAR)
    add("dues-button-month-xlsx", BranchAction.MONTH_XLSX)
    add("dues-button-year-xlsx", BranchAction.YEAR_XLSX)
    builder.button(
        text=texts.get("dues-button-home"), callback_data=DuesMenuCB(action=MenuAction.HOME)
    )
    builder.adjust(*sizes, 1, 2, 1)
    return builder.as_markup()


def overview_back_keyboard(texts: Texts, branch_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("dues-button-back"),
        callback_data=BranchCB(action=BranchAction.OVERVIEW, branch_id=branch_id),
    )
    return builder.as_markup()


def year_keyboard(texts: Texts, branch_id: int, month: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("dues-button-year-xlsx"),
        callback_data=BranchCB(action=BranchAction.YEAR_XLSX, branch_id=branch_id, month=month),
    )
    builder.button(
        text=texts.get("dues-button-back"),
        callback_data=BranchCB(action=BranchAction.OVERVIEW, branch_id=branch_id, month=month),
    )
    builder.adjust(1)
    return builder.as_markup()


# ----------------------------------------------------------------------------- recording


def record_members_keyboard(
    texts: Texts,
    members: Sequence[tuple[int, str, int, bool]],
    chosen: set[int],
    page: int,
    pages: int,
) -> InlineKeyboardMarkup:
    """One page of the branch's assessed members (id, name, dues, paid this month)."""
    builder = InlineKeyboardBuilder()
    for person_id, name, due, paid in members:
        mark = "✅" if person_id in chosen else "▫️"
        done = " ✔" if paid else ""
        builder.button(
            text=f"{mark} {short(name, 24)} · {yuan(due)}{done}",
            callback_data=RecordCB(step=RecordStep.TOGGLE, value=person_id),
        )
    nav = 0
    if page > 0:
        builder.button(
            text=texts.get("nav-prev"),
            callback_data=RecordCB(step=RecordStep.PAGE, value=page - 1),
        )
        nav += 1
    if page + 1 < pages:
        builder.button(
            text=texts.get("nav-next"),
            callback_data=RecordCB(step=RecordStep.PAGE, value=page + 1),
        )
        nav += 1
    builder.button(
        text=texts.get("dues-button-all-unpaid"), callback_data=RecordCB(step=RecordStep.UNPAID)
    )
    builder.button(
        text=texts.get("dues-button-next"), callback_data=RecordCB(step=RecordStep.MEMBERS_DONE)
    )
    _abort(builder, texts)
    builder.adjust(*([1] * len(members)), *([nav] if nav else []), 1, 1, 1)
    return builder.as_markup()


def record_months_keyboard(texts: Texts, month: str, quarter: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("dues-button-this-month", month=month),
        callback_data=RecordCB(step=RecordStep.THIS_MONTH),
    )
    builder.button(
        text=texts.get("dues-button-quarter", quarter=quarter),
        callback_data=RecordCB(step=RecordStep.QUARTER),
    )
    builder.button(
        text=texts.get("dues-button-choose-months"), callback_data=RecordCB(step=RecordStep.CHOOSE)
    )
    _abort(builder, texts)
    builder.adjust(1)
    return builder.as_markup()


def record_choose_keyboard(
    texts: Texts, months: Sequence[int], chosen: set[int]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for month in months:
        mark = "✅" if month in chosen else "▫️"
        builder.button(
            text=f"{mark} {month_label(month)}",
            callback_data=RecordCB(step=RecordStep.MONTH, value=month),
        )
    builder.button(
        text=texts.get("dues-button-next"), callback_data=RecordCB(step=RecordStep.MONTHS_DONE)
    )
    _abort(builder, texts)
    builder.adjust(*([2] * (len(months) // 2)), *([1] if len(months) % 2 else []), 1, 1)
    return builder.as_markup()


def paid_by_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    return _steps(
        texts, (texts.get("dues-button-no-paid-by"), RecordCB(step=RecordStep.NO_PAID_BY))
    )


def record_confirm_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    return _steps(
        texts, (texts.get("dues-button-record-confirm"), RecordCB(step=RecordStep.CONFIRM))
    )


# ----------------------------------------------------------------------------- assessing


def assess_members_keyboard(
    texts: Texts,
    branch_id: int,
    members: Sequence[tuple[int, str, int | None]],
    page: int,
    pages: int,
) -> InlineKeyboardMarkup:
    """One page of the branch's party members (id, name, current amount or None)."""
    builder = InlineKeyboardBuilder()
    for person_id, name, amount in members:
        shown = yuan(amount) if amount is not None else texts.get("dues-not-assessed-mark")
        builder.button(
            text=f"{short(name, 28)} · {shown}",
            callback_data=AssessCB(step=AssessStep.MEMBER, value=person_id),
        )
    nav = _branch_pages(builder, texts, BranchAction.ASSESS, branch_id, page, pages)
    _abort(builder, texts)
    builder.adjust(*([1] * len(members)), *([nav] if nav else []), 1)
    return builder.as_markup()


def category_name(texts: Texts, category: DuesCategory) -> str:
    return texts.get(f"dues-category-{category.value}")


def categories_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for index, category in enumerate(CATEGORIES):
        builder.button(
            text=category_name(texts, category),
            callback_data=AssessCB(step=AssessStep.CATEGORY, value=index),
        )
    _abort(builder, texts)
    builder.adjust(2, 2, 2, 2, 1)
    return builder.as_markup()


def reduction_keyboard(texts: Texts, optional: bool) -> InlineKeyboardMarkup:
    if not optional:
        return abort_keyboard(texts)
    return _steps(
        texts,
        (texts.get("dues-button-no-reduction"), AssessCB(step=AssessStep.NO_REDUCTION)),
    )


def save_profile_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    return _steps(texts, (texts.get("dues-button-save"), AssessCB(step=AssessStep.SAVE)))
