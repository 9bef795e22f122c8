"""Events: typed, frozen, versioned, and lossless through JSON."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from engines import events as ev

V = ev.Viewer(id="42", login="kiri", display_name="Kiri")
EXAMPLES: list[ev.EventBase] = [
    ev.ChatMessage(
        id="twitch-msg-1", channel="c", user=V, text="hi @Hiyori Kappa", bits=0,
        badges=(ev.Badge(set_id="subscriber", id="12", info="12"),), roles=frozenset({ev.Role.SUBSCRIBER}),
        fragments=(ev.Fragment(text="hi "), ev.Fragment(kind="mention", text="@Hiyori"),
                   ev.Fragment(kind="emote", text="Kappa", emote_id="25")),
        reply_to=ev.ReplyTo(message_id="m0", user=V, text="earlier"), first_message=True, color="#FF0000",
    ),
    ev.Follow(channel="c", user=V),
    ev.Subscription(channel="c", user=V, tier="2000", is_gift=True),
    ev.ResubMessage(channel="c", user=V, text="12 months!", cumulative_months=12, streak_months=3),
    ev.GiftSubs(channel="c", user=None, total=5, tier="1000"),
    ev.Cheer(channel="c", user=V, bits=100, text="Cheer100 go go"),
    ev.Raid(channel="c", from_user=V, viewers=87),
    ev.Redemption(channel="c", user=V, reward_id="r1", reward_title="Ask Hiyori", cost=500, user_input="why?"),
    ev.StreamerUtterance(channel="c", text="Hiyori, say hi", confidence=0.93,
                         started_at=datetime(2026, 1, 1, tzinfo=UTC), ended_at=datetime(2026, 1, 1, 0, 0, 2, tzinfo=UTC)),
    ev.UtteranceEnd(channel="c", utterance_id="u1", kept=True),
    ev.ModeratorInput(channel="c", author="mod_mia", text="say thanks to the raiders"),
    ev.StreamState(channel="c", online=True, title="Cozy games", category="Stardew Valley"),
    ev.Interrupt(channel="c", by="mod", reason="off topic"),
    ev.Skip(channel="c", by="mod", target_id="m1"),
    ev.Mute(channel="c", muted=True),
    ev.KillSwitch(channel="c", engaged=True, reason="raid spam"),
    ev.PersonaSwitch(channel="c", persona="hiyori", version=3),
    ev.ModelSwitch(channel="c", persona="hiyori", model_version=2),
    ev.SceneSwitch(channel="c", by="mod", scene="Just Chatting"),
    ev.HoldMode(channel="c", by="mod", engaged=True),
    ev.Review(channel="c", by="mod", turn_id="t1", approve=True, text="Edited reply."),
    ev.BlockViewer(channel="c", by="mod", user_id="42", login="kiri"),
    ev.BannedWord(channel="c", by="mod", word="spoilers"),
    ev.TwitchModeration(channel="c", by="mod", action="timeout", user_id="42", login="kiri", duration_s=600,
                        reason="spam"),
    ev.PushToTalk(channel="c", by="streamer", pressed=True),
    ev.SendChat(channel="c", by="mod", text="You matter. Call or text 988.", reply_to="twitch-msg-1"),
    ev.ReplyStarted(channel="c", turn_id="t1", trigger_ids=("m1",), reason="question"),
    ev.ReplySentence(channel="c", turn_id="t1", index=0, text="Hello!", emotion="happy"),
    ev.ReplyBlocked(channel="c", turn_id="t1", layer="pii", reason="phone number", text="call 555"),
    ev.ReplyHeld(channel="c", turn_id="t1", text="maybe"),
    ev.ReplyInterrupted(channel="c", turn_id="t1", heard_text="Hel"),
    ev.ReplyFinished(channel="c", turn_id="t1", text="Hello!", sentences=1, latency_ms=210.5),
    ev.CrisisFlagged(channel="c", target_id="twitch-msg-1", user=V, text="i bought a rope",
                     reason="a plan, the means or a time to harm themselves", resource="Call or text 988."),
    ev.SelectionDecision(channel="c", target_id="m1", action="drop", reason="copy-paste", score=0.1),
    ev.ComponentStatus(channel="c", component="twitch", state="revoked", detail="authorization revoked"),
    ev.PersonaApplied(channel="c", persona="hiyori", version=3),
    ev.ModelApplied(channel="c", persona="hiyori", model_version=2, ok=False, error="no such file"),
    ev.BotHeartbeat(channel="c", every_s=2.0, started_at=datetime(2026, 12, 6, 12, 0, tzinfo=UTC),
                    components={"twitch": ev.ComponentHealth(state="ok"),
                                "obs": ev.ComponentHealth(state="down", detail="connection refused")},
                    killed=False, holding=True, last_spoke=datetime(2026, 12, 6, 12, 5, tzinfo=UTC),
                    persona="hiyori", persona_version=3),
    ev.Metric(channel="c", name="ttfa_ms", value=200.0, labels={"stage": "tts"}),
]  # fmt: skip


def test_every_event_type_has_an_example() -> None:
    assert {e.type for e in EXAMPLES} == set(ev.EVENT_TYPES)


@pytest.mark.parametrize("event", EXAMPLES, ids=lambda e: e.type)
def test_round_trip_through_json(event: ev.EventBase) -> None:
    assert ev.decode(ev.encode(event)) == event
    assert type(ev.decode(ev.encode(event))) is type(event)


@pytest.mark.parametrize("event", EXAMPLES, ids=lambda e: e.type)
def test_events_are_frozen(event: ev.EventBase) -> None:
    with pytest.raises(ValidationError):
        event.channel = "other"  # type: ignore[misc]


def test_streams() -> None:
    by_stream = {e.type: ev.stream_of(e) for e in EXAMPLES}
    assert by_stream["chat.message"] == "input"
    assert by_stream["control.kill"] == "control"
    assert by_stream["reply.sentence"] == "output"
    assert by_stream["metric"] == "output"
    assert set(ev.EVENT_TYPES) == ev.INPUT_TYPES | ev.CONTROL_TYPES | ev.OUTPUT_TYPES


@pytest.mark.parametrize("stream", ["input", "control", "output"])
def test_each_kind_declares_the_stream_of_its_union(stream: ev.Stream) -> None:
    members = get_args(ev.STREAM_UNIONS[stream])
    assert members
    for cls in members:
        assert cls.stream == stream, cls.__name__
        assert ev.EVENT_TYPES[cls.model_fields["type"].default] is cls


def test_every_declared_kind_is_in_exactly_one_union_and_in_event_types() -> None:
    in_unions = [cls for union in ev.STREAM_UNIONS.values() for cls in get_args(union)]
    assert len(in_unions) == len(set(in_unions)) == len(ev.EVENT_TYPES)
    assert set(in_unions) == set(get_args(ev.AnyEvent))
    declared = {
        cls
        for base in (ev.InputBase, ev.ControlBase, ev.OutputBase)
        for cls in vars(ev).values()
        if isinstance(cls, type) and issubclass(cls, base) and cls is not base
    }
    assert declared == set(in_unions)  # no kind declared and left out of its union


def test_routing_is_derived_from_the_declared_streams_not_type_names() -> None:
    for etype, cls in ev.EVENT_TYPES.items():
        wanted = {"input": ev.INPUT_TYPES, "control": ev.CONTROL_TYPES, "output": ev.OUTPUT_TYPES}[cls.stream]
        assert etype in wanted
    assert "decision" in ev.OUTPUT_TYPES and "stream.state" in ev.INPUT_TYPES
    for event in EXAMPLES:
        assert ev.stream_of(event) == type(event).stream
        assert isinstance(event, ev.AnyEvent)


def test_the_stream_is_a_class_declaration_not_a_field() -> None:
    event = ev.Follow(channel="c", user=V)
    assert "stream" not in ev.Follow.model_fields
    assert b"stream" not in ev.encode(event) and b"actor" not in ev.encode(event)


def test_alerting_kinds_are_input_kinds() -> None:
    assert {cls.model_fields["type"].default for cls in get_args(ev.AlertEvent)} == ev.ALERT_TYPES
    assert ev.ALERT_TYPES <= ev.INPUT_TYPES


W = ev.Viewer(id="7", login="raider", display_name="Raider")
ACTORS: list[tuple[ev.EventBase, ev.Viewer | None, str]] = [
    (ev.ChatMessage(channel="c", user=V, text="hello"), V, "hello"),
    (ev.Follow(channel="c", user=V), V, ""),
    (ev.Subscription(channel="c", user=V, is_gift=True), V, ""),
    (ev.ResubMessage(channel="c", user=V, text="a year!"), V, "a year!"),
    (ev.GiftSubs(channel="c", user=None, total=3), None, ""),
    (ev.GiftSubs(channel="c", user=V, total=3), V, ""),
    (ev.Cheer(channel="c", user=None, bits=5, text="go"), None, "go"),
    (ev.Cheer(channel="c", user=V, bits=5), V, ""),
    (ev.Raid(channel="c", from_user=W, viewers=9), W, ""),
    (ev.Redemption(channel="c", user=V, reward_id="r", reward_title="Ask", user_input="why?"), V, "why?"),
    (ev.StreamerUtterance(channel="c", text="hi chat"), None, "hi chat"),
    (ev.UtteranceEnd(channel="c", utterance_id="u", kept=True), None, ""),
    (ev.ModeratorInput(channel="c", author="mia", text="thank them"), None, "thank them"),
    (ev.StreamState(channel="c", online=True), None, ""),
    (ev.Review(channel="c", turn_id="t", approve=True, text="edited"), None, ""),
    (ev.ReplySentence(channel="c", turn_id="t", index=0, text="Hi!"), None, ""),
    (ev.CrisisFlagged(channel="c", target_id="m", user=V, text="i want to die", reason="wish"), V, ""),
]  # fmt: skip


@pytest.mark.parametrize(("event", "actor", "text"), ACTORS, ids=lambda x: getattr(x, "type", None))
def test_each_kind_declares_its_actor_and_viewer_text(
    event: ev.EventBase, actor: ev.Viewer | None, text: str
) -> None:
    assert event.actor == actor
    assert event.viewer_text == text


def test_every_input_kind_has_an_actor_case() -> None:
    assert {e.type for e, _, _ in ACTORS} >= ev.INPUT_TYPES


def test_control_events_say_who_sent_them() -> None:
    assert ev.Interrupt(channel="c").by == "system"
    assert all("by" in cls.model_fields for cls in get_args(ev.ControlEvent))


def test_twitch_message_id_is_the_event_id() -> None:
    a = ev.ChatMessage(id="8c5b7d1e-twitch", channel="c", user=V, text="hi")
    b = ev.decode(ev.encode(a))
    assert b.id == "8c5b7d1e-twitch"
    assert (
        ev.ChatMessage(channel="c", user=V, text="x").id != ev.ChatMessage(channel="c", user=V, text="x").id
    )


def test_schema_version_is_carried_and_checked() -> None:
    data = ev.encode(ev.Follow(channel="c", user=V))
    assert b'"v":1' in data
    with pytest.raises(ev.EventDecodeError) as err:
        ev.decode(data.replace(b'"v":1', b'"v":2'))
    assert err.value.kind == "newer_schema"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"{oops", "bad_json"),
        (b'"just a string"', "not_object"),
        (b'{"type": "chat.whisper", "channel": "c"}', "unknown_type"),
        (
            b'{"type": "chat.message", "channel": "c", "user": {"id": "1", "login": "a", "display_name": "A"}}',
            "invalid",
        ),
        (b'{"type": "chat.message", "text": "\xc3\x28"}', "bad_utf8"),
        (b" " * (ev.MAX_ENCODED_BYTES + 1), "too_large"),
    ],
)
def test_decode_errors_have_a_kind_and_a_reason(data: bytes, kind: str) -> None:
    with pytest.raises(ev.EventDecodeError) as err:
        ev.decode(data)
    assert err.value.kind == kind
    assert err.value.reason


@pytest.mark.parametrize("bad", ["a\x00b", "esc\x1b[31mred", "bell\x07", "c1\x85"])
def test_control_characters_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError, match="control character"):
        ev.ChatMessage(channel="c", user=V, text=bad)


def test_oversize_chat_is_refused() -> None:
    with pytest.raises(ValidationError):
        ev.ChatMessage(channel="c", user=V, text="a" * (ev.MAX_TEXT_CHARS + 1))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=500))
def test_any_printable_chat_text_round_trips(text: str) -> None:
    event = ev.ChatMessage(channel="c", user=V, text=text)
    assert ev.decode(ev.encode(event)) == event
