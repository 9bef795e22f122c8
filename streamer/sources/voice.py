"""The streamer's voice in: audio frames → VAD endpointing → STT → ``streamer.utterance``.

:class:`VoiceSource` takes audio (a live microphone, or :class:`~streamer.sources.wav_input.WavInput`
standing in for one) as :class:`~engines.backends.AudioChunk` pieces of any size and rate,
cuts them into the detector's frames, scores each frame (cheap: well under a millisecond,
done on the event loop) and runs :class:`~engines.voice.vad.Endpointer`. A finished
utterance goes to a queue; one worker task transcribes utterances in order through the
injected :class:`~engines.backends.STTBackend` (faster-whisper runs in its own worker
thread, so the loop never blocks) and publishes :class:`~engines.events.StreamerUtterance`
with the text, the STT confidence and wall-clock ``started_at``/``ended_at``.

``on_speech_start`` is called (sync or async) once per utterance when the streamer has
spoken for ``min_barge_in_ms`` (default 300 ms): the lead wires it to interrupt the bot.
A cough or an "mm" shorter than that never fires it and never becomes an utterance.

Wall-clock times: a chunk is taken to have *ended* when it arrived, so a sample ``n``
frames back maps to ``arrival - n / rate``. With a live microphone that is the true time;
a file fed faster than real time compresses it.

The VAD and the STT are injected (built in ``streamer/app.py``), never imported here.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import AsyncIterable, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from engines.backends import AudioChunk, BackendError, STTBackend
from engines.events import EventBase, StreamerUtterance, utcnow
from engines.voice.pcm import resample
from engines.voice.vad import (
    BargeIn,
    EndpointConfig,
    Endpointer,
    SpeechStarted,
    Utterance,
    VoiceActivityDetector,
)

__all__ = ["SpeechSignal", "VoiceSource", "VoiceStats"]

logger = logging.getLogger("streamer.sources.voice")

_YIELD_EVERY = 32
"""Scoring this many frames in a row yields to the event loop once (a big chunk)."""


@dataclass(frozen=True, slots=True)
class SpeechSignal:
    """Passed to ``on_speech_start``: the streamer is talking (barge-in)."""

    started_at: datetime
    voiced_ms: float


@dataclass(slots=True)
class VoiceStats:
    frames: int = 0
    utterances: int = 0
    published: int = 0
    empty: int = 0
    """Utterances whose transcript was empty or below ``min_confidence``."""
    stt_failures: int = 0
    barge_ins: int = 0
    last_stt_ms: float | None = None
    last_latency_ms: float | None = None
    """From the end of speech (wall clock) to the event being published."""
    latencies_ms: list[float] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Pending:
    utterance: Utterance
    started_at: datetime
    ended_at: datetime


class VoiceSource:
    """Turns the streamer's audio into :class:`StreamerUtterance` events on ``publish``.

    Use :meth:`run` on an async iterable of chunks (it flushes and drains at the end), or
    :meth:`feed` chunk by chunk, then :meth:`flush` and :meth:`aclose`.
    """

    def __init__(
        self,
        *,
        channel: str,
        vad: VoiceActivityDetector,
        stt: STTBackend,
        publish: Callable[[EventBase], Awaitable[Any]],
        config: EndpointConfig | None = None,
        on_speech_start: Callable[[SpeechSignal], Any] | None = None,
        min_confidence: float = 0.0,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.channel = channel
        self.vad = vad
        self.stt = stt
        self.publish = publish
        self.on_speech_start = on_speech_start
        self.min_confidence = min_confidence
        self.clock = clock
        vad.reset()  # a new stream: forget whatever the detector heard before
        self.endpointer = Endpointer(vad.sample_rate, vad.frame_samples, config)
        self.stats = VoiceStats()
        self._frame_bytes = vad.frame_samples * 2
        self._rest = b""
        self._queue: asyncio.Queue[_Pending | None] = asyncio.Queue()
        self._worker: asyncio.Task[None] | None = None
        self._callbacks: set[asyncio.Task[Any]] = set()
        self._started_at: datetime | None = None
        self._closed = False

    # -------------------------------------------------------------- input

    async def run(self, chunks: AsyncIterable[AudioChunk]) -> None:
        """Consume ``chunks`` to the end, then flush and wait for the last transcripts."""
        try:
            async for chunk in chunks:
                await self.feed(chunk)
            await self.flush()
        except BaseException:  # cancelled or failed: stop without waiting for transcripts
            await self.aclose(drain=False)
            raise
        await self.aclose()

    async def feed(self, chunk: AudioChunk) -> None:
        """Process one chunk of audio (any rate; resampled to the detector's rate)."""
        if self._closed:
            raise RuntimeError("VoiceSource is closed")
        arrived = self.clock()
        data = chunk.pcm
        if chunk.sample_rate != self.vad.sample_rate:
            data = resample(data, chunk.sample_rate, self.vad.sample_rate)
        buf = self._rest + data
        usable = len(buf) - len(buf) % self._frame_bytes
        self._rest = buf[usable:]
        # stream time at the end of this chunk's whole frames, and its wall-clock time
        end_s = self.endpointer.position_s + usable / 2 / self.vad.sample_rate
        for n, offset in enumerate(range(0, usable, self._frame_bytes), start=1):
            frame = buf[offset : offset + self._frame_bytes]
            probability = self.vad.probability(frame)
            self.stats.frames += 1
            for event in self.endpointer.push(frame, probability):
                self._handle(event, arrived, end_s)
            if n % _YIELD_EVERY == 0:
                await asyncio.sleep(0)

    async def flush(self) -> None:
        """End of input: an utterance in progress is finished and transcribed."""
        now = self.clock()
        end_s = self.endpointer.position_s
        self._rest = b""
        for event in self.endpointer.flush():
            self._handle(event, now, end_s)

    async def aclose(self, *, drain: bool = True) -> None:
        """Stop. With ``drain`` (the default) queued utterances are transcribed and
        published first; without it the transcription in progress is cancelled."""
        if self._closed:
            return
        self._closed = True
        worker, self._worker = self._worker, None
        if worker is not None:
            if drain:
                self._queue.put_nowait(None)
                await worker
            else:
                worker.cancel()
                await asyncio.gather(worker, return_exceptions=True)
        if self._callbacks:
            await asyncio.gather(*self._callbacks, return_exceptions=True)

    # -------------------------------------------------------------- events

    def _wall(self, stream_s: float, arrived: datetime, arrived_stream_s: float) -> datetime:
        return arrived - timedelta(seconds=max(0.0, arrived_stream_s - stream_s))

    def _handle(self, event: SpeechStarted | BargeIn | Utterance, arrived: datetime, end_s: float) -> None:
        if isinstance(event, SpeechStarted):
            self._started_at = self._wall(event.start_s, arrived, end_s)
        elif isinstance(event, BargeIn):
            self.stats.barge_ins += 1
            started = self._started_at or self._wall(event.start_s, arrived, end_s)
            self._signal(SpeechSignal(started_at=started, voiced_ms=event.voiced_ms))
        else:
            self.stats.utterances += 1
            started = self._started_at or self._wall(event.start_s, arrived, end_s)
            ended = self._wall(event.end_s, arrived, end_s)
            self._started_at = None
            if self._worker is None:
                self._worker = asyncio.create_task(self._transcribe_loop(), name="voice-stt")
            self._queue.put_nowait(_Pending(event, started, max(started, ended)))

    def _signal(self, signal: SpeechSignal) -> None:
        if self.on_speech_start is None:
            return
        try:
            result = self.on_speech_start(signal)
        except Exception:
            logger.exception("voice: on_speech_start failed")
            return
        if inspect.isawaitable(result):
            task = asyncio.ensure_future(result)
            self._callbacks.add(task)
            task.add_done_callback(self._callback_done)

    def _callback_done(self, task: asyncio.Task[Any]) -> None:
        self._callbacks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("voice: on_speech_start failed: %r", task.exception())

    async def _transcribe_loop(self) -> None:
        while True:
            pending = await self._queue.get()
            if pending is None:
                return
            try:
                await self._transcribe(pending)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("voice: publishing an utterance failed")

    async def _transcribe(self, pending: _Pending) -> None:
        utterance = pending.utterance
        started = time.perf_counter()
        try:
            transcript = await self.stt.transcribe(AudioChunk(utterance.pcm, utterance.sample_rate))
        except BackendError as exc:
            self.stats.stt_failures += 1
            logger.warning(
                "voice: transcription failed (%s); utterance of %.1fs dropped", exc, utterance.seconds
            )
            return
        self.stats.last_stt_ms = (time.perf_counter() - started) * 1000
        text = " ".join(transcript.text.split())
        if not text or transcript.confidence < self.min_confidence:
            self.stats.empty += 1
            logger.info("voice: %.1fs of speech gave no usable text", utterance.seconds)
            return
        event = StreamerUtterance(
            channel=self.channel,
            text=text[:2000],
            confidence=min(1.0, max(0.0, transcript.confidence)),
            started_at=pending.started_at,
            ended_at=pending.ended_at,
        )
        await self.publish(event)
        self.stats.published += 1
        latency = (self.clock() - pending.ended_at).total_seconds() * 1000
        self.stats.last_latency_ms = latency
        self.stats.latencies_ms.append(latency)
