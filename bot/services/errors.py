"""Domain errors: each names the locale key that explains it to the user."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule said no. `key` is a message id in locales/, `params` its placeholders."""

    key = "error-generic"

    def __init__(self, key: str | None = None, **params: Any) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key, params)


class AccessDenied(DomainError):
    key = "error-access-denied"


class NotFound(DomainError):
    key = "error-not-found"


class InvalidInput(DomainError):
    key = "error-invalid-input"


class Conflict(DomainError):
    key = "error-conflict"
