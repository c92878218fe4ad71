"""Property-based fuzzing of updates through the real Dispatcher on the real database.

Six actors (an unknown user, a resident of branch A, a member of A, the leader of its party
group A1, the secretary of A, the admin of committee X) send generated updates: random and
malformed texts (every unicode category, RTL, zero-width, Mongolian, emoji, control
characters, beyond 4096 characters), every command with junk arguments, callback data of
every CallbackData class with wrong, huge, negative or foreign ids and wrong enum values,
truncated or garbage, and pointing at branch B's meetings (open, closed, cancelled), tickets
(at every stage), dues, guidance, broadcasts, invites and join requests or committee Y's;
messages of every content type, in groups and channels, edited, forwarded, late; the bot's
membership changing; and the same update delivered twice. The random walk also presses the
buttons the bot showed and answers its reply keyboards, so texts arrive while each
conversation step waits. The steps a walk seldom reaches are entered on purpose; those
whose way in can be used up (the group leader's note for a proxy sign-in, the choice of
meeting for a voice note while two meetings are open) have it set up first and must be
reached (see also tests/fuzz/test_steps.py).

After every update: the errors router logged no unexpected error, nothing sent breaks
Telegram's limits (text ≤ 4096, caption ≤ 1024, callback answer ≤ 200, callback data ≤ 64
bytes, no empty text); after each example: no protected row changed that the actor had no
right to change (tests/fuzz/properties.py); a repeated update changes no row and sends
nothing.

Examples in CI: 300 (walks of 1–4 updates) + 700 + 350 + 350 + 200 + 200 (a waiting step,
then 1–3 answers) = 2,100, derandomized (the same examples every run), no deadline. The
world and conversation states persist across the examples of one test (the fixture is
built once per test): that is deliberate, the state a fuzzed update meets is as varied as
a real chat's.

    .venv/bin/pytest -q tests/fuzz
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

import pytest
from aiogram.fsm.state import State
from aiogram.methods import EditMessageText, SendMessage, TelegramMethod
from aiogram.types import InlineKeyboardMarkup, Location, ReplyKeyboardMarkup, Update, User
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from bot.handlers.signin import SignInFlow
from bot.keyboards.dues import (
    BranchAction,
    BranchCB,
    DuesMenuCB,
    MenuAction,
    PaymentAction,
    PaymentCB,
)
from bot.keyboards.meeting_admin import AdminAction, MeetingAdminCB
from bot.keyboards.meetings import InvitationAction, InvitationCB, ProxyCB
from bot.keyboards.tickets import TicketAction, TicketCB
from tests.fuzz import generators as gen
from tests.fuzz.conftest import (
    RESIDENT_A,
    SPEECH_FILE,
    SPEECH_SECONDS,
    UNKNOWN,
    World,
    reopen,
    speech,
)
from tests.fuzz.properties import (
    PROTECTED,
    Reach,
    Rights,
    changes,
    forbidden,
    limit_problems,
    snapshot,
)

ADMIN_X, SECRETARY_A, MEMBER_A, LEADER_A1 = 1001, 2001, 3001, 3002
ACTORS = {
    "unknown": (UNKNOWN, None),
    "resident_a": (RESIDENT_A, "zh"),
    "member_a": (MEMBER_A, "mn"),
    "leader_a1": (LEADER_A1, "zh"),
    "secretary_a": (SECRETARY_A, "zh"),
    "admin_x": (ADMIN_X, "en"),
}

# Hypothesis reuses the function-scoped `world` fixture across examples on purpose (see the
# module docstring); the examples are slow-ish by nature (a database per update).
FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
CALLBACK_CLASSES = tuple(gen.callback_classes())


def rights_of(world: World, actor: str) -> Rights:
    """What each actor may change (a coarse, domain-level table; the authorization matrix
    in tests/unit/test_access.py is the exact one): a resident their own tickets; a member
    their own answers, sign-ins, dues reports and receipts, and their branch's tickets
    (claiming a posted one); group A1's leader (a member of A1) the same, plus group A1's
    meetings, their invitations and sign-ins (Action.SCHEDULE_MEETING in A1), and the proxy
    sign-ins of A1's members at the meetings of A1 and of branch A (Action.PROXY_SIGN_IN:
    not branch A's meetings themselves, nor anyone outside the group); a secretary anything
    of branch A; the admin anything of committee X. Nobody anything of committee Y, and only
    the admin anything of branch B."""
    org, person = world.orgs, world.people
    everything = dict.fromkeys(PROTECTED, Reach.ORG)
    if actor == "unknown":
        return Rights(None)
    if actor == "resident_a":
        return Rights(person["resident_a"], {"tickets": Reach.OWN, "ticket_events": Reach.OWN})
    if actor == "member_a":
        return Rights(
            person["member_a"],
            {
                "invitations": Reach.OWN,
                "attendances": Reach.OWN,
                "dues_payments": Reach.OWN,
                "deliveries": Reach.OWN,
                "tickets": Reach.ORG,
                "ticket_events": Reach.ORG,
            },
            frozenset({org["A"], org["A1"]}),
        )
    if actor == "leader_a1":
        branch = frozenset({org["A"]})
        return Rights(
            person["leader_a1"],
            {
                "meetings": Reach.ORG,
                "invitations": Reach.ORG,
                "attendances": Reach.ORG,
                "dues_payments": Reach.OWN,
                "deliveries": Reach.OWN,
                "tickets": Reach.ORG,
                "ticket_events": Reach.ORG,
            },
            frozenset({org["A1"]}),
            table_org_ids={"tickets": branch, "ticket_events": branch},
            proxy_for=frozenset({person["neighbour_a1"]}),
            proxy_org_ids=frozenset({org["A"], org["A1"]}),
        )
    if actor == "secretary_a":
        return Rights(person["secretary_a"], everything, frozenset({org["A"], org["A1"]}))
    assert actor == "admin_x"
    return Rights(
        person["admin_x"], everything, frozenset({org["C1"], org["A"], org["A1"], org["B"]})
    )


def user_of(actor: str) -> User:
    telegram_id, language = ACTORS[actor]
    return User(id=telegram_id, is_bot=False, first_name=actor, language_code=language)


async def protected_rows(world: World) -> Any:
    """The protected rows now; read again only after a write to a protected table."""
    if world.rows is None:
        async with world.harness.uow() as u:
            world.rows = await snapshot(u)
    return world.rows


async def deliver(world: World, update: Update) -> None:
    """One update through the Dispatcher; fails on an unexpected error or a reply Telegram
    would refuse."""
    note(f"update: {update.model_dump(exclude_none=True)!r}"[:2000])
    sent_before, errors_before = len(world.session.requests), len(world.errors.records)
    await world.harness.send(update)
    errors = world.errors.records[errors_before:]
    assert not errors, [r.getMessage() for r in errors] + [
        repr(r.exc_info[1]) for r in errors if r.exc_info
    ]
    problems = limit_problems(world.session.requests[sent_before:])
    assert not problems, problems


async def deliver_twice(world: World, update: Update) -> None:
    """The repeat of an update (Telegram redelivering it) changes no row; and when the first
    delivery changed something (so it was committed), the repeat sends nothing either. A
    refused update commits nothing, so its repeat is refused again, which is harmless."""
    first = await protected_rows(world)
    await deliver(world, update)
    before, sent = await protected_rows(world), len(world.session.requests)
    await deliver(world, update)
    after = await protected_rows(world)
    assert not changes(before, after), [str(c) for c in changes(before, after)]
    if changes(first, before):
        assert world.session.requests[sent:] == []


async def check_rights(world: World, actor: str, before: Any) -> None:
    after = await protected_rows(world)
    wrong = forbidden(rights_of(world, actor), before, after)
    assert not wrong, wrong


def _shown_keyboards(requests: Sequence[TelegramMethod[Any]], chat_id: int) -> tuple[Any, Any]:
    """The latest inline and reply keyboards the bot showed in this chat."""
    inline = reply = None
    for request in reversed(requests):
        if not isinstance(request, (SendMessage, EditMessageText)):
            continue
        if request.chat_id != chat_id:
            continue
        markup = request.reply_markup
        if inline is None and isinstance(markup, InlineKeyboardMarkup):
            inline = markup
        if reply is None and isinstance(markup, ReplyKeyboardMarkup):
            reply = markup
        if inline is not None and reply is not None:
            break
    return inline, reply


def known_ids(world: World) -> tuple[int, ...]:
    return tuple(sorted({i for ids in world.ids.values() for i in ids}))


STEPS = ("text", "text", "command", "forged", "content", "press", "press", "press", "reply")


@st.composite
def next_update(draw: st.DrawFn, world: World, user: User, last: Update | None) -> Update:
    """One step of a conversation: mostly what a person would do next (press a shown
    button, answer the reply keyboard, type), sometimes anything at all, sometimes the same
    update again. The shape of the draws never depends on the chat's state (hypothesis
    replays them): a button is drawn by index, and with none shown the step is a /help."""
    choice = draw(st.sampled_from((*STEPS, "repeat")))
    if choice in ("press", "reply"):
        index = draw(st.integers(0, 63))
        inline, reply = _shown_keyboards(world.session.requests[-60:], user.id)
        if choice == "press" and inline is not None:
            datas = [b.callback_data for row in inline.inline_keyboard for b in row]
            datas = [d for d in datas if d]
            if datas:
                return gen.press_update(user, datas[index % len(datas)])
        if choice == "reply" and reply is not None:
            shown = [b for row in reply.keyboard for b in row]
            button = shown[index % len(shown)]
            if button.request_location:
                point = Location(latitude=43.93, longitude=116.07)
                return Update(
                    update_id=next(gen._update_ids), message=gen.message(user, location=point)
                )
            return gen.text_update(user, button.text)
        return gen.text_update(user, "/help")
    if choice == "repeat":
        return last if last is not None else gen.text_update(user, "/help")
    if choice == "command":
        return gen.text_update(user, draw(gen.commands()))
    if choice == "forged":
        return gen.press_update(user, draw(gen.callback_data(CALLBACK_CLASSES, known_ids(world))))
    if choice == "content":
        return draw(gen.content_updates(user))
    if draw(st.integers(0, 5)) == 0:
        return gen.text_update(user, draw(st.sampled_from(world.codes)))
    return gen.text_update(user, draw(gen.texts()))


async def walk(world: World, data: st.DataObject, user: User, steps: int) -> None:
    """`steps` drawn updates, each answering the bot's last reply; drawing the previous update
    again delivers it twice (a repeated update id)."""
    last: Update | None = None
    for _ in range(steps):
        update = data.draw(next_update(world, user, last))
        if update is last:
            await deliver_twice(world, update)
        else:
            await deliver(world, update)
        last = update


@pytest.mark.timeout(600)  # thousands of updates; a busy CI machine is slow
@settings(FUZZ, max_examples=300)
@given(data=st.data())
async def test_a_random_walk_through_the_conversations(world: World, data: st.DataObject) -> None:
    actor = data.draw(st.sampled_from(sorted(ACTORS)), label="actor")
    user = user_of(actor)
    before = await protected_rows(world)
    await walk(world, data, user, data.draw(st.integers(1, 4), label="steps"))
    await check_rights(world, actor, before)


@pytest.mark.timeout(600)  # thousands of updates; a busy CI machine is slow
@settings(FUZZ, max_examples=700)
@given(data=st.data())
async def test_forged_truncated_and_stale_callbacks(world: World, data: st.DataObject) -> None:
    actor = data.draw(st.sampled_from(sorted(ACTORS)), label="actor")
    payload = data.draw(gen.callback_data(CALLBACK_CLASSES, known_ids(world)), label="data")
    before = await protected_rows(world)
    await deliver(world, gen.press_update(user_of(actor), payload))
    await check_rights(world, actor, before)


@pytest.mark.timeout(600)  # thousands of updates; a busy CI machine is slow
@settings(FUZZ, max_examples=350)
@given(data=st.data())
async def test_unexpected_content_types(world: World, data: st.DataObject) -> None:
    actor = data.draw(st.sampled_from(sorted(ACTORS)), label="actor")
    user = user_of(actor)
    before = await protected_rows(world)
    await deliver(world, data.draw(gen.content_updates(user)))
    await check_rights(world, actor, before)


@pytest.mark.timeout(600)  # thousands of updates; a busy CI machine is slow
@settings(FUZZ, max_examples=350)
@given(data=st.data())
async def test_every_command_with_junk_arguments(world: World, data: st.DataObject) -> None:
    actor = data.draw(st.sampled_from(sorted(ACTORS)), label="actor")
    user = user_of(actor)
    chat = data.draw(st.sampled_from((None, None, None, gen.GROUP)))
    before = await protected_rows(world)
    await deliver(world, gen.text_update(user, data.draw(gen.commands()), chat))
    await check_rights(world, actor, before)


@pytest.mark.timeout(600)  # thousands of updates; a busy CI machine is slow
@settings(FUZZ, max_examples=200)
@given(data=st.data())
async def test_a_repeated_update_has_one_effect(world: World, data: st.DataObject) -> None:
    actor = data.draw(st.sampled_from(sorted(ACTORS)), label="actor")
    user = user_of(actor)
    update = data.draw(
        st.one_of(
            st.builds(gen.text_update, st.just(user), gen.commands() | gen.texts()),
            st.builds(
                gen.press_update,
                st.just(user),
                gen.callback_data(CALLBACK_CLASSES, known_ids(world)),
            ),
            gen.content_updates(user),
        )
    )
    before = await protected_rows(world)
    await deliver_twice(world, update)
    await check_rights(world, actor, before)


# One update of a step's way in: a command, a button's data (as shown), or a message built
# when it is sent.
Entry = str | Callable[[World, User], Update]


class Step(NamedTuple):
    """How an actor enters a step that waits for their input. A step entered on purpose
    with its way in set up first (`reopen`'s meetings open again, `unsigned` not signed in
    to them) names the state it must reach: the fuzz fails if it does not get there."""

    actor: str
    entry: tuple[Entry, ...]
    reaches: State | None = None
    reopen: tuple[int, ...] = ()
    unsigned: tuple[int, ...] = ()


def speech_note(world: World, user: User) -> Update:
    """A voice note of speech recorded now (the world's clock), sent without a button."""
    return gen.voice_update(user, SPEECH_FILE, SPEECH_SECONDS, len(speech()), world.clock())


def proxy_entry(world: World, meeting: str) -> Step:
    """Group A1's leader signs in its member without a phone at one meeting: /proxy, the
    meeting, the person; the bot then waits for a note."""
    meeting_id, neighbour = world.meetings[meeting], world.people["neighbour_a1"]
    return Step(
        "leader_a1",
        (
            "/proxy",
            ProxyCB(meeting_id=meeting_id).pack(),
            ProxyCB(meeting_id=meeting_id, person_id=neighbour).pack(),
        ),
        SignInFlow.proxy_note,
        (meeting_id,),
        (neighbour,),
    )


def waiting_steps(world: World) -> list[Step]:
    """How each actor reaches a step that waits for their typing (a command, or a button
    they were shown, packed here): the leave reason and the sign-in code, the dues report,
    /need, the secretary's rejection reason, meeting edit and minutes, ticket decline, the
    assignee's refusal reason, progress notes and closing note, the requester's rating
    comment, dues day and assessment, the composers of meetings, broadcasts, guidance and
    imports; the group leader's note for a proxy sign-in (at the branch's meeting and at the
    group's), and the choice of meeting for a voice note sent while two are open."""
    ids, branch_a = world.ids, world.orgs["A"]
    meeting_a, payment_a, ticket_a = ids["meeting"][0], ids["payment"][0], ids["ticket"][0]
    assigned_a, working_a, resolved_a = ids["ticket"][-3:]
    two_open = (world.meetings["A"], world.meetings["A2"])
    steps = [
        ("member_a", (InvitationCB(meeting_id=meeting_a, action=InvitationAction.LEAVE).pack(),)),
        ("member_a", (InvitationCB(meeting_id=meeting_a, action=InvitationAction.CODE).pack(),)),
        ("member_a", (DuesMenuCB(action=MenuAction.REPORT).pack(),)),
        ("member_a", ("/need",)),
        ("resident_a", ("/need",)),
        ("secretary_a", (PaymentCB(action=PaymentAction.REJECT, payment_id=payment_a).pack(),)),
        ("secretary_a", (MeetingAdminCB(meeting_id=meeting_a, action=AdminAction.EDIT).pack(),)),
        (
            "secretary_a",
            (MeetingAdminCB(meeting_id=meeting_a, action=AdminAction.MINUTES).pack(),),
        ),
        ("secretary_a", (TicketCB(action=TicketAction.DECLINE, ticket_id=ticket_a).pack(),)),
        ("member_a", (TicketCB(action=TicketAction.REFUSE, ticket_id=assigned_a).pack(),)),
        ("member_a", (TicketCB(action=TicketAction.NOTE, ticket_id=working_a).pack(),)),
        ("member_a", (TicketCB(action=TicketAction.RESOLVE, ticket_id=working_a).pack(),)),
        (
            "resident_a",
            (TicketCB(action=TicketAction.RATE, ticket_id=resolved_a, arg=4).pack(),),
        ),
        ("secretary_a", (BranchCB(action=BranchAction.DUES_DAY, branch_id=branch_a).pack(),)),
        ("secretary_a", (BranchCB(action=BranchAction.ASSESS, branch_id=branch_a).pack(),)),
        ("secretary_a", (BranchCB(action=BranchAction.RECORD, branch_id=branch_a).pack(),)),
        ("secretary_a", ("/meeting",)),
        ("secretary_a", ("/broadcast",)),
        ("admin_x", ("/guidance",)),
        ("admin_x", ("/import",)),
    ]
    return [
        *(Step(actor, entry) for actor, entry in steps),
        proxy_entry(world, "A"),
        proxy_entry(world, "A1"),
        Step("member_a", (speech_note,), SignInFlow.pick, two_open),
    ]


async def state_of(world: World, user: User) -> str | None:
    """The conversation state of the actor's private chat."""
    harness = world.harness
    return await harness.dp.fsm.get_context(harness.bot, user.id, user.id).get_state()


async def prepare(world: World, step: Step) -> None:
    """Set up the step's way in (before the rows are read: the actor does not do this)."""
    if step.reopen:
        await reopen(world, step.reopen, step.unsigned)


async def enter(world: World, step: Step) -> User:
    """Take the step's way in, from no conversation (after a /cancel); a step that names
    the state it reaches must be in it now."""
    user = user_of(step.actor)
    await deliver(world, gen.text_update(user, "/cancel"))
    for entry in step.entry:
        if callable(entry):
            update = entry(world, user)
        elif entry.startswith("/"):
            update = gen.text_update(user, entry)
        else:
            update = gen.press_update(user, entry)
        await deliver(world, update)
    if step.reaches is not None:
        assert await state_of(world, user) == step.reaches.state, step
    return user


@pytest.mark.timeout(600)  # thousands of updates; a busy CI machine is slow
@settings(FUZZ, max_examples=200)
@given(data=st.data())
async def test_texts_while_a_step_waits(world: World, data: st.DataObject) -> None:
    """The random walk reaches few steps deep; these are entered on purpose, then answered
    with anything (texts, codes, content, shown buttons)."""
    steps = waiting_steps(world)
    step = steps[data.draw(st.integers(0, len(steps) - 1), label="step")]
    await prepare(world, step)
    before = await protected_rows(world)
    user = await enter(world, step)
    await walk(world, data, user, data.draw(st.integers(1, 3), label="answers"))
    await check_rights(world, step.actor, before)
