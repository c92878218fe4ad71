"""Observing each update: the ids on its log lines, its latency and how it ended.

`setup_observation` registers three middlewares:
- the outer one, first of ours, so that it wraps the unit of work and the actor (aiogram's
  own error, user-context and FSM middlewares still wrap it): binds update and user ids,
  times the update and counts its result;
- an inner one, which runs only once the repeat check and the actor are behind: binds the
  organization and notes that the update was not a repeat;
- one around error handlers: the outer one has returned by the time aiogram's error
  middleware calls them, so the ids are bound again for their log lines.

org= is the organization of the actor's first role (none for a member without one): the
organization a handler acts on is chosen inside it, often from a button, and the actor's own
organization is what an operator reading the log needs to find them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from time import perf_counter
from typing import Any

from aiogram import BaseMiddleware, Dispatcher
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.types import ErrorEvent, TelegramObject, Update, User

from bot.observability.logs import bound_org, bound_update
from bot.observability.metrics import UPDATE_SECONDS, UPDATES
from bot.services.access import Actor
from bot.services.errors import DomainError

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
_KEY = "observation"


@dataclass
class Observation:
    """Shared by reference: aiogram hands inner middlewares a copy of the outer data."""

    reached: bool = False
    org_id: int | None = None


def _org_of(actor: Actor | None) -> int | None:
    return actor.grants[0].org_id if actor is not None and actor.grants else None


def _user_id(data: dict[str, Any]) -> int | None:
    user: User | None = data.get("event_from_user")
    return user.id if user is not None else None


def _update_type(update: Update) -> str:
    try:
        return update.event_type
    except Exception:  # aiogram's UpdateTypeLookupError: a kind newer than this aiogram
        return "unknown"


class ObserveMiddleware(BaseMiddleware):
    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, Update)
        observation = data[_KEY] = Observation()
        result = "error"
        started = perf_counter()
        with bound_update(event.update_id, _user_id(data)):
            try:
                response = await handler(event, data)
            except DomainError:
                result = "refused"
                raise
            else:
                if response is not UNHANDLED:
                    result = "handled"
                else:
                    result = "unhandled" if observation.reached else "repeated"
                return response
            finally:
                UPDATE_SECONDS.observe(perf_counter() - started)
                UPDATES.labels(_update_type(event), result).inc()


class ActorContextMiddleware(BaseMiddleware):
    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        observation: Observation | None = data.get(_KEY)
        org_id = _org_of(data.get("actor"))
        if observation is not None:
            observation.reached = True
            observation.org_id = org_id
        with bound_org(org_id):
            return await handler(event, data)


class ErrorContextMiddleware(BaseMiddleware):
    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        assert isinstance(event, ErrorEvent)
        observation: Observation | None = data.get(_KEY)
        with (
            bound_update(event.update.update_id, _user_id(data)),
            bound_org(observation.org_id if observation is not None else None),
        ):
            return await handler(event, data)


def setup_observation(dispatcher: Dispatcher) -> None:
    """Call before registering any other update middleware, so the outer one wraps them."""
    dispatcher.update.outer_middleware(ObserveMiddleware())
    dispatcher.update.middleware(ActorContextMiddleware())
    dispatcher.errors.outer_middleware(ErrorContextMiddleware())
