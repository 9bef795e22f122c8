"""Mono 16-bit little-endian PCM helpers (the format of :class:`~engines.backends.AudioChunk`).

Conversions to and from float32, polyphase resampling (numpy only), concatenation, silence, tones,
slicing, RMS level and WAV files (stdlib :mod:`wave`). Everything works on ``bytes`` of
int16 samples unless the name says float.
"""

from __future__ import annotations

import functools
import math
import wave
from collections.abc import Iterable, Iterator
from fractions import Fraction
from pathlib import Path

import numpy as np
import numpy.typing as npt

from engines.backends import AudioChunk

__all__ = [
    "SAMPLE_WIDTH",
    "concat",
    "dbfs",
    "duration",
    "from_float32",
    "from_int16",
    "read_wav",
    "resample",
    "resample_chunk",
    "resample_float32",
    "rms",
    "samples_for",
    "silence",
    "slices",
    "to_float32",
    "to_int16",
    "tone",
    "write_wav",
]

SAMPLE_WIDTH = 2
"""Bytes per sample."""

Float32Array = npt.NDArray[np.float32]
Int16Array = npt.NDArray[np.int16]

_INT16 = np.dtype("<i2")


def _check(pcm: bytes) -> None:
    if len(pcm) % SAMPLE_WIDTH:
        raise ValueError(f"16-bit PCM must have an even number of bytes, got {len(pcm)}")


def to_int16(pcm: bytes) -> Int16Array:
    """The samples as an int16 array (a copy, so it may be modified)."""
    _check(pcm)
    return np.frombuffer(pcm, dtype=_INT16).astype(np.int16)


def from_int16(samples: npt.NDArray[np.integer]) -> bytes:
    """int16 samples (any integer array; values are clipped to int16) as PCM bytes."""
    arr = np.asarray(samples)
    if arr.dtype != np.int16:
        arr = np.clip(arr, -32768, 32767).astype(np.int16)
    return arr.astype(_INT16, copy=False).tobytes()


def to_float32(pcm: bytes) -> Float32Array:
    """Samples scaled to [-1, 1) as float32 (what Whisper and most DSP code expect)."""
    _check(pcm)
    return np.frombuffer(pcm, dtype=_INT16).astype(np.float32) / np.float32(32768.0)


def from_float32(samples: npt.NDArray[np.floating]) -> bytes:
    """Float samples in [-1, 1] as PCM bytes; out-of-range values are clipped, not wrapped."""
    arr = np.asarray(samples, dtype=np.float64)
    scaled = np.clip(np.rint(arr * 32768.0), -32768, 32767).astype(_INT16)
    return scaled.tobytes()


def duration(pcm: bytes, sample_rate: int) -> float:
    """Length in seconds."""
    if sample_rate <= 0:
        raise ValueError("sample_rate must be positive")
    return len(pcm) // SAMPLE_WIDTH / sample_rate


def samples_for(seconds: float, sample_rate: int) -> int:
    """Whole samples in ``seconds`` (rounded to the nearest sample)."""
    return max(0, round(seconds * sample_rate))


def silence(seconds: float, sample_rate: int) -> bytes:
    """Digital silence of the given length."""
    return bytes(samples_for(seconds, sample_rate) * SAMPLE_WIDTH)


def tone(frequency: float, seconds: float, sample_rate: int, *, amplitude: float = 0.5) -> bytes:
    """A sine wave (for tests and sound checks); ``amplitude`` is relative to full scale."""
    t = np.arange(samples_for(seconds, sample_rate), dtype=np.float64) / sample_rate
    return from_float32(amplitude * np.sin(2 * math.pi * frequency * t))


@functools.lru_cache(maxsize=16)
def polyphase_filter(up: int, down: int) -> npt.NDArray[np.float64]:
    """Kaiser-windowed sinc low-pass (the design of ``scipy.signal.resample_poly``: 10 zero
    crossings each side at the lower Nyquist, beta 5, DC gain ``up``) arranged by phase:
    row ``r`` holds taps ``r, r + up, r + 2*up, ...``."""
    max_rate = max(up, down)
    half_len = 10 * max_rate
    taps = 2 * half_len + 1
    t = np.arange(taps, dtype=np.float64) - half_len
    h = np.sinc(t / max_rate) * np.kaiser(taps, 5.0)
    h *= up / h.sum()
    per_phase = -(-taps // up)
    padded = np.zeros(per_phase * up, dtype=np.float64)
    padded[:taps] = h
    return padded.reshape(per_phase, up).T.copy()


def resample_float32(samples: npt.NDArray[np.floating], src_rate: int, dst_rate: int) -> Float32Array:
    """Anti-aliased polyphase resampling of float samples (numpy only; the same filter and
    alignment as ``scipy.signal.resample_poly``, which is far slower to import).

    Meant for whole utterances: resampling a stream chunk by chunk leaves tiny filter edge
    effects at each boundary.
    """
    if src_rate <= 0 or dst_rate <= 0:
        raise ValueError("sample rates must be positive")
    x = np.asarray(samples, dtype=np.float64).reshape(-1)
    if src_rate == dst_rate or x.size == 0:
        return x.astype(np.float32)
    ratio = Fraction(dst_rate, src_rate)
    up, down = ratio.numerator, ratio.denominator
    bank = polyphase_filter(up, down)
    per_phase = bank.shape[1]
    half_len = 10 * max(up, down)
    n_out = -(-x.size * up // down)
    # y[n] = sum_i bank[m % up, i] * x[m // up - i] with m = n * down + half_len (x is 0 outside)
    padded = np.concatenate((np.zeros(per_phase - 1), x, np.zeros(per_phase)))
    offsets = np.arange(per_phase)
    out = np.empty(n_out, dtype=np.float64)
    block = max(1, 1 << 20 >> max(0, per_phase.bit_length()))  # bounded memory per step
    for start in range(0, n_out, block):
        m = np.arange(start, min(n_out, start + block), dtype=np.int64) * down + half_len
        phase = m % up
        base = m // up + per_phase - 1  # index into padded
        idx = np.minimum(base[:, None] - offsets[None, :], padded.size - 1)
        out[start : start + m.size] = np.einsum("ij,ij->i", bank[phase], padded[idx])
    return out.astype(np.float32)


def resample(pcm: bytes, src_rate: int, dst_rate: int) -> bytes:
    """Resample int16 PCM from ``src_rate`` to ``dst_rate`` Hz."""
    if src_rate == dst_rate:
        _check(pcm)
        return pcm
    return from_float32(resample_float32(to_float32(pcm), src_rate, dst_rate))


def resample_chunk(chunk: AudioChunk, sample_rate: int) -> AudioChunk:
    """The chunk at ``sample_rate`` (the same object when it already is)."""
    if chunk.sample_rate == sample_rate:
        return chunk
    return AudioChunk(resample(chunk.pcm, chunk.sample_rate, sample_rate), sample_rate)


def concat(chunks: Iterable[AudioChunk], sample_rate: int | None = None) -> AudioChunk:
    """One chunk holding all of ``chunks`` in order, at ``sample_rate`` (default: the first
    chunk's rate; chunks at other rates are resampled). An empty input needs ``sample_rate``."""
    parts: list[bytes] = []
    rate = sample_rate
    for chunk in chunks:
        if rate is None:
            rate = chunk.sample_rate
        parts.append(resample_chunk(chunk, rate).pcm)
    if rate is None:
        raise ValueError("concat() of no chunks needs sample_rate")
    return AudioChunk(b"".join(parts), rate)


def slices(pcm: bytes, sample_rate: int, max_seconds: float) -> Iterator[bytes]:
    """``pcm`` cut into consecutive pieces of at most ``max_seconds`` (at least one sample each)."""
    _check(pcm)
    step = max(1, int(max_seconds * sample_rate)) * SAMPLE_WIDTH
    view = memoryview(pcm)
    for start in range(0, len(pcm), step):
        yield bytes(view[start : start + step])


def rms(pcm: bytes) -> float:
    """Root-mean-square level relative to full scale (0.0 silence, ~0.707 a full-scale sine)."""
    if not pcm:
        return 0.0
    samples = to_float32(pcm).astype(np.float64)
    return float(np.sqrt(np.mean(samples * samples)))


def dbfs(pcm: bytes, *, floor: float = -120.0) -> float:
    """RMS level in dB relative to full scale, never below ``floor``."""
    level = rms(pcm)
    return floor if level <= 0 else max(floor, 20 * math.log10(level))


# ---------------------------------------------------------------- WAV files


def write_wav(path: str | Path, audio: AudioChunk | bytes, sample_rate: int | None = None) -> Path:
    """Write mono 16-bit PCM as a WAV file. Pass an :class:`AudioChunk`, or bytes and a rate."""
    if isinstance(audio, AudioChunk):
        pcm, rate = audio.pcm, audio.sample_rate
    else:
        if sample_rate is None:
            raise ValueError("write_wav() of raw bytes needs sample_rate")
        pcm, rate = audio, sample_rate
    _check(pcm)
    target = Path(path)
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(SAMPLE_WIDTH)
        out.setframerate(rate)
        out.writeframes(pcm)
    return target


def read_wav(path: str | Path) -> AudioChunk:
    """Read a PCM WAV file (8/16/24/32-bit integer, any channel count) as mono 16-bit PCM.

    Channels are averaged. Float WAVs (format 3) are not supported by :mod:`wave`.
    """
    with wave.open(str(path), "rb") as src:
        channels = src.getnchannels()
        width = src.getsampwidth()
        rate = src.getframerate()
        raw = src.readframes(src.getnframes())
    data = _decode_width(raw, width)
    if channels > 1:
        usable = len(data) - len(data) % channels
        data = data[:usable].reshape(-1, channels).mean(axis=1)
    return AudioChunk(from_float32(data), rate)


def _decode_width(raw: bytes, width: int) -> npt.NDArray[np.float64]:
    """Integer PCM of ``width`` bytes per sample as float64 in [-1, 1)."""
    if width == 1:  # 8-bit WAV is unsigned
        return (np.frombuffer(raw, dtype=np.uint8).astype(np.float64) - 128.0) / 128.0
    if width == 2:
        return np.frombuffer(raw, dtype="<i2").astype(np.float64) / 32768.0
    if width == 3:
        b = np.frombuffer(raw, dtype=np.uint8)[: len(raw) // 3 * 3].reshape(-1, 3).astype(np.int32)
        value = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        value = np.where(value >= 1 << 23, value - (1 << 24), value)
        return value.astype(np.float64) / float(1 << 23)
    if width == 4:
        return np.frombuffer(raw, dtype="<i4").astype(np.float64) / float(1 << 31)
    raise ValueError(f"unsupported WAV sample width: {width} bytes")
