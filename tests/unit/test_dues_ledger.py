"""The dues ledger XLSX read back with openpyxl: every line and the totals equal the service's
ledger (the numbers the chat overview shows), amounts are exact, names stay text."""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.exports.dues_ledger import MONTH_LABELS, YEAR_LABELS, month_workbook, year_workbook
from bot.services import dues
from bot.services.dues_rules import DuesCategory
from bot.services.roles import Role
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.factories import actor_of, build_tree, make_person
from tests.unit.test_dues import (
    CALENDAR,
    NOV,
    OCT,
    SEP,
    SHANGHAI,
    add_profile,
    record,
    report,
)

LABELS = {key: f"<{key}>" for key in (*MONTH_LABELS, *YEAR_LABELS)}


def fen(value: Any) -> int:
    """A money cell back in fen (openpyxl reads numbers as floats)."""
    return int((Decimal(str(value)) * 100).to_integral_value())


def rows_of(content: bytes) -> tuple[str, list[list[Any]]]:
    sheet = load_workbook(io.BytesIO(content)).active
    return sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
async def ledger(uow: Callable[[], UnitOfWork], clock: FakeClock) -> dues.Ledger:
    tree = await build_tree(uow)
    async with uow() as u:
        sly = await make_person(u, "=HYPERLINK(1)", 3200, [(tree.group_a1, Role.MEMBER)])
        await u.commit()
    secretary = await actor_of(uow, tree.secretary_a)
    await add_profile(uow, tree.member_a.id, tree.branch_a, SEP, 1_173)
    await add_profile(uow, tree.leader_a1.id, tree.branch_a, OCT, 20, DuesCategory.FARMER)
    await add_profile(uow, sly.id, tree.branch_a, NOV, 0, DuesCategory.HARDSHIP)
    await add_profile(uow, tree.secretary_a.id, tree.branch_a, NOV, 5_005, DuesCategory.RETIRED)
    await record(uow, secretary, tree.branch_a, [tree.member_a.id], [SEP, OCT], clock)
    await record(uow, secretary, tree.branch_a, [tree.secretary_a.id], [NOV], clock)
    paid = await report(uow, await actor_of(uow, tree.leader_a1), [OCT, NOV], 100, clock)
    async with uow() as u:
        await dues.confirm_payment(u, secretary, paid.payment.id, clock())
    async with uow() as u:
        return await dues.branch_ledger(
            u, secretary, tree.branch_a.id, None, clock(), SHANGHAI, CALENDAR
        )


def test_month_sheet_equals_the_ledger(ledger: dues.Ledger) -> None:
    title, rows = rows_of(month_workbook(ledger, LABELS))
    assert title == "2026-11" and rows[0][0] == "<title>"
    assert rows[1] == [
        "<member>",
        "<category>",
        "<due>",
        "<paid>",
        "<paid-on>",
        "<arrears-months>",
        "<arrears>",
    ]
    body, totals = rows[2:-1], rows[-1]
    sheet = ledger.month
    assert len(body) == len(sheet.lines) == 4
    for row, line in zip(body, sheet.lines, strict=True):
        assert row[0] == line.name and row[1] == f"<category-{line.category.value}>"
        assert (fen(row[2]), fen(row[3]), row[5], fen(row[6])) == (
            line.due_fen,
            line.paid_fen,
            line.arrears_months,
            line.arrears_fen,
        )
        assert row[4] == (line.paid_on.isoformat() if line.paid_on else None)
    assert totals[0] == "<total>"
    assert (fen(totals[2]), fen(totals[3]), totals[5], fen(totals[6])) == (
        sheet.due_fen,
        sheet.paid_fen,
        sheet.arrears_months,
        sheet.arrears_fen,
    )
    # figures worked out by hand: due 11.73 + 0.20 + 0 + 50.05, paid 0.80 + 50.05
    assert (sheet.due_fen, sheet.paid_fen, sheet.paid_count) == (6_198, 5_085, 2)
    member = next(row for row in body if row[0] == "党员巴特尔")
    assert (member[5], fen(member[6])) == (1, 1_173)  # November unpaid, Sep and Oct paid


def test_a_name_is_never_a_formula(ledger: dues.Ledger) -> None:
    sheet = load_workbook(io.BytesIO(month_workbook(ledger, LABELS))).active
    cells = [row[0] for row in sheet.iter_rows(min_row=3)]
    sly = next(cell for cell in cells if cell.value == "=HYPERLINK(1)")
    assert sly.data_type == "s"


def test_year_sheet_equals_the_ledger(ledger: dues.Ledger) -> None:
    title, rows = rows_of(year_workbook(ledger, LABELS))
    year = ledger.year
    assert title == "2026" and len(rows[1]) == 1 + 24 + 4
    assert rows[1][1] == "2026-01 <due>" and rows[1][24] == "2026-12 <paid>"
    body, totals = rows[2:-1], rows[-1]
    assert [row[0] for row in body] == [line.name for line in year.lines]
    for index, month in enumerate(year.months):
        due_cell, paid_cell = totals[1 + 2 * index], totals[2 + 2 * index]
        assert fen(paid_cell) == year.paid_in(month)
        if month <= year.last:
            assert fen(due_cell) == year.due_in(month)
        else:
            assert due_cell is None  # December is not due yet
    assert (fen(totals[25]), fen(totals[26]), fen(totals[28])) == (
        year.due_fen,
        year.paid_fen,
        year.arrears_fen,
    )
    assert fen(totals[1 + 2 * 10]) == year.due_in(NOV) == ledger.month.due_fen  # November
    assert year.paid_in(NOV) == ledger.month.paid_fen
    assert year.due_fen == 3 * 1_173 + 2 * 20 + 5_005
