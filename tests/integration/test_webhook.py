"""Webhook mode through aiohttp's test client: the secret token, an update answered only
once it is processed (and once only), the health and metrics endpoints, and the webhook
registered at startup."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.methods import SetWebhook, TelegramMethod
from aiogram.types import Message, Update
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.app import build_application
from bot.cli import main
from bot.config import Settings
from bot.middlewares.database import UnitOfWorkMiddleware
from bot.observability.logs import ContextFilter
from bot.webhook import SECRET_HEADER, WebhookConfigError, build_webhook_app
from storage.db import create_engine
from storage.models import ProcessedUpdate
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.fakes import TOKEN, Chatter, RecordingSession
from tests.local_redis import REDIS_URL, needs_redis

SECRET = "s3cret_Token-for-tests"
HOOK = "/telegram"


class WebhookSession(RecordingSession):
    """Also answers setWebhook, as Telegram would."""

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        if isinstance(method, SetWebhook):
            self.requests.append(method)
            return True
        return await super().make_request(bot, method, timeout)


def _settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "bot_token": TOKEN,
        "webhook_url": "https://bot.example.org/telegram",
        "webhook_secret": SecretStr(SECRET),
        "webhook_max_connections": 7,
    }
    return Settings(_env_file=None, **(values | overrides))


@asynccontextmanager
async def _serve(
    settings: Settings, dispatcher: Dispatcher, bot: Bot, engine: AsyncEngine
) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(build_webhook_app(settings, dispatcher, bot, engine))) as c:
        yield c


def _body(update: Update) -> str:
    return update.model_dump_json(exclude_none=True)


async def _processed(uow: Callable[[], UnitOfWork]) -> int:
    async with uow() as u:
        return int(await u.session.scalar(select(func.count(ProcessedUpdate.update_id))) or 0)


Running = tuple[Dispatcher, Bot, WebhookSession]


@pytest.fixture
def make_app(
    session_factory: async_sessionmaker[AsyncSession], clock: FakeClock
) -> Callable[[], Running]:
    """A fresh dispatcher each call: one can be started only once at a time."""

    def make() -> Running:
        session = WebhookSession()
        bot = Bot(token=TOKEN, session=session)
        return build_application(_settings(), session_factory, bot, clock), bot, session

    return make


@pytest.fixture
def app_bot(make_app: Callable[[], Running]) -> Running:
    return make_app()


@pytest.fixture
async def client(app_bot: Running, engine: AsyncEngine) -> AsyncIterator[TestClient[Any, Any]]:
    dispatcher, bot, _ = app_bot
    async with _serve(_settings(), dispatcher, bot, engine) as c:
        yield c


async def test_wrong_or_missing_secret_is_refused_and_nothing_processed(
    client: TestClient[Any, Any],
    app_bot: Running,
    uow: Callable[[], UnitOfWork],
) -> None:
    _, _, session = app_bot
    session.clear()
    start = _body(Chatter(7001, "Wang").text("/start"))
    for headers in ({}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: SECRET + "x"}):
        response = await client.post(HOOK, data=start, headers=headers)
        assert response.status == 401
    assert await _processed(uow) == 0
    assert session.sent() == []


async def test_start_is_answered_before_the_acknowledgement_and_once_only(
    client: TestClient[Any, Any],
    app_bot: Running,
    uow: Callable[[], UnitOfWork],
) -> None:
    _, _, session = app_bot
    session.clear()
    start = _body(Chatter(7002, "Li").text("/start"))
    headers = {SECRET_HEADER: SECRET, "Content-Type": "application/json"}
    first = await client.post(HOOK, data=start, headers=headers)
    assert first.status == 200
    # by the time the 200 came, the reply was sent and the update recorded
    assert len(session.sent(7002)) == 1
    assert await _processed(uow) == 1
    again = await client.post(HOOK, data=start, headers=headers)  # Telegram redelivers
    assert again.status == 200
    assert len(session.sent(7002)) == 1
    assert await _processed(uow) == 1


async def test_every_line_of_an_update_names_it_even_after_the_middlewares(
    client: TestClient[Any, Any], caplog: pytest.LogCaptureFixture
) -> None:
    # aiogram's own "Update id=... is handled" is written once our middlewares returned
    start = Chatter(7003, "Zhou").text("/start")
    headers = {SECRET_HEADER: SECRET, "Content-Type": "application/json"}
    caplog.handler.addFilter(ContextFilter())  # caplog's records get the ids too
    with caplog.at_level(logging.INFO, logger="aiogram.event"):
        response = await client.post(HOOK, data=_body(start), headers=headers)
    assert response.status == 200
    [summary] = [r for r in caplog.records if r.name == "aiogram.event"]
    assert summary.getMessage().startswith(f"Update id={start.update_id} is handled")
    assert (getattr(summary, "update_id", None), getattr(summary, "user_id", None)) == (
        start.update_id,
        7003,
    )


async def test_a_body_that_is_not_an_update_is_refused(
    client: TestClient[Any, Any], uow: Callable[[], UnitOfWork]
) -> None:
    headers = {SECRET_HEADER: SECRET}
    for body in ("{not json", "[1, 2]", '{"message": {}}', "\xff"):
        response = await client.post(HOOK, data=body.encode("latin-1"), headers=headers)
        assert response.status == 400, body
    too_big = b'{"update_id": 1, "x": "' + b"a" * (1024 * 1024) + b'"}'
    assert (await client.post(HOOK, data=too_big, headers=headers)).status == 413
    assert await _processed(uow) == 0


async def test_webhook_registered_and_dispatcher_started_at_startup_stopped_at_the_end(
    app_bot: Running, engine: AsyncEngine
) -> None:
    dispatcher, bot, session = app_bot
    lived: list[str] = []

    async def started() -> None:
        lived.append("start")

    async def stopped() -> None:
        lived.append("stop")

    dispatcher.startup.register(started)
    dispatcher.shutdown.register(stopped)
    async with _serve(_settings(), dispatcher, bot, engine):
        assert lived == ["start"]
        [registered] = session.of_type(SetWebhook)
    assert lived == ["start", "stop"]
    assert registered.url == "https://bot.example.org/telegram"
    assert registered.secret_token == SECRET
    assert registered.max_connections == 7
    assert registered.drop_pending_updates is False
    assert registered.allowed_updates is not None
    assert {"message", "callback_query"} <= set(registered.allowed_updates)
    assert set(registered.allowed_updates) == set(dispatcher.resolve_used_update_types())


async def test_an_escaping_error_is_not_acknowledged_and_the_redelivery_is_processed(
    session_factory: async_sessionmaker[AsyncSession],
    engine: AsyncEngine,
    clock: FakeClock,
    uow: Callable[[], UnitOfWork],
) -> None:
    failures = [RuntimeError("database went away")]
    handled: list[str | None] = []

    async def flaky(message: Message) -> None:
        if failures:
            raise failures.pop()
        handled.append(message.text)

    router = Router()
    router.message.register(flaky)
    dispatcher = Dispatcher()
    dispatcher.update.outer_middleware(UnitOfWorkMiddleware(session_factory, clock))
    dispatcher.include_router(router)
    bot = Bot(token=TOKEN, session=WebhookSession())
    update = _body(Chatter(7003, "Zhao").text("hello"))
    headers = {SECRET_HEADER: SECRET}
    async with _serve(_settings(), dispatcher, bot, engine) as c:
        failed = await c.post(HOOK, data=update, headers=headers)
        assert failed.status == 500
        assert await _processed(uow) == 0  # rolled back: the redelivery is not skipped
        redelivered = await c.post(HOOK, data=update, headers=headers)
        assert redelivered.status == 200
    assert handled == ["hello"]
    assert await _processed(uow) == 1


async def test_health_reports_the_database_and_redis(
    client: TestClient[Any, Any], make_app: Callable[[], Running], engine: AsyncEngine
) -> None:
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"database": "ok", "redis": "not configured"}

    dispatcher, bot, _ = make_app()
    broken = _settings(redis_url="redis://127.0.0.1:1/0")
    async with _serve(broken, dispatcher, bot, engine) as c:
        response = await c.get("/healthz")
        assert response.status == 503
        report = await response.json()
    assert report["database"] == "ok"
    assert report["redis"].startswith("failed: ")


async def test_health_is_503_when_the_database_is_unreachable(
    app_bot: Running,
) -> None:
    dispatcher, bot, _ = app_bot
    closed = create_engine("postgresql+asyncpg://zhibu:hunter2@127.0.0.1:1/zhibu")
    try:
        async with _serve(_settings(), dispatcher, bot, closed) as c:
            response = await c.get("/healthz")
            assert response.status == 503
            text = await response.text()
    finally:
        await closed.dispose()
    report = json.loads(text)
    assert report["database"].startswith("failed: ")
    assert report["redis"] == "not configured"
    assert "hunter2" not in text and "zhibu" not in text


@needs_redis
async def test_health_with_a_reachable_redis(app_bot: Running, engine: AsyncEngine) -> None:
    dispatcher, bot, _ = app_bot
    async with _serve(_settings(redis_url=REDIS_URL), dispatcher, bot, engine) as c:
        response = await c.get("/healthz")
        assert response.status == 200
        assert await response.json() == {"database": "ok", "redis": "ok"}


async def test_metrics_are_prometheus_text(client: TestClient[Any, Any]) -> None:
    response = await client.get("/metrics")
    assert response.status == 200
    assert response.content_type == "text/plain"
    body = await response.text()
    assert "# TYPE zhibu_updates_total counter" in body
    assert "# TYPE zhibu_outbox_depth gauge" in body


def test_webhook_mode_needs_a_url_and_a_secret(app_bot: Running, engine: AsyncEngine) -> None:
    dispatcher, bot, _ = app_bot
    for settings, names in (
        (_settings(webhook_secret=None), "ZHIBU_WEBHOOK_SECRET"),
        (_settings(webhook_url=None), "ZHIBU_WEBHOOK_URL"),
        (_settings(webhook_secret=SecretStr("with space")), "ZHIBU_WEBHOOK_SECRET"),
    ):
        with pytest.raises(WebhookConfigError, match=names):
            build_webhook_app(settings, dispatcher, bot, engine)


@pytest.mark.parametrize(
    ("missing", "named"),
    [
        ("ZHIBU_WEBHOOK_SECRET", "ZHIBU_WEBHOOK_SECRET"),
        ("ZHIBU_WEBHOOK_URL", "ZHIBU_WEBHOOK_URL"),
        ("ZHIBU_BOT_TOKEN", "ZHIBU_BOT_TOKEN"),
    ],
)
def test_the_webhook_command_refuses_to_start_without_its_settings(
    missing: str,
    named: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database = tmp_path / "zhibu.db"
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    monkeypatch.setenv("ZHIBU_DATABASE_URL", f"sqlite+aiosqlite:///{database}")
    monkeypatch.setenv("ZHIBU_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("ZHIBU_WEBHOOK_URL", "https://bot.example.org/telegram")
    monkeypatch.setenv("ZHIBU_WEBHOOK_SECRET", SECRET)
    monkeypatch.delenv(missing)
    assert main(["webhook"]) == 2
    assert named in capsys.readouterr().err
    assert not database.exists()  # refused before migrating anything


async def test_a_database_outage_is_told_and_left_for_telegram_to_deliver_again(
    make_app: Callable[[], Running], engine: AsyncEngine, uow: Callable[[], UnitOfWork]
) -> None:
    """The real application: the errors router tells the user, and an unreachable database
    is not acknowledged (500), so the update comes again and is handled once it is back.
    A bug is acknowledged: redelivering it would only repeat it."""
    dispatcher, bot, session = make_app()
    failures: list[Exception] = [
        OperationalError("SELECT 1", {}, ConnectionRefusedError("refused")),
        RuntimeError("a bug"),
    ]
    handled: list[str | None] = []

    async def flaky(message: Message) -> None:
        if failures:
            raise failures.pop(0)
        handled.append(message.text)

    dispatcher.message.register(flaky)  # ahead of every feature router
    outage = _body(Chatter(7004, "Qian").text("hello"))
    bug = _body(Chatter(7005, "Sun").text("again"))
    headers = {SECRET_HEADER: SECRET}
    async with _serve(_settings(), dispatcher, bot, engine) as c:
        session.clear()
        assert (await c.post(HOOK, data=outage, headers=headers)).status == 500
        assert len(session.sent(7004)) == 1  # the user knows something went wrong
        assert await _processed(uow) == 0
        assert (await c.post(HOOK, data=bug, headers=headers)).status == 200
        assert (await c.post(HOOK, data=outage, headers=headers)).status == 200
    assert handled == ["hello"]
    # the redelivered update is recorded; the bug's changes (its id too) were rolled back,
    # and Telegram, told 200, does not send it again
    assert await _processed(uow) == 1
