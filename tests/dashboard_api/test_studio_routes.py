"""The studio's API: browse turns with what is around them, label (moderators too, in bulk,
each label naming its author), filter, engagement per version, datasets and model versions."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from config.settings import Settings
from engines import events as ev
from engines.ai.safety.pipeline import SafetyPipeline
from engines.training.dataset import Recipe
from streamer.bus import make_bus
from streamer.studio import build_dataset
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.support.dashboard_env import Api, record_all

T0 = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
ANN = ev.Viewer(id="1", login="ann", display_name="Ann")


def at(s: float) -> datetime:
    return T0 + timedelta(seconds=s)


def recorded_log() -> list[ev.EventBase]:
    out: list[ev.EventBase] = [
        ev.StreamState(id="on", channel="chan", ts=at(0), online=True),
        ev.PersonaApplied(id="p2", channel="chan", ts=at(1), persona="hiyori", version=2),
    ]
    for n, (asked, said) in enumerate(
        [
            ("what game is this?", "A cozy one!"),
            ("tell me a joke", "Knock knock."),
            ("hi hiyori", "Hi Ann! Welcome back."),
        ]
    ):
        base = 100 * (n + 1)
        out += [
            ev.ChatMessage(id=f"q{n}", channel="chan", ts=at(base), user=ANN, text=asked),
            ev.ReplyStarted(
                id=f"s{n}",
                channel="chan",
                ts=at(base + 1),
                turn_id=f"t{n}",
                trigger_ids=(f"q{n}",),
                persona="hiyori",
            ),
            *[
                ev.ReplySentence(
                    id=f"r{n}-{i}",
                    channel="chan",
                    ts=at(base + 2 + i),
                    turn_id=f"t{n}",
                    index=i,
                    text=part,
                    emotion="happy",
                )
                for i, part in enumerate(said.split("! "))
            ],
            ev.ReplyFinished(id=f"f{n}", channel="chan", ts=at(base + 5), turn_id=f"t{n}", text=said),
        ]
    out += [
        ev.ChatMessage(id="lol", channel="chan", ts=at(310), user=ANN, text="hiyori you're the best LUL"),
        ev.Follow(
            id="fol", channel="chan", ts=at(312), user=ev.Viewer(id="9", login="newbie", display_name="N")
        ),
        ev.ReplyBlocked(
            id="blk", channel="chan", ts=at(207), turn_id="t1", layer="blocklist", reason="word", text="x"
        ),
    ]
    return out


@pytest.fixture
def recorded(settings: Settings) -> None:
    async def go() -> None:
        bus = make_bus(settings)
        await bus.publish_many(recorded_log())
        await bus.close()
        await record_all(settings)

    asyncio.run(go())


def test_turns_come_with_their_trigger_sentences_safety_and_engagement(
    client: TestClient, recorded: None
) -> None:
    mod = Api(client, MODERATOR)
    versions = mod.get("/api/studio/engagement").json()
    assert [(v["persona"], v["persona_version"], v["turns"]) for v in versions] == [("hiyori", 2, 3)]
    assert versions[0]["follows"] == 1 and versions[0]["replies"] == 1

    turns = mod.get("/api/studio/turns").json()
    assert [t["id"] for t in turns] == ["t2", "t1", "t0"]
    t2 = turns[0]
    assert t2["triggers"] == [{"type": "chat.message", "viewer": "ann", "text": "hi hiyori"}]
    assert [(s["index"], s["text"], s["emotion"]) for s in t2["sentences"]] == [
        (0, "Hi Ann", "happy"),
        (1, "Welcome back.", "happy"),
    ]
    assert t2["engagement"]["chat_after"] == 1 and t2["engagement"]["follows"] == 1
    assert t2["engagement"]["persona_version"] == 2
    assert turns[1]["safety"] == [{"stage": "output", "layer": "blocklist", "reason": "word", "text": "x"}]
    assert mod.get("/api/studio/turns", params={"min_score": 1}).json()[0]["id"] == "t2"


def test_moderators_label_in_bulk_and_filters_find_the_labels(client: TestClient, recorded: None) -> None:
    mod = Api(client, MODERATOR)
    assert mod.post(
        "/api/studio/labels", {"turn_ids": ["t0", "t2"], "verdict": "good", "tags": ["Cozy"]}
    ).json() == {"labelled": 2}
    fix = {"turn_ids": ["t1"], "verdict": "bad", "edited_text": "Why did the slime cross the road?"}
    assert Api(client, STREAMER).post("/api/studio/labels", fix).status_code == 200
    mod = Api(client, MODERATOR)  # one session per client: sign the moderator in again
    got = {t["id"]: t["labels"] for t in mod.get("/api/studio/turns").json()}
    assert [(lb["labelled_by"], lb["verdict"], lb["tags"]) for lb in got["t0"]] == [
        (MODERATOR, "good", ["cozy"])
    ]
    assert got["t1"][0]["labelled_by"] == STREAMER and got["t1"][0]["edited_text"].startswith("Why did")

    assert [t["id"] for t in mod.get("/api/studio/turns", params={"label": "good"}).json()] == ["t2", "t0"]
    assert [t["id"] for t in mod.get("/api/studio/turns", params={"label": "bad"}).json()] == ["t1"]
    assert [t["id"] for t in mod.get("/api/studio/turns", params={"tag": "cozy", "limit": 1}).json()] == [
        "t2"
    ]
    assert mod.get("/api/studio/turns", params={"label": "unlabelled"}).json() == []

    assert mod.post("/api/studio/labels", {"turn_ids": ["nope"], "verdict": "good"}).status_code == 404
    assert mod.post("/api/studio/labels", {"turn_ids": ["t0"], "tags": ["<b>"]}).status_code == 422
    assert mod.post("/api/studio/labels", {"turn_ids": [], "verdict": "good"}).status_code == 422
    assert client.post("/api/studio/labels", json={"turn_ids": ["t0"], "verdict": "good"}).status_code in (
        401,
        403,
    )


def test_datasets_and_models_are_listed(client: TestClient, recorded: None, settings: Settings) -> None:
    sam = Api(client, STREAMER)
    assert sam.get("/api/studio/datasets").json() == [] and sam.get("/api/studio/models").json() == []
    sam.post("/api/studio/labels", {"turn_ids": ["t0", "t2"], "verdict": "good"})
    app = client.app
    sessions = app.state.dash.sessions  # type: ignore[attr-defined]
    sam.run(
        build_dataset(settings, Recipe(name="fun"), by=STREAMER, sessions=sessions, safety=SafetyPipeline())
    )
    (one,) = sam.get("/api/studio/datasets").json()
    assert (one["name"], one["version"], one["train"], one["created_by"]) == ("fun", 1, 2, STREAMER)
    assert one["recipe"]["verdicts"] == ["good"]
