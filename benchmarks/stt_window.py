"""Whisper's short window against its 30 s window: word error rate and time per line.

    .venv/bin/python benchmarks/stt_window.py [--window 10]

20 streamer lines (1-8 s), each spoken by piper and by espeak-ng, transcribed by the bundled
tiny.en (greedy, primed with the character's name as the app does) twice: with the encoder
on the short window (``short_window_s``) and on the full 30 s (``short_window_s=0``). Word
error rate is the word-level edit distance over all lines divided by the reference words;
the character's name is left out of the score (tiny.en spells "Hiyori" many ways, and the
talk mode "name" matches it loosely). ``short_fallbacks`` counts lines the short window
handed to the full path (a repetition loop, or ``short_cut_off``: a decode that ended too
early for the speech heard). The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engines.backends import AudioChunk
from engines.voice import pcm
from integrations.faster_whisper.stt import FasterWhisperSTT
from integrations.piper.tts import PiperTTS
from tests.support.speech import espeak, word_errors

LINES = [
    "Hiyori, what do you think about this boss fight?",
    "Can you tell everyone what game we are playing today?",
    "Hiyori, should I use the sword or the bow?",
    "Thanks for the raid, everyone, welcome in.",
    "Let me check the settings menu first.",
    "Okay chat, I think we need more wood before the winter comes.",
    "Hiyori, tell me a joke about cats.",
    "What is your favourite food?",
    "Wait, stop for a second.",
    "I can't believe we missed that jump again.",
    "Give chat a tip for the second phase of this fight.",
    "Do you think we can beat this level today?",
    "Hiyori, say hello to the new followers.",
    "We should build a small house next to the river and plant some carrots.",
    "Good morning everybody.",
    "How many potions do we have left?",
    "That was a really close call, my hands are shaking.",
    "Hiyori, read the last message from chat please.",
    "Let's go!",
    "I will try the left path this time, the right one had too many traps and I almost died twice.",
]
NAMES = {"hiyori"}


def words(text: str) -> list[str]:
    return [w for w in re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split() if w not in NAMES]


async def speech() -> list[tuple[str, AudioChunk]]:
    piper = PiperTTS()
    out = []
    for line in LINES:
        out.append((line, pcm.concat([c async for c in piper.synthesize(line)])))
        out.append((line, espeak(line)))
    await piper.aclose()
    return out


def score(stt: FasterWhisperSTT, audio: list[tuple[str, AudioChunk]]) -> tuple[float, float]:
    errors = total = 0
    times = []
    for line, chunk in audio:
        started = time.perf_counter()
        got = stt._executor.submit(stt.transcribe_sync, chunk).result()
        times.append((time.perf_counter() - started) * 1000)
        ref = words(line)
        errors += word_errors(ref, words(got.text))
        total += len(ref)
    return errors / total, statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--window", type=int, default=10)
    ap.add_argument("--beam", type=int, default=1, help="beam width for the short window")
    args = ap.parse_args()
    audio = asyncio.run(speech())
    report: dict[str, float] = {"lines": len(audio), "seconds_max": max(a.seconds for _, a in audio)}
    for name, window in (("full", 0), ("short", args.window)):
        beam = args.beam if window else 1
        stt = FasterWhisperSTT(
            short_window_s=window, beam_size=beam, initial_prompt="Chat with Hiyori, hiyo."
        )
        stt._executor.submit(stt._warm).result()
        wer, ms = score(stt, audio)
        report[f"wer_{name}"] = round(wer, 3)
        report[f"ms_per_line_{name}"] = round(ms, 1)
        if window:
            report["short_decodes"] = stt.short_decodes
            report["short_fallbacks"] = len(audio) - stt.short_decodes
            report["short_cut_off"] = stt.short_cut_off
            report["tail_checks"] = stt.tail_checks
    print(json.dumps(report))


if __name__ == "__main__":
    main()
