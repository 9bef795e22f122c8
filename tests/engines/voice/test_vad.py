"""The endpointing state machine on scripted speech probabilities (32 ms frames at 16 kHz)."""

from __future__ import annotations

import pytest

from engines.voice.vad import BargeIn, EndpointConfig, Endpointer, SpeechStarted, Utterance, VadEvent

RATE = 16000
FRAME = 512  # 32 ms
FRAME_MS = 32.0


def frame(index: int) -> bytes:
    """A frame whose samples all carry ``index`` (so the audio kept can be traced)."""
    return (index % 30000).to_bytes(2, "little", signed=True) * FRAME


def run(probs: list[float], config: EndpointConfig | None = None, *, flush: bool = True) -> list[VadEvent]:
    ep = Endpointer(RATE, FRAME, config)
    events: list[VadEvent] = []
    for i, p in enumerate(probs):
        events.extend(ep.push(frame(i), p))
    if flush:
        events.extend(ep.flush())
    return events


def frames_of(ms: float) -> int:
    return round(ms / FRAME_MS)


def script(*parts: tuple[float, float]) -> list[float]:
    """``(probability, milliseconds)`` pieces."""
    out: list[float] = []
    for p, ms in parts:
        out += [p] * frames_of(ms)
    return out


def utterances(events: list[VadEvent]) -> list[Utterance]:
    return [e for e in events if isinstance(e, Utterance)]


def frame_indexes(u: Utterance) -> list[int]:
    return [int.from_bytes(u.pcm[i : i + 2], "little", signed=True) for i in range(0, len(u.pcm), FRAME * 2)]


def test_one_utterance_with_pre_roll_post_pad_and_times() -> None:
    probs = script((0.0, 640), (0.9, 960), (0.0, 1000))
    events = run(probs, flush=False)
    kinds = [type(e) for e in events]
    assert kinds == [SpeechStarted, BargeIn, Utterance]
    (u,) = utterances(events)
    assert u.reason == "silence"
    assert u.start_s == pytest.approx(0.64)
    assert u.end_s == pytest.approx(0.64 + 0.96)
    # pre-roll 300 ms ≈ 9 frames before the first voiced frame (frame 20), post-pad ≈ 6 frames
    idx = frame_indexes(u)
    assert idx[0] == 20 - frames_of(300)
    assert idx[-1] == 20 + 30 - 1 + frames_of(200)
    assert u.audio_start_s == pytest.approx(idx[0] * 0.032)
    assert u.voiced_ms == pytest.approx(960)
    started = next(e for e in events if isinstance(e, SpeechStarted))
    assert started.start_s == pytest.approx(0.64)


def test_short_noise_is_dropped_without_barge_in() -> None:
    for burst_ms in (64, 160, 224):
        events = run(script((0.0, 320), (0.95, burst_ms), (0.0, 1200)))
        assert events == [], burst_ms


def test_min_speech_confirms_and_barge_in_waits_for_its_own_length() -> None:
    cfg = EndpointConfig(min_speech_ms=250, min_barge_in_ms=600)
    ep = Endpointer(RATE, FRAME, cfg)
    seen: list[tuple[int, str]] = []
    for i, p in enumerate(script((0.0, 96), (0.9, 1000))):
        for e in ep.push(frame(i), p):
            seen.append((i, type(e).__name__))
    assert seen[0] == (3 + frames_of(250) - 1, "SpeechStarted")
    assert seen[1] == (3 + frames_of(600) - 1, "BargeIn")
    assert len(seen) == 2


def test_pause_shorter_than_end_silence_keeps_one_utterance() -> None:
    probs = script((0.0, 320), (0.9, 500), (0.1, 320), (0.9, 800), (0.0, 800))
    (u,) = utterances(run(probs))
    assert u.end_s - u.start_s == pytest.approx(1.6, abs=0.04)


def test_two_phrases_split_by_a_long_pause() -> None:
    probs = script((0.0, 320), (0.9, 600), (0.0, 1000), (0.9, 700), (0.0, 800))
    a, b = utterances(run(probs))
    assert a.end_s < b.start_s
    assert b.start_s - a.end_s == pytest.approx(1.0, abs=0.04)
    assert len([e for e in run(probs) if isinstance(e, BargeIn)]) == 2


def test_hysteresis_between_thresholds_is_still_speech() -> None:
    # 0.4 is below threshold (0.5) but above neg_threshold (0.35): it does not end speech
    probs = script((0.0, 320), (0.9, 400), (0.4, 800), (0.9, 300), (0.0, 700))
    (u,) = utterances(run(probs))
    assert u.end_s - u.start_s == pytest.approx(1.5, abs=0.04)
    assert u.voiced_ms == pytest.approx(frames_of(400) * 32 + frames_of(300) * 32)


def test_max_length_cuts_and_speech_goes_on() -> None:
    cfg = EndpointConfig(max_utterance_ms=2000)
    us = utterances(run(script((0.9, 5000), (0.0, 700)), cfg))
    assert [u.reason for u in us[:2]] == ["max_length", "max_length"]
    assert all(u.end_s - u.start_s <= 2.0 + 1e-9 for u in us)
    assert sum(u.end_s - u.start_s for u in us) == pytest.approx(5.0, abs=0.1)


def test_flush_emits_speech_in_progress_only_when_confirmed() -> None:
    assert [u.reason for u in utterances(run(script((0.0, 100), (0.9, 600))))] == ["flush"]
    assert run(script((0.0, 100), (0.9, 100))) == []


def test_noise_then_speech_keeps_pre_roll() -> None:
    probs = script((0.0, 320), (0.9, 96), (0.0, 600), (0.9, 600), (0.0, 700))
    (u,) = utterances(run(probs))
    first_voiced = frames_of(320) + frames_of(96) + frames_of(600)
    assert frame_indexes(u)[0] == first_voiced - frames_of(300)


def test_bad_frames_and_config() -> None:
    ep = Endpointer(RATE, FRAME)
    with pytest.raises(ValueError, match="frame must hold"):
        ep.push(b"\x00" * 10, 0.1)
    with pytest.raises(ValueError, match="neg_threshold"):
        EndpointConfig(neg_threshold=0.6, threshold=0.5)
    with pytest.raises(ValueError, match="end_silence_ms"):
        EndpointConfig(end_silence_ms=0)
    with pytest.raises(ValueError, match="max_utterance_ms"):
        EndpointConfig(max_utterance_ms=100)
    with pytest.raises(ValueError, match="positive"):
        Endpointer(0, FRAME)


def test_reset_restarts_the_clock() -> None:
    ep = Endpointer(RATE, FRAME)
    for i in range(10):
        ep.push(frame(i), 0.9)
    ep.reset()
    assert ep.position_s == 0.0
    assert ep.state == "idle"
