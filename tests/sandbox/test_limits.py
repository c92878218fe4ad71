"""Rate limits: a burst per chat then 1 message/s, 30/s overall, 20/min per group; 429 with
retry_after; the clock is injected so time only moves when the test moves it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter

from sandbox import SandboxClient, SandboxLimits
from sandbox.errors import ApiError
from sandbox.limits import RateLimiter
from tests.sandbox.conftest import FakeTime

User = dict[str, Any]


@pytest.fixture
def limits() -> SandboxLimits:
    return SandboxLimits(
        global_per_second=30, per_chat_per_second=1, per_group_per_minute=20, per_chat_burst=3
    )


def test_per_chat_bucket_refills_at_the_configured_rate() -> None:
    time = FakeTime()
    limiter = RateLimiter(SandboxLimits(per_chat_burst=2, per_chat_per_second=1), time)
    limiter.acquire(1, is_group=False)
    limiter.acquire(1, is_group=False)
    with pytest.raises(ApiError) as caught:
        limiter.acquire(1, is_group=False)
    assert (caught.value.code, caught.value.retry_after) == (429, 1)
    assert caught.value.to_json()["parameters"] == {"retry_after": 1}
    limiter.acquire(2, is_group=False)  # other chats are not affected
    time.advance(0.5)
    with pytest.raises(ApiError):
        limiter.acquire(1, is_group=False)
    time.advance(0.5)
    limiter.acquire(1, is_group=False)


def test_group_bucket_is_per_minute_and_retry_after_rounds_up() -> None:
    time = FakeTime()
    limiter = RateLimiter(SandboxLimits(per_group_per_minute=20, per_chat_burst=100), time)
    for _ in range(20):
        limiter.acquire(-5, is_group=True)
    with pytest.raises(ApiError) as caught:
        limiter.acquire(-5, is_group=True)
    assert caught.value.retry_after == 3  # one message every 3 s
    time.advance(3)
    limiter.acquire(-5, is_group=True)


def test_a_refused_message_takes_no_tokens() -> None:
    time = FakeTime()
    limiter = RateLimiter(SandboxLimits(global_per_second=2, per_chat_burst=1), time)
    limiter.acquire(1, is_group=False)
    for _ in range(5):
        with pytest.raises(ApiError):
            limiter.acquire(1, is_group=False)
    limiter.acquire(2, is_group=False)  # the global bucket still had its second token


def test_datetime_clocks_work_too() -> None:
    now = [datetime(2026, 11, 21, tzinfo=UTC)]
    limiter = RateLimiter(SandboxLimits(per_chat_burst=1), lambda: now[0])
    limiter.acquire(1, is_group=False)
    with pytest.raises(ApiError):
        limiter.acquire(1, is_group=False)
    now[0] += timedelta(seconds=1)
    limiter.acquire(1, is_group=False)


def test_updated_limits_are_checked() -> None:
    assert SandboxLimits().updated({"enabled": False}).enabled is False
    with pytest.raises(ValueError, match="unknown limit"):
        SandboxLimits().updated({"per_year": 1})
    with pytest.raises(ValueError, match="positive"):
        SandboxLimits().updated({"per_chat_burst": 0})


async def test_per_chat_limit_through_aiogram(bot: Bot, alice: User, fake_time: FakeTime) -> None:
    for n in range(3):
        await bot.send_message(alice["id"], f"burst {n}")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(alice["id"], "one too many")
    assert caught.value.retry_after == 1
    with pytest.raises(TelegramRetryAfter):  # edits count as well
        await bot.edit_message_text("edited", chat_id=alice["id"], message_id=1)
    fake_time.advance(1)
    await bot.send_message(alice["id"], "after a second")


async def test_global_limit_across_chats(
    bot: Bot, sandbox: SandboxClient, fake_time: FakeTime
) -> None:
    users = [await sandbox.create_user(f"U{n}") for n in range(31)]
    for user in users[:30]:
        await bot.send_message(user["id"], "notice")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(users[30]["id"], "notice")
    assert caught.value.retry_after == 1
    fake_time.advance(0.1)
    await bot.send_message(users[30]["id"], "notice")  # 30/s refills 3 messages in 0.1 s


async def test_group_limit_per_minute(
    bot: Bot, sandbox: SandboxClient, alice: User, fake_time: FakeTime
) -> None:
    group = await sandbox.create_chat("Branch", [alice["id"]])
    sent = 0
    with pytest.raises(TelegramRetryAfter) as caught:
        while sent < 40:
            await bot.send_message(group["id"], f"m{sent}")
            sent += 1
            fake_time.advance(1)  # the per-chat bucket refills; the group one gains 1/3
    # a burst of 20, plus one message per 3 s: before message i, 20 - i + i/3 >= 1 holds
    # up to i = 28
    assert sent == 29
    assert caught.value.retry_after == 1


async def test_limits_switch_at_runtime(bot: Bot, sandbox: SandboxClient, alice: User) -> None:
    settings = await sandbox.set_limits(enabled=False)
    assert settings["enabled"] is False
    for n in range(10):
        await bot.send_message(alice["id"], f"free {n}")
    await sandbox.set_limits(enabled=True, per_chat_burst=1)
    await bot.send_message(alice["id"], "counted")
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(alice["id"], "refused")
