"""The dues and deadline settings an organization keeps: typed, range-checked, refused whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.services import organizations
from bot.services.access import OPERATOR
from bot.services.errors import AccessDenied, InvalidInput
from storage.uow import UnitOfWork
from tests.factories import actor_of, build_tree


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        (organizations.DUES_DAY_SETTING, "10", 10),
        (organizations.FARMER_DUES_SETTING, "50", 50),
        (
            organizations.FREQUENCIES_SETTING,
            '{"party_lecture": "yearly", "group_meeting": "none"}',
            {"party_lecture": "yearly", "group_meeting": "none"},
        ),
    ],
)
async def test_valid_settings_are_stored(
    uow: Callable[[], UnitOfWork], key: str, text: str, value: object
) -> None:
    tree = await build_tree(uow)
    parsed = organizations.parse_setting(key, text)
    assert parsed == value
    async with uow() as u:
        await organizations.set_setting(u, OPERATOR, tree.committee.id, key, parsed)
    async with uow() as u:
        org = await u.organizations.get(tree.committee.id)
        assert org is not None and org.settings[key] == value


@pytest.mark.parametrize(
    ("key", "text"),
    [
        (organizations.DUES_DAY_SETTING, "0"),
        (organizations.DUES_DAY_SETTING, "29"),
        (organizations.DUES_DAY_SETTING, "5.5"),
        (organizations.FARMER_DUES_SETTING, "19"),
        (organizations.FARMER_DUES_SETTING, "101"),
        (organizations.FREQUENCIES_SETTING, '{"party_lecture": "weekly"}'),
        (organizations.FREQUENCIES_SETTING, '{"tea_party": "monthly"}'),
        (organizations.FREQUENCIES_SETTING, '["monthly"]'),
    ],
)
async def test_bad_values_are_refused_and_nothing_changes(
    uow: Callable[[], UnitOfWork], key: str, text: str
) -> None:
    tree = await build_tree(uow)
    with pytest.raises(InvalidInput):
        value = organizations.parse_setting(key, text)
        async with uow() as u:
            await organizations.set_setting(u, OPERATOR, tree.committee.id, key, value)
    async with uow() as u:
        org = await u.organizations.get(tree.committee.id)
        assert org is not None and key not in org.settings


async def test_a_boolean_is_not_a_day(uow: Callable[[], UnitOfWork]) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        with pytest.raises(InvalidInput):
            await organizations.set_setting(
                u, OPERATOR, tree.branch_a.id, organizations.DUES_DAY_SETTING, True
            )


async def test_a_secretary_cannot_set_the_committees_setting(
    uow: Callable[[], UnitOfWork],
) -> None:
    tree = await build_tree(uow)
    secretary = await actor_of(uow, tree.secretary_a)
    async with uow() as u:
        with pytest.raises(AccessDenied):
            await organizations.set_setting(
                u, secretary, tree.committee.id, organizations.DUES_DAY_SETTING, 10
            )
