"""Training studio benchmark: the learning loop, label -> dataset -> LoRA training -> validation
-> stored model version, on the bundled SmolLM2-135M on this CPU.

    .venv/bin/python benchmarks/train.py                  # 330 turns: about 200 training examples, one epoch
    .venv/bin/python benchmarks/train.py --turns 60       # a quick run

A synthetic log (``--turns`` turns over 12 streams: viewers ask about games, food and the
stream; she answers in one recognisable style) goes into a fresh SQLite database; every turn
is labelled good; the dataset is built with the bot's full safety pipeline (its semantic layer
drops about a quarter of these cat-speak replies) and split by stream (a fifth of the streams
held out), which leaves about 200 training examples from 330 turns; LoRA trains one epoch; the candidate and the base
model answer the fixed prompt suite on llama.cpp; a deployable candidate is then served by a
running llama.cpp server (the restart with the adapter that a deploy does; ``deploy_s``). A
candidate that lowered the safety pass rate is not deployed, and ``loop_wall_s`` ends when its
model version is stored.

Figures: ``lora_examples_per_s`` (training steps only), ``loop_wall_s`` (label to stored
version, model loads included), ``val_loss_before``/``val_loss_after`` (mean loss per reply
token on the held-out streams), ``safety_pass_before``/``safety_pass_after`` (suite replies
whose every sentence passes the output safety check). Needs the ``train`` extra. The last
line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from config.settings import Settings  # noqa: E402
from engines import events as ev  # noqa: E402
from engines.training.dataset import Recipe  # noqa: E402
from integrations.llama_cpp.server import LlamaServer, LlamaServerConfig  # noqa: E402
from integrations.registry import adapter_switcher  # noqa: E402
from streamer.store import make_engine, make_sessionmaker, upgrade  # noqa: E402
from streamer.store.labels import set_labels  # noqa: E402
from streamer.store.writer import channel_ids, write_events  # noqa: E402
from streamer.studio import build_dataset  # noqa: E402
from streamer.training import LoraSettings, train_local  # noqa: E402

T0 = datetime(2026, 11, 1, 19, 0, tzinfo=UTC)
THINGS = [
    "pizza",
    "ramen",
    "tacos",
    "sushi",
    "curry",
    "pancakes",
    "dumplings",
    "waffles",
    "rainy days",
    "cats",
    "dogs",
    "space",
    "dragons",
    "horror games",
    "puzzle games",
    "racing games",
    "the ocean",
    "snow",
    "summer",
    "music",
    "drawing",
    "karaoke",
    "anime",
    "boss fights",
    "speedruns",
    "cozy games",
    "coffee",
    "tea",
    "bubble tea",
    "mornings",
]
ASKS = [
    "do you like {t}?",
    "what do you think about {t}?",
    "hiyori, {t} or nothing?",
    "tell me about {t}",
    "is {t} good?",
    "rate {t} out of ten",
]
SAYS = [
    "[happy] Nyan nyan, {t} is purrfect! Meow!",
    "[smug] Nyan~ {t}? Obviously the best, meow!",
    "[surprised] Nyan! I love {t} so much, meow meow!",
]
STREAMS = 12


def synthetic_log(turns: int) -> list[ev.EventBase]:
    rng = random.Random(0)
    out: list[ev.EventBase] = []
    per_stream = -(-turns // STREAMS)
    for s in range(STREAMS):
        start = T0 + timedelta(days=s)
        out.append(ev.StreamState(id=f"on{s}", channel="bench", ts=start, online=True))
        for k in range(per_stream):
            n = s * per_stream + k
            if n >= turns:
                break
            t, at = rng.choice(THINGS), start + timedelta(seconds=30 * (k + 1))
            who = ev.Viewer(id=str(1000 + n), login=f"viewer{n}", display_name=f"Viewer{n}")
            out += [
                ev.ChatMessage(
                    id=f"q{n}", channel="bench", ts=at, user=who, text=rng.choice(ASKS).format(t=t)
                ),
                ev.ReplyStarted(
                    id=f"s{n}",
                    channel="bench",
                    ts=at + timedelta(seconds=1),
                    turn_id=f"t{n}",
                    trigger_ids=(f"q{n}",),
                    persona="hiyori",
                ),
                ev.ReplyFinished(
                    id=f"f{n}",
                    channel="bench",
                    ts=at + timedelta(seconds=4),
                    turn_id=f"t{n}",
                    text=rng.choice(SAYS).format(t=t),
                ),
            ]
        out.append(ev.StreamState(id=f"off{s}", channel="bench", ts=start + timedelta(hours=3), online=False))
    return out


async def run(turns: int, threads: int | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        await upgrade(url)
        engine = make_engine(url)
        sessions = make_sessionmaker(engine)
        try:
            async with sessions() as s, s.begin():
                cache = await channel_ids(s, {"bench"}, {})
                await write_events(s, [(ev.stream_of(e), e) for e in synthetic_log(turns)], cache)
            settings = Settings(channel="bench", data_dir=Path(tmp) / "data")
            t0 = time.perf_counter()
            await set_labels(sessions, [f"t{n}" for n in range(turns)], by="bench", verdict="good")
            info = await build_dataset(
                settings, Recipe(name="bench", validation_fraction=0.2), by="bench", sessions=sessions
            )
            t_dataset = time.perf_counter() - t0
            done = await train_local(
                settings, "bench", lora=LoraSettings(threads=threads), by="bench", sessions=sessions
            )
            wall = time.perf_counter() - t0
            deploy_s = None
            if done.deployable and done.result.adapter is not None:  # serve it, as a deploy does
                server = LlamaServer(LlamaServerConfig(n_threads=1, verbose=False))
                await server.start()  # the bot's server is already running: not part of a deploy
                try:
                    switch = adapter_switcher(server)
                    assert switch is not None
                    t_deploy = time.perf_counter()
                    await switch(done.result.adapter)
                    deploy_s = time.perf_counter() - t_deploy
                finally:
                    await server.stop()
                wall += deploy_s
        finally:
            await engine.dispose()
    r = done.result
    assert done.current is not None and done.candidate is not None
    return {
        "turns": turns,
        "train_examples": info.train,
        "validation_examples": info.validation,
        "dataset_s": round(t_dataset, 1),
        "train_s": round(r.seconds, 1),
        "lora_examples_per_s": round(r.examples_per_s, 3),
        "loop_wall_s": round(wall, 1),
        "val_loss_before": round(r.val_loss_before or float("nan"), 4),
        "val_loss_after": round(r.val_loss_after or float("nan"), 4),
        "safety_pass_before": round(done.current.safety_pass_rate, 4),
        "safety_pass_after": round(done.candidate.safety_pass_rate, 4),
        "adherence_before": round(done.current.adherence_rate, 4),
        "adherence_after": round(done.candidate.adherence_rate, 4),
        "first_token_p50_ms_before": done.current.first_token_p50_ms,
        "first_token_p50_ms_after": done.candidate.first_token_p50_ms,
        "deployable": done.deployable,
        "deploy_s": None if deploy_s is None else round(deploy_s, 1),
        "threads": r.settings.get("threads"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--turns", type=int, default=330, help="turns in the log (a fifth of the streams validate)"
    )
    parser.add_argument(
        "--threads", type=int, default=None, help="torch threads (default: all cores but one)"
    )
    args = parser.parse_args()
    result = asyncio.run(run(args.turns, args.threads))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
