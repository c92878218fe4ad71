"""The fuzzers' checks can fail: a change in another branch, a change by someone with no
rights, a proxy sign-in outside the group leader's reach, and replies past Telegram's limits
are each caught."""

from __future__ import annotations

from typing import Any

from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy import select

from storage.models import Ticket, TicketStatus
from tests.fuzz.conftest import World
from tests.fuzz.properties import (
    PROTECTED,
    Reach,
    Rights,
    Snapshot,
    forbidden,
    limit_problems,
    snapshot,
)


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


def test_a_proxy_sign_in_is_allowed_only_for_the_group_where_it_may_be_made() -> None:
    """A group leader (person 7, group 11 of branch 10) may record a sign-in for the group's
    member without a phone (person 8) at the branch's or the group's meetings, naming the
    leader as the proxy; not for anyone else, not elsewhere, not under another's name."""

    def world(*attendances: dict[str, Any]) -> Snapshot:
        rows: Snapshot = {table: {} for table in PROTECTED}
        rows["meetings"] = {1: {"id": 1, "org_id": 10}, 2: {"id": 2, "org_id": 11}}
        rows["meetings"][3] = {"id": 3, "org_id": 20}  # another branch's
        rows["attendances"] = {a["id"]: a for a in attendances}
        return rows

    def signed(meeting: int, person: int, proxy: int | None = 7) -> dict[str, Any]:
        return {"id": 100, "meeting_id": meeting, "person_id": person, "proxy_by_id": proxy}

    leader = Rights(
        7,
        {"attendances": Reach.ORG},
        frozenset({11}),
        proxy_for=frozenset({8}),
        proxy_org_ids=frozenset({10, 11}),
    )
    allowed = [signed(1, 8), signed(2, 8), signed(2, 9)]  # 9 at the group's own meeting: ORG
    refused = [signed(1, 9), signed(3, 8), signed(1, 8, proxy=None), signed(1, 8, proxy=5)]
    for row in allowed:
        assert forbidden(leader, world(), world(row)) == [], row
    for row in refused:
        assert len(forbidden(leader, world(), world(row))) == 1, row
