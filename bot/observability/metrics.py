"""Prometheus metrics of the bot, in prometheus_client's default registry (which also holds
the process collector: memory, CPU, open files). `render()` is what /metrics serves.

Every process keeps its own values; with several bot processes Prometheus scrapes each one
and sums counters. `zhibu_outbox_depth` is the same database count in every process: take its
max, not its sum.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.events import EVENT_JOB_SUBMITTED, JobSubmissionEvent
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Delivery, DeliveryStatus

log = logging.getLogger(__name__)

UPDATES = Counter(
    "zhibu_updates",
    "Telegram updates by type and how their handling ended: handled, unhandled (no handler "
    "took it), refused (a domain error, explained to the user), error (unexpected), "
    "repeated (already handled: Telegram delivered it again).",
    ["type", "result"],
)
UPDATE_SECONDS = Histogram(
    "zhibu_update_seconds",
    "Time to handle one update, middlewares and database commit included.",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
OUTBOX_DEPTH = Gauge(
    "zhibu_outbox_depth",
    "Outbox rows pending whose send time has come (claimed or not): the backlog. Measured by "
    "the sender every DEPTH_INTERVAL seconds.",
)
SENDS = Counter(
    "zhibu_sends",
    "Outbox send attempts by result: sent, failed, unreachable (the user blocked the bot or "
    "left), retry (a transient error; tried again later), retry_after (Telegram's 429), "
    "unauthorized (the token was refused).",
    ["result"],
)
SCHEDULER_LAG = Gauge(
    "zhibu_scheduler_lag_seconds",
    "How late the scheduler started the last run of a sweep after its scheduled time (in "
    "every process: a follower's scheduler fires too, and returns at once).",
    ["job"],
)
SWEEP_SECONDS = Histogram(
    "zhibu_sweep_seconds",
    "Duration of one scheduled sweep (in the process that leads).",
    ["job"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0),
)

DEPTH_INTERVAL = timedelta(seconds=15)


def render() -> tuple[bytes, str]:
    """The body and content type of a /metrics response."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


class DepthProbe:
    """Counts the outbox backlog at most once per DEPTH_INTERVAL: a scrape cannot wait on the
    database, so the sender's loop measures and the gauge holds the last count."""

    def __init__(self, interval: timedelta = DEPTH_INTERVAL) -> None:
        self._interval = interval
        self._measured_at: datetime | None = None

    async def measure(
        self, session_factory: async_sessionmaker[AsyncSession], now: datetime
    ) -> None:
        """Never raises: a metric must not stop the sending."""
        if self._measured_at is not None and now - self._measured_at < self._interval:
            return
        self._measured_at = now
        try:
            async with session_factory() as session:
                depth = await session.scalar(
                    select(func.count())
                    .select_from(Delivery)
                    .where(
                        Delivery.status == DeliveryStatus.PENDING,
                        Delivery.next_attempt_at <= now,
                    )
                )
        except Exception:
            log.exception("could not count the outbox backlog")
            return
        OUTBOX_DEPTH.set(depth or 0)


def watch_scheduler(scheduler: Any) -> None:
    """Sets zhibu_scheduler_lag_seconds each time APScheduler hands a sweep to its executor:
    only APScheduler knows the time the run was scheduled for (a coalesced run: the latest
    missed one)."""

    def submitted(event: JobSubmissionEvent) -> None:
        late = datetime.now(UTC) - min(event.scheduled_run_times)
        SCHEDULER_LAG.labels(event.job_id).set(max(0.0, late.total_seconds()))

    scheduler.add_listener(submitted, EVENT_JOB_SUBMITTED)
