"""Conversation state and update locks that keep nothing for users not in a conversation."""

from __future__ import annotations

import asyncio

from aiogram.fsm.storage.base import StorageKey

from bot.conversations import CompactMemoryStorage, ReleasingEventIsolation


def key(user: int) -> StorageKey:
    return StorageKey(bot_id=1, chat_id=user, user_id=user)


async def test_reading_a_user_with_no_conversation_keeps_nothing() -> None:
    storage = CompactMemoryStorage()
    for user in range(100):
        assert await storage.get_state(key(user)) is None
        assert await storage.get_data(key(user)) == {}
        assert await storage.get_value(key(user), "step", "none") == "none"
    assert len(storage.storage) == 0


async def test_a_conversation_is_kept_until_it_ends() -> None:
    storage = CompactMemoryStorage()
    await storage.set_state(key(1), "NeedFlow:details")
    await storage.update_data(key(1), {"category": "elderly"})
    assert await storage.get_state(key(1)) == "NeedFlow:details"
    assert await storage.get_value(key(1), "category") == "elderly"
    await storage.set_state(key(1), None)  # the state ends first, the data stays
    assert await storage.get_data(key(1)) == {"category": "elderly"}
    assert len(storage.storage) == 1
    await storage.set_data(key(1), {})
    assert len(storage.storage) == 0


async def test_one_update_per_user_at_a_time_and_no_lock_left_behind() -> None:
    isolation = ReleasingEventIsolation()
    order: list[str] = []

    async def handle(user: int, name: str) -> None:
        async with isolation.lock(key(user)):
            order.append(f"{name} in")
            await asyncio.sleep(0.01)
            order.append(f"{name} out")

    await asyncio.gather(handle(1, "a"), handle(1, "b"), handle(2, "c"))
    assert order.index("a out") < order.index("b in")  # same user: one after the other
    assert order.index("c in") < order.index("a out")  # another user: at once
    assert isolation.held() == 0


async def test_a_failing_update_releases_its_lock() -> None:
    isolation = ReleasingEventIsolation()
    try:
        async with isolation.lock(key(1)):
            raise RuntimeError("handler failed")
    except RuntimeError:
        pass
    assert isolation.held() == 0
    async with isolation.lock(key(1)):  # and the user is not stuck
        assert isolation.held() == 1
