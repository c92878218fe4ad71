"""Branch scores for a committee's attention: six rates combined into points and stars.

Each component is a rate in [0, 1] over the report's period (bot.services.reports says how
each is counted). The score is the weighted mean of the components that have data, times
100: a branch without tickets is judged on the other five, its weights re-spread, instead
of getting 0 or 100 for tickets it never had. No data at all gives no score.

Stars follow thresholds on the score: the defaults (90 / 80 / 70 / 60 → five / four /
three / two stars, below that one) follow the common 评星定级 scales. A committee sets its
own weights (`report_weights`, whole numbers 0–100 per component, at least one above 0)
and thresholds (`report_stars`, four descending numbers 1–100) for its subtree; the nearest
committee up the tree that sets one wins.

Scores rank branches, the organizations the committee helps; members are never ranked (no
study time, no clicks: see "Burden reduction" in the domain notes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from typing import Any

from bot.services import scope
from bot.services.access import Action, Actor, can
from bot.services.errors import InvalidInput
from bot.services.roles import Level
from storage.models import Organization
from storage.uow import UnitOfWork

WEIGHTS_SETTING = "report_weights"
STARS_SETTING = "report_stars"


class Component(StrEnum):
    MEETINGS = "meetings"  # required meetings held
    ATTENDANCE = "attendance"  # sign-ins at the meetings held
    DUES = "dues"  # member-months paid of those due
    TICKETS = "tickets"  # needs solved in time of those judged
    SATISFACTION = "satisfaction"  # the requesters' average rating, out of 5
    GUIDANCE = "guidance"  # guidance acknowledged of that received


DEFAULT_WEIGHTS: Mapping[Component, int] = {
    Component.MEETINGS: 30,
    Component.ATTENDANCE: 20,
    Component.DUES: 20,
    Component.TICKETS: 10,
    Component.SATISFACTION: 10,
    Component.GUIDANCE: 10,
}
DEFAULT_STARS: tuple[int, ...] = (90, 80, 70, 60)  # five, four, three, two stars; else one
WEIGHT_STEP = 5
MAX_WEIGHT = 100


@dataclass(frozen=True)
class ScoreRules:
    weights: Mapping[Component, int]
    stars: tuple[int, ...]  # four thresholds, descending

    def stars_for(self, points: float) -> int:
        """Five stars at or above the first threshold, four at the second ... one below all."""
        for number, threshold in enumerate(self.stars):
            if points >= threshold:
                return 5 - number
        return 1


DEFAULT_RULES = ScoreRules(DEFAULT_WEIGHTS, DEFAULT_STARS)


@dataclass(frozen=True)
class Score:
    points: float | None  # 0–100, None when no component has data
    stars: int | None
    rates: Mapping[Component, float | None]  # what went in

    @property
    def counted(self) -> tuple[Component, ...]:
        return tuple(c for c in Component if self.rates.get(c) is not None)


def score(rates: Mapping[Component, float | None], rules: ScoreRules) -> Score:
    """The weighted mean of the rates that are known (weights of unknown ones re-spread)."""
    known = {c: r for c, r in rates.items() if r is not None and rules.weights.get(c, 0) > 0}
    total = sum(rules.weights[c] for c in known)
    if not total:
        return Score(None, None, dict(rates))
    points = sum(rules.weights[c] * min(max(r, 0.0), 1.0) for c, r in known.items()) * 100
    points = round(points / total, 1)
    return Score(points, rules.stars_for(points), dict(rates))


# ----------------------------------------------------------------------------- settings


def check_weights(value: object) -> bool:
    """A committee's `report_weights`: known components, whole numbers 0–100, not all 0."""
    if not isinstance(value, dict) or not value:
        return False
    names = {c.value for c in Component}
    return (
        all(
            k in names and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_WEIGHT
            for k, v in value.items()
        )
        and sum(_weights_over(DEFAULT_WEIGHTS, value).values()) > 0
    )


def check_stars(value: object) -> bool:
    """A committee's `report_stars`: four whole numbers 1–100, strictly descending."""
    return (
        isinstance(value, list)
        and len(value) == len(DEFAULT_STARS)
        and all(isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 100 for v in value)
        and all(a > b for a, b in pairwise(value))
    )


def _weights_over(above: Mapping[Component, int], raw: Mapping[str, Any]) -> dict[Component, int]:
    return {**above, **{Component(k): int(v) for k, v in raw.items()}}


def rules_from(chain: Iterable[Mapping[str, Any] | None]) -> ScoreRules:
    """The rules for a subtree from the settings of its organizations, root first: each
    valid setting overrides what is above it; invalid ones are ignored, and so is one that
    would leave no weight above 0 over what it inherits (nothing could be scored)."""
    weights: Mapping[Component, int] = DEFAULT_WEIGHTS
    stars = DEFAULT_STARS
    for settings in chain:
        settings = settings or {}
        raw = settings.get(WEIGHTS_SETTING)
        if check_weights(raw):
            assert isinstance(raw, dict)
            merged = _weights_over(weights, raw)
            if sum(merged.values()) > 0:
                weights = merged
        found = settings.get(STARS_SETTING)
        if check_stars(found):
            assert isinstance(found, list)
            stars = tuple(found)
    return ScoreRules(dict(weights), stars)


async def _chain(uow: UnitOfWork, org: Organization) -> list[Organization]:
    ids = [int(part) for part in org.path.strip("/").split("/") if part]
    found = await uow.organizations.by_ids(ids)
    return [found[i] for i in ids if i in found]


async def rules_for(uow: UnitOfWork, org: Organization) -> ScoreRules:
    """The rules in force at `org` (its own setting and those above it)."""
    return rules_from(o.settings for o in await _chain(uow, org))


@dataclass(frozen=True)
class ScoringSettings:
    committee: Organization
    rules: ScoreRules  # in force
    own: bool  # the committee set weights or stars itself
    may_set: bool


async def settings_of(uow: UnitOfWork, actor: Actor, committee_id: int) -> ScoringSettings:
    committee = await scope.get_at_level(
        uow, actor, Action.VIEW_REPORTS, committee_id, Level.COMMITTEE
    )
    own = bool({WEIGHTS_SETTING, STARS_SETTING} & set(committee.settings or {}))
    return ScoringSettings(
        committee,
        await rules_for(uow, committee),
        own,
        can(actor, Action.CONFIGURE_SCORING, committee),
    )


async def _configurable(uow: UnitOfWork, actor: Actor, committee_id: int) -> Organization:
    return await scope.get_at_level(
        uow, actor, Action.CONFIGURE_SCORING, committee_id, Level.COMMITTEE
    )


async def set_weight(
    uow: UnitOfWork, actor: Actor, committee_id: int, component: Component, weight: int
) -> ScoringSettings:
    """One component's weight for the committee's subtree (the others as now in force)."""
    committee = await _configurable(uow, actor, committee_id)
    weights = dict((await rules_for(uow, committee)).weights)
    weights[component] = weight
    value = {c.value: w for c, w in weights.items()}
    if not check_weights(value):
        raise InvalidInput("report-error-weights")
    committee.settings = {**(committee.settings or {}), WEIGHTS_SETTING: value}
    await uow.commit()
    return await settings_of(uow, actor, committee_id)


async def set_stars(
    uow: UnitOfWork, actor: Actor, committee_id: int, thresholds: list[int]
) -> ScoringSettings:
    committee = await _configurable(uow, actor, committee_id)
    if not check_stars(thresholds):
        raise InvalidInput("report-error-stars")
    committee.settings = {**(committee.settings or {}), STARS_SETTING: list(thresholds)}
    await uow.commit()
    return await settings_of(uow, actor, committee_id)


async def reset(uow: UnitOfWork, actor: Actor, committee_id: int) -> ScoringSettings:
    """Drop the committee's own weights and thresholds: those above (or the defaults) apply."""
    committee = await _configurable(uow, actor, committee_id)
    settings = dict(committee.settings or {})
    if {WEIGHTS_SETTING, STARS_SETTING} & set(settings):
        settings.pop(WEIGHTS_SETTING, None)
        settings.pop(STARS_SETTING, None)
        committee.settings = settings
        await uow.commit()
    return await settings_of(uow, actor, committee_id)
