"""The dues arithmetic as a table: every bracket boundary ±1 fen, every category, the farmer
range, rounding halves up, reductions and exemptions, the arrears run across a year boundary,
which months may be paid, and the yuan text format."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.dues_rules import (
    BASE_MAX_FEN,
    FLAT_FEN,
    ArrearsLevel,
    Assessment,
    DuesCategory,
    allocate,
    arrears_level,
    arrears_streak,
    assess,
    counted_through,
    due_in,
    dues_by_month,
    parse_yuan,
    payable_months,
    percent_of,
    rule_amount,
    unpaid_months,
    yuan,
)
from bot.services.periods import month_index

SALARIED = (DuesCategory.EMPLOYED, DuesCategory.ANNUAL_SALARY, DuesCategory.SELF_EMPLOYED)

# base in fen → monthly amount in fen, for salaried members (0.5% / 1% / 1.5% / 2%)
EMPLOYED_TABLE = [
    (0, 0),
    (1, 0),  # 0.005 fen
    (100, 1),  # 0.5 fen: halves up
    (299_999, 1_500),  # 1,499.995 → 1,500
    (300_000, 1_500),  # 3,000 yuan belongs to 0.5%
    (300_001, 3_000),  # 3,000.01 fen at 1%
    (499_999, 5_000),  # 4,999.99 → 5,000
    (500_000, 5_000),  # 5,000 yuan belongs to 1%
    (500_001, 7_500),  # 7,500.015 at 1.5%
    (999_999, 15_000),  # 14,999.985 → 15,000
    (1_000_000, 15_000),  # 10,000 yuan belongs to 1.5%
    (1_000_001, 20_000),  # 20,000.02 at 2%
    (234_567, 1_173),  # 2,345.67 yuan × 0.5% = 11.72835 yuan → 11.73
    (BASE_MAX_FEN, 2_000_000),
]

# pensions: 0.5% up to 5,000 yuan inclusive, 1% above
RETIRED_TABLE = [
    (0, 0),
    (300_000, 1_500),
    (300_001, 1_500),  # no 3,000 bracket for retirees: 1,500.005 → 1,500
    (499_999, 2_500),
    (500_000, 2_500),
    (500_001, 5_000),
    (1_000_001, 10_000),
]


@pytest.mark.parametrize("category", SALARIED)
@pytest.mark.parametrize(("base", "expected"), EMPLOYED_TABLE)
def test_salaried_brackets(category: DuesCategory, base: int, expected: int) -> None:
    assert rule_amount(category, base) == expected
    assert assess(category, base).amount_fen == expected


@pytest.mark.parametrize(("base", "expected"), RETIRED_TABLE)
def test_retired_brackets(base: int, expected: int) -> None:
    assert rule_amount(DuesCategory.RETIRED, base) == expected


@pytest.mark.parametrize("category", [DuesCategory.STUDENT, DuesCategory.LOW_INCOME])
@pytest.mark.parametrize("base", [0, 300_000, 2_000_000])
def test_flat_categories_ignore_the_base(category: DuesCategory, base: int) -> None:
    assert rule_amount(category, base) == FLAT_FEN == 20


@pytest.mark.parametrize("farmer", [20, 21, 50, 99, 100])
def test_farmer_amount_comes_from_the_region(farmer: int) -> None:
    assert rule_amount(DuesCategory.FARMER, 0, farmer) == farmer
    assert rule_amount(DuesCategory.FARMER, 800_000, farmer) == farmer


@pytest.mark.parametrize("farmer", [0, 19, 101, 1_000])
def test_farmer_amount_outside_the_range_is_refused(farmer: int) -> None:
    with pytest.raises(ValueError):
        rule_amount(DuesCategory.FARMER, 0, farmer)


@pytest.mark.parametrize("base", [-1, BASE_MAX_FEN + 1])
def test_base_out_of_range(base: int) -> None:
    with pytest.raises(ValueError):
        rule_amount(DuesCategory.EMPLOYED, base)


def test_every_category_has_an_amount() -> None:
    for category in DuesCategory:
        reduced = 0 if category is DuesCategory.HARDSHIP else None
        assert assess(category, 400_000, 50, reduced).amount_fen >= 0


@pytest.mark.parametrize(
    ("base", "bps", "expected"),
    [(100, 50, 1), (300, 50, 2), (299, 50, 1), (50, 100, 1), (49, 100, 0), (150, 100, 2)],
)
def test_rounding_halves_up(base: int, bps: int, expected: int) -> None:
    assert percent_of(base, bps) == expected


def test_reductions_and_exemptions() -> None:
    reduced = assess(DuesCategory.EMPLOYED, 300_000, reduced_fen=1_000)
    assert (reduced.rule_fen, reduced.amount_fen, reduced.reduced) == (1_500, 1_000, True)
    exempt = assess(DuesCategory.RETIRED, 600_000, reduced_fen=0)
    assert (exempt.rule_fen, exempt.amount_fen) == (6_000, 0)
    same = assess(DuesCategory.EMPLOYED, 300_000, reduced_fen=1_500)
    assert same.amount_fen == 1_500 and same.reduced
    with pytest.raises(ValueError):
        assess(DuesCategory.EMPLOYED, 300_000, reduced_fen=1_501)  # only lowers
    with pytest.raises(ValueError):
        assess(DuesCategory.STUDENT, 0, reduced_fen=-1)


def test_hardship_needs_a_reduction() -> None:
    with pytest.raises(ValueError):
        assess(DuesCategory.HARDSHIP, 0)
    exempt = assess(DuesCategory.HARDSHIP, 0, reduced_fen=0)
    assert (exempt.amount_fen, exempt.reduced) == (0, True)
    assert assess(DuesCategory.HARDSHIP, 0, reduced_fen=10).amount_fen == 10


# ----------------------------------------------------------------------------- months

NOV_2026 = month_index(2026, 11)
DEC_2026 = month_index(2026, 12)
JAN_2027 = month_index(2027, 1)
FEB_2027 = month_index(2027, 2)


def test_due_in_follows_the_assessment_history() -> None:
    history = [Assessment(JAN_2027, 300), Assessment(NOV_2026, 100)]
    assert due_in(history, NOV_2026 - 1) is None
    assert due_in(history, NOV_2026) == 100
    assert due_in(history, DEC_2026) == 100
    assert due_in(history, JAN_2027) == 300
    assert dues_by_month(history, NOV_2026 - 1, FEB_2027) == {
        NOV_2026: 100,
        DEC_2026: 100,
        JAN_2027: 300,
        FEB_2027: 300,
    }


def test_unpaid_months_across_the_year_boundary() -> None:
    history = [Assessment(NOV_2026, 100), Assessment(JAN_2027, 0), Assessment(FEB_2027, 200)]
    assert unpaid_months(history, [DEC_2026], FEB_2027) == [NOV_2026, FEB_2027]
    assert unpaid_months(history, [], DEC_2026) == [NOV_2026, DEC_2026]
    assert unpaid_months(history, [], NOV_2026 - 1) == []
    assert unpaid_months([], [], FEB_2027) == []


@pytest.mark.parametrize(
    ("last_paid", "through", "streak"),
    [
        (None, FEB_2027, 4),  # Nov, Dec, Jan, Feb
        (NOV_2026, FEB_2027, 3),
        (DEC_2026, FEB_2027, 2),
        (FEB_2027, FEB_2027, 0),
        (None, NOV_2026, 1),
        (None, NOV_2026 - 1, 0),  # before the first assessment
    ],
)
def test_arrears_streak_across_a_year_boundary(
    last_paid: int | None, through: int, streak: int
) -> None:
    assert arrears_streak([Assessment(NOV_2026, 100)], last_paid, through) == streak


def test_an_exempt_month_ends_the_run() -> None:
    history = [Assessment(NOV_2026, 100), Assessment(JAN_2027, 0), Assessment(FEB_2027, 100)]
    assert arrears_streak(history, None, DEC_2026) == 2
    assert arrears_streak(history, None, JAN_2027) == 0
    assert arrears_streak(history, None, FEB_2027) == 1
    assert arrears_streak([Assessment(NOV_2026, 0)], None, FEB_2027) == 0


@pytest.mark.parametrize(
    ("streak", "level"),
    [
        (0, None),
        (2, None),
        (3, ArrearsLevel.WARNING),
        (4, ArrearsLevel.WARNING),
        (5, ArrearsLevel.URGENT),
        (6, ArrearsLevel.ESCALATION),
        (9, ArrearsLevel.ESCALATION),
    ],
)
def test_arrears_levels(streak: int, level: ArrearsLevel | None) -> None:
    assert arrears_level(streak) is level


def test_payable_months_six_back_a_quarter_ahead() -> None:
    window = payable_months(JAN_2027)
    assert JAN_2027 - 6 in window and JAN_2027 - 7 not in window
    assert JAN_2027 + 3 in window and JAN_2027 + 4 not in window
    assert len(window) == 10
    assert month_index(2026, 7) in window  # six back across the year boundary


@pytest.mark.parametrize(
    ("today", "current", "expected"),
    [
        (date(2026, 11, 11), NOV_2026, NOV_2026 - 1),  # before the digest day (5 + 7)
        (date(2026, 11, 12), NOV_2026, NOV_2026),
        (date(2027, 1, 1), JAN_2027, DEC_2026),  # the year boundary
        (date(2027, 1, 30), JAN_2027, JAN_2027),
    ],
)
def test_counted_through(today: date, current: int, expected: int) -> None:
    assert counted_through(today, current, 5, 7) == expected


def test_counted_through_clamps_the_dues_day() -> None:
    # the 31st in February is the 28th; with no grace that day already counts
    assert counted_through(date(2027, 2, 28), FEB_2027, 31, 0) == FEB_2027
    assert counted_through(date(2027, 2, 27), FEB_2027, 31, 0) == JAN_2027


def test_allocate_books_the_extra_on_the_last_month() -> None:
    dues = {DEC_2026: 200, NOV_2026: 100}
    assert allocate(300, dues) == {NOV_2026: 100, DEC_2026: 200}
    assert allocate(1_000, dues) == {NOV_2026: 100, DEC_2026: 900}
    with pytest.raises(ValueError):
        allocate(299, dues)
    with pytest.raises(ValueError):
        allocate(100, {})


@pytest.mark.parametrize(
    ("text", "fen"),
    [
        ("12", 1_200),
        ("12.3", 1_230),
        ("12.30", 1_230),
        ("0.2", 20),
        ("0.05", 5),
        ("¥12.30", 1_230),
        ("￥12.30", 1_230),
        ("12.30元", 1_230),
        (" 1,234.5 ", 123_450),
        ("0", 0),
    ],
)
def test_parse_yuan(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "12.345", "-5", "1.2.3", ".5", "12.", "12 元 5"])
def test_parse_yuan_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_yuan(text)


@pytest.mark.parametrize(
    ("fen", "text"),
    [(0, "0.00"), (5, "0.05"), (1_230, "12.30"), (-5, "-0.05"), (123_456, "1234.56")],
)
def test_yuan(fen: int, text: str) -> None:
    assert yuan(fen) == text
    if fen >= 0:
        assert parse_yuan(text) == fen


def test_a_digest_day_in_the_next_month_counts_the_month_only_from_then() -> None:
    march = month_index(2027, 3)
    # February's digest day is 28 Feb + 7 days = 7 March.
    assert counted_through(date(2027, 3, 6), march, 28, 7) == month_index(2027, 1)
    assert counted_through(date(2027, 3, 7), march, 28, 7) == month_index(2027, 2)


def test_a_hardship_reduction_never_exceeds_what_the_income_would_give() -> None:
    with pytest.raises(ValueError):
        assess(DuesCategory.HARDSHIP, 0, reduced_fen=10**12)
    # 4,000 yuan would give 1% = 40.00 yuan: a reduction to 25.00 is allowed, 41.00 is not.
    assert assess(DuesCategory.HARDSHIP, 400_000, reduced_fen=2_500).amount_fen == 2_500
    with pytest.raises(ValueError):
        assess(DuesCategory.HARDSHIP, 400_000, reduced_fen=4_100)
