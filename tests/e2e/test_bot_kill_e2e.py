"""The real bot (`python -m bot run`, long polling the local Bot API server) SIGKILLed in the
middle of a broadcast and started again: every recipient gets the message, and only rows
claimed but not yet marked at the kill may get it twice. The issue's 5,000-recipient run at
30 messages/s is bench/broadcast_bench.py's kill scenario; this is the same at a size and
pace that take seconds."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select

from bot.services import outbox
from bot.services.roles import Level
from sandbox import SandboxClient, SandboxLimits, SandboxServer
from storage.models import (
    Broadcast,
    BroadcastKind,
    BroadcastStatus,
    Delivery,
    DeliveryStatus,
    Person,
)
from storage.uow import UnitOfWork
from tests.factories import make_org

TOKEN = "777002:BOT-KILL-e2e-token"
RATE = 200.0  # messages a second: the sandbox's limit and the bot's pace
RECIPIENTS = 1000
FIRST_CHAT = 620_000
SECRETARY = 2001
ROOT = Path(__file__).resolve().parents[2]
TEXT = "请各位党员本周五前完成十一月党费缴纳。"


async def _queue(uow: Callable[[], UnitOfWork], chats: list[int]) -> int:
    """One urgent broadcast to a person per chat; its id."""
    now = datetime.now(UTC)
    async with uow() as u:
        committee = await make_org(u, "C1", Level.COMMITTEE, name="九原区委组织部")
        person_ids = list(
            await u.session.scalars(
                insert(Person).returning(Person.id),
                [{"telegram_id": c, "display_name": f"牧民{c}", "created_at": now} for c in chats],
            )
        )
        broadcast = await outbox.enqueue(
            u,
            kind=BroadcastKind.MESSAGE,
            org_id=committee.id,
            recipients=await outbox.recipients_for(u, person_ids),
            now=now,
            not_before=now,
            text=TEXT,
            urgent=True,
            progress_chat_id=SECRETARY,
            progress_locale="zh",
        )
        assert broadcast is not None
        await u.commit()
        return broadcast.id


async def _start_bot(database_url: str, base_url: str, log: Path) -> asyncio.subprocess.Process:
    env = {
        **os.environ,
        "ZHIBU_DATABASE_URL": database_url,
        "ZHIBU_BOT_TOKEN": TOKEN,
        "ZHIBU_BOT_API_SERVER": base_url,
        "ZHIBU_SEND_RATE": str(RATE),
        "ZHIBU_SCHEDULER_POLL_SECONDS": "0.2",  # PostgreSQL: lead (and send) within a second
        "ZHIBU_LOG_LEVEL": "WARNING",
    }
    with log.open("ab") as out:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=ROOT, env=env, stdout=out, stderr=out
        )


async def _until(predicate: Callable[[], Awaitable[bool]], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not await predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


async def test_a_killed_bot_loses_nobody_and_repeats_only_rows_in_flight(
    database_url: str, uow: Callable[[], UnitOfWork], tmp_path: Path
) -> None:
    limits = SandboxLimits(global_per_second=RATE)  # per chat: Telegram's 1/s after a burst
    chat_ids = [FIRST_CHAT + n for n in range(RECIPIENTS)]
    log = tmp_path / "bot.log"
    async with SandboxServer(TOKEN, limits=limits, web_root=None) as server:
        server.state.add_user("书记甲", user_id=SECRETARY, language_code="zh")
        for chat_id in chat_ids:
            server.state.add_user(f"牧民{chat_id}", user_id=chat_id)
        broadcast_id = await _queue(uow, chat_ids)
        client = SandboxClient(server.base_url)

        async def delivered() -> int:
            return sum((await client.bot_message_counts(TEXT)).values())

        async def rows() -> Counter[DeliveryStatus]:
            async with uow() as u:
                found = await u.session.execute(
                    select(Delivery.status, func.count())
                    .where(Delivery.broadcast_id == broadcast_id)
                    .group_by(Delivery.status)
                )
                return Counter({DeliveryStatus(s): int(n) for s, n in found})

        bot = await _start_bot(database_url, server.base_url, log)
        try:

            async def some_delivered() -> bool:
                assert bot.returncode is None, log.read_text()
                return await delivered() >= RECIPIENTS * 0.4

            await _until(some_delivered, 60, "the first 40%")
        finally:
            bot.send_signal(signal.SIGKILL)  # no cleanup, no last flush
            await asyncio.wait_for(bot.wait(), 10)

        await asyncio.sleep(0.2)  # requests the sandbox took before the kill
        async with uow() as u:
            in_flight = set(
                await u.session.scalars(
                    select(Delivery.chat_id).where(
                        Delivery.broadcast_id == broadcast_id,
                        Delivery.status == DeliveryStatus.PENDING,
                        Delivery.claimed_at.is_not(None),
                    )
                )
            )
        assert 0 < await delivered() < RECIPIENTS, "killed in the middle"

        bot = await _start_bot(database_url, server.base_url, log)
        try:

            async def done() -> bool:
                assert bot.returncode is None, log.read_text()
                async with uow() as u:
                    status = await u.session.scalar(
                        select(Broadcast.status).where(Broadcast.id == broadcast_id)
                    )
                return status == BroadcastStatus.DONE

            await _until(done, 60, "the restarted bot to finish the broadcast")
        finally:
            bot.send_signal(signal.SIGTERM)
            await asyncio.wait_for(bot.wait(), 30)
        received = await client.bot_message_counts(TEXT)
        await client.close()

    assert all(received.get(c, 0) >= 1 for c in chat_ids), "nobody is lost"
    repeated = {c for c in chat_ids if received[c] > 1}
    assert repeated <= in_flight, "only rows in flight at the kill may repeat"
    assert all(received[c] == 2 for c in repeated)
    assert await rows() == Counter({DeliveryStatus.SENT: RECIPIENTS})
