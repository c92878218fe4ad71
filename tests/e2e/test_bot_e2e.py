"""The unchanged bot, through the real aiogram HTTP client, against the local Bot API
server: what it sends must be what the real API accepts, or the server would refuse it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from bot.demo import DemoRuntime
from bot.services.roles import Role
from sandbox.client import SandboxClient, message_text
from storage.db import create_engine, create_session_factory
from storage.models import Person
from storage.uow import UnitOfWork

ADMIN, SECRETARY, MEMBER, HERDER, SECRETARY_B, NEWCOMER = (
    100001,
    100002,
    100003,
    100005,
    100006,
    100008,
)


def has(fragment: str) -> Callable[[dict[str, Any]], bool]:
    return lambda message: fragment in message_text(message)


async def test_onboarding_by_invite(
    demo: DemoRuntime, client: SandboxClient, database_url: str
) -> None:
    await client.mark()
    await client.send_text(NEWCOMER, f"/start {demo.seed.invite_token}")
    intro = await client.wait_for_bot_message(NEWCOMER, has("哈业胡同嘎查党支部"))
    name_button = client.buttons(intro)[0]["text"]
    assert name_button.startswith("Alex")  # one tap keeps the Telegram name
    await client.send_text(NEWCOMER, "Alex Chen")
    ask_phone = await client.wait_for_bot_message(NEWCOMER, has("phone"))
    assert any(b.get("request_contact") for b in client.buttons(ask_phone))
    await client.send_contact(NEWCOMER, "+86 138 0000 0008")
    await client.wait_for_bot_message(NEWCOMER, has("Request sent"))

    notice = await client.wait_for_bot_message(SECRETARY, has("Alex Chen"))
    assert "+8613800000008" in message_text(notice)
    await client.press_button(SECRETARY, notice, "同意")
    await client.wait_for_bot_message(SECRETARY, has("已同意"))  # the notice is edited
    await client.wait_for_bot_message(NEWCOMER, has("You have joined"))
    menu = {c["command"] for c in await client.commands(NEWCOMER)}
    assert {"help", "me", "language"} <= menu

    engine = create_engine(database_url)
    try:
        async with UnitOfWork(create_session_factory(engine)) as u:
            person = (
                await u.session.scalars(select(Person).where(Person.telegram_id == NEWCOMER))
            ).one()
            held = {(o.code, m.role) for m, o in await u.memberships.of_person(person.id)}
    finally:
        await engine.dispose()
    assert held == {("DEMO-HY", Role.MEMBER)}


async def test_language_choice_changes_texts_and_menu(
    demo: DemoRuntime, client: SandboxClient
) -> None:
    await client.mark()
    await client.send_text(MEMBER, "/language")
    choice = await client.wait_for_bot_message(MEMBER, has("语言"))
    callback = await client.press_button(MEMBER, choice, "ᠮᠣᠩᠭᠣᠯ")
    await client.wait_for_callback_answer(callback)
    confirmed = await client.wait_for_bot_message(
        MEMBER, lambda m: m.get("edited") is True or "ᠮᠣᠩᠭᠣᠯ" in message_text(m)
    )
    assert any("\u1800" <= ch <= "\u18af" for ch in message_text(confirmed))
    menu = await client.commands(MEMBER)
    assert menu and all(any("\u1800" <= ch <= "\u18af" for ch in c["description"]) for c in menu)
    await client.send_text(MEMBER, "/me")
    me = await client.wait_for_bot_message(MEMBER, has("哈业胡同嘎查党支部"))
    assert any("\u1800" <= ch <= "\u18af" for ch in message_text(me))


async def test_authorization_is_refused_in_the_users_language(
    demo: DemoRuntime, client: SandboxClient
) -> None:
    await client.mark()
    await client.send_text(HERDER, "/invite")
    refusal = await client.wait_for_bot_message(HERDER, lambda m: bool(message_text(m)))
    assert any("\u1800" <= ch <= "\u18af" for ch in message_text(refusal))

    # A's join request is invisible to the secretary of branch B, and stays undecided
    await client.send_text(NEWCOMER, f"/start {demo.seed.invite_token}")
    await client.wait_for_bot_message(NEWCOMER, has("哈业胡同嘎查党支部"))
    await client.send_text(NEWCOMER, "Alex")
    await client.wait_for_bot_message(NEWCOMER, has("phone"))
    await client.send_text(NEWCOMER, "Skip")
    await client.wait_for_bot_message(SECRETARY, has("Alex"))
    await client.send_text(SECRETARY_B, "/requests")
    await client.wait_for_bot_message(SECRETARY_B, has("没有待审批"))
    await client.send_text(SECRETARY_B, "/org")
    card = await client.wait_for_bot_message(SECRETARY_B, has("北京路社区党支部"))
    assert "哈业胡同" not in message_text(card)
    await client.send_text(SECRETARY, "/requests")
    await client.wait_for_bot_message(SECRETARY, has("待审批的加入申请：1"))
