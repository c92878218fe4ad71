"""Voice sign-in checks: is this a real voice note recorded in Telegram, and does it hold speech?

Herders far from the meeting yurt sign in by sending a voice message ("到", their name, a
short report). The handler passes plain data here and never Telegram types:

1. `check_before_download(meta, limits)` judges what Telegram already told us (the kind of
   message, whether it was forwarded, its size and duration) so that a refusal costs no
   download; files over Telegram's 20 MB getFile limit never get that far.
2. `analyse(content, limits)` is CPU work (call it in a thread): it verifies the Ogg
   container page by page, decodes the Opus audio with libsndfile, re-checks the duration on
   the decoded samples and looks for speech: WebRTC VAD on 30 ms frames at 16 kHz, a frame
   counting only when it is also above an absolute energy floor, clearly above the
   recording's own background level (speech is bursty, steady hum and hiss are not), and
   not spectrally flat like white noise.
3. `verify_voice(meta, download, ...)` runs both in that order with an optional
   `Transcriber`; speech recognition is off by default (`NoTranscriber`).

Every refusal is a `VoiceRefused` whose `key` names the locale message, e.g.
"voice-refused-silent".
"""

from __future__ import annotations

import asyncio
import io
import logging
import math
import struct
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from bot.services.errors import InvalidInput

if TYPE_CHECKING:
    # numpy, libsndfile and WebRTC VAD (about 30 MB) are imported by the first voice note,
    # not by every bot process at start-up
    import numpy as np
    from numpy.typing import NDArray

log = logging.getLogger(__name__)

VAD_RATE = 16_000
FRAME_MS = 30
FRAME_SAMPLES = VAD_RATE * FRAME_MS // 1000
FRAME_SECONDS = FRAME_MS / 1000

# What a voice note recorded in a Telegram client is served as.
VOICE_MIME_TYPES = frozenset({"audio/ogg", "audio/opus", "application/ogg", "audio/x-opus+ogg"})
VOICE_KIND = "voice"

_SILENCE_DB = -120.0  # what digital silence measures as, instead of minus infinity


class VoiceRefusal(StrEnum):
    """Why a voice sign-in was refused; the value is the tail of the locale key."""

    NOT_VOICE = "not-voice"
    FORWARDED = "forwarded"
    TOO_SHORT = "too-short"
    TOO_LONG = "too-long"
    TOO_LARGE = "too-large"
    UNDECODABLE = "undecodable"
    SILENT = "silent"


class VoiceRefused(InvalidInput):
    """A voice message that cannot serve as a sign-in; `key` is "voice-refused-<reason>"."""

    def __init__(self, reason: VoiceRefusal, **params: Any) -> None:
        super().__init__(f"voice-refused-{reason.value}", **params)
        self.reason = reason


@dataclass(frozen=True)
class VoiceLimits:
    """Bounds and detector thresholds. The defaults were measured on speech from espeak-ng
    and on generated silence, hiss and hum, encoded as Ogg/Opus (see tests/unit/test_voice.py).
    """

    min_seconds: float = 1.0
    max_seconds: float = 60.0
    max_bytes: int = 20 * 1024 * 1024  # Telegram's getFile limit: refuse before download
    min_speech_seconds: float = 0.3  # voiced audio needed to count as speech
    # Telegram reports whole seconds and Opus pads a little: the decoded duration may be this
    # far outside the bounds before it is refused.
    duration_tolerance: float = 0.25
    vad_mode: int = 2  # WebRTC VAD aggressiveness, 0 (lenient) to 3 (strict)
    energy_floor_dbfs: float = -50.0  # a quieter frame is never speech
    min_snr_db: float = 8.0  # a speech frame stands this far above the background level
    background_percentile: float = 10.0  # the background level: this percentile of frames
    max_flatness: float = 0.35  # spectral flatness above this is noise-like, not voice

    def __post_init__(self) -> None:
        if not 0 <= self.min_seconds <= self.max_seconds:
            raise ValueError("voice limits need 0 <= min_seconds <= max_seconds")
        if self.max_bytes <= 0 or self.min_speech_seconds < 0 or self.duration_tolerance < 0:
            raise ValueError("voice limits need a positive size and non-negative times")
        if self.vad_mode not in (0, 1, 2, 3):
            raise ValueError("vad_mode is WebRTC VAD's aggressiveness, 0 to 3")
        if not 0 <= self.background_percentile <= 100:
            raise ValueError("background_percentile is a percentile, 0 to 100")


DEFAULT_LIMITS = VoiceLimits()


@dataclass(frozen=True)
class VoiceMeta:
    """What the handler knows from the Telegram message, before any download."""

    kind: str  # "voice" (a note recorded in Telegram), "audio" (an audio file), "document", ...
    duration: int | None  # seconds, as Telegram reports
    file_size: int | None
    mime_type: str | None
    forwarded: bool  # message.forward_origin is not None


@dataclass(frozen=True)
class VoiceAnalysis:
    """What the decoded audio measured."""

    duration_seconds: float
    speech_seconds: float
    sample_rate: int  # as decoded, before the 16 kHz conversion for the detector
    channels: int
    peak_dbfs: float
    rms_dbfs: float
    background_dbfs: float  # the level of the quiet part of the recording


@dataclass(frozen=True)
class VoiceCheck:
    """An accepted voice sign-in: its measurements and, when a transcriber ran, its text."""

    analysis: VoiceAnalysis
    transcript: str | None


class Transcriber(Protocol):
    """Speech recognition, pluggable. Returns None when it has nothing to say."""

    async def transcribe(self, content: bytes, language: str | None) -> str | None: ...


class NoTranscriber:
    """The default: no speech model is available offline, so no text."""

    async def transcribe(self, content: bytes, language: str | None) -> str | None:
        return None


def _seconds(value: float) -> float | int:
    """A duration for a message: whole seconds stay whole, others keep one decimal."""
    rounded = round(value, 1)
    return int(rounded) if rounded == int(rounded) else rounded


def _megabytes(size: int) -> float | int:
    return _seconds(size / (1024 * 1024))


def check_before_download(meta: VoiceMeta, limits: VoiceLimits = DEFAULT_LIMITS) -> None:
    """Refuse what Telegram's own description already rules out; raises `VoiceRefused`."""
    if meta.kind != VOICE_KIND:
        raise VoiceRefused(VoiceRefusal.NOT_VOICE)
    if meta.forwarded:
        raise VoiceRefused(VoiceRefusal.FORWARDED)
    if meta.file_size is not None and meta.file_size > limits.max_bytes:
        raise VoiceRefused(
            VoiceRefusal.TOO_LARGE,
            max_mb=_megabytes(limits.max_bytes),
            size_mb=_megabytes(meta.file_size),
        )
    if meta.mime_type is not None:
        mime = meta.mime_type.split(";", 1)[0].strip().lower()
        if mime not in VOICE_MIME_TYPES:
            raise VoiceRefused(VoiceRefusal.UNDECODABLE)
    if meta.duration is not None:
        _check_duration(meta.duration, limits, tolerance=0.0)


def _check_duration(seconds: float, limits: VoiceLimits, tolerance: float) -> None:
    if seconds < limits.min_seconds - tolerance:
        raise VoiceRefused(
            VoiceRefusal.TOO_SHORT,
            min_seconds=_seconds(limits.min_seconds),
            seconds=_seconds(seconds),
        )
    if seconds > limits.max_seconds + tolerance:
        raise VoiceRefused(
            VoiceRefusal.TOO_LONG,
            max_seconds=_seconds(limits.max_seconds),
            seconds=_seconds(seconds),
        )


# --- the Ogg container ----------------------------------------------------------------------

_OGG_HEADER = struct.Struct("<4sBBqIIIB")  # capture, version, flags, granule, serial, seq, crc, n
_BIT_REVERSED = bytes(int(f"{byte:08b}"[::-1], 2) for byte in range(256))
_FLAG_BOS = 0x02


def _bit_reverse32(value: int) -> int:
    return int(f"{value:032b}"[::-1], 2)


def _ogg_crc(page: bytes) -> int:
    """Ogg's CRC-32 (polynomial 0x04C11DB7, not reflected, no initial or final xor), computed
    by zlib's reflected CRC on bit-reversed bytes: C speed instead of a Python loop."""
    reflected = ~zlib.crc32(page.translate(_BIT_REVERSED), 0xFFFFFFFF) & 0xFFFFFFFF
    return _bit_reverse32(reflected)


def _check_ogg_pages(content: bytes) -> None:
    """The whole file must be one Ogg stream of intact pages, starting with the Opus header.

    libsndfile skips damaged pages and stops quietly at a cut, so a corrupted or truncated
    upload would otherwise decode as shorter audio.
    """
    undecodable = VoiceRefused(VoiceRefusal.UNDECODABLE)
    size = len(content)
    offset = 0
    serial: int | None = None
    expected_sequence = -1
    while offset < size:
        if size - offset < _OGG_HEADER.size:
            raise undecodable
        capture, version, flags, _granule, page_serial, sequence, crc, segments = (
            _OGG_HEADER.unpack_from(content, offset)
        )
        if capture != b"OggS" or version != 0:
            raise undecodable
        table_end = offset + _OGG_HEADER.size + segments
        if table_end > size:
            raise undecodable
        page_end = table_end + sum(content[offset + _OGG_HEADER.size : table_end])
        if page_end > size:
            raise undecodable
        page = content[offset:page_end]
        if _ogg_crc(page[:22] + b"\0\0\0\0" + page[26:]) != crc:
            raise undecodable
        if serial is None:
            if not flags & _FLAG_BOS or not content[table_end:page_end].startswith(b"OpusHead"):
                raise undecodable
            serial = page_serial
        elif page_serial != serial:
            raise undecodable  # a second logical stream: not a voice note
        elif sequence != expected_sequence:
            raise undecodable  # a page is missing
        expected_sequence = (sequence + 1) & 0xFFFFFFFF
        offset = page_end
    if serial is None:
        raise undecodable


def _decode(content: bytes, limits: VoiceLimits) -> tuple[NDArray[np.float32], int]:
    """Samples (frames × channels, float32) and the sample rate; at most what the longest
    accepted note holds, so a crafted file cannot make us decode hours of audio."""
    import numpy as np
    import soundfile

    try:
        with soundfile.SoundFile(io.BytesIO(content)) as audio:
            if audio.format != "OGG" or audio.subtype != "OPUS":
                raise VoiceRefused(VoiceRefusal.UNDECODABLE)
            rate = int(audio.samplerate)
            if rate <= 0 or audio.channels <= 0:
                raise VoiceRefused(VoiceRefusal.UNDECODABLE)
            most = int((limits.max_seconds + limits.duration_tolerance) * rate) + 1
            samples = audio.read(frames=most + 1, dtype="float32", always_2d=True)
            claimed = int(audio.frames)  # from the last page's position: only for the message
    except VoiceRefused:
        raise
    except Exception as exc:  # libsndfile's errors, and anything else a damaged file provokes
        raise VoiceRefused(VoiceRefusal.UNDECODABLE) from exc
    if len(samples) == 0:
        raise VoiceRefused(VoiceRefusal.UNDECODABLE)  # headers and no sound
    if len(samples) > most:
        raise VoiceRefused(
            VoiceRefusal.TOO_LONG,
            max_seconds=_seconds(limits.max_seconds),
            seconds=_seconds(max(claimed, len(samples)) / rate),
        )
    return np.asarray(samples, dtype=np.float32), rate


# --- the signal -----------------------------------------------------------------------------


def _to_vad_rate(mono: NDArray[np.float32], rate: int) -> NDArray[np.float32]:
    """Mono float samples at 16 kHz (Opus decodes at 48, 24, 16, 12 or 8 kHz): a windowed-sinc
    low-pass below 8 kHz evaluated only where an output sample falls, when the rate is a
    multiple of 16 kHz; otherwise low-pass (when going down) and interpolate."""
    import numpy as np

    if rate == VAD_RATE or len(mono) == 0:
        return mono
    if rate > VAD_RATE:
        kernel = _low_pass(rate)
        padded = np.pad(mono, (len(kernel) // 2, len(kernel) // 2))
        if rate % VAD_RATE == 0:
            windows = np.lib.stride_tricks.sliding_window_view(padded, len(kernel))
            return np.asarray(windows[:: rate // VAD_RATE] @ kernel, dtype=np.float32)
        mono = np.convolve(padded, kernel, mode="valid").astype(np.float32)
    count = int(len(mono) * VAD_RATE / rate)
    positions = np.arange(count, dtype=np.float64) * (rate / VAD_RATE)
    return np.interp(positions, np.arange(len(mono)), mono).astype(np.float32)


def _low_pass(rate: int, taps: int = 31) -> NDArray[np.float32]:
    import numpy as np

    cutoff = 0.45 * VAD_RATE / rate  # cycles per input sample: 7.2 kHz
    n = np.arange(taps) - (taps - 1) / 2
    kernel = 2 * cutoff * np.sinc(2 * cutoff * n) * np.hamming(taps)
    return np.asarray(kernel / kernel.sum(), dtype=np.float32)


def _db(power: NDArray[np.float64]) -> NDArray[np.float64]:
    import numpy as np

    level = np.maximum(10 * np.log10(np.maximum(power, 1e-30)), _SILENCE_DB)
    return np.asarray(level, dtype=np.float64)


def _db_of(power: float) -> float:
    return max(10 * math.log10(max(power, 1e-30)), _SILENCE_DB)


def _flatness(frames: NDArray[np.float32]) -> NDArray[np.float64]:
    """Spectral flatness of each frame between 100 Hz and 4 kHz: near 0 for voiced speech
    (harmonics) and tones, toward 1 for hiss."""
    import numpy as np

    window = np.hanning(frames.shape[1])
    power = np.abs(np.fft.rfft(frames * window, axis=1)) ** 2
    hz_per_bin = VAD_RATE / frames.shape[1]
    band = power[:, int(100 / hz_per_bin) : int(4000 / hz_per_bin) + 1] + 1e-20
    geometric = np.exp(np.mean(np.log(band), axis=1))
    return np.asarray(geometric / np.mean(band, axis=1), dtype=np.float64)


@dataclass(frozen=True)
class _Frames:
    level_db: NDArray[np.float64]
    voiced: NDArray[np.bool_]
    flatness: NDArray[np.float64]


def _measure_frames(signal: NDArray[np.float32], vad_mode: int) -> _Frames:
    import numpy as np
    import webrtcvad

    count = len(signal) // FRAME_SAMPLES
    frames = signal[: count * FRAME_SAMPLES].reshape(count, FRAME_SAMPLES)
    level_db = _db(np.mean(frames.astype(np.float64) ** 2, axis=1))
    pcm = (np.clip(frames, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    vad = webrtcvad.Vad(vad_mode)
    step = FRAME_SAMPLES * 2
    voiced = np.fromiter(
        (vad.is_speech(pcm[i * step : (i + 1) * step], VAD_RATE) for i in range(count)),
        dtype=np.bool_,
        count=count,
    )
    return _Frames(level_db=level_db, voiced=voiced, flatness=_flatness(frames))


def analyse(content: bytes, limits: VoiceLimits = DEFAULT_LIMITS) -> VoiceAnalysis:
    """Decode a voice note and measure it; raises `VoiceRefused` unless it is an intact
    Ogg/Opus recording of acceptable length that holds speech. Synchronous CPU work."""
    import numpy as np

    if len(content) > limits.max_bytes:
        raise VoiceRefused(
            VoiceRefusal.TOO_LARGE,
            max_mb=_megabytes(limits.max_bytes),
            size_mb=_megabytes(len(content)),
        )
    _check_ogg_pages(content)
    samples, rate = _decode(content, limits)
    duration = len(samples) / rate
    _check_duration(duration, limits, tolerance=limits.duration_tolerance)

    mono = samples.mean(axis=1, dtype=np.float32)
    mono = mono - np.float32(mono.mean())  # a DC offset is not sound
    peak = float(np.max(np.abs(mono)))
    rms_db = _db_of(float(np.mean(mono.astype(np.float64) ** 2)))
    frames = _measure_frames(_to_vad_rate(mono, rate), limits.vad_mode)
    if len(frames.level_db):
        background = float(np.percentile(frames.level_db, limits.background_percentile))
    else:
        background = _SILENCE_DB
    speech = (
        frames.voiced
        & (frames.level_db >= limits.energy_floor_dbfs)
        & (frames.level_db >= background + limits.min_snr_db)
        & (frames.flatness <= limits.max_flatness)
    )
    analysis = VoiceAnalysis(
        duration_seconds=duration,
        speech_seconds=round(int(np.count_nonzero(speech)) * FRAME_SECONDS, 2),
        sample_rate=rate,
        channels=samples.shape[1],
        peak_dbfs=_db_of(peak**2),
        rms_dbfs=rms_db,
        background_dbfs=background,
    )
    if analysis.speech_seconds < limits.min_speech_seconds:
        raise VoiceRefused(VoiceRefusal.SILENT)
    return analysis


async def verify_voice(
    meta: VoiceMeta,
    download: Callable[[], Awaitable[bytes]],
    *,
    limits: VoiceLimits = DEFAULT_LIMITS,
    transcriber: Transcriber | None = None,
    language: str | None = None,
) -> VoiceCheck:
    """The whole check in order: Telegram's description, then the download, then the audio
    (in a worker thread), then the optional transcript. A failing transcriber never costs
    the member their sign-in: the text is simply missing."""
    check_before_download(meta, limits)
    content = await download()
    analysis = await asyncio.to_thread(analyse, content, limits)
    transcript: str | None = None
    if transcriber is not None:
        try:
            transcript = await transcriber.transcribe(content, language)
        except Exception:
            log.exception("transcriber failed; the voice sign-in stands without text")
        transcript = (transcript.strip() or None) if transcript else None
    return VoiceCheck(analysis=analysis, transcript=transcript)
