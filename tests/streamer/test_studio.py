"""The studio's dataset build over the store (SQLite and PostgreSQL), and the CLI around it."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from typer.testing import CliRunner

from config.settings import Settings
from engines import events as ev
from engines.ai.safety.pipeline import SafetyPipeline
from engines.training.dataset import Recipe
from streamer.cli import cli
from streamer.store import make_engine, make_sessionmaker, upgrade
from streamer.store.datasets import get_dataset, list_datasets, load_examples
from streamer.store.labels import LabelError, labels_of, set_labels
from streamer.store.writer import channel_ids, write_events
from streamer.studio import build_dataset, export_dataset

T0 = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)


def at(s: float) -> datetime:
    return T0 + timedelta(seconds=s)


def viewer(login: str) -> ev.Viewer:
    return ev.Viewer(id=str(abs(hash(login)) % 10**9), login=login, display_name=login.title())


def exchange(tid: str, start: float, who: str, asked: str, said: str) -> list[ev.EventBase]:
    return [
        ev.ChatMessage(id=f"{tid}-q", channel="demo", ts=at(start), user=viewer(who), text=asked),
        ev.ReplyStarted(
            id=f"{tid}-s",
            channel="demo",
            ts=at(start + 1),
            turn_id=tid,
            trigger_ids=(f"{tid}-q",),
            persona="hiyori",
        ),
        ev.ReplyFinished(id=f"{tid}-f", channel="demo", ts=at(start + 4), turn_id=tid, text=said),
    ]


def two_streams() -> list[ev.EventBase]:
    return [
        ev.StreamState(id="on1", channel="demo", ts=at(0), online=True),
        *exchange("a1", 10, "speedy_sam", "what game is this?", "It's a cozy farming game, speedy_sam!"),
        *exchange("a2", 40, "lola", "email me at lola@example.com", "I can't do that, Lola."),
        *exchange("a3", 70, "bob", "say something nice", "You are all wonderful!"),
        ev.StreamState(id="off1", channel="demo", ts=at(500), online=False),
        ev.StreamState(id="on2", channel="demo", ts=at(10_000), online=True),
        *exchange("b1", 10_010, "kim", "how are you?", "I'm great, thanks kim!"),
        *exchange("b2", 10_040, "kim", "tell me a joke", "Why did the slime cross the road?"),
        ev.StreamState(id="off2", channel="demo", ts=at(10_500), online=False),
    ]


@pytest.fixture
async def sessions(db_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = make_engine(db_url)
    sm = make_sessionmaker(engine)
    events = two_streams()
    async with sm() as s, s.begin():
        cache = await channel_ids(s, {"demo"}, {})
        await write_events(s, [(ev.stream_of(e), e) for e in events], cache)
    yield sm
    await engine.dispose()


async def test_labels_record_who_and_bulk_actions_merge_tags(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    assert await set_labels(sessions, ["a1", "a2"], by="mod_anna", verdict="good", tags=["funny"]) == 2
    await set_labels(sessions, ["a2"], by="mod_anna", add_tags=["Cozy", "funny"])
    await set_labels(
        sessions, ["a2"], by="streamer", verdict="bad", edited_text="Never share your email, Lola!"
    )
    got = await labels_of(sessions, ["a1", "a2"])
    assert [(lb.labelled_by, lb.verdict, lb.tags) for lb in got["a1"]] == [("mod_anna", "good", ("funny",))]
    assert {(lb.labelled_by, lb.verdict, lb.tags) for lb in got["a2"]} == {
        ("mod_anna", "good", ("funny", "cozy")),
        ("streamer", "bad", ()),
    }
    with pytest.raises(LabelError, match="no turn"):
        await set_labels(sessions, ["nope"], by="x", verdict="good")
    with pytest.raises(LabelError, match="tag"):
        await set_labels(sessions, ["a1"], by="x", tags=["<script>"])


async def test_a_build_selects_scrubs_splits_by_stream_and_stores_its_recipe(
    sessions: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    await set_labels(sessions, ["a1", "a3", "b1"], by="mod_anna", verdict="good")
    await set_labels(
        sessions, ["a2"], by="streamer", verdict="bad", edited_text="I won't, lola. Keep it private!"
    )
    await set_labels(
        sessions, ["b2"], by="streamer", verdict="bad", edited_text="Kim, you ARE the joke. Kidding!"
    )
    settings = Settings(channel="demo")
    recipe = Recipe(name="fun", verdicts=("good", "bad"), validation_fraction=0.5)
    info = await build_dataset(settings, recipe, by="streamer", sessions=sessions, safety=SafetyPipeline())

    assert (info.name, info.version, info.created_by, info.recipe) == ("fun", 1, "streamer", recipe)
    assert info.report["dropped"] == {"safety:pii": 1}  # a2's prompt holds an email address
    examples = await load_examples(sessions, info.id)
    by_turn = {e.turn_id: e for e in examples}
    assert set(by_turn) == {"a1", "a3", "b1", "b2"}
    splits = {e.stream: e.split for e in examples}
    assert len(splits) == 2 and set(splits.values()) == {"train", "validation"}
    assert by_turn["a1"].split == by_turn["a3"].split != by_turn["b1"].split  # one stream, one side
    a1 = by_turn["a1"].messages
    assert a1[0]["role"] == "system" and "Hiyori" in a1[0]["content"]
    assert "<viewer1>" in a1[1]["content"] and "speedy" not in a1[1]["content"].lower()
    assert a1[2]["content"] == "It's a cozy farming game, <viewer1>!"
    assert (
        by_turn["b2"].messages[2]["content"] == "<viewer1>, you ARE the joke. Kidding!"
    )  # the edit, scrubbed

    again = await build_dataset(settings, recipe, by="streamer", sessions=sessions, safety=SafetyPipeline())
    assert again.version == 2 and [d.version for d in await list_datasets(sessions)] == [2, 1]
    assert (await get_dataset(sessions, "fun", 1)) is not None

    done = await export_dataset(settings, "fun", 1, tmp_path, sessions=sessions)
    lines = [
        json.loads(x)
        for k in ("openai/train", "openai/validation")
        for x in done.files[k].read_text().splitlines()
    ]
    assert len(lines) == 4 and all(
        [m["role"] for m in x["messages"]] == ["system", "user", "assistant"] for x in lines
    )
    hf = [json.loads(x) for x in done.files["hf/train"].read_text().splitlines()]
    assert hf and {"messages", "turn_id", "stream", "synthetic"} <= set(hf[0])


async def test_what_safety_blocks_never_reaches_the_dataset(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await set_labels(sessions, ["a1", "b1"], by="mod", verdict="good")
    await set_labels(sessions, ["b2"], by="mod", verdict="bad", edited_text="Go kill yourself, kim")
    recipe = Recipe(name="s", verdicts=("good", "bad"))
    info = await build_dataset(
        Settings(channel="demo"), recipe, by="t", sessions=sessions, safety=SafetyPipeline()
    )
    assert {e.turn_id for e in await load_examples(sessions, info.id)} == {"a1", "b1"}
    assert info.report["dropped"] == {"label": 2, "safety:blocklist": 1}  # a2, a3 unlabelled; b2 blocked


def test_the_cli_builds_lists_and_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    url = f"sqlite+aiosqlite:///{tmp_path / 'v.db'}"

    async def seed() -> None:
        await upgrade(url)
        engine = make_engine(url)
        sm = make_sessionmaker(engine)
        async with sm() as s, s.begin():
            cache = await channel_ids(s, {"demo"}, {})
            await write_events(s, [(ev.stream_of(e), e) for e in two_streams()], cache)
        await set_labels(sm, ["a1", "a3", "b1"], by="mod", verdict="good")
        await engine.dispose()

    asyncio.run(seed())
    env = {
        "DATABASE_URL": url,
        "VTUBER_CHANNEL": "demo",
        "VTUBER_SAFETY__SEMANTIC": "false",
        "COLUMNS": "200",
    }
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    built = runner.invoke(cli, ["dataset", "build", "--name", "cli", "--by", "me"], env=env)
    assert built.exit_code == 0, built.output
    assert "dataset cli v1" in built.output and "from 5 turns" in built.output
    listed = runner.invoke(cli, ["dataset", "list"], env=env)
    assert listed.exit_code == 0 and "cli" in listed.output and "me" in listed.output
    out = tmp_path / "out"
    exported = runner.invoke(cli, ["dataset", "export", "cli", "--out", str(out)], env=env)
    assert exported.exit_code == 0, exported.output
    rows = (out / "openai" / "train.jsonl").read_text().splitlines() + (
        out / "openai" / "validation.jsonl"
    ).read_text().splitlines()
    assert len(rows) == 3
    missing = runner.invoke(cli, ["dataset", "export", "nope", "--out", str(out)], env=env)
    assert missing.exit_code == 1 and "no dataset nope" in missing.output
    bad = runner.invoke(cli, ["dataset", "build", "--validation", "1.5"], env=env)
    assert bad.exit_code == 2


async def test_paraphrases_by_the_llm_are_added_marked_synthetic(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    from engines.backends import Limits
    from integrations.openai.llm import OpenAILLM
    from tests.support.fake_openai import FakeBehavior, FakeOpenAI

    await set_labels(sessions, ["a1", "b1"], by="mod", verdict="good")
    fake = FakeOpenAI(FakeBehavior(reply=["which game are we playing?", "how are u doing"], ttft_s=0.0))
    await fake.start()
    llm = OpenAILLM(
        base_url=fake.base_url, model="fake", limits=Limits(first_output_s=5, stall_s=5, total_s=10)
    )
    try:
        info = await build_dataset(
            Settings(channel="demo"),
            Recipe(name="aug", paraphrases=1),
            by="t",
            sessions=sessions,
            safety=SafetyPipeline(),
            llm=llm,
        )
    finally:
        await llm.aclose()
        await fake.stop()
    examples = await load_examples(sessions, info.id)
    assert [(e.turn_id, e.synthetic) for e in examples] == [
        ("a1", False),
        ("a1", True),
        ("b1", False),
        ("b1", True),
    ]
    asked = [r.body["messages"][-1]["content"] for r in fake.chat_requests()]
    assert asked == ["what game is this?", "how are you?"]  # the viewers' own words, not the prompt
    reworded = [e.messages[1]["content"] for e in examples if e.synthetic]
    assert "which game are we playing?" in reworded[0] and "how are u doing" in reworded[1]
    assert info.report["synthetic"] == 2 and info.report["kept"] == 2
