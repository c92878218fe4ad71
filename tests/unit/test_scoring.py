"""Branch scores: the weighted mean of the known rates (weights of unknown ones re-spread),
stars from thresholds, which settings are valid, the nearest committee's setting winning,
and changing weights and thresholds on the database (admins only, bad values refused)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from bot.services import scoring
from bot.services.access import Actor
from bot.services.errors import AccessDenied, InvalidInput, NotFound
from bot.services.roles import Level, Role
from bot.services.scoring import (
    DEFAULT_RULES,
    DEFAULT_STARS,
    DEFAULT_WEIGHTS,
    STARS_SETTING,
    WEIGHTS_SETTING,
    Component,
    ScoreRules,
    check_stars,
    check_weights,
    rules_from,
    score,
)
from storage.models import Organization
from storage.uow import UnitOfWork
from tests.factories import actor_of, make_org, make_person

Uow = Callable[[], UnitOfWork]
C = Component
ALL_KNOWN = {
    C.MEETINGS: 1.0,
    C.ATTENDANCE: 0.5,
    C.DUES: 0.75,
    C.TICKETS: 0.0,
    C.SATISFACTION: 0.8,
    C.GUIDANCE: 1.0,
}

# ----------------------------------------------------------------------------- score


def test_the_weighted_mean_of_every_rate() -> None:
    result = score(ALL_KNOWN, DEFAULT_RULES)
    # 30·1 + 20·0.5 + 20·0.75 + 10·0 + 10·0.8 + 10·1 = 30 + 10 + 15 + 0 + 8 + 10 = 73
    assert (result.points, result.stars) == (73.0, 3)
    assert result.counted == tuple(Component)
    assert result.rates == ALL_KNOWN


def test_unknown_rates_have_their_weight_re_spread() -> None:
    rates = {**ALL_KNOWN, C.TICKETS: None, C.SATISFACTION: None, C.GUIDANCE: 0.9}
    result = score(rates, DEFAULT_RULES)
    # (30·1 + 20·0.5 + 20·0.75 + 10·0.9) / 80 = 64 / 80 = 80 → four stars, just
    assert (result.points, result.stars) == (80.0, 4)
    assert result.counted == (C.MEETINGS, C.ATTENDANCE, C.DUES, C.GUIDANCE)


def test_nothing_known_gives_no_score() -> None:
    result = score(dict.fromkeys(Component), DEFAULT_RULES)
    assert (result.points, result.stars, result.counted) == (None, None, ())
    # known, but weighed 0: still nothing to score on
    rules = ScoreRules({**DEFAULT_WEIGHTS, C.DUES: 0}, DEFAULT_STARS)
    only_dues = {**dict.fromkeys(Component), C.DUES: 1.0}
    assert score(only_dues, rules).points is None


def test_a_weight_of_zero_leaves_a_rate_out() -> None:
    rules = ScoreRules({**DEFAULT_WEIGHTS, C.TICKETS: 0}, DEFAULT_STARS)
    # ticket rate 0 weighed 0: (30 + 10 + 15 + 8 + 10) / 90 = 73 / 90 = 81.11 → 81.1
    assert score(ALL_KNOWN, rules).points == pytest.approx(81.1)


def test_rates_are_clamped_to_zero_and_one() -> None:
    rates = {**dict.fromkeys(Component), C.MEETINGS: 1.5, C.DUES: -0.5}
    # (30·1 + 20·0) / 50 = 60
    assert score(rates, DEFAULT_RULES).points == 60.0


def test_stars_at_the_thresholds() -> None:
    stars = DEFAULT_RULES.stars_for
    assert [stars(p) for p in (100, 90, 89.9, 80, 70, 69.9, 60, 59.9, 0)] == [
        5,
        5,
        4,
        4,
        3,
        2,
        2,
        1,
        1,
    ]
    custom = ScoreRules(DEFAULT_WEIGHTS, (95, 85, 60, 30))
    assert [custom.stars_for(p) for p in (95, 94, 60, 35, 29.9)] == [5, 4, 3, 2, 1]


# ----------------------------------------------------------------------------- settings


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ({"meetings": 40}, True),
        ({"meetings": 0, "dues": 100}, True),
        ({c.value: 0 for c in Component if c is not C.GUIDANCE}, True),  # guidance's 10 left
        ({c.value: 0 for c in Component}, False),  # all zero
        ({}, False),
        ({"study_time": 10}, False),  # not a component
        ({"meetings": -5}, False),
        ({"meetings": 101}, False),
        ({"meetings": 12.5}, False),
        ({"meetings": True}, False),
        ({"meetings": "40"}, False),
        ([["meetings", 40]], False),
        (None, False),
    ],
)
def test_check_weights(value: object, valid: bool) -> None:
    assert check_weights(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ([90, 80, 70, 60], True),
        ([100, 3, 2, 1], True),
        ([90, 90, 70, 60], False),  # not strictly descending
        ([60, 70, 80, 90], False),
        ([90, 80, 70], False),
        ([90, 80, 70, 60, 50], False),
        ([90, 80, 70, 0], False),
        ([101, 80, 70, 60], False),
        ([90, 80, 70, 60.5], False),
        ([True, 80, 70, 60], False),
        ((90, 80, 70, 60), False),  # JSON gives lists
        (None, False),
    ],
)
def test_check_stars(value: object, valid: bool) -> None:
    assert check_stars(value) is valid


def test_rules_from_the_chain_nearest_wins() -> None:
    chain = [
        {WEIGHTS_SETTING: {"meetings": 50, "dues": 30}, STARS_SETTING: [95, 85, 75, 65]},
        None,  # a level that sets nothing
        {WEIGHTS_SETTING: {"dues": 0}, STARS_SETTING: [80, 70, 60, 50]},
    ]
    rules = rules_from(chain)
    # meetings from the root, dues from the nearer committee, the rest the defaults
    assert rules.weights == {**DEFAULT_WEIGHTS, C.MEETINGS: 50, C.DUES: 0}
    assert rules.stars == (80, 70, 60, 50)


def test_rules_from_ignores_invalid_settings() -> None:
    chain: list[dict[str, Any] | None] = [
        {WEIGHTS_SETTING: {"meetings": 50}, STARS_SETTING: [95, 85, 75, 65]},
        {WEIGHTS_SETTING: {"meetings": -1, "dues": 0}, STARS_SETTING: [1, 2, 3, 4]},
        {WEIGHTS_SETTING: "heavy", STARS_SETTING: None},
    ]
    rules = rules_from(chain)
    assert rules.weights == {**DEFAULT_WEIGHTS, C.MEETINGS: 50}  # the whole bad one ignored
    assert rules.stars == (95, 85, 75, 65)
    assert rules_from([]) == DEFAULT_RULES


def test_a_setting_that_would_leave_no_weight_is_ignored() -> None:
    """Valid over the defaults, but over what the committee above sets nothing would be
    weighed: every branch of the subtree would go unscored."""
    only_meetings = {**{c.value: 0 for c in Component}, "meetings": 100}
    chain = [{WEIGHTS_SETTING: only_meetings}, {WEIGHTS_SETTING: {"meetings": 0}}]
    assert check_weights({"meetings": 0})
    rules = rules_from(chain)
    assert rules.weights == {**dict.fromkeys(Component, 0), C.MEETINGS: 100}
    assert score(ALL_KNOWN, rules).points == 100.0


# ----------------------------------------------------------------------------- on the database


@dataclass
class Committees:
    """city ── district ── branch; the district's admin, the city's admin, the secretary."""

    city: Organization
    district: Organization
    branch: Organization
    city_admin: Actor
    district_admin: Actor
    secretary: Actor


@pytest.fixture
async def committees(uow: Uow) -> Committees:
    async with uow() as u:
        city = await make_org(u, "CITY", Level.COMMITTEE)
        district = await make_org(u, "DIST", Level.COMMITTEE, city)
        branch = await make_org(u, "BR", Level.BRANCH, district)
        city_admin = await make_person(u, "市委组织部", 1, [(city, Role.ADMIN)])
        district_admin = await make_person(u, "区委组织部", 2, [(district, Role.ADMIN)])
        secretary = await make_person(u, "书记", 3, [(branch, Role.SECRETARY)])
        await u.commit()
    return Committees(
        city,
        district,
        branch,
        await actor_of(uow, city_admin),
        await actor_of(uow, district_admin),
        await actor_of(uow, secretary),
    )


async def test_an_admin_sets_weights_and_stars(uow: Uow, committees: Committees) -> None:
    district = committees.district.id
    async with uow() as u:
        found = await scoring.set_weight(u, committees.district_admin, district, C.MEETINGS, 45)
    assert found.own and found.may_set
    assert found.rules.weights == {**DEFAULT_WEIGHTS, C.MEETINGS: 45}
    async with uow() as u:
        found = await scoring.set_stars(u, committees.district_admin, district, [95, 85, 75, 65])
    assert found.rules == ScoreRules({**DEFAULT_WEIGHTS, C.MEETINGS: 45}, (95, 85, 75, 65))
    async with uow() as u:  # stored, and in force below
        stored = await u.organizations.get(district)
        branch = await u.organizations.get(committees.branch.id)
        assert stored is not None and branch is not None
        assert stored.settings[WEIGHTS_SETTING]["meetings"] == 45
        assert (await scoring.rules_for(u, branch)).stars == (95, 85, 75, 65)
        # a secretary reads nothing here, sets nothing
        with pytest.raises(AccessDenied):
            await scoring.settings_of(u, committees.secretary, district)
        with pytest.raises(AccessDenied):
            await scoring.set_weight(u, committees.secretary, district, C.DUES, 10)
        with pytest.raises(AccessDenied):
            await scoring.set_stars(u, committees.secretary, district, [90, 80, 70, 60])
        with pytest.raises(AccessDenied):
            await scoring.reset(u, committees.secretary, district)
        # the district's admin does not reach the city
        with pytest.raises(AccessDenied):
            await scoring.set_weight(u, committees.district_admin, committees.city.id, C.DUES, 10)
        with pytest.raises(NotFound):  # a branch is no committee
            await scoring.set_weight(
                u, committees.district_admin, committees.branch.id, C.DUES, 10
            )


async def test_invalid_values_are_refused(uow: Uow, committees: Committees) -> None:
    admin, district = committees.district_admin, committees.district.id
    async with uow() as u:
        with pytest.raises(InvalidInput) as refused:
            await scoring.set_weight(u, admin, district, C.DUES, 101)
        assert refused.value.key == "report-error-weights"
        with pytest.raises(InvalidInput):
            await scoring.set_weight(u, admin, district, C.DUES, -5)
        with pytest.raises(InvalidInput) as refused:
            await scoring.set_stars(u, admin, district, [70, 80, 90, 95])
        assert refused.value.key == "report-error-stars"
    # the last weight above 0 cannot go to 0
    async with uow() as u:
        for component in Component:
            if component is not C.GUIDANCE:
                await scoring.set_weight(u, admin, district, component, 0)
    async with uow() as u:
        with pytest.raises(InvalidInput):
            await scoring.set_weight(u, admin, district, C.GUIDANCE, 0)
        found = await scoring.settings_of(u, admin, district)
    assert found.rules.weights[C.GUIDANCE] == 10
    assert sum(found.rules.weights.values()) == 10


async def test_reset_falls_back_to_the_committee_above(uow: Uow, committees: Committees) -> None:
    city, district = committees.city.id, committees.district.id
    async with uow() as u:
        await scoring.set_weight(u, committees.city_admin, city, C.TICKETS, 30)
        await scoring.set_stars(u, committees.city_admin, city, [85, 75, 65, 55])
    async with uow() as u:
        # the district starts from what is in force there: the city's tickets weight
        found = await scoring.set_weight(u, committees.district_admin, district, C.DUES, 5)
    assert found.rules.weights == {**DEFAULT_WEIGHTS, C.TICKETS: 30, C.DUES: 5}
    assert found.rules.stars == (85, 75, 65, 55)
    async with uow() as u:
        found = await scoring.reset(u, committees.district_admin, district)
    assert not found.own
    assert found.rules == ScoreRules({**DEFAULT_WEIGHTS, C.TICKETS: 30}, (85, 75, 65, 55))
    async with uow() as u:
        stored = await u.organizations.get(district)
        assert stored is not None
        assert not {WEIGHTS_SETTING, STARS_SETTING} & set(stored.settings)
        found = await scoring.reset(u, committees.city_admin, city)
    assert found.rules == DEFAULT_RULES
    async with uow() as u:  # nothing of its own to drop: unchanged
        found = await scoring.reset(u, committees.city_admin, city)
    assert found.rules == DEFAULT_RULES and not found.own
