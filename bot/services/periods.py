"""Calendar months as integers, and the month / quarter / year periods that deadlines use.

A month is stored as one integer, `year * 12 + (month - 1)`, so "six months back" and
"months between" are plain subtraction, SQL can compare and group them, and a year boundary
needs no special case. Periods are judged in the organization's own time zone.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo


def month_index(year: int, month: int) -> int:
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} out of range")
    return year * 12 + (month - 1)


def month_of_date(day: date) -> int:
    return month_index(day.year, day.month)


def month_at(moment: datetime, zone: ZoneInfo) -> int:
    """The month a moment falls in, in `zone`."""
    return month_of_date(moment.astimezone(zone).date())


def year_month(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


def month_label(index: int) -> str:
    """ "2026-11": how months are shown and typed everywhere."""
    year, month = year_month(index)
    return f"{year:04d}-{month:02d}"


def parse_month_label(text: str) -> int:
    """The month of "2026-11" (or "2026-1"); ValueError otherwise."""
    year, _, month = text.strip().partition("-")
    return month_index(int(year), int(month))


def first_day(index: int) -> date:
    year, month = year_month(index)
    return date(year, month, 1)


def last_day(index: int) -> date:
    year, month = year_month(index)
    return date(year, month, calendar.monthrange(year, month)[1])


def day_in_month(index: int, day: int) -> date:
    """Day `day` of the month, clamped to its last day (the 31st of February is the 28th)."""
    last = last_day(index)
    return last.replace(day=min(max(day, 1), last.day))


def local_moment(day: date, at: time, zone: ZoneInfo) -> datetime:
    """A wall-clock time on a day in `zone`, as UTC."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


class Frequency(StrEnum):
    """How often a meeting kind is required; NONE means not checked."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    NONE = "none"


MONTHS_PER_PERIOD = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}


@dataclass(frozen=True, order=True)
class Period:
    """A month, quarter or year: the months [first, last], both included."""

    first: int
    last: int

    @classmethod
    def containing(cls, month: int, frequency: Frequency) -> Period:
        length = MONTHS_PER_PERIOD[frequency]
        year, number = year_month(month)
        start = month_index(year, (number - 1) // length * length + 1)
        return cls(start, start + length - 1)

    @property
    def frequency(self) -> Frequency:
        length = self.last - self.first + 1
        return next(f for f, n in MONTHS_PER_PERIOD.items() if n == length)

    @property
    def label(self) -> str:
        """ "2026-11", "2026-Q4" or "2026": stable, so it can be part of a reminder's key."""
        year, number = year_month(self.first)
        if self.frequency is Frequency.MONTHLY:
            return month_label(self.first)
        if self.frequency is Frequency.QUARTERLY:
            return f"{year:04d}-Q{(number - 1) // 3 + 1}"
        return f"{year:04d}"

    def previous(self) -> Period:
        length = self.last - self.first + 1
        return Period(self.first - length, self.last - length)

    def start_day(self) -> date:
        return first_day(self.first)

    def end_day(self) -> date:
        return last_day(self.last)

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end) of the period in `zone`, as UTC."""
        start = local_moment(self.start_day(), time(0), zone)
        end = local_moment(first_day(self.last + 1), time(0), zone)
        return start, end

    def __contains__(self, month: object) -> bool:
        return isinstance(month, int) and self.first <= month <= self.last
