"""/report in the chat: a branch's officers see its month, quarter or year (meetings held of
those required, attendance, dues, needs, guidance) as text under a chart, and export the
registers a branch keeps on paper as XLSX; a committee's admins see the branches below
side by side, scored and starred (lowest first), export them, and set how the score is
weighed.

The numbers come from bot/services/reports.py and registers.py, the score from
scoring.py; charts from bot/charts/report.py, workbooks from bot/exports (texts in
locales/*/reports.ftl). Reports name branches only: members are never ranked.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Coroutine
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    Message,
)
from aiogram_i18n import I18nContext

from bot.charts import report as charts
from bot.config import Settings
from bot.delivery import best_effort
from bot.exports import attendance, tickets_register
from bot.exports import committee as committee_export
from bot.exports import register as register_export
from bot.exports.dues_ledger import month_workbook, year_workbook
from bot.handlers.dues import calendar_of, ledger_labels
from bot.handlers.render import TEXT_LIMIT
from bot.handlers.steps import answer, edit_step, patiently, replace
from bot.i18n import Texts
from bot.keyboards.reports import (
    ExportCB,
    ExportKind,
    ReportCB,
    ReportView,
    Span,
    WeightCB,
    branch_keyboard,
    committee_keyboard,
    periods_of,
    places_keyboard,
    stars_keyboard,
    weights_keyboard,
)
from bot.renderers import Section, fit_sections
from bot.renderers.deadlines import frequency_name, kind_name, period_name
from bot.services import dues, registers, reports, scoring
from bot.services.access import Action, Actor, can
from bot.services.dues_rules import yuan
from bot.services.errors import AccessDenied, InvalidInput, NotFound
from bot.services.organizations import zone_of
from bot.services.periods import Frequency, Period, month_label
from bot.services.reports import BranchReport, CommitteeReport, MeetingAttendance, Progress
from bot.services.scoring import DEFAULT_STARS, DEFAULT_WEIGHTS, Component, ScoringSettings
from storage.models import Organization
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

BRANCHES_PER_PAGE = 10
PROGRESS_INTERVAL = 1.0  # seconds: an export's progress is edited in at most this often
SHUTDOWN_NOTICE_TIMEOUT = 5.0  # seconds the bot's stop waits to say an export was cut short
STARS = "★★★★★"


class StarsFlow(StatesGroup):
    thresholds = State()  # waiting for four typed numbers


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def _current_month(org: Organization, settings: Settings, now: datetime) -> Period:
    """The organization's current month, in its own time zone."""
    return reports.current_period(now, zone_of(org, settings.zone), Frequency.MONTHLY)


def _chat(query: CallbackQuery) -> int:
    return query.message.chat.id if query.message is not None else query.from_user.id


async def _answered(query: CallbackQuery) -> None:
    """Stops the button's spinner before the chart is drawn; a query Telegram no longer
    takes (too old) must not stop the report."""
    await best_effort(query.answer(), "answering a report button")


# ----------------------------------------------------------------------------- texts


def _held_by(texts: Texts, report: BranchReport, meeting: MeetingAttendance) -> str:
    """The kind, and the party group when a group held it: 党小组会 · 第一党小组."""
    kind = kind_name(texts, meeting.kind.value)
    return kind if meeting.org_name == report.branch.name else f"{kind} · {meeting.org_name}"


def branch_text(texts: Texts, report: BranchReport) -> str:
    """The period's numbers; the list of meetings gives way first when the text is long."""
    head = [
        texts.get(
            "report-branch-header",
            branch=report.branch.name,
            period=period_name(texts, report.period.label),
            through=report.through.isoformat(),
        ),
        "",
        texts.get(
            "report-meetings",
            held=str(report.meetings_held),
            required=str(report.meetings_required),
        ),
    ]
    head += [
        texts.get(
            "report-kind-line",
            kind=kind_name(texts, c.kind.value),
            frequency=frequency_name(texts, c.frequency),
            held=str(c.held),
            missed=str(c.missed),
            open=str(c.open),
        )
        for c in report.compliance
    ] or [texts.get("report-meetings-none")]
    meetings = [
        texts.get(
            "report-meeting-line",
            date=f"{m.starts_at.astimezone(report.zone):%m-%d}",
            kind=_held_by(texts, report, m),
            title=m.title,
            present=str(m.present),
            invited=str(m.invited),
            leave=str(m.on_leave),
            rate=percent(m.rate),
        )
        for m in report.meetings
    ]
    attendance_line = texts.get(
        "report-attendance",
        rate=percent(report.attendance_rate),
        present=str(sum(m.present for m in report.meetings)),
        invited=str(sum(m.invited for m in report.meetings)),
    )
    d, t, g = report.dues, report.tickets, report.guidance
    rating = t.average_rating
    tail = [
        texts.get(
            "report-dues",
            paid=yuan(d.paid_fen),
            due=yuan(d.due_fen),
            months_paid=str(d.months_paid),
            months_due=str(d.months_due),
            rate=percent(d.rate),
        ),
        texts.get(
            "report-tickets",
            reported=str(t.reported),
            resolved=str(t.resolved),
            overdue=str(t.overdue),
            rating="—" if rating is None else f"{rating:.1f}",
            rated=str(t.rated),
        ),
        texts.get(
            "report-guidance",
            acknowledged=str(g.acknowledged),
            received=str(g.received),
            rate=percent(g.rate),
        ),
    ]
    return fit_sections(
        head,
        [Section(attendance_line, meetings, len(meetings))],
        tail,
        lambda n: texts.get("report-more-meetings", count=str(n)),
        TEXT_LIMIT,
    )


def _stars(count: int | None) -> str:
    return STARS[:count] if count else "—"


def committee_text(texts: Texts, report: CommitteeReport, page: int, pages: int) -> str:
    """The star levels counted, then the branches lowest score first, a page at a time."""
    rows = report.rows
    lines = [
        texts.get(
            "report-committee-header",
            committee=report.committee.name,
            period=period_name(texts, report.period.label),
        )
    ]
    if not rows:
        return "\n".join([*lines, texts.get("report-committee-empty")])
    levels = [
        texts.get(
            "report-committee-level",
            stars=_stars(level),
            count=str(sum(r.score.stars == level for r in rows)),
        )
        for level in range(5, 0, -1)
    ]
    unscored = sum(r.score.points is None for r in rows)
    if unscored:
        levels.append(texts.get("report-committee-unscored", count=str(unscored)))
    lines += [
        texts.get("report-committee-count", total=str(len(rows))),
        "  ".join(levels),
        "",
        texts.get("report-committee-list"),
    ]
    start = page * BRANCHES_PER_PAGE
    for number, row in enumerate(rows[start : start + BRANCHES_PER_PAGE], start + 1):
        points, name = row.score.points, row.report.branch.name
        if points is None:
            line = texts.get("report-committee-line-unscored", number=str(number), branch=name)
        else:
            line = texts.get(
                "report-committee-line",
                number=str(number),
                branch=name,
                points=f"{points:.1f}",
                stars=_stars(row.score.stars),
            )
        lines.append(line)
    if pages > 1:
        lines.append(texts.get("report-committee-page", page=str(page + 1), pages=str(pages)))
    lines += ["", texts.get("report-committee-hint")]
    return "\n".join(lines)[:TEXT_LIMIT]


def weights_text(texts: Texts, found: ScoringSettings) -> str:
    rules = found.rules
    if found.own:
        source = "report-source-own"
    elif dict(rules.weights) == dict(DEFAULT_WEIGHTS) and rules.stars == DEFAULT_STARS:
        source = "report-source-default"
    else:
        source = "report-source-above"
    lines = [
        texts.get(
            "report-weights-header", committee=found.committee.name, source=texts.get(source)
        )
    ]
    lines += [
        texts.get(
            "report-weight-line",
            component=texts.get(f"report-component-{c.value}"),
            weight=str(rules.weights.get(c, 0)),
        )
        for c in Component
    ]
    levels = [
        texts.get("report-stars-level", stars=_stars(5 - n), points=str(threshold))
        for n, threshold in enumerate(rules.stars)
    ]
    lines += [
        "",
        texts.get("report-stars-line", levels="  ".join(levels), lowest=_stars(1)),
        "",
        texts.get("report-score-explained"),
    ]
    return "\n".join(lines)


# ----------------------------------------------------------------------------- charts


def _chart_labels(texts: Texts, title: str, period: Period) -> dict[str, str]:
    labels = charts.chart_labels(texts.get)
    labels["title"] = title
    labels["period"] = period_name(texts, period.label)
    return labels


async def _replaced(bot: Bot, chat_id: int, chart_id: int, media: InputMediaPhoto) -> bool:
    """Whether the chart photo could be replaced in place (not one too old to edit, or a
    message that is not a photo: an outdated or forged id)."""
    try:
        await patiently(
            lambda: bot.edit_message_media(media=media, chat_id=chat_id, message_id=chart_id)
        )
    except TelegramBadRequest as exc:
        if "not modified" in exc.message:
            return True
        log.info("chart %s in chat %s not replaced: %s", chart_id, chat_id, exc.message)
        return False
    return True


async def _drawn(
    draw: Callable[[Any, dict[str, str]], bytes], report: Any, labels: dict[str, str]
) -> bytes | None:
    """The chart, drawn off the event loop; None when drawing fails (logged): the numbers
    are in the text, which must not be lost with the picture."""
    try:
        return await asyncio.to_thread(draw, report, labels)
    except Exception:
        log.exception("report chart %s could not be drawn", labels.get("title"))
        return None


async def _show(
    bot: Bot,
    chat_id: int,
    query: CallbackQuery | None,
    chart_id: int,
    chart: bytes | None,
    caption: str,
    text: str,
    keyboard: Callable[[int], InlineKeyboardMarkup],
) -> None:
    """The chart photo and under it the text, whose buttons carry the photo's id. A button
    on the text replaces both in place; a command, a choice from a list, or a photo that
    cannot be replaced brings both as new messages. Without a chart the text comes alone
    (in place, the photo of another period above it removed)."""
    if chart is None:
        if query is not None and isinstance(query.message, Message):
            if chart_id:
                await best_effort(bot.delete_message(chat_id, chart_id), "removing a chart")
            await replace(query, text, keyboard(0))
        else:
            await patiently(lambda: bot.send_message(chat_id, text, reply_markup=keyboard(0)))
        return
    image = BufferedInputFile(chart, filename="chart.png")
    if (
        query is not None
        and isinstance(query.message, Message)
        and chart_id
        and await _replaced(bot, chat_id, chart_id, InputMediaPhoto(media=image, caption=caption))
    ):
        await replace(query, text, keyboard(chart_id))
        return
    sent = await patiently(lambda: bot.send_photo(chat_id, image, caption=caption))
    markup = keyboard(sent.message_id)
    await patiently(lambda: bot.send_message(chat_id, text, reply_markup=markup))


# ----------------------------------------------------------------------------- screens


async def show_branch(
    bot: Bot,
    chat_id: int,
    query: CallbackQuery | None,
    uow: UnitOfWork,
    actor: Actor,
    i18n: Texts,
    settings: Settings,
    now: datetime,
    branch_id: int,
    period: Period,
    chart_id: int = 0,
) -> None:
    report = await reports.branch_report(uow, actor, branch_id, period, now, settings.zone)
    if query is not None:
        await _answered(query)
    branch = report.branch
    labels = _chart_labels(i18n, branch.name, period)
    chart = await _drawn(charts.branch_chart, report, labels)
    current = periods_of(reports.current_period(now, report.zone, Frequency.MONTHLY))
    may_dues = can(actor, Action.VIEW_DUES, branch)
    await _show(
        bot,
        chat_id,
        query,
        chart_id,
        chart,
        i18n.get("report-caption", name=branch.name, period=labels["period"]),
        branch_text(i18n, report),
        lambda shown: branch_keyboard(i18n, branch.id, period, current, shown, may_dues),
    )


def _pages(report: CommitteeReport) -> int:
    return max(1, -(-len(report.rows) // BRANCHES_PER_PAGE))


def _committee_markup(
    texts: Texts,
    actor: Actor,
    report: CommitteeReport,
    current: dict[Span, Period],
    page: int,
    chart_id: int,
) -> tuple[str, InlineKeyboardMarkup]:
    pages = _pages(report)
    page = min(page, pages - 1)  # a forged or outdated page number: the last one
    start = page * BRANCHES_PER_PAGE
    listed = [row.report.branch for row in report.rows[start : start + BRANCHES_PER_PAGE]]
    may_set = can(actor, Action.CONFIGURE_SCORING, report.committee)
    markup = committee_keyboard(
        texts, report.committee.id, report.period, current, chart_id, listed, page, pages, may_set
    )
    return committee_text(texts, report, page, pages), markup


async def show_committee(
    bot: Bot,
    chat_id: int,
    query: CallbackQuery | None,
    uow: UnitOfWork,
    actor: Actor,
    i18n: Texts,
    settings: Settings,
    now: datetime,
    committee_id: int,
    period: Period,
    chart_id: int = 0,
) -> None:
    report = await reports.committee_report(uow, actor, committee_id, period, now, settings.zone)
    if query is not None:
        await _answered(query)
    zone = zone_of(report.committee, settings.zone)
    current = periods_of(reports.current_period(now, zone, Frequency.MONTHLY))
    labels = _chart_labels(i18n, report.committee.name, period)
    chart = await _drawn(charts.committee_chart, report, labels)
    text = committee_text(i18n, report, 0, _pages(report))
    await _show(
        bot,
        chat_id,
        query,
        chart_id,
        chart,
        i18n.get("report-caption", name=report.committee.name, period=labels["period"]),
        text,
        lambda shown: _committee_markup(i18n, actor, report, current, 0, shown)[1],
    )


async def committee_page(
    query: CallbackQuery,
    uow: UnitOfWork,
    actor: Actor,
    i18n: Texts,
    settings: Settings,
    now: datetime,
    data: ReportCB,
) -> None:
    """Another page of the list: the text only, the chart above stays."""
    report = await reports.committee_report(
        uow, actor, data.org_id, data.period, now, settings.zone
    )
    zone = zone_of(report.committee, settings.zone)
    current = periods_of(reports.current_period(now, zone, Frequency.MONTHLY))
    await edit_step(query, *_committee_markup(i18n, actor, report, current, data.page, data.chart))


async def _configurable(uow: UnitOfWork, actor: Actor, committee_id: int) -> ScoringSettings:
    """The weights screen is for those who may change it (the committee's admins)."""
    found = await scoring.settings_of(uow, actor, committee_id)
    if not found.may_set:
        raise AccessDenied()
    return found


def weights_screen(
    texts: Texts, found: ScoringSettings, span: Span, first: int, chart: int
) -> tuple[str, InlineKeyboardMarkup]:
    return weights_text(texts, found), weights_keyboard(texts, found, span, first, chart)


async def _leave_stars(state: FSMContext) -> None:
    if await state.get_state() == StarsFlow.thresholds.state:
        await state.clear()


# ----------------------------------------------------------------------------- handlers


def _places_screen(
    texts: Texts, places: reports.Places, settings: Settings, now: datetime
) -> tuple[str, InlineKeyboardMarkup | None]:
    if not places.committees and not places.branches:
        return texts.get("report-none"), None
    markup = places_keyboard(
        texts,
        [(c, _current_month(c, settings, now)) for c in places.committees],
        [(b, _current_month(b, settings, now)) for b in places.branches],
    )
    return texts.get("report-choose"), markup


async def report_command(
    message: Message,
    bot: Bot,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    """A command starts afresh: thresholds asked for before are no longer awaited (numbers
    typed later are not taken for them)."""
    await state.clear()
    places = await reports.places_for(uow, actor)
    found = [*places.committees, *places.branches]
    if len(found) != 1:
        await answer(message, *_places_screen(i18n, places, settings, now))
        return
    only = found[0]
    show = show_committee if places.committees else show_branch
    month = _current_month(only, settings, now)
    await show(bot, message.chat.id, None, uow, actor, i18n, settings, now, only.id, month)


async def report_pressed(
    query: CallbackQuery,
    callback_data: ReportCB,
    bot: Bot,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
) -> None:
    """Any other screen of /report leaves the thresholds flow: text typed after it is not
    taken for them."""
    data, view, chat_id = callback_data, callback_data.view, _chat(query)
    if view is not ReportView.STARS:
        await _leave_stars(state)
    show_args = (uow, actor, i18n, settings, now, data.org_id, data.period)
    if view is ReportView.BRANCH:
        await show_branch(bot, chat_id, query, *show_args, data.chart)
    elif view is ReportView.COMMITTEE:
        await show_committee(bot, chat_id, query, *show_args, data.chart)
    elif view is ReportView.PAGE:
        await committee_page(query, uow, actor, i18n, settings, now, data)
    elif view is ReportView.WEIGHTS:
        found = await _configurable(uow, actor, data.org_id)
        await edit_step(query, *weights_screen(i18n, found, data.span, data.first, data.chart))
    elif view is ReportView.RESET:
        found = await scoring.reset(uow, actor, data.org_id)
        await query.answer(i18n.get("report-weights-reset"))
        await replace(query, *weights_screen(i18n, found, data.span, data.first, data.chart))
    else:
        await ask_stars(query, state, uow, actor, i18n, data)


async def ask_stars(
    query: CallbackQuery,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    data: ReportCB,
) -> None:
    found = await _configurable(uow, actor, data.org_id)
    await state.set_state(StarsFlow.thresholds)
    await state.set_data(
        {
            "committee_id": found.committee.id,
            "span": data.span.value,
            "first": data.first,
            "chart": data.chart,
        }
    )
    markup = stars_keyboard(i18n, found.committee.id, data.span, data.first, data.chart)
    current = " ".join(str(n) for n in found.rules.stars)
    await edit_step(query, i18n.get("report-stars-ask", current=current), markup)


THRESHOLD_SEPARATORS = re.compile(r"[\s,，、;；/]+")


def typed_thresholds(text: str | None) -> list[int]:
    """ "90 80 70 60" (or with commas): the numbers; the service checks their order."""
    parts = [p for p in THRESHOLD_SEPARATORS.split(text or "") if p]
    if not parts or not all(p.isdigit() and len(p) <= 3 for p in parts):
        raise InvalidInput("report-error-stars")
    return [int(p) for p in parts]


async def stars_typed(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    """Numbers the service refuses leave the flow here, to be typed again; a committee out
    of reach (the role taken away meanwhile) ends it."""
    data = await state.get_data()
    try:
        found = await scoring.set_stars(
            uow, actor, data["committee_id"], typed_thresholds(message.text)
        )
    except (AccessDenied, NotFound):
        await state.clear()
        raise
    await state.clear()
    text, markup = weights_screen(i18n, found, Span(data["span"]), data["first"], data["chart"])
    await answer(message, f"{i18n.get('report-stars-saved')}\n\n{text}", markup)


async def weight_pressed(
    query: CallbackQuery,
    callback_data: WeightCB,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
) -> None:
    data = callback_data
    await _leave_stars(state)
    found = await scoring.set_weight(uow, actor, data.committee_id, data.component, data.weight)
    await query.answer(i18n.get("report-weight-saved"))
    await replace(query, *weights_screen(i18n, found, data.span, data.first, data.chart))


# ----------------------------------------------------------------------------- exports


@dataclass(frozen=True)
class Export:
    """A workbook to build off the event loop, and how to send it."""

    build: Callable[[Progress], bytes]
    filename: str
    caption: str


class Exports:
    """Exports being built, one per chat and button. The build runs as a task of its own:
    a user's updates are handled one at a time, so a build awaited in the handler would
    hold back their next tap until it was done; this way the second tap on the same
    export is told it is being prepared, and nothing is built twice."""

    def __init__(self) -> None:
        self._running: dict[tuple[int, str], asyncio.Task[None]] = {}

    def busy(self, key: tuple[int, str]) -> bool:
        return key in self._running

    def start(self, key: tuple[int, str], job: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(job, name=f"report-export:{key[0]}:{key[1]}")
        self._running[key] = task
        task.add_done_callback(lambda _: self._running.pop(key, None))

    async def close(self) -> None:
        """At shutdown: the exports still building are abandoned, their notes saying so (a
        build already in its thread runs on until done, unseen: threads cannot be stopped)."""
        tasks = list(self._running.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


class _Progress:
    """The latest (done, total) the building thread reported, kept on the event loop."""

    def __init__(self) -> None:
        self.share: int | None = None

    def note(self, done: int, total: int) -> None:
        if total > 0:
            self.share = min(100, done * 100 // total)


async def _built(
    bot: Bot, note: Message, texts: Texts, build: Callable[[Progress], bytes]
) -> bytes:
    """Runs `build` in a thread; its progress reaches the loop through call_soon_threadsafe
    and is edited into the note at most every PROGRESS_INTERVAL seconds."""
    loop = asyncio.get_running_loop()
    progress = _Progress()

    def report(done: int, total: int) -> None:  # called from the building thread
        loop.call_soon_threadsafe(progress.note, done, total)

    job = asyncio.ensure_future(asyncio.to_thread(build, report))
    shown: int | None = None
    while not job.done():
        await asyncio.wait({job}, timeout=PROGRESS_INTERVAL)
        if not job.done() and progress.share is not None and progress.share != shown:
            shown = progress.share
            text = texts.get("report-export-progress", percent=str(shown))
            await best_effort(
                bot.edit_message_text(text, chat_id=note.chat.id, message_id=note.message_id),
                "showing an export's progress",
            )
    return job.result()


async def _deliver(bot: Bot, note: Message, texts: Texts, export: Export) -> None:
    chat_id = note.chat.id
    # read now: at shutdown the catalogues close before this task is cancelled
    stopped = texts.get("report-export-interrupted", name=export.filename)
    try:
        content = await _built(bot, note, texts, export.build)
        document = BufferedInputFile(content, filename=export.filename)
        await patiently(
            lambda: bot.send_document(chat_id, document, caption=export.caption[:1024])
        )
        done = texts.get("report-export-done", name=export.filename)
    except asyncio.CancelledError:  # the bot is stopping (its session is still open)
        tell = bot.edit_message_text(stopped, chat_id=chat_id, message_id=note.message_id)
        with suppress(TimeoutError):
            await asyncio.wait_for(
                best_effort(tell, "telling an export was cut short"), SHUTDOWN_NOTICE_TIMEOUT
            )
        raise
    except Exception:  # a task of its own: no error handler would tell the user
        log.exception("export %s for chat %s failed", export.filename, chat_id)
        done = texts.get("report-export-failed", name=export.filename)
    await best_effort(
        bot.edit_message_text(done, chat_id=chat_id, message_id=note.message_id),
        "finishing an export's note",
    )


def _titled(labels: dict[str, str], title: str) -> dict[str, str]:
    labels["title"] = title
    return labels


async def _prepare(
    data: ExportCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: Texts,
    settings: Settings,
    now: datetime,
) -> Export:
    """Reads what the export shows (checking access) and says how to build it."""
    period, kind = data.period, data.export
    text = i18n.get
    if kind is ExportKind.COMMITTEE:
        report = await reports.committee_report(
            uow, actor, data.org_id, period, now, settings.zone
        )
        org = report.committee
        title = i18n.get("report-title-committee", name=org.name, period=_name(i18n, period))
        labels = _titled(committee_export.labels(text), title)
        return Export(
            partial(committee_export.committee_workbook, report, labels),
            f"committee-{org.code}-{period.label}.xlsx",
            title,
        )
    if kind is ExportKind.DUES:
        return await _dues_export(data, uow, actor, i18n, settings, now)
    if kind is ExportKind.TICKETS:
        found = await registers.ticket_register(
            uow, actor, data.org_id, period, now, settings.zone
        )
        title = _export_title(i18n, kind, found.branch, period)
        labels = _titled(tickets_register.labels(text), title)
        return Export(
            _without_progress(tickets_register.tickets_workbook, found, labels),
            f"tickets-{found.branch.code}-{period.label}.xlsx",
            title,
        )
    book = await registers.register(uow, actor, data.org_id, period, now, settings.zone)
    title = _export_title(i18n, kind, book.branch, period)
    if kind is ExportKind.ATTENDANCE:
        labels = _titled(attendance.labels(text), title)
        build = _without_progress(attendance.attendance_workbook, book, labels)
        name = "attendance"
    else:
        labels = _titled(register_export.labels(text), title)
        build = _without_progress(register_export.register_workbook, book, labels)
        name = "register"
    return Export(build, f"{name}-{book.branch.code}-{period.label}.xlsx", title)


def _name(texts: Texts, period: Period) -> str:
    return period_name(texts, period.label)


def _export_title(texts: Texts, kind: ExportKind, branch: Organization, period: Period) -> str:
    return texts.get(
        f"report-title-{kind.name.lower()}", name=branch.name, period=_name(texts, period)
    )


def _without_progress(
    build: Callable[[Any, dict[str, str]], bytes], source: object, labels: dict[str, str]
) -> Callable[[Progress], bytes]:
    def run(_: Progress) -> bytes:
        return build(source, labels)

    return run


async def _dues_export(
    data: ExportCB,
    uow: UnitOfWork,
    actor: Actor,
    i18n: Texts,
    settings: Settings,
    now: datetime,
) -> Export:
    """The dues ledger: the month's sheet for a month, else the year's of the period's year
    (up to the current month; VIEW_DUES, checked by the dues service)."""
    period = data.period
    read = partial(dues.branch_ledger, uow, actor, data.org_id)
    ledger = await read(None, now, settings.zone, calendar_of(settings))
    if period.first > ledger.current:  # not begun in the branch's zone
        raise InvalidInput("report-error-period")
    target = period.first if period.frequency is Frequency.MONTHLY else period.last
    if min(target, ledger.current) != ledger.current:
        ledger = await read(min(target, ledger.current), now, settings.zone, calendar_of(settings))
    names = ledger_labels(i18n)
    branch = ledger.branch
    if period.frequency is Frequency.MONTHLY:
        label = month_label(ledger.month.month)
        names["title"] = i18n.get("dues-xlsx-title-month", branch=branch.name, month=label)
        build = _without_progress(month_workbook, ledger, names)
    else:
        label = str(ledger.year.year)
        names["title"] = i18n.get("dues-xlsx-title-year", branch=branch.name, year=label)
        build = _without_progress(year_workbook, ledger, names)
    return Export(build, f"dues-{branch.code}-{label}.xlsx", names["title"])


async def export_pressed(
    query: CallbackQuery,
    callback_data: ExportCB,
    bot: Bot,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    settings: Settings,
    now: datetime,
    exports: Exports,
) -> None:
    chat_id = _chat(query)
    key = (chat_id, callback_data.pack())
    if exports.busy(key):
        await query.answer(i18n.get("report-export-busy"))
        return
    export = await _prepare(callback_data, uow, actor, i18n, settings, now)
    await _answered(query)
    note = await patiently(
        lambda: bot.send_message(
            chat_id, i18n.get("report-export-preparing", name=export.filename)
        )
    )
    exports.start(key, _deliver(bot, note, i18n, export))


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own (and its own exports)."""
    router = Router(name="reports")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    # a button on a message elsewhere (forged data) must not turn a group's message into a report
    router.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    exports = Exports()
    router.shutdown.register(exports.close)
    router.message.register(report_command, Command("report"))
    # anything but a command while the thresholds are awaited: a photo or a sticker is
    # refused as junk, the flow kept
    router.message.register(stars_typed, StarsFlow.thresholds, ~F.text.startswith("/"))
    router.callback_query.register(report_pressed, ReportCB.filter())
    router.callback_query.register(weight_pressed, WeightCB.filter())
    router.callback_query.register(partial(export_pressed, exports=exports), ExportCB.filter())
    return router
