"""Paced sinks: real-time pacing, instant mode, stop within one 20 ms slice, WAV holds what
played, broadcast fan-out with slow subscribers, tee.

The loop runs on a virtual clock (tests/support/virtual_clock.py): pacing is asserted
exactly, in the sink's own time, never against the wall clock."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from engines.backends import AudioChunk
from engines.voice import pcm
from engines.voice.sinks import SLICE_S, BroadcastSink, NullSink, SinkEvent, TeeSink, WavFileSink
from tests.support.virtual_clock import VirtualClock

RATE = 22050
SAMPLE = 1 / RATE


@pytest.fixture
async def clock() -> AsyncIterator[VirtualClock]:
    with VirtualClock().patch() as c:
        yield c


def speech(seconds: float, rate: int = RATE) -> AudioChunk:
    return AudioChunk(pcm.tone(220, seconds, rate, amplitude=0.4), rate)


async def test_wav_sink_real_time_pacing(tmp_path: Path, clock: VirtualClock) -> None:
    sink = WavFileSink(tmp_path, pace=1.0)
    frames: list[tuple[int, float]] = []
    sink.on_frame = lambda frame, t: frames.append((len(frame), t))
    await sink.open("turn-1", RATE)
    started = clock.now
    await sink.write(speech(0.25))
    await sink.write(speech(0.25))
    elapsed = clock.now - started
    await sink.close()
    assert sink.played_s == pytest.approx(0.5, abs=1e-3)
    assert elapsed == pytest.approx(sink.played_s, abs=1e-9)  # played for as long as the audio lasts
    assert sink.path == tmp_path / "turn-1.wav"
    written = pcm.read_wav(sink.path)
    assert written.sample_rate == RATE
    assert written.seconds == pytest.approx(0.5, abs=1e-3)
    assert written.pcm == speech(0.25).pcm * 2
    # slices of at most 20 ms, timestamps contiguous from 0
    assert all(n <= int(0.02 * RATE) * 2 for n, _ in frames)
    assert frames[0][1] == 0.0
    assert frames[-1][1] == pytest.approx(sink.played_s - frames[-1][0] / 2 / RATE)


async def test_pace_factor_and_instant(tmp_path: Path, clock: VirtualClock) -> None:
    fast = WavFileSink(tmp_path / "fast", pace=4.0)
    await fast.open("t", RATE)
    started = clock.now
    await fast.write(speech(0.5))
    assert clock.now - started == pytest.approx(0.125, abs=SAMPLE)
    await fast.close()

    instant = WavFileSink(tmp_path / "instant", pace=None)
    await instant.open("t", RATE)
    started = clock.now
    await instant.write(speech(5.0))
    assert clock.now == started  # no waiting at all
    await instant.close()
    assert pcm.read_wav(tmp_path / "instant" / "t.wav").seconds == pytest.approx(5.0)


async def test_gap_between_writes_is_not_made_up(clock: VirtualClock) -> None:
    sink = NullSink(pace=1.0)
    await sink.open("t", RATE)
    await sink.write(speech(0.1))
    await asyncio.sleep(0.2)  # next sentence late: an underrun
    started = clock.now
    await sink.write(speech(0.2))
    assert clock.now - started == pytest.approx(0.2, abs=SAMPLE)  # still played at real time
    assert sink.played_s == pytest.approx(0.3)


async def test_stop_during_write_cuts_within_a_slice_and_wav_holds_what_played(
    tmp_path: Path, clock: VirtualClock
) -> None:
    sink = WavFileSink(tmp_path, pace=1.0)
    await sink.open("cut", RATE)
    writer = asyncio.create_task(sink.write(speech(2.0)))
    await asyncio.sleep(0.3)
    stop_at = clock.now
    await sink.stop()
    await writer
    assert clock.now - stop_at <= SLICE_S
    assert sink.stopped
    played = sink.played_s
    assert played == pytest.approx(0.3, abs=2 * SAMPLE)  # what had played when the stop came
    await sink.write(speech(1.0))  # ignored after stop, returns at once
    assert sink.played_s == played
    await sink.close()
    written = pcm.read_wav(tmp_path / "cut.wav")
    assert written.seconds == pytest.approx(played, abs=1 / RATE)
    assert written.pcm == speech(2.0).pcm[: len(written.pcm)]

    # the next turn plays normally
    await sink.open("next", RATE)
    await sink.write(speech(0.05))
    await sink.close()
    assert not sink.stopped
    assert pcm.read_wav(tmp_path / "next.wav").seconds == pytest.approx(0.05, abs=1e-4)


async def test_cancelled_write_keeps_partial_slice(tmp_path: Path, clock: VirtualClock) -> None:
    sink = WavFileSink(tmp_path, pace=1.0)
    await sink.open("cancel", RATE)
    writer = asyncio.create_task(sink.write(speech(1.0)))
    await asyncio.sleep(0.15)
    writer.cancel()
    with pytest.raises(asyncio.CancelledError):
        await writer
    await sink.stop()
    await sink.close()
    played = sink.played_s
    assert played == pytest.approx(0.15, abs=2 * SAMPLE)  # to the sample, the cut slice included
    assert pcm.read_wav(tmp_path / "cancel.wav").seconds == pytest.approx(played, abs=1 / RATE)


async def test_resamples_chunks_at_other_rates_and_sanitises_names(tmp_path: Path) -> None:
    sink = WavFileSink(tmp_path, pace=None)
    await sink.open("../evil/turn 1", 16000)
    await sink.write(speech(0.5, rate=22050))
    await sink.close()
    assert sink.path is not None
    assert sink.path.parent == tmp_path
    assert pcm.read_wav(sink.path).seconds == pytest.approx(0.5, abs=1e-3)
    with pytest.raises(RuntimeError, match="before open"):
        await sink.write(speech(0.1))
    with pytest.raises(ValueError, match="positive"):
        await sink.open("x", 0)


async def test_on_frame_errors_do_not_stop_playback() -> None:
    sink = NullSink(pace=None)

    def boom(frame: bytes, t: float) -> None:
        raise RuntimeError("callback bug")

    sink.on_frame = boom
    await sink.open("t", RATE)
    await sink.write(speech(0.1))
    assert sink.played_s == pytest.approx(0.1)


async def test_broadcast_fans_out_and_drops_slow_subscriber_without_blocking(clock: VirtualClock) -> None:
    sink = BroadcastSink(pace=4.0, queue_size=10, evict_after=20)
    fast = sink.subscribe()
    slow = sink.subscribe()  # never reads
    received: list[SinkEvent] = []

    async def consume() -> None:
        async for event in fast:
            received.append(event)

    consumer = asyncio.create_task(consume())
    await sink.open("turn", RATE)
    started = clock.now
    chunk = speech(1.0)
    await sink.write(chunk)
    elapsed = clock.now - started
    await sink.close()
    await asyncio.sleep(0.01)
    assert elapsed == pytest.approx(0.25, abs=SAMPLE)  # 1 s at 4x: the slow subscriber did not hold it up
    kinds = [e.kind for e in received]
    assert kinds[0] == "open"
    assert kinds[-1] == "close"
    audio = b"".join(e.pcm for e in received if e.kind == "audio")
    assert audio == chunk.pcm  # the fast subscriber got everything, in order
    assert slow.dropped > 0
    assert slow.closed  # evicted after 20 drops in a row
    assert sink.evicted == 1
    assert sink.subscribers == 1
    # an evicted subscriber drains what it had, then ends
    leftover = [e async for e in slow]
    assert 0 < len(leftover) <= 10
    await sink.aclose()
    await asyncio.wait_for(consumer, 1.0)
    assert fast.closed


async def test_broadcast_control_events_always_arrive() -> None:
    sink = BroadcastSink(pace=None, queue_size=4, evict_after=None)
    sub = sink.subscribe()
    await sink.open("t", RATE)
    await sink.write(speech(0.2))  # 10 slices into a queue of 4
    await sink.stop()
    await sink.close()
    events = []
    while sub.qsize:
        event = await sub.get()
        assert event is not None
        events.append(event.kind)
    assert events[-2:] == ["stop", "close"]
    assert sub.dropped >= 7
    assert not sub.closed


async def test_broadcast_stop_is_quick(clock: VirtualClock) -> None:
    sink = BroadcastSink(pace=1.0)
    sub = sink.subscribe()
    await sink.open("t", RATE)
    writer = asyncio.create_task(sink.write(speech(3.0)))
    await asyncio.sleep(0.1)
    stop_at = clock.now
    await sink.stop()
    await writer
    assert clock.now - stop_at <= SLICE_S
    kinds = []
    while sub.qsize:
        event = await sub.get()
        assert event is not None
        kinds.append(event.kind)
    assert kinds[-1] == "stop"


async def test_late_subscriber_gets_open() -> None:
    sink = BroadcastSink(pace=None)
    await sink.open("t", RATE)
    sub = sink.subscribe()
    event = await sub.get()
    assert event == SinkEvent("open", "t", RATE)


async def test_tee_writes_to_all_and_stops_all(tmp_path: Path, clock: VirtualClock) -> None:
    wav = WavFileSink(tmp_path, pace=1.0)
    broadcast = BroadcastSink(pace=1.0)
    sub = broadcast.subscribe(maxsize=1000)
    tee = TeeSink(wav, broadcast)
    ticks: list[float] = []
    tee.on_frame = lambda frame, t: ticks.append(t)
    await tee.open("tee", RATE)
    started = clock.now
    await tee.write(speech(0.2))
    assert clock.now - started == pytest.approx(
        0.2, abs=SAMPLE
    )  # concurrently, not 0.4 s one after the other
    writer = asyncio.create_task(tee.write(speech(2.0)))
    await asyncio.sleep(0.1)
    stop_at = clock.now
    await tee.stop()
    await writer
    assert clock.now - stop_at <= SLICE_S
    await tee.close()
    assert wav.stopped
    assert broadcast.stopped
    assert tee.played_s == wav.played_s
    assert tee.played_s == pytest.approx(0.3, abs=2 * SAMPLE)
    assert ticks[0] == 0.0
    assert len(ticks) >= 14
    assert pcm.read_wav(tmp_path / "tee.wav").seconds == pytest.approx(tee.played_s, abs=1e-3)
    assert sub.qsize > 10
    with pytest.raises(ValueError, match="at least one"):
        TeeSink()


def test_constructor_validation(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="pace"):
        WavFileSink(tmp_path, pace=0)
    with pytest.raises(ValueError, match="queue_size"):
        BroadcastSink(queue_size=1)


async def test_long_playback_does_not_drift() -> None:
    # every timer fires 1 ms late: over 100 slices that would add up to 0.1 s
    with VirtualClock(oversleep_s=0.001).patch() as clock:
        sink = NullSink(pace=1.0)
        await sink.open("t", RATE)
        started = clock.now
        for _ in range(4):  # back-to-back sentences
            await sink.write(speech(0.5))
        elapsed = clock.now - started
    assert sink.played_s == pytest.approx(2.0, abs=1e-3)
    assert elapsed == pytest.approx(2.0, abs=0.002)  # the lateness is absorbed, not accumulated
