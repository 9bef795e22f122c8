"""PCM helpers: conversions, resampling keeps frequency, WAV round trips, RMS."""

from __future__ import annotations

import math
import wave
from pathlib import Path

import numpy as np
import pytest

from engines.backends import AudioChunk
from engines.voice import pcm


def dominant_frequency(samples: np.ndarray, rate: int) -> float:
    window = np.hanning(samples.size)
    spectrum = np.abs(np.fft.rfft(samples * window))
    freqs = np.fft.rfftfreq(samples.size, 1 / rate)
    return float(freqs[int(np.argmax(spectrum))])


def test_float_round_trip_and_clipping() -> None:
    data = np.array([0.0, 0.5, -0.5, 0.999, -1.0], dtype=np.float32)
    raw = pcm.from_float32(data)
    assert len(raw) == 10
    back = pcm.to_float32(raw)
    assert back.dtype == np.float32
    assert np.allclose(back, data, atol=1 / 32768)
    clipped = pcm.to_int16(pcm.from_float32(np.array([2.0, -2.0])))
    assert clipped.tolist() == [32767, -32768]  # clipped, not wrapped


def test_int16_round_trip_and_odd_length() -> None:
    values = np.array([0, 1, -1, 32767, -32768], dtype=np.int16)
    assert pcm.to_int16(pcm.from_int16(values)).tolist() == values.tolist()
    assert pcm.to_int16(pcm.from_int16(np.array([40000, -40000]))).tolist() == [32767, -32768]
    with pytest.raises(ValueError, match="even"):
        pcm.to_float32(b"\x00\x01\x02")


def test_duration_silence_slices() -> None:
    assert pcm.duration(pcm.silence(0.5, 22050), 22050) == pytest.approx(0.5)
    assert pcm.silence(0.01, 16000) == bytes(320)
    parts = list(pcm.slices(pcm.silence(0.05, 16000), 16000, 0.02))
    assert [len(p) for p in parts] == [640, 640, 320]
    assert pcm.duration(b"", 16000) == 0.0


@pytest.mark.parametrize(("src", "dst"), [(22050, 16000), (16000, 48000), (44100, 22050), (24000, 16000)])
def test_resample_keeps_frequency_and_length(src: int, dst: int) -> None:
    freq = 440.0
    audio = pcm.tone(freq, 1.0, src, amplitude=0.5)
    out = pcm.resample(audio, src, dst)
    assert pcm.duration(out, dst) == pytest.approx(1.0, abs=1 / dst + 1e-9)
    samples = pcm.to_float32(out)
    assert dominant_frequency(samples, dst) == pytest.approx(freq, abs=2.0)
    # level preserved (ignoring filter edges)
    core = samples[dst // 10 : -dst // 10]
    assert float(np.sqrt(np.mean(core**2))) == pytest.approx(0.5 / math.sqrt(2), rel=0.02)


def test_resample_antialiases() -> None:
    # 10 kHz is above the 8 kHz Nyquist frequency of 16 kHz output: it must be filtered, not folded to 6 kHz
    audio = pcm.tone(10_000, 0.5, 44100, amplitude=0.5)
    out = pcm.to_float32(pcm.resample(audio, 44100, 16000))
    assert float(np.sqrt(np.mean(out**2))) < 0.01  # no alias at 6 kHz


def test_resample_identity_and_chunk() -> None:
    audio = pcm.tone(200, 0.1, 16000)
    assert pcm.resample(audio, 16000, 16000) is audio
    chunk = AudioChunk(audio, 16000)
    assert pcm.resample_chunk(chunk, 16000) is chunk
    assert pcm.resample_chunk(chunk, 8000).sample_rate == 8000
    assert pcm.resample_float32(np.zeros(0, dtype=np.float32), 1, 2).size == 0


def test_concat_resamples_to_first_rate() -> None:
    a = AudioChunk(pcm.silence(0.1, 16000), 16000)
    b = AudioChunk(pcm.silence(0.1, 8000), 8000)
    joined = pcm.concat([a, b])
    assert joined.sample_rate == 16000
    assert joined.seconds == pytest.approx(0.2)
    assert pcm.concat([], sample_rate=8000).pcm == b""
    with pytest.raises(ValueError, match="sample_rate"):
        pcm.concat([])


def test_rms_and_dbfs() -> None:
    assert pcm.rms(b"") == 0.0
    assert pcm.rms(pcm.silence(0.1, 16000)) == 0.0
    assert pcm.rms(pcm.tone(1000, 0.5, 16000, amplitude=1.0)) == pytest.approx(1 / math.sqrt(2), rel=1e-3)
    assert pcm.dbfs(pcm.tone(1000, 0.5, 16000, amplitude=0.1)) == pytest.approx(-23.0, abs=0.1)
    assert pcm.dbfs(pcm.silence(0.1, 16000)) == -120.0


def test_wav_round_trip(tmp_path: Path) -> None:
    audio = AudioChunk(pcm.tone(300, 0.25, 22050), 22050)
    path = pcm.write_wav(tmp_path / "a.wav", audio)
    assert pcm.read_wav(path) == audio
    pcm.write_wav(tmp_path / "b.wav", audio.pcm, 22050)
    assert pcm.read_wav(tmp_path / "b.wav") == audio
    with pytest.raises(ValueError, match="sample_rate"):
        pcm.write_wav(tmp_path / "c.wav", audio.pcm)


@pytest.mark.parametrize("width", [1, 2, 3, 4])
def test_read_wav_other_formats_downmixes_stereo(tmp_path: Path, width: int) -> None:
    rate = 8000
    mono = pcm.to_float32(pcm.tone(400, 0.1, rate, amplitude=0.5)).astype(np.float64)
    stereo = np.stack([mono, mono], axis=1).reshape(-1)  # both channels equal
    if width == 1:
        raw = np.clip(np.rint(stereo * 128 + 128), 0, 255).astype(np.uint8).tobytes()
    elif width == 2:
        raw = np.rint(stereo * 32767).astype("<i2").tobytes()
    elif width == 3:
        ints = np.rint(stereo * (2**23 - 1)).astype(np.int32)
        raw = b"".join(int(v).to_bytes(3, "little", signed=True) for v in ints)
    else:
        raw = np.rint(stereo * (2**31 - 1)).astype("<i4").tobytes()
    path = tmp_path / f"w{width}.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(raw)
    chunk = pcm.read_wav(path)
    assert chunk.sample_rate == rate
    got = pcm.to_float32(chunk.pcm)
    assert got.size == mono.size
    assert np.allclose(got, mono, atol=0.01 if width == 1 else 1e-3)


@pytest.mark.parametrize(
    ("src", "dst", "n"),
    [(22050, 16000, 30000), (16000, 48000, 5000), (48000, 16000, 9000), (24000, 16000, 7)],
)
def test_resample_matches_scipy_resample_poly(src: int, dst: int, n: int) -> None:
    signal = pytest.importorskip("scipy.signal")
    from fractions import Fraction

    x = np.random.default_rng(0).normal(0, 0.3, n)
    ratio = Fraction(dst, src)
    expected = signal.resample_poly(x, ratio.numerator, ratio.denominator)
    got = pcm.resample_float32(x, src, dst)
    assert got.shape == expected.shape
    assert np.abs(got - expected).max() < 1e-6
