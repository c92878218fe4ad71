"""Webhook mode: the aiohttp application Telegram posts updates to, with /healthz and /metrics.

An update is answered only once the dispatcher has finished with it (its changes and its
update_id committed together), so a crash or an error before that leaves Telegram to
redeliver it, and the recorded update_id makes a repeat a no-op. aiogram's
SimpleRequestHandler is not used: after 55 s it answers while the handlers still run in the
background (an update could be acknowledged, then lost), and a body that is not JSON makes
it fail with 500 instead of refusing with 400.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import cast

from aiogram import Bot, Dispatcher
from aiogram.dispatcher.middlewares.user_context import UserContextMiddleware
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from aiohttp import web
from pydantic import ValidationError
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.observability import metrics
from bot.observability.logs import bound_update

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_TIMEOUT = 2.0
# Telegram's own rule for secret tokens: 1-256 of A-Z, a-z, 0-9, _ and -
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class WebhookConfigError(RuntimeError):
    """Webhook mode was asked for without what it needs; raised before anything starts."""


def build_webhook_app(
    settings: Settings, dispatcher: Dispatcher, bot: Bot, engine: AsyncEngine
) -> web.Application:
    """The server for one bot process; several such processes may share one webhook URL.

    On start it registers the webhook (every process does; the last one wins with the same
    values) and starts the dispatcher (scheduler, outbox sender) as polling would. On stop
    the dispatcher stops only after the updates in flight are answered; the webhook stays
    set, since other processes may still be serving it.
    """
    secret = checked_secret(settings)
    app = web.Application()
    app.router.add_post(settings.webhook_path, _update_handler(dispatcher, bot, secret))
    app.router.add_get("/healthz", _health_handler(engine, settings.redis_url))
    app.router.add_get("/metrics", _metrics)
    app.cleanup_ctx.append(_lifecycle(settings, dispatcher, bot, secret))
    return app


def checked_secret(settings: Settings) -> str:
    """The webhook secret, once the settings are known to be enough for webhook mode."""
    if not settings.webhook_url:
        raise WebhookConfigError("ZHIBU_WEBHOOK_URL is required in webhook mode")
    if settings.webhook_secret is None:
        raise WebhookConfigError(
            "ZHIBU_WEBHOOK_SECRET is required in webhook mode: without it anyone who finds "
            "the URL could post updates as any user"
        )
    secret = settings.webhook_secret.get_secret_value()
    if not _SECRET.fullmatch(secret):
        raise WebhookConfigError(
            "ZHIBU_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -"
        )
    return secret


def _lifecycle(
    settings: Settings, dispatcher: Dispatcher, bot: Bot, secret: str
) -> Callable[[web.Application], AsyncIterator[None]]:
    # a cleanup context: its end runs in on_cleanup, after in-flight requests were answered
    # (on_shutdown would stop the scheduler and the exports while handlers still run)
    workflow = {"dispatcher": dispatcher, "bots": [bot], **dispatcher.workflow_data, "bot": bot}

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        await bot.set_webhook(
            url=settings.webhook_url or "",
            secret_token=secret,
            allowed_updates=dispatcher.resolve_used_update_types(),
            max_connections=settings.webhook_max_connections,
            drop_pending_updates=False,
        )
        log.info("webhook registered at %s", settings.webhook_url)
        await dispatcher.emit_startup(**workflow)
        yield
        await dispatcher.emit_shutdown(**workflow)

    return lifecycle


def _update_handler(
    dispatcher: Dispatcher, bot: Bot, secret: str
) -> Callable[[web.Request], Awaitable[web.Response]]:
    expected = secret.encode()

    async def handle(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(given, expected):
            log.warning("update refused: wrong or missing secret token from %s", request.remote)
            return web.Response(status=401, text="Unauthorized")
        try:  # a body over the app's client_max_size (1 MiB) is answered 413 by aiohttp
            update = Update.model_validate(await request.json(), context={"bot": bot})
        except (ValueError, ValidationError):  # not JSON, or JSON that is not an update
            return web.Response(status=400, text="Bad Request: not an update")
        # bound here too, for the lines written outside the middlewares: aiogram's "Update id=
        # ... is handled" after them, a handler's returned answer, a failure
        user = UserContextMiddleware.resolve_event_context(update).user
        with bound_update(update.update_id, user.id if user is not None else None):
            try:
                result = await dispatcher.feed_update(bot, update)
            except Exception:  # not acknowledged: Telegram delivers it again later
                log.exception("update %s failed; left for redelivery", update.update_id)
                return web.Response(status=500, text="Internal Server Error")
            if isinstance(result, TelegramMethod):  # a handler that returned its answer
                await dispatcher.silent_call_request(bot, result)
        return web.json_response({})

    return handle


def _health_handler(
    engine: AsyncEngine, redis_url: str | None
) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def database() -> None:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def redis() -> None:
        assert redis_url is not None
        client: Redis = Redis.from_url(
            redis_url, socket_connect_timeout=HEALTH_TIMEOUT, socket_timeout=HEALTH_TIMEOUT
        )
        try:
            # ping() is typed for the sync and the async client alike
            await cast(Awaitable[bool], client.ping())
        finally:
            await client.aclose()

    async def handle(request: web.Request) -> web.Response:
        checks: dict[str, Callable[[], Awaitable[None]]] = {"database": database}
        if redis_url:
            checks["redis"] = redis
        outcomes = await asyncio.gather(*(_probe(name, c) for name, c in checks.items()))
        report = dict(zip(checks, outcomes, strict=True))
        report.setdefault("redis", "not configured")
        healthy = all(outcome == "ok" for outcome in outcomes)
        return web.json_response(report, status=200 if healthy else 503)

    return handle


async def _probe(name: str, check: Callable[[], Awaitable[None]]) -> str:
    """ "ok", or the kind of failure: its class name only, since an error's message may carry
    a connection URL."""
    try:
        async with asyncio.timeout(HEALTH_TIMEOUT):
            await check()
    except Exception as exc:  # any failure is the answer, not a crash of the probe
        log.warning("health check: %s failed: %s", name, type(exc).__name__)
        return f"failed: {type(exc).__name__}"
    return "ok"


async def _metrics(request: web.Request) -> web.Response:
    body, content_type = metrics.render()
    response = web.Response(body=body)
    response.headers["Content-Type"] = content_type
    return response
