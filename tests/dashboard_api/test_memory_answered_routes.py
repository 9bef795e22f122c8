"""The answered count on the memory page's API (PostgreSQL): the writer's one history row per
viewer and persona is listed like any memory, a moderator's correction is counted on from, and
forgetting the viewer removes it."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import numpy as np
from fastapi.testclient import TestClient

from engines import events as ev
from streamer.bus import MemoryBus
from streamer.memory_writer import MemoryWriter, answered_id, answered_text
from streamer.store import make_engine, make_sessionmaker
from streamer.store.memory import MemoryStore
from tests.dashboard_api.conftest import MODERATOR
from tests.support.dashboard_env import Api

SAM = ev.Viewer(id="101", login="sam", display_name="Sam")
T0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
"""An hour ago: a moderator's correction (now) comes after the first answers, before the next."""


def embed(texts: Sequence[str]) -> np.ndarray:
    return np.ones((len(texts), 8), dtype=np.float32)


def answer(url: str, minute: int) -> None:
    """Sam says something at ``minute`` and the character answers it."""

    async def go() -> None:
        engine = make_engine(url)
        store = MemoryStore(make_sessionmaker(engine), "chan")
        writer = MemoryWriter(
            MemoryBus(),
            store,
            embed=embed,
            allowed=lambda texts: [True] * len(texts),
            persona=lambda: "hiyori",
        )
        at = T0 + timedelta(minutes=minute)
        said = ev.ChatMessage(channel="chan", user=SAM, text=f"hello {minute}", ts=at)
        turn = f"t{minute}"
        await writer.handle([
            said,
            ev.ReplyStarted(channel="chan", turn_id=turn, trigger_ids=(said.id,), persona="hiyori", ts=at),
            ev.ReplyFinished(channel="chan", turn_id=turn, text="Hi Sam!", ts=at + timedelta(seconds=1)),
        ])  # fmt: skip
        await engine.dispose()

    asyncio.run(go())


def test_the_answered_count_is_listed_corrected_and_forgotten(client: TestClient, pg_url: str) -> None:
    answer(pg_url, 0)
    answer(pg_url, 1)
    mod = Api(client, MODERATOR)
    sam = mod.get("/api/memory/viewers/sam").json()
    memory_id = answered_id("hiyori", "101")
    assert [(m["id"], m["kind"], m["text"], m["persona"]) for m in sam] == [
        (memory_id, "history", answered_text(2, T0), "hiyori")
    ]
    last = datetime.fromisoformat(sam[0]["updated_at"].replace("Z", "+00:00"))
    assert last == T0 + timedelta(minutes=1, seconds=1)  # the last answer's time
    fixed = mod.client.put(
        f"/api/memory/memories/{memory_id}", json={"text": "was answered 40 times on stream"},
        headers={"X-CSRF-Token": mod.csrf},
    )  # fmt: skip
    assert fixed.status_code == 200
    answer(pg_url, 120)  # an hour from now: after the correction
    sam = mod.get("/api/memory/viewers/sam").json()
    assert [m["text"] for m in sam] == [answered_text(41, T0 + timedelta(minutes=120))]
    assert sam[0]["edited_by"] is None  # written by the bot again
    forgot = mod.post("/api/memory/viewers/sam/forget")
    assert forgot.status_code == 200 and forgot.json() == {"viewer": "sam", "deleted": 1}
    assert mod.get("/api/memory/viewers/sam").json() == []
