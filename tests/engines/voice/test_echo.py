"""EchoGate on real audio: the bot's piper voice played through a simulated room into the
microphone, the streamer's espeak-ng voice on top, every frame scored by the real Silero VAD.
Frame times are simulated (the gate takes them as arguments), so this runs faster than real time."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from engines.backends import AudioChunk
from engines.voice import pcm
from engines.voice.echo import EchoConfig, EchoGate, tap_playback
from engines.voice.sinks import NullSink
from integrations.silero_vad import SileroVAD
from tests.support.speech import espeak

DATA = Path(__file__).parents[2] / "data" / "voice"
RATE = 16000
FRAME = 512


def bot_voice() -> np.ndarray:
    """About 5 s of the character's piper voice."""
    parts = [pcm.to_float32(pcm.read_wav(DATA / name).pcm) for name in ("boss.wav", "two_phrases.wav")]
    return np.concatenate(parts).astype(np.float64)


def room(
    x: np.ndarray, *, gain: float, delay_s: float = 0.06, reverb_s: float = 0.25, seed: int = 0
) -> np.ndarray:
    rng = np.random.default_rng(seed)
    n = int(reverb_s * RATE)
    t = np.arange(n) / RATE
    rir = rng.normal(0.0, 1.0, n) * np.exp(-t / (reverb_s / 6.9)) * 0.25
    rir[0] = 1.0
    rir /= np.sqrt(np.sum(rir**2))
    wet = np.convolve(x, rir)[: x.size]
    d = int(delay_s * RATE)
    return gain * np.concatenate((np.zeros(d), wet))[: x.size]


def level(x: np.ndarray) -> float:
    active = x[np.abs(x) > 1e-3]
    return float(np.sqrt(np.mean(active**2)))


def run(
    mic: np.ndarray, ref: np.ndarray, config: EchoConfig | None = None
) -> tuple[list[tuple[float, float]], EchoGate]:
    """(VAD probability, gated probability) per 32 ms microphone frame; the bot's audio is
    handed to the gate in 20 ms slices as it "plays" (silent stretches are not played)."""
    gate = EchoGate(config)
    vad = SileroVAD()
    audio = pcm.from_float32(mic)
    slice_n = int(0.02 * RATE)
    played = 0
    out: list[tuple[float, float]] = []
    for i in range(mic.size // FRAME):
        end = (i + 1) * FRAME
        while played < min(end, ref.size):
            piece = ref[played : played + slice_n]
            if np.abs(piece).max() > 0:
                gate.playback(pcm.from_float32(piece), RATE, played / RATE)
            played += slice_n
        frame = audio[i * FRAME * 2 : end * 2]
        p = vad.probability(frame)
        out.append((p, gate.filter(frame, p, end / RATE)))
    return out, gate


def passed(frames: list[tuple[float, float]]) -> tuple[int, int]:
    """(frames the gate let through as speech, frames the VAD called speech)."""
    return sum(q >= 0.5 for _, q in frames), sum(p >= 0.5 for p, _ in frames)


@pytest.fixture(scope="module")
def bot() -> tuple[np.ndarray, np.ndarray]:
    voice = bot_voice()
    ref = np.concatenate((voice, np.zeros(RATE)))
    return voice, ref


@pytest.fixture(scope="module")
def streamer() -> np.ndarray:
    return pcm.to_float32(espeak("Can you tell everyone what game we are playing today?").pcm).astype(
        np.float64
    )


@pytest.mark.parametrize(
    ("gain", "reverb_s"), [(0.3, 0.15), (0.6, 0.4), (1.5, 0.4)], ids=["quiet", "reverberant", "loud"]
)
def test_the_bots_echo_alone_never_counts_as_speech(
    bot: tuple[np.ndarray, np.ndarray], gain: float, reverb_s: float
) -> None:
    _, ref = bot
    mic = room(ref, gain=gain, reverb_s=reverb_s) + np.random.default_rng(1).normal(0.0, 0.002, ref.size)
    frames, gate = run(mic, ref)
    through, speech = passed(frames)
    assert speech > 100  # Silero hears the echo as speech...
    assert through == 0  # ...and the gate holds every frame of it
    assert gate.stats.gated >= speech and gate.stats.passed == 0


def test_with_a_headset_the_streamer_is_heard_while_the_bot_talks(
    bot: tuple[np.ndarray, np.ndarray], streamer: np.ndarray
) -> None:
    _, ref = bot
    for at, share in ((0.8, 0.6), (2.0, 0.85)):  # 0.3 s into the bot's first words, and later
        mic = np.random.default_rng(2).normal(0.0, 0.002, ref.size)
        start = int(at * RATE)
        mic[start : start + streamer.size] += streamer[: ref.size - start]
        frames, gate = run(mic, ref)
        segment = frames[start // FRAME : (start + streamer.size) // FRAME]
        through, speech = passed(segment)
        assert through >= share * speech, (at, through, speech)
    assert float(np.median(gate.gain_db)) < -15  # learnt: no echo path at all


@pytest.mark.parametrize("over_db", [12.0, 20.0])
def test_the_streamer_clearly_louder_than_the_echo_gets_through(
    bot: tuple[np.ndarray, np.ndarray], streamer: np.ndarray, over_db: float
) -> None:
    _, ref = bot
    echo = room(ref, gain=0.4)
    mic = echo + np.random.default_rng(3).normal(0.0, 0.002, ref.size)
    start = int(2.0 * RATE)
    gain = level(echo) / level(streamer) * 10 ** (over_db / 20)
    mic[start : start + streamer.size] += gain * streamer[: ref.size - start]
    frames, _ = run(mic, ref)
    before = frames[: start // FRAME]
    segment = frames[start // FRAME : (start + streamer.size) // FRAME]
    assert passed(before)[0] == 0
    through, speech = passed(segment)
    assert through >= 0.4 * speech  # enough for a 300 ms barge-in within the sentence


def test_with_the_bot_silent_nothing_changes(streamer: np.ndarray) -> None:
    mic = np.concatenate((np.zeros(RATE // 2), streamer, np.zeros(RATE // 2)))
    frames, gate = run(mic, np.zeros(0))
    assert all(p == q for p, q in frames)
    assert gate.stats.checked == 0


def test_off_lets_the_echo_through(bot: tuple[np.ndarray, np.ndarray]) -> None:
    _, ref = bot
    frames, _ = run(room(ref, gain=0.6), ref, EchoConfig(mode="off"))
    assert all(p == q for p, q in frames)


def test_half_duplex_ignores_the_microphone_while_the_bot_plays_and_just_after(
    bot: tuple[np.ndarray, np.ndarray], streamer: np.ndarray
) -> None:
    voice, _ = bot
    talking = np.tile(voice[int(0.5 * RATE) : int(2.9 * RATE)], 3)  # 7 s of the bot without a pause
    config = EchoConfig(mode="half_duplex", max_delay_ms=300, tail_ms=200)
    ref = np.concatenate((talking, np.zeros(streamer.size + RATE)))
    mic = np.zeros(ref.size)
    start = RATE  # the bot has been talking for a second
    mic[start : start + streamer.size] += streamer  # over the bot: ignored
    after = talking.size + int(0.8 * RATE)  # silent for longer than max_delay_ms + tail_ms
    mic[after : after + streamer.size] += streamer
    frames, _ = run(mic, ref, config)
    over = frames[start // FRAME : (start + streamer.size) // FRAME]
    later = frames[after // FRAME :]
    assert passed(over)[0] == 0 and passed(over)[1] > 30
    assert all(p == q for p, q in later) and passed(later)[1] > 30


def test_the_tap_feeds_the_gate_and_keeps_the_stage_hook() -> None:
    async def play() -> tuple[int, bool]:
        sink = NullSink(pace=None)
        seen: list[int] = []
        sink.on_frame = lambda piece, t: seen.append(len(piece))
        gate = EchoGate()
        tap_playback(sink, gate, clock=lambda: 100.0)
        await sink.open("t", 22050)
        await sink.write(AudioChunk(pcm.tone(300.0, 0.5, 22050), 22050))
        await sink.close()
        return len(seen), gate.active(100.05)

    import asyncio

    slices, active = asyncio.run(play())
    assert slices == 25  # 20 ms slices of 0.5 s, all still reaching the old hook
    assert active


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="mode"):
        EchoConfig(mode="maybe")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="min_unexplained"):
        EchoConfig(min_unexplained=0.0)
