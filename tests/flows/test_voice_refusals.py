"""Every bad voice sign-in, in every language, through the real Dispatcher: silence, each kind
of steady noise, forwarded notes, too short and too long (by Telegram's duration and by the
decoded audio), damaged Ogg, files over Telegram's 20 MB download limit (refused before any
GetFile) and the wrong kind of message, each sent both on its own (no conversation open) and
in the voice step after pressing the VOICE button.

Each gets its own localized reason in the member's language, records no attendance and
leaves the invitation as it was; the voice step stays open, and a good voice note then still
signs in. The audio is real (tests/voice_samples.py), made once for the module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from aiogram.methods import GetFile
from aiogram.types import Document, PhotoSize, Update
from aiogram_i18n.cores import FluentRuntimeCore
from sqlalchemy import update

from bot.handlers.signin import SignInFlow
from bot.keyboards.meetings import InvitationAction, InvitationCB
from bot.services import meetings
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, MeetingKind, SignInMethod
from sandbox.media import ogg_duration
from storage.models import AttendanceStatus, Meeting, Person
from tests import voice_samples
from tests.conftest import FakeClock
from tests.factories import Tree, actor_of, build_tree
from tests.fakes import FieldChatter
from tests.flows.conftest import Harness

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = QuietHours.parse("21:30-07:30")
MEMBER = 3001  # 党员巴特尔 of branch A, invited to its meetings
LOCALES = ("zh", "mn", "en")
MB = 1024 * 1024
NOISES: tuple[Literal["white", "pink", "hum"], ...] = ("white", "pink", "hum")


class Herder(FieldChatter):
    """A member whose phone sends whatever it is asked to: documents and photos too."""

    def audio_document(self, file_id: str, size: int, mime_type: str, date: datetime) -> Update:
        document = Document(
            file_id=file_id,
            file_unique_id=file_id,
            file_name="到.ogg",
            mime_type=mime_type,
            file_size=size,
        )
        return self._dated(date, False, document=document)

    def photo_at(self, file_id: str, date: datetime) -> Update:
        photo = PhotoSize(file_id=file_id, file_unique_id=file_id, width=640, height=480)
        return self._dated(date, False, photo=[photo])


def _little_speech_ogg() -> bytes:
    """Three seconds holding one 0.15 s syllable: sound, but less speech than a sign-in
    needs (VoiceLimits.min_speech_seconds)."""
    rate = 48_000
    syllable = voice_samples.speech_like_samples(0.15, rate=rate)
    samples = np.zeros(3 * rate, dtype=np.float32)
    samples[rate : rate + len(syllable)] = syllable
    return voice_samples.encode_ogg(samples, rate)


@pytest.fixture(scope="module")
def audio() -> dict[str, bytes]:
    """Every recording the table sends, made once for the module."""
    speech = voice_samples.speech_ogg()
    made = {
        "speech": speech,
        "silence": voice_samples.silence_ogg(),
        "bursty-noise": voice_samples.bursty_noise_ogg(),
        "tone": voice_samples.tone_ogg(),
        "little-speech": _little_speech_ogg(),
        "short": voice_samples.speech_like_ogg(0.5),
        "long": voice_samples.speech_ogg(seconds=70, rate=8_000),  # narrowband: a quick encode
        "corrupted": voice_samples.corrupted_ogg(speech),
        "truncated": voice_samples.truncated_ogg(speech),
        "header-only": voice_samples.ogg_header_only(speech),
        "garbled-opus": voice_samples.garbled_opus_ogg(speech),
        "random": voice_samples.random_bytes(),
        "mp3": voice_samples.mp3_bytes(),
        "huge": speech + bytes(21 * MB),
    }
    for kind in NOISES:
        made[f"noise-{kind}"] = voice_samples.noise_ogg(kind=kind)
    return made


Send = Callable[[Herder, dict[str, bytes], datetime], Update]


@dataclass(frozen=True)
class Case:
    """One bad input: how the member sends it, what they are told (a locale key and its
    parameters), and whether the file may be downloaded to find that out."""

    name: str
    send: Send
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    downloads: bool = True
    bare_key: str | None = None  # sent on its own, if the answer differs from the step's


def _voice(
    sample: str, duration: int | None = None, size: int | None = None, **extra: Any
) -> Send:
    """A voice note of `sample`, described as Telegram would unless told otherwise."""

    def send(member: Herder, audio: dict[str, bytes], date: datetime) -> Update:
        content = audio[sample]
        told = duration if duration is not None else ogg_duration(content) or 0
        return member.voice(
            f"v-{sample}", told, size if size is not None else len(content), date=date, **extra
        )

    return send


def _silent(name: str, sample: str) -> Case:
    return Case(name, _voice(sample), "voice-refused-silent")


UNDECODABLE = "voice-refused-undecodable"
NOT_VOICE = "voice-refused-not-voice"

CASES = [
    _silent("silence", "silence"),
    *(_silent(f"steady {kind} noise", f"noise-{kind}") for kind in NOISES),
    _silent("rustling (bursty noise)", "bursty-noise"),
    _silent("a whistle (steady tone)", "tone"),
    _silent("less speech than needed", "little-speech"),
    Case(
        "forwarded", _voice("speech", forwarded=True), "voice-refused-forwarded", downloads=False
    ),
    Case(
        "too short by Telegram's duration",
        _voice("short", duration=0),
        "voice-refused-too-short",
        {"seconds": 0, "min_seconds": 1},
        downloads=False,
    ),
    Case(
        "too short when decoded",
        _voice("short", duration=1),
        "voice-refused-too-short",
        {"seconds": 0.5, "min_seconds": 1},
    ),
    Case(
        "too long by Telegram's duration",
        _voice("speech", duration=61),
        "voice-refused-too-long",
        {"seconds": 61, "max_seconds": 60},
        downloads=False,
    ),
    Case(
        "too long when decoded",
        _voice("long", duration=30),
        "voice-refused-too-long",
        {"seconds": 70, "max_seconds": 60},
    ),
    Case("corrupted Ogg", _voice("corrupted"), UNDECODABLE),
    Case("truncated Ogg", _voice("truncated"), UNDECODABLE),
    Case("Ogg headers without audio", _voice("header-only", duration=2), UNDECODABLE),
    Case("garbled Opus packets", _voice("garbled-opus"), UNDECODABLE),
    Case("random bytes", _voice("random", duration=2), UNDECODABLE),
    Case("an MP3 sent as a voice note", _voice("mp3", duration=2), UNDECODABLE),
    Case(
        "a voice note that says it is MP3",
        _voice("speech", mime_type="audio/mpeg"),
        UNDECODABLE,
        downloads=False,
    ),
    Case(
        "over 20 MB by Telegram's size",
        _voice("speech", size=21 * MB),
        "voice-refused-too-large",
        {"size_mb": 21, "max_mb": 20},
        downloads=False,
    ),
    Case(
        "over 20 MB when downloaded",
        _voice("huge", duration=2, size=1000),
        "voice-refused-too-large",
        {"size_mb": 21, "max_mb": 20},
    ),
    Case(
        "an audio file",
        lambda member, audio, date: member.audio("a-mp3", 2, len(audio["mp3"]), date=date),
        NOT_VOICE,
        downloads=False,
    ),
    Case(
        "a video note",
        lambda member, audio, date: member.video_note("vn-1", 3, 90_000, date=date),
        NOT_VOICE,
        downloads=False,
    ),
    Case(
        "a document with an audio type",
        lambda member, audio, date: member.audio_document(
            "d-ogg", len(audio["speech"]), "audio/ogg", date
        ),
        NOT_VOICE,
        downloads=False,
    ),
    Case(
        "a photo",
        lambda member, audio, date: member.photo_at("p-1", date),
        "signin-voice-expected",
        downloads=False,
        bare_key="fallback-unknown",  # a photo on its own is no attempt to sign in
    ),
]


async def schedule(harness: Harness, tree: Tree, clock: FakeClock) -> Meeting:
    """A 主题党日 of branch A starting in ten minutes (its sign-in window is open), voice
    allowed."""
    spec = meetings.MeetingSpec(
        org_id=tree.branch_a.id,
        kind=MeetingKind.THEMED_PARTY_DAY,
        title="十一月主题党日",
        starts_at=clock() + timedelta(minutes=10),
        audience=Audience.BRANCH,
        audience_org_id=tree.branch_a.id,
        methods=frozenset({SignInMethod.TAP, SignInMethod.VOICE}),
    )
    secretary = await actor_of(harness.uow, tree.secretary_a)
    async with harness.uow() as u:
        news = await meetings.schedule(u, secretary, spec, clock(), SHANGHAI, QUIET)
    return news.meeting


def catalogues(harness: Harness) -> FluentRuntimeCore:
    """The dispatcher's own translations, to say what the member should read."""
    core: FluentRuntimeCore = harness.dp["i18n_middleware"].core
    return core


@pytest.mark.parametrize("in_step", [False, True], ids=["on its own", "in the voice step"])
@pytest.mark.parametrize("locale", LOCALES)
async def test_every_bad_voice_is_refused_with_its_reason_and_records_nothing(
    harness: Harness,
    clock: FakeClock,
    audio: dict[str, bytes],
    locale: str,
    in_step: bool,
) -> None:
    core = catalogues(harness)
    tree = await build_tree(harness.uow)
    async with harness.uow() as u:
        await u.session.execute(
            update(Person).where(Person.telegram_id == MEMBER).values(language=locale)
        )
        await u.commit()
    meeting = await schedule(harness, tree, clock)
    member = Herder(MEMBER, "巴特尔", locale)
    for name, content in audio.items():
        harness.session.files[f"v-{name}"] = content
    harness.session.files["a-mp3"] = audio["mp3"]
    harness.session.files["d-ogg"] = audio["speech"]
    async with harness.uow() as u:
        before = await u.meetings.invitation(meeting.id, tree.member_a.id)
        assert before is not None
        invited = (before.response, before.responded_at)
    state = harness.dp.fsm.get_context(harness.bot, MEMBER, MEMBER)
    if in_step:
        pressed = InvitationCB(meeting_id=meeting.id, action=InvitationAction.VOICE).pack()
        await harness.send(member.press(pressed))
        assert await state.get_state() == SignInFlow.voice.state

    for case in CASES:
        harness.session.clear()
        await harness.send(case.send(member, audio, clock()))
        key = case.key if in_step or case.bare_key is None else case.bare_key
        answers = [m.text for m in harness.session.sent(MEMBER)]
        assert answers == [core.get(key, locale, **case.params)], case.name
        if not case.downloads:
            assert harness.session.of_type(GetFile) == [], f"{case.name}: downloaded"
        async with harness.uow() as u:
            assert list(await u.meetings.attendances(meeting.id)) == [], case.name
            invitation = await u.meetings.invitation(meeting.id, tree.member_a.id)
            assert invitation is not None
            assert (invitation.response, invitation.responded_at) == invited, case.name
        expected_state = SignInFlow.voice.state if in_step else None
        assert await state.get_state() == expected_state, case.name

    # and a good voice note still signs in
    harness.session.clear()
    speech = audio["speech"]
    await harness.send(
        member.voice("v-speech", ogg_duration(speech) or 0, len(speech), date=clock())
    )
    async with harness.uow() as u:
        [record] = await u.meetings.attendances(meeting.id)
    assert record.method is SignInMethod.VOICE
    assert record.status is AttendanceStatus.PENDING_REVIEW
    assert record.evidence["file_id"] == "v-speech"
    assert await state.get_state() is None
