"""Voice sign-in checks on real Ogg/Opus audio made by the tests (tests/voice_samples.py):
speech from espeak-ng and a generated speech-like signal, silence, hiss, hum, tones, damaged
and foreign files."""

from __future__ import annotations

import dataclasses
import io
import logging
import time
from collections.abc import Callable
from functools import cache
from typing import Any, Literal

import numpy as np
import pytest
import soundfile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.services import voice
from bot.services.errors import InvalidInput
from bot.services.voice import (
    DEFAULT_LIMITS,
    NoTranscriber,
    Transcriber,
    VoiceAnalysis,
    VoiceCheck,
    VoiceLimits,
    VoiceMeta,
    VoiceRefusal,
    VoiceRefused,
    analyse,
    check_before_download,
    verify_voice,
)
from tests import voice_samples as samples

NoiseKind = Literal["white", "hum", "pink"]

VOICE = VoiceMeta(
    kind="voice", duration=3, file_size=40_000, mime_type="audio/ogg", forwarded=False
)


def meta(**changes: Any) -> VoiceMeta:
    return dataclasses.replace(VOICE, **changes)


def limits(**changes: Any) -> VoiceLimits:
    return dataclasses.replace(DEFAULT_LIMITS, **changes)


def refusal(call: Callable[[], object]) -> VoiceRefused:
    with pytest.raises(VoiceRefused) as caught:
        call()
    return caught.value


_FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Samples are made once per test run.
speech_like = cache(samples.speech_like_ogg)
espeak = cache(samples.speech_ogg)


@cache
def minute_of_speech() -> bytes:
    return samples.speech_like_ogg(60.0, seed=11)


# --- refusal keys -----------------------------------------------------------------------------


@pytest.mark.parametrize("reason", list(VoiceRefusal))
def test_each_refusal_names_its_locale_key(reason: VoiceRefusal) -> None:
    error = VoiceRefused(reason)
    assert isinstance(error, InvalidInput)
    assert error.reason is reason
    assert error.key == f"voice-refused-{reason.value}"


def test_the_locale_keys_are_these() -> None:
    assert sorted(f"voice-refused-{reason.value}" for reason in VoiceRefusal) == [
        "voice-refused-forwarded",
        "voice-refused-not-voice",
        "voice-refused-silent",
        "voice-refused-too-large",
        "voice-refused-too-long",
        "voice-refused-too-short",
        "voice-refused-undecodable",
    ]


# --- before the download ----------------------------------------------------------------------


def test_a_voice_note_within_bounds_passes_before_download() -> None:
    check_before_download(VOICE, DEFAULT_LIMITS)
    check_before_download(meta(duration=1), DEFAULT_LIMITS)
    check_before_download(meta(duration=60), DEFAULT_LIMITS)
    check_before_download(meta(file_size=20 * 1024 * 1024), DEFAULT_LIMITS)
    check_before_download(meta(mime_type="audio/ogg; codecs=opus"), DEFAULT_LIMITS)
    check_before_download(meta(duration=None, file_size=None, mime_type=None), DEFAULT_LIMITS)


@pytest.mark.parametrize("kind", ["audio", "document", "video_note", "video", "text"])
def test_anything_but_a_voice_note_recorded_in_telegram_is_not_a_voice(kind: str) -> None:
    error = refusal(lambda: check_before_download(meta(kind=kind), DEFAULT_LIMITS))
    assert error.reason is VoiceRefusal.NOT_VOICE
    assert error.key == "voice-refused-not-voice"
    assert error.params == {}


def test_a_forwarded_voice_note_is_refused() -> None:
    error = refusal(lambda: check_before_download(meta(forwarded=True), DEFAULT_LIMITS))
    assert error.reason is VoiceRefusal.FORWARDED
    assert error.params == {}


def test_a_forwarded_audio_file_is_first_of_all_not_a_voice() -> None:
    error = refusal(
        lambda: check_before_download(meta(kind="audio", forwarded=True), DEFAULT_LIMITS)
    )
    assert error.reason is VoiceRefusal.NOT_VOICE


def test_a_file_over_20_mb_is_refused_before_download() -> None:
    size = 20 * 1024 * 1024 + 1
    error = refusal(lambda: check_before_download(meta(file_size=size), DEFAULT_LIMITS))
    assert error.reason is VoiceRefusal.TOO_LARGE
    assert error.key == "voice-refused-too-large"
    assert error.params == {"max_mb": 20, "size_mb": 20}
    big = refusal(lambda: check_before_download(meta(file_size=31_500_000), DEFAULT_LIMITS))
    assert big.params == {"max_mb": 20, "size_mb": 30}


@pytest.mark.parametrize(
    ("duration", "reason", "params"),
    [
        (0, VoiceRefusal.TOO_SHORT, {"min_seconds": 1, "seconds": 0}),
        (61, VoiceRefusal.TOO_LONG, {"max_seconds": 60, "seconds": 61}),
        (3600, VoiceRefusal.TOO_LONG, {"max_seconds": 60, "seconds": 3600}),
    ],
)
def test_telegrams_duration_is_judged_before_download(
    duration: int, reason: VoiceRefusal, params: dict[str, Any]
) -> None:
    error = refusal(lambda: check_before_download(meta(duration=duration), DEFAULT_LIMITS))
    assert error.reason is reason
    assert error.params == params


def test_the_bounds_come_from_the_limits() -> None:
    strict = limits(min_seconds=2.5, max_seconds=30)
    short = refusal(lambda: check_before_download(meta(duration=2), strict))
    assert short.params == {"min_seconds": 2.5, "seconds": 2}
    long = refusal(lambda: check_before_download(meta(duration=31), strict))
    assert long.params == {"max_seconds": 30, "seconds": 31}
    check_before_download(meta(duration=30), strict)


@pytest.mark.parametrize("mime", ["audio/mpeg", "audio/mp4", "video/mp4", "application/pdf"])
def test_a_voice_that_telegram_says_is_not_ogg_is_undecodable(mime: str) -> None:
    error = refusal(lambda: check_before_download(meta(mime_type=mime), DEFAULT_LIMITS))
    assert error.reason is VoiceRefusal.UNDECODABLE


# --- the whole check, in order ----------------------------------------------------------------


class Downloads:
    """Stands for the handler's download; counts what it was asked for."""

    def __init__(self, content: bytes) -> None:
        self.content = content
        self.calls = 0

    async def __call__(self) -> bytes:
        self.calls += 1
        return self.content


@pytest.fixture
def no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(content: bytes, limits: VoiceLimits) -> VoiceAnalysis:
        raise AssertionError("analyse must not run")

    monkeypatch.setattr(voice, "analyse", fail)


@pytest.mark.usefixtures("no_analysis")
@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"file_size": 20 * 1024 * 1024 + 1}, VoiceRefusal.TOO_LARGE),
        ({"file_size": 2**40}, VoiceRefusal.TOO_LARGE),
        ({"forwarded": True}, VoiceRefusal.FORWARDED),
        ({"kind": "audio"}, VoiceRefusal.NOT_VOICE),
        ({"kind": "document"}, VoiceRefusal.NOT_VOICE),
        ({"duration": 61}, VoiceRefusal.TOO_LONG),
    ],
)
async def test_a_refusal_before_download_downloads_and_analyses_nothing(
    changes: dict[str, Any], reason: VoiceRefusal
) -> None:
    download = Downloads(speech_like(3.0))
    with pytest.raises(VoiceRefused) as caught:
        await verify_voice(meta(**changes), download)
    assert caught.value.reason is reason
    assert download.calls == 0


async def test_an_accepted_voice_has_no_text_by_default() -> None:
    download = Downloads(speech_like(3.0))
    check = await verify_voice(VOICE, download)
    assert isinstance(check, VoiceCheck)
    assert download.calls == 1
    assert check.transcript is None
    assert check.analysis.duration_seconds == pytest.approx(3.0, abs=0.05)
    assert check.analysis.speech_seconds > DEFAULT_LIMITS.min_speech_seconds


async def test_no_transcriber_says_nothing() -> None:
    transcriber: Transcriber = NoTranscriber()
    assert await transcriber.transcribe(speech_like(3.0), "mn") is None
    check = await verify_voice(VOICE, Downloads(speech_like(3.0)), transcriber=transcriber)
    assert check.transcript is None


class FakeTranscriber:
    def __init__(self, text: str | None = None, error: Exception | None = None) -> None:
        self.text = text
        self.error = error
        self.heard: list[tuple[bytes, str | None]] = []

    async def transcribe(self, content: bytes, language: str | None) -> str | None:
        self.heard.append((content, language))
        if self.error is not None:
            raise self.error
        return self.text


async def test_a_configured_transcriber_attaches_its_text() -> None:
    content = speech_like(3.0)
    transcriber = FakeTranscriber("  到，巴特尔  ")
    check = await verify_voice(VOICE, Downloads(content), transcriber=transcriber, language="zh")
    assert check.transcript == "到，巴特尔"
    assert transcriber.heard == [(content, "zh")]


@pytest.mark.parametrize("text", ["", "   ", None])
async def test_an_empty_transcript_is_no_transcript(text: str | None) -> None:
    check = await verify_voice(
        VOICE, Downloads(speech_like(3.0)), transcriber=FakeTranscriber(text)
    )
    assert check.transcript is None


async def test_a_failing_transcriber_does_not_cost_the_sign_in(
    caplog: pytest.LogCaptureFixture,
) -> None:
    transcriber = FakeTranscriber(error=RuntimeError("model crashed"))
    with caplog.at_level(logging.ERROR, logger="bot.services.voice"):
        check = await verify_voice(VOICE, Downloads(speech_like(3.0)), transcriber=transcriber)
    assert check.transcript is None
    assert check.analysis.speech_seconds > 0
    assert "transcriber failed" in caplog.text


async def test_a_transcriber_never_hears_a_refused_voice() -> None:
    transcriber = FakeTranscriber("到")
    with pytest.raises(VoiceRefused):
        await verify_voice(VOICE, Downloads(samples.silence_ogg(3.0)), transcriber=transcriber)
    assert transcriber.heard == []


async def test_a_lying_duration_is_caught_on_the_decoded_audio() -> None:
    with pytest.raises(VoiceRefused) as long:
        await verify_voice(meta(duration=30), Downloads(samples.silence_ogg(61.0)))
    assert long.value.reason is VoiceRefusal.TOO_LONG
    with pytest.raises(VoiceRefused) as short:
        await verify_voice(meta(duration=2), Downloads(speech_like(0.5)))
    assert short.value.reason is VoiceRefusal.TOO_SHORT


# --- speech is accepted -----------------------------------------------------------------------


def assert_speech(analysis: VoiceAnalysis, seconds: float) -> None:
    assert analysis.duration_seconds == pytest.approx(seconds, abs=0.05)
    assert analysis.speech_seconds > DEFAULT_LIMITS.min_speech_seconds
    assert analysis.speech_seconds <= analysis.duration_seconds
    assert analysis.peak_dbfs <= 0.5
    assert analysis.rms_dbfs < analysis.peak_dbfs


@pytest.mark.parametrize("seconds", [1.5, 3.0, 5.0])
def test_espeak_speech_is_accepted(seconds: float) -> None:
    analysis = analyse(espeak(seconds=seconds), DEFAULT_LIMITS)
    assert_speech(analysis, seconds)
    assert analysis.sample_rate == 48_000
    assert analysis.channels == 1
    # espeak-ng speaks most of the time it is given: far more than the 0.3 s threshold.
    assert analysis.speech_seconds >= 0.4 * seconds


@pytest.mark.parametrize(
    ("text", "voice_name"),
    [
        (samples.DEFAULT_TEXT, "cmn+f2"),  # a woman's voice
        ("Present. Batu is here.", "en"),
        ("Би ирсэн. Батбаяр байна.", "ru+f4"),  # Mongolian Cyrillic, read by the Russian voice
    ],
)
def test_other_voices_are_accepted(text: str, voice_name: str) -> None:
    analysis = analyse(samples.speech_ogg(text, voice=voice_name), DEFAULT_LIMITS)
    assert analysis.speech_seconds > DEFAULT_LIMITS.min_speech_seconds


def test_speech_recorded_at_16_khz_is_accepted() -> None:
    analysis = analyse(samples.speech_ogg(seconds=3.0, rate=16_000), DEFAULT_LIMITS)
    assert_speech(analysis, 3.0)
    assert analysis.sample_rate == 16_000


def test_a_quiet_speaker_is_accepted() -> None:
    analysis = analyse(samples.speech_ogg(seconds=3.0, rms_dbfs=-40.0), DEFAULT_LIMITS)
    assert_speech(analysis, 3.0)


@pytest.mark.parametrize("noise_dbfs", [-40.0, -30.0])
def test_speech_over_wind_noise_is_accepted(noise_dbfs: float) -> None:
    analysis = analyse(samples.speech_ogg(seconds=3.0, noise_dbfs=noise_dbfs), DEFAULT_LIMITS)
    assert_speech(analysis, 3.0)
    assert analysis.background_dbfs > -60  # the hiss is the background, not silence


@pytest.mark.parametrize("seconds", [1.0, 2.0, 10.0])
def test_generated_speech_like_audio_is_accepted(seconds: float) -> None:
    assert_speech(analyse(speech_like(seconds), DEFAULT_LIMITS), seconds)


def test_a_stereo_recording_is_mixed_down_and_accepted() -> None:
    content = samples.encode_ogg(samples.speech_like_samples(3.0), 16_000, channels=2)
    analysis = analyse(content, DEFAULT_LIMITS)
    assert analysis.channels == 2
    assert_speech(analysis, 3.0)


def test_a_minute_of_speech_is_accepted_and_analysed_quickly(
    capsys: pytest.CaptureFixture[str],
) -> None:
    content = minute_of_speech()
    analyse(content, DEFAULT_LIMITS)  # warm up: imports, allocations
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        analysis = analyse(content, DEFAULT_LIMITS)
        timings.append(time.perf_counter() - started)
    assert_speech(analysis, 60.0)
    assert analysis.speech_seconds > 20
    with capsys.disabled():
        print(  # noqa: T201
            f"\nvoice: analysed a 60 s Ogg/Opus note ({len(content) // 1024} KiB) in "
            f"{min(timings) * 1000:.0f} ms (best of 3; worst {max(timings) * 1000:.0f} ms), "
            f"speech {analysis.speech_seconds:.1f} s"
        )


# --- silence and noise are refused ------------------------------------------------------------


def assert_silent(content: bytes, used_limits: VoiceLimits = DEFAULT_LIMITS) -> None:
    error = refusal(lambda: analyse(content, used_limits))
    assert error.reason is VoiceRefusal.SILENT
    assert error.key == "voice-refused-silent"
    assert error.params == {}


def test_digital_silence_is_silent() -> None:
    assert_silent(samples.silence_ogg(3.0))


@pytest.mark.parametrize("rms_dbfs", [-75.0, -60.0])
def test_near_silence_is_silent(rms_dbfs: float) -> None:
    assert_silent(samples.noise_ogg(3.0, "white", rms_dbfs=rms_dbfs))


@pytest.mark.parametrize("kind", ["white", "pink", "hum"])
@pytest.mark.parametrize("rms_dbfs", [-30.0, -20.0, -6.0])
def test_steady_noise_at_a_good_level_is_silent(kind: NoiseKind, rms_dbfs: float) -> None:
    assert_silent(samples.noise_ogg(3.0, kind, rms_dbfs=rms_dbfs))


@pytest.mark.parametrize("hz", [200.0, 440.0, 1000.0])
def test_a_steady_tone_is_silent(hz: float) -> None:
    assert_silent(samples.tone_ogg(3.0, hz))


def test_a_long_steady_hum_is_silent() -> None:
    assert_silent(samples.noise_ogg(20.0, "hum", rms_dbfs=-20.0))


def test_voice_activity_alone_would_take_hum_for_speech() -> None:
    """What the background check is for: WebRTC VAD calls loud hum speech."""
    hum = samples.noise_ogg(3.0, "hum", rms_dbfs=-20.0)
    fooled = analyse(hum, limits(min_snr_db=0.0, max_flatness=1.0))
    assert fooled.speech_seconds > 2.0
    assert_silent(hum)


def test_voice_activity_and_bursts_alone_would_take_rustling_for_speech() -> None:
    """What the flatness check is for: hiss in syllable-like bursts passes VAD, the energy
    floor and the background check; its flat spectrum gives it away."""
    rustling = samples.bursty_noise_ogg(3.0)
    fooled = analyse(rustling, limits(max_flatness=1.0))
    assert fooled.speech_seconds > 1.0
    assert_silent(rustling)


def test_speech_too_faint_to_hear_is_silent() -> None:
    """The energy floor: at -65 dBFS the words are there, but no one could hear them."""
    faint = samples.speech_ogg(seconds=3.0, rms_dbfs=-65.0)
    assert_silent(faint)
    heard = analyse(faint, limits(energy_floor_dbfs=-90.0))
    assert heard.speech_seconds > DEFAULT_LIMITS.min_speech_seconds


def test_min_speech_seconds_is_the_bar() -> None:
    content = speech_like(2.0)
    measured = analyse(content, DEFAULT_LIMITS).speech_seconds
    assert analyse(content, limits(min_speech_seconds=measured)).speech_seconds == measured
    assert_silent(content, limits(min_speech_seconds=measured + voice.FRAME_SECONDS))


# --- duration of the decoded audio ------------------------------------------------------------


def test_half_a_second_is_too_short() -> None:
    error = refusal(lambda: analyse(speech_like(0.5), DEFAULT_LIMITS))
    assert error.reason is VoiceRefusal.TOO_SHORT
    assert error.key == "voice-refused-too-short"
    assert error.params == {"min_seconds": 1, "seconds": 0.5}


def test_sixty_one_seconds_is_too_long() -> None:
    error = refusal(lambda: analyse(samples.silence_ogg(61.0), DEFAULT_LIMITS))
    assert error.reason is VoiceRefusal.TOO_LONG
    assert error.key == "voice-refused-too-long"
    assert error.params == {"max_seconds": 60, "seconds": 61}


def test_a_long_recording_is_refused_without_decoding_all_of_it() -> None:
    three_minutes = samples.encode_ogg(np.zeros(180 * 16_000, dtype=np.float32), 16_000)
    started = time.perf_counter()
    error = refusal(lambda: analyse(three_minutes, DEFAULT_LIMITS))
    assert error.reason is VoiceRefusal.TOO_LONG
    assert error.params == {"max_seconds": 60, "seconds": 180}
    assert time.perf_counter() - started < 5  # a generous bound: it stops after ~60 s


def test_the_decoded_duration_allows_for_telegrams_whole_seconds() -> None:
    # Telegram says "1 s" and "60 s" for these; a quarter second either way is tolerated.
    assert_speech(analyse(speech_like(0.8), limits(min_speech_seconds=0.1)), 0.8)
    error = refusal(lambda: analyse(speech_like(0.7), limits(min_speech_seconds=0.1)))
    assert error.reason is VoiceRefusal.TOO_SHORT


# --- files that are not Ogg/Opus voice notes --------------------------------------------------


def assert_undecodable(content: bytes, used_limits: VoiceLimits = DEFAULT_LIMITS) -> None:
    error = refusal(lambda: analyse(content, used_limits))
    assert error.reason is VoiceRefusal.UNDECODABLE
    assert error.key == "voice-refused-undecodable"
    assert error.params == {}


def test_a_corrupted_voice_note_is_undecodable() -> None:
    assert_undecodable(samples.corrupted_ogg(speech_like(3.0)))


def test_a_truncated_voice_note_is_undecodable() -> None:
    content = speech_like(3.0)
    assert_undecodable(samples.truncated_ogg(content))
    assert_undecodable(content[: len(content) - 1])
    assert_undecodable(content[:100])


def test_damaged_opus_packets_in_intact_pages_are_undecodable() -> None:
    garbled = samples.garbled_opus_ogg(speech_like(3.0))
    voice._check_ogg_pages(garbled)  # the container is fine: the decoder itself refuses
    assert_undecodable(garbled)


def test_a_missing_page_is_undecodable() -> None:
    content = speech_like(3.0)
    pages = samples.ogg_pages(content)
    start, end = pages[len(pages) // 2]
    assert_undecodable(content[:start] + content[end:])


def test_trailing_bytes_after_the_last_page_are_undecodable() -> None:
    assert_undecodable(speech_like(3.0) + b"\0" * 16)


def test_an_mp3_is_undecodable_even_though_it_is_real_audio() -> None:
    mp3 = samples.mp3_bytes(2.0)
    assert mp3[:2] in (b"\xff\xfb", b"\xff\xfa", b"ID")  # an MPEG audio frame or an ID3 tag
    assert_undecodable(mp3)


def test_other_ogg_codecs_and_containers_are_undecodable() -> None:
    speech = samples.speech_like_samples(2.0)
    for fmt, subtype in [("OGG", "VORBIS"), ("WAV", "PCM_16"), ("FLAC", "PCM_16")]:
        buffer = io.BytesIO()
        soundfile.write(buffer, speech, 16_000, format=fmt, subtype=subtype)
        assert_undecodable(buffer.getvalue())


@pytest.mark.parametrize(
    "content",
    [b"", b"OggS", b"\0" * 1000, samples.random_bytes(4096), b"OggS" + samples.random_bytes()],
    ids=["empty", "capture-only", "zeros", "random", "OggS-random"],
)
def test_junk_is_undecodable(content: bytes) -> None:
    assert_undecodable(content)


def test_a_header_without_audio_is_undecodable() -> None:
    assert_undecodable(samples.ogg_header_only(speech_like(1.0)))


def test_audio_that_decodes_to_nothing_is_undecodable() -> None:
    empty = samples.encode_ogg(np.zeros(0, dtype=np.float32), 48_000)
    assert_undecodable(empty)
    assert_undecodable(empty, limits(min_seconds=0.0))


@pytest.mark.parametrize(
    "changes",
    [
        {"min_seconds": 5.0, "max_seconds": 2.0},
        {"min_seconds": -1.0},
        {"max_bytes": 0},
        {"vad_mode": 4},
        {"background_percentile": 150.0},
    ],
)
def test_nonsense_limits_are_a_configuration_error(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        limits(**changes)


def test_analyse_refuses_content_over_the_size_limit() -> None:
    content = speech_like(3.0)
    error = refusal(lambda: analyse(content, limits(max_bytes=len(content) - 1)))
    assert error.reason is VoiceRefusal.TOO_LARGE
    analyse(content, limits(max_bytes=len(content)))


# --- internals that the thresholds rest on ----------------------------------------------------


@given(st.binary(max_size=2048))
def test_the_fast_ogg_checksum_is_oggs_checksum(data: bytes) -> None:
    assert voice._ogg_crc(data) == samples.ogg_crc(data)


def _level_db(signal: np.ndarray[Any, np.dtype[np.float32]]) -> float:
    return float(10 * np.log10(np.mean(np.square(signal[400:-400], dtype=np.float64))))


@pytest.mark.parametrize("rate", [48_000, 32_000, 24_000, 12_000, 8_000])
def test_the_detector_hears_the_speech_band_at_16_khz(rate: int) -> None:
    times = np.arange(rate) / rate
    tone = np.sin(2 * np.pi * 1000 * times).astype(np.float32)
    converted = voice._to_vad_rate(tone, rate)
    assert len(converted) == pytest.approx(16_000, abs=1)
    assert _level_db(converted) == pytest.approx(_level_db(tone), abs=0.5)


def test_the_conversion_to_16_khz_filters_what_would_alias() -> None:
    times = np.arange(48_000) / 48_000
    high = np.sin(2 * np.pi * 12_000 * times).astype(np.float32)  # would fold to 4 kHz
    assert _level_db(voice._to_vad_rate(high, 48_000)) < _level_db(high) - 30


# --- robustness -------------------------------------------------------------------------------


def _analyse_or_refuse(content: bytes) -> None:
    try:
        result = analyse(content, DEFAULT_LIMITS)
    except VoiceRefused as error:
        assert error.key.startswith("voice-refused-")
    else:
        assert isinstance(result, VoiceAnalysis)


@_FUZZ
@given(st.binary(max_size=8192))
def test_random_bytes_only_ever_refuse(content: bytes) -> None:
    error = refusal(lambda: analyse(content, DEFAULT_LIMITS))
    assert error.reason is VoiceRefusal.UNDECODABLE


@_FUZZ
@given(st.binary(max_size=8192))
def test_random_bytes_behind_an_ogg_capture_pattern_only_ever_refuse(content: bytes) -> None:
    error = refusal(lambda: analyse(b"OggS\0" + content, DEFAULT_LIMITS))
    assert error.reason is VoiceRefusal.UNDECODABLE


@_FUZZ
@given(
    damage=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
    cut=st.none() | st.integers(0, 10**6),
    fresh_checksums=st.booleans(),
)
def test_a_damaged_voice_note_analyses_or_refuses_and_nothing_else(
    damage: list[tuple[int, int]], cut: int | None, fresh_checksums: bool
) -> None:
    content = bytearray(speech_like(1.5))
    for position, value in damage:
        content[position % len(content)] = value
    damaged = bytes(content if cut is None else content[: cut % len(content)])
    if fresh_checksums:
        damaged = samples.with_fresh_checksums(damaged)
    _analyse_or_refuse(damaged)
