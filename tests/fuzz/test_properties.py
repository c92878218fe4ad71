"""The fuzzers' checks can fail: a change in another branch, a change by someone with no
rights, and replies past Telegram's limits are each caught."""

from __future__ import annotations

from typing import Any

from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy import select

from storage.models import Ticket, TicketStatus
from tests.fuzz.conftest import World
from tests.fuzz.properties import Reach, Rights, forbidden, limit_problems, snapshot


async def test_a_change_outside_the_actors_rights_is_caught(world: World) -> None:
    async with world.harness.uow() as u:
        before = await snapshot(u)
        ticket = await u.session.scalar(
            select(Ticket).where(
                Ticket.org_id == world.orgs["B"], Ticket.status == TicketStatus.POSTED
            )
        )
        assert ticket is not None
        ticket.status, ticket.assignee_id = TicketStatus.IN_PROGRESS, world.people["member_a"]
        await u.commit()
    async with world.harness.uow() as u:
        after = await snapshot(u)
    secretary_a = Rights(
        world.people["secretary_a"],
        {"tickets": Reach.ORG},
        frozenset({world.orgs["A"], world.orgs["A1"]}),
    )
    member_a = Rights(world.people["member_a"], {"tickets": Reach.OWN})
    admin_x = Rights(
        world.people["admin_x"], {"tickets": Reach.ORG}, frozenset(world.orgs.values())
    )
    assert len(forbidden(secretary_a, before, after)) == 1
    assert len(forbidden(member_a, before, after)) == 1  # claiming is not owning
    assert len(forbidden(Rights(None), before, after)) == 1
    assert forbidden(admin_x, before, after) == []


def test_replies_past_telegrams_limits_are_caught() -> None:
    button = InlineKeyboardButton(text="x", callback_data="d" * 65)
    sent: list[TelegramMethod[Any]] = [
        SendMessage(chat_id=1, text="a" * 4097),
        SendMessage(chat_id=1, text=" \n"),
        SendMessage(
            chat_id=1, text="ok", reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]])
        ),
        AnswerCallbackQuery(callback_query_id="1", text="b" * 201),
    ]
    assert len(limit_problems(sent)) == 4
    assert limit_problems([SendMessage(chat_id=1, text="党" * 4096)]) == []
