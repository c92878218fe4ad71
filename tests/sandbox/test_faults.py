"""Fault injection through the control API: 429s with retry_after and 5xx answers for valid
calls, by count or by probability, visible to the real aiogram client."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter, TelegramServerError

from sandbox import SandboxClient, SandboxError
from sandbox.faults import FaultRule, Faults, puts_message

User = dict[str, Any]


async def test_the_next_n_calls_of_a_method_fail_then_it_works(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    state = await sandbox.inject_fault(429, method="sendMessage", count=2, retry_after=7)
    assert state["rules"][0]["count"] == 2 and state["injected"] == 0

    for _ in range(2):
        with pytest.raises(TelegramRetryAfter) as caught:
            await bot.send_message(alice["id"], "hello")
        assert caught.value.retry_after == 7
    sent = await bot.send_message(alice["id"], "hello")
    assert sent.text == "hello"

    faults = await sandbox.faults()
    assert faults["injected"] == 2 and faults["rules"][0]["count"] == 0
    assert [m["text"] for m in await sandbox.bot_messages(alice["id"])] == ["hello"]


async def test_a_refused_call_changes_nothing_and_5xx_reach_aiogram(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    await sandbox.inject_fault(502, count=1)
    with pytest.raises(TelegramServerError):
        await bot.send_message(alice["id"], "lost")
    assert await sandbox.bot_messages(alice["id"]) == []
    await bot.get_me()  # a rule without a method only touches send/edit methods
    await sandbox.inject_fault(503, method="getMe", count=1, description="Service Unavailable")
    with pytest.raises(TelegramServerError):
        await bot.get_me()


async def test_probability_rules_are_reproducible_with_a_seed(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    async def failures() -> int:
        await sandbox.clear_faults(seed=11)
        await sandbox.inject_fault(429, probability=0.3)
        failed = 0
        for i in range(40):
            try:
                await bot.send_message(alice["id"], f"m{i}")
            except TelegramRetryAfter:
                failed += 1
        assert (await sandbox.faults())["injected"] == failed
        return failed

    first = await failures()
    assert 3 <= first <= 25
    assert await failures() == first
    cleared = await sandbox.clear_faults()
    assert cleared == {"rules": [], "injected": 0}
    await bot.send_message(alice["id"], "calm again")


async def test_bad_rules_are_refused(sandbox: SandboxClient) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"code": 404, "count": 1}, "code must be one of"),
        ({"code": 429}, "give a count, a probability"),
        ({"code": 429, "count": 0}, "count must be a positive integer"),
        ({"code": 429, "probability": 1.5}, "probability must lie in"),
        ({"code": 429, "count": 1, "retry_after": 0}, "retry_after must be a positive"),
        ({"code": 500, "count": 1, "colour": "red"}, "unknown fault field 'colour'"),
    ]
    for body, message in cases:
        with pytest.raises(SandboxError) as caught:
            await sandbox._request("POST", "/sandbox/faults", json_body=body)
        assert caught.value.status == 400 and message in caught.value.message
    assert (await sandbox.faults())["rules"] == []


def test_rules_match_message_methods_by_default_and_count_down() -> None:
    assert puts_message("sendMessage") and puts_message("editMessageText")
    assert not puts_message("sendChatAction") and not puts_message("getUpdates")
    faults = Faults(seed=1)
    faults.add(FaultRule(code=500, count=1))
    faults.check("getUpdates")
    with pytest.raises(Exception, match="Internal Server Error"):
        faults.check("sendVoice")
    faults.check("sendVoice")  # spent
