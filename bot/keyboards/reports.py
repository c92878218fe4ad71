"""Callback data and keyboards of /report: choosing a branch or committee, the period
buttons, the exports, a committee's branch list, and the scoring weights.

Callback data carries ids and choices only; the services check every one again (who
pressed, whether they may see or set that organization, whether the period has begun)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder
from pydantic import Field

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded
from bot.services.periods import Frequency, Period, month_index
from bot.services.scoring import MAX_WEIGHT, WEIGHT_STEP, Component, ScoringSettings
from storage.models import Organization

FIRST_MONTH = month_index(2000, 1)  # the earliest month a report shows
LAST_MONTH = month_index(9998, 12)  # far in the future, still within a date's range
# A month named in a button; forged data out of these bounds matches no handler.
Month = Annotated[int, Field(ge=FIRST_MONTH, le=LAST_MONTH)]
# An organization's id: a forged one beyond what the database stores (a 64-bit integer)
# would fail in the driver instead of being refused as a stale button.
OrgId = Annotated[int, Field(ge=1, le=2**63 - 1)]


class ReportView(StrEnum):
    BRANCH = "b"
    COMMITTEE = "c"  # a committee's branches, lowest score first: chart and first page
    PAGE = "p"  # another page of that list (the chart above stays)
    WEIGHTS = "w"  # the committee's scoring rules
    RESET = "r"  # the committee's weights and thresholds back to what it inherits
    STARS = "s"  # ask for four typed thresholds


class Span(StrEnum):
    MONTH = "m"
    QUARTER = "q"
    YEAR = "y"

    @property
    def frequency(self) -> Frequency:
        return SPAN_FREQUENCY[self]


SPAN_FREQUENCY = {
    Span.MONTH: Frequency.MONTHLY,
    Span.QUARTER: Frequency.QUARTERLY,
    Span.YEAR: Frequency.YEARLY,
}


def span_of(period: Period) -> Span:
    return next(s for s, f in SPAN_FREQUENCY.items() if f is period.frequency)


class ReportCB(Bounded, CallbackData, prefix="rp"):
    """A screen of /report. `first` is the first month of the shown period (any month of
    it: the period is the month, quarter or year containing it); `chart` the id of the
    chart photo above the text, replaced in place when the period changes."""

    view: ReportView
    org_id: OrgId
    span: Span = Span.MONTH
    first: Month
    page: int = Field(default=0, ge=0)
    chart: int = Field(default=0, ge=0)

    @property
    def period(self) -> Period:
        return Period.containing(self.first, self.span.frequency)


class ExportKind(StrEnum):
    REGISTER = "r"  # 组织生活记录册
    ATTENDANCE = "a"
    DUES = "d"
    TICKETS = "t"
    COMMITTEE = "c"  # the committee's branches side by side


class ExportCB(Bounded, CallbackData, prefix="rpx"):
    export: ExportKind
    org_id: OrgId
    span: Span
    first: Month

    @property
    def period(self) -> Period:
        return Period.containing(self.first, self.span.frequency)


class WeightCB(Bounded, CallbackData, prefix="rpw"):
    """Set `component`'s weight to `weight`: the button carries the value it sets, so a
    repeated tap sets the same value again instead of stepping on. `span`, `first` and
    `chart` lead back to the committee view the weights were opened from."""

    committee_id: OrgId
    component: Component
    weight: int
    span: Span
    first: Month
    chart: int = Field(default=0, ge=0)


def places_keyboard(
    texts: Texts,
    committees: Sequence[tuple[Organization, Period]],
    branches: Sequence[tuple[Organization, Period]],
) -> InlineKeyboardMarkup:
    """Each place opens on its current month (in its own time zone)."""
    builder = InlineKeyboardBuilder()
    for view, key, places in (
        (ReportView.COMMITTEE, "report-button-committee", committees),
        (ReportView.BRANCH, "report-button-branch", branches),
    ):
        for org, month in places:
            builder.button(
                text=texts.get(key, name=org.name),
                callback_data=ReportCB(view=view, org_id=org.id, first=month.first),
            )
    builder.adjust(1)
    return builder.as_markup()


def _period_rows(
    builder: InlineKeyboardBuilder,
    texts: Texts,
    view: ReportView,
    org_id: int,
    shown: Period,
    current: dict[Span, Period],
    chart: int,
) -> list[int]:
    """‹ › around the shown period (not past the current one), then this and last month,
    quarter and year (the shown one marked). Returns the row sizes."""

    def add(text: str, period: Period) -> None:
        builder.button(
            text=text,
            callback_data=ReportCB(
                view=view, org_id=org_id, span=span_of(period), first=period.first, chart=chart
            ),
        )

    length = shown.last - shown.first + 1
    later = Period(shown.first + length, shown.last + length)
    steps = 0
    if shown.previous().first >= FIRST_MONTH:
        add("‹", shown.previous())
        steps += 1
    if later.first <= current[span_of(shown)].first:
        add("›", later)
        steps += 1
    for span in Span:
        this = current[span]
        for key, period in (("this", this), ("last", this.previous())):
            text = texts.get(f"report-button-{key}-{span.frequency.value}")
            add(f"• {text}" if period == shown else text, period)
    return [steps, 2, 2, 2] if steps else [2, 2, 2]


def _export(
    builder: InlineKeyboardBuilder, text: str, kind: ExportKind, org_id: int, p: Period
) -> None:
    builder.button(
        text=text,
        callback_data=ExportCB(export=kind, org_id=org_id, span=span_of(p), first=p.first),
    )


def branch_keyboard(
    texts: Texts,
    branch_id: int,
    shown: Period,
    current: dict[Span, Period],
    chart: int,
    dues: bool,
) -> InlineKeyboardMarkup:
    """Periods, and the exports of the shown period (the dues ledger for those who see
    dues)."""
    builder = InlineKeyboardBuilder()
    rows = _period_rows(builder, texts, ReportView.BRANCH, branch_id, shown, current, chart)
    exports = [ExportKind.REGISTER, ExportKind.ATTENDANCE, ExportKind.TICKETS]
    if dues:
        exports.insert(2, ExportKind.DUES)
    for kind in exports:
        _export(
            builder, texts.get(f"report-button-export-{kind.name.lower()}"), kind, branch_id, shown
        )
    rows += [2] * (len(exports) // 2) + [1] * (len(exports) % 2)
    builder.adjust(*rows)
    return builder.as_markup()


def committee_keyboard(
    texts: Texts,
    committee_id: int,
    shown: Period,
    current: dict[Span, Period],
    chart: int,
    listed: Sequence[Organization],
    page: int,
    pages: int,
    may_set: bool,
) -> InlineKeyboardMarkup:
    """A button per listed branch (its report for the same period), the pages, the
    periods, the XLSX and, for those who may set them, the weights."""
    builder = InlineKeyboardBuilder()
    span, first = span_of(shown), shown.first
    for branch in listed:
        builder.button(
            text=texts.get("report-button-branch", name=branch.name),
            callback_data=ReportCB(
                view=ReportView.BRANCH, org_id=branch.id, span=span, first=first
            ),
        )
    rows = [1] * len(listed)
    nav = [(texts.get("nav-prev"), page - 1)] if page > 0 else []
    nav += [(texts.get("nav-next"), page + 1)] if page + 1 < pages else []
    for text, target in nav:
        builder.button(
            text=text,
            callback_data=ReportCB(
                view=ReportView.PAGE,
                org_id=committee_id,
                span=span,
                first=first,
                page=target,
                chart=chart,
            ),
        )
    rows += [len(nav)] if nav else []
    rows += _period_rows(builder, texts, ReportView.COMMITTEE, committee_id, shown, current, chart)
    _export(
        builder,
        texts.get("report-button-export-committee"),
        ExportKind.COMMITTEE,
        committee_id,
        shown,
    )
    if may_set:
        builder.button(
            text=texts.get("report-button-weights"),
            callback_data=ReportCB(
                view=ReportView.WEIGHTS, org_id=committee_id, span=span, first=first, chart=chart
            ),
        )
    rows.append(2 if may_set else 1)
    builder.adjust(*rows)
    return builder.as_markup()


def weights_keyboard(
    texts: Texts, found: ScoringSettings, span: Span, first: int, chart: int
) -> InlineKeyboardMarkup:
    """Per component −/+ buttons that set the next lower or higher weight; the thresholds;
    reset when the committee set its own; back to the committee view."""
    committee_id = found.committee.id
    builder = InlineKeyboardBuilder()
    rows = []
    for component in Component:
        weight = found.rules.weights.get(component, 0)
        name = texts.get(f"report-component-{component.value}")
        row = 0
        for sign, target in (("−", weight - WEIGHT_STEP), ("+", weight + WEIGHT_STEP)):
            if 0 <= target <= MAX_WEIGHT:
                builder.button(
                    text=texts.get(
                        "report-button-weight", sign=sign, component=name, weight=str(target)
                    ),
                    callback_data=WeightCB(
                        committee_id=committee_id,
                        component=component,
                        weight=target,
                        span=span,
                        first=first,
                        chart=chart,
                    ),
                )
                row += 1
        rows.append(row)
    views = [(ReportView.STARS, "report-button-stars")]
    if found.own:
        views.append((ReportView.RESET, "report-button-reset"))
    views.append((ReportView.COMMITTEE, "report-button-back"))
    for view, key in views:
        builder.button(
            text=texts.get(key),
            callback_data=ReportCB(
                view=view, org_id=committee_id, span=span, first=first, chart=chart
            ),
        )
    rows += [1] * len(views)
    builder.adjust(*rows)
    return builder.as_markup()


def stars_keyboard(
    texts: Texts, committee_id: int, span: Span, first: int, chart: int
) -> InlineKeyboardMarkup:
    """While the thresholds are being typed: back to the weights."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=texts.get("report-button-back"),
        callback_data=ReportCB(
            view=ReportView.WEIGHTS, org_id=committee_id, span=span, first=first, chart=chart
        ),
    )
    return builder.as_markup()


def periods_of(current_month: Period) -> dict[Span, Period]:
    """This month, quarter and year, from the current month."""
    return {span: Period.containing(current_month.first, span.frequency) for span in Span}
