"""Preemptive utterances on the real brain over the bus: the reply is prepared while the
streamer's silence runs out and its audio waits for ``streamer.utterance_end``; a withdrawn
one is dropped unheard (during its turn or still waiting); a lost end event does not stall
the show."""

from __future__ import annotations

import asyncio

import pytest

import streamer.preempt as preempt_module
from engines import events as ev
from tests.streamer.test_brain import Rig, rig  # noqa: F401 - the fixture is used by name
from tests.streamer.test_brain_controls import outputs_for


def preemptive(text: str) -> ev.StreamerUtterance:
    return ev.StreamerUtterance(channel="chan", text=text, confidence=0.9, final=False)


async def test_a_kept_preemptive_utterance_is_answered_once_the_silence_ends(rig: Rig) -> None:  # noqa: F811
    rig.fake.behavior.reply = "Sure, the sword it is. Go get that boss!"
    said = preemptive("Hiyori, should I use the sword?")
    await rig.bus.publish(said)
    started = (await rig.outputs(until="reply.started"))[-1]
    assert isinstance(started, ev.ReplyStarted) and started.trigger_ids == (said.id,)
    waiting = await outputs_for(rig, 0.4)
    assert not [e for e in waiting if e.type == "reply.sentence"]  # held back
    assert rig.tts.requests  # ...but already being synthesised
    await rig.bus.publish(ev.UtteranceEnd(channel="chan", utterance_id=said.id, kept=True))
    out = await rig.outputs(until="reply.finished")
    assert [e.text for e in out if isinstance(e, ev.ReplySentence)] == [
        "Sure, the sword it is.",
        "Go get that boss!",
    ]
    assert (rig.brain.stats.preempted, rig.brain.stats.withdrawn) == (1, 0)


async def test_a_withdrawn_preemptive_utterance_is_dropped_unheard(rig: Rig) -> None:  # noqa: F811
    rig.fake.behavior.reply = "Oh, a half question! I will answer it anyway."
    said = preemptive("Hiyori, what do you")
    await rig.bus.publish(said)
    await rig.outputs(until="reply.started")
    await asyncio.sleep(0.1)
    await rig.bus.publish(ev.UtteranceEnd(channel="chan", utterance_id=said.id, kept=False))
    out = await rig.outputs(until="reply.interrupted")
    interrupted = out[-1]
    assert isinstance(interrupted, ev.ReplyInterrupted)
    assert (interrupted.by, interrupted.heard_text) == ("withdrawn", "")
    assert not [e for e in out if e.type == "reply.sentence"]
    assert rig.brain.stats.withdrawn == 1
    assert not rig.brain.memory.recent(1000)  # half a question is not remembered as answered
    assert not list(rig.audio_dir.glob("*.wav"))  # the sink never opened: not a sample played

    # the whole utterance, when it ends, is answered as usual
    rig.fake.behavior.reply = "I think it is a great game."
    whole = ev.StreamerUtterance(channel="chan", text="Hiyori, what do you think of this game?")
    await rig.bus.publish(whole)
    out = await rig.outputs(until="reply.finished")
    assert [e.text for e in out if isinstance(e, ev.ReplySentence)] == ["I think it is a great game."]


async def test_withdrawn_while_waiting_it_is_never_answered(rig: Rig) -> None:  # noqa: F811
    rig.fake.behavior.reply = "Welcome in! It is a cozy stream today, so grab a tea and stay a while."
    await rig.say("Hiyori hello!")
    await rig.outputs(until="reply.started")  # the character is busy talking
    said = preemptive("Hiyori, one more")
    await rig.bus.publish(said)
    await rig.bus.publish(ev.UtteranceEnd(channel="chan", utterance_id=said.id, kept=False))
    out = await rig.outputs(until="reply.finished")
    out += await outputs_for(rig, 0.5)
    dropped = [e for e in out if isinstance(e, ev.SelectionDecision) and e.target_id == said.id]
    assert [(d.action, d.reason) for d in dropped] == [("drop", "retracted")]
    started = [e for e in out if isinstance(e, ev.ReplyStarted)]
    assert all(said.id not in s.trigger_ids for s in started)


async def test_a_lost_end_event_does_not_stall_the_show(
    rig: Rig,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(preempt_module, "PREEMPT_WAIT_S", 0.3)
    rig.fake.behavior.reply = "Still here!"
    await rig.bus.publish(preemptive("Hiyori, are you there?"))
    out = await rig.outputs(until="reply.finished", timeout=5.0)
    assert [e.text for e in out if isinstance(e, ev.ReplySentence)] == ["Still here!"]
