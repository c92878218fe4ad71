"""A branch's dues ledger as an XLSX workbook: the month sheet (one line per assessed
member and a totals row) or the year sheet (members × twelve months, due and paid).

Pure: the ledger from bot.services.dues.branch_ledger and the localized labels go in, the
file's bytes come out, so the handler can build it off the event loop. The numbers are the
ledger's own, the very ones the chat overview shows. Amounts are exact decimals in yuan
(two places); names are written as text, never as formulas.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.exports.sheet import Book, money
from bot.services.dues import Ledger
from bot.services.dues_rules import DuesCategory
from bot.services.periods import month_label

MONTH_COLUMNS = ("member", "category", "due", "paid", "paid-on", "arrears-months", "arrears")
# The labels a workbook needs (the handler fills them from the locale).
MONTH_LABELS = (
    "title",
    *MONTH_COLUMNS,
    "total",
    *(f"category-{c.value}" for c in DuesCategory),
)
YEAR_LABELS = (
    "title",
    "member",
    "due",
    "paid",
    "due-total",
    "paid-total",
    "arrears-months",
    "arrears",
    "total",
)


def month_workbook(ledger: Ledger, labels: Mapping[str, str]) -> bytes:
    """One line per member assessed at the branch in the month, then the totals."""
    sheet = ledger.month
    book = Book()
    out = book.sheet(month_label(sheet.month))
    out.add([labels["title"]], bold=True)
    out.add(
        [labels[key] for key in MONTH_COLUMNS],
        bold=True,
    )
    for line in sheet.lines:
        out.add(
            [
                line.name,
                labels[f"category-{line.category.value}"],
                money(line.due_fen),
                money(line.paid_fen),
                line.paid_on.isoformat() if line.paid_on else "",
                line.arrears_months,
                money(line.arrears_fen),
            ]
        )
    out.add(
        [
            labels["total"],
            "",
            money(sheet.due_fen),
            money(sheet.paid_fen),
            "",
            sheet.arrears_months,
            money(sheet.arrears_fen),
        ],
        bold=True,
    )
    return book.save()


def year_workbook(ledger: Ledger, labels: Mapping[str, str]) -> bytes:
    """Members × the twelve months (due, paid), the year's totals and the arrears at the
    year's end (or now, for the current year). Months after the current one show no due,
    only what was paid ahead."""
    year = ledger.year
    book = Book()
    out = book.sheet(str(year.year))
    out.add([labels["title"]], bold=True)
    header = [labels["member"]]
    for month in year.months:
        header += [
            f"{month_label(month)} {labels['due']}",
            f"{month_label(month)} {labels['paid']}",
        ]
    header += [labels[k] for k in ("due-total", "paid-total", "arrears-months", "arrears")]
    out.add(header, bold=True)
    for line in year.lines:
        row: list[Any] = [line.name]
        for month in year.months:
            due = line.due.get(month)
            paid = line.paid.get(month)
            row += [
                money(due) if due is not None else None,
                money(paid) if paid is not None else None,
            ]
        row += [money(line.due_fen), money(line.paid_fen), line.arrears_months]
        row.append(money(line.arrears_fen))
        out.add(row)
    totals: list[Any] = [labels["total"]]
    for month in year.months:
        counted = month <= year.last
        totals += [money(year.due_in(month)) if counted else None, money(year.paid_in(month))]
    totals += [
        money(year.due_fen),
        money(year.paid_fen),
        sum(line.arrears_months for line in year.lines),
        money(year.arrears_fen),
    ]
    out.add(totals, bold=True)
    return book.save()
