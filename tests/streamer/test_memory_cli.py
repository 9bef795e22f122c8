"""``vtuber knowledge add|list|remove`` and ``vtuber memory show|forget`` on SQLite, with the
bundled sentence encoder."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from engines.ai.memory import Fact
from streamer.cli import cli
from streamer.store import make_engine, make_sessionmaker, upgrade
from streamer.store.memory import FORGET_ACTION, MemoryStore
from streamer.store.models import KnowledgeChunk, ModerationAction

LORE = """# Hiyori

## The Moon Tea Shop

Hiyori runs the Moon Tea Shop on the far side of the moon.

## Schedule

Tuesday and Friday at 8pm CET.
"""


def test_knowledge_add_list_remove_and_memory_show_forget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'v.db'}"
    env = {"DATABASE_URL": url, "VTUBER_CHANNEL": "demo", "COLUMNS": "200"}
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lore.md").write_text(LORE)
    (tmp_path / "empty.md").write_text("  \n")
    runner = CliRunner()

    added = runner.invoke(cli, ["knowledge", "add", "lore.md"], env=env)
    assert added.exit_code == 0, added.output
    assert "lore.md: document 1, 2 chunks" in added.output
    again = runner.invoke(
        cli, ["knowledge", "add", "lore.md", "--by", "mod1"], env=env
    )  # replaced, not doubled
    assert again.exit_code == 0 and "document 1, 2 chunks" in again.output
    listed = runner.invoke(cli, ["knowledge", "list"], env=env)
    assert listed.exit_code == 0 and "lore.md" in listed.output and "mod1" in listed.output
    bad = runner.invoke(cli, ["knowledge", "add", "empty.md"], env=env)
    assert bad.exit_code == 1 and "empty.md: empty" in bad.output
    missing = runner.invoke(cli, ["knowledge", "add", "nope.md"], env=env)
    assert missing.exit_code == 1 and "no such file" in missing.output

    async def chunks() -> list[bytes | None]:
        engine = make_engine(url)
        async with make_sessionmaker(engine)() as s:
            found = list(await s.scalars(select(KnowledgeChunk.embedding)))
        await engine.dispose()
        return found

    vectors = asyncio.run(chunks())
    assert len(vectors) == 2 and all(v is not None and len(v) == 512 * 4 for v in vectors)
    removed = runner.invoke(cli, ["knowledge", "remove", "1"], env=env)
    assert removed.exit_code == 0 and asyncio.run(chunks()) == []
    assert runner.invoke(cli, ["knowledge", "remove", "1"], env=env).exit_code == 1

    async def seed() -> None:
        await upgrade(url)
        engine = make_engine(url)
        store = MemoryStore(make_sessionmaker(engine), "demo")
        await store.add("hiyori", "101", "sam", [Fact("pet", "has a cat named Mochi", "e1")])
        await store.add("sora", "101", "sam", [Fact("game", "plays Celeste", "e2")])
        await engine.dispose()

    asyncio.run(seed())
    shown = runner.invoke(cli, ["memory", "show", "sam"], env=env)
    assert (
        shown.exit_code == 0 and "has a cat named Mochi" in shown.output and "plays Celeste" in shown.output
    )
    only = runner.invoke(cli, ["memory", "show", "sam", "--persona", "sora"], env=env)
    assert "Mochi" not in only.output and "plays Celeste" in only.output
    refused = runner.invoke(cli, ["memory", "forget", "sam"], env=env, input="n\n")
    assert refused.exit_code == 1
    forgot = runner.invoke(cli, ["memory", "forget", "sam", "--yes", "--by", "streamer"], env=env)
    assert forgot.exit_code == 0 and "2 memories deleted" in forgot.output
    assert "Memories of sam: 0" in runner.invoke(cli, ["memory", "show", "sam"], env=env).output

    async def audit() -> list[tuple[str, str]]:
        engine = make_engine(url)
        async with make_sessionmaker(engine)() as s:
            rows = [
                (a.actor, a.target or "")
                for a in await s.scalars(
                    select(ModerationAction).where(ModerationAction.action == FORGET_ACTION)
                )
            ]
        await engine.dispose()
        return rows

    assert asyncio.run(audit()) == [("streamer", "sam")]
