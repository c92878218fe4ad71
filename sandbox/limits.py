"""Telegram's limits: fixed sizes, and configurable rate limits enforced with token buckets
on an injectable clock (answered with 429 and `retry_after`, like Telegram)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import Any

from sandbox.errors import ApiError, too_many_requests

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_CALLBACK_ANSWER_LENGTH = 200
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_COMMANDS = 100

SandboxClock = Callable[[], float | datetime]
"""Seconds since the epoch (like `time.time`) or an aware datetime (like the bot's clocks)."""


def now_seconds(clock: SandboxClock) -> float:
    value = clock()
    return value.timestamp() if isinstance(value, datetime) else float(value)


@dataclass(frozen=True)
class SandboxLimits:
    """Rate limits (token buckets: a burst of `capacity`, refilled at the given rate).

    `enabled` switches the rate limits only; size limits always apply, like on Telegram.
    """

    global_per_second: float = 30.0
    per_chat_per_second: float = 1.0
    per_group_per_minute: float = 20.0
    per_chat_burst: int = 10
    """Telegram tolerates short bursts in one chat before answering 429."""
    callback_query_ttl: float = 15.0
    """Seconds after which answerCallbackQuery says "query is too old"."""
    enabled: bool = True

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def updated(self, changes: dict[str, Any]) -> SandboxLimits:
        """A copy with `changes` applied; ValueError names an unknown or ill-typed field."""
        known = {f.name: f for f in fields(self)}
        clean: dict[str, Any] = {}
        for name, value in changes.items():
            if name not in known:
                raise ValueError(f"unknown limit {name!r}")
            if name == "enabled":
                if not isinstance(value, bool):
                    raise ValueError("enabled must be true or false")
                clean[name] = value
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ValueError(f"{name} must be a positive number")
            clean[name] = int(value) if name == "per_chat_burst" else float(value)
        return replace(self, **clean)


class _Bucket:
    def __init__(self, capacity: float, rate: float, now: float) -> None:
        self.capacity = max(capacity, 1.0)
        self.rate = rate
        self.tokens = self.capacity
        self.stamp = now

    def refill(self, now: float) -> None:
        if now > self.stamp:
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = max(self.stamp, now)

    def wait_for_one(self) -> float:
        """Seconds until a token is available (0 when there is one)."""
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate


class RateLimiter:
    """Counts messages sent or edited by the bot: overall, per chat, and per group."""

    def __init__(self, limits: SandboxLimits, clock: SandboxClock = time.time) -> None:
        self.limits = limits
        self.clock = clock
        self._global: _Bucket | None = None
        self._chats: dict[int, _Bucket] = {}
        self._groups: dict[int, _Bucket] = {}

    def configure(self, limits: SandboxLimits) -> None:
        self.limits = limits
        self.reset()

    def reset(self) -> None:
        self._global = None
        self._chats.clear()
        self._groups.clear()

    def acquire(self, chat_id: int, *, is_group: bool) -> None:
        """Take one message from every bucket that applies, or raise 429 taking none."""
        if not self.limits.enabled:
            return
        now = now_seconds(self.clock)
        limits = self.limits
        if self._global is None:
            self._global = _Bucket(limits.global_per_second, limits.global_per_second, now)
        buckets = [self._global]
        chat = self._chats.get(chat_id)
        if chat is None:
            chat = self._chats[chat_id] = _Bucket(
                limits.per_chat_burst, limits.per_chat_per_second, now
            )
        buckets.append(chat)
        if is_group:
            group = self._groups.get(chat_id)
            if group is None:
                group = self._groups[chat_id] = _Bucket(
                    limits.per_group_per_minute, limits.per_group_per_minute / 60.0, now
                )
            buckets.append(group)
        for bucket in buckets:
            bucket.refill(now)
        wait = max(bucket.wait_for_one() for bucket in buckets)
        if wait > 0:
            raise self.error(wait)
        for bucket in buckets:
            bucket.tokens -= 1

    @staticmethod
    def error(wait: float) -> ApiError:
        return too_many_requests(max(1, math.ceil(wait - 1e-9)))
