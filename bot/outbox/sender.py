"""The outbox sender: takes due delivery rows from the database and sends them, paced.

One coordinator task does every database write of the sender: it claims due rows (marking
them `claimed_at`, committed before anything is sent), hands them to `concurrency` worker
tasks through a short queue, and applies the workers' outcomes in small batches, one commit
each. Workers only talk to Telegram: a global leaky bucket (aiolimiter) keeps to
`rate` messages a second, a per-chat reservation keeps one chat to one message per
`chat_interval`, and a 429 pauses every worker for its `retry_after`.

The bucket lets a burst of `BURST_SECONDS` of sending out at once (at the start, and after a
pause, when Telegram's own bucket has refilled too): a burst after a pause wins back most of
the time the pause cost, and a burst smaller than Telegram's leaves it room for requests
that arrive bunched by network jitter.

What a crash can cost: rows claimed but not yet marked are taken again at the next start, so
nobody is lost; a row whose message went out in the instant before the crash is sent twice.
That window is the claimed-but-unmarked rows, kept small by a short queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.types import Message
from aiogram_i18n.cores import FluentRuntimeCore
from aiolimiter import AsyncLimiter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.i18n import Translator
from bot.observability.metrics import SENDS, DepthProbe
from bot.outbox.progress import ProgressReporter
from bot.reminders.leadership import Leadership
from bot.renderers import Outgoing, Renderer
from bot.services import outbox
from bot.services.clock import Clock, utc_now
from bot.services.quiet_hours import QuietHours
from storage.models import Broadcast, BroadcastKind, ContentType, Delivery, DeliveryStatus
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

# Telegram's texts for a chat the bot can never write to (besides every 403).
_UNREACHABLE_TEXTS = (
    "chat not found",
    "user is deactivated",
    "bot can't initiate conversation",
    "peer_id_invalid",
    "have no rights to send a message",
)
_ERROR_LENGTH = 300
# Pace a little under the limit: network jitter makes requests arrive unevenly, and at exactly
# the limit every early arrival costs a 429 and a whole second's pause.
RATE_MARGIN = 0.985
# Telegram (and the sandbox) take a second's worth of messages at once; ours is a little less.
BURST_SECONDS = 0.8


@dataclass(frozen=True)
class SenderConfig:
    rate: float = 30.0
    chat_interval: float = 1.0
    concurrency: int = 8
    max_attempts: int = 5
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    quiet: QuietHours = field(default_factory=lambda: QuietHours.parse("21:30-07:30"))
    poll_interval: float = 1.0
    """Seconds between looks at the database while there is nothing to send."""
    progress_interval: float = 3.0
    """Seconds between edits of one broadcast's live progress message."""
    stop_grace: float = 5.0
    """Seconds the sends under way get to finish when the bot stops, so their outcome is
    written and nobody gets the message twice after the restart."""

    @classmethod
    def from_settings(cls, settings: Settings) -> SenderConfig:
        return cls(
            rate=settings.send_rate,
            chat_interval=settings.send_chat_interval,
            concurrency=settings.send_concurrency,
            max_attempts=settings.send_max_attempts,
            zone=settings.zone,
            quiet=settings.quiet,
        )


@dataclass(frozen=True)
class Job:
    delivery: Delivery
    broadcast: Broadcast
    zone: ZoneInfo


class Pacer:
    """Telegram's limits on our side: overall rate, one chat at a time, and 429 pauses."""

    def __init__(self, config: SenderConfig, clock: Clock, sleep: Sleep) -> None:
        rate = config.rate * RATE_MARGIN
        burst = max(1.0, rate * BURST_SECONDS)
        self._limiter = AsyncLimiter(burst, burst / rate)  # `burst` at once, `rate` a second
        self._chat_interval = timedelta(seconds=config.chat_interval)
        self._clock = clock
        self._sleep = sleep
        self._chat_free_at: dict[int, datetime] = {}
        self.paused_until: datetime | None = None

    def pause(self, seconds: float) -> None:
        """Telegram said 429: nobody sends until `retry_after` has passed."""
        until = self._clock() + timedelta(seconds=seconds)
        if self.paused_until is None or until > self.paused_until:
            self.paused_until = until
        log.warning("Telegram asked to wait %.0f s; all sending paused", seconds)

    def is_paused(self) -> bool:
        return self.paused_until is not None and self.paused_until > self._clock()

    async def wait_unpaused(self) -> None:
        while self.paused_until is not None:
            left = (self.paused_until - self._clock()).total_seconds()
            if left <= 0:
                self.paused_until = None
                return
            await self._sleep(left)

    def chat_is_free(self, chat_id: int) -> bool:
        free_at = self._chat_free_at.get(chat_id)
        return free_at is None or free_at <= self._clock()

    async def take_chat(self, chat_id: int) -> None:
        """Reserve the chat's next slot, waiting for it if a message went there just now."""
        while True:
            now = self._clock()
            free_at = self._chat_free_at.get(chat_id)
            if free_at is None or free_at <= now:
                self._chat_free_at[chat_id] = now + self._chat_interval
                return
            await self._sleep((free_at - now).total_seconds())

    async def take_global(self) -> None:
        await self._limiter.acquire()

    async def take(self, chat_id: int) -> None:
        """Everything a send waits for, in the order that wastes no global capacity."""
        await self.wait_unpaused()
        await self.take_chat(chat_id)
        await self.take_global()
        while self.is_paused():
            # A 429 came while this send waited: its slot belonged to the time before the
            # pause. Sent after it on top of the burst the refilled bucket allows, it could
            # exceed Telegram's limit; it takes a fresh slot instead.
            await self.wait_unpaused()
            await self.take_global()

    def forget_idle_chats(self) -> None:
        now = self._clock()
        for chat_id in [c for c, free_at in self._chat_free_at.items() if free_at <= now]:
            del self._chat_free_at[chat_id]


UNAUTHORIZED_PAUSE_SECONDS = 60


def is_unreachable(error: TelegramAPIError) -> bool:
    if isinstance(error, TelegramForbiddenError):
        return True
    text = error.message.lower()
    return isinstance(error, TelegramBadRequest) and any(t in text for t in _UNREACHABLE_TEXTS)


async def deliver(bot: Bot, chat_id: int, outgoing: Outgoing) -> Message:
    """One Telegram call for one rendered message."""
    caption = outgoing.text or None
    markup = outgoing.reply_markup
    silent = outgoing.silent or None
    match outgoing.content_type:
        case ContentType.TEXT:
            return await bot.send_message(
                chat_id, outgoing.text, reply_markup=markup, disable_notification=silent
            )
        case ContentType.PHOTO:
            return await bot.send_photo(
                chat_id,
                _file(outgoing),
                caption=caption,
                reply_markup=markup,
                disable_notification=silent,
            )
        case ContentType.DOCUMENT:
            return await bot.send_document(
                chat_id,
                _file(outgoing),
                caption=caption,
                reply_markup=markup,
                disable_notification=silent,
            )
        case ContentType.VOICE:
            return await bot.send_voice(
                chat_id,
                _file(outgoing),
                caption=caption,
                reply_markup=markup,
                disable_notification=silent,
            )


def _file(outgoing: Outgoing) -> str:
    if not outgoing.file_id:
        raise ValueError(f"a {outgoing.content_type} message needs a file_id")
    return outgoing.file_id


class OutboxSender:
    """Sends the outbox: `start()`/`stop()` around the bot's life, or `run_until_idle()`."""

    def __init__(
        self,
        bot: Bot,
        session_factory: async_sessionmaker[AsyncSession],
        renderers: Mapping[BroadcastKind, Renderer],
        core: FluentRuntimeCore,
        config: SenderConfig | None = None,
        *,
        clock: Clock = utc_now,
        sleep: Sleep = asyncio.sleep,
        leadership: Leadership | None = None,
    ) -> None:
        self.bot = bot
        # Several bot processes share one outbox (and one bot's 30 messages/s): only the
        # leader claims, sends and reports progress; None acts alone (tools and tests).
        self._leadership = leadership
        self.config = config or SenderConfig()
        self._session_factory = session_factory
        self._renderers = dict(renderers)
        self._core = core
        self._clock = clock
        self._sleep = sleep
        self.pacer = Pacer(self.config, clock, sleep)
        self._queue: asyncio.Queue[Job] = asyncio.Queue()
        self._changes: list[dict[str, Any]] = []
        self._busy = 0
        self._activity = asyncio.Event()
        self._workers: list[asyncio.Task[None]] = []
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        self._claims_released = False
        self._unrendered: set[BroadcastKind] = set()
        self._depth = DepthProbe()
        self.reporter = ProgressReporter(
            bot,
            session_factory,
            core,
            self.pacer,
            clock,
            zone=self.config.zone,
            quiet=self.config.quiet,
            interval=timedelta(seconds=self.config.progress_interval),
        )

    # --- life cycle --------------------------------------------------------------------

    async def start(self) -> None:
        if self._task is None:
            self._stopping = False
            self._task = asyncio.create_task(self.run(), name="outbox-sender")

    async def stop(self) -> None:
        """Stop between two database transactions, never inside one: cancelled mid-write, a
        SQLite connection keeps its write lock and the final write of outcomes waits on it
        for the whole busy timeout. Cancels only if the stop itself overstays its grace."""
        task, self._task = self._task, None
        if task is None:
            return
        self._stopping = True
        self._activity.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(task), self.config.stop_grace + 5)
        if not task.done():
            log.warning("the outbox sender overstayed its stop; cancelled")
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def run(self) -> None:
        """Send until stopped; database trouble is logged and retried, never fatal."""
        self._start_workers()
        try:
            while not self._stopping:
                try:
                    await self._cycle()
                except Exception:
                    log.exception("outbox cycle failed; trying again")
                    await self._wait(self.config.poll_interval)
                    continue
                await self._wait(self._tick() if self._in_flight() else self.config.poll_interval)
            await self._finish_sends()
        finally:
            await self._stop_workers()
            with contextlib.suppress(Exception):
                await self._flush()

    async def run_until_idle(self, *, max_cycles: int = 10_000) -> None:
        """Send everything that may go out now, then report progress (for tests and tools)."""
        self._start_workers()
        try:
            for _ in range(max_cycles):
                claimed = await self._cycle(report=False)
                if not claimed and not self._in_flight():
                    break
                await self._wait(self._tick())
            if self._acting():
                await self.reporter.report(force=True)
        finally:
            await self._stop_workers()
            await self._flush()

    # --- the coordinator ---------------------------------------------------------------

    def _tick(self) -> float:
        return min(0.05, self.config.poll_interval)

    def _in_flight(self) -> bool:
        return self._busy > 0 or not self._queue.empty() or bool(self._changes)

    async def _wait(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._activity.wait(), seconds)
        self._activity.clear()

    def _acting(self) -> bool:
        return self._leadership is None or self._leadership.is_leader

    async def _cycle(self, *, report: bool = True) -> int:
        await self._depth.measure(self._session_factory, self._clock())
        if not self._acting():
            await self._flush()  # what the sends that were under way came to
            # When this process leads again, rows left claimed (by it, or by a leader that
            # died) are taken back first; jobs still queued here are among them, and kept
            # they would be sent once from the queue and once more when claimed again.
            self._drop_queued()
            self._claims_released = False
            return 0
        if not self._claims_released:
            if self._busy:
                # Sends under way finish (or hand their rows back) first: taken back now,
                # their rows would be claimed and sent once more.
                await self._flush()
                return 0
            async with UnitOfWork(self._session_factory) as uow:
                released = await uow.outbox.release_claims()
                await uow.commit()
            self._claims_released = True
            if released:
                log.info("took back %d rows left in flight by the previous run", released)
        await self._flush()
        claimed = 0
        if self._queue.qsize() <= self.config.concurrency:
            claimed = await self._claim(2 * self.config.concurrency - self._queue.qsize())
        if report:
            await self.reporter.report()
            self.pacer.forget_idle_chats()
        return claimed

    async def _claim(self, room: int) -> int:
        now = self._clock()
        async with UnitOfWork(self._session_factory) as uow:
            zones: dict[int, ZoneInfo] = {}
            broadcasts: dict[int, Broadcast] = {}
            for item in await uow.outbox.open_broadcasts(now):
                broadcast = item.broadcast
                zone = ZoneInfo(item.timezone) if item.timezone else self.config.zone
                if broadcast.kind not in self._renderers:
                    self._warn_unrendered(broadcast.kind)
                    continue
                if outbox.may_send_now(broadcast.urgent, zone, self.config.quiet, now):
                    zones[broadcast.id] = zone
                    broadcasts[broadcast.id] = broadcast
            rows = await uow.outbox.claim(broadcasts.keys(), now, room)
            await uow.commit()
        for row in rows:
            self._queue.put_nowait(Job(row, broadcasts[row.broadcast_id], zones[row.broadcast_id]))
        return len(rows)

    def _warn_unrendered(self, kind: BroadcastKind) -> None:
        if kind not in self._unrendered:
            self._unrendered.add(kind)
            log.warning("no renderer for %s broadcasts; their rows wait", kind)

    async def _flush(self) -> None:
        """Write every outcome the workers reported so far, in one transaction."""
        if not self._changes:
            return
        changes = self._changes
        self._changes = []
        try:
            async with UnitOfWork(self._session_factory) as uow:
                await uow.outbox.update_deliveries(changes)
                await uow.commit()
        except BaseException:
            self._changes = changes + self._changes
            raise

    # --- the workers -------------------------------------------------------------------

    def _start_workers(self) -> None:
        if not self._workers:
            self._workers = [
                asyncio.create_task(self._work(), name=f"outbox-worker-{n}")
                for n in range(self.config.concurrency)
            ]

    async def _stop_workers(self) -> None:
        workers, self._workers = self._workers, []
        dropped = self._busy > 0 or not self._queue.empty()
        for worker in workers:
            worker.cancel()
        for worker in workers:
            with contextlib.suppress(asyncio.CancelledError):
                await worker
        # Jobs still queued or cut off mid-send stay claimed: the next start, in a new process
        # or this one, takes them back.
        self._drop_queued()
        self._busy = 0
        if dropped:
            self._claims_released = False

    async def _finish_sends(self) -> None:
        """Hand the queued jobs back and give the sends under way `stop_grace` to finish."""
        while not self._queue.empty():
            self._changes.append({"id": self._queue.get_nowait().delivery.id, "claimed_at": None})
        deadline = asyncio.get_running_loop().time() + self.config.stop_grace
        while self._busy and asyncio.get_running_loop().time() < deadline:
            await self._wait(self._tick())

    def _drop_queued(self) -> None:
        while not self._queue.empty():
            self._queue.get_nowait()

    async def _work(self) -> None:
        while True:
            job = await self._queue.get()
            self._busy += 1
            try:
                change = await self._send(job)
            except Exception as exc:  # a bug must cost one row, not the sender
                log.exception("sending delivery %s failed", job.delivery.id)
                change = self._transient(job.delivery, exc)
            finally:
                self._busy -= 1
            self._changes.append(change)
            self._activity.set()

    async def _send(self, job: Job) -> dict[str, Any]:
        """What became of the row. One this process no longer may send (it stopped leading,
        if only for a moment) is handed back unclaimed, for whoever leads to send."""
        delivery, broadcast = job.delivery, job.broadcast
        try:
            outgoing = self._renderers[broadcast.kind](
                broadcast, delivery, Translator(self._core, delivery.locale)
            )
        except Exception as exc:
            log.exception("rendering delivery %s failed", delivery.id)
            return self._failed(delivery, f"render: {exc}")
        while True:
            now = self._clock()
            if not outbox.may_send_now(broadcast.urgent, job.zone, self.config.quiet, now):
                return {"id": delivery.id, "claimed_at": None}  # quiet hours began: wait
            await self.pacer.take(delivery.chat_id)
            if not self._acting():
                return {"id": delivery.id, "claimed_at": None}
            now = self._clock()
            silent = outbox.silent_now(broadcast.kind, job.zone, self.config.quiet, now)
            try:
                message = await deliver(
                    self.bot, delivery.chat_id, replace(outgoing, silent=silent)
                )
            except TelegramRetryAfter as exc:
                SENDS.labels("retry_after").inc()
                self.pacer.pause(exc.retry_after)
                continue
            except TelegramUnauthorizedError:
                # The token is wrong or revoked: no row is at fault, so none is failed.
                log.error("Telegram refused the bot's token; sending paused")
                SENDS.labels("unauthorized").inc()
                self.pacer.pause(UNAUTHORIZED_PAUSE_SECONDS)
                continue
            except (TelegramServerError, TelegramNetworkError) as exc:
                return self._transient(delivery, exc)
            except TelegramAPIError as exc:
                if is_unreachable(exc):
                    SENDS.labels("unreachable").inc()
                    return {
                        "id": delivery.id,
                        "status": DeliveryStatus.UNREACHABLE,
                        "error": exc.message[:_ERROR_LENGTH],
                    }
                return self._failed(delivery, exc.message)
            except TimeoutError as exc:
                return self._transient(delivery, exc)
            SENDS.labels("sent").inc()
            return {
                "id": delivery.id,
                "status": DeliveryStatus.SENT,
                "message_id": message.message_id,
                "sent_at": self._clock(),
                "error": "",
            }

    def _transient(self, delivery: Delivery, error: BaseException) -> dict[str, Any]:
        plan = outbox.after_transient_failure(
            delivery.attempts, self.config.max_attempts, self._clock()
        )
        SENDS.labels("retry" if plan.status == DeliveryStatus.PENDING else "failed").inc()
        return {
            "id": delivery.id,
            "status": plan.status,
            "attempts": plan.attempts,
            "next_attempt_at": plan.next_attempt_at,
            "claimed_at": None,
            "error": (str(error) or type(error).__name__)[:_ERROR_LENGTH],
        }

    @staticmethod
    def _failed(delivery: Delivery, error: str) -> dict[str, Any]:
        SENDS.labels("failed").inc()
        return {
            "id": delivery.id,
            "status": DeliveryStatus.FAILED,
            "attempts": delivery.attempts + 1,
            "error": error[:_ERROR_LENGTH],
        }
