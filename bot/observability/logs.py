"""Structured logs: every line written while an update is handled says which update, user and
organization it belongs to, whichever logger wrote it (ours, aiogram's, SQLAlchemy's).

The ids live in context variables, bound by the observe middleware for the span of one
update and reset after it, so they follow the update's task and never leak into the next
update's lines; outside an update they read "-" (null in JSON).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from bot.config import Settings

UPDATE_ID: ContextVar[int | None] = ContextVar("zhibu_update_id", default=None)
USER_ID: ContextVar[int | None] = ContextVar("zhibu_user_id", default=None)
ORG_ID: ContextVar[int | None] = ContextVar("zhibu_org_id", default=None)


@contextmanager
def _binding(var: ContextVar[int | None], value: int | None) -> Iterator[None]:
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)


@contextmanager
def bound_update(update_id: int, user_id: int | None) -> Iterator[None]:
    """The ids of the update being handled, for the block; the organization is not known yet."""
    with _binding(UPDATE_ID, update_id), _binding(USER_ID, user_id), _binding(ORG_ID, None):
        yield


@contextmanager
def bound_org(org_id: int | None) -> Iterator[None]:
    with _binding(ORG_ID, org_id):
        yield


class ContextFilter(logging.Filter):
    """Puts the bound ids on each record (set on the handler, so every logger's records get
    them)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.update_id = UPDATE_ID.get()
        record.user_id = USER_ID.get()
        record.org_id = ORG_ID.get()
        return True


def _shown(value: object) -> str:
    return "-" if value is None else str(value)


class TextFormatter(logging.Formatter):
    """One line for people: time, level, logger, the ids, the message (traceback below)."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802  (stdlib name)
        return (
            f"{record.asctime} {record.levelname} {record.name} "
            f"update={_shown(getattr(record, 'update_id', None))} "
            f"user={_shown(getattr(record, 'user_id', None))} "
            f"org={_shown(getattr(record, 'org_id', None))}: {record.message}"
        )


class JsonFormatter(logging.Formatter):
    """One JSON object a line for a log collector; ids are numbers, or null outside an
    update."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "update": getattr(record, "update_id", None),
            "user": getattr(record, "user_id", None),
            "org": getattr(record, "org_id", None),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def make_handler(log_format: str) -> logging.Handler:
    """A stderr handler in the given format ("text" or "json"), carrying the ids."""
    formatters: dict[str, type[logging.Formatter]] = {
        "text": TextFormatter,
        "json": JsonFormatter,
    }
    if log_format not in formatters:
        raise ValueError(f"ZHIBU_LOG_FORMAT must be text or json, not {log_format!r}")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatters[log_format]())
    handler.addFilter(ContextFilter())
    return handler


def configure_logging(settings: Settings) -> None:
    """The process's logging: one handler on the root logger. Like basicConfig, it leaves a
    set-up already in place alone (pytest's capture, an embedding program's)."""
    logging.basicConfig(level=settings.log_level, handlers=[make_handler(settings.log_format)])
