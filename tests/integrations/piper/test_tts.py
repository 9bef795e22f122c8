"""PiperTTS on the bundled joe voice: real synthesis, streaming per sentence, clause splitting,
voices by name and path, cancellation, and the measured time to first audio / real-time factor."""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engines.backends import AudioChunk, BackendError
from engines.voice import pcm
from engines.voice.envelope import envelope
from integrations.piper.tts import PiperTTS, bundled_voice, resolve_voice, split_clauses


@pytest.fixture(scope="module")
def tts() -> Iterator[PiperTTS]:
    backend = PiperTTS()
    asyncio.run(backend.warm_up())  # loads the voice once for the whole module
    yield backend
    asyncio.run(backend.aclose())


async def synth(tts: PiperTTS, text: str, voice: str | None = None) -> list[AudioChunk]:
    return [chunk async for chunk in tts.synthesize(text, voice=voice)]


async def test_hello_chat_is_speech_at_the_voice_rate(tts: PiperTTS) -> None:
    chunks = await synth(tts, "Hello chat, welcome to the stream.")
    assert chunks
    assert tts.sample_rate == 22050
    assert all(c.sample_rate == tts.sample_rate for c in chunks)
    audio = pcm.concat(chunks)
    assert 1.2 <= audio.seconds <= 4.0  # 6 words spoken at a normal rate
    assert pcm.dbfs(audio.pcm) > -30  # clearly not silent
    assert max(abs(int(s)) for s in pcm.to_int16(audio.pcm)) > 10000
    assert tts.stats.last_first_output_ms is not None


async def test_streams_one_chunk_per_sentence(tts: PiperTTS, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Hi there. How is everyone doing today? I am doing great, thanks for asking."
    voice = tts._voices[tts.default_voice.model]
    synthesised = 0
    original = voice.synthesize

    def counting(*args: Any, **kwargs: Any) -> Iterator[Any]:
        nonlocal synthesised
        for sentence in original(*args, **kwargs):
            synthesised += 1
            yield sentence

    monkeypatch.setattr(voice, "synthesize", counting)
    chunks: list[AudioChunk] = []
    synthesised_when_handed_on: list[int] = []
    async for chunk in tts.synthesize(text):
        synthesised_when_handed_on.append(synthesised)
        chunks.append(chunk)
    assert len(chunks) == 3
    # each sentence is handed on as soon as it is ready, before the next one is started
    assert synthesised_when_handed_on == [1, 2, 3]
    assert chunks[0].seconds < chunks[2].seconds


async def test_clause_split_first_hands_on_the_first_clause_alone(tts: PiperTTS) -> None:
    """The first audio is only the first clause, so less is synthesised before it plays."""
    text = "Well, that was a really close one, but we managed to win the final round in the end."
    split = PiperTTS(clause_split="first")
    split._voices = dict(tts._voices)  # share the loaded voice
    whole = await synth(tts, text)
    first, *rest = await synth(split, text)
    assert len(whole) == 1 and len(rest) == 1
    assert 0.3 < first.seconds < whole[0].seconds * 0.7  # "Well, that was a really close one,"
    await split.aclose()


def test_split_clauses() -> None:
    text = "Well, that was close, but we won the final round in the end."
    assert split_clauses(text, "none") == [text]
    assert split_clauses(text, "first") == ["Well, that was close,", "but we won the final round in the end."]
    assert split_clauses(text, "all") == ["Well, that was close,", "but we won the final round in the end."]
    assert split_clauses("Hi, you.", "first") == ["Hi, you."]
    assert split_clauses("One two three -- four five six; seven eight nine.", "all") == [
        "One two three --",
        "four five six;",
        "seven eight nine.",
    ]


async def test_voices_by_alias_name_and_path(tts: PiperTTS, tmp_path: Path) -> None:
    joe = bundled_voice()
    assert resolve_voice("joe") == joe
    assert resolve_voice(None) == joe
    # a voices directory with a (linked) copy under another name
    (tmp_path / "streamer.onnx").symlink_to(joe.model)
    shutil.copy(joe.config, tmp_path / "streamer.onnx.json")
    backend = PiperTTS(voices_dir=tmp_path)
    backend._voices = dict(tts._voices)
    by_name = await synth(backend, "Testing one two.", voice="streamer")
    by_path = await synth(backend, "Testing one two.", voice=str(tmp_path / "streamer.onnx"))
    assert pcm.concat(by_name).seconds > 0.5
    assert pcm.concat(by_path).seconds > 0.5
    assert "streamer" in backend.loaded_voices()
    with pytest.raises(BackendError, match="not found") as info:
        await synth(backend, "Hi.", voice="nobody")
    assert not info.value.retryable
    with pytest.raises(BackendError, match="not found"):
        PiperTTS(tmp_path / "missing.onnx")
    (tmp_path / "noconfig.onnx").write_bytes(b"")
    with pytest.raises(BackendError, match="config not found"):
        resolve_voice(str(tmp_path / "noconfig.onnx"))
    await backend.aclose()


async def test_broken_model_is_a_backend_error(tmp_path: Path) -> None:
    joe = bundled_voice()
    (tmp_path / "bad.onnx").write_bytes(b"not a model")
    shutil.copy(joe.config, tmp_path / "bad.onnx.json")
    backend = PiperTTS(tmp_path / "bad.onnx")
    with pytest.raises(BackendError, match="cannot load voice bad"):
        await synth(backend, "Hello.")


async def test_own_session_options() -> None:
    backend = PiperTTS(threads=1)  # builds the onnxruntime session itself
    audio = pcm.concat([c async for c in backend.synthesize("One thread is enough.")])
    assert audio.seconds > 0.8
    await backend.aclose()


async def test_length_scale_slows_speech(tts: PiperTTS) -> None:
    # no duration noise: piper's default noise_w made the ratio wander 1.13-1.38 between runs
    normal = PiperTTS(noise_w_scale=0.0)
    slow = PiperTTS(length_scale=1.5, noise_w_scale=0.0)
    normal._voices = slow._voices = tts._voices
    text = "This sentence is spoken at two different speeds."
    normal_s = pcm.concat(await synth(normal, text)).seconds
    slow_s = pcm.concat(await synth(slow, text)).seconds
    assert slow_s > normal_s * 1.3
    with pytest.raises(ValueError, match="length_scale"):
        PiperTTS(length_scale=0.1)
    await slow.aclose()
    await normal.aclose()


async def test_cancel_mid_stream_then_synthesise_again(tts: PiperTTS) -> None:
    gen = tts.synthesize("First one here. Second one here. Third one.")
    first = await anext(gen)
    assert first.seconds > 0
    await gen.aclose()  # an interrupt: the rest is never synthesised for us
    again = await synth(tts, "Still working.")
    assert pcm.concat(again).seconds > 0.4


async def test_envelope_follows_real_speech(tts: PiperTTS) -> None:
    audio = pcm.concat(await synth(tts, "Hello chat, welcome to the stream."))
    padded = pcm.silence(0.3, audio.sample_rate) + audio.pcm + pcm.silence(0.5, audio.sample_rate)
    values = envelope(padded, audio.sample_rate)
    fps = 60
    assert max(values[: int(0.3 * fps)]) == 0.0  # closed before speech
    assert max(values[int(0.3 * fps) : -int(0.5 * fps)]) > 0.8  # opens during speech
    assert values[-1] == 0.0  # closed after


async def test_measure_time_to_first_audio_and_real_time_factor(tts: PiperTTS) -> None:
    text = "Thanks so much for the follow, I hope you enjoy the stream."  # 12 words
    ttfa: list[float] = []
    rtf: list[float] = []
    for _ in range(3):
        started = time.perf_counter()
        first: float | None = None
        audio_s = 0.0
        async for chunk in tts.synthesize(text):
            if first is None:
                first = time.perf_counter() - started
            audio_s += chunk.seconds
        total = time.perf_counter() - started
        assert first is not None
        ttfa.append(first)
        rtf.append(total / audio_s)
    ttfa.sort()
    rtf.sort()
    print(
        f"\npiper joe-medium, {len(text.split())} words: time to first audio median {ttfa[1] * 1000:.0f} ms "
        f"(min {ttfa[0] * 1000:.0f}), real-time factor median {rtf[1]:.3f}, audio {audio_s:.2f} s"
    )
    assert audio_s > 2.0
