"""The readable transcript: one line per kind, picks and drops named by what they were about."""

from __future__ import annotations

from datetime import timedelta

import pytest

from engines import events as ev
from streamer.transcript import describe_input, render
from tests.engines.test_events import EXAMPLES

V = ev.Viewer(id="1", login="kiri", display_name="Kiri")
T0 = ev.utcnow()

INPUT_LINES: list[tuple[ev.EventBase, str]] = [
    (ev.ChatMessage(channel="c", user=V, text="hello   there"), "chat    Kiri: hello there"),
    (ev.StreamerUtterance(channel="c", text="hi chat", final=False),
     "voice   streamer: hi chat (early, before the end of the silence)"),
    (ev.UtteranceEnd(channel="c", utterance_id="u", kept=False), "voice   (the streamer went on talking: withdrawn)"),
    (ev.ModeratorInput(channel="c", author="mia", text="thank them"), "mod     mia: thank them"),
    (ev.Raid(channel="c", from_user=V, viewers=40), "raid    Kiri with 40 viewers"),
    (ev.Follow(channel="c", user=V), "follow  Kiri"),
    (ev.Subscription(channel="c", user=V, is_gift=True), "sub     Kiri (tier 1000, gift)"),
    (ev.ResubMessage(channel="c", user=V, cumulative_months=3, text="yay"), "resub   Kiri 3 months: yay"),
    (ev.GiftSubs(channel="c", total=5), "gift    anonymous gifted 5"),
    (ev.Cheer(channel="c", user=V, bits=100, text="go"), "cheer   Kiri 100 bits: go"),
    (ev.Redemption(channel="c", user=V, reward_id="r", reward_title="Ask", user_input="why?"),
     "redeem  Kiri 'Ask': why?"),
    (ev.StreamState(channel="c", online=True), "stream  online=True title=None category=None"),
]  # fmt: skip


@pytest.mark.parametrize(("event", "line"), INPUT_LINES, ids=lambda x: getattr(x, "type", None))
def test_each_input_kind_has_its_line(event: ev.EventBase, line: str) -> None:
    assert describe_input(event) == line


def test_every_input_kind_is_covered() -> None:
    assert {e.type for e, _ in INPUT_LINES} == ev.INPUT_TYPES


def test_a_non_input_event_is_described_by_its_type() -> None:
    assert describe_input(ev.Mute(channel="c")) == "control.mute"


def test_render_names_the_target_of_a_pick_and_hides_routine_drops() -> None:
    chat = ev.ChatMessage(channel="c", user=V, text="what game is this?", ts=T0)
    spam = ev.ChatMessage(channel="c", user=V, text="lol", ts=T0 + timedelta(seconds=1))
    out = render(
        [
            chat,
            spam,
            ev.SelectionDecision(channel="c", target_id=chat.id, action="pick", reason="question", score=0.5,
                                 ts=T0 + timedelta(seconds=2)),
            ev.SelectionDecision(channel="c", target_id=spam.id, action="drop", reason="low-score",
                                 ts=T0 + timedelta(seconds=2)),
            ev.SelectionDecision(channel="c", target_id=spam.id, action="drop", reason="copy-paste",
                                 ts=T0 + timedelta(seconds=2)),
            ev.ReplySentence(channel="c", turn_id="t1", index=0, text="Stardew!", emotion="happy",
                             ts=T0 + timedelta(seconds=3)),
            ev.Metric(channel="c", name="ttfa_ms", value=1.0, ts=T0 + timedelta(seconds=3)),
            ev.Interrupt(channel="c", by="mia", ts=T0 + timedelta(seconds=4)),
            ev.SceneSwitch(channel="c", scene="Main", ts=T0 + timedelta(seconds=5)),
        ],
        start=T0,
    )  # fmt: skip
    lines = out.splitlines()
    assert "00:02.0  PICK    Kiri: what game is this?  <- question, score 0.50" in lines
    assert "00:02.0  drop    Kiri: lol  <- copy-paste" in lines
    assert not any("low-score" in line for line in lines)
    assert "00:03.0  SAY     [happy] Stardew!" in lines
    assert not any("ttfa_ms" in line for line in lines)
    assert "00:04.0  CONTROL control.interrupt by mia" in lines
    assert "00:05.0  control.scene" in lines


def test_render_gives_every_kind_a_line_or_a_reason_not_to() -> None:
    out = render([e.model_copy(update={"ts": T0}) for e in EXAMPLES], start=T0, show_all_drops=True)
    body = out.splitlines()[3:-1]
    assert len(body) == len(EXAMPLES) - 2  # every kind but the metric and the heartbeat


def test_a_crisis_is_shown_with_its_drop_and_the_resource_a_moderator_sent() -> None:
    chat = ev.ChatMessage(channel="c", user=V, text="i bought a rope today", ts=T0)
    reason = "a plan, the means or a time to harm themselves"
    out = render(
        [
            chat,
            ev.CrisisFlagged(channel="c", target_id=chat.id, user=V, text=chat.text, reason=reason,
                             resource="Call or text 988.", ts=T0 + timedelta(seconds=1)),
            ev.SelectionDecision(channel="c", target_id=chat.id, action="drop", reason=f"crisis: {reason}",
                                 ts=T0 + timedelta(seconds=1)),
            ev.SendChat(channel="c", by="mia", text="Call or text 988.", reply_to=chat.id,
                        ts=T0 + timedelta(seconds=5)),
        ],
        start=T0,
    )  # fmt: skip
    lines = out.splitlines()
    assert (
        f"00:01.0  CRISIS  Kiri: i bought a rope today  <- {reason}; not answered, flagged for moderators"
        in lines
    )
    assert f"00:01.0  drop    Kiri: i bought a rope today  <- crisis: {reason}" in lines
    assert f"00:05.0  CHAT    by mia (reply to {chat.id}): Call or text 988." in lines
