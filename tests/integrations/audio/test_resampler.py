"""StreamResampler: a stream resampled block by block equals the whole recording resampled at
once, for the rates microphones really run at."""

from __future__ import annotations

import numpy as np
import pytest

from engines.voice import pcm
from integrations.audio.resampler import StreamResampler


@pytest.mark.parametrize(("src", "dst"), [(48000, 16000), (44100, 16000), (22050, 16000), (8000, 16000)])
def test_blocks_of_any_size_equal_the_whole(src: int, dst: int) -> None:
    rng = np.random.default_rng(src)
    x = rng.normal(0.0, 0.2, src).astype(np.float32)
    whole = pcm.resample_float32(x, src, dst)
    resampler = StreamResampler(src, dst)
    out: list[np.ndarray] = []
    i = 0
    while i < x.size:
        size = int(rng.integers(1, 2000))
        out.append(resampler.process(x[i : i + size]))
        i += size
    streamed = np.concatenate(out)
    shift = round(resampler.delay_s * dst)
    assert streamed.size == whole.size
    assert np.allclose(streamed[shift:], whole[: whole.size - shift], atol=1e-6)
    assert resampler.delay_s < 0.002


def test_same_rate_passes_through() -> None:
    x = np.linspace(-0.5, 0.5, 100, dtype=np.float32)
    resampler = StreamResampler(16000, 16000)
    assert np.array_equal(resampler.process(x), x) and resampler.delay_s == 0.0


def test_a_tone_keeps_its_pitch_and_level() -> None:
    resampler = StreamResampler(48000, 16000)
    tone = pcm.to_float32(pcm.tone(440.0, 1.0, 48000, amplitude=0.5))
    out = np.concatenate([resampler.process(tone[i : i + 1536]) for i in range(0, tone.size, 1536)])
    spectrum = np.abs(np.fft.rfft(out[1000:]))
    peak_hz = np.argmax(spectrum) * 16000 / (out.size - 1000)
    assert abs(peak_hz - 440.0) < 2.0
    assert float(np.abs(out[1000:]).max()) == pytest.approx(0.5, abs=0.01)


def test_bad_rates_are_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        StreamResampler(0, 16000)
