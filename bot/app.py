"""Assembling the bot: Bot, Dispatcher, middlewares, routers, storage for conversations."""

from __future__ import annotations

import gc
import logging
from typing import Any, ClassVar

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage
from aiogram.methods import Response, TelegramMethod
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.commands import set_default_menus
from bot.config import Settings
from bot.conversations import CompactMemoryStorage, ReleasingEventIsolation
from bot.handlers import (
    broadcast,
    deadlines,
    dues,
    errors,
    guidance,
    imports,
    invites,
    joins,
    meetings,
    navigation,
    profile,
    reports,
    signin,
    start,
    tickets,
)
from bot.i18n import make_core, make_middleware
from bot.middlewares.actor import ActorMiddleware
from bot.middlewares.database import UnitOfWorkMiddleware
from bot.middlewares.expired_queries import pass_over_expired_queries
from bot.middlewares.observe import setup_observation
from bot.outbox import OutboxSender, SenderConfig, attach_outbox
from bot.reminders.leadership import Leadership, leadership_for
from bot.reminders.scheduler import SweepScheduler, build_scheduler
from bot.renderers.registry import build_renderers
from bot.services.clock import Clock, utc_now

log = logging.getLogger(__name__)


class BotSession(AiohttpSession):
    """aiogram's session, keeping every Bot API response model it builds.

    pydantic keeps parametrized generic models only weakly, so aiogram's `Response[Message]`
    was collected between calls and rebuilt (about 10 ms) on one call in five.
    """

    _response_models: ClassVar[dict[Any, type[Response[Any]]]] = {}

    def check_response(
        self, bot: Bot, method: TelegramMethod[Any], status_code: int, content: str
    ) -> Response[Any]:
        returning = method.__returning__
        if returning not in self._response_models:
            self._response_models[returning] = Response[returning]  # type: ignore[valid-type]
        return super().check_response(bot, method, status_code, content)


def build_bot(settings: Settings) -> Bot:
    """A Bot for Telegram, or for another Bot API server when one is configured."""
    if settings.bot_token is None:
        raise RuntimeError("ZHIBU_BOT_TOKEN is not set")
    server = settings.bot_api_server
    session = BotSession(api=TelegramAPIServer.from_base(server) if server else PRODUCTION)
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(link_preview_is_disabled=True),
    )


def build_storage(settings: Settings) -> BaseStorage:
    """Conversation state: in memory for one process, in Redis when several share users."""
    if settings.redis_url:
        from aiogram.fsm.storage.redis import RedisStorage

        return RedisStorage.from_url(settings.redis_url)
    return CompactMemoryStorage()


def build_isolation(storage: BaseStorage) -> BaseEventIsolation:
    """One user's updates are handled one at a time, so an answer typed quickly can't
    overtake the step that asks for it; across processes the lock lives in Redis."""
    from aiogram.fsm.storage.redis import RedisStorage

    from bot.redis_isolation import LeasedRedisEventIsolation

    if isinstance(storage, RedisStorage):
        return LeasedRedisEventIsolation(storage.redis)
    return ReleasingEventIsolation()


def build_application(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    clock: Clock = utc_now,
) -> Dispatcher:
    """The running bot: the dispatcher plus the scheduler and the outbox sender, which share
    its catalogues."""
    core = make_core()
    dispatcher = build_dispatcher(settings, session_factory, clock=clock, core=core)
    leadership = leadership_for(session_factory.kw["bind"], settings.scheduler_poll_seconds)
    scheduler = build_scheduler(session_factory, clock, bot, core, settings, leadership)
    attach_scheduler(dispatcher, scheduler, leadership)
    sender = OutboxSender(
        bot,
        session_factory,
        build_renderers(),
        core,
        SenderConfig.from_settings(settings),
        clock=clock,
        leadership=leadership,
    )
    attach_outbox(dispatcher, sender)
    _unload_catalogues_last(dispatcher, core)
    return dispatcher


async def freeze_start_up_objects() -> None:
    """For the bot's own process, as its last start-up hook (a test process must not: what it
    freezes is never collected). A full garbage collection runs only once the objects
    promoted since the last one reach a quarter of all long-lived ones, and start-up leaves
    hundreds of thousands (types, catalogues, the ORM's mappers): cyclic garbage from handled
    updates waits that much longer. Frozen, they no longer count and are never scanned
    again (1.1–2.7 MB less from 25,000 updates on in bench/memory_bench.py)."""
    gc.collect()
    gc.freeze()


def _unload_catalogues_last(dispatcher: Dispatcher, core: FluentRuntimeCore) -> None:
    """aiogram-i18n empties the catalogues on the dispatcher's shutdown, and shutdown hooks
    run in the order they were registered: the sweeps and the sender, still finishing the
    messages they render, would find no language left (KeyError) and lose them. So the
    catalogues' hook moves to the end."""
    hooks = dispatcher.shutdown.handlers
    unload = [hook for hook in hooks if hook.callback == core.shutdown]
    for hook in unload:
        hooks.remove(hook)
        hooks.append(hook)


def attach_scheduler(
    dispatcher: Dispatcher, scheduler: SweepScheduler, leadership: Leadership
) -> None:
    """The scheduler lives exactly as long as the dispatcher's polling or webhook, inside its
    leadership: that starts first (so the first sweeps can ask it) and stops last, once the
    sweeps still running have finished (no other process starts the same sweep meanwhile)."""

    async def _start() -> None:
        await leadership.start()
        scheduler.start()

    async def _stop() -> None:
        await scheduler.stop()
        await leadership.stop()

    dispatcher.startup.register(_start)
    dispatcher.shutdown.register(_stop)


def build_dispatcher(
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    *,
    clock: Clock = utc_now,
    storage: BaseStorage | None = None,
    core: FluentRuntimeCore | None = None,
) -> Dispatcher:
    storage = storage or build_storage(settings)
    dispatcher = Dispatcher(
        storage=storage, events_isolation=build_isolation(storage), settings=settings
    )
    setup_observation(dispatcher)
    dispatcher.update.outer_middleware(UnitOfWorkMiddleware(session_factory, clock))
    dispatcher.update.outer_middleware(ActorMiddleware(session_factory))
    core = core or make_core()
    make_middleware(core).setup(dispatcher)
    dispatcher.include_routers(
        start.build_router(),
        profile.build_router(),
        joins.build_router(),
        navigation.build_router(),
        invites.build_router(),
        imports.build_router(),
        meetings.build_router(),
        signin.build_router(),
        broadcast.build_router(),
        guidance.build_router(),
        tickets.build_router(),
        dues.build_router(),
        deadlines.build_router(),
        reports.build_router(),
        errors.build_router(),  # last: its fallbacks take only what nobody else did
    )

    async def _prepare_bot(bot: Bot) -> None:
        pass_over_expired_queries(bot)
        await set_default_menus(bot, core)

    dispatcher.startup.register(_prepare_bot)
    return dispatcher
