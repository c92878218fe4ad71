"""A committee's branches side by side as an XLSX workbook: one row per branch in the
report's order (lowest score first), its points and stars, each component's rate and the
raw figures behind it; the second sheet states the rules in force (weights, what each
component measures, the star thresholds, how missing data is handled), so a number in the
first sheet can be checked by hand.

Pure: the report from bot.services.reports and the localized labels go in, the file's bytes
come out (safe in asyncio.to_thread; `progress` is called from that thread, every
PROGRESS_EVERY rows and at the end). The handler adds labels["title"].
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.exports.sheet import Book, money, percent
from bot.services.reports import BranchRow, CommitteeReport, Progress
from bot.services.scoring import Component

PROGRESS_EVERY = 50
STARS = 5
RAW = (
    "meetings-held",
    "meetings-required",
    "present",
    "invited",
    "dues-paid",
    "dues-due",
    "months-paid",
    "months-due",
    "tickets-judged",
    "tickets-on-time",
    "tickets-overdue",
    "average-rating",
    "guidance-acknowledged",
    "guidance-received",
)
RULES = ("points", "respread", "no-data", "order")
LABEL_KEYS = (
    "report-xlsx-sheet-branches",
    "report-xlsx-sheet-rules",
    "report-xlsx-branch",
    "report-xlsx-points",
    "report-xlsx-stars",
    "report-xlsx-stars-number",
    "report-xlsx-no-score",
    *(f"report-component-{c.value}" for c in Component),
    *(f"report-xlsx-{r}" for r in RAW),
    "report-xlsx-component",
    "report-xlsx-weight",
    "report-xlsx-share",
    "report-xlsx-measures",
    *(f"report-xlsx-measures-{c.value}" for c in Component),
    "report-xlsx-min-points",
    "report-xlsx-notes",
    *(f"report-xlsx-rule-{r}" for r in RULES),
)


def labels(text: Callable[[str], str]) -> dict[str, str]:
    """The workbook's strings from the locale (the handler adds "title")."""
    return {key: text(key) for key in LABEL_KEYS}


def stars_text(stars: int) -> str:
    return "★" * stars + "☆" * (STARS - stars)


def branch_row(row: BranchRow, labels: Mapping[str, str]) -> list[Any]:
    report, score = row.report, row.score
    tickets, dues = report.tickets, report.dues
    rating = tickets.average_rating
    return [
        report.branch.name,
        score.points,
        stars_text(score.stars) if score.stars is not None else labels["report-xlsx-no-score"],
        score.stars,
        *(percent(score.rates.get(c)) for c in Component),
        report.meetings_held,
        report.meetings_required,
        sum(m.present for m in report.meetings),
        sum(m.invited for m in report.meetings),
        money(dues.paid_fen),
        money(dues.due_fen),
        dues.months_paid,
        dues.months_due,
        tickets.judged,
        tickets.resolved - tickets.resolved_late,
        tickets.overdue,
        round(rating, 2) if rating is not None else None,
        report.guidance.acknowledged,
        report.guidance.received,
    ]


def committee_workbook(
    report: CommitteeReport, labels: Mapping[str, str], progress: Progress | None = None
) -> bytes:
    book = Book()
    out = book.sheet(labels["report-xlsx-sheet-branches"])
    out.add([labels["title"]], bold=True)
    out.add(
        [
            labels["report-xlsx-branch"],
            labels["report-xlsx-points"],
            labels["report-xlsx-stars"],
            labels["report-xlsx-stars-number"],
            *(labels[f"report-component-{c.value}"] for c in Component),
            *(labels[f"report-xlsx-{r}"] for r in RAW),
        ],
        bold=True,
    )
    total = len(report.rows)
    for done, row in enumerate(report.rows, start=1):
        out.add(branch_row(row, labels))
        if progress is not None and done % PROGRESS_EVERY == 0 and done < total:
            progress(done, total)
    _rules(book, report, labels)
    content = book.save()
    if progress is not None:
        progress(total, total)
    return content


def _rules(book: Book, report: CommitteeReport, labels: Mapping[str, str]) -> None:
    """Weights, thresholds and the rules in words, the text in the wide second column."""
    rules = report.rules
    out = book.sheet(labels["report-xlsx-sheet-rules"], freeze=None)
    out.add([labels["title"]], bold=True)
    out.add(
        [labels[f"report-xlsx-{k}"] for k in ("component", "measures", "weight", "share")],
        bold=True,
    )
    weights = {c: rules.weights.get(c, 0) for c in Component}
    total = sum(weights.values())
    for component, weight in weights.items():
        out.add(
            [
                labels[f"report-component-{component.value}"],
                labels[f"report-xlsx-measures-{component.value}"],
                weight,
                percent(weight / total if total else None),
            ],
            wrap={2},
        )
    out.skip()
    out.add([labels["report-xlsx-stars"], labels["report-xlsx-min-points"]], bold=True)
    for number, threshold in enumerate(rules.stars):
        out.add([stars_text(STARS - number), threshold])
    out.add([stars_text(STARS - len(rules.stars)), 0])
    out.skip()
    for number, rule in enumerate(RULES):
        heading = labels["report-xlsx-notes"] if number == 0 else None
        out.add([heading, labels[f"report-xlsx-rule-{rule}"]], wrap={2})
    out.width(2, 70)
