"""Regenerate the WAVs in this folder with the bundled piper voice (16 kHz mono int16).

.venv/bin/python -m tests.data.voice.generate

``cut_short.wav`` is not generated here: it is one rehearsal's recorded reply (piper varies
from run to run), kept because Whisper's short window cut it off after the first sentence.
Nor is ``cut_follow.wav``: piper's "Thank you so much for the follow, welcome to the
stream." in a take where the short window stopped after "follow." (about 1 take in 20).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from engines.backends import AudioChunk
from engines.voice import pcm
from integrations.piper.tts import PiperTTS

HERE = Path(__file__).parent
RATE = 16000

BOSS = "Hiyori, what do you think about this boss?"
FIRST = "Okay chat, let's go."
SECOND = "That was a close one."


async def _speak(tts: PiperTTS, text: str) -> bytes:
    chunk = pcm.concat([c async for c in tts.synthesize(text)])
    return pcm.resample(chunk.pcm, chunk.sample_rate, RATE)


async def main() -> None:
    tts = PiperTTS()
    try:
        boss = await _speak(tts, BOSS)
        first = await _speak(tts, FIRST)
        second = await _speak(tts, SECOND)
    finally:
        await tts.aclose()
    sil = pcm.silence
    pcm.write_wav(HERE / "boss.wav", AudioChunk(sil(0.5, RATE) + boss + sil(1.0, RATE), RATE))
    two = sil(0.5, RATE) + first + sil(1.0, RATE) + second + sil(1.0, RATE)
    pcm.write_wav(HERE / "two_phrases.wav", AudioChunk(two, RATE))


if __name__ == "__main__":
    asyncio.run(main())
