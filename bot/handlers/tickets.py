"""Need tickets in the chat: /need (report), the officers' dispatch buttons, the member's
accept / decline / progress / resolve, the reporter's stars, and /tickets (lists, history,
export, monthly statistics).

The rules are in bot/services/tickets.py; these handlers collect input, call one service
and render the outcome. Messages to other people go out at once (silently during quiet
hours, like the meeting notices: nobody's phone rings at night, the message waits there in
the morning); service-level reminders are held until the morning (bot/reminders/tickets.py).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.delivery import best_effort
from bot.handlers.render import local_time, split_text
from bot.handlers.steps import core_of, edit_step, leave_flow
from bot.i18n import Texts, Translator
from bot.keyboards.tickets import (
    ListCB,
    ListView,
    ReportCB,
    ReportStep,
    TicketAction,
    TicketCB,
    abort_keyboard,
    accept_keyboard,
    branches_keyboard,
    card_keyboard,
    categories_keyboard,
    category_name,
    claim_keyboard,
    comment_keyboard,
    dispatch_keyboard,
    finish_keyboard,
    list_keyboard,
    members_keyboard,
    menu_keyboard,
    merge_keyboard,
    open_keyboard,
    stars_keyboard,
    stats_keyboard,
    submit_keyboard,
)
from bot.meeting_notices import deliver
from bot.notices import is_quiet
from bot.services import organizations, tickets
from bot.services.access import Action, Actor, scope_roots
from bot.services.errors import AccessDenied, InvalidInput
from bot.services.invites import Recipient
from bot.services.tickets import Notify, Outcome, Page, Step
from bot.services.voice import VoiceLimits, VoiceMeta, VoiceRefused, check_before_download
from storage.models import Organization, Ticket, TicketStatus
from storage.uow import UnitOfWork

# A spoken description may be longer than a sign-in, but stays a voice note.
DESCRIPTION_VOICE = VoiceLimits(min_seconds=1.0, max_seconds=300.0)


class NeedFlow(StatesGroup):
    branch = State()
    category = State()
    describe = State()
    extras = State()


class ReasonFlow(StatesGroup):
    reason = State()


class NoteFlow(StatesGroup):
    collect = State()


class ResolveFlow(StatesGroup):
    collect = State()


class CommentFlow(StatesGroup):
    comment = State()


def _zone(settings: Settings, org: Organization) -> ZoneInfo:
    return organizations.zone_of(org, settings.zone)


# ----------------------------------------------------------------------------- rendering


def status_name(texts: Texts, ticket: Ticket) -> str:
    return texts.get(f"ticket-status-{ticket.status.value}")


def ticket_lines(
    texts: Texts,
    ticket: Ticket,
    org: Organization,
    zone: ZoneInfo,
    names: dict[int, str],
    now: datetime,
) -> list[str]:
    """The ticket card: number, category, state, where, who, what, and its due time."""
    lines = [
        texts.get(
            "ticket-card-title",
            number=str(ticket.id),
            category=category_name(texts, ticket.category),
        ),
        texts.get("ticket-card-status", status=status_name(texts, ticket)),
    ]
    if tickets.is_late(ticket, now):
        lines.append(texts.get("ticket-card-overdue"))
    lines.append(texts.get("ticket-card-org", org=org.name))
    lines.append(texts.get("ticket-card-reporter", name=names.get(ticket.reporter_id, "—")))
    if ticket.description:
        lines.append(texts.get("ticket-card-description", text=ticket.description))
    if ticket.voice_file_id:
        lines.append(texts.get("ticket-card-voice"))
    if ticket.photos:
        lines.append(texts.get("ticket-card-photos", count=len(ticket.photos)))
    if ticket.latitude is not None:
        lines.append(texts.get("ticket-card-location"))
    if ticket.assignee_id is not None:
        lines.append(texts.get("ticket-card-assignee", name=names.get(ticket.assignee_id, "—")))
    lines.append(texts.get("ticket-card-due", time=local_time(ticket.due_at, zone)))
    if ticket.status is TicketStatus.DECLINED:
        lines.append(texts.get("ticket-card-declined", reason=ticket.decline_reason))
    if ticket.status is TicketStatus.MERGED and ticket.merged_into_id:
        lines.append(texts.get("ticket-card-merged", number=str(ticket.merged_into_id)))
    if ticket.resolution:
        lines.append(texts.get("ticket-card-resolution", text=ticket.resolution))
    if ticket.rating is not None:
        lines.append(texts.get("ticket-card-rating", stars=ticket.rating))
    if ticket.rating_comment:
        lines.append(texts.get("ticket-card-comment", text=ticket.rating_comment))
    return lines


def notice_message(
    texts: Texts,
    kind: Notify,
    outcome: Outcome,
    recipient: Recipient,
    zone: ZoneInfo,
    names: dict[int, str],
    now: datetime,
) -> tuple[str, InlineKeyboardMarkup]:
    """One notice in the recipient's language, with the buttons that let them act on it."""
    ticket, event = outcome.ticket, outcome.event
    note = event.note if event is not None else ""
    # who the notice is about: the step's actor (a member who declined), else the assignee
    about = event.actor_id if event is not None and event.actor_id else ticket.assignee_id
    header = texts.get(
        f"ticket-notice-{kind.value.replace('_', '-')}",
        number=str(ticket.id),
        name=names.get(about or 0, "—"),
        stars=ticket.rating or 0,
        note=note or "—",
    )
    lines = [header, "", *ticket_lines(texts, ticket, outcome.org, zone, names, now)]
    markup: InlineKeyboardMarkup
    officer = kind is Notify.REOPENED and recipient.person_id != ticket.assignee_id
    if officer or kind in (Notify.NEW, Notify.REFUSED, Notify.REMIND_DISPATCH, Notify.REASSIGN):
        markup = dispatch_keyboard(texts, ticket)
    elif kind in (Notify.ASSIGNED, Notify.REMIND_ACCEPT):
        markup = accept_keyboard(texts, ticket)
    elif kind is Notify.POSTED:
        markup = claim_keyboard(texts, ticket)
    else:
        markup = open_keyboard(texts, ticket)
    if kind is Notify.RESOLVED:
        lines.append(texts.get("ticket-rate-ask"))
        markup = stars_keyboard(texts, ticket)
    return "\n".join(lines), markup


async def tell(
    bot: Bot,
    core: FluentRuntimeCore,
    settings: Settings,
    uow: UnitOfWork,
    outcome: Outcome,
    now: datetime,
) -> int:
    """Send every notice of an outcome, each in its recipient's language; best effort.
    Returns how many messages Telegram took."""
    if not any(n.recipients for n in outcome.notices):
        return 0
    names = await tickets.names_of(uow, outcome.ticket, outcome.event)
    zone = _zone(settings, outcome.org)
    silent = is_quiet(settings, outcome.org, now)
    event = outcome.event
    sent = 0
    for notice in outcome.notices:
        for recipient in notice.recipients:
            texts = Translator(core, recipient.locale)
            text, markup = notice_message(texts, notice.kind, outcome, recipient, zone, names, now)
            if await deliver(bot, recipient.telegram_id, text, markup, silent=silent):
                sent += 1
            if notice.kind is Notify.PROGRESS and event is not None:
                await _send_media(bot, recipient.telegram_id, event.data)
    return sent


async def _send_media(bot: Bot, chat_id: int, data: dict[str, Any]) -> None:
    photo, voice = data.get("photo"), data.get("voice")
    if isinstance(photo, str):
        await best_effort(bot.send_photo(chat_id, photo), "sending a ticket photo")
    if isinstance(voice, str):
        await best_effort(bot.send_voice(chat_id, voice), "sending a ticket voice note")


async def _card(
    uow: UnitOfWork, actor: Actor, settings: Settings, ticket_id: int, now: datetime, i18n: Texts
) -> tuple[str, InlineKeyboardMarkup]:
    seen = await tickets.view(uow, actor, ticket_id)
    names = await tickets.names_of(uow, seen.ticket)
    lines = ticket_lines(i18n, seen.ticket, seen.org, _zone(settings, seen.org), names, now)
    return "\n".join(lines), card_keyboard(i18n, seen)


async def _after(
    query: CallbackQuery,
    i18n: I18nContext,
    uow: UnitOfWork,
    actor: Actor,
    bot: Bot,
    settings: Settings,
    now: datetime,
    outcome: Outcome,
    done_key: str,
) -> None:
    """A step is done: the pressed message becomes the fresh card, the others are told."""
    text, markup = await _card(uow, actor, settings, outcome.ticket.id, now, i18n)
    await edit_step(
        query, f"{i18n.get(done_key, number=str(outcome.ticket.id))}\n\n{text}", markup
    )
    await tell(bot, core_of(i18n), settings, uow, outcome, now)


# ----------------------------------------------------------------------------- /need


async def need_command(
    message: Message, state: FSMContext, uow: UnitOfWork, actor: Actor, i18n: I18nContext
) -> None:
    branches = await tickets.reportable_branches(uow, actor)
    if not branches:
        raise AccessDenied("ticket-error-no-branch")
    await state.clear()
    if len(branches) == 1:
        text, markup = await _branch_chosen(state, uow, actor, i18n, branches[0])
    else:
        await state.set_state(NeedFlow.branch)
        text, markup = i18n.get("ticket-ask-branch"), branches_keyboard(i18n, branches)
    await message.answer(text, reply_markup=markup)


async def _branch_chosen(
    state: FSMContext, uow: UnitOfWork, actor: Actor, i18n: I18nContext, org: Organization
) -> tuple[str, InlineKeyboardMarkup]:
    categories = await tickets.categories_for(uow, actor, org.id)
    await state.set_state(NeedFlow.category)
    await state.set_data({"org_id": org.id, "categories": list(categories), "photos": []})
    return i18n.get("ticket-ask-category", org=org.name), categories_keyboard(i18n, categories)


async def pick_branch(
    query: CallbackQuery,
    callback_data: ReportCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    found = {o.id: o for o in await tickets.reportable_branches(uow, actor)}
    org = found.get(callback_data.num)
    if org is None:
        raise AccessDenied()
    await edit_step(query, *await _branch_chosen(state, uow, actor, i18n, org))


async def pick_category(
    query: CallbackQuery, callback_data: ReportCB, state: FSMContext, i18n: I18nContext
) -> None:
    categories: list[str] = (await state.get_data())["categories"]
    if not 0 <= callback_data.num < len(categories):
        raise InvalidInput("ticket-error-category")
    category = categories[callback_data.num]
    await state.update_data(category=category)
    await state.set_state(NeedFlow.describe)
    await edit_step(
        query,
        i18n.get("ticket-ask-description", category=category_name(i18n, category)),
        abort_keyboard(i18n),
    )


async def _described(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.set_state(NeedFlow.extras)
    await message.answer(i18n.get("ticket-ask-extras"), reply_markup=submit_keyboard(i18n))


async def description_typed(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    text = (message.text or "").strip()
    if len(text) > tickets.DESCRIPTION_MAX:
        raise InvalidInput("ticket-error-long", max=tickets.DESCRIPTION_MAX)
    await state.update_data(description=text)
    await _described(message, state, i18n)


def _voice_file(message: Message) -> str:
    """A voice note recorded in Telegram, within the limits (refusals name the reason)."""
    voice = message.voice
    assert voice is not None
    meta = VoiceMeta(
        kind="voice",
        duration=voice.duration,
        file_size=voice.file_size,
        mime_type=voice.mime_type,
        forwarded=message.forward_origin is not None,
    )
    try:
        check_before_download(meta, DESCRIPTION_VOICE)
    except VoiceRefused as refused:
        raise InvalidInput(f"ticket-voice-{refused.reason.value}", **refused.params) from None
    return voice.file_id


async def description_spoken(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    await state.update_data(voice=_voice_file(message))
    await _described(message, state, i18n)


async def description_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(
        i18n.get("ticket-description-expected"), reply_markup=abort_keyboard(i18n)
    )


async def extra_photo(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    photos: list[str] = (await state.get_data()).get("photos", [])
    assert message.photo
    if len(photos) >= tickets.PHOTOS_MAX:
        raise InvalidInput("ticket-error-photos", max=tickets.PHOTOS_MAX)
    photos = [*photos, message.photo[-1].file_id]
    await state.update_data(photos=photos)
    await message.answer(
        i18n.get("ticket-photo-added", count=len(photos)), reply_markup=submit_keyboard(i18n)
    )


async def extra_location(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    assert message.location is not None
    await state.update_data(lat=message.location.latitude, lon=message.location.longitude)
    await message.answer(i18n.get("ticket-location-added"), reply_markup=submit_keyboard(i18n))


async def extras_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("ticket-extras-expected"), reply_markup=submit_keyboard(i18n))


async def submit(
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
    draft = tickets.Draft(
        org_id=data["org_id"],
        category=data["category"],
        description=data.get("description", ""),
        voice_file_id=data.get("voice"),
        photos=tuple(data.get("photos", [])),
        latitude=data.get("lat"),
        longitude=data.get("lon"),
    )
    outcome = await tickets.report(uow, actor, draft, now)
    await state.clear()
    await edit_step(query, i18n.get("ticket-reported", number=str(outcome.ticket.id)), None)
    await tell(bot, core_of(i18n), settings, uow, outcome, now)


async def open_ticket(
    query: CallbackQuery,
    callback_data: TicketCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    await edit_step(query, *await _card(uow, actor, settings, callback_data.ticket_id, now, i18n))


async def show_members(
    query: CallbackQuery, callback_data: TicketCB, uow: UnitOfWork, actor: Actor, i18n: I18nContext
) -> None:
    choices = await tickets.assign_choices(uow, actor, callback_data.ticket_id)
    ticket = (await tickets.view(uow, actor, callback_data.ticket_id)).ticket
    if not choices:
        await query.answer(i18n.get("ticket-no-members"), show_alert=True)
        return
    await edit_step(
        query,
        i18n.get("ticket-ask-member", number=str(ticket.id)),
        members_keyboard(i18n, ticket, choices),
    )


async def assign_to(
    query: CallbackQuery,
    callback_data: TicketCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    outcome = await tickets.assign(uow, actor, callback_data.ticket_id, callback_data.arg, now)
    await _after(query, i18n, uow, actor, bot, settings, now, outcome, "ticket-done-assigned")


async def post_ticket(
    query: CallbackQuery,
    callback_data: TicketCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    outcome = await tickets.post(uow, actor, callback_data.ticket_id, now)
    await _after(query, i18n, uow, actor, bot, settings, now, outcome, "ticket-done-posted")


async def show_duplicates(
    query: CallbackQuery, callback_data: TicketCB, uow: UnitOfWork, actor: Actor, i18n: I18nContext
) -> None:
    others = await tickets.merge_choices(uow, actor, callback_data.ticket_id)
    if not others:
        await query.answer(i18n.get("ticket-no-duplicates"), show_alert=True)
        return
    ticket = (await tickets.view(uow, actor, callback_data.ticket_id)).ticket
    await edit_step(
        query,
        i18n.get("ticket-ask-duplicate", number=str(ticket.id)),
        merge_keyboard(i18n, ticket, others),
    )


async def merge_into(
    query: CallbackQuery,
    callback_data: TicketCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    outcome = await tickets.merge(uow, actor, callback_data.ticket_id, callback_data.arg, now)
    await _after(query, i18n, uow, actor, bot, settings, now, outcome, "ticket-done-merged")


async def ask_reason(
    query: CallbackQuery,
    callback_data: TicketCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    step = Step.DECLINE if callback_data.action is TicketAction.DECLINE else Step.REFUSE
    ticket = await tickets.check_step(uow, actor, callback_data.ticket_id, step)
    await state.set_state(ReasonFlow.reason)
    await state.set_data({"ticket_id": ticket.id, "step": step.value})
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(
            i18n.get(f"ticket-ask-{step.value}-reason", number=str(ticket.id)),
            reply_markup=abort_keyboard(i18n),
        )


async def reason_typed(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    data = await state.get_data()
    reason = message.text or ""
    if data["step"] == Step.DECLINE.value:
        outcome = await tickets.decline(uow, actor, data["ticket_id"], reason, now)
        key = "ticket-done-declined"
    else:
        outcome = await tickets.refuse(uow, actor, data["ticket_id"], reason, now)
        key = "ticket-done-refused"
    await state.clear()
    await message.answer(i18n.get(key, number=str(outcome.ticket.id)))
    await tell(bot, core_of(i18n), settings, uow, outcome, now)


async def claim_ticket(
    query: CallbackQuery,
    callback_data: TicketCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    outcome = await tickets.claim(uow, actor, callback_data.ticket_id, now)
    await _after(query, i18n, uow, actor, bot, settings, now, outcome, "ticket-done-claimed")


async def accept_ticket(
    query: CallbackQuery,
    callback_data: TicketCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    outcome = await tickets.accept(uow, actor, callback_data.ticket_id, now)
    await _after(query, i18n, uow, actor, bot, settings, now, outcome, "ticket-done-accepted")


async def start_notes(
    query: CallbackQuery,
    callback_data: TicketCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    ticket = await tickets.check_step(uow, actor, callback_data.ticket_id, Step.WORK)
    resolving = callback_data.action is TicketAction.RESOLVE
    await state.set_state(ResolveFlow.collect if resolving else NoteFlow.collect)
    await state.set_data({"ticket_id": ticket.id, "note": "", "photos": []})
    await query.answer()
    if isinstance(query.message, Message):
        key, markup = (
            ("ticket-ask-resolution", finish_keyboard(i18n, ticket.id))
            if resolving
            else ("ticket-ask-note", abort_keyboard(i18n))
        )
        await query.message.answer(i18n.get(key, number=str(ticket.id)), reply_markup=markup)


async def note_received(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    ticket_id = (await state.get_data())["ticket_id"]
    photo = message.photo[-1].file_id if message.photo else None
    voice = _voice_file(message) if message.voice else None
    text = message.text if message.text is not None else (message.caption or "")
    outcome = await tickets.add_note(uow, actor, ticket_id, text, photo, voice, now)
    await message.answer(
        i18n.get("ticket-note-saved", number=str(ticket_id)), reply_markup=abort_keyboard(i18n)
    )
    await tell(bot, core_of(i18n), settings, uow, outcome, now)


async def resolution_received(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    data = await state.get_data()
    photos: list[str] = data["photos"]
    note: str = data["note"]
    if message.photo:
        if len(photos) >= tickets.PHOTOS_MAX:
            raise InvalidInput("ticket-error-photos", max=tickets.PHOTOS_MAX)
        photos = [*photos, message.photo[-1].file_id]
    words = message.text if message.text is not None else (message.caption or "")
    if words.strip():
        note = f"{note}\n{words.strip()}".strip()
    await state.update_data(note=note, photos=photos)
    await message.answer(
        i18n.get("ticket-resolution-saved", chars=len(note), photos=len(photos)),
        reply_markup=finish_keyboard(i18n, data["ticket_id"]),
    )


async def finish_resolution(
    query: CallbackQuery,
    callback_data: TicketCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    data = await state.get_data()
    if data.get("ticket_id") != callback_data.ticket_id:
        raise InvalidInput("ticket-error-flow")
    outcome = await tickets.resolve(
        uow, actor, callback_data.ticket_id, data.get("note", ""), data.get("photos", []), now
    )
    await state.clear()
    await _after(query, i18n, uow, actor, bot, settings, now, outcome, "ticket-done-resolved")


async def rate_ticket(
    query: CallbackQuery,
    callback_data: TicketCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    outcome = await tickets.rate(uow, actor, callback_data.ticket_id, callback_data.arg, now)
    await state.set_state(CommentFlow.comment)
    await state.set_data({"ticket_id": outcome.ticket.id})
    key = (
        "ticket-rated-reopened"
        if outcome.ticket.status is TicketStatus.IN_PROGRESS
        else "ticket-rated"
    )
    await edit_step(
        query,
        i18n.get(key, number=str(outcome.ticket.id), stars=callback_data.arg),
        comment_keyboard(i18n, outcome.ticket),
    )
    await tell(bot, core_of(i18n), settings, uow, outcome, now)


async def comment_typed(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    ticket_id = (await state.get_data())["ticket_id"]
    outcome = await tickets.comment(uow, actor, ticket_id, message.text or "", now)
    await state.clear()
    await message.answer(i18n.get("ticket-commented", number=str(ticket_id)))
    await tell(bot, core_of(i18n), settings, uow, outcome, now)


async def no_comment(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await state.clear()
    await edit_step(query, i18n.get("ticket-thanks"), None)


def event_text(texts: Texts, line: tickets.HistoryLine) -> str:
    """What happened, with its details: whom it was assigned to, the stars, the other
    ticket of a merge."""
    data = line.event.data or {}
    other = data.get("into") or data.get("duplicate")
    return texts.get(
        f"ticket-event-{line.event.kind.value.replace('_', '-')}",
        name=line.subject or "—",
        stars=data.get("stars", 0),
        number=str(other or ""),
    )


async def show_history(
    query: CallbackQuery,
    callback_data: TicketCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    seen, lines = await tickets.history(uow, actor, callback_data.ticket_id)
    zone = _zone(settings, seen.org)
    shown = [i18n.get("ticket-history-title", number=str(seen.ticket.id))]
    for line in lines:
        event = line.event
        shown.append(
            i18n.get(
                "ticket-history-line",
                time=f"{event.at.astimezone(zone):%m-%d %H:%M}",
                who=line.who or i18n.get("ticket-history-bot"),
                what=event_text(i18n, line),
                note=event.note or "",
            ).rstrip()
        )
    await query.answer()
    if isinstance(query.message, Message):
        for chunk in split_text(shown):
            await query.message.answer(chunk)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet shows as text: what a resident typed must never run as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


async def export_history(
    query: CallbackQuery,
    callback_data: TicketCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    """The ticket's history as a CSV file (UTF-8 with BOM, so Excel opens Chinese right)."""
    seen, lines = await tickets.history(uow, actor, callback_data.ticket_id)
    zone = _zone(settings, seen.org)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([i18n.get(f"ticket-export-{c}") for c in ("time", "who", "what", "note")])
    for line in lines:
        event = line.event
        writer.writerow(
            [
                f"{event.at.astimezone(zone):%Y-%m-%d %H:%M}",
                spreadsheet_safe(line.who or i18n.get("ticket-history-bot")),
                spreadsheet_safe(event_text(i18n, line)),
                spreadsheet_safe(event.note),
            ]
        )
    content = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer_document(
            BufferedInputFile(content, filename=f"ticket-{seen.ticket.id}.csv")
        )


async def show_media(
    query: CallbackQuery, callback_data: TicketCB, uow: UnitOfWork, actor: Actor, bot: Bot
) -> None:
    ticket = (await tickets.view(uow, actor, callback_data.ticket_id)).ticket
    await query.answer()
    chat_id = query.from_user.id
    for photo in [*ticket.photos, *ticket.resolution_photos]:
        await best_effort(bot.send_photo(chat_id, photo), "re-sending a ticket photo")
    if ticket.voice_file_id:
        await best_effort(bot.send_voice(chat_id, ticket.voice_file_id), "re-sending a voice note")
    if ticket.latitude is not None and ticket.longitude is not None:
        await best_effort(
            bot.send_location(chat_id, ticket.latitude, ticket.longitude), "ticket location"
        )


# ----------------------------------------------------------------------------- /tickets


def _menu(i18n: I18nContext, actor: Actor) -> tuple[str, InlineKeyboardMarkup]:
    takes = bool(scope_roots(actor, Action.TAKE_TICKET))
    return i18n.get("tickets-menu"), menu_keyboard(i18n, tickets.can_oversee(actor), takes)


async def tickets_command(
    message: Message, state: FSMContext, actor: Actor, i18n: I18nContext
) -> None:
    await state.clear()
    text, markup = _menu(i18n, actor)
    await message.answer(text, reply_markup=markup)


def _label(i18n: I18nContext, ticket: Ticket, now: datetime) -> str:
    late = " ⚠" if tickets.is_late(ticket, now) else ""
    return (
        i18n.get(
            "tickets-line",
            number=str(ticket.id),
            category=category_name(i18n, ticket.category),
            status=status_name(i18n, ticket),
        )
        + late
    )


async def show_list(
    query: CallbackQuery,
    callback_data: ListCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    view = callback_data.view
    if view is ListView.MENU:
        await edit_step(query, *_menu(i18n, actor))
        return
    if view is ListView.STATS:
        await _stats(query, callback_data, uow, actor, i18n, settings, now)
        return
    page: Page
    if view is ListView.MINE:
        page = await tickets.my_reports(uow, actor, callback_data.page)
    elif view is ListView.TASKS:
        page = await tickets.my_tasks(uow, actor, callback_data.page)
    else:
        page = await tickets.open_tickets(uow, actor, now, callback_data.page)
    title = i18n.get(f"tickets-title-{view.name.lower()}", page=page.page + 1, pages=page.pages)
    if not page.tickets:
        title = f"{title}\n{i18n.get('tickets-empty')}"
    labels = [_label(i18n, t, now) for t in page.tickets]
    await edit_step(query, title, list_keyboard(i18n, view, page, labels))


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


async def _stats(
    query: CallbackQuery,
    callback_data: ListCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    local = now.astimezone(settings.zone)
    year = callback_data.year or local.year
    month = callback_data.month or local.month
    rows = await tickets.statistics_for(uow, actor, year, month, settings.zone, now)
    lines = [i18n.get("tickets-stats-title", month=f"{year}-{month:02d}")]
    for row in rows:
        s = row.stats
        lines.append(
            i18n.get(
                "tickets-stats-line",
                org=row.org.name,
                reported=s.reported,
                resolved=s.resolved,
                median=_number(s.median_hours),
                overdue=s.overdue,
                rating=_number(s.average_rating),
                rated=_percent(s.rated_share),
            )
        )
    if not rows:
        lines.append(i18n.get("tickets-empty"))
    # a committee's whole subtree can take more than one message: none is cut off
    chunks = [c.strip() for c in split_text([lines[0], *(f"\n{line}" for line in lines[1:])])]
    markup = stats_keyboard(i18n, year, month)
    await edit_step(query, chunks[0], markup if len(chunks) == 1 else None)
    if isinstance(query.message, Message):
        for number, chunk in enumerate(chunks[1:], start=2):
            await query.message.answer(
                chunk, reply_markup=markup if number == len(chunks) else None
            )


# ----------------------------------------------------------------------------- router


def _act(*actions: TicketAction) -> Any:
    return TicketCB.filter(F.action.in_(set(actions)))


def _step(step: ReportStep) -> Any:
    return ReportCB.filter(F.step == step)


async def abort(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await leave_flow(query, state, i18n.get("ticket-aborted"))


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="tickets")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(need_command, Command("need"))
    router.message.register(tickets_command, Command("tickets"))

    cb = router.callback_query
    every_flow = StateFilter(NeedFlow, ReasonFlow, NoteFlow, ResolveFlow, CommentFlow)
    cb.register(abort, _step(ReportStep.ABORT), every_flow)
    cb.register(pick_branch, _step(ReportStep.BRANCH), NeedFlow.branch)
    cb.register(pick_category, _step(ReportStep.CATEGORY), NeedFlow.category)
    cb.register(submit, _step(ReportStep.SUBMIT), NeedFlow.extras)

    cb.register(open_ticket, _act(TicketAction.OPEN))
    cb.register(show_members, _act(TicketAction.ASSIGN))
    cb.register(assign_to, _act(TicketAction.ASSIGN_TO))
    cb.register(post_ticket, _act(TicketAction.POST))
    cb.register(show_duplicates, _act(TicketAction.MERGE))
    cb.register(merge_into, _act(TicketAction.MERGE_INTO))
    cb.register(ask_reason, _act(TicketAction.DECLINE, TicketAction.REFUSE))
    cb.register(claim_ticket, _act(TicketAction.CLAIM))
    cb.register(accept_ticket, _act(TicketAction.ACCEPT))
    cb.register(start_notes, _act(TicketAction.NOTE, TicketAction.RESOLVE))
    cb.register(finish_resolution, _act(TicketAction.FINISH), ResolveFlow.collect)
    cb.register(rate_ticket, _act(TicketAction.RATE))
    cb.register(no_comment, _act(TicketAction.NO_COMMENT))
    cb.register(show_history, _act(TicketAction.HISTORY))
    cb.register(export_history, _act(TicketAction.EXPORT))
    cb.register(show_media, _act(TicketAction.MEDIA))
    cb.register(show_list, ListCB.filter())

    typed = (F.text, ~F.text.startswith("/"))
    msg = router.message
    msg.register(description_typed, NeedFlow.describe, *typed)
    msg.register(description_spoken, NeedFlow.describe, F.voice)
    msg.register(description_expected, NeedFlow.describe, ~F.text.startswith("/"))
    msg.register(extra_photo, NeedFlow.extras, F.photo)
    msg.register(extra_location, NeedFlow.extras, F.location)
    msg.register(extras_expected, NeedFlow.extras, ~F.text.startswith("/"))
    msg.register(reason_typed, ReasonFlow.reason, *typed)
    msg.register(
        note_received, NoteFlow.collect, F.photo | F.voice | (F.text & ~F.text.startswith("/"))
    )
    msg.register(
        resolution_received, ResolveFlow.collect, F.photo | (F.text & ~F.text.startswith("/"))
    )
    msg.register(comment_typed, CommentFlow.comment, *typed)
    return router
