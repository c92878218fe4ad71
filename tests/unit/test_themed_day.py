"""The themed Party day rules: solar days clamped to the month, lunar days found with the
lunardate library (checked against it for every month of 2024–2030), the short-month case,
setting the day (secretaries only) and the members' reminder sweep."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from lunardate import LunarDate
from sqlalchemy import select

from bot.services import guidance, themed_day
from bot.services.errors import AccessDenied, InvalidInput
from bot.services.quiet_hours import QuietHours
from bot.services.themed_day import CalendarKind, ThemedDay, date_in_month, next_dates
from storage.models import Broadcast, BroadcastKind, Delivery
from tests.factories import actor_of, build_tree

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
MONTHS = [(year, month) for year in range(2024, 2031) for month in range(1, 13)]


def lunar(day: int) -> ThemedDay:
    return ThemedDay(CalendarKind.LUNAR, day)


def solar(day: int) -> ThemedDay:
    return ThemedDay(CalendarKind.SOLAR, day)


# ----------------------------------------------------------------------------- dates


@pytest.mark.parametrize("day", [1, 5, 15, 28, 29, 30, 31])
def test_solar_day_is_that_day_clamped_to_the_month(day: int) -> None:
    for year, month in MONTHS:
        last = calendar.monthrange(year, month)[1]
        assert date_in_month(solar(day), year, month) == date(year, month, min(day, last))


def test_solar_clamping_examples() -> None:
    assert date_in_month(solar(31), 2026, 4) == date(2026, 4, 30)
    assert date_in_month(solar(30), 2026, 2) == date(2026, 2, 28)
    assert date_in_month(solar(30), 2028, 2) == date(2028, 2, 29)  # leap year


@pytest.mark.parametrize("day", [1, 5, 15, 29, 30])
def test_lunar_day_is_the_first_date_of_the_month_with_that_lunar_day(day: int) -> None:
    for year, month in MONTHS:
        last = calendar.monthrange(year, month)[1]
        dates = [date(year, month, d) for d in range(1, last + 1)]
        matching = [
            d for d in dates if LunarDate.from_solar_date(d.year, d.month, d.day).day == day
        ]
        found = date_in_month(lunar(day), year, month)
        if matching:
            assert found == matching[0]
            # and the library maps it back: that lunar day of that lunar month is this date
            back = LunarDate.from_solar_date(found.year, found.month, found.day)
            assert back.day == day
            assert back.to_solar_date() == found
        else:
            assert found == date(year, month, last)


def test_known_lunar_dates() -> None:
    # 农历初五 in February 2026 is 2026-02-21 (Spring Festival 2026-02-17)
    assert date_in_month(lunar(5), 2026, 2) == date(2026, 2, 21)
    assert LunarDate(2026, 1, 5).to_solar_date() == date(2026, 2, 21)
    # 2026-11: the 10th lunar month starts on 2026-11-09, so 初五 is 2026-11-13
    assert date_in_month(lunar(5), 2026, 11) == LunarDate(2026, 10, 5).to_solar_date()


def test_the_short_month_case_falls_back_to_the_last_day() -> None:
    """A Gregorian month without the lunar day: lunar day 30 when the lunar months that
    overlap it have 29 days (or their 30th falls outside it), e.g. February 2026."""
    assert date_in_month(lunar(30), 2026, 2) == date(2026, 2, 28)
    missing = [
        (year, month, day)
        for year, month in MONTHS
        for day in (1, 30)
        if all(
            LunarDate.from_solar_date(year, month, d).day != day
            for d in range(1, calendar.monthrange(year, month)[1] + 1)
        )
    ]
    assert missing, "2024–2030 has months without some lunar day"
    for year, month, day in missing:
        last = calendar.monthrange(year, month)[1]
        assert date_in_month(lunar(day), year, month) == date(year, month, last)


def test_next_three_dates_start_today_and_cross_the_year() -> None:
    assert next_dates(solar(5), date(2026, 12, 5)) == [
        date(2026, 12, 5),
        date(2027, 1, 5),
        date(2027, 2, 5),
    ]
    assert next_dates(solar(5), date(2026, 12, 6))[0] == date(2027, 1, 5)
    upcoming = next_dates(lunar(5), date(2026, 11, 21))
    assert all(LunarDate.from_solar_date(d.year, d.month, d.day).day == 5 for d in upcoming)
    assert upcoming == sorted(upcoming) and upcoming[0] > date(2026, 11, 21)


def test_rules_are_checked() -> None:
    assert themed_day.check_rule("lunar", 30) == lunar(30)
    for kind, day in (("lunar", 31), ("solar", 0), ("solar", 32), ("moon", 5)):
        with pytest.raises(InvalidInput):
            themed_day.check_rule(kind, day)


# ----------------------------------------------------------------------------- setting it


async def test_secretary_sets_and_clears_the_branch_day(uow) -> None:
    tree = await build_tree(uow)
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        assert [b.id for b in await themed_day.branches_for(u, secretary)] == [tree.branch_a.id]
        await themed_day.set_rule(u, secretary, tree.branch_a.id, lunar(5))
    async with uow() as u:
        branch = await u.organizations.get(tree.branch_a.id)
        assert branch is not None and themed_day.rule_of(branch) == lunar(5)
        await themed_day.set_rule(u, secretary, tree.branch_a.id, None)
    async with uow() as u:
        branch = await u.organizations.get(tree.branch_a.id)
        assert branch is not None and themed_day.rule_of(branch) is None


async def test_members_and_other_secretaries_cannot_set_it(uow) -> None:
    tree = await build_tree(uow)
    for person, branch in ((tree.member_a, tree.branch_a), (tree.secretary_b, tree.branch_a)):
        actor = await actor_of(uow, person)
        async with uow() as u:
            with pytest.raises(AccessDenied):
                await themed_day.set_rule(u, actor, branch.id, solar(5))


# ----------------------------------------------------------------------------- reminders


async def publish(uow, tree, clock, month: str, **changes) -> int:
    admin = await actor_of(uow, tree.admin)
    content = guidance.Content(
        theme=changes.pop("theme", "学习二十届四中全会精神"),
        deadline=changes.pop("deadline", guidance.default_deadline(month)),
        publish_at=clock(),
    )
    async with uow() as u:
        saved = await guidance.save(
            u,
            admin,
            tree.committee.id,
            month,
            content,
            guidance.SaveMode.PUBLISH,
            clock(),
            SHANGHAI,
            QUIET,
        )
    return saved.id


async def themed_broadcasts(uow) -> list[Broadcast]:
    async with uow() as u:
        rows = await u.session.scalars(
            select(Broadcast).where(Broadcast.kind == BroadcastKind.THEMED_DAY)
        )
        return list(rows.all())


async def sweep(uow, now: datetime, days=(1,)) -> int:
    async with uow() as u:
        return await themed_day.send_member_reminders(u, now, list(days), SHANGHAI, QUIET)


async def test_members_get_the_theme_the_morning_before_their_day(uow, clock) -> None:
    tree = await build_tree(uow)
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:  # 2026-11-25 is the branch's day (solar 25th)
        await themed_day.set_rule(u, secretary, tree.branch_a.id, solar(25))
    await publish(uow, tree, clock, "2026-11")
    # the evening before the morning in question: nothing yet
    assert await sweep(uow, datetime(2026, 11, 23, 23, 59, tzinfo=SHANGHAI)) == 0
    # 2026-11-24 07:59 local: still quiet hours (the morning starts at 08:00)
    assert await sweep(uow, datetime(2026, 11, 24, 7, 59, tzinfo=SHANGHAI)) == 0
    morning = datetime(2026, 11, 24, 8, 0, tzinfo=SHANGHAI)
    assert await sweep(uow, morning) == 1
    assert await sweep(uow, morning + timedelta(hours=3)) == 0  # once
    (sent,) = await themed_broadcasts(uow)
    assert sent.org_id == tree.branch_a.id
    assert sent.payload["theme"] == "学习二十届四中全会精神"
    assert sent.payload["date"] == "2026-11-25" and sent.payload["days"] == 1
    async with uow() as u:
        people = set(
            await u.session.scalars(
                select(Delivery.person_id).where(Delivery.broadcast_id == sent.id)
            )
        )
    # the branch's party members, its group included; not branch B, not the admin
    assert people == {tree.secretary_a.id, tree.member_a.id, tree.leader_a1.id}


async def test_no_reminder_without_a_day_or_a_published_guidance(uow, clock) -> None:
    tree = await build_tree(uow)
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        await themed_day.set_rule(u, secretary, tree.branch_a.id, solar(25))
    morning = datetime(2026, 11, 24, 9, 0, tzinfo=SHANGHAI)
    assert await sweep(uow, morning) == 0  # no guidance for November
    await publish(uow, tree, clock, "2026-11")
    assert await sweep(uow, morning) == 1
    assert [b.org_id for b in await themed_broadcasts(uow)] == [tree.branch_a.id]  # B: no day


async def test_lunar_day_reminder_and_catch_up_after_downtime(uow, clock) -> None:
    tree = await build_tree(uow)
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        await themed_day.set_rule(u, secretary, tree.branch_a.id, lunar(5))
    clock.now = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    await publish(uow, tree, clock, "2026-12")
    themed = date_in_month(lunar(5), 2026, 12)
    # the bot was down on the morning three days before and the day before: after it comes
    # back on the day itself, only the nearest offset goes out, once
    on_the_day = datetime.combine(themed, datetime.min.time(), tzinfo=SHANGHAI) + timedelta(
        hours=10
    )
    assert await sweep(uow, on_the_day, days=(3, 1)) == 1
    assert await sweep(uow, on_the_day + timedelta(hours=1), days=(3, 1)) == 0
    (sent,) = await themed_broadcasts(uow)
    assert sent.payload["days"] == 1 and sent.payload["calendar"] == "lunar"
    assert sent.dedupe_key == f"themed:{tree.branch_a.id}:2026-12:remind:1"
    # the day after, it is over: nothing more
    assert await sweep(uow, on_the_day + timedelta(days=1), days=(3, 1)) == 0
