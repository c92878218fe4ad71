"""The sender's side of a broadcast: one live progress message, edited as rows are delivered,
and one final report with the counts, the time it took and who could not be reached."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.i18n import Texts, Translator
from bot.services import outbox
from bot.services.clock import Clock
from bot.services.quiet_hours import QuietHours
from storage.models import Broadcast, BroadcastStatus, DeliveryStatus
from storage.uow import UnitOfWork

if TYPE_CHECKING:
    from bot.outbox.sender import Pacer

log = logging.getLogger(__name__)

MESSAGE_LIMIT = 4096
CHECK_EVERY = timedelta(seconds=1)
_RESERVE = 200  # room for the "… and N more" lines


def progress_text(texts: Texts, progress: outbox.Progress) -> str:
    return texts.get(
        "outbox-progress",
        sent=progress.sent,
        pending=progress.pending,
        unreachable=progress.unreachable,
        failed=progress.failed,
        total=progress.total,
    )


def elapsed_text(texts: Texts, elapsed: timedelta) -> str:
    hours, minutes, seconds = outbox.elapsed_parts(elapsed)
    if hours:
        return texts.get("outbox-elapsed-long", hours=hours, minutes=minutes)
    return texts.get("outbox-elapsed-short", minutes=minutes, seconds=seconds)


def report_text(
    texts: Texts,
    progress: outbox.Progress,
    elapsed: timedelta,
    unreachable: list[str],
    failed: list[str],
) -> str:
    """The final report, always under Telegram's 4096 characters however many names."""
    head = texts.get(
        "outbox-report",
        sent=progress.sent,
        unreachable=progress.unreachable,
        failed=progress.failed,
        total=progress.total,
        elapsed=elapsed_text(texts, elapsed),
    )
    separator = texts.get("outbox-name-separator")
    parts = [head]
    budget = MESSAGE_LIMIT - len(head) - _RESERVE
    lists = [
        (key, names)
        for key, names in (
            ("outbox-report-unreachable", unreachable),
            ("outbox-report-failed", failed),
        )
        if names
    ]
    for index, (key, names) in enumerate(lists):
        label = texts.get(key, count=len(names))
        share = budget // (len(lists) - index)  # what one list leaves unused, the next gets
        shown, hidden = outbox.fit_names(names, max(share - len(label) - 4, 0), separator)
        part = f"{label}\n{separator.join(shown)}"
        if hidden:
            part += "\n" + texts.get("outbox-report-more", count=hidden)
        budget -= len(part) + 2
        parts.append(part)
    return "\n\n".join(parts)[:MESSAGE_LIMIT]


class ProgressReporter:
    """Edits each sending broadcast's progress message and sends its report once."""

    def __init__(
        self,
        bot: Bot,
        session_factory: async_sessionmaker[AsyncSession],
        core: FluentRuntimeCore,
        pacer: Pacer,
        clock: Clock,
        *,
        zone: ZoneInfo,
        quiet: QuietHours,
        interval: timedelta,
    ) -> None:
        self._bot = bot
        self._session_factory = session_factory
        self._core = core
        self._pacer = pacer
        self._clock = clock
        self._zone = zone
        self._quiet = quiet
        self._interval = interval
        self._shown: dict[int, str] = {}
        self._silent_chats: set[int] = set()
        self._last_pass: datetime | None = None

    async def report(self, *, force: bool = False) -> None:
        """One look at every open broadcast (at most once a second unless forced)."""
        now = self._clock()
        if not force and self._last_pass is not None and now - self._last_pass < CHECK_EVERY:
            return
        self._last_pass = now
        async with UnitOfWork(self._session_factory) as uow:
            items = await uow.outbox.open_broadcasts(now)
            counts = await uow.outbox.status_counts([i.broadcast.id for i in items])
        for item in items:
            broadcast = item.broadcast
            progress = outbox.Progress.from_counts(broadcast.total, counts[broadcast.id])
            zone = ZoneInfo(item.timezone) if item.timezone else self._zone
            if progress.finished:
                await self._finish(broadcast, progress, zone)
            elif broadcast.status == BroadcastStatus.SENDING:
                await self._show(broadcast, progress, force=force)

    async def _show(self, broadcast: Broadcast, progress: outbox.Progress, *, force: bool) -> None:
        chat_id = broadcast.progress_chat_id
        if chat_id is None or chat_id in self._silent_chats:
            return
        now = self._clock()
        if not force and not outbox.progress_edit_due(
            broadcast.progress_edited_at, now, self._interval
        ):
            return
        if not self._pacer.chat_is_free(chat_id):
            return
        text = progress_text(Translator(self._core, broadcast.progress_locale), progress)
        if self._shown.get(broadcast.id) == text:
            return
        message_id = await self._put_progress(broadcast, chat_id, text)
        if message_id is None:
            return
        self._shown[broadcast.id] = text
        async with UnitOfWork(self._session_factory) as uow:
            await uow.outbox.update_broadcast(
                broadcast.id, progress_message_id=message_id, progress_edited_at=self._clock()
            )
            await uow.commit()

    async def _edit_or_send(self, broadcast: Broadcast, chat_id: int, text: str) -> int:
        """Edit the progress message (or send it if there is none); its id."""
        await self._pacer.take(chat_id)
        message_id = broadcast.progress_message_id
        if message_id is not None:
            try:
                await self._bot.edit_message_text(text, chat_id=chat_id, message_id=message_id)
                return message_id
            except TelegramBadRequest as exc:
                if "not modified" in exc.message:
                    return message_id
                if "not found" not in exc.message:
                    raise
            await self._pacer.take(chat_id)  # deleted: a new message takes its place
        return (await self._bot.send_message(chat_id, text)).message_id

    async def _put_progress(self, broadcast: Broadcast, chat_id: int, text: str) -> int | None:
        """The progress message's id after showing `text`, None on failure."""
        try:
            return await self._edit_or_send(broadcast, chat_id, text)
        except TelegramRetryAfter as exc:
            self._pacer.pause(exc.retry_after)
        except TelegramForbiddenError:
            self._silent_chats.add(chat_id)
        except TelegramAPIError as exc:
            log.warning("progress of broadcast %s: %s", broadcast.id, exc)
        return None

    async def _finish(
        self, broadcast: Broadcast, progress: outbox.Progress, zone: ZoneInfo
    ) -> None:
        chat_id = broadcast.progress_chat_id
        now = self._clock()
        if chat_id is not None and broadcast.report_sent_at is None:
            if not outbox.may_send_now(broadcast.urgent, zone, self._quiet, now):
                return  # a report can wait for the morning like the broadcast did
            if not await self._send_report(broadcast, chat_id, progress, now):
                return
        async with UnitOfWork(self._session_factory) as uow:
            await uow.outbox.update_broadcast(
                broadcast.id,
                status=BroadcastStatus.DONE,
                finished_at=now,
                report_sent_at=now if chat_id is not None else None,
            )
            await uow.commit()
        self._shown.pop(broadcast.id, None)

    async def _send_report(
        self, broadcast: Broadcast, chat_id: int, progress: outbox.Progress, now: datetime
    ) -> bool:
        """Send the final numbers and the report; False to try again at the next pass."""
        texts = Translator(self._core, broadcast.progress_locale)
        final = progress_text(texts, progress)
        if chat_id not in self._silent_chats and self._shown.get(broadcast.id) != final:
            # The final numbers come before the report: a progress message left at
            # "pending 1" because its last edit met a 429 would never be corrected.
            try:
                await self._edit_or_send(broadcast, chat_id, final)
                self._shown[broadcast.id] = final
            except TelegramRetryAfter as exc:
                self._pacer.pause(exc.retry_after)
                return False
            except (TelegramServerError, TelegramNetworkError) as exc:
                log.warning("progress of broadcast %s: %s; trying again", broadcast.id, exc)
                return False
            except TelegramForbiddenError:
                self._silent_chats.add(chat_id)
            except TelegramAPIError as exc:
                log.warning("progress of broadcast %s: %s", broadcast.id, exc)
        async with UnitOfWork(self._session_factory) as uow:
            unreachable = await uow.outbox.names_with_status(
                broadcast.id, DeliveryStatus.UNREACHABLE
            )
            failed = await uow.outbox.names_with_status(broadcast.id, DeliveryStatus.FAILED)
        elapsed = now - broadcast.started_at if broadcast.started_at else timedelta(0)
        text = report_text(texts, progress, elapsed, unreachable, failed)
        await self._pacer.take(chat_id)
        try:
            await self._bot.send_message(chat_id, text)
        except TelegramRetryAfter as exc:
            self._pacer.pause(exc.retry_after)
            return False
        except (TelegramServerError, TelegramNetworkError) as exc:
            log.warning("report of broadcast %s: %s; trying again", broadcast.id, exc)
            return False
        except TelegramAPIError as exc:
            log.warning("report of broadcast %s not delivered: %s", broadcast.id, exc)
        return True
