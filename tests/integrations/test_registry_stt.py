"""The app's Whisper (``build_stt``) on speech cut off mid-sentence: primed with spoken fillers,
it keeps the sentence open where a plain prompt makes it guess a finished one (real tiny.en,
espeak-ng speech, 100 ms of silence after it, as the early transcription hears it)."""

from __future__ import annotations

import pytest

from config.persona import load_persona
from config.settings import VoiceSettings
from engines.backends import AudioChunk
from engines.voice import pcm
from engines.voice.turn_end import sounds_finished
from integrations.faster_whisper.stt import FasterWhisperSTT
from integrations.registry import build_stt
from tests.support.speech import espeak


@pytest.fixture(scope="module")
def stt() -> FasterWhisperSTT:
    return build_stt(VoiceSettings(), load_persona("hiyori"))


def heard(stt: FasterWhisperSTT, text: str) -> str:
    said = espeak(text)
    audio = AudioChunk(said.pcm + pcm.silence(0.1, said.sample_rate), said.sample_rate)
    return stt._executor.submit(stt.transcribe_sync, audio).result().text


def test_the_prompt_names_the_character_and_writes_fillers(stt: FasterWhisperSTT) -> None:
    assert stt.initial_prompt is not None
    assert "Hiyori" in stt.initial_prompt and "um" in stt.initial_prompt.lower()


@pytest.mark.parametrize(
    "cut_off", ["I can't decide if", "Hiyori, which one of these", "Thanks for the raid and"]
)
def test_a_sentence_cut_off_mid_way_does_not_read_as_finished(stt: FasterWhisperSTT, cut_off: str) -> None:
    text = heard(stt, cut_off)
    assert text and not sounds_finished(text), text


def test_the_whole_question_reads_as_finished(stt: FasterWhisperSTT) -> None:
    text = heard(stt, "Hiyori, which one of these hats looks better on me?")
    assert sounds_finished(text), text
