"""Moderator actions become control events signed with the account's name; the recorder's
audit trail (moderation_actions) shows who did what and when; bad input is a clear 422."""

from __future__ import annotations

import asyncio

from fastapi.testclient import TestClient

from config.settings import Settings
from engines import events as ev
from tests.dashboard_api.conftest import MODERATOR, STREAMER
from tests.support.dashboard_env import Api, bot_beats, read_control, record_all

ACTIONS = [
    ("skip", {}, ev.Skip, {"target_id": None}),
    ("skip", {"target_id": "msg-42"}, ev.Skip, {"target_id": "msg-42"}),
    ("interrupt", {"reason": "too long"}, ev.Interrupt, {"reason": "too long"}),
    ("kill", {"engaged": True, "reason": "raid"}, ev.KillSwitch, {"engaged": True}),
    ("hold", {"engaged": True}, ev.HoldMode, {"engaged": True}),
    ("review", {"turn_id": "turn-1", "approve": True, "text": "Edited reply."}, ev.Review,
     {"turn_id": "turn-1", "approve": True, "text": "Edited reply."}),
    ("review", {"turn_id": "turn-2", "approve": False}, ev.Review, {"approve": False, "text": None}),
    ("block", {"login": "@Troll_99", "user_id": "123"}, ev.BlockViewer, {"login": "troll_99", "blocked": True}),
    ("banned-word", {"word": "pineapple"}, ev.BannedWord, {"word": "pineapple", "add": True}),
    ("moderate", {"action": "timeout", "login": "troll_99", "duration_s": 600, "reason": "spam"}, ev.TwitchModeration,
     {"action": "timeout", "login": "troll_99", "duration_s": 600}),
    ("moderate", {"action": "ban", "user_id": "123"}, ev.TwitchModeration, {"action": "ban", "user_id": "123"}),
    ("moderate", {"action": "delete", "message_id": "abc-def"}, ev.TwitchModeration, {"action": "delete", "message_id": "abc-def"}),
    ("chat", {"text": " You matter. Call or text 988. ", "reply_to": "msg-42"}, ev.SendChat,
     {"text": "You matter. Call or text 988.", "reply_to": "msg-42"}),
    ("chat", {"text": "Hi chat"}, ev.SendChat, {"text": "Hi chat", "reply_to": None}),
]  # fmt: skip


def test_every_action_is_a_control_event_signed_by_the_moderator(
    client: TestClient, settings: Settings
) -> None:
    mod = Api(client, MODERATOR)
    bot_beats(mod)  # the bot is running, Twitch connected
    sent_ids = []
    for name, body, _cls, _fields in ACTIONS:
        res = mod.post(f"/api/actions/{name}", body)
        assert res.status_code == 202, (name, res.text)
        assert res.json()["queued"] is False and res.json()["waiting_for_bot"] is False
        sent_ids.append(res.json()["id"])
    events = asyncio.run(read_control(settings))
    assert [e.id for e in events] == sent_ids
    for event, (name, _body, cls, fields) in zip(events, ACTIONS, strict=True):
        assert isinstance(event, cls), name
        assert event.by == MODERATOR and event.channel == "chan"
        for key, value in fields.items():
            assert getattr(event, key) == value, (name, key)


def test_actions_are_audited_with_who_what_when_and_the_state_follows(
    client: TestClient, settings: Settings
) -> None:
    mod = Api(client, MODERATOR)
    assert mod.post("/api/actions/kill", {"engaged": True}).status_code == 202
    assert mod.post("/api/actions/block", {"login": "troll_99"}).status_code == 202
    assert mod.post("/api/actions/banned-word", {"word": "Pineapple"}).status_code == 202
    streamer = Api(client, STREAMER)
    assert streamer.post("/api/actions/hold", {"engaged": True}).status_code == 202
    assert streamer.post("/api/actions/kill", {"engaged": False}).status_code == 202
    asyncio.run(record_all(settings))
    audit = streamer.get("/api/audit").json()
    assert [(a["actor"], a["action"], a["target"]) for a in audit] == [
        (STREAMER, "control.kill", None),
        (STREAMER, "control.hold", None),
        (MODERATOR, "control.banned_word", "Pineapple"),
        (MODERATOR, "control.block", "troll_99"),
        (MODERATOR, "control.kill", None),
    ]
    assert all(a["ts"] for a in audit)
    state = streamer.get("/api/state").json()
    assert state["kill"]["on"] is False and state["kill"]["by"] == STREAMER
    assert state["hold"] == {"on": True, "by": STREAMER, "at": state["hold"]["at"]}
    assert state["blocked_viewers"] == ["troll_99"]
    assert state["banned_words"] == ["pineapple"]
    assert streamer.post("/api/actions/block", {"login": "troll_99", "blocked": False}).status_code == 202
    asyncio.run(record_all(settings))
    assert streamer.get("/api/state").json()["blocked_viewers"] == []


def test_bad_actions_are_refused_clearly_and_nothing_is_sent(client: TestClient, settings: Settings) -> None:
    mod = Api(client, MODERATOR)
    bad = [
        ("kill", {}),  # engaged is required
        ("review", {"turn_id": "t", "approve": True, "text": ""}),
        ("review", {"turn_id": "", "approve": True}),
        ("block", {"login": "not a login!"}),
        ("block", {"login": "ok", "user_id": "abc"}),
        ("banned-word", {"word": "   "}),
        ("banned-word", {"word": "nul\x00byte"}),
        ("moderate", {"action": "timeout", "login": "x"}),  # no duration
        ("moderate", {"action": "delete", "login": "x"}),  # no message id
        ("moderate", {"action": "ban"}),  # nobody
        ("moderate", {"action": "explode", "login": "x"}),
        ("moderate", {"action": "timeout", "login": "x", "duration_s": 99_999_999}),
        ("interrupt", {"reason": "x" * 201}),
        ("skip", {"target_id": "x", "extra": 1}),
        ("chat", {"text": "   "}),
        ("chat", {"text": "x" * 501}),
        ("chat", {"text": "bell\x07"}),
        ("chat", {"text": "ok", "reply_to": "not an id!"}),
        ("chat", {"reply_to": "msg-42"}),
    ]
    for name, body in bad:
        res = mod.post(f"/api/actions/{name}", body)
        assert res.status_code == 422, (name, body, res.status_code)
        assert res.json()["detail"], name
    assert (
        mod.client.post(
            "/api/actions/skip",
            content=b"{not json",
            headers={"X-CSRF-Token": mod.csrf, "Content-Type": "application/json"},
        ).status_code
        == 422
    )
    assert asyncio.run(read_control(settings)) == []


def test_a_moderator_action_shows_in_the_live_feed(client: TestClient) -> None:
    mod = Api(client, MODERATOR)
    bot_beats(mod)
    with client.websocket_connect("/api/feed") as ws:
        assert ws.receive_json()["t"] == "history"
        sent = mod.post("/api/actions/skip", {}).json()
        frame = ws.receive_json()
    item = frame["events"][0]
    assert item["s"] == "control" and item["e"]["id"] == sent["id"]
    assert item["e"]["type"] == "control.skip" and item["e"]["by"] == MODERATOR


def test_push_to_talk_is_the_streamers_own_button(client: TestClient, settings: Settings) -> None:
    streamer = Api(client, STREAMER)
    bot_beats(streamer)
    down = streamer.post("/api/actions/ptt", {"pressed": True})
    up = streamer.post("/api/actions/ptt", {"pressed": False})
    assert (down.status_code, up.status_code) == (202, 202), (down.text, up.text)
    assert streamer.post("/api/actions/ptt", {"pressed": "maybe"}).status_code == 422
    assert streamer.post("/api/actions/ptt", {}).status_code == 422
    # a moderator cannot open the streamer's microphone
    assert Api(client, MODERATOR).post("/api/actions/ptt", {"pressed": True}).status_code == 403
    events = [e for e in asyncio.run(read_control(settings)) if isinstance(e, ev.PushToTalk)]
    assert [(e.pressed, e.by) for e in events] == [(True, STREAMER), (False, STREAMER)]


def test_a_crisis_resource_sent_from_the_monitor_is_a_reply_audited_with_the_message(
    client: TestClient, settings: Settings
) -> None:
    resource = settings.safety.crisis_resource
    mod = Api(client, MODERATOR)
    bot_beats(mod)
    res = mod.post("/api/actions/chat", {"text": resource, "reply_to": "crisis-msg-1"})
    assert res.status_code == 202, res.text
    (event,) = asyncio.run(read_control(settings))
    assert isinstance(event, ev.SendChat)
    assert (event.by, event.text, event.reply_to) == (MODERATOR, resource, "crisis-msg-1")
    asyncio.run(record_all(settings))
    audit = mod.get("/api/audit").json()
    assert [(a["actor"], a["action"], a["target"]) for a in audit] == [
        (MODERATOR, "control.chat", "crisis-msg-1")
    ]
    assert audit[0]["details"] == {"text": resource, "reply_to": "crisis-msg-1"}


def test_a_twitch_action_while_twitch_is_down_is_refused_and_nothing_is_sent(
    client: TestClient, settings: Settings
) -> None:
    mod = Api(client, MODERATOR)
    bot_beats(mod, twitch="down")
    timeout = {"action": "timeout", "login": "troll_99", "duration_s": 600}
    res = mod.post("/api/actions/moderate", timeout)
    assert res.status_code == 409 and res.json()["detail"] == "not sent: twitch is down"
    assert mod.post("/api/actions/chat", {"text": "hi"}).status_code == 409
    assert mod.get("/api/status").json()["components"]["twitch"]["state"] == "down"
    assert asyncio.run(read_control(settings)) == []
    bot_beats(mod, twitch="ok")  # connected again
    assert mod.post("/api/actions/moderate", timeout).status_code == 202


def test_with_no_bot_running_live_actions_are_refused_and_modes_wait_for_it(
    client: TestClient, settings: Settings
) -> None:
    mod = Api(client, MODERATOR)
    client.app.state.dash.status.started -= 10  # type: ignore[attr-defined]  # past the start-up grace
    assert mod.get("/api/status").json()["bot"] == "down"
    for name, body in [("skip", {}), ("interrupt", {}), ("review", {"turn_id": "t", "approve": True}),
                       ("moderate", {"action": "ban", "login": "x"})]:  # fmt: skip
        res = mod.post(f"/api/actions/{name}", body)
        assert res.status_code == 409 and "the bot is not running" in res.json()["detail"], name
    kill = mod.post("/api/actions/kill", {"engaged": True})
    assert kill.status_code == 202 and kill.json()["waiting_for_bot"] is True
    assert [type(e) for e in asyncio.run(read_control(settings))] == [ev.KillSwitch]
