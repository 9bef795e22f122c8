"""The turn ends after a short silence when the early transcript reads as finished, and waits
out the whole end-of-speech silence when it does not (scripted detector, recording STT)."""

from __future__ import annotations

import pytest

from engines.backends import AudioChunk
from engines.events import EventBase, StreamerUtterance, UtteranceEnd
from streamer.sources.voice import VoiceSource
from streamer.sources.wav_input import WavInput
from tests.streamer.sources.test_voice_rules import RATE, RecordingSTT, loud, quiet
from tests.support.loudness_vad import LoudnessVAD

SPEECH_END_S = 1.3  # 0.3 s of quiet, then 1.0 s of speech


class Ends:
    """Records what was published and how far into the audio (stream seconds) it was."""

    def __init__(self) -> None:
        self.source: VoiceSource | None = None
        self.events: list[tuple[str, float]] = []

    async def publish(self, event: EventBase) -> None:
        assert self.source is not None
        at = self.source.endpointer.position_s
        if isinstance(event, StreamerUtterance):
            self.events.append(("final" if event.final else "preempt", at))
        elif isinstance(event, UtteranceEnd):
            self.events.append(("kept" if event.kept else "withdrawn", at))

    def turn_end_after_s(self) -> float:
        """Silence heard before the turn ended (a final utterance or a kept preemptive one)."""
        return next(at for kind, at in self.events if kind in ("final", "kept")) - SPEECH_END_S


async def ended(text: str, **kw: object) -> tuple[Ends, VoiceSource]:
    out = Ends()
    source = VoiceSource(
        channel="c", vad=LoudnessVAD(), stt=RecordingSTT([text, text]), publish=out.publish,
        early_stt_ms=150, **kw,  # type: ignore[arg-type]
    )  # fmt: skip
    out.source = source
    await source.run(WavInput(AudioChunk(quiet(0.3) + loud(1.0) + quiet(1.2), RATE), speed=4.0))
    return out, source


@pytest.mark.parametrize("preempt", [False, True])
async def test_a_finished_question_ends_the_turn_after_about_200_ms(preempt: bool) -> None:
    out, source = await ended("Hiyori, what game is this?", preempt=preempt)
    assert [k for k, _ in out.events] == (["preempt", "kept"] if preempt else ["final"])
    assert 0.2 <= out.turn_end_after_s() < 0.35
    assert source.stats.quick_ends == 1


@pytest.mark.parametrize(
    "text",
    ["So I was playing and", "So I was playing, so", "Hiyori, um", "It was fine but", "We lost because"],
)
async def test_a_trailing_and_so_um_but_because_waits_the_full_window(text: str) -> None:
    out, source = await ended(text + ".")
    assert out.turn_end_after_s() >= 0.5
    assert source.stats.quick_ends == 0


async def test_turn_end_ms_none_always_waits_the_full_window() -> None:
    out, source = await ended("What game is this?", turn_end_ms=None)
    assert out.turn_end_after_s() >= 0.5 and source.stats.quick_ends == 0


@pytest.mark.parametrize(("floor", "quick"), [(0.95, False), (0.85, True)])
async def test_an_unsure_transcript_waits_the_full_window(floor: float, quick: bool) -> None:
    """Whisper guesses an ending for speech cut off mid-sentence, with a low score: under
    ``turn_end_min_confidence`` (the recording STT answers 0.9) the turn is not ended early."""
    out, source = await ended("Hiyori, what do you think?", turn_end_min_confidence=floor)
    assert (out.turn_end_after_s() < 0.35) is quick
    assert source.stats.quick_ends == int(quick)
    assert source.stats.unsure_turn_ends == int(not quick)
