"""How long a full garbage collection stops the bot, before and after the heap is settled.

    .venv/bin/python benchmarks/gc_pause.py

Loads what the show loads (the safety layers and their classifier, the openai SDK, the
piper voice, faster-whisper), then times ``gc.collect()`` three times, runs
``streamer.heap.settle()`` and times it three times again. A full collection holds the GIL:
the event loop and the audio thread stop for that long. The last line printed is JSON.
"""

from __future__ import annotations

import asyncio
import gc
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engines.ai.safety import SafetyPipeline
from integrations.faster_whisper.stt import FasterWhisperSTT
from integrations.openai.llm import OpenAILLM
from integrations.piper.tts import PiperTTS
from streamer import heap


def full_collection_ms(times: int = 3) -> float:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        gc.collect()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    SafetyPipeline().warm()
    asyncio.run(PiperTTS().load())
    asyncio.run(FasterWhisperSTT().warm_up())
    OpenAILLM(base_url="http://127.0.0.1:9/v1", model="none")
    before = full_collection_ms()
    objects = len(gc.get_objects())
    frozen = heap.settle()
    after = full_collection_ms()
    print(json.dumps({
        "tracked_objects": objects, "frozen_objects": frozen,
        "full_gc_ms_before": round(before, 2), "full_gc_ms_after": round(after, 3),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
