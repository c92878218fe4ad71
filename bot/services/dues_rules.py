"""Party dues arithmetic (《关于中国共产党党费收缴、使用和管理的规定》, 2008), in integer fen.

Pure functions: what a member owes per month by category and base, which months are unpaid,
how long the current unpaid run is, and how a payment spreads over the months it covers.

Rounding: a percentage of the base is rounded to the nearest fen, halves up
(2,345.67 yuan × 0.5% = 11.72835 yuan → 11.73 yuan = 1,173 fen).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from bot.services.periods import day_in_month, month_of_date


class DuesCategory(StrEnum):
    EMPLOYED = "employed"  # 在职: fixed monthly salary after tax
    RETIRED = "retired"  # 离退休: pension
    FARMER = "farmer"  # 农牧民: a fixed amount set for the region
    STUDENT = "student"  # 学生
    LOW_INCOME = "low_income"  # 下岗失业、依靠救济或低保
    ANNUAL_SALARY = "annual_salary"  # 年薪制: pay actually received that month
    SELF_EMPLOYED = "self_employed"  # 无固定工资: last quarter's average monthly net income
    HARDSHIP = "hardship"  # 生活困难: a reduced amount or none, approved


# (highest base in fen the rate applies to, inclusive; None = no limit), rate in basis points
EMPLOYED_BRACKETS: tuple[tuple[int | None, int], ...] = (
    (300_000, 50),  # ≤ 3,000 yuan: 0.5%
    (500_000, 100),  # 3,000–5,000 yuan: 1%
    (1_000_000, 150),  # 5,000–10,000 yuan: 1.5%
    (None, 200),  # > 10,000 yuan: 2%
)
RETIRED_BRACKETS: tuple[tuple[int | None, int], ...] = (
    (500_000, 50),  # ≤ 5,000 yuan: 0.5%
    (None, 100),  # > 5,000 yuan: 1%
)
FLAT_FEN = 20  # 0.2 yuan: students, the unemployed, members on relief or 低保
FARMER_MIN_FEN, FARMER_MAX_FEN = 20, 100  # 0.2–1 yuan, set by the provincial committee
DEFAULT_FARMER_FEN = FARMER_MIN_FEN

# Categories whose amount follows from a base the secretary enters (for a hardship member
# the income, which caps the reduced amount).
BASED = frozenset(
    {
        DuesCategory.EMPLOYED,
        DuesCategory.RETIRED,
        DuesCategory.ANNUAL_SALARY,
        DuesCategory.SELF_EMPLOYED,
        DuesCategory.HARDSHIP,
    }
)

BACK_PAY_MONTHS = 6  # a payment may cover at most this many months before the current one
PREPAY_MONTHS = 3  # ... and at most this many after it (a quarter paid ahead)
WARN_MONTHS = 3  # unpaid months in a row: a warning to the member and the secretary
URGENT_MONTHS = 5  # an urgent warning
ESCALATE_MONTHS = 6  # the committee's admins are told: 自行脱党 risk (Constitution art. 9)
BASE_MAX_FEN = 100_000_000  # a monthly base of a million yuan is a typo
STAGE_TIME = time(9, 0)  # the dues day's reminder and the officers' digest, local time


class ArrearsLevel(StrEnum):
    WARNING = "warning"
    URGENT = "urgent"
    ESCALATION = "escalation"


ARREARS_THRESHOLDS: tuple[tuple[int, ArrearsLevel], ...] = (
    (WARN_MONTHS, ArrearsLevel.WARNING),
    (URGENT_MONTHS, ArrearsLevel.URGENT),
    (ESCALATE_MONTHS, ArrearsLevel.ESCALATION),
)


def percent_of(base_fen: int, basis_points: int) -> int:
    """`basis_points`/10,000 of `base_fen`, to the nearest fen, halves up (exact integers)."""
    return (base_fen * basis_points + 5_000) // 10_000


def bracket_rate(base_fen: int, brackets: Sequence[tuple[int | None, int]]) -> int:
    """The rate (basis points) of the first bracket whose upper bound holds `base_fen`."""
    for upper, rate in brackets:
        if upper is None or base_fen <= upper:
            return rate
    raise AssertionError("the last bracket has no upper bound")


def rule_amount(
    category: DuesCategory, base_fen: int, farmer_fen: int = DEFAULT_FARMER_FEN
) -> int:
    """The monthly amount the rules give, before any reduction. A hardship member pays what
    the branch sets (see `assess`), at most what their income would give as an employee (the
    flat minimum when there is none)."""
    if base_fen < 0 or base_fen > BASE_MAX_FEN:
        raise ValueError("base out of range")
    if category is DuesCategory.RETIRED:
        return percent_of(base_fen, bracket_rate(base_fen, RETIRED_BRACKETS))
    if category is DuesCategory.HARDSHIP:
        return max(percent_of(base_fen, bracket_rate(base_fen, EMPLOYED_BRACKETS)), FLAT_FEN)
    if category in BASED:
        return percent_of(base_fen, bracket_rate(base_fen, EMPLOYED_BRACKETS))
    if category is DuesCategory.FARMER:
        if not FARMER_MIN_FEN <= farmer_fen <= FARMER_MAX_FEN:
            raise ValueError("farmer amount out of range")
        return farmer_fen
    return FLAT_FEN


@dataclass(frozen=True)
class Assessed:
    rule_fen: int  # what the rules give
    amount_fen: int  # what is due: the rules, or the branch's reduced amount
    reduced: bool


def assess(
    category: DuesCategory,
    base_fen: int,
    farmer_fen: int = DEFAULT_FARMER_FEN,
    reduced_fen: int | None = None,
) -> Assessed:
    """The monthly amount with an optional reduction (0 = exempt). A reduction may only lower
    the amount; a hardship member always has one."""
    rule = rule_amount(category, base_fen, farmer_fen)
    if category is DuesCategory.HARDSHIP and reduced_fen is None:
        raise ValueError("a hardship member needs a reduced amount")
    if reduced_fen is None:
        return Assessed(rule, rule, reduced=False)
    if not 0 <= reduced_fen <= rule:
        raise ValueError("a reduction must be between 0 and the rules' amount")
    return Assessed(rule, reduced_fen, reduced=True)


@dataclass(frozen=True)
class Assessment:
    """What was due each month from `from_month` on (until the next assessment)."""

    from_month: int
    amount_fen: int


def due_in(assessments: Sequence[Assessment], month: int) -> int | None:
    """The amount due in `month`; None before the member's first assessment."""
    due = None
    for item in sorted(assessments, key=lambda a: a.from_month):
        if item.from_month > month:
            break
        due = item.amount_fen
    return due


def dues_by_month(assessments: Sequence[Assessment], first: int, last: int) -> dict[int, int]:
    """Month → amount due, for the months in [first, last] that are assessed."""
    found = {m: due_in(assessments, m) for m in range(first, last + 1)}
    return {m: due for m, due in found.items() if due is not None}


def unpaid_months(
    assessments: Sequence[Assessment], paid: Iterable[int], through: int
) -> list[int]:
    """Every month up to `through` with something due and no payment, oldest first."""
    if not assessments:
        return []
    start = min(a.from_month for a in assessments)
    settled = set(paid)
    return [
        m
        for m, due in dues_by_month(assessments, start, through).items()
        if due > 0 and m not in settled
    ]


def arrears_streak(assessments: Sequence[Assessment], last_paid: int | None, through: int) -> int:
    """Unpaid months in a row ending at `through`. `last_paid` is the latest paid month not
    after `through`; an exempt month (nothing due) ends the run like a paid one, since it is
    no failure to pay. Set-based sweeps only need each member's latest paid month."""
    run_start = None
    for item in sorted(assessments, key=lambda a: a.from_month):
        if item.from_month > through:
            break
        if item.amount_fen <= 0:
            run_start = None
        elif run_start is None:
            run_start = item.from_month
    if run_start is None:
        return 0
    begin = max(run_start, (last_paid + 1) if last_paid is not None else run_start)
    return max(0, through - begin + 1)


def arrears_level(streak: int) -> ArrearsLevel | None:
    """The highest threshold a run of unpaid months has reached."""
    level = None
    for months, name in ARREARS_THRESHOLDS:
        if streak >= months:
            level = name
    return level


def payable_months(current: int) -> range:
    """The months a payment may cover in month `current`: six back, a quarter ahead."""
    return range(current - BACK_PAY_MONTHS, current + PREPAY_MONTHS + 1)


def allocate(amount_fen: int, dues: Mapping[int, int]) -> dict[int, int]:
    """Spread a payment over the months it covers: each month gets what is due, anything
    above that is a voluntary extra booked on the last month. ValueError when the amount
    does not cover the months."""
    if not dues:
        raise ValueError("no months")
    total = sum(dues.values())
    if amount_fen < total:
        raise ValueError("amount below what is due")
    shares = dict(sorted(dues.items()))
    last = max(shares)
    shares[last] += amount_fen - total
    return shares


def counted_through(today: date, current: int, dues_day: int, grace_days: int) -> int:
    """The last month that counts as unpaid if unpaid: the latest month whose dues day plus
    `grace_days` (its digest day, which may fall in the next month) is not after `today`."""
    month = current
    while today < day_in_month(month, dues_day) + timedelta(days=grace_days):
        month -= 1
    return month


@dataclass(frozen=True)
class DuesCalendar:
    """The configured dues day (a branch may set its own up the tree) and how many days
    after it the officers get their digest, from when an unpaid month is in arrears."""

    dues_day: int
    digest_days: int


def arrears_through(local: datetime, dues_day: int, digest_days: int) -> int:
    """The latest month in arrears if unpaid, at `local` (the branch's wall clock): a month
    counts from STAGE_TIME on its digest day, the moment the dues cycle judges it, so the
    member's account, the ledger and the cycle's warnings agree on every run of months."""
    today = local.date() if local.time() >= STAGE_TIME else local.date() - timedelta(days=1)
    return counted_through(today, month_of_date(local.date()), dues_day, digest_days)


def yuan(fen: int) -> str:
    """ "12.30": fen shown as yuan with two decimals, for texts and exports."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def parse_yuan(text: str) -> int:
    """Fen from "12.3", "12.30", "12", "¥12.30" or "12.30元"; ValueError otherwise."""
    cleaned = text.strip().replace("¥", "").replace("￥", "").replace("元", "").replace(",", "")
    whole, dot, frac = cleaned.partition(".")
    if not whole.isdigit() or (dot and (not frac.isdigit() or len(frac) > 2)):
        raise ValueError("not an amount")
    return int(whole) * 100 + int((frac or "0").ljust(2, "0"))
