"""The outbox sender through the real aiogram HTTP client against the local Bot API server with
its rate limits on: injected 429s and 5xx, blocked users, and a sender killed with SIGKILL in
the middle of a broadcast and started again."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiogram import Bot
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.i18n import load_core
from bot.outbox import OutboxSender, SenderConfig
from bot.renderers.registry import build_renderers
from bot.services import outbox
from bot.services.clock import utc_now
from sandbox import SandboxClient, SandboxLimits, SandboxServer
from storage.models import Broadcast, BroadcastKind, BroadcastStatus, Delivery, DeliveryStatus
from storage.uow import UnitOfWork
from tests.factories import build_tree, make_person

TOKEN = "777001:OUTBOX-e2e-token"
RATE = 60.0  # messages a second, the sandbox's limit and the sender's pace
SECRETARY_ID = 2001
ROOT = Path(__file__).resolve().parents[2]
TEXT = "十一月主题党日：学习新修订的条例"


@dataclass
class Stage:
    server: SandboxServer
    client: SandboxClient
    bot: Bot
    session_factory: async_sessionmaker[AsyncSession]
    uow: Callable[[], UnitOfWork]
    database_url: str

    async def audience(self, size: int) -> list[int]:
        """`size` people with Telegram accounts in the sandbox; their chat ids."""
        tree = await build_tree(self.uow)
        self.server.state.add_user("书记甲", user_id=SECRETARY_ID, language_code="zh")
        chat_ids = [610_000 + n for n in range(size)]
        async with self.uow() as u:
            person_ids = []
            for chat_id in chat_ids:
                self.server.state.add_user(f"牧民{chat_id}", user_id=chat_id)
                person_ids.append((await make_person(u, f"牧民{chat_id}", chat_id)).id)
            recipients = await outbox.recipients_for(u, person_ids)
            broadcast = await outbox.enqueue(
                u,
                kind=BroadcastKind.MESSAGE,
                org_id=tree.committee.id,
                recipients=recipients,
                now=utc_now(),
                not_before=utc_now(),
                text=TEXT,
                urgent=True,
                progress_chat_id=SECRETARY_ID,
                progress_locale="en",
            )
            assert broadcast is not None
            await u.commit()
        return chat_ids

    def received(self, chat_ids: list[int], text: str) -> Counter[int]:
        """How many messages carrying `text` each chat got from the bot."""
        counts: Counter[int] = Counter()
        for chat_id in chat_ids:
            chat = self.server.state.chats[chat_id]
            counts[chat_id] = sum(
                1
                for m in chat.messages.values()
                if m.from_bot and text in (m.message.get("text") or "")
            )
        return counts

    async def statuses(self) -> Counter[DeliveryStatus]:
        async with self.uow() as u:
            rows = await u.session.execute(
                select(Delivery.status, func.count()).group_by(Delivery.status)
            )
            return Counter({DeliveryStatus(s): int(n) for s, n in rows})

    async def broadcast(self) -> Broadcast:
        async with self.uow() as u:
            found: Broadcast | None = await u.session.scalar(select(Broadcast))
            assert found is not None
            return found


@pytest.fixture
async def stage(
    database_url: str,
    session_factory: async_sessionmaker[AsyncSession],
    uow: Callable[[], UnitOfWork],
) -> AsyncIterator[Stage]:
    limits = SandboxLimits(global_per_second=RATE, per_chat_per_second=1, per_chat_burst=1)
    async with SandboxServer(TOKEN, limits=limits, web_root=None) as server:
        bot = Bot(TOKEN, session=server.aiogram_session())
        client = server.client()
        try:
            yield Stage(server, client, bot, session_factory, uow, database_url)
        finally:
            await client.close()
            await bot.session.close()


def _sender(stage: Stage, core: FluentRuntimeCore, progress_interval: float = 3.0) -> OutboxSender:
    config = SenderConfig(
        rate=RATE,
        concurrency=8,
        max_attempts=5,
        poll_interval=0.05,
        progress_interval=progress_interval,
    )
    return OutboxSender(stage.bot, stage.session_factory, build_renderers(), core, config)


async def _until(predicate: Callable[[], Awaitable[bool]], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not await predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


async def test_a_broadcast_through_429s_5xx_and_blocked_users(stage: Stage) -> None:
    chat_ids = await stage.audience(240)
    blocked = chat_ids[::40]
    for chat_id in blocked:
        await stage.client.block(chat_id)
    await stage.client.clear_faults(seed=5)
    await stage.client.inject_fault(429, probability=0.01, retry_after=1)
    await stage.client.inject_fault(502, method="sendMessage", count=3)
    sender = _sender(stage, await load_core(), progress_interval=0.5)

    started = time.monotonic()
    await sender.start()
    try:

        async def done() -> bool:
            return (await stage.broadcast()).status == BroadcastStatus.DONE

        await _until(done, 30, "the broadcast to finish")
    finally:
        await sender.stop()
    elapsed = time.monotonic() - started

    received = stage.received(chat_ids, TEXT)
    reachable = [c for c in chat_ids if c not in blocked]
    assert {c: received[c] for c in reachable} == dict.fromkeys(reachable, 1)
    assert all(received[c] == 0 for c in blocked)
    assert await stage.statuses() == Counter(
        {DeliveryStatus.SENT: len(reachable), DeliveryStatus.UNREACHABLE: len(blocked)}
    )
    faults = await stage.client.faults()
    assert faults["rules"][1]["injected"] == 3 and faults["rules"][0]["injected"] >= 1
    assert elapsed < len(chat_ids) / RATE + 15  # paced, not stalled

    secretary = await stage.client.bot_messages(SECRETARY_ID)
    progress, report = secretary[0], secretary[-1]
    assert len(secretary) == 2 and progress["edited"]
    assert progress["text"].startswith(f"📤 Sending: sent {len(reachable)} / pending 0")
    assert f"sent {len(reachable)} of {len(chat_ids)}" in report["text"]
    assert all(f"牧民{c}" in report["text"] for c in blocked)


async def test_a_killed_sender_loses_nobody_and_repeats_only_rows_in_flight(
    stage: Stage, tmp_path: Path
) -> None:
    chat_ids = await stage.audience(300)
    env = {
        **os.environ,
        "ZHIBU_DATABASE_URL": stage.database_url,
        "ZHIBU_BOT_TOKEN": TOKEN,
        "ZHIBU_BOT_API_SERVER": stage.server.base_url,
        "ZHIBU_SEND_RATE": str(RATE),
        "ZHIBU_LOG_LEVEL": "WARNING",
    }
    log_path = tmp_path / "sender.log"
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.outbox", cwd=ROOT, env=env, stdout=log, stderr=log
        )
    try:

        async def some_sent() -> bool:
            assert process.returncode is None, log_path.read_text()
            return sum(stage.received(chat_ids, TEXT).values()) >= 90

        await _until(some_sent, 30, "the first messages")
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGKILL)  # no cleanup, no last flush
        await asyncio.wait_for(process.wait(), 10)

    async with stage.uow() as u:
        in_flight = set(
            await u.session.scalars(
                select(Delivery.chat_id).where(
                    Delivery.status == DeliveryStatus.PENDING, Delivery.claimed_at.is_not(None)
                )
            )
        )
    before_restart = stage.received(chat_ids, TEXT)
    assert 0 < sum(before_restart.values()) < len(chat_ids)

    sender = _sender(stage, await load_core())
    await sender.start()
    try:

        async def done() -> bool:
            return (await stage.broadcast()).status == BroadcastStatus.DONE

        await _until(done, 30, "the restarted sender to finish")
    finally:
        await sender.stop()

    received = stage.received(chat_ids, TEXT)
    assert all(received[c] >= 1 for c in chat_ids), "nobody is lost"
    repeated = {c for c in chat_ids if received[c] > 1}
    assert repeated <= in_flight, "only rows in flight at the kill may repeat"
    assert all(received[c] == 2 for c in repeated)
    assert await stage.statuses() == Counter({DeliveryStatus.SENT: len(chat_ids)})
