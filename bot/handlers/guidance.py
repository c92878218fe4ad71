"""The guidance feature in the chat: /guidance (admins write, schedule and publish the
month's guidance), /coverage (who was reached, acknowledged, scheduled, held), the
acknowledge and materials buttons under a guidance message, and /themedday (a branch's
fixed 主题党日 day, solar or lunar).

The rules are in bot/services/guidance.py and bot/services/themed_day.py; these handlers
collect input, call them and render the result (texts in locales/*/guidance.ftl).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.delivery import best_effort
from bot.handlers.meetings import parse_when
from bot.handlers.render import local_time, split_text
from bot.handlers.steps import answer, edit_step, leave_flow
from bot.i18n import Texts
from bot.keyboards.guidance import (
    CoverageCB,
    FlowStep,
    GuidanceAckCB,
    GuidanceFilesCB,
    GuidanceFlowCB,
    GuidanceMenuCB,
    MenuAction,
    ThemedDayAction,
    ThemedDayCB,
    branches_keyboard,
    committees_keyboard,
    coverage_committees_keyboard,
    coverage_months_keyboard,
    days_keyboard,
    guidance_keyboard,
    materials_keyboard,
    members_keyboard,
    months_keyboard,
    preview_keyboard,
    published_keyboard,
    step_keyboard,
    themed_day_keyboard,
)
from bot.renderers.guidance import fit, guidance_lines, rule_label
from bot.services import guidance, organizations, themed_day
from bot.services.access import Actor
from bot.services.errors import InvalidInput
from bot.services.guidance import Content, Coverage, SaveMode
from storage.models import Guidance, GuidanceStatus, Organization
from storage.uow import UnitOfWork

URL_PATTERN = re.compile(r"https?://\S+")
DATE_PATTERN = re.compile(
    r"^\s*(?:(?P<year>\d{4})\s*[-/.年]\s*)?(?:(?P<month>\d{1,2})\s*[-/.月]\s*)?"
    r"(?P<day>\d{1,2})\s*[日号]?\s*$"
)
NAMES_SHOWN = 40  # branch names per coverage list before "… and N more"


class GuidanceFlow(StatesGroup):
    theme = State()
    body = State()
    materials = State()
    activities = State()
    deadline = State()
    publish = State()
    members = State()
    preview = State()


def _zone(data: dict[str, Any]) -> ZoneInfo:
    return ZoneInfo(data["zone"])


def parse_deadline(text: str, month: str) -> date | None:
    """`YYYY-MM-DD`, `MM-DD` or a bare day of the guidance's month; None if unreadable."""
    found = DATE_PATTERN.match(text)
    if found is None:
        return None
    year, number = guidance.parse_month(month)
    try:
        return date(
            int(found.group("year") or year),
            int(found.group("month") or number),
            int(found.group("day")),
        )
    except ValueError:
        return None


async def guidance_command(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    await state.clear()
    committees = await guidance.committees_for(uow, actor)
    if len(committees) == 1:
        await answer(
            message, *await _months_screen(uow, actor, i18n, settings, now, committees[0])
        )
        return
    await answer(message, i18n.get("guidance-choose-committee"), committees_keyboard(committees))


async def _months_screen(
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
    committee: Organization,
) -> tuple[str, InlineKeyboardMarkup]:
    entries = await guidance.months_for(uow, actor, committee.id, now, settings.zone)
    lines = [i18n.get("guidance-months-header", committee=committee.name)]
    for entry in entries:
        if entry.guidance is not None:
            status = i18n.get(f"guidance-status-{entry.guidance.status.value}")
            lines.append(f"• {entry.month} · {status} · {entry.guidance.theme}")
    pairs = [(e.month, e.guidance) for e in entries]
    return "\n".join(lines), months_keyboard(i18n, committee.id, pairs)


async def pick_committee(
    query: CallbackQuery,
    callback_data: GuidanceMenuCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    committee = await guidance.committee_for(uow, actor, callback_data.committee_id)
    await edit_step(query, *await _months_screen(uow, actor, i18n, settings, now, committee))


def _preview_payload(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "committee": data["committee"],
        "month": data["month"],
        "theme": data.get("theme", ""),
        "body": data.get("body", ""),
        "activities": data.get("activities", ""),
        "deadline": data.get("deadline", ""),
        "materials": data.get("materials", []),
    }


async def pick_month(
    query: CallbackQuery,
    callback_data: GuidanceMenuCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
) -> None:
    committee = await guidance.committee_for(uow, actor, callback_data.committee_id)
    month = callback_data.month
    found = await guidance.for_month(uow, actor, committee.id, month)
    zone = organizations.zone_of(committee, settings.zone)
    if found is not None and found.status is GuidanceStatus.PUBLISHED:
        assert found.published_at is not None
        lines = [
            *guidance_lines(i18n, _stored_payload(found, committee)),
            "",
            i18n.get("guidance-already-published", time=local_time(found.published_at, zone)),
        ]
        await edit_step(query, fit(lines), published_keyboard(i18n, committee.id, found.id))
        return
    await state.clear()
    await state.set_data(
        {
            "committee_id": committee.id,
            "committee": committee.name,
            "month": month,
            "zone": zone.key,
            "existing": found is not None,
            **(_stored_values(found) if found is not None else {}),
        }
    )
    await state.set_state(GuidanceFlow.theme)
    text = i18n.get("guidance-ask-theme", month=month)
    if found is not None:
        text = "\n".join([text, i18n.get("guidance-current", value=found.theme)])
    await edit_step(query, text, step_keyboard(i18n, keep=found is not None))


def _stored_payload(found: Guidance, committee: Organization) -> dict[str, Any]:
    return {
        "committee": committee.name,
        "month": found.month,
        "theme": found.theme,
        "body": found.body,
        "activities": found.activities,
        "deadline": found.deadline.isoformat(),
        "materials": found.materials,
    }


def _stored_values(found: Guidance) -> dict[str, Any]:
    return {
        "theme": found.theme,
        "body": found.body,
        "activities": found.activities,
        "materials": list(found.materials),
        "deadline": found.deadline.isoformat(),
        "publish_at": found.publish_at.isoformat(),
        "to_members": found.to_members,
    }


# each step: what it asks, and the buttons it offers


async def _ask_body(state: FSMContext, i18n: Texts) -> tuple[str, InlineKeyboardMarkup]:
    data = await state.get_data()
    await state.set_state(GuidanceFlow.body)
    return i18n.get("guidance-ask-body"), step_keyboard(
        i18n, keep=bool(data.get("body")), skip=True
    )


async def _ask_materials(state: FSMContext, i18n: Texts) -> tuple[str, InlineKeyboardMarkup]:
    count = len((await state.get_data()).get("materials", []))
    await state.set_state(GuidanceFlow.materials)
    return i18n.get("guidance-ask-materials", count=count), materials_keyboard(i18n, count)


async def _ask_activities(state: FSMContext, i18n: Texts) -> tuple[str, InlineKeyboardMarkup]:
    data = await state.get_data()
    await state.set_state(GuidanceFlow.activities)
    return i18n.get("guidance-ask-activities"), step_keyboard(
        i18n, keep=bool(data.get("activities")), skip=True
    )


async def _ask_deadline(state: FSMContext, i18n: Texts) -> tuple[str, InlineKeyboardMarkup]:
    data = await state.get_data()
    await state.set_state(GuidanceFlow.deadline)
    default = data.get("deadline") or guidance.default_deadline(data["month"]).isoformat()
    first, last = guidance.month_bounds(data["month"])
    text = i18n.get("guidance-ask-deadline", first=str(first), last=str(last))
    return text, step_keyboard(i18n, default=default)


async def _ask_publish(
    state: FSMContext, i18n: Texts, now: datetime
) -> tuple[str, InlineKeyboardMarkup]:
    data = await state.get_data()
    zone = _zone(data)
    await state.set_state(GuidanceFlow.publish)
    suggested = _suggested_publish(data, now)
    shown = f"{suggested.astimezone(zone):%Y-%m-%d %H:%M}" if suggested else None
    text = i18n.get("guidance-ask-publish", zone=zone.key)
    return text, step_keyboard(i18n, default=shown, skip=True)


def _suggested_publish(data: dict[str, Any], now: datetime) -> datetime | None:
    """The stored moment or the 1st at 09:00, if still ahead; otherwise nothing to suggest."""
    stored = datetime.fromisoformat(data["publish_at"]) if data.get("publish_at") else None
    for moment in (stored, guidance.default_publish_at(data["month"], _zone(data))):
        if moment is not None and moment > now:
            return moment
    return None


async def _ask_members(state: FSMContext, i18n: Texts) -> tuple[str, InlineKeyboardMarkup]:
    await state.set_state(GuidanceFlow.members)
    return i18n.get("guidance-ask-members"), members_keyboard(i18n)


async def _preview(
    state: FSMContext, i18n: Texts, now: datetime
) -> tuple[str, InlineKeyboardMarkup]:
    data = await state.get_data()
    zone = _zone(data)
    await state.set_state(GuidanceFlow.preview)
    publish_at = datetime.fromisoformat(data["publish_at"]) if data.get("publish_at") else None
    scheduled = publish_at if publish_at is not None and publish_at > now else None
    audience = i18n.get(
        "guidance-audience-members" if data.get("to_members") else "guidance-audience-officers"
    )
    lines = [
        i18n.get("guidance-preview-header"),
        *guidance_lines(i18n, _preview_payload(data)),
        "",
        i18n.get("guidance-line-audience", audience=audience),
    ]
    shown = local_time(scheduled, zone) if scheduled else None
    if shown:
        lines.append(i18n.get("guidance-line-publish-at", time=shown))
    return fit(lines), preview_keyboard(i18n, shown)


# typed answers


async def theme_typed(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    theme = " ".join((message.text or "").split())
    if not theme or len(theme) > guidance.THEME_MAX:
        raise InvalidInput("guidance-error-theme", max=guidance.THEME_MAX)
    await state.update_data(theme=theme)
    await answer(message, *await _ask_body(state, i18n))


async def body_typed(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    body = (message.text or "").strip()
    if len(body) > guidance.BODY_MAX:
        raise InvalidInput("guidance-error-body", max=guidance.BODY_MAX)
    await state.update_data(body=body)
    await answer(message, *await _ask_materials(state, i18n))


async def material_received(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    """Links as text (one per line, a name before the link if wanted), files as documents
    or photos (the caption names them)."""
    found: list[dict[str, Any]] = []
    if message.document is not None:
        found.append(
            {
                "kind": "document",
                "file_id": message.document.file_id,
                "name": message.caption or message.document.file_name or "",
            }
        )
    elif message.photo:
        found.append(
            {"kind": "photo", "file_id": message.photo[-1].file_id, "name": message.caption or ""}
        )
    else:
        for line in (message.text or "").splitlines():
            url = URL_PATTERN.search(line)
            if url is not None:
                name = line[: url.start()].strip(" :：-—") or url.group(0)
                found.append({"kind": "link", "url": url.group(0), "name": name})
        if not found:
            raise InvalidInput("guidance-error-link")
    materials = [
        *(await state.get_data()).get("materials", []),
        *map(guidance.check_material, found),
    ]
    if len(materials) > guidance.MATERIALS_MAX:
        raise InvalidInput("guidance-error-materials", max=guidance.MATERIALS_MAX)
    await state.update_data(materials=materials)
    await answer(
        message,
        i18n.get("guidance-material-added", count=len(materials)),
        materials_keyboard(i18n, len(materials)),
    )


async def activities_typed(message: Message, state: FSMContext, i18n: I18nContext) -> None:
    activities = (message.text or "").strip()
    if len(activities) > guidance.ACTIVITIES_MAX:
        raise InvalidInput("guidance-error-activities", max=guidance.ACTIVITIES_MAX)
    await state.update_data(activities=activities)
    await answer(message, *await _ask_deadline(state, i18n))


async def deadline_typed(
    message: Message, state: FSMContext, i18n: I18nContext, now: datetime
) -> None:
    data = await state.get_data()
    deadline = parse_deadline(message.text or "", data["month"])
    first, last = guidance.month_bounds(data["month"])
    if deadline is None:
        raise InvalidInput("guidance-error-deadline", first=str(first), last=str(last))
    guidance.check_deadline(deadline, data["month"])
    await state.update_data(deadline=deadline.isoformat())
    await answer(message, *await _ask_publish(state, i18n, now))


async def publish_typed(
    message: Message, state: FSMContext, i18n: I18nContext, now: datetime
) -> None:
    data = await state.get_data()
    zone = _zone(data)
    moment = parse_when(message.text or "", zone, now)
    if moment is None:
        raise InvalidInput("guidance-error-publish-when")
    if moment <= now:
        raise InvalidInput("guidance-error-publish-past")
    await state.update_data(publish_at=moment.isoformat())
    await answer(message, *await _ask_members(state, i18n))


# buttons of the flow


async def flow_button(
    query: CallbackQuery,
    callback_data: GuidanceFlowCB,
    state: FSMContext,
    i18n: I18nContext,
    now: datetime,
) -> None:
    """Keep / skip / default / done in whichever step showed them."""
    step, current = callback_data.step, await state.get_state()
    data = await state.get_data()
    if current == GuidanceFlow.theme.state and step is FlowStep.KEEP and data.get("theme"):
        await edit_step(query, *await _ask_body(state, i18n))
    elif current == GuidanceFlow.body.state and step in (FlowStep.KEEP, FlowStep.SKIP):
        if step is FlowStep.SKIP:
            await state.update_data(body="")
        await edit_step(query, *await _ask_materials(state, i18n))
    elif current == GuidanceFlow.materials.state and step is FlowStep.MATERIALS_DONE:
        await edit_step(query, *await _ask_activities(state, i18n))
    elif current == GuidanceFlow.materials.state and step is FlowStep.MATERIALS_CLEAR:
        await state.update_data(materials=[])
        await edit_step(query, *await _ask_materials(state, i18n))
    elif current == GuidanceFlow.activities.state and step in (FlowStep.KEEP, FlowStep.SKIP):
        if step is FlowStep.SKIP:
            await state.update_data(activities="")
        await edit_step(query, *await _ask_deadline(state, i18n))
    elif current == GuidanceFlow.deadline.state and step is FlowStep.DEFAULT:
        default = data.get("deadline") or guidance.default_deadline(data["month"]).isoformat()
        await state.update_data(deadline=default)
        await edit_step(query, *await _ask_publish(state, i18n, now))
    elif current == GuidanceFlow.publish.state and step in (FlowStep.DEFAULT, FlowStep.SKIP):
        suggested = _suggested_publish(data, now) if step is FlowStep.DEFAULT else None
        if step is FlowStep.DEFAULT and suggested is None:
            raise InvalidInput("guidance-error-publish-past")
        await state.update_data(publish_at=suggested.isoformat() if suggested else None)
        await edit_step(query, *await _ask_members(state, i18n))
    elif current == GuidanceFlow.members.state and step is FlowStep.MEMBERS:
        await state.update_data(to_members=callback_data.value == "1")
        await edit_step(query, *await _preview(state, i18n, now))
    else:
        raise InvalidInput("error-stale-button")


async def save_pressed(
    query: CallbackQuery,
    callback_data: GuidanceFlowCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    data = await state.get_data()
    mode = {
        FlowStep.DRAFT: SaveMode.DRAFT,
        FlowStep.SCHEDULE: SaveMode.SCHEDULE,
        FlowStep.PUBLISH: SaveMode.PUBLISH,
    }[callback_data.step]
    zone = _zone(data)
    publish_at = (
        datetime.fromisoformat(data["publish_at"])
        if data.get("publish_at")
        else guidance.default_publish_at(data["month"], zone)
    )
    content = Content(
        theme=data["theme"],
        body=data.get("body", ""),
        activities=data.get("activities", ""),
        materials=tuple(data.get("materials", [])),
        deadline=date.fromisoformat(data["deadline"]),
        publish_at=publish_at,
        to_members=bool(data.get("to_members")),
    )
    saved = await guidance.save(
        uow,
        actor,
        data["committee_id"],
        data["month"],
        content,
        mode,
        now,
        settings.zone,
        settings.quiet,
    )
    await state.clear()
    if mode is SaveMode.PUBLISH:
        text = i18n.get("guidance-published", month=saved.month, theme=saved.theme)
        markup: InlineKeyboardMarkup | None = published_keyboard(
            i18n, data["committee_id"], saved.id
        )
    elif mode is SaveMode.SCHEDULE:
        text = i18n.get(
            "guidance-scheduled", month=saved.month, time=local_time(saved.publish_at, zone)
        )
        markup = None
    else:
        text = i18n.get("guidance-draft-saved", month=saved.month)
        markup = None
    await edit_step(query, text, markup)


async def text_expected(message: Message, i18n: I18nContext) -> None:
    await answer(message, i18n.get("guidance-text-expected"))


# ----------------------------------------------------------------------------- the buttons


async def acknowledge(
    query: CallbackQuery,
    callback_data: GuidanceAckCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    now: datetime,
) -> None:
    done = await guidance.acknowledge(uow, actor, callback_data.guidance_id, now)
    names = i18n.get("meeting-list-separator").join(b.name for b in done.branches)
    await query.answer(i18n.get("guidance-acknowledged", branches=names))
    if isinstance(query.message, Message):
        files = any(m.get("kind") in ("document", "photo") for m in done.guidance.materials)
        markup = guidance_keyboard(i18n, done.guidance.id, acknowledge=False, files=files)
        await best_effort(
            query.message.edit_reply_markup(reply_markup=markup), "dropping the button"
        )


async def send_files(
    query: CallbackQuery,
    callback_data: GuidanceFilesCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
) -> None:
    """The guidance's documents and photos, sent to whoever pressed (if it reached them)."""
    files = await guidance.materials_for(uow, actor, callback_data.guidance_id)
    await query.answer(i18n.get("guidance-files-sending", count=len(files)))
    chat_id = query.from_user.id
    for material in files:
        caption = material.get("name") or None
        if material["kind"] == "photo":
            await best_effort(
                bot.send_photo(chat_id, material["file_id"], caption=caption), "a photo"
            )
        else:
            await best_effort(
                bot.send_document(chat_id, material["file_id"], caption=caption), "a file"
            )


# ----------------------------------------------------------------------------- /coverage


async def coverage_command(
    message: Message,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    committees = await guidance.committees_for(uow, actor)
    if len(committees) > 1:
        await answer(
            message,
            i18n.get("guidance-choose-committee"),
            coverage_committees_keyboard(committees),
        )
        return
    for text, markup in await _coverage_screens(
        uow, actor, i18n, settings, now, committees[0].id, 0
    ):
        await answer(message, text, markup)


async def coverage_pressed(
    query: CallbackQuery,
    callback_data: CoverageCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    screens = await _coverage_screens(
        uow, actor, i18n, settings, now, callback_data.committee_id, callback_data.guidance_id
    )
    await query.answer()
    if isinstance(query.message, Message):
        for text, markup in screens:
            await query.message.answer(text, reply_markup=markup)


async def _coverage_screens(
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
    committee_id: int,
    guidance_id: int,
) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """The counts and the lists of laggards, in as many messages as 4096 characters need;
    the other months' buttons under the last one."""
    published = await guidance.published_of(uow, actor, committee_id)
    if not published:
        return [(i18n.get("coverage-none"), None)]
    chosen = next((g for g in published if g.id == guidance_id), published[0])
    result = await guidance.coverage(uow, actor, chosen.id, now, settings.zone)
    chunks = split_text(coverage_lines(i18n, result))
    markup = coverage_months_keyboard(committee_id, published, chosen.id)
    return [(chunk, markup if i == len(chunks) - 1 else None) for i, chunk in enumerate(chunks)]


def coverage_lines(texts: Texts, result: Coverage) -> list[str]:
    total = len(result.rows)
    lines = [
        texts.get(
            "coverage-header",
            committee=result.committee.name,
            month=result.guidance.month,
            theme=result.guidance.theme,
            deadline=result.guidance.deadline.isoformat(),
        ),
        texts.get(
            "coverage-counts",
            total=total,
            reached=result.count("reached"),
            acknowledged=result.count("acknowledged"),
            scheduled=result.count("scheduled"),
            held=result.count("held"),
        ),
    ]
    for name, key in (
        ("acknowledged", "coverage-not-acknowledged"),
        ("scheduled", "coverage-not-scheduled"),
        ("held", "coverage-not-held"),
    ):
        missing = [row.branch.name for row in result.rows if not getattr(row, name)]
        if not missing:
            continue
        lines += ["", texts.get(key, count=len(missing))]
        lines += [f"• {branch}" for branch in missing[:NAMES_SHOWN]]
        if len(missing) > NAMES_SHOWN:
            lines.append(texts.get("guidance-list-more", count=len(missing) - NAMES_SHOWN))
    return lines


# ----------------------------------------------------------------------------- /themedday


async def themedday_command(
    message: Message,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    branches = await themed_day.branches_for(uow, actor)
    if not branches:
        await answer(message, i18n.get("themedday-no-branch"))
    elif len(branches) == 1:
        await answer(message, *_branch_screen(i18n, settings, now, branches[0]))
    else:
        await answer(message, i18n.get("themedday-choose-branch"), branches_keyboard(branches))


def _branch_screen(
    i18n: Texts, settings: Settings, now: datetime, branch: Organization, saved: bool = False
) -> tuple[str, InlineKeyboardMarkup]:
    rule = themed_day.rule_of(branch)
    lines = [i18n.get("themedday-saved")] if saved else []
    if rule is None:
        lines.append(i18n.get("themedday-unset", branch=branch.name))
    else:
        today = now.astimezone(organizations.zone_of(branch, settings.zone)).date()
        dates = "、".join(d.isoformat() for d in themed_day.next_dates(rule, today))
        lines.append(
            i18n.get(
                "themedday-current",
                branch=branch.name,
                rule=rule_label(i18n, rule.calendar.value, rule.day),
                dates=dates,
            )
        )
    lines.append(i18n.get("themedday-how"))
    return "\n".join(lines), themed_day_keyboard(i18n, branch.id, rule is not None)


async def themedday_pressed(
    query: CallbackQuery,
    callback_data: ThemedDayCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    action, branch_id = callback_data.action, callback_data.branch_id
    if action is ThemedDayAction.BRANCH:
        branch = await themed_day.branch_for(uow, actor, branch_id)
        await edit_step(query, *_branch_screen(i18n, settings, now, branch))
    elif action is ThemedDayAction.CALENDAR:
        branch = await themed_day.branch_for(uow, actor, branch_id)
        kind = themed_day.check_rule(callback_data.calendar, 1).calendar
        await edit_step(
            query,
            i18n.get(f"themedday-ask-{kind.value}", branch=branch.name),
            days_keyboard(i18n, branch.id, kind),
        )
    elif action is ThemedDayAction.DAY:
        rule = themed_day.check_rule(callback_data.calendar, callback_data.day)
        branch = await themed_day.set_rule(uow, actor, branch_id, rule)
        await edit_step(query, *_branch_screen(i18n, settings, now, branch, saved=True))
    else:
        branch = await themed_day.set_rule(uow, actor, branch_id, None)
        await edit_step(query, *_branch_screen(i18n, settings, now, branch, saved=True))


# ----------------------------------------------------------------------------- router


def _flow(*steps: FlowStep) -> Any:
    return GuidanceFlowCB.filter(F.step.in_(set(steps)))


async def abort(query: CallbackQuery, state: FSMContext, i18n: I18nContext) -> None:
    await leave_flow(query, state, i18n.get("flow-cancelled"))


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="guidance")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(guidance_command, Command("guidance"))
    router.message.register(coverage_command, Command("coverage"))
    router.message.register(themedday_command, Command("themedday"))

    cb = router.callback_query
    cb.register(acknowledge, GuidanceAckCB.filter())
    cb.register(send_files, GuidanceFilesCB.filter())
    cb.register(coverage_pressed, CoverageCB.filter())
    cb.register(themedday_pressed, ThemedDayCB.filter())
    cb.register(pick_committee, GuidanceMenuCB.filter(F.action == MenuAction.COMMITTEE))
    cb.register(pick_month, GuidanceMenuCB.filter(F.action == MenuAction.MONTH))
    cb.register(abort, _flow(FlowStep.ABORT), StateFilter(GuidanceFlow))
    cb.register(
        save_pressed,
        _flow(FlowStep.DRAFT, FlowStep.SCHEDULE, FlowStep.PUBLISH),
        GuidanceFlow.preview,
    )
    cb.register(flow_button, GuidanceFlowCB.filter(), StateFilter(GuidanceFlow))

    typed = (F.text, ~F.text.startswith("/"))
    msg = router.message
    msg.register(theme_typed, GuidanceFlow.theme, *typed)
    msg.register(body_typed, GuidanceFlow.body, *typed)
    msg.register(material_received, GuidanceFlow.materials, F.document | F.photo)
    msg.register(material_received, GuidanceFlow.materials, *typed)
    msg.register(activities_typed, GuidanceFlow.activities, *typed)
    msg.register(deadline_typed, GuidanceFlow.deadline, *typed)
    msg.register(publish_typed, GuidanceFlow.publish, *typed)
    msg.register(text_expected, StateFilter(GuidanceFlow), ~F.text.startswith("/"))
    return router
