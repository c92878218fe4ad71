"""The outbox's rules with a fake clock: backoff, giving up, quiet hours, progress, the report
under Telegram's size limit, outcome classification, pacing, and claiming rows."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramServerError,
)
from aiogram.methods import SendMessage
from sqlalchemy import insert, select, text

from bot.i18n import Translator, load_core
from bot.outbox.progress import report_text
from bot.outbox.sender import Pacer, SenderConfig, is_unreachable
from bot.services import outbox
from bot.services.outbox import Progress
from bot.services.quiet_hours import QuietHours
from storage.models import (
    Broadcast,
    BroadcastKind,
    BroadcastStatus,
    ContentType,
    Delivery,
    DeliveryStatus,
)
from storage.uow import UnitOfWork
from tests.conftest import FakeClock
from tests.factories import build_tree, make_person

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")


def test_backoff_doubles_from_five_seconds_up_to_ten_minutes() -> None:
    waits = [outbox.backoff(n).total_seconds() for n in range(10)]
    assert waits == [0, 5, 10, 20, 40, 80, 160, 320, 600, 600]
    assert outbox.backoff(10_000) == timedelta(minutes=10)


def test_transient_failures_retry_until_the_last_attempt(clock: FakeClock) -> None:
    now = clock()
    first = outbox.after_transient_failure(0, 5, now)
    assert (first.status, first.attempts, first.next_attempt_at) == (
        DeliveryStatus.PENDING,
        1,
        now + timedelta(seconds=5),
    )
    third = outbox.after_transient_failure(2, 5, now)
    assert third.next_attempt_at == now + timedelta(seconds=20)
    last = outbox.after_transient_failure(4, 5, now)
    assert (last.status, last.attempts) == (DeliveryStatus.FAILED, 5)


def test_quiet_hours_hold_ordinary_messages_in_the_orgs_zone() -> None:
    evening = datetime(2026, 11, 21, 13, 45, tzinfo=UTC)  # 21:45 in Shanghai
    assert not outbox.may_send_now(False, SHANGHAI, QUIET, evening)
    assert outbox.may_send_now(True, SHANGHAI, QUIET, evening)
    # the same instant is still afternoon in London
    assert outbox.may_send_now(False, ZoneInfo("Europe/London"), QUIET, evening)
    assert outbox.may_send_now(False, SHANGHAI, QUIET, evening.replace(hour=23, minute=30))


def test_only_meeting_reminders_go_silently_and_only_in_the_orgs_quiet_hours() -> None:
    evening = datetime(2026, 11, 21, 13, 45, tzinfo=UTC)  # 21:45 in Shanghai
    reminder, message = BroadcastKind.MEETING_REMINDER, BroadcastKind.MESSAGE
    assert outbox.silent_now(reminder, SHANGHAI, QUIET, evening)
    assert not outbox.silent_now(message, SHANGHAI, QUIET, evening)  # an emergency rings
    assert not outbox.silent_now(reminder, ZoneInfo("Europe/London"), QUIET, evening)
    assert not outbox.silent_now(reminder, SHANGHAI, QUIET, evening.replace(hour=2))  # 10:00


def test_progress_counts_and_when_it_is_finished() -> None:
    progress = Progress.from_counts(
        10, {DeliveryStatus.SENT: 6, DeliveryStatus.PENDING: 2, DeliveryStatus.UNREACHABLE: 2}
    )
    assert (progress.sent, progress.pending, progress.unreachable, progress.failed) == (6, 2, 2, 0)
    assert not progress.finished
    assert Progress.from_counts(0, {}).finished


def test_progress_edits_are_spaced(clock: FakeClock) -> None:
    interval = timedelta(seconds=3)
    assert outbox.progress_edit_due(None, clock(), interval)
    last = clock()
    clock.advance(seconds=2)
    assert not outbox.progress_edit_due(last, clock(), interval)
    clock.advance(seconds=1)
    assert outbox.progress_edit_due(last, clock(), interval)


def test_names_are_cut_to_the_budget_and_the_rest_counted() -> None:
    names = ["巴特尔", "其其格", "Sarnai", "ᠪᠠᠲᠦ"]
    assert outbox.fit_names(names, 100, "、") == (names, 0)
    assert outbox.fit_names(names, 7, "、") == (["巴特尔", "其其格"], 2)
    assert outbox.fit_names(names, 2, "、") == ([], 4)


def test_elapsed_parts() -> None:
    assert outbox.elapsed_parts(timedelta(seconds=3725.9)) == (1, 2, 5)
    assert outbox.elapsed_parts(timedelta(seconds=-3)) == (0, 0, 0)


async def test_a_report_of_thousands_of_names_fits_one_message() -> None:
    core = await load_core()
    names = [f"牧民{n:05d}" for n in range(3000)]
    progress = Progress(total=6000, sent=2000, unreachable=3000, failed=1000)
    for locale in ("zh", "mn", "en"):
        text = report_text(
            Translator(core, locale), progress, timedelta(hours=2, minutes=5), names, names[:1000]
        )
        assert len(text) <= 4096
        assert names[0] in text and names[100] in text.split("\n\n")[-1]
    english = report_text(Translator(core, "en"), progress, timedelta(seconds=75), names, [])
    assert "1 min 15 s" in english and "more" in english


def test_403_and_gone_chats_are_unreachable_other_errors_are_not() -> None:
    method = SendMessage(chat_id=1, text="x")
    assert is_unreachable(TelegramForbiddenError(method, "Forbidden: bot was blocked by the user"))
    assert is_unreachable(TelegramBadRequest(method, "Bad Request: chat not found"))
    assert not is_unreachable(TelegramBadRequest(method, "Bad Request: message is too long"))
    assert not is_unreachable(TelegramServerError(method, "Bad Gateway"))


async def test_the_pacer_spaces_one_chat_and_pauses_everybody(clock: FakeClock) -> None:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock.advance(seconds=seconds)
        await asyncio.sleep(0)

    pacer = Pacer(SenderConfig(rate=1000, chat_interval=1.0), clock, sleep)
    start = clock()
    await pacer.take(7)
    await pacer.take(8)  # another chat: no wait
    assert slept == [] and not pacer.chat_is_free(7)
    await pacer.take(7)
    assert clock() == start + timedelta(seconds=1)
    pacer.pause(5)
    await pacer.take(9)
    assert clock() == start + timedelta(seconds=6) and pacer.paused_until is None
    pacer.forget_idle_chats()
    assert pacer.chat_is_free(7)


async def test_a_slot_taken_before_a_429_is_taken_again_after_the_pause(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spent after the pause on top of the burst the refilled bucket allows, a slot from
    before it could exceed Telegram's limit."""

    async def sleep(seconds: float) -> None:
        clock.advance(seconds=seconds)
        await asyncio.sleep(0)

    pacer = Pacer(SenderConfig(rate=1000), clock, sleep)
    slots: list[datetime] = []

    async def take_global() -> None:
        slots.append(clock())
        if len(slots) == 1:
            pacer.pause(2)  # another send got a 429 while this one held its slot

    monkeypatch.setattr(pacer, "take_global", take_global)
    start = clock()
    await pacer.take(7)
    assert slots == [start, start + timedelta(seconds=2)]
    await pacer.take(8)  # no pause: one slot
    assert slots[2:] == [start + timedelta(seconds=2)]


async def test_claiming_takes_due_rows_in_order_once_and_a_restart_releases_them(
    uow: Callable[[], UnitOfWork], clock: FakeClock
) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        people = [await make_person(u, f"P{n}", 9000 + n) for n in range(5)]
        recipients = await outbox.recipients_for(u, [p.id for p in people])
        broadcast = await outbox.enqueue(
            u,
            kind=BroadcastKind.MESSAGE,
            org_id=tree.branch_a.id,
            recipients=recipients,
            now=clock(),
            not_before=clock() + timedelta(minutes=1),
            text="hi",
        )
        assert broadcast is not None
        await u.commit()
    async with uow() as u:
        assert await u.outbox.open_broadcasts(clock()) == []  # not before its time
    clock.advance(minutes=1)
    async with uow() as u:
        [open_one] = await u.outbox.open_broadcasts(clock())
        assert open_one.broadcast.id == broadcast.id and open_one.timezone is None
        first = await u.outbox.claim([broadcast.id], clock(), 3)
        second = await u.outbox.claim([broadcast.id], clock(), 3)
        await u.commit()
    assert [r.chat_id for r in first] == [9000, 9001, 9002]
    assert [r.chat_id for r in second] == [9003, 9004]
    async with uow() as u:
        assert await u.outbox.claim([broadcast.id], clock(), 3) == []
        header = await u.outbox.by_dedupe_key("none")
        assert header is None
        assert await u.outbox.release_claims() == 5
        await u.outbox.update_deliveries(
            [{"id": first[0].id, "status": DeliveryStatus.SENT, "message_id": 1}]
        )
        await u.commit()
    async with uow() as u:
        again = await u.outbox.claim([broadcast.id], clock(), 10)
        counts = await u.outbox.status_counts([broadcast.id])
        [state] = await u.outbox.open_broadcasts(clock())
    assert [r.chat_id for r in again] == [9001, 9002, 9003, 9004]
    assert counts[broadcast.id] == {DeliveryStatus.SENT: 1, DeliveryStatus.PENDING: 4}
    assert state.broadcast.status == BroadcastStatus.SENDING
    assert state.broadcast.started_at == clock()


async def test_names_of_people_by_delivery_status(
    uow: Callable[[], UnitOfWork], clock: FakeClock
) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        recipients = await outbox.recipients_for(u, [tree.member_a.id, tree.leader_a1.id])
        broadcast = await outbox.enqueue(
            u,
            kind=BroadcastKind.MESSAGE,
            org_id=tree.branch_a.id,
            recipients=recipients,
            now=clock(),
            not_before=clock(),
        )
        assert broadcast is not None
        rows = await u.outbox.claim([broadcast.id], clock(), 5)
        await u.outbox.update_deliveries(
            [{"id": rows[0].id, "status": DeliveryStatus.UNREACHABLE, "error": "blocked"}]
        )
        await u.commit()
    async with uow() as u:
        names = await u.outbox.names_with_status(broadcast.id, DeliveryStatus.UNREACHABLE)
    assert names == [tree.member_a.display_name]


@pytest.mark.parametrize("attempts", [0, 1, 4])
def test_failure_plans_never_wait_past_the_cap(attempts: int, clock: FakeClock) -> None:
    plan = outbox.after_transient_failure(attempts, 10, clock())
    assert clock() < plan.next_attempt_at <= clock() + outbox.BACKOFF_CAP


async def test_rows_written_through_the_driver_read_back_as_sqlalchemy_writes_them(
    uow: Callable[[], UnitOfWork], clock: FakeClock
) -> None:
    """enqueue_many writes delivery rows with the driver's own executemany: the stored values
    (raw, on SQLite and PostgreSQL) and the loaded rows must equal those of a Core insert."""
    tree = await build_tree(uow)
    due = clock() + timedelta(minutes=5, microseconds=123)
    own = {"amount": 1_000, "earlier": 2, "owed": 3_000}
    async with uow() as u:
        recipients = await outbox.recipients_for(u, [tree.member_a.id, tree.leader_a1.id])
        member = next(r for r in recipients if r.person_id == tree.member_a.id)
        items = [
            outbox.Queued(
                BroadcastKind.DUES_REMINDER,
                org,
                recipients,
                due,
                dedupe_key=f"raw:{org}",
                personal={member.person_id: json.dumps(own)},
            )
            for org in (tree.branch_a.id, tree.branch_b.id)
        ]
        assert (
            await outbox.enqueue_many(
                u, [*items, replace(items[0], dedupe_key="none", recipients=[])], clock()
            )
            == 2
        )
        ids = await u.outbox.add_broadcasts(
            [{**_header(clock(), tree.branch_a.id), "dedupe_key": "core"}]
        )
        await u.session.execute(
            insert(Delivery),
            [
                {
                    "broadcast_id": ids["core"],
                    "person_id": r.person_id,
                    "chat_id": r.chat_id,
                    "locale": r.locale,
                    "status": DeliveryStatus.PENDING,
                    "attempts": 0,
                    "next_attempt_at": due,
                    "error": "",
                    "payload": own if r is member else None,
                }
                for r in recipients
            ],
        )
        await u.commit()
    async with uow() as u:
        by_key = {b.dedupe_key: b.id for b in await u.session.scalars(select(Broadcast))}
        stored = {
            key: (
                await u.session.execute(
                    text(
                        "SELECT person_id, chat_id, locale, status, attempts, next_attempt_at,"
                        " claimed_at, error, payload FROM deliveries WHERE broadcast_id = :id"
                        " ORDER BY person_id"
                    ),
                    {"id": by_key[key]},
                )
            ).all()
            for key in ("core", f"raw:{tree.branch_a.id}", f"raw:{tree.branch_b.id}")
        }
        loaded = list(
            await u.session.scalars(
                select(Delivery)
                .where(Delivery.broadcast_id == by_key[f"raw:{tree.branch_a.id}"])
                .order_by(Delivery.person_id)
            )
        )
    assert set(by_key) == {"core", f"raw:{tree.branch_a.id}", f"raw:{tree.branch_b.id}"}
    assert len(stored["core"]) == 2
    assert stored[f"raw:{tree.branch_a.id}"] == stored["core"]
    assert stored[f"raw:{tree.branch_b.id}"] == stored["core"]
    assert [(d.person_id, d.payload) for d in loaded] == [
        (tree.member_a.id, own),
        (tree.leader_a1.id, None),
    ]
    assert all(
        (d.status, d.attempts, d.next_attempt_at, d.claimed_at, d.error)
        == (DeliveryStatus.PENDING, 0, due, None, "")
        for d in loaded
    )


async def test_planned_broadcasts_get_their_rows_later_or_go_when_nobody_is_left(
    uow: Callable[[], UnitOfWork], clock: FakeClock
) -> None:
    """plan_many writes headers only, invisible to the sender; fill_planned queues those
    whose items have recipients (payload, moment and total from the item) and deletes the
    rest, like enqueue_many leaves empty items out."""
    tree = await build_tree(uow)
    due = clock() + timedelta(minutes=5)
    keys = {org: f"plan:{org}" for org in (tree.branch_a.id, tree.branch_b.id, tree.committee.id)}
    async with uow() as u:
        plans = [
            outbox.Queued(BroadcastKind.DUES_REMINDER, org, [], due, key, {"month": "2026-12"})
            for org, key in keys.items()
        ]
        await outbox.plan_many(u, plans, clock())
        await u.commit()
    async with uow() as u:
        planned = await u.outbox.planned([BroadcastKind.DUES_REMINDER], due, 10)
        assert await u.outbox.planned([BroadcastKind.DUES_REMINDER], clock(), 10) == []
        assert await u.outbox.open_broadcasts(due) == []  # the sender does not see plans
        recipients = await outbox.recipients_for(u, [tree.member_a.id, tree.leader_a1.id])
        later = due + timedelta(hours=1)
        filled = await outbox.fill_planned(
            u,
            {row.dedupe_key: row.id for row in planned},
            [
                outbox.Queued(
                    BroadcastKind.DUES_REMINDER,
                    tree.branch_a.id,
                    recipients * 2,  # each person once
                    later,
                    keys[tree.branch_a.id],
                    {"month": "2026-12", "branch": "A"},
                    personal={tree.member_a.id: '{"amount": 150}'},
                ),
                outbox.Queued(
                    BroadcastKind.DUES_REMINDER,
                    tree.branch_b.id,
                    [],
                    later,
                    keys[tree.branch_b.id],
                ),
                outbox.Queued(
                    BroadcastKind.DUES_REMINDER, tree.branch_a.id, recipients, later, "x"
                ),
            ],
        )
        assert filled == 1
        await u.commit()
    async with uow() as u:
        [broadcast] = list(await u.session.scalars(select(Broadcast)))
        assert (broadcast.dedupe_key, broadcast.status, broadcast.total) == (
            keys[tree.branch_a.id],
            BroadcastStatus.QUEUED,
            2,
        )
        assert broadcast.payload == {"month": "2026-12", "branch": "A"}
        assert broadcast.not_before == later
        rows = list(await u.session.scalars(select(Delivery).order_by(Delivery.person_id)))
        assert [(d.person_id, d.payload, d.next_attempt_at) for d in rows] == [
            (tree.member_a.id, {"amount": 150}, later),
            (tree.leader_a1.id, None, later),
        ]


async def test_broadcast_ids_come_back_by_key_among_other_broadcasts(
    uow: Callable[[], UnitOfWork], clock: FakeClock
) -> None:
    tree = await build_tree(uow)
    async with uow() as u:
        first = await u.outbox.add_broadcasts(
            [{**_header(clock(), tree.branch_a.id), "dedupe_key": f"a{n}"} for n in range(3)]
        )
        await u.commit()
    async with uow() as u:
        unkeyed = await outbox.enqueue(
            u,
            kind=BroadcastKind.MESSAGE,
            org_id=tree.branch_a.id,
            recipients=[],
            now=clock(),
            not_before=clock(),
        )
        assert unkeyed is not None
        second = await u.outbox.add_broadcasts(
            [{**_header(clock(), tree.branch_b.id), "dedupe_key": f"b{n}"} for n in (2, 0, 1)]
        )
        await u.commit()
    async with uow() as u:
        keys = {b.id: b.dedupe_key for b in await u.session.scalars(select(Broadcast))}
    assert {keys[i]: i for i in first.values()} == first
    assert {keys[i]: i for i in second.values()} == second
    assert list(second) == ["b2", "b0", "b1"] and min(second.values()) > unkeyed.id


def _header(now: datetime, org_id: int) -> dict[str, Any]:
    return {
        "kind": BroadcastKind.DUES_REMINDER,
        "org_id": org_id,
        "content_type": ContentType.TEXT,
        "text": "",
        "payload": {"branch": "b", "month": "2026-11"},
        "urgent": False,
        "status": BroadcastStatus.QUEUED,
        "not_before": now,
        "total": 2,
        "created_at": now,
    }
