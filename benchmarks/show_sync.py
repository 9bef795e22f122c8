"""Show sync: lip-sync rate and jitter, and how soon captions and expressions follow the audio.

    .venv/bin/python benchmarks/show_sync.py [--turns 8]

A real OBS Studio (headless under Xvfb, started here) and the VTube Studio stand-in, driven
by the real performer and stage: a fixed-timing TTS speaks 3-sentence turns into a
real-time paced sink. For each sentence, from the moment its first audio starts:

- caption delay: until OBS has applied the caption text (SetInputSettings answered);
- expression delay: until VTube Studio has answered the expression hotkey.

Lip-sync: the mouth values the stand-in received while speaking: rate and p99 gap.
The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engines.voice.sinks import WavFileSink
from integrations.obs import ObsOverlay
from integrations.vtube_studio import MemoryTokenStore, VTSAvatar, VTSClient
from streamer.performer import Performer, PerformResult, Utterance
from streamer.stage import Stage
from tests.support.fake_vts import FakeVTS
from tests.support.fixed_tts import FixedTimingTTS
from tests.support.obs_runner import ObsRunner

SENTENCES = [
    ("Hello chat, welcome back to the stream!", "happy"),
    ("That boss fight was absolutely brutal.", "angry"),
    ("Let's try again together.", "neutral"),
]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(turns: int, obs: ObsRunner) -> dict[str, float]:
    async with FakeVTS(cooldown_s=0.0) as fake:
        client = VTSClient(fake.url, token_store=MemoryTokenStore())
        await client.start()
        await client.wait_ready(5)
        avatar = VTSAvatar(client, {"happy": "Smile", "angry": "Angry", "neutral": "Neutral"}, speaking_hz=60)
        await avatar.start()
        overlay = ObsOverlay(obs.host, obs.port, obs.password, scene=obs.scene)
        await overlay.setup()
        caption_done: list[float] = []
        expression_done: list[float] = []
        first_audio: list[float] = []
        real_caption, real_apply = overlay.caption, avatar.apply

        # each cue task starts right after its sentence's first audio (the stage spawns it
        # just before the performer's on_sentence hook records that moment)
        async def caption(text: str) -> bool:
            if not text:  # clearing at the end of a turn is not a sentence's caption
                return await real_caption(text)
            await asyncio.sleep(0)
            started = first_audio[-1]
            ok = await real_caption(text)
            caption_done.append(time.perf_counter() - started)
            return ok

        async def apply(emotion: str) -> bool:
            await asyncio.sleep(0)
            started = first_audio[-1]
            ok = await real_apply(emotion)
            expression_done.append(time.perf_counter() - started)
            return ok

        overlay.caption = caption  # type: ignore[method-assign]
        avatar.apply = apply  # type: ignore[method-assign]
        with tempfile.TemporaryDirectory() as tmp:
            sink = WavFileSink(Path(tmp), pace=1.0)
            stage = Stage(sink, avatar=avatar, overlay=overlay)
            performer = Performer(
                FixedTimingTTS(first_audio_s=0.05, seconds_per_char=0.04), sink, stage=stage
            )

            async def on_sentence(_turn: str, _u: Utterance) -> None:
                first_audio.append(time.perf_counter())

            performer.on_sentence = on_sentence
            speaking: list[tuple[float, float]] = []
            for i in range(turns):

                async def lines() -> object:
                    for n, (text, emotion) in enumerate(SENTENCES):
                        yield Utterance(n, text, emotion)

                t0 = time.monotonic()
                await performer.perform(f"turn-{i}", lines(), PerformResult())  # type: ignore[arg-type]
                speaking.append((t0 + 0.1, time.monotonic() - 0.05))
                await stage.drain()
                await asyncio.sleep(0.3)
        mouth = [inj.t for inj in fake.injected() if any(a <= inj.t <= b for a, b in speaking)]
        await avatar.close()
        await client.close()
        await overlay.close()
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(mouth) if b - a < 0.5]
    spoken_s = sum(b - a for a, b in speaking)
    caption_ms = [d * 1000 for d in caption_done]
    expression_ms = [d * 1000 for d in expression_done]
    return {
        "lipsync_hz": len(mouth) / spoken_s,
        "lipsync_gap_p99_ms": pct(gaps, 0.99),
        "caption_delay_p50_ms": statistics.median(caption_ms),
        "caption_delay_p99_ms": pct(caption_ms, 0.99),
        "expression_delay_p50_ms": statistics.median(expression_ms),
        "expression_delay_p99_ms": pct(expression_ms, 0.99),
        "sentences": float(len(first_audio)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--turns", type=int, default=8)
    args = ap.parse_args()
    if (why := ObsRunner.available()) is not None:
        sys.exit(f"needs OBS Studio and Xvfb: {why} (bash scripts/install_obs.sh)")
    with ObsRunner() as obs:
        report = asyncio.run(run(args.turns, obs))
    print(json.dumps({k: round(v, 2) for k, v in report.items()}))


if __name__ == "__main__":
    main()
