"""How ``streamer.app`` wires the streamer's voice to the character: talk mode and names,
the echo gate on the bot's sink, stop or duck on barge-in, and a stop that is made sure of.
A stand-in brain records what the voice asked of it; the voice parts are the real ones."""

from __future__ import annotations

import asyncio
from typing import cast

import pytest

from config.persona import load_persona
from config.settings import load_settings
from engines.backends import AudioChunk, STTBackend, Transcript
from engines.voice import pcm
from engines.voice.ducking import DuckingSink
from engines.voice.sinks import NullSink
from streamer.app import build_voice
from streamer.barge_in import until_quiet
from streamer.brain import Brain
from streamer.bus import MemoryBus
from streamer.sources.voice import SpeechSignal


class StandInBrain:
    """Only what the voice uses: the persona, whether a turn runs, and interrupt."""

    def __init__(self, *, busy: bool = True, lost: int = 0) -> None:
        self.persona = load_persona("hiyori")
        self.busy = busy
        self.lost = lost  # this many interrupts do not take (Python 3.11's wait_for race)
        self.interrupts: list[str] = []
        self.current = "turn-1"

    @property
    def turn_id(self) -> str | None:
        return self.current if self.busy else None

    def interrupt(self, by: str, *, turn_id: str | None = None) -> bool:
        if not self.busy or (turn_id is not None and turn_id != self.current):
            return False
        self.interrupts.append(by)
        if self.lost:
            self.lost -= 1
        else:
            self.busy = False
        return True


class NoSTT(STTBackend):
    async def _transcribe_impl(self, audio: AudioChunk) -> Transcript:
        return Transcript(text="", confidence=0.0)


def signal() -> SpeechSignal:
    from engines.events import utcnow

    return SpeechSignal(started_at=utcnow(), voiced_ms=320.0)


def voice_for(brain: StandInBrain, sink: NullSink | DuckingSink | None = None, **voice: object):  # type: ignore[no-untyped-def]
    settings = load_settings(channel="chan", voice=voice)
    return build_voice(settings, MemoryBus(), cast(Brain, brain), sink, stt=NoSTT())


def test_talk_mode_and_the_characters_names_reach_the_voice() -> None:
    source = voice_for(StandInBrain(), talk_mode="name")
    assert source.talk_mode == "name"
    assert source.names == ("Hiyori", "hiyo", "hiyori-chan")
    assert source.echo is None  # no sink given: nothing to gate against
    assert source.early_stt_ms == 64.0
    assert source.turn_end_ms == 200.0 and source.turn_end_min_confidence == 0.72


def test_the_turn_end_settings_reach_the_voice() -> None:
    source = voice_for(StandInBrain(), early_stt_ms=100.0, turn_end_ms=300.0, turn_end_min_confidence=0.5)
    assert (source.early_stt_ms, source.turn_end_ms, source.turn_end_min_confidence) == (100.0, 300.0, 0.5)


async def test_the_echo_gate_hears_what_the_bot_plays_and_lip_sync_still_does() -> None:
    sink = NullSink(pace=None)
    frames: list[int] = []
    sink.on_frame = lambda piece, t: frames.append(len(piece))  # the stage's hook
    source = voice_for(StandInBrain(), sink)
    assert source.echo is not None
    await sink.open("t", 22050)
    await sink.write(AudioChunk(pcm.tone(300.0, 0.2, 22050), 22050))
    await sink.close()
    assert frames  # the stage still gets every slice
    import time

    assert source.echo.active(time.monotonic())
    assert voice_for(StandInBrain(), NullSink(), echo_gate="off").echo is None


async def test_stop_interrupts_and_makes_sure_the_turn_ended() -> None:
    brain = StandInBrain(lost=2)
    source = voice_for(brain)
    assert source.on_speech_start is not None
    source.on_speech_start(signal())
    assert brain.interrupts == ["barge-in"]
    await until_quiet(cast(Brain, brain), "turn-1", every_s=0.01)
    assert brain.interrupts == ["barge-in"] * 3 and not brain.busy


async def test_the_stop_is_made_sure_of_for_that_turn_only() -> None:
    """The answer to the streamer may start right after the barge-in (prepared on a
    preemptive utterance): the follow-up interrupts must not cut it."""
    brain = StandInBrain(lost=1)
    source = voice_for(brain)
    assert source.on_speech_start is not None
    source.on_speech_start(signal())
    brain.current, brain.busy = "turn-2", True  # the old turn ended; the answer began
    await until_quiet(cast(Brain, brain), "turn-1", every_s=0.01)
    assert brain.interrupts == ["barge-in"] and brain.busy


async def test_barge_in_off_leaves_the_bot_alone() -> None:
    brain = StandInBrain()
    source = voice_for(brain, barge_in=False)
    assert source.on_speech_start is not None
    source.on_speech_start(signal())
    assert brain.interrupts == [] and brain.busy


def test_duck_lowers_the_bot_while_the_streamer_talks_and_restores_it_after() -> None:
    brain = StandInBrain()
    sink = DuckingSink(NullSink())
    source = voice_for(brain, sink, barge_in_action="duck")
    assert source.on_speech_start is not None and source.on_speech_end is not None
    source.on_speech_start(signal())
    assert sink.ducked and brain.interrupts == []  # ducked, not stopped
    source.on_speech_end()
    assert not sink.ducked
    late = SpeechSignal(started_at=signal().started_at, voiced_ms=250.0, by_word=True)
    source.on_speech_start(late)  # after the utterance ended: nothing would un-duck it
    assert not sink.ducked
    brain.busy = False
    source.on_speech_start(signal())
    assert not sink.ducked  # nothing to duck when the bot is quiet


@pytest.mark.parametrize("mode", ["always", "push_to_talk"])
def test_push_to_talk_starts_with_the_key_up(mode: str) -> None:
    source = voice_for(StandInBrain(), talk_mode=mode)
    assert source.listening is (mode == "always")
    source.set_ptt(True)
    assert source.listening


def test_the_wav_input_is_the_configured_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from streamer.app import voice_input

    wav = tmp_path / "line.wav"
    pcm.write_wav(wav, AudioChunk(pcm.silence(0.1, 16000), 16000))
    settings = load_settings(voice={"wav": wav})
    chunks = asyncio.run(_collect(voice_input(settings)()))
    assert sum(c.seconds for c in chunks) == pytest.approx(0.1, abs=0.01)


async def _collect(source):  # type: ignore[no-untyped-def]
    return [c async for c in source]
