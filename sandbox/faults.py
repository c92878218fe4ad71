"""Fault injection: make valid Bot API calls fail the way Telegram sometimes does (429 with
`retry_after`, 5xx), so senders can be tested and benchmarked against bad days.

A rule fails the next `count` matching calls, or each matching call with a `probability`,
or both (each call with that probability until `count` calls have failed). A rule without
`method` matches the methods that put a message into a chat (send*, edit*, copy*, forward*;
not sendChatAction), which is what a broadcast sender does.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from sandbox.errors import ApiError

FAULT_CODES = frozenset({429, 500, 502, 503, 504})
_DEFAULT_DESCRIPTIONS = {
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
_MESSAGE_PREFIXES = ("send", "edit", "copy", "forward")


def puts_message(method: str) -> bool:
    """Whether a method sends or edits a message (the default target of a rule)."""
    return method.startswith(_MESSAGE_PREFIXES) and method != "sendChatAction"


@dataclass
class FaultRule:
    code: int
    method: str | None = None
    count: int | None = None
    """Calls still to fail; None: no limit (then `probability` decides)."""
    probability: float = 1.0
    retry_after: int = 1
    """For 429: the seconds Telegram would ask the bot to wait."""
    description: str | None = None
    injected: int = 0

    def matches(self, method: str) -> bool:
        if self.count is not None and self.count <= 0:
            return False
        return puts_message(method) if self.method is None else method == self.method

    def error(self) -> ApiError:
        if self.code == 429:
            text = self.description or f"Too Many Requests: retry after {self.retry_after}"
            return ApiError(429, text, retry_after=self.retry_after)
        return ApiError(self.code, self.description or _DEFAULT_DESCRIPTIONS[self.code])

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "method": self.method,
            "count": self.count,
            "probability": self.probability,
            "retry_after": self.retry_after if self.code == 429 else None,
            "description": self.description,
            "injected": self.injected,
        }


def parse_rule(body: dict[str, Any]) -> FaultRule:
    """A rule from its JSON form; ValueError says what is wrong."""
    known = {"code", "method", "count", "probability", "retry_after", "description"}
    unknown = sorted(set(body) - known)
    if unknown:
        raise ValueError(f"unknown fault field {unknown[0]!r}")
    code = body.get("code")
    if isinstance(code, bool) or code not in FAULT_CODES:
        raise ValueError(f"code must be one of {', '.join(map(str, sorted(FAULT_CODES)))}")
    method = body.get("method")
    if method is not None and (not isinstance(method, str) or not method):
        raise ValueError("method must be a Bot API method name such as sendMessage")
    count = body.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise ValueError("count must be a positive integer")
    probability = body.get("probability", 1.0)
    if (
        isinstance(probability, bool)
        or not isinstance(probability, (int, float))
        or not 0 < probability <= 1
    ):
        raise ValueError("probability must lie in (0, 1]")
    if count is None and "probability" not in body:
        raise ValueError("give a count, a probability, or both")
    retry_after = body.get("retry_after", 1)
    if isinstance(retry_after, bool) or not isinstance(retry_after, int) or retry_after < 1:
        raise ValueError("retry_after must be a positive integer (seconds)")
    description = body.get("description")
    if description is not None and not isinstance(description, str):
        raise ValueError("description must be a string")
    return FaultRule(
        code=code,
        method=method,
        count=count,
        probability=float(probability),
        retry_after=retry_after,
        description=description,
    )


class Faults:
    """The rules in force; the first matching rule that fires decides the error."""

    def __init__(self, seed: int | None = None) -> None:
        self.rules: list[FaultRule] = []
        self._random = random.Random(seed)

    def add(self, rule: FaultRule) -> None:
        self.rules.append(rule)

    def clear(self, seed: int | None = None) -> None:
        self.rules.clear()
        if seed is not None:
            self._random.seed(seed)

    def check(self, method: str) -> None:
        """Raise the injected error for this call, if a rule fires."""
        for rule in self.rules:
            if not rule.matches(method):
                continue
            if rule.probability < 1 and self._random.random() >= rule.probability:
                continue
            if rule.count is not None:
                rule.count -= 1
            rule.injected += 1
            raise rule.error()

    def to_json(self) -> dict[str, Any]:
        return {
            "rules": [rule.to_json() for rule in self.rules],
            "injected": sum(rule.injected for rule in self.rules),
        }
