"""Party dues in the chat: /dues shows a member's account (report a payment, my payments)
and, for officers and committee admins, their branches: the month's overview with month
navigation, the year, pending reports to confirm or send back, batch records, members' dues,
the branch's dues day, and the ledger as XLSX; a committee's admins set the farmers' and
herders' amount of their region.

The rules are in bot/services/dues.py; these handlers collect input, call one service and
render the result (texts in locales/*/dues.ftl). Notices to other people go out at once,
silently during quiet hours, like the ticket notices.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.delivery import best_effort
from bot.exports.dues_ledger import MONTH_COLUMNS, month_workbook, year_workbook
from bot.handlers.render import split_text
from bot.handlers.steps import answer, core_of, patiently, replace
from bot.i18n import Texts, Translator
from bot.keyboards.dues import (
    CATEGORIES,
    PAGE_SIZE,
    AbortCB,
    AssessCB,
    AssessStep,
    BranchAction,
    BranchCB,
    DuesMenuCB,
    FarmerCB,
    MenuAction,
    PaymentAction,
    PaymentCB,
    RecordCB,
    RecordStep,
    ReportCB,
    ReportStep,
    abort_keyboard,
    amount_keyboard,
    assess_members_keyboard,
    back_home_keyboard,
    branches_keyboard,
    card_keyboard,
    categories_keyboard,
    category_name,
    decision_keyboard,
    home_keyboard,
    overview_back_keyboard,
    overview_keyboard,
    page_of,
    paid_by_keyboard,
    pending_keyboard,
    photo_keyboard,
    record_choose_keyboard,
    record_confirm_keyboard,
    record_members_keyboard,
    record_months_keyboard,
    reduction_keyboard,
    report_months_keyboard,
    save_profile_keyboard,
    submit_keyboard,
    year_keyboard,
)
from bot.meeting_notices import deliver
from bot.notices import is_quiet
from bot.services import dues
from bot.services.access import Action, Actor, can
from bot.services.dues import Account, Batch, FarmerAmount, InForce, Ledger, ProfileDraft, labels
from bot.services.dues_rules import (
    BASE_MAX_FEN,
    BASED,
    FARMER_MAX_FEN,
    FARMER_MIN_FEN,
    DuesCalendar,
    DuesCategory,
    parse_yuan,
    payable_months,
    yuan,
)
from bot.services.errors import AccessDenied, Conflict, InvalidInput, NotFound
from bot.services.organizations import zone_of
from bot.services.periods import Frequency, Period, month_label
from storage.models import DuesPayment, PaymentStatus
from storage.uow import UnitOfWork

HOME_BRANCHES = 3  # branch buttons on the /dues screen; more go behind "choose a branch"
NAMES_SHOWN = 30  # unpaid members listed in the overview before "… and N more"
MINE_MAX = 10


class ReportFlow(StatesGroup):
    months = State()
    amount = State()
    photo = State()
    confirm = State()
    paid_by = State()


class RejectFlow(StatesGroup):
    reason = State()


class RecordFlow(StatesGroup):
    members = State()
    months = State()
    choose = State()
    paid_by = State()
    confirm = State()


class SettingsFlow(StatesGroup):
    dues_day = State()
    farmer = State()


class AssessFlow(StatesGroup):
    member = State()
    category = State()
    base = State()
    reduction = State()
    reason = State()
    preview = State()


async def screen(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """The next screen in place of the pressed message. Answering the button only stops its
    spinner: a query Telegram no longer takes (the bot was down a while, the answer would
    be "query is too old") must not stop what follows. A message older than 48 hours
    comes back inaccessible and cannot be edited: the screen then arrives as a new message
    (a secretary confirms a report days after it came)."""
    await best_effort(query.answer(), "answering a dues button")
    if isinstance(query.message, Message):
        await replace(query, text, markup)
    else:
        await say(query, text, markup)


async def say(query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """A new message in the chat of the pressed button, accessible or not."""
    message = query.message
    if message is not None:
        await patiently(lambda: message.answer(text, reply_markup=markup))


async def show(
    event: Message | CallbackQuery, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """The next step: in place of the pressed message, or as an answer to a typed one."""
    if isinstance(event, CallbackQuery):
        await screen(event, text, markup)
    else:
        await answer(event, text, markup)


def calendar_of(settings: Settings) -> DuesCalendar:
    return DuesCalendar(settings.dues_day, settings.dues_digest_days)


def typed_amount(text: str | None) -> int:
    try:
        return parse_yuan(text or "")
    except ValueError:
        raise InvalidInput("dues-error-amount") from None


def typed_day(text: str | None) -> int:
    """ "15", "15日" or "15号": a day of the month as typed (the service checks the range)."""
    cleaned = (text or "").strip().rstrip("日号號").strip()
    if not (cleaned.isascii() and cleaned.isdigit()) or len(cleaned) > 2:
        raise InvalidInput("dues-error-dues-day")
    return int(cleaned)


# ----------------------------------------------------------------------------- rendering


def account_lines(texts: Texts, mine: Account) -> list[str]:
    lines = [texts.get("dues-account-title", branch=mine.branch.name)]
    profile = mine.profile
    if profile is None:
        lines.append(texts.get("dues-account-none"))
    else:
        lines.append(
            texts.get("dues-account-category", category=category_name(texts, profile.category))
        )
        if profile.category in BASED:
            lines.append(texts.get("dues-account-base", base=yuan(profile.base_fen)))
        lines.append(texts.get("dues-account-amount", amount=yuan(profile.amount_fen)))
        if profile.amount_fen != profile.rule_fen or profile.reason:
            lines.append(
                texts.get(
                    "dues-account-reduced", rule=yuan(profile.rule_fen), reason=profile.reason
                )
            )
    year = str(mine.month // 12)
    if mine.paid_this_year:
        lines.append(
            texts.get("dues-account-paid-year", year=year, months=labels(mine.paid_this_year))
        )
    elif profile is not None:
        lines.append(texts.get("dues-account-paid-year-none", year=year))
    if mine.unpaid:
        lines.append(
            texts.get("dues-account-owed", months=labels(mine.unpaid), amount=yuan(mine.owed_fen))
        )
        too_old = [m for m in mine.unpaid if m not in mine.payable]
        if too_old:
            lines.append(texts.get("dues-account-too-old", months=labels(too_old)))
    elif profile is not None:
        lines.append(texts.get("dues-account-clear"))
    if mine.streak:
        lines.append(texts.get("dues-account-streak", count=mine.streak))
    if mine.pending:
        lines.append(texts.get("dues-account-pending", count=len(mine.pending)))
    return lines


def payment_lines(
    texts: Texts,
    months: list[int],
    amount_fen: int,
    dues_by_month: dict[int, int],
    paid_by: str = "",
    receipt: bool = False,
) -> list[str]:
    """Months, amount (and the voluntary extra), who paid, the receipt: a report's details."""
    due = sum(dues_by_month.values())
    lines = [
        texts.get("dues-payment-months", months=labels(months)),
        texts.get("dues-payment-amount", amount=yuan(amount_fen), due=yuan(due)),
    ]
    if dues_by_month and amount_fen > due:
        lines.append(texts.get("dues-payment-extra", amount=yuan(amount_fen - due)))
    if paid_by:
        lines.append(texts.get("dues-payment-paid-by", name=paid_by))
    if receipt:
        lines.append(texts.get("dues-payment-receipt"))
    return lines


def report_lines(texts: Texts, payment: DuesPayment, dues_by_month: dict[int, int]) -> list[str]:
    return payment_lines(
        texts,
        payment.months,
        payment.amount_fen,
        dues_by_month,
        payment.paid_by,
        payment.receipt_file_id is not None,
    )


def source_text(texts: Texts, setting: InForce) -> str:
    """Where a setting comes from: set here, by an organization above, or the default."""
    if setting.source is None:
        return texts.get("dues-source-default")
    if setting.own:
        return texts.get("dues-source-own")
    return texts.get("dues-source-from", org=setting.source.name)


def farmer_line(texts: Texts, found: FarmerAmount) -> str:
    return texts.get(
        "dues-farmer-line",
        committee=found.committee.name,
        amount=yuan(found.amount.value),
        source=source_text(texts, found.amount),
    )


def overview_text(texts: Texts, ledger: Ledger) -> str:
    sheet = ledger.month
    lines = [
        texts.get("dues-overview-title", branch=ledger.branch.name, month=month_label(sheet.month))
    ]
    if not sheet.lines:
        lines.append(texts.get("dues-overview-none"))
    else:
        lines.append(
            texts.get(
                "dues-overview-totals",
                assessed=len(sheet.lines),
                due=yuan(sheet.due_fen),
                paid=yuan(sheet.paid_fen),
                count=sheet.paid_count,
            )
        )
        unpaid = sheet.unpaid
        if unpaid:
            lines.append(texts.get("dues-overview-unpaid", count=len(unpaid)))
            for line in unpaid[:NAMES_SHOWN]:
                lines.append(
                    texts.get(
                        "dues-overview-unpaid-line",
                        name=line.name,
                        amount=yuan(line.due_fen),
                        streak=line.streak,
                    )
                )
            if len(unpaid) > NAMES_SHOWN:
                lines.append(texts.get("dues-overview-more", count=len(unpaid) - NAMES_SHOWN))
        else:
            lines.append(texts.get("dues-overview-all-paid"))
    if ledger.unassessed:
        shown = "、".join(ledger.unassessed[:NAMES_SHOWN])
        if len(ledger.unassessed) > NAMES_SHOWN:
            shown += " …"
        lines.append(
            texts.get("dues-overview-unassessed", count=len(ledger.unassessed), names=shown)
        )
    if ledger.pending:
        lines.append(texts.get("dues-overview-pending", count=ledger.pending))
    day = ledger.dues_day
    lines.append(texts.get("dues-day-line", day=str(day.value), source=source_text(texts, day)))
    return split_text(lines)[0]


def year_text(texts: Texts, ledger: Ledger) -> str:
    year = ledger.year
    lines = [texts.get("dues-year-title", branch=ledger.branch.name, year=str(year.year))]
    for month in year.months:
        if month > year.last and not year.paid_in(month):
            continue
        due = yuan(year.due_in(month)) if month <= year.last else "—"
        lines.append(
            texts.get(
                "dues-year-line", month=month_label(month), due=due, paid=yuan(year.paid_in(month))
            )
        )
    lines.append(
        texts.get(
            "dues-year-totals",
            due=yuan(year.due_fen),
            paid=yuan(year.paid_fen),
            arrears=yuan(year.arrears_fen),
        )
    )
    return "\n".join(lines)


def batch_lines(texts: Texts, batch: Batch) -> list[str]:
    lines = []
    for line in batch.lines:
        if line.booked:
            lines.append(
                texts.get(
                    "dues-record-line",
                    name=line.name,
                    months=labels(line.booked),
                    amount=yuan(line.total_fen),
                )
            )
        for key, months in (
            ("dues-record-skipped-paid", line.already_paid),
            ("dues-record-skipped-pending", line.pending),
            ("dues-record-skipped-not-due", line.not_due),
        ):
            if months:
                lines.append(texts.get(key, name=line.name, months=labels(months)))
    return lines


# ----------------------------------------------------------------------------- /dues


async def _home(
    uow: UnitOfWork, actor: Actor, i18n: I18nContext, settings: Settings, now: datetime
) -> tuple[str, InlineKeyboardMarkup]:
    pays, oversees = dues.pays_dues(actor), dues.oversees_dues(actor)
    if not pays and not oversees:
        raise AccessDenied("dues-error-nothing")
    lines: list[str] = []
    can_report = False
    if pays:
        mine = await dues.account(uow, actor, now, settings.zone, calendar_of(settings))
        lines += account_lines(i18n, mine)
        can_report = bool(mine.choices)
    branches = await dues.officer_branches(uow, actor) if oversees else []
    if branches:
        lines += ["", i18n.get("dues-home-officer")]
    committees = await dues.farmer_committees(uow, actor, settings.dues_farmer_fen)
    if committees:
        lines += ["", *(farmer_line(i18n, found) for found in committees)]
    shown = branches if len(branches) <= HOME_BRANCHES else []
    markup = home_keyboard(
        i18n,
        can_report,
        pays,
        shown,
        len(branches) > HOME_BRANCHES,
        [found.committee for found in committees],
    )
    return "\n".join(lines).strip(), markup


async def dues_command(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    await state.clear()
    await answer(message, *await _home(uow, actor, i18n, settings, now))


async def menu(
    query: CallbackQuery,
    callback_data: DuesMenuCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    action = callback_data.action
    if action is MenuAction.REPORT:
        await start_report(query, state, uow, actor, i18n, settings, now)
        return
    await state.clear()
    if action is MenuAction.MINE:
        branch, payments = await dues.my_payments(uow, actor)
        text = my_payments_text(i18n, payments, zone_of(branch, settings.zone))
        await screen(query, text, back_home_keyboard(i18n))
    elif action is MenuAction.BRANCHES:
        branches = await dues.officer_branches(uow, actor)
        page, pages = page_of(len(branches), callback_data.page)
        shown = branches[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        await screen(
            query, i18n.get("dues-branches-title"), branches_keyboard(i18n, shown, page, pages)
        )
    else:
        await screen(query, *await _home(uow, actor, i18n, settings, now))


def my_payments_text(texts: Texts, payments: list[DuesPayment], zone: ZoneInfo) -> str:
    lines = [texts.get("dues-mine-title")]
    if not payments:
        lines.append(texts.get("dues-mine-empty"))
    for payment in payments[:MINE_MAX]:
        lines.append(
            texts.get(
                "dues-mine-line",
                date=payment.reported_at.astimezone(zone).date().isoformat(),
                months=labels(payment.months),
                amount=yuan(payment.amount_fen),
                status=texts.get(f"dues-status-{payment.status.value}"),
            )
        )
        if payment.status is PaymentStatus.REJECTED and payment.note:
            lines.append(texts.get("dues-mine-note", reason=payment.note))
    return "\n".join(lines)


# ----------------------------------------------------------------------------- reporting


async def start_report(
    query: CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    mine = await dues.account(uow, actor, now, settings.zone, calendar_of(settings))
    if not mine.choices:
        raise InvalidInput("dues-nothing-to-pay")
    await state.clear()
    await state.set_state(ReportFlow.months)
    await state.set_data({"choices": [[m, due] for m, due in mine.choices.items()], "chosen": []})
    await _months_step(query, state, i18n)


async def _months_step(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    data = await state.get_data()
    choices = [(m, due) for m, due in data["choices"]]
    chosen = set(data["chosen"])
    total = sum(due for m, due in choices if m in chosen)
    text = i18n.get("dues-report-ask-months", count=len(chosen), total=yuan(total))
    await screen(query, text, report_months_keyboard(i18n, choices, chosen))


async def toggle_report_month(
    query: CallbackQuery, callback_data: ReportCB, state: FSMContext, i18n: I18nContext
) -> None:
    data = await state.get_data()
    month = callback_data.value
    if month not in {m for m, _ in data["choices"]}:
        raise InvalidInput(
            "dues-error-month-window", month=month_label(month) if month > 0 else "—"
        )
    chosen = set(data["chosen"]) ^ {month}
    await state.update_data(chosen=sorted(chosen))
    await _months_step(query, state, i18n)


def _chosen_dues(data: dict[str, Any]) -> dict[int, int]:
    chosen = set(data["chosen"])
    return {m: due for m, due in data["choices"] if m in chosen}


async def report_months_done(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    chosen = _chosen_dues(await state.get_data())
    if not chosen:
        raise InvalidInput("dues-error-no-months")
    total = sum(chosen.values())
    await state.set_state(ReportFlow.amount)
    text = i18n.get("dues-report-ask-amount", months=labels(chosen), total=yuan(total))
    await screen(query, text, amount_keyboard(i18n, total))


async def _amount_chosen(
    event: Message | CallbackQuery, state: FSMContext, i18n: I18nContext, amount: int
) -> None:
    dues.check_amount(amount, _chosen_dues(await state.get_data()))
    await state.update_data(amount=amount)
    await state.set_state(ReportFlow.photo)
    await show(event, i18n.get("dues-report-ask-photo", amount=yuan(amount)), photo_keyboard(i18n))


async def accept_amount(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await _amount_chosen(query, state, i18n, sum(_chosen_dues(await state.get_data()).values()))


async def amount_typed(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await _amount_chosen(message, state, i18n, typed_amount(message.text))


async def _confirm_step(
    event: Message | CallbackQuery, state: FSMContext, i18n: I18nContext
) -> None:
    data = await state.get_data()
    chosen = _chosen_dues(data)
    details = payment_lines(
        i18n,
        sorted(chosen),
        data["amount"],
        chosen,
        data.get("paid_by", ""),
        data.get("receipt") is not None,
    )
    await state.set_state(ReportFlow.confirm)
    lines = [i18n.get("dues-report-confirm"), *details]
    await show(event, "\n".join(lines), submit_keyboard(i18n))


async def receipt_photo(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    assert message.photo
    await state.update_data(receipt=message.photo[-1].file_id)
    await _confirm_step(message, state, i18n)


async def skip_photo(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await _confirm_step(query, state, i18n)


async def photo_expected(message: Message, i18n: I18nContext) -> None:
    await answer(message, i18n.get("dues-report-photo-expected"), photo_keyboard(i18n))


async def ask_paid_by(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(ReportFlow.paid_by)
    await screen(query, i18n.get("dues-report-ask-paid-by"), abort_keyboard(i18n))


async def report_paid_by_typed(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    name = " ".join((message.text or "").split())
    if len(name) > dues.PAID_BY_MAX:
        raise InvalidInput("dues-error-paid-by", max=dues.PAID_BY_MAX)
    await state.update_data(paid_by=name)
    await _confirm_step(message, state, i18n)


async def submit_report(
    query: CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    data = await state.get_data()
    reported = await dues.report_payment(
        uow,
        actor,
        data["chosen"],
        data["amount"],
        now,
        settings.zone,
        receipt_file_id=data.get("receipt"),
        paid_by=data.get("paid_by", ""),
    )
    await state.clear()
    silent = is_quiet(settings, reported.branch, now)
    core = core_of(i18n)
    for officer in reported.officers:
        texts = Translator(core, officer.locale)
        text = "\n".join(
            [
                texts.get(
                    "dues-notice-reported", name=reported.member, branch=reported.branch.name
                ),
                *report_lines(texts, reported.payment, reported.dues),
            ]
        )
        markup = decision_keyboard(texts, reported.payment)
        await deliver(bot, officer.chat_id, text, markup, silent=silent)
    await screen(
        query, i18n.get("dues-report-sent", branch=reported.branch.name), back_home_keyboard(i18n)
    )


# ----------------------------------------------------------------------------- deciding


async def open_payment(
    query: CallbackQuery,
    callback_data: PaymentCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    seen = await dues.view_payment(uow, actor, callback_data.payment_id)
    payment = seen.payment
    lines = [
        i18n.get(
            "dues-card-title",
            name=seen.member,
            status=i18n.get(f"dues-status-{payment.status.value}"),
        ),
        *report_lines(i18n, payment, seen.dues),
    ]
    if payment.note:
        lines.append(i18n.get("dues-mine-note", reason=payment.note))
    back = BranchCB(action=BranchAction.PENDING, branch_id=seen.branch.id)
    await screen(query, "\n".join(lines), card_keyboard(i18n, payment, seen.can_decide, back))


async def send_receipt(
    query: CallbackQuery, callback_data: PaymentCB, uow: UnitOfWork, actor: Actor, bot: Bot
) -> None:
    file_id = await dues.receipt_of(uow, actor, callback_data.payment_id)
    await best_effort(query.answer(), "answering a dues button")
    await best_effort(bot.send_photo(query.from_user.id, file_id), "sending a dues receipt")


async def confirm(
    query: CallbackQuery,
    callback_data: PaymentCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    decided = await dues.confirm_payment(uow, actor, callback_data.payment_id, now)
    payment = decided.payment
    name = await dues.member_name(uow, payment.person_id)
    lines = [
        i18n.get("dues-confirmed-done", name=name),
        *report_lines(i18n, payment, decided.shares),
    ]
    if decided.member is not None:
        texts = Translator(core_of(i18n), decided.member.locale)
        text = texts.get(
            "dues-notice-confirmed", months=labels(payment.months), amount=yuan(payment.amount_fen)
        )
        await deliver(
            bot, decided.member.chat_id, text, silent=is_quiet(settings, decided.branch, now)
        )
    await screen(query, "\n".join(lines), None)


async def ask_reject_reason(
    query: CallbackQuery,
    callback_data: PaymentCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    payment = await dues.check_decidable(uow, actor, callback_data.payment_id)
    await state.clear()
    await state.set_state(RejectFlow.reason)
    await state.set_data({"payment_id": payment.id})
    await best_effort(query.answer(), "answering a dues button")
    name = await dues.member_name(uow, payment.person_id)
    await say(query, i18n.get("dues-reject-ask", name=name), abort_keyboard(i18n))


async def reject_reason_typed(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    """The reason is asked again when it is empty or too long; when the report was decided
    meanwhile (another officer confirmed it) or is out of reach, the flow ends with the
    explanation instead of refusing every message that follows."""
    payment_id = (await state.get_data())["payment_id"]
    try:
        decided = await dues.reject_payment(uow, actor, payment_id, message.text or "", now)
    except (Conflict, NotFound, AccessDenied):
        await state.clear()
        raise
    payment = decided.payment
    await state.clear()
    if decided.member is not None:
        texts = Translator(core_of(i18n), decided.member.locale)
        text = texts.get(
            "dues-notice-rejected",
            months=labels(payment.months),
            amount=yuan(payment.amount_fen),
            reason=payment.note,
        )
        await deliver(
            bot, decided.member.chat_id, text, silent=is_quiet(settings, decided.branch, now)
        )
    await answer(
        message,
        i18n.get("dues-rejected-done", name=await dues.member_name(uow, payment.person_id)),
    )


# ----------------------------------------------------------------------------- a branch


async def _overview(
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
    branch_id: int,
    month: int,
) -> tuple[str, InlineKeyboardMarkup]:
    ledger = await dues.branch_ledger(
        uow, actor, branch_id, month or None, now, settings.zone, calendar_of(settings)
    )
    branch = ledger.branch
    markup = overview_keyboard(
        i18n,
        branch.id,
        ledger.month.month,
        ledger.current,
        ledger.pending,
        records=can(actor, Action.RECORD_DUES, branch),
        assesses=can(actor, Action.ASSESS_DUES, branch),
    )
    return overview_text(i18n, ledger), markup


async def branch_screen(
    query: CallbackQuery,
    callback_data: BranchCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    action, branch_id, month = callback_data.action, callback_data.branch_id, callback_data.month
    if action is BranchAction.RECORD:
        await start_record(query, state, uow, actor, i18n, settings, now, branch_id)
    elif action is BranchAction.ASSESS:
        await start_assess(query, state, uow, actor, i18n, branch_id, callback_data.page)
    elif action is BranchAction.PENDING:
        await state.clear()
        pending = await dues.pending_reports(uow, actor, branch_id)
        page, pages = page_of(len(pending), callback_data.page)
        shown = pending[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        key = "dues-pending-title" if pending else "dues-pending-empty"
        await screen(
            query,
            i18n.get(key, count=len(pending)),
            pending_keyboard(i18n, branch_id, shown, page, pages),
        )
    elif action is BranchAction.YEAR:
        ledger = await dues.branch_ledger(
            uow, actor, branch_id, month or None, now, settings.zone, calendar_of(settings)
        )
        await screen(
            query, year_text(i18n, ledger), year_keyboard(i18n, branch_id, ledger.month.month)
        )
    elif action in (BranchAction.MONTH_XLSX, BranchAction.YEAR_XLSX):
        await send_ledger(query, callback_data, uow, actor, i18n, settings, now)
    elif action is BranchAction.DUES_DAY:
        await start_dues_day(query, state, uow, actor, i18n, settings, branch_id)
    else:
        await state.clear()
        await screen(query, *await _overview(uow, actor, i18n, settings, now, branch_id, month))


def ledger_labels(texts: Texts) -> dict[str, str]:
    """The dues ledger workbook's column names and categories (its title is added apart)."""
    names = {
        key: texts.get(f"dues-xlsx-{key}")
        for key in (*MONTH_COLUMNS, "total", "due-total", "paid-total")
    }
    return names | {f"category-{c.value}": category_name(texts, c) for c in DuesCategory}


async def send_ledger(
    query: CallbackQuery,
    callback_data: BranchCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    """The month or year sheet as an XLSX document, built off the event loop."""
    ledger = await dues.branch_ledger(
        uow,
        actor,
        callback_data.branch_id,
        callback_data.month or None,
        now,
        settings.zone,
        calendar_of(settings),
    )
    branch = ledger.branch
    names = ledger_labels(i18n)
    if callback_data.action is BranchAction.MONTH_XLSX:
        period = month_label(ledger.month.month)
        names["title"] = i18n.get("dues-xlsx-title-month", branch=branch.name, month=period)
        content = await asyncio.to_thread(month_workbook, ledger, names)
    else:
        period = str(ledger.year.year)
        names["title"] = i18n.get("dues-xlsx-title-year", branch=branch.name, year=period)
        content = await asyncio.to_thread(year_workbook, ledger, names)
    await best_effort(query.answer(), "answering a dues button")
    if query.message is not None:
        await query.message.answer_document(
            BufferedInputFile(content, filename=f"dues-{branch.code}-{period}.xlsx"),
            caption=names["title"],
        )


# ----------------------------------------------------------------------------- recording


async def start_record(
    query: CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
    branch_id: int,
) -> None:
    ledger = await dues.record_choices(
        uow, actor, branch_id, now, settings.zone, calendar_of(settings)
    )
    members = [
        [x.person_id, x.name, x.due_fen, x.paid] for x in ledger.month.lines if x.due_fen > 0
    ]
    if not members:
        raise InvalidInput("dues-record-no-members")
    await state.clear()
    await state.set_state(RecordFlow.members)
    await state.set_data(
        {
            "branch_id": ledger.branch.id,
            "current": ledger.current,
            "members": members,
            "selected": [],
            "page": 0,
        }
    )
    await _members_step(query, state, i18n)


async def _members_step(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    data = await state.get_data()
    members = data["members"]
    page, pages = page_of(len(members), data["page"])
    shown = [
        (int(person_id), str(name), int(due), bool(paid))
        for person_id, name, due, paid in members[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    ]
    selected = set(data["selected"])
    text = i18n.get("dues-record-ask-members", count=len(selected))
    await screen(query, text, record_members_keyboard(i18n, shown, selected, page, pages))


async def record_members(
    query: CallbackQuery, callback_data: RecordCB, state: FSMContext, i18n: I18nContext
) -> None:
    data = await state.get_data()
    step = callback_data.step
    if step is RecordStep.TOGGLE:
        if callback_data.value not in {m[0] for m in data["members"]}:
            raise InvalidInput("dues-error-member")
        await state.update_data(selected=sorted(set(data["selected"]) ^ {callback_data.value}))
    elif step is RecordStep.PAGE:
        await state.update_data(page=callback_data.value)
    elif step is RecordStep.UNPAID:
        await state.update_data(selected=[m[0] for m in data["members"] if not m[3]])
    else:
        if not data["selected"]:
            raise InvalidInput("dues-error-no-members")
        current = data["current"]
        quarter = Period.containing(current, Frequency.QUARTERLY).label
        await state.set_state(RecordFlow.months)
        await screen(
            query,
            i18n.get("dues-record-ask-months", count=len(data["selected"])),
            record_months_keyboard(i18n, month_label(current), quarter),
        )
        return
    await _members_step(query, state, i18n)


async def record_months(
    query: CallbackQuery, callback_data: RecordCB, state: FSMContext, i18n: I18nContext
) -> None:
    current = (await state.get_data())["current"]
    step = callback_data.step
    if step is RecordStep.CHOOSE:
        await state.set_state(RecordFlow.choose)
        await state.update_data(months=[])
        await _choose_step(query, state, i18n)
        return
    months = [current] if step is RecordStep.THIS_MONTH else dues.quarter_months(current)
    await state.update_data(months=months)
    await _paid_by_step(query, state, i18n)


async def _choose_step(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    data = await state.get_data()
    window = list(payable_months(data["current"]))
    await screen(
        query,
        i18n.get("dues-record-choose-months"),
        record_choose_keyboard(i18n, window, set(data["months"])),
    )


async def record_choose(
    query: CallbackQuery, callback_data: RecordCB, state: FSMContext, i18n: I18nContext
) -> None:
    data = await state.get_data()
    if callback_data.step is RecordStep.MONTHS_DONE:
        if not data["months"]:
            raise InvalidInput("dues-error-no-months")
        await _paid_by_step(query, state, i18n)
        return
    month = callback_data.value
    if month not in payable_months(data["current"]):
        raise InvalidInput(
            "dues-error-month-window", month=month_label(month) if month > 0 else "—"
        )
    await state.update_data(months=sorted(set(data["months"]) ^ {month}))
    await _choose_step(query, state, i18n)


async def _paid_by_step(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(RecordFlow.paid_by)
    await screen(query, i18n.get("dues-record-ask-paid-by"), paid_by_keyboard(i18n))


async def _record_preview(
    event: Message | CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
    paid_by: str,
) -> None:
    data = await state.get_data()
    batch = await dues.plan_batch(
        uow,
        actor,
        data["branch_id"],
        data["selected"],
        data["months"],
        paid_by,
        now,
        settings.zone,
    )
    await state.update_data(paid_by=batch.paid_by)
    await state.set_state(RecordFlow.confirm)
    lines = [
        i18n.get(
            "dues-record-preview",
            count=len(batch.booked),
            months=labels(batch.months),
            total=yuan(batch.total_fen),
            paid_by=batch.paid_by or "—",
        ),
        *batch_lines(i18n, batch),
    ]
    markup = record_confirm_keyboard(i18n) if batch.booked else abort_keyboard(i18n)
    if not batch.booked:
        lines.append(i18n.get("dues-record-nothing"))
    await show(event, split_text(lines)[0], markup)


async def record_paid_by_typed(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    await _record_preview(message, state, uow, actor, i18n, settings, now, message.text or "")


async def record_no_paid_by(
    query: CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    await _record_preview(query, state, uow, actor, i18n, settings, now, "")


async def record_confirm(
    query: CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    data = await state.get_data()
    batch = await dues.record_payments(
        uow,
        actor,
        data["branch_id"],
        data["selected"],
        data["months"],
        data["paid_by"],
        now,
        settings.zone,
    )
    await state.clear()
    lines = [
        i18n.get("dues-record-done", count=len(batch.booked), total=yuan(batch.total_fen)),
        *batch_lines(i18n, batch),
    ]
    await screen(query, split_text(lines)[0], overview_back_keyboard(i18n, batch.branch.id))


# ----------------------------------------------------------------------------- assessing


async def start_assess(
    query: CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    branch_id: int,
    page: int,
) -> None:
    members = await dues.assess_choices(uow, actor, branch_id)
    if not members:
        raise InvalidInput("dues-assess-no-members")
    await state.clear()
    await state.set_state(AssessFlow.member)
    await state.set_data({"branch_id": branch_id})
    page, pages = page_of(len(members), page)
    shown = [
        (m.person_id, m.name, m.amount_fen)
        for m in members[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    ]
    await screen(
        query,
        i18n.get("dues-assess-ask-member"),
        assess_members_keyboard(i18n, branch_id, shown, page, pages),
    )


async def assess_member(
    query: CallbackQuery,
    callback_data: AssessCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    members = {
        m.person_id: m.name for m in await dues.assess_choices(uow, actor, data["branch_id"])
    }
    name = members.get(callback_data.value)
    if name is None:
        raise InvalidInput("dues-error-member")
    await state.update_data(person_id=callback_data.value, name=name)
    await state.set_state(AssessFlow.category)
    await screen(query, i18n.get("dues-assess-ask-category", name=name), categories_keyboard(i18n))


async def assess_category(
    query: CallbackQuery,
    callback_data: AssessCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    if not 0 <= callback_data.value < len(CATEGORIES):
        raise InvalidInput("dues-error-category")
    category = CATEGORIES[callback_data.value]
    await state.update_data(category=category.value, base=None, rule=None)
    if category in BASED:
        await state.set_state(AssessFlow.base)
        name = (await state.get_data())["name"]
        text = i18n.get("dues-assess-ask-base", name=name, category=category_name(i18n, category))
        await screen(query, text, abort_keyboard(i18n))
        return
    await _reduction_step(query, state, uow, actor, i18n, settings)


async def assess_base_typed(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    base = typed_amount(message.text)
    if base > BASE_MAX_FEN:
        raise InvalidInput("dues-error-base-range", max=yuan(BASE_MAX_FEN))
    await state.update_data(base=base)
    await _reduction_step(message, state, uow, actor, i18n, settings)


def _draft(data: dict[str, Any], reduced: int | None = None, reason: str = "") -> ProfileDraft:
    return ProfileDraft(DuesCategory(data["category"]), data.get("base"), reduced, reason)


async def _reduction_step(
    event: Message | CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    """Asks for a reduction once the rules' amount is known; a base the service refuses
    leaves the flow at the base, to be typed again."""
    data = await state.get_data()
    if DuesCategory(data["category"]) is DuesCategory.HARDSHIP:
        await state.set_state(AssessFlow.reduction)
        text = i18n.get("dues-assess-ask-hardship", name=data["name"])
        await show(event, text, reduction_keyboard(i18n, optional=False))
        return
    preview = await dues.preview_profile(
        uow, actor, data["branch_id"], data["person_id"], _draft(data), settings.dues_farmer_fen
    )
    rule = preview.assessed.rule_fen
    await state.set_state(AssessFlow.reduction)
    await state.update_data(rule=rule)
    text = i18n.get("dues-assess-ask-reduction", name=data["name"], rule=yuan(rule))
    await show(event, text, reduction_keyboard(i18n, optional=True))


async def assess_reduction_typed(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    """A reduction above the rules' amount is refused at once, before the reason is asked
    (the service checks it again when the profile is previewed and saved)."""
    reduced = typed_amount(message.text)
    rule = (await state.get_data()).get("rule")
    if rule is not None and reduced > rule:
        raise InvalidInput("dues-error-reduction", max=yuan(rule))
    await state.update_data(reduced=reduced)
    await state.set_state(AssessFlow.reason)
    await answer(message, i18n.get("dues-assess-ask-reason"), abort_keyboard(i18n))


async def _assess_preview(
    event: Message | CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    draft: ProfileDraft,
) -> None:
    data = await state.get_data()
    preview = await dues.preview_profile(
        uow, actor, data["branch_id"], data["person_id"], draft, settings.dues_farmer_fen
    )
    draft = preview.draft
    await state.update_data(reduced=draft.reduced_fen, reason=draft.reason)
    await state.set_state(AssessFlow.preview)
    lines = [
        i18n.get(
            "dues-assess-preview",
            name=preview.member,
            category=category_name(i18n, draft.category),
            amount=yuan(preview.assessed.amount_fen),
        )
    ]
    if draft.category in BASED:
        lines.append(i18n.get("dues-account-base", base=yuan(draft.base_fen or 0)))
    if preview.assessed.reduced:
        lines.append(
            i18n.get(
                "dues-account-reduced", rule=yuan(preview.assessed.rule_fen), reason=draft.reason
            )
        )
    await show(event, "\n".join(lines), save_profile_keyboard(i18n))


async def assess_reason_typed(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    data = await state.get_data()
    draft = _draft(data, data["reduced"], message.text or "")
    await _assess_preview(message, state, uow, actor, i18n, settings, draft)


async def assess_no_reduction(
    query: CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    await _assess_preview(query, state, uow, actor, i18n, settings, _draft(await state.get_data()))


async def assess_save(
    query: CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    data = await state.get_data()
    draft = _draft(data, data.get("reduced"), data.get("reason", ""))
    profile = await dues.set_profile(
        uow,
        actor,
        data["branch_id"],
        data["person_id"],
        draft,
        now,
        settings.zone,
        settings.dues_farmer_fen,
    )
    await state.clear()
    text = i18n.get(
        "dues-assess-saved",
        name=data["name"],
        amount=yuan(profile.amount_fen),
        month=month_label(profile.from_month),
    )
    await screen(query, text, overview_back_keyboard(i18n, data["branch_id"]))


# ----------------------------------------------------------------------------- dues settings


async def start_dues_day(
    query: CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    branch_id: int,
) -> None:
    branch, day = await dues.dues_day(uow, actor, branch_id, settings.dues_day)
    await state.clear()
    await state.set_state(SettingsFlow.dues_day)
    await state.set_data({"branch_id": branch.id})
    text = i18n.get(
        "dues-day-ask",
        branch=branch.name,
        day=str(day.value),
        source=source_text(i18n, day),
        digest=str(settings.dues_digest_days),
    )
    await screen(query, text, abort_keyboard(i18n))


async def dues_day_typed(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    """A day the service refuses (out of 1–28, or not a number) leaves the flow here, to be
    typed again; a branch out of reach (the role taken away meanwhile) ends it."""
    branch_id = (await state.get_data())["branch_id"]
    try:
        changed = await dues.set_dues_day(
            uow,
            actor,
            branch_id,
            typed_day(message.text),
            now,
            settings.zone,
            calendar_of(settings),
            timedelta(hours=settings.reminder_grace_hours),
        )
    except (AccessDenied, NotFound):
        await state.clear()
        raise
    await state.clear()
    text = i18n.get(
        "dues-day-saved",
        branch=changed.branch.name,
        day=str(changed.day),
        reminder=changed.reminder.isoformat(),
        digest=changed.digest.isoformat(),
    )
    await answer(message, text, overview_back_keyboard(i18n, branch_id))


async def start_farmer(
    query: CallbackQuery,
    callback_data: FarmerCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    found = await dues.farmer_setting(
        uow, actor, callback_data.committee_id, settings.dues_farmer_fen
    )
    await state.clear()
    await state.set_state(SettingsFlow.farmer)
    await state.set_data({"committee_id": found.committee.id})
    text = i18n.get(
        "dues-farmer-ask",
        committee=found.committee.name,
        amount=yuan(found.amount.value),
        source=source_text(i18n, found.amount),
        min=yuan(FARMER_MIN_FEN),
        max=yuan(FARMER_MAX_FEN),
    )
    await screen(query, text, abort_keyboard(i18n))


async def farmer_typed(
    message: Message, state: FSMContext, uow: UnitOfWork, actor: Actor, i18n: I18nContext
) -> None:
    """An amount the service refuses leaves the flow here, to be typed again; a committee
    out of reach ends it."""
    committee_id = (await state.get_data())["committee_id"]
    try:
        fen = parse_yuan(message.text or "")
    except ValueError:
        raise InvalidInput(
            "dues-error-farmer-range", min=yuan(FARMER_MIN_FEN), max=yuan(FARMER_MAX_FEN)
        ) from None
    try:
        changed = await dues.set_farmer_amount(uow, actor, committee_id, fen)
    except (AccessDenied, NotFound):
        await state.clear()
        raise
    await state.clear()
    text = i18n.get(
        "dues-farmer-saved", committee=changed.committee.name, amount=yuan(changed.amount.value)
    )
    await answer(message, text, back_home_keyboard(i18n))


# ----------------------------------------------------------------------------- router


async def abort(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await screen(query, i18n.get("dues-aborted"), None)


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="dues")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(dues_command, Command("dues"))

    cb = router.callback_query
    every_flow = StateFilter(ReportFlow, RejectFlow, RecordFlow, AssessFlow, SettingsFlow)
    cb.register(abort, AbortCB.filter(), every_flow)
    cb.register(menu, DuesMenuCB.filter())
    cb.register(branch_screen, BranchCB.filter())
    cb.register(start_farmer, FarmerCB.filter())

    cb.register(
        toggle_report_month, ReportCB.filter(F.step == ReportStep.TOGGLE), ReportFlow.months
    )
    cb.register(
        report_months_done, ReportCB.filter(F.step == ReportStep.AMOUNT), ReportFlow.months
    )
    cb.register(accept_amount, ReportCB.filter(F.step == ReportStep.ACCEPT), ReportFlow.amount)
    cb.register(skip_photo, ReportCB.filter(F.step == ReportStep.SKIP_PHOTO), ReportFlow.photo)
    cb.register(ask_paid_by, ReportCB.filter(F.step == ReportStep.PAID_BY), ReportFlow.confirm)
    cb.register(submit_report, ReportCB.filter(F.step == ReportStep.SUBMIT), ReportFlow.confirm)

    cb.register(open_payment, PaymentCB.filter(F.action == PaymentAction.OPEN))
    cb.register(confirm, PaymentCB.filter(F.action == PaymentAction.CONFIRM))
    cb.register(ask_reject_reason, PaymentCB.filter(F.action == PaymentAction.REJECT))
    cb.register(send_receipt, PaymentCB.filter(F.action == PaymentAction.RECEIPT))

    member_steps = {RecordStep.TOGGLE, RecordStep.PAGE, RecordStep.UNPAID, RecordStep.MEMBERS_DONE}
    month_steps = {RecordStep.THIS_MONTH, RecordStep.QUARTER, RecordStep.CHOOSE}
    cb.register(record_members, RecordCB.filter(F.step.in_(member_steps)), RecordFlow.members)
    cb.register(record_months, RecordCB.filter(F.step.in_(month_steps)), RecordFlow.months)
    cb.register(
        record_choose,
        RecordCB.filter(F.step.in_({RecordStep.MONTH, RecordStep.MONTHS_DONE})),
        RecordFlow.choose,
    )
    cb.register(
        record_no_paid_by, RecordCB.filter(F.step == RecordStep.NO_PAID_BY), RecordFlow.paid_by
    )
    cb.register(record_confirm, RecordCB.filter(F.step == RecordStep.CONFIRM), RecordFlow.confirm)

    cb.register(assess_member, AssessCB.filter(F.step == AssessStep.MEMBER), AssessFlow.member)
    cb.register(
        assess_category, AssessCB.filter(F.step == AssessStep.CATEGORY), AssessFlow.category
    )
    cb.register(
        assess_no_reduction,
        AssessCB.filter(F.step == AssessStep.NO_REDUCTION),
        AssessFlow.reduction,
    )
    cb.register(assess_save, AssessCB.filter(F.step == AssessStep.SAVE), AssessFlow.preview)

    typed = (F.text, ~F.text.startswith("/"))
    msg = router.message
    msg.register(amount_typed, ReportFlow.amount, *typed)
    msg.register(receipt_photo, ReportFlow.photo, F.photo)
    msg.register(photo_expected, ReportFlow.photo, ~F.text.startswith("/"))
    msg.register(report_paid_by_typed, ReportFlow.paid_by, *typed)
    msg.register(reject_reason_typed, RejectFlow.reason, *typed)
    msg.register(record_paid_by_typed, RecordFlow.paid_by, *typed)
    msg.register(assess_base_typed, AssessFlow.base, *typed)
    msg.register(assess_reduction_typed, AssessFlow.reduction, *typed)
    msg.register(assess_reason_typed, AssessFlow.reason, *typed)
    msg.register(dues_day_typed, SettingsFlow.dues_day, *typed)
    msg.register(farmer_typed, SettingsFlow.farmer, *typed)
    return router
