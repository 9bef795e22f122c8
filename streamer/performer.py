"""The performer: turns a stream of vetted sentences into speech, pipelined.

Sentence n+1 is synthesised while sentence n plays (a bounded look-ahead of two). Each
sentence's ``on_sentence`` hook fires when its first audio starts, so captions, avatar
expressions and the "reply.sentence" event line up with what the audience hears.

When the TTS offers a turn session (:meth:`~engines.backends.TTSBackend.open_turn`, e.g.
ElevenLabs' websocket), the turn uses one connection: the session starts connecting when
the turn starts, each sentence is sent the moment it is vetted, and each sentence's audio
is read back in order. Otherwise each sentence is synthesised on its own.

A ``gate`` holds the turn's first audio (synthesis goes on) until it returns: a reply
prepared on a preemptive utterance waits there for the streamer's silence to end.

Interruption is task cancellation: the caller cancels the task running :meth:`perform`;
playback stops at once (the sink cuts within one slice), synthesis is cancelled, a turn
session's connection is closed, and ``result`` holds only what was actually heard.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

from engines.ai.reply_stage import Utterance
from engines.backends import AudioChunk, BackendError, TTSBackend, TTSTurn
from engines.voice.sinks import AudioSink
from streamer.stage import Stage

__all__ = ["LOOKAHEAD", "PerformResult", "Performer", "Utterance"]

log = logging.getLogger("streamer.performer")

LOOKAHEAD = 2
"""Sentences synthesised ahead of the one playing."""


@dataclass(slots=True)
class PerformResult:
    """What happened on air. Filled in as playback goes, so it is valid after a cancel."""

    spoken: list[Utterance] = field(default_factory=list)
    partial: str = ""
    """The words of an interrupted sentence that were heard."""
    first_audio_at: float | None = None
    """perf_counter() when the first audio of the turn started playing."""
    tts_failures: int = 0
    audio_s: float = 0.0

    @property
    def heard_text(self) -> str:
        return " ".join([*(u.text for u in self.spoken), self.partial]).strip()


SentenceHook = Callable[[str, Utterance], Awaitable[None]]
"""Called with the turn id and the sentence."""


@dataclass(slots=True)
class _Job:
    utterance: Utterance
    stream: AsyncGenerator[AudioChunk, None] | None = None
    """The sentence's audio from a turn session; None: ``chunks`` is filled by the synthesis task."""
    chunks: asyncio.Queue[AudioChunk | BaseException | None] = field(default_factory=asyncio.Queue)

    async def audio(self) -> AsyncGenerator[AudioChunk | BaseException, None]:
        """The chunks in order; a backend failure comes as the last item."""
        if self.stream is None:
            while (item := await self.chunks.get()) is not None:
                yield item
            return
        try:
            async for chunk in self.stream:
                yield chunk
        except BackendError as exc:
            yield exc


class Performer:
    """Speaks utterances through a TTS backend into an audio sink."""

    def __init__(
        self,
        tts: TTSBackend,
        sink: AudioSink,
        *,
        voice: str | None = None,
        on_sentence: SentenceHook | None = None,
        on_sentence_end: SentenceHook | None = None,
        stage: Stage | None = None,
        first_audio_hold: Callable[[], contextlib.AbstractContextManager[object]] | None = None,
    ) -> None:
        self.tts = tts
        self.sink = sink
        self.voice = voice
        self.on_sentence = on_sentence
        self.on_sentence_end = on_sentence_end
        self.stage = stage
        """Avatar and caption cues, fired with the audio."""
        self.first_audio_hold = first_audio_hold
        """Held while a turn's first sentence is synthesised, until its first chunk (the local
        model server's pause: the voice gets the CPU while the listener waits). None: off."""

    async def perform(
        self,
        turn_id: str,
        utterances: AsyncIterator[Utterance],
        result: PerformResult,
        *,
        gate: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        """Speak every utterance in order; returns when the last one finished playing.
        ``gate``: awaited before the first audio plays."""
        jobs: asyncio.Queue[_Job | None] = asyncio.Queue(maxsize=LOOKAHEAD)
        session = self.tts.open_turn(voice=self.voice)  # starts connecting while the LLM writes
        synth = asyncio.create_task(self._synthesise(utterances, jobs, session), name=f"tts-{turn_id}")
        finished = False
        try:
            while (job := await jobs.get()) is not None:
                await self._play(turn_id, job, result, gate)
            await synth  # re-raise an error from the utterance source (e.g. the LLM)
            finished = True
        finally:
            if not finished and self.sink.is_open:
                await self.sink.stop()  # cut now, before any clean-up: nothing buffered is played
            synth.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await synth
            if session is not None:
                await session.aclose()  # returns at once; after an interrupt the audio due is dropped
            if self.sink.is_open:  # opened by the first audio of the turn
                await self.sink.close()
                if self.stage is not None:
                    self.stage.turn_ended()

    async def _synthesise(
        self, utterances: AsyncIterator[Utterance], jobs: asyncio.Queue[_Job | None], session: TTSTurn | None
    ) -> None:
        try:
            first = True
            async for utterance in utterances:
                if session is not None:  # sent now; its audio is read when it is its turn to play
                    await jobs.put(_Job(utterance, stream=await session.say(utterance.text)))
                    continue
                job = _Job(utterance)
                await jobs.put(job)  # waits while LOOKAHEAD sentences are ahead: bounded work
                with contextlib.ExitStack() as hold:
                    if first and self.first_audio_hold is not None:
                        hold.enter_context(self.first_audio_hold())
                    first = False
                    try:
                        async for chunk in self.tts.synthesize(utterance.text, voice=self.voice):
                            hold.close()  # the first chunk is out: let go
                            job.chunks.put_nowait(chunk)
                        job.chunks.put_nowait(None)
                    except BackendError as exc:
                        job.chunks.put_nowait(exc)
            if session is not None:
                await session.end()  # no more text: the audio of the last sentences still comes
        finally:
            task = asyncio.current_task()
            if task is None or not task.cancelling():  # after a cancel nobody reads (the queue may be full)
                await jobs.put(None)

    async def _play(
        self, turn_id: str, job: _Job, result: PerformResult, gate: Callable[[], Awaitable[None]] | None
    ) -> None:
        u = job.utterance
        started = False
        played_s = 0.0
        total_s = 0.0
        audio = job.audio()
        try:
            async for item in audio:
                if isinstance(item, BaseException):
                    result.tts_failures += 1
                    log.warning("turn %s: sentence %d not spoken: %s", turn_id, u.index, item)
                    return
                if gate is not None and result.first_audio_at is None:  # ready: wait for the go-ahead
                    await gate()
                    gate = None
                if not self.sink.is_open:  # the turn's first audio opens it
                    await self.sink.open(turn_id, item.sample_rate)
                if not started:
                    started = True
                    if result.first_audio_at is None:
                        result.first_audio_at = time.perf_counter()
                    if self.stage is not None:
                        self.stage.sentence_started(u.text, u.emotion)
                    if self.on_sentence is not None:
                        await self.on_sentence(turn_id, u)
                total_s += item.seconds
                await self.sink.write(item)
                played_s += item.seconds
                result.audio_s += item.seconds
            result.spoken.append(u)
            if self.on_sentence_end is not None:
                await self.on_sentence_end(turn_id, u)
        except asyncio.CancelledError:
            if started:  # interrupted mid-sentence: keep the words that were heard
                words = u.text.split()
                fraction = played_s / total_s if total_s else 0.0
                result.partial = " ".join(words[: int(len(words) * fraction)])
            raise
        finally:
            await audio.aclose()
            if job.stream is not None:
                await job.stream.aclose()
