"""A full spoken turn drives the avatar (through the VTube Studio stand-in) in step with the
audio: an expression hotkey when each sentence starts, mouth values while it plays, and
back to neutral at the end or on an interrupt."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from engines.voice.sinks import WavFileSink
from integrations.vtube_studio import MemoryTokenStore, VTSAvatar, VTSClient
from streamer.performer import Performer, PerformResult, Utterance
from streamer.stage import Stage
from tests.support.fake_vts import FakeVTS
from tests.support.fixed_tts import FixedTimingTTS

EMOTIONS = {"happy": "Smile", "angry": "Angry", "neutral": "Neutral"}


class RecordingOverlay:
    def __init__(self, started: list[str] | None = None) -> None:
        self.captions: list[tuple[int, str]] = []
        """(how many sentences' audio had started, the caption) per call."""
        self.started = started if started is not None else []

    async def caption(self, text: str) -> bool:
        self.captions.append((len(self.started), text))
        return True

    async def clear_caption(self) -> bool:
        self.captions.append((len(self.started), ""))
        return True


@pytest.fixture
async def vts() -> AsyncIterator[tuple[FakeVTS, VTSAvatar]]:
    async with FakeVTS(cooldown_s=0.05) as fake:
        client = VTSClient(
            fake.url, token_store=MemoryTokenStore(), backoff_initial_s=0.05, backoff_max_s=0.2
        )
        async with client:
            await client.wait_ready(2)
            avatar = VTSAvatar(client, EMOTIONS, speaking_hz=60)
            async with avatar:
                yield fake, avatar


async def utterances(*items: tuple[str, str]) -> AsyncIterator[Utterance]:
    for i, (text, emotion) in enumerate(items):
        yield Utterance(i, text, emotion)


async def test_a_spoken_turn_moves_the_avatar_in_step_with_the_audio(
    vts: tuple[FakeVTS, VTSAvatar], tmp_path: Path
) -> None:
    fake, avatar = vts
    sink = WavFileSink(tmp_path, pace=1.0)
    starts: list[str] = []
    overlay = RecordingOverlay(starts)
    stage = Stage(sink, avatar=avatar, overlay=overlay)

    async def on_sentence(_turn: str, u: Utterance) -> None:
        starts.append(u.emotion)

    performer = Performer(FixedTimingTTS(first_audio_s=0.02, seconds_per_char=0.03), sink, stage=stage)
    performer.on_sentence = on_sentence
    t0 = time.monotonic()
    await performer.perform(
        "turn-1",
        utterances(("Hello there, lovely chat!", "happy"), ("That boss is so annoying.", "angry")),
        PerformResult(),
    )
    t_end = time.monotonic()
    await stage.drain()

    # one expression per sentence (the smile toggled off before angry), then back to neutral
    assert fake.triggered == ["hk-smile", "hk-smile", "hk-angry", "hk-neutral"]
    assert not any(fake.expressions.values())
    assert starts == ["happy", "angry"]
    # the mouth moved while the audio played, and closes again afterwards (its rate is
    # tested in tests/integrations/vtube_studio/test_avatar.py)
    speaking = [i for i in fake.injected() if t0 <= i.t <= t_end]
    assert speaking and max(i.value for i in speaking) > 0.3
    await fake.wait_for(lambda: fake.injected()[-1].value == 0.0)
    # captions: each sentence shown once its audio started (and before the next one's), cleared at the end
    assert overlay.captions == [
        (1, "Hello there, lovely chat!"),
        (2, "That boss is so annoying."),
        (2, ""),
    ]


async def test_an_interrupt_resets_the_avatar_and_clears_the_caption(
    vts: tuple[FakeVTS, VTSAvatar], tmp_path: Path
) -> None:
    fake, avatar = vts
    sink = WavFileSink(tmp_path, pace=1.0)
    overlay = RecordingOverlay()
    performer = Performer(
        FixedTimingTTS(first_audio_s=0.01, seconds_per_char=0.05),
        sink,
        stage=Stage(sink, avatar=avatar, overlay=overlay),
    )
    task = asyncio.create_task(
        performer.perform(
            "turn-2",
            utterances(("A very long sentence that takes a while to say.", "happy")),
            PerformResult(),
        )
    )
    await fake.wait_for(lambda: fake.triggered == ["hk-smile"])  # the sentence is playing
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await performer.stage.drain()  # type: ignore[union-attr]
    assert fake.triggered == ["hk-smile", "hk-neutral"]
    assert overlay.captions[-1][1] == ""
    assert not avatar.speaking
