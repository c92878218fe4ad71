"""Findings of the fuzzers, kept as plain examples."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery
from aiogram.types import User

from tests.fuzz import generators as gen
from tests.fuzz.conftest import World

ADMIN_X = User(id=1001, is_bot=False, first_name="admin", language_code="en")


async def test_ids_past_a_database_integer_are_a_stale_button(world: World) -> None:
    """`ack:9223372036854775808` reached the database and failed there (SQLite: "Python int
    too large to convert to SQLite INTEGER"; PostgreSQL: integer out of range)."""
    forged = ("ack:9223372036854775808", f"tk:o:{2**31}:0", f"inv:{10**30}:a", "gack:-2147483649")
    for data in forged:
        before = len(world.session.requests)
        await world.harness.send(gen.press_update(ADMIN_X, data))
        assert world.errors.records == []
        [answer] = [
            r for r in world.session.requests[before:] if isinstance(r, AnswerCallbackQuery)
        ]
        assert answer.show_alert and answer.text
