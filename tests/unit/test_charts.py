"""The /report charts drawn for real with the set-up's fonts: PNG out, every glyph found
(Chinese, traditional Mongolian, Latin), Mongolian letters joined and turned to run top to
bottom, the numbers a report holds written on the picture, 40 branches at most with the rest
counted, a report without data, charts drawn from two threads at once, and the fonts
reported missing (with the packages to install) where there are none."""

from __future__ import annotations

import asyncio
import gc
import io
import logging
import subprocess
import sys
import threading
import warnings
import weakref
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

import pytest
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from bot.charts import fonts, report
from bot.charts.fonts import FontSetup, prepare_fonts
from bot.charts.report import LABEL_KEYS, MAX_BRANCHES, branch_chart, chart_labels, committee_chart
from bot.i18n import Translator, load_core
from bot.services.periods import Frequency, Period, month_index
from bot.services.reports import (
    BranchReport,
    BranchRow,
    CommitteeReport,
    DuesSummary,
    GuidanceSummary,
    KindCompliance,
    MeetingAttendance,
    TicketSummary,
)
from bot.services.roles import Level, MeetingKind
from bot.services.scoring import DEFAULT_RULES, Score
from storage.models import Organization

SHANGHAI = ZoneInfo("Asia/Shanghai")
Q4 = Period(month_index(2026, 10), month_index(2026, 12))
PNG = b"\x89PNG\r\n\x1a\n"
TITLES = {
    "zh": "红旗嘎查党支部",
    "mn": "ᠤᠯᠠᠭᠠᠨ ᠲᠤᠭ ᠭᠠᠴᠠᠭ᠎ᠠ ᠶᠢᠨ ᠰᠠᠯᠪᠤᠷᠢ",
    "en": "Red Flag Gacha branch",
}


def is_mongolian(text: str) -> bool:
    return any("\u1800" <= ch <= "\u18af" for ch in text)


@pytest.fixture(scope="module")
def setup() -> FontSetup:
    """The fonts the set-up must provide; without them the charts are boxes, so fail."""
    found = prepare_fonts()
    if found.missing:
        pytest.fail(
            f"chart fonts missing: {', '.join(found.missing)}. Run scripts/system-deps.sh as "
            f"root (it installs the Debian packages {' '.join(found.packages)})"
        )
    return found


@pytest.fixture(scope="module")
def texts() -> dict[str, Callable[[str], str]]:
    core = asyncio.run(load_core())
    return {locale: Translator(core, locale).get for locale in ("zh", "mn", "en")}


def labels_for(texts: dict[str, Callable[[str], str]], locale: str) -> dict[str, str]:
    labels = chart_labels(texts[locale])
    labels.update(title=TITLES[locale], period="2026-Q4")
    return labels


@pytest.fixture
def figures(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Figure]]:
    """The figures the charts draw, kept to read their texts and bars."""
    drawn: list[Figure] = []
    encode = report._png

    def keep(fig: Figure) -> bytes:
        drawn.append(fig)
        return encode(fig)

    monkeypatch.setattr(report, "_png", keep)
    yield drawn


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Figure]]:
    """The figures the charts build, not drawn (faster), to read their texts and bars."""
    kept: list[Figure] = []

    def keep(fig: Figure) -> bytes:
        kept.append(fig)
        return b""

    monkeypatch.setattr(report, "_png", keep)
    yield kept


def draw(chart: Callable[[], bytes], caplog: pytest.LogCaptureFixture) -> bytes:
    """The chart's PNG; fails on any warning while drawing (a glyph missing from the fonts,
    a layout that does not fit) and on a font family matplotlib could not find."""
    with (
        caplog.at_level(logging.WARNING, logger="matplotlib"),
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        png = chart()
    assert [str(w.message) for w in caught] == []
    assert [r.getMessage() for r in caught_font_logs(caplog)] == []
    assert png.startswith(PNG)
    return png


def caught_font_logs(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith("matplotlib")]


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height, from the image itself; and something is written on it."""
    from matplotlib.image import imread

    image = imread(io.BytesIO(png), format="png")
    assert (image[..., :3] < 0.5).mean() > 0.002  # dark pixels: text, axes
    return image.shape[1], image.shape[0]


def strings(fig: Figure) -> list[Text]:
    return [t for t in fig.findobj(Text) if isinstance(t, Text) and t.get_text()]


def branch(
    name: str = "红旗嘎查党支部",
    org_id: int = 1,
    *,
    empty: bool = False,
    meetings: int = 6,
) -> BranchReport:
    org = Organization(
        id=org_id, code=f"b{org_id}", name=name, level=Level.BRANCH, path=f"/1/{org_id}/"
    )
    if empty:
        return BranchReport(
            org,
            Q4,
            SHANGHAI,
            date(2026, 11, 21),
            (),
            (),
            DuesSummary(0, 0, 0, 0),
            TicketSummary(0, 0, 0, 0, 0, 0, None),
            GuidanceSummary(0, 0),
        )
    compliance = (
        KindCompliance(MeetingKind.GENERAL_MEETING, Frequency.QUARTERLY, 0, 0, 1),
        KindCompliance(MeetingKind.COMMITTEE_MEETING, Frequency.MONTHLY, 1, 0, 2),
        KindCompliance(MeetingKind.GROUP_MEETING, Frequency.MONTHLY, 3, 1, 2),
        KindCompliance(MeetingKind.PARTY_LECTURE, Frequency.QUARTERLY, 0, 0, 1),
        KindCompliance(MeetingKind.THEMED_PARTY_DAY, Frequency.MONTHLY, 1, 1, 1),
        KindCompliance(MeetingKind.DEMOCRATIC_REVIEW, Frequency.YEARLY, 0, 0, 1),
    )
    held = tuple(
        MeetingAttendance(
            meeting_id=n,
            org_name=name,
            kind=MeetingKind.GROUP_MEETING,
            title="学习",
            # 18:00 UTC is 02:00 the next day in Shanghai: the chart shows local dates
            starts_at=datetime(2026, 10, 1, 18, tzinfo=UTC) + timedelta(days=7 * n),
            invited=10,
            present=10 - n,
            on_leave=1,
        )
        for n in range(meetings)
    )
    return BranchReport(
        org,
        Q4,
        SHANGHAI,
        date(2026, 11, 21),
        compliance,
        held,
        DuesSummary(due_fen=123456, paid_fen=98700, months_due=30, months_paid=24),
        TicketSummary(
            reported=9,
            resolved=6,
            resolved_late=1,
            open_late=2,
            declined=1,
            rated=5,
            average_rating=4.4,
        ),
        GuidanceSummary(3, 2),
    )


def committee(count: int, name: str = "支部") -> CommitteeReport:
    """`count` branches scored 10, 11, 12 … (lowest first, as the report orders them) and
    one without data at the end."""
    rows = [
        BranchRow(branch(f"{name}{n}", n + 2, empty=True), Score(10.0 + n, 1, {}))
        for n in range(count - 1)
    ]
    rows.append(BranchRow(branch(f"{name}-x", 999, empty=True), Score(None, None, {})))
    top = Organization(id=1, code="c", name="苏木党委", level=Level.COMMITTEE, path="/1/")
    return CommitteeReport(top, Q4, DEFAULT_RULES, tuple(rows))


# ------------------------------------------------------------------------------- labels


def test_every_label_is_in_every_language(texts: dict[str, Callable[[str], str]]) -> None:
    for locale in ("zh", "mn", "en"):
        labels = chart_labels(texts[locale])
        assert list(labels) == list(LABEL_KEYS)
        assert [k for k, v in labels.items() if v == k or not v.strip()] == [], locale
    mongolian = chart_labels(texts["mn"])
    own = [v for k, v in mongolian.items() if k.startswith("report-chart-")]
    assert all(is_mongolian(v) for v in own if "XLSX" not in v)
    assert not any("\u0400" <= ch <= "\u04ff" for v in mongolian.values() for ch in v)


# -------------------------------------------------------------------------------- fonts


def test_fonts_are_set_up_in_fallback_order(setup: FontSetup) -> None:
    assert setup.missing == ()
    assert setup.families[:2] == (fonts.MONGOLIAN_FAMILY, fonts.LATIN_FAMILY)
    assert setup.families[2] in fonts.CJK_FAMILIES
    for family in setup.families:
        font_manager.findfont(
            font_manager.FontProperties(family=family), fallback_to_default=False
        )
    assert prepare_fonts() is setup  # once per process


def test_the_mongolian_subset_holds_only_mongolian(
    setup: FontSetup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Latin letters and digits are left to DejaVu Sans; built once into the cache, again
    when the cached file is gone."""
    from fontTools.ttLib import TTFont

    source = font_manager.findfont(
        font_manager.FontProperties(family=fonts.MONGOLIAN_SOURCE), fallback_to_default=False
    )
    monkeypatch.setattr(fonts, "CACHE_DIR", tmp_path)
    built = fonts._mongolian_subset(Path(source))
    assert list(tmp_path.iterdir()) == [built]  # no temporary file left
    cmap = TTFont(built).getBestCmap()
    assert ord("ᠬ") in cmap and 0x202F in cmap  # a letter, the suffix separator
    assert ord("A") not in cmap and ord("1") not in cmap
    assert TTFont(built)["name"].getDebugName(1) == fonts.MONGOLIAN_FAMILY
    assert "GSUB" in TTFont(built)  # the joining forms
    made = built.stat().st_mtime_ns
    assert fonts._mongolian_subset(Path(source)) == built
    assert built.stat().st_mtime_ns == made
    built.unlink()
    assert fonts._mongolian_subset(Path(source)).exists()


def test_missing_fonts_are_reported_with_the_packages(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger=fonts.__name__):
        found = prepare_fonts(tmp_path)
    assert found.missing == ("Noto Sans Mongolian", "Noto Sans CJK SC")
    assert found.packages == ("fonts-noto-core", "fonts-noto-cjk")
    assert found.families == ("DejaVu Sans",)  # charts still draw, with what exists
    (record,) = caplog.records
    assert "fonts-noto-core fonts-noto-cjk" in record.getMessage()


def test_mongolian_letters_join(setup: FontSetup) -> None:
    """Shaped, "ᠬᠤᠷᠠᠯ" is narrower than its five letters drawn one by one (their isolated
    forms); without shaping both widths would be the same."""
    fig = Figure(figsize=(4, 2), dpi=100)
    canvas = FigureCanvasAgg(fig)
    properties = font_manager.FontProperties(family=list(setup.families), size=20)
    word = "ᠬᠤᠷᠠᠯ"
    whole = fig.text(0.1, 0.5, word, fontproperties=properties)
    letters = [fig.text(0.1, 0.2, ch, fontproperties=properties) for ch in word]
    renderer = canvas.get_renderer()
    joined = whole.get_window_extent(renderer).width
    apart = sum(t.get_window_extent(renderer).width for t in letters)
    assert joined < 0.85 * apart


# ---------------------------------------------------------------------------- the charts


@pytest.mark.parametrize("locale", ["zh", "mn", "en"])
def test_branch_chart(
    locale: str,
    setup: FontSetup,
    texts: dict[str, Callable[[str], str]],
    figures: list[Figure],
    caplog: pytest.LogCaptureFixture,
) -> None:
    labels = labels_for(texts, locale)
    png = draw(lambda: branch_chart(branch(), labels), caplog)
    assert png_size(png) == (1000, 700)
    (fig,) = figures
    meetings, _, dues, tickets = fig.axes
    vertical = locale == "mn"
    # the bars' lengths: across they are widths, in columns heights
    assert lengths(dues, vertical) == [1234.56, 987.0]  # yuan, from fen
    assert lengths(tickets, vertical) == [9, 6, 3]  # overdue: 1 resolved late + 2 open late
    written = [t.get_text() for t in strings(fig)]
    assert "1,234.56" in written and "987.00" in written
    assert "10-02" in written and "10-01" not in written  # local dates
    # pooled attendance: (10 + 9 + 8 + 7 + 6 + 5) of 6 × 10 invited
    assert any(f"{labels['report-chart-average']} 75%" in t for t in written)
    assert any("24/30 (80%)" in t for t in written)
    assert any("4.4 / 5" in t for t in written)
    # the kinds' names, wrapped; columns read left to right
    ticks = meetings.get_xticklabels() if vertical else meetings.get_yticklabels()
    lines = [t.get_text().split("\n") for t in ticks]
    assert [" ".join(reversed(n) if vertical else n) for n in lines] == [
        labels[f"meeting-kind-{c.kind.value}"] for c in branch().compliance
    ]
    assert max(len(n) for n in lines) <= 2


def lengths(ax: Axes, vertical: bool) -> list[float]:
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    return [round(b.get_height() if vertical else b.get_width(), 2) for b in bars]


def test_meetings_are_stacked_held_missed_open(
    texts: dict[str, Callable[[str], str]], built: list[Figure]
) -> None:
    branch_chart(branch(), labels_for(texts, "zh"))
    meetings = built[0].axes[0]
    bars = [p for p in meetings.patches if isinstance(p, Rectangle)]
    # six kinds × (held, missed, open), drawn series after series
    held, missed, still_open = [0, 1, 3, 0, 1, 0], [0, 0, 1, 0, 1, 0], [1, 2, 2, 1, 1, 1]
    assert [round(b.get_width()) for b in bars] == [*held, *missed, *still_open]
    starts = [round(b.get_x()) for b in bars[12:]]  # "open" starts after held + missed
    assert starts == [0, 1, 4, 0, 2, 0]


def test_mongolian_runs_top_to_bottom(
    texts: dict[str, Callable[[str], str]], built: list[Figure]
) -> None:
    """Every text with Mongolian letters turned -90° (270°); a Mongolian branch name turns
    a Chinese committee chart too; nothing turned in a Chinese chart."""
    branch_chart(branch(), labels_for(texts, "mn"))
    committee_chart(committee(5, "ᠰᠠᠯᠪᠤᠷᠢ"), labels_for(texts, "zh"))
    for fig in built:
        mongolian = [t for t in strings(fig) if is_mongolian(t.get_text())]
        assert len(mongolian) >= 5
        assert {t.get_rotation() for t in mongolian} == {270.0}
    branch_chart(branch(), labels_for(texts, "zh"))
    assert {t.get_rotation() for t in strings(built[-1])} == {0.0}


def test_a_report_without_data(
    setup: FontSetup,
    texts: dict[str, Callable[[str], str]],
    figures: list[Figure],
    caplog: pytest.LogCaptureFixture,
) -> None:
    for locale in ("zh", "mn"):
        labels = labels_for(texts, locale)
        png = draw(partial(branch_chart, branch(empty=True), labels), caplog)
        assert png_size(png) == (1000, 700)
        written = [t.get_text() for t in strings(figures[-1])]
        assert written.count(labels["report-chart-no-data"]) == 2  # meetings, attendance
        assert labels["report-chart-no-rating"] in "\n".join(written)
        assert "0.00" in written


def test_committee_chart_shows_the_lowest_forty(
    setup: FontSetup,
    texts: dict[str, Callable[[str], str]],
    figures: list[Figure],
    caplog: pytest.LogCaptureFixture,
) -> None:
    for locale in ("zh", "mn"):
        labels = labels_for(texts, locale)
        draw(partial(committee_chart, committee(60), labels), caplog)
        ax = figures[-1].axes[0]
        assert len(ax.patches) == MAX_BRANCHES
        ticks = ax.get_xticklabels() if locale == "mn" else ax.get_yticklabels()
        assert [t.get_text() for t in ticks] == [f"支部{n}" for n in range(40)]
        written = "\n".join(t.get_text() for t in strings(figures[-1]))
        assert any(  # 59 scored and 1 unscored, 40 drawn
            line.startswith(labels["report-chart-more"]) and line.endswith("20")
            for line in written.splitlines()
        )
        assert labels["report-chart-unscored"] not in written  # the unscored one is beyond


def test_committee_chart_marks_the_unscored_and_the_stars(
    texts: dict[str, Callable[[str], str]], built: list[Figure]
) -> None:
    labels = labels_for(texts, "zh")
    report_ = committee(3)
    rows = (
        BranchRow(report_.rows[0].report, Score(95.0, 5, {})),
        BranchRow(report_.rows[1].report, Score(61.5, 2, {})),
        report_.rows[2],
    )
    scored = CommitteeReport(report_.committee, Q4, DEFAULT_RULES, rows)
    committee_chart(scored, labels)
    bars = [p for p in built[0].axes[0].patches if isinstance(p, Rectangle)]
    assert [round(b.get_width(), 1) for b in bars] == [95.0, 61.5, 0.0]
    written = [t.get_text() for t in strings(built[0])]
    assert "95.0 ★★★★★" in written and "61.5 ★★" in written
    assert labels["report-chart-unscored"] in written
    notes = "\n".join(written)
    assert "会议召开 30" in notes and "★★★★☆ ≥ 80" in notes
    assert labels["report-chart-more"] not in notes
    committee_chart(CommitteeReport(report_.committee, Q4, DEFAULT_RULES, ()), labels)
    assert len(built[1].axes[0].patches) == 0
    assert labels["report-chart-no-data"] in [t.get_text() for t in strings(built[1])]


async def test_charts_from_threads_at_once(
    setup: FontSetup, texts: dict[str, Callable[[str], str]]
) -> None:
    """As the handler draws them (asyncio.to_thread): the same picture as one at a time."""
    mn = labels_for(texts, "mn")
    alone = branch_chart(branch(), mn)
    together = await asyncio.gather(*(asyncio.to_thread(branch_chart, branch(), mn),) * 2)
    assert list(together) == [alone, alone]


def test_matplotlib_is_loaded_only_to_draw() -> None:
    """The bot imports the charts module at start; matplotlib (~100 MB) waits for a chart."""
    code = "import sys, bot.charts.report; print('matplotlib' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert done.stdout.strip() == "False"


# --------------------------------------------------------------------- running for long


def test_two_builders_at_once_leave_one_whole_subset(
    setup: FontSetup, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes starting together both build the subset: each writes a file of its own
    and renames it over the target, so the target is always whole and nothing is left."""
    from fontTools.ttLib import TTFont

    source = Path(mongolian_source())
    monkeypatch.setattr(fonts, "CACHE_DIR", tmp_path)
    together = threading.Barrier(2)
    build = fonts._subset

    def in_step(font: Path, out: BinaryIO) -> None:
        together.wait(5)  # both have found no subset and opened their own file
        build(font, out)

    monkeypatch.setattr(fonts, "_subset", in_step)
    with ThreadPoolExecutor(2) as pool:
        made = list(pool.map(lambda _: fonts._mongolian_subset(source), range(2)))
    assert made[0] == made[1] and list(tmp_path.iterdir()) == [made[0]]
    assert TTFont(made[0])["name"].getDebugName(1) == fonts.MONGOLIAN_FAMILY


def mongolian_source() -> str:
    return str(
        font_manager.findfont(
            font_manager.FontProperties(family=fonts.MONGOLIAN_SOURCE),
            fallback_to_default=False,
        )
    )


def test_a_cache_that_cannot_be_written_leaves_mongolian_out(
    setup: FontSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The charts go on without Mongolian letters instead of failing, and the log says why."""
    fonts_here = tmp_path / "fonts"
    fonts_here.mkdir()
    (fonts_here / "NotoSansMongolian-Regular.ttf").symlink_to(mongolian_source())
    blocked = tmp_path / "a-file"
    blocked.write_bytes(b"")
    monkeypatch.setattr(fonts, "CACHE_DIR", blocked / "zhibu-fonts")  # below a file
    with caplog.at_level(logging.WARNING, logger=fonts.__name__):
        found = prepare_fonts(fonts_here)
    assert found.missing == ("Noto Sans Mongolian", "Noto Sans CJK SC")
    assert found.families == ("DejaVu Sans",)
    left_out, missing = caplog.records
    assert left_out.exc_info and "NotoSansMongolian-Regular.ttf left out" in left_out.message
    assert "fonts-noto-core" in missing.getMessage()


def test_figures_are_freed_and_pyplot_is_not_used(
    setup: FontSetup, texts: dict[str, Callable[[str], str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Charts drawn one after another do not pile up: nothing keeps a figure once its PNG
    is made (pyplot would keep every figure until closed)."""
    alive: list[weakref.ref[Figure]] = []
    encode = report._png

    def watched(fig: Figure) -> bytes:
        alive.append(weakref.ref(fig))
        return encode(fig)

    monkeypatch.setattr(report, "_png", watched)
    labels = labels_for(texts, "zh")
    for _ in range(3):
        branch_chart(branch(), labels)
        committee_chart(committee(5), labels)
    gc.collect()
    assert len(alive) == 6 and [ref for ref in alive if ref() is not None] == []
    assert "matplotlib.pyplot" not in sys.modules


def test_a_dollar_sign_in_a_name_is_only_a_dollar_sign(
    setup: FontSetup,
    texts: dict[str, Callable[[str], str]],
    figures: list[Figure],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Names come from people: one holding two "$" with no valid formula between them
    (matplotlib's math markup) made drawing fail, and the whole report with it."""
    name = r"Fund $\frac{1 branch$"
    labels = labels_for(texts, "en") | {"title": name}
    draw(partial(branch_chart, branch(), labels), caplog)
    draw(partial(committee_chart, committee(3, name=r"A $\x$ "), labels), caplog)
    written = [t.get_text() for fig in figures for t in strings(fig)]
    assert any(name in t for t in written) and r"A $\x$ 0" in written
