"""/deadlines in the chat: a branch's officers see each required meeting of the current
period (held, scheduled or missing with the days left); a committee's admins see the
branches below with what is missing, page by page, and set how often each meeting kind is
required in their subtree.

The rules are in bot/services/deadlines.py; these handlers call them and render the result
(texts in locales/*/deadlines.ftl).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.render import TEXT_LIMIT
from bot.handlers.steps import answer, edit_step, replace
from bot.i18n import Texts
from bot.keyboards.deadlines import (
    DeadlinesCB,
    DeadlineView,
    FrequencyCB,
    branch_keyboard,
    committee_keyboard,
    frequencies_keyboard,
    places_keyboard,
)
from bot.renderers.deadlines import frequency_name, kind_name, kind_with_groups, period_name
from bot.services import deadlines
from bot.services.access import Actor
from bot.services.deadlines import (
    DEFAULT_FREQUENCIES,
    SETTABLE_KINDS,
    BranchStatus,
    FrequencySettings,
    KindState,
    Overview,
    Status,
)
from bot.services.roles import Level, MeetingKind
from storage.models import Organization
from storage.uow import UnitOfWork

BRANCHES_PER_PAGE = 20
Screen = tuple[str, InlineKeyboardMarkup | None]


def _when(moment: datetime | None, zone: ZoneInfo, with_time: bool) -> str:
    """A held meeting by its day, a scheduled one by its day and time, in the branch's zone."""
    if moment is None:
        return "—"
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"[: 16 if with_time else 10]


def _status_text(texts: Texts, result: BranchStatus, state: KindState) -> str:
    deadline, days = state.period.end_day().isoformat(), result.days_left(state)
    grouped = state.kind is MeetingKind.GROUP_MEETING
    prefix = "deadlines-status-groups" if grouped else "deadlines-status"
    if state.status is Status.HELD:
        return texts.get(f"{prefix}-held", date=_when(state.at, result.zone, False))
    if state.status is Status.SCHEDULED:
        return texts.get(f"{prefix}-scheduled", date=_when(state.at, result.zone, True))
    return texts.get(f"{prefix}-missing", deadline=deadline, days=days)


def branch_lines(texts: Texts, result: BranchStatus) -> list[str]:
    lines = [
        texts.get(
            "deadlines-branch-header", branch=result.branch.name, today=result.today.isoformat()
        )
    ]
    if not result.kinds:
        lines.append(texts.get("deadlines-branch-none"))
    for state in result.kinds:
        lines.append(
            texts.get(
                "deadlines-kind-line",
                kind=kind_name(texts, state.kind.value),
                frequency=frequency_name(texts, state.frequency),
                period=period_name(texts, state.period.label),
                status=_status_text(texts, result, state),
            )
        )
        for group in state.groups:
            status = texts.get(
                f"deadlines-group-{group.status.value}",
                date=_when(group.at, result.zone, group.status is Status.SCHEDULED),
            )
            lines.append(texts.get("deadlines-group-line", group=group.name, status=status))
    lines += ["", texts.get("deadlines-branch-hint")]
    return lines


async def _branch_screen(
    uow: UnitOfWork,
    actor: Actor,
    i18n: Texts,
    settings: Settings,
    now: datetime,
    branch_id: int,
    back: bool,
) -> Screen:
    result = await deadlines.branch_status(uow, actor, branch_id, now, settings.zone)
    text = "\n".join(branch_lines(i18n, result))[:TEXT_LIMIT]
    return text, branch_keyboard(i18n, back)


def fit_lines(lines: list[str], budget: int) -> list[str]:
    """The lines whole when they fit in `budget` characters together (newlines included),
    else each line longer than one common length cut to it with "…": short lines stay
    whole, and a page of long Mongolian kind names is cut only when it must be."""
    room = budget - max(len(lines) - 1, 0)
    if sum(map(len, lines)) <= room:
        return lines
    cap, left = room, len(lines)
    for length in sorted(map(len, lines)):
        if length * left > room:
            cap = room // left
            break
        room -= length
        left -= 1
    return [line if len(line) <= cap else line[: max(cap - 1, 0)] + "…" for line in lines]


def committee_lines(texts: Texts, overview: Overview, page: int, pages: int) -> list[str]:
    lines = [
        texts.get(
            "deadlines-committee-header",
            committee=overview.committee.name,
            today=overview.today.isoformat(),
        )
    ]
    if overview.total == 0:
        return [*lines, texts.get("deadlines-committee-empty")]
    if not overview.gaps:
        return [*lines, texts.get("deadlines-committee-all-done", total=overview.total)]
    lines.append(
        texts.get("deadlines-committee-counts", total=overview.total, behind=len(overview.gaps))
    )
    separator = texts.get("meeting-list-separator")
    start = page * BRANCHES_PER_PAGE
    branches = [
        texts.get(
            "deadlines-committee-line",
            branch=gap.name,
            kinds=separator.join(
                kind_with_groups(
                    texts,
                    {
                        "kind": s.kind.value,
                        "groups": [g.name for g in s.groups if g.status is Status.MISSING],
                    },
                )
                for s in gap.missing
            ),
        )
        for gap in overview.gaps[start : start + BRANCHES_PER_PAGE]
    ]
    footer = (
        [texts.get("deadlines-committee-page", page=page + 1, pages=pages)] if pages > 1 else []
    )
    # the branch lines get what the header and the footer leave of one message
    budget = TEXT_LIMIT - len("\n".join([*lines, *footer])) - 2
    return [*lines, *fit_lines(branches, budget), *footer]


async def _committee_screen(
    uow: UnitOfWork,
    actor: Actor,
    i18n: Texts,
    settings: Settings,
    now: datetime,
    committee_id: int,
    page: int,
    back: bool,
) -> Screen:
    overview = await deadlines.committee_overview(uow, actor, committee_id, now, settings.zone)
    pages = max(1, -(-len(overview.gaps) // BRANCHES_PER_PAGE))
    page = min(max(page, 0), pages - 1)  # a forged or outdated page number: the nearest one
    text = "\n".join(committee_lines(i18n, overview, page, pages))[:TEXT_LIMIT]
    markup = committee_keyboard(i18n, committee_id, page, pages, overview.may_set, back)
    return text, markup


def frequencies_screen(texts: Texts, settings: FrequencySettings) -> Screen:
    lines = [texts.get("deadlines-frequencies-header", committee=settings.committee.name)]
    for kind in SETTABLE_KINDS:
        if kind in settings.own:
            source = "deadlines-source-own"
        elif settings.inherited[kind] != DEFAULT_FREQUENCIES[kind]:
            source = "deadlines-source-above"
        else:
            source = "deadlines-source-default"
        lines.append(
            texts.get(
                "deadlines-frequency-line",
                kind=kind_name(texts, kind.value),
                frequency=frequency_name(texts, settings.effective(kind)),
                source=texts.get(source),
            )
        )
    lines += ["", texts.get("deadlines-frequencies-hint")]
    return "\n".join(lines), frequencies_keyboard(texts, settings)


def _places_screen(
    texts: Texts, committees: list[Organization], branches: list[Organization]
) -> Screen:
    return texts.get("deadlines-choose"), places_keyboard(texts, committees, branches)


async def deadlines_command(
    message: Message,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    places = await deadlines.places_for(uow, actor)
    only = places.only
    if only is None:
        await answer(message, *_places_screen(i18n, places.committees, places.branches))
    elif only.level is Level.COMMITTEE:
        await answer(
            message, *await _committee_screen(uow, actor, i18n, settings, now, only.id, 0, False)
        )
    else:
        await answer(
            message, *await _branch_screen(uow, actor, i18n, settings, now, only.id, False)
        )


async def deadlines_pressed(
    query: CallbackQuery,
    callback_data: DeadlinesCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    view, org_id = callback_data.view, callback_data.org_id
    if view is DeadlineView.PLACES:
        places = await deadlines.places_for(uow, actor)
        await edit_step(query, *_places_screen(i18n, places.committees, places.branches))
    elif view is DeadlineView.BRANCH:
        await edit_step(
            query, *await _branch_screen(uow, actor, i18n, settings, now, org_id, True)
        )
    elif view is DeadlineView.COMMITTEE:
        await edit_step(
            query,
            *await _committee_screen(
                uow, actor, i18n, settings, now, org_id, callback_data.page, True
            ),
        )
    elif view is DeadlineView.FREQUENCIES:
        found = await deadlines.frequencies_of(uow, actor, org_id)
        await edit_step(query, *frequencies_screen(i18n, found))
    else:
        found = await deadlines.reset_frequencies(uow, actor, org_id)
        await query.answer(i18n.get("deadlines-frequencies-reset"))
        await replace(query, *frequencies_screen(i18n, found))


async def frequency_pressed(
    query: CallbackQuery,
    callback_data: FrequencyCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    found = await deadlines.set_frequency(
        uow, actor, callback_data.committee_id, callback_data.kind, callback_data.frequency
    )
    await query.answer(i18n.get("deadlines-frequency-saved"))
    await replace(query, *frequencies_screen(i18n, found))


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="deadlines")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(deadlines_command, Command("deadlines"))
    router.callback_query.register(deadlines_pressed, DeadlinesCB.filter())
    router.callback_query.register(frequency_pressed, FrequencyCB.filter())
    return router
