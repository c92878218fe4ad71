"""Broadcasts in the chat: /broadcast composes a notice, /broadcasts follows the sent ones,
and recipients tap 已学习.

Composing: scope (when the actor broadcasts for several organizations) → which part (all,
some branches, one party group) → which people → the content (text, photo, document or
voice) → urgent or not (admins only) → a preview exactly as recipients will see it, with
the count and the sending time → confirm, change the content, or cancel. On confirm the
progress message is sent first and handed to the service, so the sender in the delivery
layer edits that one message as rows go out. Nothing is sent to the recipients here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.delivery import best_effort
from bot.handlers.render import local_time
from bot.handlers.steps import answer, edit_step, leave_flow, patiently
from bot.i18n import Texts
from bot.keyboards.broadcast import (
    LISTING_OF,
    BroadcastAckCB,
    BroadcastFlowCB,
    BroadcastViewCB,
    FlowStep,
    View,
    abort_keyboard,
    ack_done_keyboard,
    branches_keyboard,
    card_keyboard,
    groups_keyboard,
    list_keyboard,
    names_keyboard,
    preview_keyboard,
    scopes_keyboard,
    urgent_keyboard,
    where_keyboard,
    who_keyboard,
)
from bot.keyboards.meeting_admin import short
from bot.outbox.sender import deliver
from bot.renderers.message import render_message
from bot.services import broadcasts, organizations
from bot.services.access import Actor
from bot.services.broadcasts import AckResult, AudienceSpec, Content, SentBroadcast, Where, Who
from bot.services.errors import AccessDenied, DomainError, InvalidInput
from storage.models import Broadcast, BroadcastKind, BroadcastStatus, ContentType, Delivery
from storage.uow import UnitOfWork

# Quick taps can outrun Telegram's one message a second into a chat: wait as asked, once.
EXCERPT = 40
NAME_MAX = 60

T = TypeVar("T")


class BroadcastFlow(StatesGroup):
    scope = State()
    where = State()
    branches = State()
    group = State()
    who = State()
    content = State()
    urgent = State()
    preview = State()


def _spec(data: dict[str, Any]) -> AudienceSpec:
    return AudienceSpec(
        scope_id=data["scope_id"],
        where=Where(data["where"]),
        org_ids=tuple(data.get("org_ids", ())),
        who=Who(data.get("who", Who.PARTY.value)),
    )


def _content(data: dict[str, Any]) -> Content:
    return Content(ContentType(data["content_type"]), data["text"], data.get("file_id"))


def _audience_label(texts: Texts, targets: list[str], who: str) -> str:
    return texts.get(
        "broadcast-audience", where="、".join(targets), who=texts.get(f"broadcast-who-{who}")
    )


def _label_of(i18n: I18nContext, data: dict[str, Any]) -> str:
    return _audience_label(i18n, data["targets"], data.get("who", Who.PARTY.value))


def content_of(message: Message) -> Content:
    """What the composer sent, or a localized refusal for anything else (stickers, video...)."""
    caption = message.caption or ""
    if message.text is not None:
        return Content(ContentType.TEXT, message.text)
    if message.photo:
        return Content(ContentType.PHOTO, caption, message.photo[-1].file_id)
    if message.document is not None:
        return Content(ContentType.DOCUMENT, caption, message.document.file_id)
    if message.voice is not None:
        return Content(ContentType.VOICE, caption, message.voice.file_id)
    raise InvalidInput("broadcast-error-content-type")


# ----------------------------------------------------------------------------- /broadcast


async def broadcast_command(
    message: Message, state: FSMContext, uow: UnitOfWork, actor: Actor, i18n: I18nContext
) -> None:
    orgs = await broadcasts.scopes(uow, actor)
    await state.clear()
    if len(orgs) == 1:
        text, markup = await _scope_chosen(state, uow, actor, i18n, orgs[0].id)
    else:
        await state.set_state(BroadcastFlow.scope)
        text, markup = i18n.get("broadcast-choose-scope"), scopes_keyboard(i18n, orgs)
    await answer(message, text, markup)


async def _scope_chosen(
    state: FSMContext, uow: UnitOfWork, actor: Actor, i18n: I18nContext, scope_id: int
) -> tuple[str, InlineKeyboardMarkup]:
    scope = await broadcasts.scope(uow, actor, scope_id)
    branches = await broadcasts.branches_in(uow, actor, scope.id)
    groups = await broadcasts.groups_in(uow, actor, scope.id)
    await state.set_data({"scope_id": scope.id, "scope_name": scope.name})
    if len(branches) < 2 and not groups:  # nothing to narrow down to
        await state.update_data(where=Where.SCOPE.value, org_ids=[], targets=[scope.name])
        return await _who_screen(state, i18n)
    await state.set_state(BroadcastFlow.where)
    return (
        i18n.get("broadcast-choose-where", org=scope.name),
        where_keyboard(i18n, branches=len(branches) >= 2, groups=bool(groups)),
    )


async def pick_scope(
    query: CallbackQuery,
    callback_data: BroadcastFlowCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    if callback_data.num not in {org.id for org in await broadcasts.scopes(uow, actor)}:
        raise AccessDenied()
    await edit_step(query, *await _scope_chosen(state, uow, actor, i18n, callback_data.num))


async def pick_where(
    query: CallbackQuery,
    callback_data: BroadcastFlowCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    if callback_data.value == Where.SCOPE.value:
        await state.update_data(where=Where.SCOPE.value, org_ids=[], targets=[data["scope_name"]])
        await edit_step(query, *await _who_screen(state, i18n))
    elif callback_data.value == Where.BRANCHES.value:
        await state.update_data(where=Where.BRANCHES.value, org_ids=[], page=0)
        await edit_step(query, *await _branches_screen(state, uow, actor, i18n))
    elif callback_data.value == Where.GROUP.value:
        await state.update_data(where=Where.GROUP.value, org_ids=[], page=0)
        await edit_step(query, *await _groups_screen(state, uow, actor, i18n))
    else:
        raise InvalidInput("broadcast-error-audience")


async def _branches_screen(
    state: FSMContext, uow: UnitOfWork, actor: Actor, i18n: I18nContext
) -> tuple[str, InlineKeyboardMarkup]:
    data = await state.get_data()
    branches = await broadcasts.branches_in(uow, actor, data["scope_id"])
    await state.set_state(BroadcastFlow.branches)
    return i18n.get("broadcast-choose-branches"), branches_keyboard(
        i18n, branches, set(data["org_ids"]), data["page"]
    )


async def toggle_branch(
    query: CallbackQuery,
    callback_data: BroadcastFlowCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    branches = await broadcasts.branches_in(uow, actor, data["scope_id"])
    if callback_data.num not in {b.id for b in branches}:
        raise InvalidInput("broadcast-error-audience")
    chosen = set(data["org_ids"]) ^ {callback_data.num}
    await state.update_data(org_ids=[b.id for b in branches if b.id in chosen])
    await edit_step(query, *await _branches_screen(state, uow, actor, i18n))


async def branch_page(
    query: CallbackQuery,
    callback_data: BroadcastFlowCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    await state.update_data(page=max(callback_data.num, 0))
    await edit_step(query, *await _branches_screen(state, uow, actor, i18n))


async def branches_done(
    query: CallbackQuery, state: FSMContext, uow: UnitOfWork, actor: Actor, i18n: I18nContext
) -> None:
    data = await state.get_data()
    if not data["org_ids"]:
        raise InvalidInput("broadcast-error-no-branches")
    names = {b.id: b.name for b in await broadcasts.branches_in(uow, actor, data["scope_id"])}
    await state.update_data(targets=[names[i] for i in data["org_ids"] if i in names])
    await edit_step(query, *await _who_screen(state, i18n))


async def _groups_screen(
    state: FSMContext, uow: UnitOfWork, actor: Actor, i18n: I18nContext
) -> tuple[str, InlineKeyboardMarkup]:
    data = await state.get_data()
    groups = await broadcasts.groups_in(uow, actor, data["scope_id"])
    parents = {b.id: b.name for b in await broadcasts.branches_in(uow, actor, data["scope_id"])}
    parents[data["scope_id"]] = data["scope_name"]
    await state.set_state(BroadcastFlow.group)
    return i18n.get("broadcast-choose-group"), groups_keyboard(i18n, groups, parents, data["page"])


async def group_page(
    query: CallbackQuery,
    callback_data: BroadcastFlowCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    await state.update_data(page=max(callback_data.num, 0))
    await edit_step(query, *await _groups_screen(state, uow, actor, i18n))


async def pick_group(
    query: CallbackQuery,
    callback_data: BroadcastFlowCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    data = await state.get_data()
    groups = {g.id: g for g in await broadcasts.groups_in(uow, actor, data["scope_id"])}
    group = groups.get(callback_data.num)
    if group is None:
        raise InvalidInput("broadcast-error-audience")
    # a party group hears as its members: no "which people" step
    await state.update_data(org_ids=[group.id], targets=[group.name], who=Who.PARTY.value)
    await edit_step(query, *await _content_screen(state, i18n))


async def _who_screen(state: FSMContext, i18n: I18nContext) -> tuple[str, InlineKeyboardMarkup]:
    await state.set_state(BroadcastFlow.who)
    return i18n.get("broadcast-choose-who"), who_keyboard(i18n)


async def pick_who(
    query: CallbackQuery, callback_data: BroadcastFlowCB, state: FSMContext, i18n: I18nContext
) -> None:
    if callback_data.value not in {w.value for w in Who}:
        raise InvalidInput("broadcast-error-audience")
    await state.update_data(who=callback_data.value)
    await edit_step(query, *await _content_screen(state, i18n))


async def _content_screen(
    state: FSMContext, i18n: I18nContext
) -> tuple[str, InlineKeyboardMarkup]:
    await state.set_state(BroadcastFlow.content)
    audience = _label_of(i18n, await state.get_data())
    return i18n.get("broadcast-ask-content", audience=audience), abort_keyboard(i18n)


async def content_received(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    content = broadcasts.check_content(content_of(message))
    data = await state.update_data(
        content_type=content.content_type.value, text=content.text, file_id=content.file_id
    )
    scope = await broadcasts.scope(uow, actor, data["scope_id"])
    if broadcasts.may_mark_urgent(actor, scope):
        await state.set_state(BroadcastFlow.urgent)
        text = i18n.get("broadcast-ask-urgent", quiet=str(settings.quiet))
        await answer(message, text, urgent_keyboard(i18n))
        return
    await state.update_data(urgent=False)
    await _show_preview(bot, message.chat.id, state, uow, actor, i18n, settings, now)


async def content_refused(message: Message) -> None:
    raise InvalidInput("broadcast-error-content-type")


async def pick_urgent(
    query: CallbackQuery,
    callback_data: BroadcastFlowCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    await state.update_data(urgent=callback_data.num == 1)
    await query.answer()
    if isinstance(query.message, Message):
        await best_effort(query.message.edit_reply_markup(reply_markup=None), "urgent chosen")
    await _show_preview(bot, query.from_user.id, state, uow, actor, i18n, settings, now)


def _draft(data: dict[str, Any], scope_name: str) -> Broadcast:
    """The broadcast as it will be queued, for the preview (never added to a session)."""
    content = _content(data)
    return Broadcast(
        kind=BroadcastKind.MESSAGE,
        content_type=content.content_type,
        text=content.text,
        file_id=content.file_id,
        payload={"org_name": scope_name},
        urgent=bool(data.get("urgent")),
    )


async def _show_preview(
    bot: Bot,
    chat_id: int,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    """The message exactly as a recipient gets it (the 已学习 button of a draft does nothing),
    then the numbers and the buttons."""
    data = await state.get_data()
    urgent = bool(data.get("urgent"))
    preview = await broadcasts.preview(
        uow, actor, _spec(data), urgent, now, settings.zone, settings.quiet
    )
    outgoing = render_message(_draft(data, data["scope_name"]), Delivery(id=0), i18n)
    await patiently(lambda: deliver(bot, chat_id, outgoing))
    lines = [
        i18n.get("broadcast-preview-title"),
        i18n.get("broadcast-preview-audience", audience=_label_of(i18n, data)),
        i18n.get("broadcast-preview-count", count=preview.recipients),
    ]
    if urgent:
        lines.append(i18n.get("broadcast-preview-urgent"))
    if preview.offline:
        lines.append(i18n.get("broadcast-preview-offline", count=preview.offline))
    if not preview.recipients:
        lines.append(i18n.get("broadcast-preview-nobody"))
    elif preview.held:
        lines.append(
            i18n.get("broadcast-preview-held", time=local_time(preview.send_at, preview.zone))
        )
    else:
        lines.append(i18n.get("broadcast-preview-now"))
    await state.set_state(BroadcastFlow.preview)
    markup = preview_keyboard(i18n, can_send=preview.recipients > 0)
    await patiently(lambda: bot.send_message(chat_id, "\n".join(lines), reply_markup=markup))


async def edit_content(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await edit_step(query, *await _content_screen(state, i18n))


async def confirm(
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
    spec, urgent = _spec(data), bool(data.get("urgent"))
    preview = await broadcasts.preview(
        uow, actor, spec, urgent, now, settings.zone, settings.quiet
    )
    if not preview.recipients:
        raise InvalidInput("broadcast-error-nobody")
    chat_id = query.from_user.id
    if preview.held:
        when = local_time(preview.send_at, preview.zone)
        note = i18n.get("broadcast-progress-held", count=preview.recipients, time=when)
    else:
        note = i18n.get("broadcast-progress-queued", count=preview.recipients)
    # Sent before the rows exist, so the sender can edit it from its first delivery on.
    progress = await patiently(lambda: bot.send_message(chat_id, note))
    try:
        broadcast = await broadcasts.create(
            uow,
            actor,
            spec,
            _content(data),
            urgent=urgent,
            now=now,
            default_zone=settings.zone,
            quiet=settings.quiet,
            progress_chat_id=chat_id,
            progress_message_id=progress.message_id,
            progress_locale=i18n.locale,
        )
    except DomainError:
        await best_effort(bot.delete_message(chat_id, progress.message_id), "progress message")
        raise
    # only now: one user's updates are handled one at a time, so a second tap on "send"
    # finds the flow gone and is answered as a stale button
    await state.clear()
    await edit_step(
        query, i18n.get("broadcast-queued", id=str(broadcast.id), count=broadcast.total), None
    )


async def acknowledge(
    query: CallbackQuery,
    callback_data: BroadcastAckCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    now: datetime,
) -> None:
    result = await broadcasts.acknowledge(uow, actor, callback_data.delivery_id, now)
    recorded = result is AckResult.RECORDED
    await query.answer(i18n.get("broadcast-ack-recorded" if recorded else "broadcast-ack-already"))
    if recorded and isinstance(query.message, Message):
        done = ack_done_keyboard(i18n, callback_data.delivery_id)
        await best_effort(query.message.edit_reply_markup(reply_markup=done), "ack mark")


# ----------------------------------------------------------------------------- /broadcasts


def _excerpt(texts: Texts, broadcast: Broadcast) -> str:
    text = " ".join(broadcast.text.split())
    if broadcast.content_type is not ContentType.TEXT:
        text = f"{texts.get(f'broadcast-content-{broadcast.content_type.value}')} {text}"
    return short(text.strip(), EXCERPT)


def _counts_line(texts: Texts, sent: SentBroadcast) -> str:
    counts = sent.counts
    return texts.get(
        "broadcast-counts",
        sent=counts.sent,
        pending=counts.pending,
        unreachable=counts.unreachable + counts.failed,
        acknowledged=counts.acknowledged,
    )


def _when(settings: Settings, sent: SentBroadcast) -> str:
    zone = organizations.zone_of(sent.org, settings.zone)
    return f"{sent.broadcast.created_at.astimezone(zone):%m-%d %H:%M}"


async def _list_screen(
    uow: UnitOfWork, actor: Actor, i18n: I18nContext, settings: Settings
) -> tuple[str, InlineKeyboardMarkup | None]:
    found = await broadcasts.recent(uow, actor)
    if not found:
        return i18n.get("broadcasts-none"), None
    lines = [i18n.get("broadcasts-header")]
    entries = []
    for number, sent in enumerate(found, 1):
        label = f"{number}. {_when(settings, sent)} · {_excerpt(i18n, sent.broadcast)}"
        lines += [label, f"   {_counts_line(i18n, sent)}"]
        entries.append((sent.broadcast.id, label))
    return "\n".join(lines), list_keyboard(entries)


async def broadcasts_command(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    await state.clear()
    await answer(message, *await _list_screen(uow, actor, i18n, settings))


async def show_list(
    query: CallbackQuery, uow: UnitOfWork, actor: Actor, i18n: I18nContext, settings: Settings
) -> None:
    await edit_step(query, *await _list_screen(uow, actor, i18n, settings))


async def open_broadcast(
    query: CallbackQuery,
    callback_data: BroadcastViewCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    sent = await broadcasts.one(uow, actor, callback_data.broadcast_id)
    broadcast, counts = sent.broadcast, sent.counts
    zone = organizations.zone_of(sent.org, settings.zone)
    payload = broadcast.payload
    lines = [i18n.get("broadcast-card-title", id=str(broadcast.id), time=_when(settings, sent))]
    if broadcast.urgent:
        lines.append(i18n.get("broadcast-card-urgent"))
    audience = _audience_label(i18n, list(payload.get("targets", [])), str(payload.get("who")))
    lines.append(i18n.get("broadcast-preview-audience", audience=audience))
    lines.append(_excerpt(i18n, broadcast))
    lines.append(_counts_line(i18n, sent))
    if broadcast.status is BroadcastStatus.QUEUED and broadcast.not_before > now:
        lines.append(i18n.get("broadcast-card-held", time=local_time(broadcast.not_before, zone)))
    if payload.get("offline"):
        lines.append(i18n.get("broadcast-card-offline", count=payload["offline"]))
    markup = card_keyboard(
        i18n,
        broadcast.id,
        not_acknowledged=max(counts.sent - counts.acknowledged, 0),
        unreachable=counts.unreachable + counts.failed,
    )
    await edit_step(query, "\n".join(lines), markup)


async def show_names(
    query: CallbackQuery,
    callback_data: BroadcastViewCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    view = callback_data.view
    page = await broadcasts.names(
        uow, actor, callback_data.broadcast_id, LISTING_OF[view], callback_data.page
    )
    key = (
        "broadcast-names-not-acknowledged"
        if view is View.NOT_ACKNOWLEDGED
        else "broadcast-names-unreachable"
    )
    lines = [i18n.get(key, total=page.total, page=page.page + 1, pages=page.pages)]
    lines += [f"• {short(name, NAME_MAX)}" for name in page.names]
    if not page.names:
        lines.append(i18n.get("broadcast-names-none"))
    markup = names_keyboard(i18n, page.broadcast.id, view, page.page, page.pages)
    await edit_step(query, "\n".join(lines), markup)


# ----------------------------------------------------------------------------- router


def _step(step: FlowStep) -> Any:
    return BroadcastFlowCB.filter(F.step == step)


def _view(*views: View) -> Any:
    return BroadcastViewCB.filter(F.view.in_(views))


async def abort(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await leave_flow(query, state, i18n.get("flow-cancelled"))


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="broadcast")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(broadcast_command, Command("broadcast"))
    router.message.register(broadcasts_command, Command("broadcasts"))

    cb = router.callback_query
    cb.register(acknowledge, BroadcastAckCB.filter())

    # composing: each button only works in the step that showed it
    cb.register(abort, _step(FlowStep.ABORT), StateFilter(BroadcastFlow))
    cb.register(pick_scope, _step(FlowStep.SCOPE), BroadcastFlow.scope)
    cb.register(pick_where, _step(FlowStep.WHERE), BroadcastFlow.where)
    cb.register(toggle_branch, _step(FlowStep.BRANCH), BroadcastFlow.branches)
    cb.register(branch_page, _step(FlowStep.BRANCH_PAGE), BroadcastFlow.branches)
    cb.register(branches_done, _step(FlowStep.BRANCHES_DONE), BroadcastFlow.branches)
    cb.register(pick_group, _step(FlowStep.GROUP), BroadcastFlow.group)
    cb.register(group_page, _step(FlowStep.GROUP_PAGE), BroadcastFlow.group)
    cb.register(pick_who, _step(FlowStep.WHO), BroadcastFlow.who)
    cb.register(pick_urgent, _step(FlowStep.URGENT), BroadcastFlow.urgent)
    cb.register(confirm, _step(FlowStep.CONFIRM), BroadcastFlow.preview)
    cb.register(edit_content, _step(FlowStep.EDIT), BroadcastFlow.preview)

    # following up
    cb.register(show_list, _view(View.LIST))
    cb.register(open_broadcast, _view(View.OPEN))
    cb.register(show_names, _view(View.NOT_ACKNOWLEDGED, View.UNREACHABLE))

    msg = router.message
    msg.register(content_received, BroadcastFlow.content, F.text, ~F.text.startswith("/"))
    msg.register(content_received, BroadcastFlow.content, F.photo | F.document | F.voice)
    msg.register(content_refused, BroadcastFlow.content, ~F.text.startswith("/"))
    return router
