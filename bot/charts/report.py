"""The /report pictures: a branch's period at a glance, a committee's branches side by side.

Pure: a report from bot.services.reports and the localized labels go in, PNG bytes come out;
the handler calls these in a thread (asyncio.to_thread). Figures are drawn on matplotlib's
Agg canvas, never pyplot, and one at a time (matplotlib's text and font state is shared).

Traditional Mongolian is written in vertical columns read left to right. When any text of a
chart has Mongolian letters the chart is laid out for that: every text turned -90° (top to
bottom), lists of categories along the x axis with their names hanging below, the title as
the first column on the left. Otherwise titles are on top and category names on the y axis.

Labels: `chart_labels(text)` gives every locale string the charts use, keyed by message key;
the handler adds TITLE (the branch's or committee's name) and PERIOD (the period's name as
the chat shows it).
"""

from __future__ import annotations

import io
import textwrap
import threading
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from bot.charts.fonts import prepare_fonts
from bot.services.reports import BranchReport, CommitteeReport
from bot.services.roles import MeetingKind
from bot.services.scoring import Component

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

TITLE = "title"
PERIOD = "period"
_OWN = (
    "meetings",
    "held",
    "missed",
    "open",
    "attendance",
    "average",
    "dues",
    "dues-due",
    "dues-paid",
    "dues-months",
    "tickets",
    "tickets-reported",
    "tickets-resolved",
    "tickets-overdue",
    "rating",
    "no-rating",
    "no-data",
    "scores",
    "score",
    "unscored",
    "weights",
    "stars",
    "more",
)
LABEL_KEYS: tuple[str, ...] = (
    *(f"report-chart-{name}" for name in _OWN),
    *(f"meeting-kind-{kind.value}" for kind in MeetingKind),
    *(f"report-chart-component-{component.value}" for component in Component),
)

MAX_BRANCHES = 40  # bars in the committee chart; the rest are in the XLSX
DPI = 100
BRANCH_SIZE = (10.0, 7.0)  # inches: 1000 × 700 px, a phone screen turned sideways
FONT_SIZE = 9
DATE_TICKS = 16  # at most this many meeting dates under the attendance bars
NAME_WIDTH = 22  # a category name's line, in half-width columns (CJK counts 2)
VERTICAL_NAME_WIDTH = 28  # a Mongolian name's column, in letters
BRANCH_NAME_WIDTH = 28  # a branch name beside its bar, cut beyond that
STAR, NO_STAR = "★", "☆"
GREEN, RED, GREY, BLUE, PALE = "#2e7d32", "#c62828", "#9e9e9e", "#1565c0", "#b0bec5"
STAR_COLORS = {1: "#c62828", 2: "#ef6c00", 3: "#f9a825", 4: "#7cb342", 5: "#2e7d32"}

_drawing_lock = threading.Lock()


def chart_labels(text: Callable[[str], str]) -> dict[str, str]:
    """Every locale string the charts use; the handler adds TITLE and PERIOD."""
    return {key: text(key) for key in LABEL_KEYS}


def branch_chart(report: BranchReport, labels: Mapping[str, str]) -> bytes:
    """Four panels: required meetings per kind (held / missed / not due yet), attendance per
    meeting held, dues paid against due, needs reported / resolved / overdue and the
    average rating."""
    vertical = _has_mongolian(list(labels.values()))
    with _drawing():
        fig = _figure(BRANCH_SIZE)
        _heading(fig, [labels[TITLE], labels[PERIOD]], vertical)
        (meetings, attendance), (dues, tickets) = fig.subplots(2, 2)
        _meetings_panel(meetings, report, labels, vertical)
        _attendance_panel(attendance, report, labels, vertical)
        _dues_panel(dues, report, labels, vertical)
        _tickets_panel(tickets, report, labels, vertical)
        return _png(fig)


def committee_chart(report: CommitteeReport, labels: Mapping[str, str]) -> bytes:
    """Each branch's score (0–100) and stars, lowest first as the report orders them (the
    unscored at the end, marked), with the weights and star thresholds that made them. At
    most MAX_BRANCHES bars; how many more are in the XLSX is noted."""
    rows = report.rows[:MAX_BRANCHES]
    names = [_shorten(row.report.branch.name) for row in rows]
    vertical = _has_mongolian([*labels.values(), *names])
    notes = _score_notes(report, labels, vertical)
    if hidden := len(report.rows) - len(rows):
        notes.append(_after(labels["report-chart-more"], str(hidden)))
    points = [row.score.points for row in rows]
    stars = [row.score.stars for row in rows]
    with _drawing():
        # inches: margins, a bar per branch, a column per line of text when in columns
        across = 0.26 * len(rows)
        size = (2.0 + across + 0.16 * (len(notes) + 4), 7.5) if vertical else (10.0, 3.0 + across)
        fig = _figure((max(6.0, size[0]), max(4.5, size[1])))
        _heading(fig, [labels[TITLE], labels[PERIOD], labels["report-chart-scores"]], vertical)
        ax = fig.subplots()
        if not rows:
            _empty(ax, labels["report-chart-no-data"], vertical)
            return _png(fig)
        places = list(range(len(rows)))
        colors = [STAR_COLORS.get(s or 0, GREY) for s in stars]
        bars = (ax.bar if vertical else ax.barh)(places, [p or 0.0 for p in points], color=colors)
        captions = [
            f"{p:.1f} {STAR * (s or 0)}" if p is not None else labels["report-chart-unscored"]
            for p, s in zip(points, stars, strict=True)
        ]
        ax.bar_label(bars, captions, padding=3, fontsize=8, **_turn(vertical))
        for threshold in report.rules.stars:
            line = ax.axhline if vertical else ax.axvline
            line(threshold, color=GREY, linestyle=":", linewidth=0.8)
        _categories(ax, names, vertical)
        (ax.set_yticks if vertical else ax.set_xticks)(range(0, 101, 20))
        (ax.set_ylim if vertical else ax.set_xlim)(0, 120)  # room for the captions
        if vertical:
            _caption(ax, [labels["report-chart-score"], *notes], vertical)
        else:
            ax.set_xlabel(labels["report-chart-score"])
            _caption(ax, notes, vertical)
        return _png(fig)


# ------------------------------------------------------------------------------- panels


def _meetings_panel(
    ax: Axes, report: BranchReport, labels: Mapping[str, str], vertical: bool
) -> None:
    _caption(ax, [labels["report-chart-meetings"]], vertical)
    if not report.compliance:
        _empty(ax, labels["report-chart-no-data"], vertical)
        return
    series = (
        ("held", [c.held for c in report.compliance], GREEN),
        ("missed", [c.missed for c in report.compliance], RED),
        ("open", [c.open for c in report.compliance], PALE),
    )
    places = list(range(len(report.compliance)))
    base = [0] * len(places)
    for _, values, color in series:
        bars = (ax.bar if vertical else ax.barh)(places, values, 0.6, base, color=color)
        ax.bar_label(bars, [str(v) if v else "" for v in values], label_type="center")
        base = [b + v for b, v in zip(base, values, strict=True)]
    names = [labels[f"meeting-kind-{c.kind.value}"] for c in report.compliance]
    _categories(ax, names, vertical, wrap=True)
    _hide_values(ax, vertical)
    _legend(ax, [(labels[f"report-chart-{name}"], color) for name, _, color in series], vertical)


def _attendance_panel(
    ax: Axes, report: BranchReport, labels: Mapping[str, str], vertical: bool
) -> None:
    pooled = report.attendance_rate
    lines = [labels["report-chart-attendance"]]
    if pooled is not None:
        lines.append(f"{labels['report-chart-average']} {pooled:.0%}")
    _caption(ax, lines, vertical)
    if not report.meetings:
        _empty(ax, labels["report-chart-no-data"], vertical)
        return
    places = list(range(len(report.meetings)))
    ax.bar(places, [(m.rate or 0.0) * 100 for m in report.meetings], 0.7, color=BLUE)
    if pooled is not None:
        ax.axhline(pooled * 100, color=GREEN, linestyle="--", linewidth=1)
    step = -(-len(places) // DATE_TICKS)  # ceiling: every step-th date is written
    dates = [m.starts_at.astimezone(report.zone).strftime("%m-%d") for m in report.meetings]
    ax.set_xticks(places[::step], dates[::step], **_turn(vertical))
    ax.set_xlim(-0.6, len(places) - 0.4)
    ax.set_ylim(0, 100)
    ax.set_yticks(range(0, 101, 25), [f"{v}%" for v in range(0, 101, 25)])


def _dues_panel(ax: Axes, report: BranchReport, labels: Mapping[str, str], vertical: bool) -> None:
    dues = report.dues
    lines = [labels["report-chart-dues"]]
    if dues.rate is not None:
        lines.append(
            f"{labels['report-chart-dues-months']} {dues.months_paid}/{dues.months_due}"
            f" ({dues.rate:.0%})"
        )
    _caption(ax, lines, vertical)
    amounts = [Decimal(dues.due_fen) / 100, Decimal(dues.paid_fen) / 100]
    _value_bars(
        ax,
        [labels["report-chart-dues-due"], labels["report-chart-dues-paid"]],
        [float(a) for a in amounts],
        [f"{a:,.2f}" for a in amounts],
        [PALE, GREEN],
        vertical,
    )


def _tickets_panel(
    ax: Axes, report: BranchReport, labels: Mapping[str, str], vertical: bool
) -> None:
    tickets = report.tickets
    rating = tickets.average_rating
    _caption(
        ax,
        [
            labels["report-chart-tickets"],
            f"{labels['report-chart-rating']} {rating:.1f} / 5"
            if rating is not None
            else labels["report-chart-no-rating"],
        ],
        vertical,
    )
    counts = [tickets.reported, tickets.resolved, tickets.overdue]
    _value_bars(
        ax,
        [labels[f"report-chart-tickets-{name}"] for name in ("reported", "resolved", "overdue")],
        [float(c) for c in counts],
        [str(c) for c in counts],
        [BLUE, GREEN, RED],
        vertical,
    )


def _score_notes(report: CommitteeReport, labels: Mapping[str, str], vertical: bool) -> list[str]:
    """How the score is made: the weights in force and the star thresholds. One line each
    across; in columns, one column per item (a Mongolian column is as long as the picture)."""
    weights = [
        f"{labels[f'report-chart-component-{c.value}']} {w}"
        for c, w in report.rules.weights.items()
        if w
    ]
    stars = [
        f"{STAR * (5 - n)}{NO_STAR * n} ≥ {threshold}"
        for n, threshold in enumerate(report.rules.stars)
    ]
    weights_head, stars_head = labels["report-chart-weights"], labels["report-chart-stars"]
    if vertical:
        return [weights_head, *weights, stars_head, *stars]
    return [_after(weights_head, " · ".join(weights)), _after(stars_head, " · ".join(stars))]


# ------------------------------------------------------------------------------ drawing


@contextmanager
def _drawing() -> Iterator[None]:
    """One chart at a time, with the chart fonts in fallback order."""
    import matplotlib

    setup = prepare_fonts()
    with (
        _drawing_lock,
        matplotlib.rc_context(
            {
                "font.family": list(setup.families),
                "font.size": FONT_SIZE,
                "axes.spines.top": False,
                "axes.spines.right": False,
                "axes.titlesize": FONT_SIZE + 1,
                # names are people's text: "$" is a dollar sign, not the start of math
                "text.parse_math": False,
            }
        ),
    ):
        yield


def _figure(size: tuple[float, float]) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Figure) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def _has_mongolian(texts: Sequence[str]) -> bool:
    return any("\u1800" <= ch <= "\u18af" for text in texts for ch in text)


def _turn(vertical: bool) -> dict[str, Any]:
    """Text properties for the layout: Mongolian (and what stands among it) top to bottom,
    several lines as columns starting at the top."""
    return {"rotation": -90, "multialignment": "left"} if vertical else {}


def _block(lines: Sequence[str], vertical: bool) -> str:
    """Lines as one text. Turned -90°, the first line would be the rightmost column, so the
    lines go in reverse to read left to right."""
    return "\n".join(reversed(lines) if vertical else lines)


def _heading(fig: Figure, lines: Sequence[str], vertical: bool) -> None:
    """The chart's title: on top, or as the first columns on the left, from the top."""
    if vertical:
        fig.supylabel(
            _block(lines, vertical),
            y=0.98,
            ha="left",
            va="top",
            rotation_mode="default",
            fontsize=FONT_SIZE + 3,
            **_turn(vertical),
        )
    else:
        fig.suptitle(" · ".join(lines), fontsize=FONT_SIZE + 3)


def _caption(ax: Axes, lines: Sequence[str], vertical: bool) -> None:
    """A panel's title: above it, or as its first columns on the left, from the top."""
    if vertical:
        ax.set_ylabel(
            _block(lines, vertical),
            y=1.0,
            ha="left",
            va="top",
            rotation_mode="anchor",
            fontsize=FONT_SIZE + 1,
            **_turn(vertical),
        )
    else:
        ax.set_title(_block(lines, vertical))


def _categories(ax: Axes, names: Sequence[str], vertical: bool, wrap: bool = False) -> None:
    """Category names: across, down the y axis from the top; in columns, along the x axis.
    Wrapped names take two or more lines (columns)."""
    places = range(len(names))
    width = VERTICAL_NAME_WIDTH if vertical else NAME_WIDTH
    texts = [_block(_wrap(n, width) if wrap else [n], vertical) for n in names]
    if vertical:
        ax.set_xticks(places, texts, ha="center", va="top", **_turn(vertical))
        ax.set_xlim(-0.6, len(names) - 0.4)
    else:
        ax.set_yticks(places, texts)
        ax.set_ylim(len(names) - 0.4, -0.6)  # the first at the top
    ax.tick_params(axis="x" if vertical else "y", length=0)


def _value_bars(
    ax: Axes,
    names: Sequence[str],
    values: Sequence[float],
    captions: Sequence[str],
    colors: Sequence[str],
    vertical: bool,
) -> None:
    """A few bars, each with its value written at its end instead of a value axis."""
    places = list(range(len(names)))
    bars = (ax.bar if vertical else ax.barh)(places, values, 0.5, color=colors)
    ax.bar_label(bars, captions, padding=3)  # few, wide bars: numbers stay upright
    top = max(values, default=0.0) or 1.0
    (ax.set_ylim if vertical else ax.set_xlim)(0, top * 1.3)  # room for the captions
    _categories(ax, names, vertical, wrap=True)
    _hide_values(ax, vertical)


def _hide_values(ax: Axes, vertical: bool) -> None:
    """No value axis where every bar has its number written on it."""
    if vertical:
        ax.tick_params(axis="y", left=False, labelleft=False)
        ax.spines["left"].set_visible(False)
    else:
        ax.tick_params(axis="x", bottom=False, labelbottom=False)
        ax.spines["bottom"].set_visible(False)


def _legend(ax: Axes, entries: Sequence[tuple[str, str]], vertical: bool) -> None:
    """Colour keys: in a row under the panel; in columns at its right, each swatch above its
    name (matplotlib's own legend cannot stand a turned text beside its swatch)."""
    from matplotlib.offsetbox import AnchoredOffsetbox, DrawingArea, HPacker, TextArea, VPacker
    from matplotlib.patches import Patch, Rectangle

    if not vertical:
        handles = [Patch(color=color, label=text) for text, color in entries]
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            ncols=len(handles),
            frameon=False,
        )
        return
    keys: list[Artist] = []
    for text, color in entries:
        swatch = DrawingArea(FONT_SIZE, FONT_SIZE)
        swatch.add_artist(Rectangle((0, 0), FONT_SIZE, FONT_SIZE, color=color))
        name = TextArea(text, textprops={"rotation": -90, "ha": "left", "va": "bottom"})
        keys.append(VPacker(children=[swatch, name], align="center", pad=0, sep=3))
    ax.add_artist(
        AnchoredOffsetbox(
            "upper left",
            child=HPacker(children=keys, align="top", pad=0, sep=FONT_SIZE),
            bbox_to_anchor=(1.02, 1.0),
            bbox_transform=ax.transAxes,
            frameon=False,
            borderpad=0,
        )
    )


def _empty(ax: Axes, text: str, vertical: bool) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.spines[["left", "bottom"]].set_visible(False)
    ax.text(
        0.5,
        0.5,
        text,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color=GREY,
        **_turn(vertical),
    )


def _after(head: str, text: str) -> str:
    """ "Head: text", without a space after full-width punctuation (Chinese "权重：")."""
    return f"{head}{'' if _width(head[-1:]) == 2 else ' '}{text}"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns` (half-width) columns: at spaces, or between characters in
    text without spaces (Chinese)."""
    if " " in text:
        return textwrap.wrap(text, columns, break_long_words=False) or [text]
    per_line = max(1, columns * len(text) // max(_width(text), 1))
    return [text[i : i + per_line] for i in range(0, len(text), per_line)] or [text]


def _shorten(name: str, columns: int = BRANCH_NAME_WIDTH) -> str:
    """A branch name cut to one line beside its bar (the XLSX has it whole)."""
    if _width(name) <= columns:
        return name
    kept = ""
    for ch in name:
        if _width(kept + ch) > columns - 1:
            break
        kept += ch
    return kept + "…"
