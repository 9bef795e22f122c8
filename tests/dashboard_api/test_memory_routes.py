"""The memory page's API on PostgreSQL: moderators and the streamer see, edit and delete a
viewer's memories and forget a viewer (audited); only the streamer edits knowledge."""

from __future__ import annotations

import asyncio

from fastapi.testclient import TestClient
from sqlalchemy import select

from engines.ai.memory import Fact
from streamer.store import make_engine, make_sessionmaker
from streamer.store.memory import FORGET_ACTION, MemoryStore
from streamer.store.models import KnowledgeChunk, MemoryRow, ModerationAction
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.support.dashboard_env import Api


def seed(url: str) -> None:
    async def go() -> None:
        engine = make_engine(url)
        store = MemoryStore(make_sessionmaker(engine), "chan")
        await store.add(
            "hiyori",
            "101",
            "sam",
            [Fact("pet", "has a cat named Mochi", "e1"), Fact("game", "plays Celeste", "e1")],
        )
        await store.add("sora", "101", "sam", [Fact("from", "is from Lisbon", "e2")])
        await store.add("hiyori", "202", "kiri", [Fact("game", "plays Tetris", "e3")])
        await engine.dispose()

    asyncio.run(go())


def rows(url: str, query: object) -> list[object]:
    async def go() -> list[object]:
        engine = make_engine(url)
        async with make_sessionmaker(engine)() as s:
            found = list(await s.scalars(query))  # type: ignore[call-overload]
        await engine.dispose()
        return found

    return asyncio.run(go())


def test_a_moderator_lists_edits_deletes_and_forgets(client: TestClient, pg_url: str) -> None:
    seed(pg_url)
    mod = Api(client, MODERATOR)
    viewers = mod.get("/api/memory/viewers").json()
    assert {v["viewer_login"]: v["memories"] for v in viewers} == {"sam": 3, "kiri": 1}
    assert [v["viewer_login"] for v in mod.get("/api/memory/viewers?search=ki").json()] == ["kiri"]
    assert mod.get("/api/memory/viewers?search=%25").status_code == 422

    sam = mod.get("/api/memory/viewers/sam").json()
    assert sorted(m["text"] for m in sam) == ["has a cat named Mochi", "is from Lisbon", "plays Celeste"]
    assert {m["persona"] for m in sam} == {"hiyori", "sora"}

    edited = mod.client.put(
        "/api/memory/memories/e1:0", json={"text": "has a cat named Mochi (she got better)"},
        headers={"X-CSRF-Token": mod.csrf},
    )  # fmt: skip
    assert edited.status_code == 200 and edited.json()["edited_by"] == MODERATOR
    assert rows(pg_url, select(MemoryRow.embedding).where(MemoryRow.id == "e1:0")) == [
        None
    ]  # the bot re-embeds it
    bad = mod.client.put(
        "/api/memory/memories/e1:0", json={"text": "a\nb"}, headers={"X-CSRF-Token": mod.csrf}
    )
    assert bad.status_code == 422
    assert (
        mod.client.put("/api/memory/memories/e1:0", json={"text": "x"}).status_code == 403
    )  # no CSRF header
    assert mod.delete("/api/memory/memories/e1:1").status_code == 204
    assert mod.delete("/api/memory/memories/e1:1").status_code == 404

    forgot = mod.post("/api/memory/viewers/sam/forget")
    assert forgot.status_code == 200 and forgot.json() == {"viewer": "sam", "deleted": 2}
    assert rows(pg_url, select(MemoryRow.viewer_login)) == ["kiri"]
    audit = rows(pg_url, select(ModerationAction).where(ModerationAction.action == FORGET_ACTION))
    assert [(a.actor, a.target) for a in audit] == [(MODERATOR, "sam")]  # type: ignore[attr-defined]


def test_only_the_streamer_edits_knowledge(client: TestClient, pg_url: str) -> None:
    streamer = Api(client, STREAMER)
    saved = streamer.post(
        "/api/knowledge",
        {"name": "lore.md", "text": "# Lore\n\n## Shop\n\nThe Crater Cup.\n\n## Cat\n\nPebble."},
    )
    assert saved.status_code == 201, saved.text
    doc = saved.json()
    assert doc["chunks"] == 2 and doc["created_by"] == STREAMER
    assert rows(pg_url, select(KnowledgeChunk.embedding)) == [None, None]  # the bot embeds them

    mod = Api(client, MODERATOR)
    assert [d["name"] for d in mod.get("/api/knowledge").json()] == ["lore.md"]
    assert mod.get(f"/api/knowledge/{doc['id']}").json()["text"].startswith("# Lore")
    assert mod.post("/api/knowledge", {"name": "x.md", "text": "x"}).status_code == 403
    assert mod.delete(f"/api/knowledge/{doc['id']}").status_code == 403

    streamer = Api(client, STREAMER)
    again = streamer.post("/api/knowledge", {"name": "lore.md", "text": "# Lore\n\nOnly one chunk now."})
    assert again.json()["id"] == doc["id"] and again.json()["chunks"] == 1
    assert streamer.delete(f"/api/knowledge/{doc['id']}").status_code == 204
    assert streamer.get(f"/api/knowledge/{doc['id']}").status_code == 404
    assert rows(pg_url, select(KnowledgeChunk.id)) == []
