"""Crisis routing through the real brain (selector, safety, performer, the OpenAI client against
the local stand-in): a viewer's crisis message is never answered, a ``crisis.flagged`` with the
configured resource is published, and the show goes on. Waits on events, not on the clock."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from config.persona import load_persona
from config.settings import DEFAULT_CRISIS_RESOURCE
from engines import events as ev
from engines.ai.safety import SafetyDecision, SafetyPipeline
from engines.ai.safety.decision import Layer, Verdict
from engines.voice.sinks import WavFileSink
from integrations.openai.llm import OpenAILLM
from integrations.openai.moderation import OpenAIModeration
from streamer.brain import Brain
from streamer.bus import MemoryBus
from streamer.performer import Performer
from tests.streamer import test_brain
from tests.streamer.test_brain import KIRI, Rig
from tests.support.fake_openai import FakeBehavior, FakeOpenAI
from tests.support.fixed_tts import FixedTimingTTS

YUZU = ev.Viewer(id="10", login="yuzu", display_name="Yuzu")
rig = test_brain.rig  # the brain stage tests' fixture: the real brain on a memory bus


def prompts(r: Rig) -> str:
    """Everything the model was asked, as one text."""
    return " ".join(str(req.body.get("messages")) for req in r.fake.chat_requests())


async def test_a_crisis_message_is_not_answered_and_is_flagged_with_the_resource(rig: Rig) -> None:
    rig.brain.crisis_resource = "You matter. Call or text 988 (US), or see findahelpline.com."
    rig.fake.behavior.reply = "Hi Yuzu, it is a cozy game!"
    crisis = await rig.say("Hiyori i bought a rope today, nobody would care if i was gone")
    question = await rig.say("Hiyori what game is this?", user=YUZU)  # the show goes on
    out = await rig.outputs(until="reply.finished")
    flagged = next(e for e in out if isinstance(e, ev.CrisisFlagged))
    assert (flagged.target_id, flagged.user, flagged.text) == (crisis.id, KIRI, crisis.text)
    assert flagged.resource == "You matter. Call or text 988 (US), or see findahelpline.com."
    assert flagged.reason and "rope" not in flagged.reason
    decision = next(e for e in out if isinstance(e, ev.SelectionDecision) and e.target_id == crisis.id)
    assert decision.action == "drop" and decision.reason.startswith("crisis: ")
    # only the next viewer is answered, and the crisis line never reached the model
    assert [e.trigger_ids for e in out if isinstance(e, ev.ReplyStarted)] == [(question.id,)]
    assert "rope" not in prompts(rig)
    # not a safety block: the persona's auto-timeout rule must never time the viewer out for it
    assert not any(isinstance(e, ev.ReplyBlocked) for e in out)
    assert (rig.brain.stats.crises, rig.brain.stats.blocked_inputs) == (1, 0)


async def test_hyperbole_and_encouragement_are_not_flagged(rig: Rig) -> None:
    rig.fake.behavior.reply = "Good luck with that boss!"
    joke = await rig.say("Hiyori this boss makes me want to die 😂")
    out = await rig.outputs(until="reply.finished")
    assert any(isinstance(e, ev.ReplyStarted) and joke.id in e.trigger_ids for e in out)
    hostile = await rig.say("kys", user=YUZU)
    out = await rig.outputs(until="reply.blocked")
    assert out[-1].target_id == hostile.id  # type: ignore[attr-defined]
    assert not any(isinstance(e, ev.CrisisFlagged) for e in out)
    assert rig.brain.stats.crises == 0


class _SelfHarmLayer:
    """The pipeline, with a semantic layer that reads one line as self-harm (as the classifier
    another layer adds would) although no rule does: a block, or an allowed line with a caution."""

    def __init__(self, inner: SafetyPipeline, line: str, decision: SafetyDecision) -> None:
        self._inner = inner
        self._line = line
        self._decision = decision

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)

    def check_input(self, text: str) -> SafetyDecision:
        return self._decision if text == self._line else self._inner.check_input(text)


@pytest.mark.parametrize(
    ("decision", "why"),
    [
        (SafetyDecision(Verdict.BLOCK, Layer.SEMANTIC, "meaning (self_harm)", "input", "", 0.93, "self_harm"),
         "semantic"),
        (SafetyDecision(Verdict.ALLOW, Layer.NONE, "passed all layers", "input", "", 0.4, "", "self_harm 0.62"),
         "semantic, caution"),
    ],
    ids=["block", "caution"],
)  # fmt: skip
async def test_a_layers_self_harm_verdict_in_the_first_person_is_routed_as_a_crisis(
    rig: Rig, monkeypatch: pytest.MonkeyPatch, decision: SafetyDecision, why: str
) -> None:
    line = "Hiyori everything hurts and i keep looking at the bridge near my place"
    monkeypatch.setattr(rig.brain, "safety", _SelfHarmLayer(rig.brain.safety, line, decision))
    msg = await rig.say(line)
    out = await rig.outputs(until="crisis.flagged")
    flagged = out[-1]
    assert isinstance(flagged, ev.CrisisFlagged) and flagged.target_id == msg.id
    assert flagged.reason == f"self-harm in the first person ({why})"
    assert flagged.resource == DEFAULT_CRISIS_RESOURCE
    assert not any(isinstance(e, ev.ReplyBlocked) for e in out)


async def test_a_moderation_services_self_harm_flag_is_routed_as_a_crisis(tmp_path: Path) -> None:
    fake = FakeOpenAI(
        FakeBehavior(ttft_s=0.01, tokens_per_s=500, flagged_words={"bridge": "self-harm/intent"})
    )
    await fake.start()
    bus = MemoryBus()
    moderation = OpenAIModeration(base_url=fake.base_url, api_key="test")
    safety = SafetyPipeline(moderation=moderation)
    safety.warm()
    persona = load_persona("hiyori").model_copy(update={"min_gap_s": 0.0, "reply_frequency": 1.0})
    llm = OpenAILLM(base_url=fake.base_url, model="fake")
    performer = Performer(
        FixedTimingTTS(first_audio_s=0.01, seconds_per_char=0.005), WavFileSink(tmp_path, pace=None)
    )
    brain = Brain(
        bus=bus, channel="chan", persona=persona, llm=llm, performer=performer, safety=safety,
        crisis_resource="Call or text 988.",
    )  # fmt: skip
    performer.on_sentence = brain.on_sentence
    r = Rig(bus, brain, fake, performer.tts, performer.sink, tmp_path)  # type: ignore[arg-type]
    task = asyncio.create_task(brain.run())
    try:
        msg = await r.say("Hiyori i keep looking at the bridge near my place")
        out = await r.outputs(until="crisis.flagged")
        flagged = out[-1]
        assert isinstance(flagged, ev.CrisisFlagged)
        assert (flagged.target_id, flagged.resource) == (msg.id, "Call or text 988.")
        assert flagged.reason == "self-harm in the first person (moderation)"
        assert not any(isinstance(e, ev.ReplyBlocked | ev.ReplyStarted) for e in out)
        assert brain.stats.blocked_inputs == 0
    finally:
        brain.stop()
        await asyncio.wait_for(task, 5)
        await llm.aclose()
        await moderation.aclose()
        await fake.stop()
