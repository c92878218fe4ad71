"""The steps the fuzz enters on purpose with their way in set up first (`Step.reaches` in
tests/fuzz/test_updates.py) are reached by the very sequences the fuzz sends, and answered:

- the note group A1's leader adds when signing in the group's member without a phone (by
  proxy, at the branch's meeting and at the group's own);
- the choice of meeting when a voice note arrives while two meetings are open for sign-in.

Each of a few drawn examples takes every such step in turn and checks the bot's prompt,
what it says to input the step does not take, and what a drawn answer records (and that the
actor had the right to record it). If an entry stops reaching its step, this fails.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from aiogram.methods import SendMessage
from aiogram.types import Update, User
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.handlers.signin import SignInFlow
from bot.i18n import load_core
from bot.keyboards.signin import SignInPickCB
from bot.services.meetings import TEXT_MAX
from bot.services.roles import SignInMethod
from storage.models import Attendance, AttendanceStatus
from tests.fakes import buttons, plain_sticker
from tests.fuzz import generators as gen
from tests.fuzz.conftest import NEIGHBOUR, SPEECH_FILE, World, reopen
from tests.fuzz.properties import forbidden
from tests.fuzz.test_updates import (
    FUZZ,
    Step,
    deliver,
    enter,
    prepare,
    protected_rows,
    rights_of,
    state_of,
    waiting_steps,
)

Say = Callable[..., str]


@pytest.fixture
async def say() -> Say:
    core = await load_core()
    return lambda key, locale, **params: core.get(key, locale, **params)


def replies(world: World, user: User, since: int) -> list[SendMessage]:
    return [
        r
        for r in world.session.requests[since:]
        if isinstance(r, SendMessage) and r.chat_id == user.id
    ]


async def attendance(world: World, meeting_id: int, person_id: int) -> Attendance | None:
    async with world.harness.uow() as u:
        found: Attendance | None = await u.session.scalar(
            select(Attendance).where(
                Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
            )
        )
        return found


def sticker(user: User) -> Update:
    return Update(
        update_id=next(gen._update_ids), message=gen.message(user, sticker=plain_sticker())
    )


def a_note() -> st.SearchStrategy[str]:
    """A text the note step takes: any but a command or an empty one."""
    return gen.texts().filter(lambda t: bool(t) and not t.startswith("/"))


async def answer_the_proxy_note(world: World, say: Say, data: st.DataObject, step: Step) -> None:
    """The leader is asked for a note about the neighbour; anything but text is asked again;
    a drawn note signs the neighbour in, with the leader as the proxy."""
    [meeting_id], [neighbour] = step.reopen, step.unsigned
    await prepare(world, step)
    before = await protected_rows(world)
    sent = len(world.session.requests)
    user = await enter(world, step)  # fails unless the bot now waits for the note
    ask = replies(world, user, sent)[-1]
    assert ask.text == say("proxy-ask-note", "zh", name=NEIGHBOUR)

    for other in (sticker(user), gen.voice_update(user, "x", 3, 10, datetime.now(UTC))):
        sent = len(world.session.requests)
        await deliver(world, other)
        assert [r.text for r in replies(world, user, sent)] == [say("proxy-note-expected", "zh")]
        assert await state_of(world, user) == SignInFlow.proxy_note.state

    note = data.draw(a_note(), label="note")
    await deliver(world, gen.text_update(user, note))
    assert await state_of(world, user) is None
    record = await attendance(world, meeting_id, neighbour)
    assert record is not None and record.method is SignInMethod.PROXY
    assert record.proxy_by_id == world.people["leader_a1"]
    assert record.note == " ".join(note.split())[:TEXT_MAX]
    after = await protected_rows(world)
    assert forbidden(rights_of(world, "leader_a1"), before, after) == []


async def answer_the_meeting_choice(
    world: World, say: Say, data: st.DataObject, step: Step
) -> None:
    """The member is offered the two open meetings; a text changes nothing and the choice
    still waits; a drawn choice signs the member in to that meeting only, for review."""
    member = world.people["member_a"]
    await prepare(world, step)
    await reopen(world, step.reopen, [member])  # so that the choice below signs in
    before = await protected_rows(world)
    sent = len(world.session.requests)
    user = await enter(world, step)  # fails unless the bot now waits for the choice
    choice = replies(world, user, sent)[-1]
    assert choice.text == say("signin-choose-meeting", "mn")
    offered = [SignInPickCB.unpack(packed).meeting_id for _, packed in buttons(choice)]
    assert offered == list(step.reopen)

    await deliver(world, gen.text_update(user, data.draw(a_note(), label="text")))
    assert await state_of(world, user) == SignInFlow.pick.state
    assert await protected_rows(world) == before

    meeting_id = data.draw(st.sampled_from(offered), label="meeting")
    await deliver(world, gen.press_update(user, SignInPickCB(meeting_id=meeting_id).pack()))
    assert await state_of(world, user) is None
    record = await attendance(world, meeting_id, member)
    assert record is not None and record.method is SignInMethod.VOICE
    assert record.status is AttendanceStatus.PENDING_REVIEW
    assert record.evidence["file_id"] == SPEECH_FILE
    [other] = [m for m in offered if m != meeting_id]
    assert await attendance(world, other, member) is None
    after = await protected_rows(world)
    assert forbidden(rights_of(world, "member_a"), before, after) == []


@pytest.mark.timeout(120)
@settings(FUZZ, max_examples=4)
@given(data=st.data())
async def test_the_steps_entered_on_purpose_are_reached(
    world: World, say: Say, data: st.DataObject
) -> None:
    """Each example takes every such step in turn (two proxy notes, one meeting choice)."""
    answers = {
        SignInFlow.proxy_note: answer_the_proxy_note,
        SignInFlow.pick: answer_the_meeting_choice,
    }
    steps = [s for s in waiting_steps(world) if s.reaches is not None]
    assert [s.reaches for s in steps] == [
        SignInFlow.proxy_note,
        SignInFlow.proxy_note,
        SignInFlow.pick,
    ]
    for step in steps:
        assert step.reaches is not None
        await answers[step.reaches](world, say, data, step)
