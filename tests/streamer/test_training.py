"""The whole learning loop on the bundled model on the CPU: labelled turns -> dataset ->
LoRA training (cancelled and resumed) -> GGUF adapter -> llama.cpp validation -> model version.
Needs the optional `train` extra (CI installs it: scripts/install_train.sh)."""

from __future__ import annotations

import importlib.util
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from config.settings import Settings
from engines import events as ev
from engines.ai.safety.pipeline import SafetyPipeline
from engines.training.dataset import Recipe
from streamer.store import make_engine, make_sessionmaker
from streamer.store.labels import set_labels
from streamer.store.studio_models import ModelVersion
from streamer.store.writer import channel_ids, write_events
from streamer.studio import build_dataset
from streamer.training import LoraSettings, Progress, run_dir, train_local

MISSING = [m for m in ("torch", "transformers", "peft", "gguf") if importlib.util.find_spec(m) is None]
pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason=f"the optional train extra is not installed ({', '.join(MISSING)}): uv sync --extra train",
)
T0 = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)
FOODS = [
    "pizza",
    "ramen",
    "tacos",
    "sushi",
    "curry",
    "pancakes",
    "dumplings",
    "waffles",
    "noodles",
    "soup",
    "cake",
    "pie",
    "rice",
    "bread",
    "salad",
    "cookies",
]


def log() -> list[ev.EventBase]:
    """Two streams of a viewer asking about food; she always answers in one fixed style."""
    out: list[ev.EventBase] = []
    for n, food in enumerate(FOODS):
        base = n * 60 + (10_000 if n >= 10 else 0)
        who = ev.Viewer(id=str(n + 1), login=f"viewer{n}", display_name=f"Viewer{n}")
        out += [
            ev.ChatMessage(
                id=f"q{n}",
                channel="demo",
                ts=T0 + timedelta(seconds=base),
                user=who,
                text=f"do you like {food}?",
            ),
            ev.ReplyStarted(
                id=f"s{n}",
                channel="demo",
                ts=T0 + timedelta(seconds=base + 1),
                turn_id=f"t{n}",
                trigger_ids=(f"q{n}",),
                persona="hiyori",
            ),
            ev.ReplyFinished(
                id=f"f{n}",
                channel="demo",
                ts=T0 + timedelta(seconds=base + 3),
                turn_id=f"t{n}",
                text=f"[happy] Nyan nyan, {food} is purrfect! Meow!",
            ),
        ]
    out += [
        ev.StreamState(id="on1", channel="demo", ts=T0 - timedelta(seconds=5), online=True),
        ev.StreamState(id="off1", channel="demo", ts=T0 + timedelta(seconds=700), online=False),
        ev.StreamState(id="on2", channel="demo", ts=T0 + timedelta(seconds=10_000), online=True),
    ]
    return out


async def test_label_build_train_cancel_resume_validate_store(tmp_path: Path) -> None:
    from streamer.store import upgrade

    url = f"sqlite+aiosqlite:///{tmp_path / 'v.db'}"
    await upgrade(url)
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    try:
        async with sessions() as s, s.begin():
            cache = await channel_ids(s, {"demo"}, {})
            await write_events(s, [(ev.stream_of(e), e) for e in log()], cache)
        await set_labels(sessions, [f"t{n}" for n in range(len(FOODS))], by="mod", verdict="good")
        settings = Settings(channel="demo", data_dir=tmp_path / "data")
        safety = SafetyPipeline()
        info = await build_dataset(
            settings, Recipe(name="nya", validation_fraction=0.5), by="t", sessions=sessions, safety=safety
        )
        assert (info.train, info.validation) == (10, 6)  # split by stream: 10 turns in one, 6 in the other

        # 6e-3: three steps at 3e-3 moved 1 of 12 validation replies to her style once chat
        # prompts lost their task line ("Reply to chat."); 3 or more did before
        lora = LoraSettings(batch_size=4, learning_rate=6e-3, rank=8, alpha=16, threads=1, checkpoint_every=1)
        cancel = threading.Event()
        seen: list[Progress] = []

        def stop_after_first(p: Progress) -> None:
            seen.append(p)
            cancel.set()

        first = await train_local(
            settings,
            "nya",
            lora=lora,
            on_progress=stop_after_first,
            cancel=cancel,
            sessions=sessions,
            safety=safety,
        )
        assert first.result.cancelled and first.model_version is None and first.result.steps == 1
        assert (run_dir(settings, "nya", 1) / "checkpoint.pt").exists()
        assert seen[0].step == 1 and seen[0].total == 3 and seen[0].loss > 0

        done = await train_local(
            settings, "nya", lora=lora, on_progress=seen.append, sessions=sessions, safety=safety
        )
        r = done.result
        assert not r.cancelled and r.resumed_from == 1 and r.steps == 3
        assert [p.step for p in seen[1:]] == [2, 3]
        assert r.adapter is not None and r.adapter.stat().st_size > 100_000
        assert not (run_dir(settings, "nya", 1) / "checkpoint.pt").exists()
        assert r.val_loss_before is not None and r.val_loss_after is not None
        assert r.val_loss_after < r.val_loss_before * 0.7  # it learned her style on the held-out stream

        assert done.current is not None and done.candidate is not None
        assert (
            done.candidate.replies != done.current.replies
        )  # llama.cpp serves the adapter, and it changes her
        assert sum("nyan" in x.lower() or "meow" in x.lower() for x in done.candidate.replies) >= 3
        assert sum("nyan" in x.lower() for x in done.current.replies) == 0
        assert (
            done.candidate.first_token_p50_ms is not None and 0 < done.candidate.first_token_p50_ms < 10_000
        )
        assert done.deployable == (done.candidate.safety_pass_rate >= done.current.safety_pass_rate)

        async with sessions() as s:
            row = (await s.scalars(select(ModelVersion))).one()
        assert row.id == done.model_version and row.backend == "local" and row.adapter_path == str(r.adapter)
        assert row.dataset_id == info.id and row.report["candidate"]["val_loss"] == r.val_loss_after
        assert len(row.report["candidate"]["replies"]) == len(row.report["current"]["replies"]) == 12
        merged = run_dir(settings, "nya", 1) / "merged.gguf"  # validated and served instead of base+adapter
        assert row.report["merged_model"] == str(merged) and merged.stat().st_size > 90_000_000
        assert row.report["merge"]["types"] == {"Q4_1": "Q8_0"} and "merge_error" not in row.report
    finally:
        await engine.dispose()
