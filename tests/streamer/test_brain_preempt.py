"""Preemptive utterances on the real brain over the bus: the reply is prepared while the
streamer's silence runs out and its audio waits for ``streamer.utterance_end``; a withdrawn
one is dropped unheard (during its turn or still waiting); a lost end event does not stall
the show."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

import streamer.preempt as preempt_module
from engines import events as ev
from tests.streamer.test_brain import Rig, rig, until  # noqa: F401 - the fixture is used by name


async def outputs_until(
    r: Rig, done: Callable[[ev.EventBase], bool], timeout: float = 10.0
) -> list[ev.EventBase]:
    """Output events until one that ``done`` accepts (``timeout`` only guards a hang)."""
    got: list[ev.EventBase] = []
    async with asyncio.timeout(timeout):
        while not got or not done(got[-1]):
            got += [d.event for d in await r.bus.read("test", "t", ["output"], count=1, block_ms=50)]
    return got


async def outputs_now(r: Rig) -> list[ev.EventBase]:
    """The output events published so far (no waiting)."""
    return [d.event for d in await r.bus.read("test", "t", ["output"], count=1000, block_ms=0)]


def preemptive(text: str) -> ev.StreamerUtterance:
    return ev.StreamerUtterance(channel="chan", text=text, confidence=0.9, final=False)


async def test_a_kept_preemptive_utterance_is_answered_once_the_silence_ends(rig: Rig) -> None:  # noqa: F811
    rig.fake.behavior.reply = "Sure, the sword it is. Go get that boss!"
    said = preemptive("Hiyori, should I use the sword?")
    await rig.bus.publish(said)
    started = (await rig.outputs(until="reply.started"))[-1]
    assert isinstance(started, ev.ReplyStarted) and started.trigger_ids == (said.id,)
    await until(lambda: rig.tts.requests)  # already being synthesised...
    waiting = await outputs_now(rig)
    assert not [e for e in waiting if e.type == "reply.sentence"]  # ...but held back at the gate
    await rig.bus.publish(ev.UtteranceEnd(channel="chan", utterance_id=said.id, kept=True))
    out = await rig.outputs(until="reply.finished")
    assert [e.text for e in out if isinstance(e, ev.ReplySentence)] == [
        "Sure,",  # a one-word first clause goes ahead alone
        "the sword it is.",
        "Go get that boss!",
    ]
    assert (rig.brain.stats.preempted, rig.brain.stats.withdrawn) == (1, 0)


async def test_a_withdrawn_preemptive_utterance_is_dropped_unheard(rig: Rig) -> None:  # noqa: F811
    rig.fake.behavior.reply = "Oh, a half question! I will answer it anyway."
    said = preemptive("Hiyori, what do you")
    await rig.bus.publish(said)
    await rig.outputs(until="reply.started")
    await until(lambda: rig.tts.requests)  # the reply is being prepared
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
    out = await outputs_until(rig, lambda e: isinstance(e, ev.SelectionDecision) and e.target_id == said.id)
    out += (
        await outputs_until(rig, lambda e: e.type == "reply.finished")
        if not any(e.type == "reply.finished" for e in out)
        else []
    )
    out += await outputs_now(rig)
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
