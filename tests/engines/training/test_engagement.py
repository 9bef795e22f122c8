"""Engagement scoring on plain rows: window, baseline, signals, penalties, versions, streams."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from config.studio import EngagementSettings
from engines.training.engagement import LogEvent, Scorer, TurnRow, stream_of, streams

T0 = datetime(2026, 12, 1, 20, 0, tzinfo=UTC)


def at(s: float) -> datetime:
    return T0 + timedelta(seconds=s)


def chat(s: float, text: str = "hi", login: str = "viewer", **extra: object) -> LogEvent:
    return LogEvent(at(s), "chat.message", {"text": text, "user": {"login": login}, **extra})


def turn(tid: str = "t1", start: float = 100, end: float | None = 105) -> TurnRow:
    return TurnRow(tid, "hiyori", at(start), at(end) if end is not None else None)


def test_chat_in_the_window_counts_against_the_streams_baseline() -> None:
    # a 1000 s stream with 20 chat messages: 0.02/s, so 1.2 expected in a 60 s window
    events = [
        LogEvent(at(0), "stream.state", {"online": True}),
        LogEvent(at(1000), "stream.state", {"online": False}),
    ]
    events += [chat(500 + i) for i in range(15)]  # far from the reply
    events += [chat(106), chat(130), chat(164), chat(166), chat(104)]  # 3 inside (105, 165], 2 outside
    got = Scorer(events, EngagementSettings(window_s=60)).score(turn())
    assert got.chat_after == 3
    assert got.baseline == pytest.approx(1.2)
    assert got.score == pytest.approx(3 - 1.2)


def test_emotes_replies_mentions_follows_subs_and_cheers_are_weighted() -> None:
    w = EngagementSettings(window_s=60, chat=0, emote=1, reply=10, follow=100, sub=1000, cheer_per_100_bits=5)
    events = [
        chat(110, "LUL LUL", fragments=[{"kind": "emote", "text": "LUL"}, {"kind": "emote", "text": "LUL"}]),
        chat(111, "lol", reply_to={"message_id": "m", "user": {"login": "hiyoribot"}}),
        chat(112, "@Hiyori you are funny"),
        chat(113, "hiyorix is not her name"),
        LogEvent(at(120), "channel.follow", {"user": {"login": "new"}}),
        LogEvent(at(121), "channel.subscribe", {}),
        LogEvent(at(122), "channel.gift", {"total": 5}),
        LogEvent(at(123), "channel.cheer", {"bits": 150}),
        chat(124, "Cheer50 nice", bits=50),
        LogEvent(at(200), "channel.follow", {}),  # after the window
    ]
    got = Scorer(events, w, names=["hiyori"], bot_logins=["hiyoribot"]).score(turn())
    assert (got.emotes, got.replies, got.follows, got.subs, got.bits) == (2, 2, 1, 6, 200)
    assert got.score == pytest.approx(2 + 20 + 100 + 6000 + 10)


def test_the_bots_own_chat_lines_are_not_engagement() -> None:
    got = Scorer([chat(110, "I said hi", login="HiyoriBot")], EngagementSettings(), bot_logins=["hiyoribot"])
    assert got.score(turn()).chat_after == 0


def test_moderator_skips_rejections_and_edits_count_against_the_turn() -> None:
    w = EngagementSettings(chat=0, skip=5, reject=8, edit=3)
    events = [
        LogEvent(at(101), "reply.interrupted", {"turn_id": "t1", "by": "mod_anna"}),
        LogEvent(at(101), "reply.interrupted", {"turn_id": "t1", "by": "barge-in"}),  # the streamer spoke
        LogEvent(at(102), "control.skip", {"target_id": "t1", "by": "mod_bob"}),
        LogEvent(at(103), "control.review", {"turn_id": "t1", "approve": False}),
        LogEvent(at(104), "control.review", {"turn_id": "t1", "approve": True, "text": "edited"}),
        LogEvent(at(104), "control.review", {"turn_id": "t2", "approve": False}),
    ]
    got = Scorer(events, w).score(turn())
    assert (got.skips, got.rejections, got.edits) == (2, 1, 1)
    assert got.score == pytest.approx(-(2 * 5 + 8 + 3))


def test_the_persona_and_model_version_are_those_confirmed_before_the_turn() -> None:
    events = [
        LogEvent(at(10), "status.persona", {"persona": "hiyori", "version": 2, "ok": True}),
        LogEvent(at(20), "status.persona", {"persona": "hiyori", "version": 3, "ok": False}),  # refused
        LogEvent(at(30), "status.persona", {"persona": "other", "version": 9, "ok": True}),
        LogEvent(at(40), "status.model", {"persona": "hiyori", "model_version": 4, "ok": True}),
        LogEvent(at(150), "status.persona", {"persona": "hiyori", "version": 5, "ok": True}),
    ]
    s = Scorer(events, EngagementSettings())
    got = s.score(turn())
    assert (got.persona_version, got.model_version) == (2, 4)
    assert s.score(turn("t0", start=5, end=6)).persona_version is None
    assert s.score(turn("t3", start=160, end=None)).persona_version == 5


def test_a_reply_that_never_finished_is_scored_from_its_start() -> None:
    got = Scorer([chat(101), chat(170)], EngagementSettings(window_s=60)).score(turn(end=None))
    assert got.chat_after == 1


def test_streams_split_on_online_and_offline_and_turns_find_theirs() -> None:
    states = [
        LogEvent(at(0), "stream.state", {"online": True}),
        LogEvent(at(100), "stream.state", {"online": False}),
        LogEvent(at(200), "stream.state", {"online": True}),
        LogEvent(at(210), "stream.state", {"title": "new title"}),
    ]
    found = streams(states, at(0), at(300))
    assert [(s.start, s.end) for s in found] == [(at(0), at(100)), (at(200), at(300))]
    assert stream_of(at(50), found).start == at(0)
    assert stream_of(at(150), found).start == at(0)  # just after the offline: still that stream
    assert stream_of(at(250), found).start == at(200)
    assert streams([], at(5), at(9))[0].start == at(5)  # no states: the whole log is one stream
