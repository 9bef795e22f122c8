"""The streamer's voice in: audio frames → VAD endpointing → STT → ``streamer.utterance``.

:class:`VoiceSource` takes audio (a live microphone, or :class:`~streamer.sources.wav_input.WavInput`
standing in for one) as :class:`~engines.backends.AudioChunk` pieces of any size and rate,
cuts them into the detector's frames, scores each frame (cheap: well under a millisecond,
done on the event loop) and runs :class:`~engines.voice.vad.Endpointer`. A finished
utterance goes to a queue; one worker task transcribes utterances in order through the
injected :class:`~engines.backends.STTBackend` (faster-whisper runs in its own worker
thread, so the loop never blocks) and publishes :class:`~engines.events.StreamerUtterance`
with the text, the STT confidence and wall-clock ``started_at``/``ended_at``.

**Barge-in.** ``on_speech_start`` is called (sync or async) once per utterance when the
streamer has spoken for ``min_barge_in_ms`` (default 300 ms): the app wires it to interrupt
(or duck) the bot. A cough or an "mm" shorter than that never fires it. An utterance too
short for that still fires it once transcribed if it holds a real word ("wait!"), not
only fillers or backchannels ("mm", "yeah"). ``on_speech_end`` is called when the
utterance ends (the app un-ducks there).

**Early transcription.** With ``early_stt_ms``, once the streamer has been quiet that long
the speech so far is transcribed at once, while the end-of-speech silence is still being
waited out; if the utterance then ends without more speech, that transcript is published,
saving up to ``end_silence_ms - early_stt_ms`` (a pause followed by more speech wastes one
transcription, started only while the STT is idle).

**Turn end from the transcript.** With ``early_stt_ms`` and ``turn_end_ms`` (default 200 ms),
an early transcript that reads as a finished sentence or question
(:func:`~engines.voice.turn_end.sounds_finished`: "what game is this?", not "so I was
thinking about" nor one ending in "and", "so", "um", "but", "because") ends the utterance as
soon as the silence has lasted ``turn_end_ms``, instead of the whole ``end_silence_ms``. Any
other transcript waits out the full window, and so does one Whisper is unsure of
(``turn_end_min_confidence``: a sentence cut off mid-way comes back with a guessed, low-scoring
ending). ``turn_end_ms=None`` turns this off.

**Preemptive utterances.** With ``preempt`` as well, an early transcript that is ready while
the streamer is still quiet is published at once as a ``StreamerUtterance`` with
``final=False``: the brain starts the reply (model, safety, speech synthesis) during the
rest of the silence and holds its audio. When the silence runs out, ``streamer.utterance_end``
with ``kept=True`` releases it; if the streamer speaks again first, one with ``kept=False``
withdraws it at once (the reply is dropped unheard) and the whole utterance is published
when it ends. That takes the rest of the end-of-speech wait out of the answer's delay.

**Echo.** With an :class:`~engines.voice.echo.EchoGate`, every frame's speech probability
goes through it first, so the bot's own voice picked up by the microphone is neither a
barge-in nor an utterance (see that module).

**Talk modes.** ``always``: every utterance is for the character. ``name``: every utterance
is still transcribed and published (stored, shown on the dashboard), but only those that
say the character's name or an alias are ``addressed``; the selector drops the others
(reason ``not-addressed``). ``push_to_talk``: only audio while the key is down counts
(:meth:`VoiceSource.set_ptt`, driven by ``control.ptt`` events); releasing the key ends the
utterance at once, without waiting for the end-of-speech silence.

Wall-clock times: a chunk is taken to have *ended* when it arrived, so a sample ``n``
frames back maps to ``arrival - n / rate``. With a live microphone that is the true time;
a file fed faster than real time compresses it. A chunk with a ``captured_at`` attribute
(monotonic seconds at its end, as the microphone gives) is placed by that for echo gating.

The VAD, the STT and the echo gate are injected (built in ``streamer/app.py``), never
imported here.

Over 400 lines on purpose: endpointing, early transcription, preemption and barge-in
decide on the same utterance state, frame by frame.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import AsyncIterable, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from engines.backends import AudioChunk, BackendError, STTBackend, Transcript
from engines.events import ComponentStatus, EventBase, StreamerUtterance, UtteranceEnd, utcnow
from engines.voice.addressing import has_real_words, names_character, only_fillers, strip_noise_tags
from engines.voice.echo import EchoGate
from engines.voice.pcm import resample
from engines.voice.turn_end import sounds_finished
from engines.voice.vad import (
    BargeIn,
    EndpointConfig,
    Endpointer,
    SpeechStarted,
    Utterance,
    VoiceActivityDetector,
)

__all__ = ["SpeechSignal", "TalkMode", "VoiceSource", "VoiceStats", "listen"]

logger = logging.getLogger("streamer.sources.voice")

TalkMode = Literal["always", "name", "push_to_talk"]

_YIELD_EVERY = 32
"""Scoring this many frames in a row yields to the event loop once (a big chunk)."""


@dataclass(frozen=True, slots=True)
class SpeechSignal:
    """Passed to ``on_speech_start``: the streamer is talking (barge-in)."""

    started_at: datetime
    voiced_ms: float
    by_word: bool = False
    """Fired after transcription: the utterance was short but held a real word."""


@dataclass(slots=True)
class VoiceStats:
    frames: int = 0
    utterances: int = 0
    published: int = 0
    empty: int = 0
    """Utterances whose transcript was empty, only sounds ("mm", "(coughs)"), or below
    ``min_confidence``."""
    not_addressed: int = 0
    """Published with ``addressed=False`` (talk mode "name")."""
    stt_failures: int = 0
    barge_ins: int = 0
    word_barge_ins: int = 0
    ptt_cut: int = 0
    """Utterances ended by releasing the push-to-talk key."""
    early_started: int = 0
    early_used: int = 0
    """Utterances whose transcript was ready early (started during the end-of-speech wait)."""
    early_wasted: int = 0
    """Early transcriptions thrown away because the streamer went on talking."""
    preempted: int = 0
    """Preemptive utterances published (``final=False``)."""
    withdrawn: int = 0
    """Preemptive utterances withdrawn because the streamer went on talking."""
    quick_ends: int = 0
    """Utterances ended after ``turn_end_ms`` because the early transcript read as finished."""
    unsure_turn_ends: int = 0
    """Early transcripts too unsure (``turn_end_min_confidence``) to end the turn early."""
    last_stt_ms: float | None = None
    last_latency_ms: float | None = None
    """From the end of speech (wall clock) to the event being published."""
    latencies_ms: list[float] = field(default_factory=list)
    stt_ms: list[float] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Pending:
    utterance: Utterance
    started_at: datetime
    ended_at: datetime
    barged: bool
    early: asyncio.Task[Transcript] | None = None
    """The transcription started during the end-of-speech silence, if it heard the same speech."""
    preempted: StreamerUtterance | None = None
    """Already published as a preemptive utterance: only its ``utterance_end`` is left to send."""


@dataclass(slots=True)
class _Early:
    key: tuple[float, float]  # the utterance's (start_s, end_s) when it was started
    task: asyncio.Task[Transcript]
    started_at: datetime | None = None
    published: StreamerUtterance | None = None
    """The preemptive utterance made from it, once published."""
    word_barged: bool = False
    finished: bool | None = None
    """Whether its transcript reads as a finished turn (None until it is known)."""


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
        on_speech_end: Callable[[], Any] | None = None,
        min_confidence: float = 0.0,
        talk_mode: TalkMode = "always",
        names: Sequence[str] = (),
        echo: EchoGate | None = None,
        word_barge_in: bool = True,
        early_stt_ms: float = 0.0,
        preempt: bool = False,
        turn_end_ms: float | None = 200.0,
        turn_end_min_confidence: float = 0.0,
        clock: Callable[[], datetime] = utcnow,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if talk_mode not in ("always", "name", "push_to_talk"):
            raise ValueError("talk_mode must be 'always', 'name' or 'push_to_talk'")
        if talk_mode == "name" and not any(n.strip() for n in names):
            raise ValueError("talk mode 'name' needs the character's names")
        self.channel = channel
        self.vad = vad
        self.stt = stt
        self.publish = publish
        self.on_speech_start = on_speech_start
        self.on_speech_end = on_speech_end
        self.min_confidence = min_confidence
        self.talk_mode: TalkMode = talk_mode
        self.names = tuple(n for n in names if n.strip())
        self.echo = echo
        self.word_barge_in = word_barge_in
        self.early_stt_ms = early_stt_ms
        self.preempt = preempt
        self.turn_end_ms = turn_end_ms
        self.turn_end_min_confidence = turn_end_min_confidence
        self.clock = clock
        self.monotonic = monotonic
        vad.reset()  # a new stream: forget whatever the detector heard before
        self.endpointer = Endpointer(vad.sample_rate, vad.frame_samples, config)
        self.stats = VoiceStats()
        self.ptt_pressed = False
        self._frame_bytes = vad.frame_samples * 2
        self._silent_frame = bytes(self._frame_bytes)
        self._rest = b""
        self._queue: asyncio.Queue[_Pending | EventBase | None] = asyncio.Queue()
        """Utterances to transcribe and preemptive events to send, in order."""
        self._worker: asyncio.Task[None] | None = None
        self._callbacks: set[asyncio.Task[Any]] = set()
        self._started_at: datetime | None = None
        self._barged = False
        self._closed = False
        self._transcribing = False
        self._early: _Early | None = None

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

    @property
    def listening(self) -> bool:
        """Whether audio counts now (always, except with push-to-talk up)."""
        return self.talk_mode != "push_to_talk" or self.ptt_pressed

    def set_ptt(self, pressed: bool) -> None:
        """Push-to-talk key down or up. Up ends the utterance in progress at once."""
        if pressed == self.ptt_pressed:
            return
        self.ptt_pressed = pressed
        if self.talk_mode != "push_to_talk":
            return
        if pressed:
            self.vad.reset()  # what the detector heard before the key is not this speech
            return
        now = self.clock()
        end_s = self.endpointer.position_s
        events = self.endpointer.flush()
        if any(isinstance(e, Utterance) for e in events):
            self.stats.ptt_cut += 1
        for event in events:
            self._handle(event, now, end_s)

    async def feed(self, chunk: AudioChunk) -> None:
        """Process one chunk of audio (any rate; resampled to the detector's rate)."""
        if self._closed:
            raise RuntimeError("VoiceSource is closed")
        arrived = self.clock()
        captured = getattr(chunk, "captured_at", None)
        arrived_mono = float(captured) if captured is not None else self.monotonic()
        data = chunk.pcm
        if chunk.sample_rate != self.vad.sample_rate:
            data = resample(data, chunk.sample_rate, self.vad.sample_rate)
        buf = self._rest + data
        usable = len(buf) - len(buf) % self._frame_bytes
        self._rest = buf[usable:]
        rate = self.vad.sample_rate
        # stream time at the end of this chunk's whole frames, and its wall-clock time
        end_s = self.endpointer.position_s + usable / 2 / rate
        for n, offset in enumerate(range(0, usable, self._frame_bytes), start=1):
            frame = buf[offset : offset + self._frame_bytes]
            self.stats.frames += 1
            if self.listening:
                probability = self.vad.probability(frame)
                if self.echo is not None:
                    frame_end = arrived_mono - (len(buf) - offset - self._frame_bytes) / 2 / rate
                    probability = self.echo.filter(frame, probability, frame_end)
            else:  # push-to-talk up: nothing counts, not even as pre-roll
                frame, probability = self._silent_frame, 0.0
            for event in self.endpointer.push(frame, probability):
                self._handle(event, arrived, end_s)
            early = self._early
            if early is not None and early.published is not None and self.endpointer.span != early.key:
                self._withdraw(early)  # the streamer went on talking: drop the prepared reply now
            if self.early_stt_ms and self.endpointer.silence_ms >= self.early_stt_ms:
                self._start_early()
            if self._early is not None:
                self._end_if_finished(arrived, end_s)
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
        early, self._early = self._early, None
        if early is not None and not drain:
            early.task.cancel()
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
            self._barged = True
            started = self._started_at or self._wall(event.start_s, arrived, end_s)
            self._call(self.on_speech_start, SpeechSignal(started_at=started, voiced_ms=event.voiced_ms))
        else:
            self.stats.utterances += 1
            started = self._started_at or self._wall(event.start_s, arrived, end_s)
            ended = self._wall(event.end_s, arrived, end_s)
            barged, self._barged = self._barged, False
            self._started_at = None
            early, self._early = self._early, None
            if early is not None and early.key != (event.start_s, event.end_s):
                self._withdraw(early)
                early = None  # the speech went on after it started: transcribe it all
                self.stats.early_wasted += 1
            if self._worker is None:
                self._worker = asyncio.create_task(self._transcribe_loop(), name="voice-stt")
            if early is not None and early.word_barged:
                barged = True  # the preemptive transcript already cut the bot off
            self._queue.put_nowait(
                _Pending(
                    event, started, max(started, ended), barged,
                    None if early is None else early.task,
                    None if early is None else early.published,
                )
            )  # fmt: skip
            self._call(self.on_speech_end)

    def _start_early(self) -> None:
        """The streamer has been quiet for ``early_stt_ms``: transcribe what was said so far
        now, while the end-of-speech wait runs on. If the utterance then ends as it is, that
        transcript is used; if the streamer goes on, it is wasted. Only when the STT is idle,
        so a wasted one never delays an utterance already waiting."""
        key = self.endpointer.span
        if key is None or self._transcribing or not self._queue.empty():
            return
        if self._early is not None:
            if self._early.key == key:
                return
            self._withdraw(self._early)
            self.stats.early_wasted += 1
        peek = self.endpointer.peek()
        assert peek is not None
        task = asyncio.create_task(
            self.stt.transcribe(AudioChunk(peek.pcm, peek.sample_rate)), name="voice-stt-early"
        )
        task.add_done_callback(_quiet)
        early = _Early(key, task, started_at=self._started_at)
        self._early = early
        self.stats.early_started += 1
        if self.preempt and self.talk_mode != "push_to_talk":
            task.add_done_callback(lambda _t: self._preempt(early))
        task.add_done_callback(lambda _t: self._end_if_finished(self.clock(), self.endpointer.position_s))

    def _end_if_finished(self, arrived: datetime, end_s: float) -> None:
        """The early transcript reads as a finished turn and the streamer has been quiet for
        ``turn_end_ms``: end the utterance now, without waiting out ``end_silence_ms``."""
        early = self._early
        if (
            early is None
            or self.turn_end_ms is None
            or self._closed
            or self.talk_mode == "push_to_talk"
            or not early.task.done()
            or self.endpointer.span != early.key
            or self.endpointer.silence_ms < self.turn_end_ms
        ):
            return
        if early.finished is None:
            failed = early.task.cancelled() or early.task.exception() is not None
            early.finished = not failed and self._reads_finished(early.task.result())
        if not early.finished:
            return
        utterance = self.endpointer.end_now()
        if utterance is None:
            return
        self.stats.quick_ends += 1
        self._handle(utterance, arrived, end_s)

    def _reads_finished(self, transcript: Transcript) -> bool:
        """A finished sentence or question, heard with at least ``turn_end_min_confidence``
        (Whisper guesses an ending for speech cut off mid-sentence, and such guesses score low)."""
        if transcript.confidence < self.turn_end_min_confidence:
            self.stats.unsure_turn_ends += 1
            return False
        return sounds_finished(strip_noise_tags(transcript.text))

    def _preempt(self, early: _Early) -> None:
        """The early transcript is ready: if the streamer is still quiet, publish it now as a
        preemptive utterance (the reply is prepared during the rest of the silence)."""
        if self._closed or self._early is not early or self.endpointer.span != early.key:
            return  # the utterance already ended (the usual path has it) or went on
        if early.task.cancelled() or early.task.exception() is not None:
            return  # the usual path reports the failure
        transcript = early.task.result()
        text = self._usable(transcript)
        if text is None or not self._addressed(text):
            return  # nothing to answer (the usual path stores what was said): nothing to prepare
        now = self.clock()
        behind_s = max(0.0, self.endpointer.position_s - early.key[1])
        started = early.started_at or now - timedelta(seconds=early.key[1] - early.key[0])
        if not self._barged:
            early.word_barged = self._cut_in_by_word(text, started, (early.key[1] - early.key[0]) * 1000)
        ended = max(started, now - timedelta(seconds=behind_s))
        event = self._utterance(text, transcript, started, ended, final=False)
        early.published = event
        self.stats.preempted += 1
        self._send(event)
        logger.debug("voice: preemptive utterance after %.0f ms of silence", behind_s * 1000)

    def _usable(self, transcript: Transcript) -> str | None:
        """The transcript's text without noise tags; None if only sounds or too unsure."""
        text = strip_noise_tags(transcript.text)
        if only_fillers(text) or transcript.confidence < self.min_confidence:
            return None
        return text

    def _addressed(self, text: str) -> bool:
        return self.talk_mode != "name" or names_character(text, self.names)

    def _cut_in_by_word(self, text: str, started_at: datetime, voiced_ms: float) -> bool:
        """A real word ("wait!", not "mm"): cut the bot off now. Returns whether it did."""
        if not (self.word_barge_in and has_real_words(text)):
            return False
        self.stats.word_barge_ins += 1
        self._call(
            self.on_speech_start, SpeechSignal(started_at=started_at, voiced_ms=voiced_ms, by_word=True)
        )
        return True

    def _utterance(
        self, text: str, transcript: Transcript, started: datetime, ended: datetime, *, final: bool = True
    ) -> StreamerUtterance:
        return StreamerUtterance(
            channel=self.channel,
            text=text[:2000],
            confidence=min(1.0, max(0.0, transcript.confidence)),
            started_at=started,
            ended_at=ended,
            addressed=self._addressed(text),
            final=final,
        )

    def _withdraw(self, early: _Early) -> None:
        """The streamer went on talking after a preemptive utterance: withdraw it (once)."""
        event, early.published = early.published, None
        if event is None:
            return
        self.stats.withdrawn += 1
        logger.info("voice: the streamer went on talking; the prepared reply is dropped")
        self._send(UtteranceEnd(channel=self.channel, utterance_id=event.id, kept=False))

    def _send(self, event: EventBase) -> None:
        """Publish through the worker's queue, so preemptive events and utterances keep their order."""
        if self._worker is None:
            self._worker = asyncio.create_task(self._transcribe_loop(), name="voice-stt")
        self._queue.put_nowait(event)

    def _call(self, callback: Callable[..., Any] | None, *args: Any) -> None:
        """Run a hook (sync or async) without letting it break the audio path."""
        if callback is None:
            return
        try:
            result = callback(*args)
        except Exception:
            logger.exception("voice: a speech hook failed")
            return
        if inspect.isawaitable(result):
            task = asyncio.ensure_future(result)
            self._callbacks.add(task)
            task.add_done_callback(self._callback_done)

    def _callback_done(self, task: asyncio.Task[Any]) -> None:
        self._callbacks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("voice: a speech hook failed: %r", task.exception())

    async def _transcribe_loop(self) -> None:
        while True:
            pending = await self._queue.get()
            if pending is None:
                return
            self._transcribing = True
            try:
                if isinstance(pending, EventBase):
                    await self.publish(pending)
                else:
                    await self._transcribe(pending)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("voice: publishing an utterance failed")
            finally:
                self._transcribing = False

    async def _transcribe(self, pending: _Pending) -> None:
        utterance = pending.utterance
        if pending.preempted is not None:  # published already: the silence ran out, keep it
            self.stats.early_used += 1
            await self.publish(
                UtteranceEnd(channel=self.channel, utterance_id=pending.preempted.id, kept=True)
            )
            self.stats.published += 1
            latency = (self.clock() - pending.ended_at).total_seconds() * 1000
            self.stats.last_latency_ms = latency
            self.stats.latencies_ms.append(latency)
            return
        started = time.perf_counter()
        try:
            if pending.early is not None:
                self.stats.early_used += 1
                transcript = await pending.early
            else:
                transcript = await self.stt.transcribe(AudioChunk(utterance.pcm, utterance.sample_rate))
        except BackendError as exc:
            self.stats.stt_failures += 1
            logger.warning(
                "voice: transcription failed (%s); utterance of %.1fs dropped", exc, utterance.seconds
            )
            return
        self.stats.last_stt_ms = (time.perf_counter() - started) * 1000
        self.stats.stt_ms.append(self.stats.last_stt_ms)
        text = self._usable(transcript)
        if text is None:
            self.stats.empty += 1
            logger.info("voice: %.1fs of speech gave no usable text", utterance.seconds)
            return
        if not pending.barged:  # too short for a barge-in by length, but maybe a real word
            self._cut_in_by_word(text, pending.started_at, utterance.voiced_ms)
        event = self._utterance(text, transcript, pending.started_at, pending.ended_at)
        addressed = event.addressed
        await self.publish(event)
        self.stats.published += 1
        if not addressed:
            self.stats.not_addressed += 1
            logger.info("voice: not addressed to the character (talk mode name): %r", text[:80])
        latency = (self.clock() - pending.ended_at).total_seconds() * 1000
        self.stats.last_latency_ms = latency
        self.stats.latencies_ms.append(latency)


async def listen(
    source: VoiceSource,
    open_input: Callable[[], AsyncIterable[AudioChunk]],
    *,
    publish_status: Callable[[EventBase], Awaitable[Any]] | None = None,
    component: str = "mic",
    retry_s: Sequence[float] = (1.0, 2.0, 5.0, 10.0, 30.0),
) -> None:
    """Feed ``source`` from an input that may fail (a microphone): on a failure the show goes
    on, ``status.component`` says the input is down, and it is opened again with back-off.
    Returns (after flushing and draining) when the input ends of its own accord."""
    state: str | None = None
    failures = 0

    async def status(new: Literal["ok", "down"], detail: str = "") -> None:
        nonlocal state
        if new == state:
            return
        state = new
        if publish_status is None:
            return
        try:
            await publish_status(
                ComponentStatus(channel=source.channel, component=component, state=new, detail=detail[:500])
            )
        except Exception as exc:  # the bus is down too: the log has it
            logger.warning("voice: could not publish the %s status: %s", component, exc)

    try:
        while True:
            try:
                async for chunk in open_input():
                    if state != "ok":
                        failures = 0
                        logger.info("voice: %s is listening", component)
                        await status("ok")
                    await source.feed(chunk)
            except BackendError as exc:
                delay = retry_s[min(failures, len(retry_s) - 1)]
                failures += 1
                logger.warning("voice: %s unavailable (%s); trying again in %.0fs", component, exc, delay)
                await status("down", str(exc))
                await source.flush()  # what was heard before the failure is still transcribed
                await asyncio.sleep(delay)
                continue
            break
        await source.flush()
    except BaseException:
        await source.aclose(drain=False)
        raise
    await source.aclose()


def _quiet(task: asyncio.Task[Any]) -> None:
    """Retrieve an early transcription's failure so it is never reported as unhandled; the
    utterance that uses it reports it (a wasted one does not matter)."""
    if not task.cancelled():
        task.exception()
