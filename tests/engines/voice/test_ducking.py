"""DuckingSink: the bot's audio, quieter while ducked, restored after, without clicks; every
other sink call passes straight through to the sink that really plays."""

from __future__ import annotations

import numpy as np
import pytest

from engines.backends import AudioChunk
from engines.voice import pcm
from engines.voice.ducking import DuckingSink
from engines.voice.sinks import NullSink

RATE = 16000


def rms(piece: bytes) -> float:
    return float(np.sqrt(np.mean(pcm.to_float32(piece) ** 2)))


async def test_duck_lowers_the_next_piece_and_unduck_restores_it() -> None:
    inner = NullSink(pace=None)
    sink = DuckingSink(inner, duck_db=-20.0, step_s=0.04)
    frames: list[bytes] = []
    sink.on_frame = lambda piece, t: frames.append(piece)
    await sink.open("t", RATE)
    tone = AudioChunk(pcm.tone(300.0, 0.2, RATE, amplitude=0.5), RATE)
    await sink.write(tone)
    sink.duck()
    assert sink.ducked and sink.ducks == 1
    await sink.write(tone)
    sink.duck()  # already ducked: still one duck
    sink.unduck()
    await sink.write(tone)
    await sink.close()
    levels = [rms(f) for f in frames]  # 20 ms slices of the inner sink
    full = levels[:10]
    ducked = levels[12:20]  # after the first 40 ms piece, which ramps down
    restored = levels[-8:]
    assert min(full) == pytest.approx(0.5 / np.sqrt(2), rel=0.02)
    assert max(ducked) == pytest.approx(0.1 * min(full), rel=0.05)  # -20 dB
    assert min(restored) == pytest.approx(min(full), rel=0.02)
    assert sink.ducks == 1 and not sink.ducked
    assert sink.played_s == pytest.approx(0.6) == inner.played_s
    # the ramp: no jump larger than the tone's own sample-to-sample change
    samples = pcm.to_float32(b"".join(frames))
    assert float(np.abs(np.diff(samples)).max()) < 0.07


async def test_stop_reaches_the_inner_sink_and_cuts_the_rest() -> None:
    inner = NullSink(pace=None)
    sink = DuckingSink(inner)
    await sink.open("t", RATE)
    await sink.stop()
    await sink.write(AudioChunk(pcm.tone(300.0, 0.2, RATE), RATE))
    assert inner.stopped and sink.stopped
    assert inner.played_s == 0.0
    await sink.close()
    assert not inner.is_open
    await sink.aclose()


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="duck_db"):
        DuckingSink(NullSink(), duck_db=3.0)
    with pytest.raises(ValueError, match="step_s"):
        DuckingSink(NullSink(), step_s=0.0)
