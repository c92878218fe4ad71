"""Each branch's fixed 主题党日 day, the date it gives in a month, and the members' reminder.

A branch keeps its day in `Organization.settings["themed_day"]`:
`{"calendar": "solar", "day": 1..31}` or `{"calendar": "lunar", "day": 1..30}`.

The date of the themed day in a Gregorian month:
- solar: that day of the month, clamped to the month's last day (the 31st in a 30-day
  month is the 30th; the 30th in February is the 28th or 29th);
- lunar: the first date inside the Gregorian month whose lunar-calendar day is N
  (农历初五 = 5), computed with `lunardate`. A Gregorian month may contain no such date —
  lunar day 30 in a 29-day lunar month, or a short February falling between two lunar
  days N — and then the themed day is the month's last day, so every month has one.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from lunardate import LunarDate

from bot.services import organizations, scope
from bot.services.access import Action, Actor
from bot.services.errors import InvalidInput
from bot.services.meetings import PARTY_ROLES
from bot.services.outbox import enqueue, recipients_by_group, send_after
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Level
from storage.models import BroadcastKind, Guidance, Organization
from storage.uow import UnitOfWork

SETTING_KEY = "themed_day"
# The members' reminder goes out from this local hour (or when quiet hours end, if later).
MORNING = time(8, 0)


class CalendarKind(StrEnum):
    SOLAR = "solar"
    LUNAR = "lunar"


MAX_DAY = {CalendarKind.SOLAR: 31, CalendarKind.LUNAR: 30}


@dataclass(frozen=True)
class ThemedDay:
    calendar: CalendarKind
    day: int

    def as_setting(self) -> dict[str, Any]:
        return {"calendar": self.calendar.value, "day": self.day}


def check_rule(kind: str, day: int) -> ThemedDay:
    try:
        chosen = CalendarKind(kind)
    except ValueError:
        raise InvalidInput("themedday-error-day") from None
    if not 1 <= day <= MAX_DAY[chosen]:
        raise InvalidInput("themedday-error-day")
    return ThemedDay(chosen, day)


def rule_of(org: Organization) -> ThemedDay | None:
    """The branch's fixed day, or None (unset, or a value no rule can read)."""
    raw = (org.settings or {}).get(SETTING_KEY)
    if not isinstance(raw, dict):
        return None
    try:
        return check_rule(str(raw.get("calendar")), int(raw.get("day", 0)))
    except (InvalidInput, TypeError, ValueError):
        return None


# ----------------------------------------------------------------------------- dates


@lru_cache(maxsize=4096)
def date_in_month(rule: ThemedDay, year: int, month: int) -> date:
    """The themed day of `rule` in the Gregorian month (see the module docstring)."""
    last = calendar.monthrange(year, month)[1]
    if rule.calendar is CalendarKind.SOLAR:
        return date(year, month, min(rule.day, last))
    first = date(year, month, 1)
    lunar_day = LunarDate.from_solar_date(year, month, 1).day
    for offset in range(last):
        if lunar_day == rule.day:
            return first + timedelta(days=offset)
        # the next date's lunar day: +1, or back to 1 when a new lunar month starts
        following = first + timedelta(days=offset + 1)
        lunar_day = lunar_day + 1 if lunar_day < 29 else _lunar_day(following)
    return date(year, month, last)


def _lunar_day(moment: date) -> int:
    day: int = LunarDate.from_solar_date(moment.year, moment.month, moment.day).day
    return day


def next_dates(rule: ThemedDay, today: date, count: int = 3) -> list[date]:
    """The next `count` themed days on or after `today`."""
    found: list[date] = []
    year, month = today.year, today.month
    while len(found) < count:
        moment = date_in_month(rule, year, month)
        if moment >= today:
            found.append(moment)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def month_key(moment: date) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


# ----------------------------------------------------------------------------- setting it


async def branches_for(uow: UnitOfWork, actor: Actor) -> list[Organization]:
    """Branches whose themed day the actor keeps (secretaries and deputies)."""
    return await scope.reachable(uow, actor, Action.ACKNOWLEDGE_GUIDANCE, {Level.BRANCH})


async def branch_for(uow: UnitOfWork, actor: Actor, branch_id: int) -> Organization:
    return await scope.get_at_level(
        uow, actor, Action.ACKNOWLEDGE_GUIDANCE, branch_id, Level.BRANCH
    )


async def set_rule(
    uow: UnitOfWork, actor: Actor, branch_id: int, rule: ThemedDay | None
) -> Organization:
    """Fix (or, with None, clear) the branch's themed day; its officers decide it."""
    branch = await branch_for(uow, actor, branch_id)
    settings = dict(branch.settings or {})
    if rule is None:
        settings.pop(SETTING_KEY, None)
    else:
        settings[SETTING_KEY] = rule.as_setting()
    branch.settings = settings
    await uow.commit()
    return branch


# ----------------------------------------------------------------------------- guidance above


def nearest_guidance(branch: Organization, guidances: list[Guidance]) -> Guidance | None:
    """Of the guidances of committees above the branch, the nearest committee's."""
    above = [int(part) for part in branch.path.strip("/").split("/")]
    best: Guidance | None = None
    for found in guidances:
        if found.org_id in above and (
            best is None or above.index(found.org_id) > above.index(best.org_id)
        ):
            best = found
    return best


@dataclass(frozen=True)
class MeetingSuggestion:
    """What the meeting flow offers a secretary scheduling a 主题党日 (None = nothing)."""

    theme: str | None
    day: date | None


async def suggestion_for(
    uow: UnitOfWork, branch: Organization, now: datetime, zone: ZoneInfo
) -> MeetingSuggestion:
    """The branch's next themed day (today or later) and the theme of that month's published
    guidance; without a fixed day, this month's theme."""
    today = now.astimezone(zone).date()
    rule = rule_of(branch)
    day = next_dates(rule, today, 1)[0] if rule is not None else None
    month = month_key(day or today)
    published = await uow.guidance.published_for_months([month])
    chosen = nearest_guidance(branch, list(published))
    return MeetingSuggestion(chosen.theme if chosen else None, day)


# ----------------------------------------------------------------------------- members' sweep


def reminder_due_at(themed: date, days_before: int, zone: ZoneInfo, quiet: QuietHours) -> datetime:
    """The morning `days_before` days ahead of the themed day, never inside quiet hours."""
    local = datetime.combine(themed - timedelta(days=days_before), MORNING, tzinfo=zone)
    return quiet.end_after(local)


async def send_member_reminders(
    uow: UnitOfWork,
    now: datetime,
    days_before: list[int],
    default_zone: ZoneInfo,
    quiet: QuietHours,
) -> int:
    """Queue THEMED_DAY for every branch with a fixed day that is `days_before` days away
    (in the branch's zone) and a published guidance for that month from a committee above.

    One reminder per branch, month and offset (the dedupe key), however often this runs.
    After downtime only the nearest offset that came due is sent, and only up to the day
    itself. Set-based: a handful of queries whatever the number of branches. Returns how
    many broadcasts were queued.
    """
    if not days_before:
        return 0
    candidates: list[tuple[Organization, ThemedDay, date, int, ZoneInfo]] = []
    for branch in await uow.guidance.branches():
        rule = rule_of(branch)
        if rule is None:
            continue
        zone = organizations.zone_of(branch, default_zone)
        today = now.astimezone(zone).date()
        for themed in next_dates(rule, today, 2):
            due = [
                d
                for d in days_before
                if d >= 0
                and reminder_due_at(themed, d, zone, quiet) <= now
                and themed - timedelta(days=d) <= today
            ]
            if due:
                candidates.append((branch, rule, themed, min(due), zone))
                break
    if not candidates:
        return 0
    months = sorted({month_key(themed) for _, _, themed, _, _ in candidates})
    published = [g for g in await uow.guidance.published_for_months(months) if g.published_at]
    by_month: dict[str, list[Guidance]] = defaultdict(list)
    for found in published:
        by_month[found.month].append(found)
    keyed = {
        f"themed:{branch.id}:{month_key(themed)}:remind:{days}": (branch, rule, themed, days)
        for branch, rule, themed, days, _ in candidates
    }
    already = await uow.guidance.existing_dedupe_keys(keyed)
    due_now = {
        key: (branch, rule, themed, days, chosen)
        for key, (branch, rule, themed, days) in keyed.items()
        if key not in already
        and (chosen := nearest_guidance(branch, by_month[month_key(themed)])) is not None
    }
    if not due_now:
        return 0
    members = await uow.guidance.holders_in_branches(
        [b.id for b, *_ in due_now.values()], PARTY_ROLES
    )
    reachable = await recipients_by_group(uow, members)
    queued = 0
    for key, (branch, rule, themed, days, chosen) in due_now.items():
        recipients = reachable.get(branch.id, [])
        if not recipients:
            continue
        zone = organizations.zone_of(branch, default_zone)
        added = await enqueue(
            uow,
            kind=BroadcastKind.THEMED_DAY,
            org_id=branch.id,
            recipients=recipients,
            now=now,
            not_before=send_after(now, zone, quiet, urgent=False),
            payload={
                "theme": chosen.theme,
                "branch": branch.name,
                "date": themed.isoformat(),
                "calendar": rule.calendar.value,
                "day": rule.day,
                "days": days,
            },
            guidance_id=chosen.id,
            dedupe_key=key,
        )
        queued += added is not None
    await uow.commit()
    return queued
