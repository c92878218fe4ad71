"""Real audio made at test time for the voice sign-in checks; no binary fixtures.

Speech comes from espeak-ng (Debian packages `espeak-ng`, with its data `espeak-ng-data`);
when it is missing, `require_espeak()` skips the test that needs it. Everything else is
generated with numpy and encoded by libsndfile (bundled in the `soundfile` wheel): Ogg/Opus
as Telegram sends a voice note, and a real MP3 (MPEG layer III, libsndfile >= 1.1).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from typing import Literal

import numpy as np
import pytest
import soundfile
from numpy.typing import NDArray

ESPEAK = "espeak-ng"
# "到" and a name, as a herder answers the roll call. espeak-ng has no Mongolian voice, so the
# Mandarin one speaks.
DEFAULT_TEXT = "到。巴特尔到了。"
DEFAULT_VOICE = "cmn"
OPUS_RATES = (8_000, 12_000, 16_000, 24_000, 48_000)

Samples = NDArray[np.float32]


def espeak_available() -> bool:
    return shutil.which(ESPEAK) is not None


def require_espeak() -> None:
    if not espeak_available():
        pytest.skip("espeak-ng is not installed (Debian: apt-get install espeak-ng)")


def _rng(seed: int) -> np.random.Generator:
    return np.random.default_rng(seed)


def _at_level(samples: NDArray[np.floating], rms_dbfs: float) -> Samples:
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    scaled = samples * (10 ** (rms_dbfs / 20) / rms) if rms > 0 else samples
    return np.asarray(np.clip(scaled, -1.0, 1.0), dtype=np.float32)


def _resample(samples: Samples, rate: int, to: int) -> Samples:
    if rate == to:
        return samples
    count = round(len(samples) * to / rate)
    positions = np.arange(count) * (rate / to)
    return np.asarray(np.interp(positions, np.arange(len(samples)), samples), dtype=np.float32)


def _fit(samples: Samples, rate: int, seconds: float) -> Samples:
    """Exactly `seconds` long: repeated with short pauses when too short, cut when too long."""
    wanted = round(seconds * rate)
    pause = np.zeros(int(0.3 * rate), dtype=np.float32)
    pieces = [samples]
    while sum(len(piece) for piece in pieces) < wanted:
        pieces += [pause, samples]
    return np.concatenate(pieces)[:wanted]


def encode_ogg(samples: Samples, rate: int, *, channels: int = 1) -> bytes:
    """Ogg/Opus, as Telegram's clients record a voice note (mono, 48 kHz by default)."""
    if rate not in OPUS_RATES:
        samples, rate = _resample(samples, rate, 48_000), 48_000
    data = np.repeat(samples[:, None], channels, axis=1) if channels > 1 else samples
    buffer = io.BytesIO()
    soundfile.write(buffer, data, rate, format="OGG", subtype="OPUS")
    return buffer.getvalue()


def speech_samples(
    text: str = DEFAULT_TEXT, *, voice: str = DEFAULT_VOICE, rms_dbfs: float = -20.0
) -> tuple[Samples, int]:
    """espeak-ng's speech (leading and trailing silence included) at a realistic level."""
    require_espeak()
    result = subprocess.run(
        [ESPEAK, "-v", voice, "--stdout", text], capture_output=True, check=True, timeout=60
    )
    samples, rate = soundfile.read(io.BytesIO(result.stdout), dtype="float32")
    voiced = samples[np.abs(samples) > 1e-3]  # the level of the speech, not of the pauses
    gain = 10 ** (rms_dbfs / 20) / float(np.sqrt(np.mean(np.square(voiced, dtype=np.float64))))
    return np.clip(samples * gain, -1.0, 1.0).astype(np.float32), int(rate)


def speech_ogg(
    text: str = DEFAULT_TEXT,
    seconds: float | None = None,
    *,
    voice: str = DEFAULT_VOICE,
    rms_dbfs: float = -20.0,
    rate: int = 48_000,
    noise_dbfs: float | None = None,
) -> bytes:
    """A voice note of espeak-ng saying `text`, optionally fitted to `seconds` and with
    background hiss at `noise_dbfs` (wind on the steppe)."""
    samples, source_rate = speech_samples(text, voice=voice, rms_dbfs=rms_dbfs)
    samples = _resample(samples, source_rate, rate)
    if seconds is not None:
        samples = _fit(samples, rate, seconds)
    if noise_dbfs is not None:
        samples = samples + _at_level(_rng(7).standard_normal(len(samples)), noise_dbfs)
    return encode_ogg(samples, rate)


_VOWELS = ((730, 1090, 2440), (270, 2290, 3010), (300, 870, 2240), (530, 1840, 2480))


def _syllables(
    count: int, rate: int, rng: np.random.Generator
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The rhythm of speech: syllables of 120-280 ms with 40-120 ms gaps and, now and then,
    a breath of 0.3-0.8 s. Returns the amplitude envelope and each sample's vowel formants."""
    envelope = np.zeros(count)
    formants = np.zeros((count, 3))
    position = int(0.2 * rate)
    while position < count:
        length = int(rng.uniform(0.12, 0.28) * rate)
        end = min(position + length, count)
        shape = np.sin(np.linspace(0, np.pi, length))[: end - position] ** 0.7
        envelope[position:end] = shape * rng.uniform(0.5, 1.0)
        formants[position:end] = _VOWELS[int(rng.integers(len(_VOWELS)))]
        position = end + int(rng.uniform(0.04, 0.12) * rate)
        if rng.random() < 0.15:
            position += int(rng.uniform(0.3, 0.8) * rate)
    return envelope, formants


def speech_like_samples(seconds: float, *, rate: int = 16_000, seed: int = 1) -> Samples:
    """A generated speech-like signal, for when espeak-ng is not at hand and for long notes:
    a voiced source (harmonics of a wandering 100-160 Hz pitch) shaped by vowel formants,
    spoken in syllables."""
    count = round(seconds * rate)
    envelope, formants = _syllables(count, rate, _rng(seed))
    times = np.arange(count) / rate
    pitch = 130 + 20 * np.sin(2 * np.pi * 0.3 * times) + 8 * np.sin(2 * np.pi * 2.1 * times)
    phase = 2 * np.pi * np.cumsum(pitch) / rate
    # Harmonic amplitudes change slowly: compute them every 10 ms, hold them in between.
    hold = rate // 100
    coarse_pitch = pitch[::hold]
    coarse_formants = formants[::hold]
    signal = np.zeros(count)
    for harmonic in range(1, 4_000 // 100 + 1):
        frequency = harmonic * coarse_pitch
        gain = np.zeros_like(frequency)
        for i in range(3):
            gain += np.exp(-(((frequency - coarse_formants[:, i]) / (60 + 40 * i)) ** 2)) / (i + 1)
        signal += np.repeat(gain, hold)[:count] * np.sin(harmonic * phase)
    return _at_level(signal * envelope, -20.0)


def speech_like_ogg(seconds: float, *, rate: int = 48_000, seed: int = 1) -> bytes:
    return encode_ogg(_resample(speech_like_samples(seconds, seed=seed), 16_000, rate), rate)


def silence_ogg(seconds: float = 3.0) -> bytes:
    """Digital silence: a note recorded with the microphone muted."""
    return encode_ogg(np.zeros(int(seconds * 48_000), dtype=np.float32), 48_000)


def noise_samples(
    seconds: float,
    kind: Literal["white", "hum", "pink"] = "white",
    *,
    rms_dbfs: float = -20.0,
    rate: int = 48_000,
    seed: int = 3,
) -> Samples:
    """Steady noise at a good level: hiss ("white", "pink") or 50 Hz mains hum with its
    harmonics, as a phone picks it up from a generator in the yurt."""
    count = int(seconds * rate)
    rng = _rng(seed)
    if kind == "white":
        raw = rng.standard_normal(count)
    elif kind == "pink":
        spectrum = np.fft.rfft(rng.standard_normal(count))
        spectrum[1:] /= np.sqrt(np.arange(1, len(spectrum)))
        raw = np.fft.irfft(spectrum, n=count)
    else:
        times = np.arange(count) / rate
        raw = sum(
            np.sin(2 * np.pi * 50 * harmonic * times + harmonic) / harmonic
            for harmonic in range(1, 8)
        ) + 0.01 * rng.standard_normal(count)
    return _at_level(np.asarray(raw), rms_dbfs)


def noise_ogg(
    seconds: float = 3.0,
    kind: Literal["white", "hum", "pink"] = "white",
    *,
    rms_dbfs: float = -20.0,
) -> bytes:
    return encode_ogg(noise_samples(seconds, kind, rms_dbfs=rms_dbfs), 48_000)


def bursty_noise_ogg(seconds: float = 3.0, *, rms_dbfs: float = -20.0, seed: int = 4) -> bytes:
    """Hiss in syllable-like bursts (rustling, a hand rubbing the microphone): as bursty as
    speech, but with a flat spectrum instead of voiced harmonics."""
    count = int(seconds * 48_000)
    rng = _rng(seed)
    envelope, _ = _syllables(count, 48_000, rng)
    return encode_ogg(_at_level(rng.standard_normal(count) * envelope, rms_dbfs), 48_000)


def tone_ogg(seconds: float = 3.0, hz: float = 440.0, *, rms_dbfs: float = -20.0) -> bytes:
    """A steady sine tone, a whistle or a test beep."""
    times = np.arange(int(seconds * 48_000)) / 48_000
    return encode_ogg(_at_level(np.sin(2 * np.pi * hz * times), rms_dbfs), 48_000)


def mp3_bytes(seconds: float = 2.0) -> bytes:
    """A real MP3 (MPEG-1 layer III) of the speech-like signal, as a music app exports it;
    sent as an audio file or renamed to .ogg it must not pass as a voice note."""
    buffer = io.BytesIO()
    samples = _resample(speech_like_samples(seconds), 16_000, 44_100)
    soundfile.write(buffer, samples, 44_100, format="MP3", subtype="MPEG_LAYER_III")
    return buffer.getvalue()


def ogg_pages(content: bytes) -> list[tuple[int, int]]:
    """(start, end) of each Ogg page, read from the page headers."""
    pages: list[tuple[int, int]] = []
    offset = 0
    while offset + 27 <= len(content) and content[offset : offset + 4] == b"OggS":
        segments = content[offset + 26]
        payload = sum(content[offset + 27 : offset + 27 + segments])
        end = offset + 27 + segments + payload
        pages.append((offset, end))
        offset = end
    return pages


def corrupted_ogg(content: bytes | None = None) -> bytes:
    """A real voice note with bytes damaged inside its audio (as a broken transfer leaves
    it): every header is intact, the damage is in the Opus packets of the middle pages."""
    content = content if content is not None else speech_like_ogg(3.0)
    damaged = bytearray(content)
    pages = ogg_pages(content)
    start, end = pages[len(pages) // 2]
    for position in range(start + 60, end, 37):
        damaged[position] ^= 0x5A
    return bytes(damaged)


def truncated_ogg(content: bytes | None = None) -> bytes:
    """A real voice note cut off in the middle of a page, as an interrupted upload."""
    content = content if content is not None else speech_like_ogg(3.0)
    pages = ogg_pages(content)
    start, end = pages[len(pages) // 2]
    return content[: (start + end) // 2]


def random_bytes(size: int = 4096, seed: int = 5) -> bytes:
    return _rng(seed).bytes(size)


def ogg_header_only(content: bytes | None = None) -> bytes:
    """Only the first two pages (OpusHead and OpusTags): a valid container with no audio."""
    content = content if content is not None else silence_ogg(1.0)
    pages = ogg_pages(content)
    return content[: pages[1][1]]


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
        table.append(crc & 0xFFFFFFFF)
    return table


_CRC_TABLE = _crc_table()


def ogg_crc(data: bytes) -> int:
    """Ogg's page checksum the way its specification spells it (a plain, slow table CRC):
    an independent reference for the service's fast one."""
    crc = 0
    for byte in data:
        crc = ((crc << 8) & 0xFFFFFFFF) ^ _CRC_TABLE[(crc >> 24) ^ byte]
    return crc


def with_fresh_checksums(content: bytes) -> bytes:
    """Every page's checksum recomputed, so damage inside the pages passes the container
    check and reaches the Opus decoder."""
    fixed = bytearray(content)
    for start, end in ogg_pages(content):
        page = bytearray(fixed[start:end])
        page[22:26] = b"\0\0\0\0"
        fixed[start + 22 : start + 26] = ogg_crc(bytes(page)).to_bytes(4, "little")
    return bytes(fixed)


def garbled_opus_ogg(content: bytes | None = None, seed: int = 6) -> bytes:
    """Intact Ogg pages (valid checksums) whose Opus packets after the headers are noise."""
    content = content if content is not None else speech_like_ogg(3.0)
    garbled = bytearray(content)
    rng = _rng(seed)
    for start, end in ogg_pages(content)[2:]:
        segments = content[start + 26]
        body = start + 27 + segments
        garbled[body:end] = rng.bytes(end - body)
    return with_fresh_checksums(bytes(garbled))
