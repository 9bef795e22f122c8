"""VoiceSource rules on scripted timelines (a loudness detector and a recording STT, so the
timing is exact): early transcription used or wasted, word-based barge-in, fillers,
push-to-talk release."""

from __future__ import annotations

import asyncio

from engines.backends import AudioChunk, STTBackend, Transcript
from engines.events import EventBase, StreamerUtterance, UtteranceEnd
from engines.voice import pcm
from engines.voice.vad import EndpointConfig
from streamer.sources.voice import SpeechSignal, VoiceSource
from streamer.sources.wav_input import WavInput
from tests.support.loudness_vad import LoudnessVAD

RATE = 16000


class RecordingSTT(STTBackend):
    """Answers in turn from ``texts``; records how much audio each call got."""

    name = "recording-stt"

    def __init__(self, texts: list[str]) -> None:
        super().__init__(timeout_s=5.0)
        self.texts = texts
        self.seconds: list[float] = []
        self.sounding: list[float] = []
        """Seconds of non-silent samples in each call's audio."""

    async def _transcribe_impl(self, audio: AudioChunk) -> Transcript:
        self.seconds.append(round(audio.seconds, 3))
        self.sounding.append(round(int(pcm.to_int16(audio.pcm).astype(bool).sum()) / RATE, 3))
        await asyncio.sleep(0)
        return Transcript(text=self.texts.pop(0), confidence=0.9)


FRAME_S = 0.032
PRE_ROLL = 9 * FRAME_S  # 300 ms in whole frames
POST_PAD = 6 * FRAME_S  # 200 ms


def frames(seconds: float) -> float:
    """``seconds`` of speech as the detector's whole frames hold it."""
    import math

    return math.ceil(seconds / FRAME_S - 1e-9) * FRAME_S


def loud(seconds: float) -> bytes:
    return pcm.tone(200.0, seconds, RATE, amplitude=0.3)


def quiet(seconds: float) -> bytes:
    return pcm.silence(seconds, RATE)


async def run(source: VoiceSource, audio: bytes) -> None:
    await source.run(WavInput(AudioChunk(audio, RATE), speed=None))


class Out:
    def __init__(self) -> None:
        self.events: list[StreamerUtterance] = []
        self.signals: list[SpeechSignal] = []

    async def publish(self, event: EventBase) -> None:
        assert isinstance(event, StreamerUtterance)
        self.events.append(event)


async def test_an_early_transcript_is_used_when_nothing_more_is_said() -> None:
    out = Out()
    stt = RecordingSTT(["okay chat let's go"])
    source = VoiceSource(channel="c", vad=LoudnessVAD(), stt=stt, publish=out.publish, early_stt_ms=150)
    await run(source, quiet(0.3) + loud(1.0) + quiet(1.0))
    assert [e.text for e in out.events] == ["okay chat let's go"]
    # pre-roll, the speech, and the 160 ms of silence heard when it started (5 frames)
    assert stt.seconds == [round(PRE_ROLL + frames(1.0) + 5 * FRAME_S, 3)]
    assert (source.stats.early_started, source.stats.early_used, source.stats.early_wasted) == (1, 1, 0)


async def test_an_early_transcript_is_wasted_when_the_streamer_goes_on() -> None:
    out = Out()
    stt = RecordingSTT(["okay chat", "okay chat, let's go"])
    source = VoiceSource(channel="c", vad=LoudnessVAD(), stt=stt, publish=out.publish, early_stt_ms=150)
    await run(source, quiet(0.3) + loud(0.8) + quiet(0.3) + loud(0.8) + quiet(1.0))
    assert [e.text for e in out.events] == ["okay chat, let's go"]  # the whole utterance, once
    assert source.stats.early_wasted == 1 and source.stats.early_used == 1
    assert len(stt.seconds) == 2 and stt.seconds[1] > stt.seconds[0] + 1.0


async def test_without_early_transcription_the_whole_utterance_is_transcribed_once() -> None:
    out = Out()
    stt = RecordingSTT(["okay chat let's go"])
    source = VoiceSource(channel="c", vad=LoudnessVAD(), stt=stt, publish=out.publish)
    await run(source, quiet(0.3) + loud(1.0) + quiet(1.0))
    assert len(stt.seconds) == 1 and source.stats.early_started == 0
    assert stt.seconds == [round(PRE_ROLL + frames(1.0) + POST_PAD, 3)]


async def test_a_short_real_word_cuts_in_once_transcribed_but_a_filler_does_not() -> None:
    config = EndpointConfig(min_speech_ms=250, min_barge_in_ms=300)
    for text, expect_signal, expect_event in (
        ("wait!", True, True),
        ("Mm-hmm.", False, False),
        ("yeah", False, True),
    ):
        out = Out()
        source = VoiceSource(
            channel="c", vad=LoudnessVAD(), stt=RecordingSTT([text]), publish=out.publish, config=config,
            on_speech_start=out.signals.append,
        )  # fmt: skip
        await run(source, quiet(0.3) + loud(0.27) + quiet(1.0))
        assert [s.by_word for s in out.signals] == ([True] if expect_signal else []), text
        assert [e.text for e in out.events] == ([text] if expect_event else []), text


async def test_a_long_utterance_with_a_word_does_not_barge_in_twice() -> None:
    out = Out()
    source = VoiceSource(
        channel="c", vad=LoudnessVAD(), stt=RecordingSTT(["wait, stop"]), publish=out.publish,
        on_speech_start=out.signals.append,
    )  # fmt: skip
    await run(source, quiet(0.3) + loud(0.8) + quiet(1.0))
    assert [s.by_word for s in out.signals] == [False]


async def test_releasing_push_to_talk_ends_the_utterance_at_once() -> None:
    out = Out()
    stt = RecordingSTT(["can you see this"])
    source = VoiceSource(
        channel="c", vad=LoudnessVAD(), stt=stt, publish=out.publish, talk_mode="push_to_talk"
    )
    await source.feed(AudioChunk(loud(0.5), RATE))  # key up: not heard
    source.set_ptt(True)
    await source.feed(AudioChunk(loud(0.8), RATE))
    source.set_ptt(False)  # no silence at all: the release ends it
    await source.feed(AudioChunk(loud(0.5), RATE))  # key up again: not heard
    await source.flush()
    await source.aclose()
    assert [e.text for e in out.events] == ["can you see this"]
    assert source.stats.ptt_cut == 1
    said = round(int(pcm.to_int16(loud(0.8)).astype(bool).sum()) / RATE, 3)
    assert stt.sounding == [said]  # exactly what was said with the key down, nothing else


# ---------------------------------------------------------------- preemptive utterances


class Timeline:
    """Every event the source publishes, in order."""

    def __init__(self) -> None:
        self.events: list[EventBase] = []
        self.signals: list[SpeechSignal] = []

    async def publish(self, event: EventBase) -> None:
        self.events.append(event)

    def kinds(self) -> list[str]:
        out = []
        for e in self.events:
            if isinstance(e, StreamerUtterance):
                out.append(f"{'final' if e.final else 'preempt'}:{e.text}")
            elif isinstance(e, UtteranceEnd):
                out.append("kept" if e.kept else "withdrawn")
        return out


async def paced(source: VoiceSource, audio: bytes) -> None:
    """Four times real time: the early transcript is back before the silence ends, as live."""
    await source.run(WavInput(AudioChunk(audio, RATE), speed=4.0))


def preempting(out: Timeline, stt: STTBackend, **kw: object) -> VoiceSource:
    return VoiceSource(
        channel="c", vad=LoudnessVAD(), stt=stt, publish=out.publish, early_stt_ms=150, preempt=True,
        on_speech_start=out.signals.append, **kw,  # type: ignore[arg-type]
    )  # fmt: skip


async def test_a_preemptive_utterance_is_kept_when_the_silence_runs_out() -> None:
    out = Timeline()
    stt = RecordingSTT(["okay chat let's go"])
    source = preempting(out, stt)
    await paced(source, quiet(0.3) + loud(1.0) + quiet(1.0))
    assert out.kinds() == ["preempt:okay chat let's go", "kept"]
    first, end = out.events
    assert isinstance(first, StreamerUtterance) and isinstance(end, UtteranceEnd)
    assert end.utterance_id == first.id
    assert first.started_at is not None and first.ended_at is not None and first.ended_at > first.started_at
    assert len(stt.seconds) == 1  # transcribed once, early
    assert (source.stats.preempted, source.stats.withdrawn, source.stats.early_used) == (1, 0, 1)


async def test_a_preemptive_utterance_is_withdrawn_when_the_streamer_goes_on() -> None:
    out = Timeline()
    stt = RecordingSTT(["okay chat", "okay chat, let's go"])
    source = preempting(out, stt)
    await paced(source, quiet(0.3) + loud(0.8) + quiet(0.3) + loud(0.8) + quiet(1.0))
    # the whole utterance comes again (itself preempted, and kept)
    assert out.kinds() == ["preempt:okay chat", "withdrawn", "preempt:okay chat, let's go", "kept"]
    first, withdrawn, again, kept = out.events
    assert isinstance(withdrawn, UtteranceEnd) and withdrawn.utterance_id == first.id
    assert isinstance(kept, UtteranceEnd) and kept.utterance_id == again.id != first.id
    assert (source.stats.preempted, source.stats.withdrawn) == (2, 1)


async def test_fillers_and_push_to_talk_are_never_preempted() -> None:
    out = Timeline()
    source = preempting(out, RecordingSTT(["Mm-hmm."]))
    await paced(source, quiet(0.3) + loud(1.0) + quiet(1.0))
    assert out.kinds() == [] and source.stats.preempted == 0
    out = Timeline()
    source = preempting(out, RecordingSTT(["can you see this"]), talk_mode="push_to_talk")
    source.set_ptt(True)
    await paced(source, quiet(0.3) + loud(1.0) + quiet(1.0))
    assert out.kinds() == ["final:can you see this"]


async def test_a_short_word_cuts_the_bot_off_when_preempted_not_again_at_the_end() -> None:
    out = Timeline()
    config = EndpointConfig(min_speech_ms=250, min_barge_in_ms=300)
    source = preempting(out, RecordingSTT(["wait!"]), config=config)
    await paced(source, quiet(0.3) + loud(0.27) + quiet(1.0))
    assert out.kinds() == ["preempt:wait!", "kept"]
    assert [s.by_word for s in out.signals] == [True]  # once, before the answer is prepared
