"""Moderator controls reaching the real brain over the bus: hold-for-review, block a viewer,
banned words, and applying a stored persona version without a restart."""

from __future__ import annotations

from collections.abc import Callable

from config.persona import Persona, PersonaError
from engines import events as ev
from tests.streamer.test_brain import KIRI, Rig, rig, until  # noqa: F401 - the fixture is used by name

MOD = "mod_mia"
OTHER = ev.Viewer(id="8", login="bo", display_name="Bo")


async def control(r: Rig, event: ev.EventBase, applied: Callable[[], object] | None = None) -> None:
    """Publish a control event; with ``applied``, wait until the brain shows its effect, so the
    next chat arrives after it."""
    await r.bus.publish(event)
    if applied is not None:
        await until(applied)


async def test_held_reply_waits_for_approval_and_speaks_the_edit(rig: Rig) -> None:  # noqa: F811
    rig.fake.behavior.reply = "Pineapple on pizza is great. Fight me."
    await control(rig, ev.HoldMode(channel="chan", by=MOD, engaged=True), lambda: rig.brain.reviews.engaged)
    await rig.say("Hiyori, pineapple on pizza?")
    out = await rig.outputs(until="reply.held")
    held = out[-1]
    assert isinstance(held, ev.ReplyHeld)
    assert held.text == "Pineapple on pizza is great. Fight me."
    assert rig.brain.busy

    edit = "Pineapple on pizza is great. Let us agree to disagree!"
    await control(rig, ev.Review(channel="chan", by=MOD, turn_id=held.turn_id, approve=True, text=edit))
    out = await rig.outputs(until="reply.finished")
    # everything said since it was held, up to the end of the turn: the edit alone, so nothing
    # was spoken while it waited
    spoken = [e.text for e in out if isinstance(e, ev.ReplySentence)]
    assert " ".join(spoken) == edit
    finished = out[-1]
    assert isinstance(finished, ev.ReplyFinished)
    assert finished.turn_id == held.turn_id
    assert finished.text == edit
    assert rig.brain.stats.held == 1


async def test_rejected_reply_is_never_spoken(rig: Rig) -> None:  # noqa: F811
    rig.fake.behavior.reply = "Something the moderator dislikes."
    await control(rig, ev.HoldMode(channel="chan", by=MOD, engaged=True), lambda: rig.brain.reviews.engaged)
    await rig.say("Hiyori, say something")
    held = (await rig.outputs(until="reply.held"))[-1]
    assert isinstance(held, ev.ReplyHeld)
    await control(rig, ev.Review(channel="chan", by=MOD, turn_id=held.turn_id, approve=False))
    out = await rig.outputs(until="reply.blocked")
    blocked = out[-1]
    assert isinstance(blocked, ev.ReplyBlocked)
    assert (blocked.turn_id, blocked.layer, blocked.reason) == (
        held.turn_id,
        "moderator",
        f"rejected by {MOD}",
    )
    assert rig.brain.stats.rejected == 1
    # the sentinel: the next turn, answered in full; the rejected one said nothing before its end
    await control(
        rig, ev.HoldMode(channel="chan", by=MOD, engaged=False), lambda: not rig.brain.reviews.engaged
    )
    rig.fake.behavior.reply = "Next question!"
    await rig.say("Hiyori, anything else?", user=OTHER)
    later = await rig.outputs(until="reply.finished")
    assert [e.text for e in later if isinstance(e, ev.ReplySentence)] == ["Next question!"]
    assert not [e for e in out + later if isinstance(e, ev.ReplySentence) and e.turn_id == held.turn_id]


async def test_releasing_hold_lets_the_waiting_reply_go(rig: Rig) -> None:  # noqa: F811
    rig.fake.behavior.reply = "Hello there."
    await control(rig, ev.HoldMode(channel="chan", by=MOD, engaged=True), lambda: rig.brain.reviews.engaged)
    await rig.say("Hiyori hi")
    await rig.outputs(until="reply.held")
    await control(rig, ev.HoldMode(channel="chan", by=MOD, engaged=False))
    out = await rig.outputs(until="reply.finished")
    assert [e.text for e in out if isinstance(e, ev.ReplySentence)] == ["Hello there."]


async def test_a_blocked_viewer_is_not_answered(rig: Rig) -> None:  # noqa: F811
    rig.fake.behavior.reply = "Hi Bo!"
    await control(
        rig,
        ev.BlockViewer(channel="chan", by=MOD, login="kiri", user_id=KIRI.id),
        lambda: "kiri" in rig.brain.selector.blocked_viewers,
    )
    from_kiri = await rig.say("Hiyori answer me!", user=KIRI)
    from_bo = await rig.say("Hiyori, hello!", user=OTHER)
    out = await rig.outputs(until="reply.finished")
    decisions = {e.target_id: e for e in out if isinstance(e, ev.SelectionDecision)}
    assert decisions[from_kiri.id].action == "drop"
    assert "blocked" in decisions[from_kiri.id].reason
    assert decisions[from_bo.id].action == "pick"
    # unblocking lets them back in
    await control(
        rig,
        ev.BlockViewer(channel="chan", by=MOD, login="kiri", blocked=False),
        lambda: "kiri" not in rig.brain.selector.blocked_viewers,
    )


async def test_a_banned_word_blocks_input_and_output(rig: Rig) -> None:  # noqa: F811
    await control(rig, ev.BannedWord(channel="chan", by=MOD, word="Zorblax"), lambda: rig.brain.banned_words)
    asked = await rig.say("Hiyori what do you think of zorblax?")
    out = await rig.outputs(until="reply.blocked")
    blocked = out[-1]
    assert isinstance(blocked, ev.ReplyBlocked)
    assert (blocked.target_id, blocked.stage) == (asked.id, "input")

    rig.fake.behavior.reply = "I love zorblax. Anyway, welcome in!"
    await rig.say("Hiyori what is your favourite snack?", user=OTHER)
    out = await rig.outputs(until="reply.finished")
    spoken = [e.text for e in out if isinstance(e, ev.ReplySentence)]
    assert spoken and not any("zorblax" in s.lower() for s in spoken)
    assert any(isinstance(e, ev.ReplyBlocked) and e.stage == "output" for e in out)


async def test_persona_version_applies_live_and_is_confirmed(rig: Rig) -> None:  # noqa: F811
    base = rig.brain.persona
    stored: dict[int, Persona] = {
        2: base.model_copy(update={"name": "Hiyo", "blocklist": ("wombat",)}),
    }

    async def loader(persona_id: str, version: int | None) -> tuple[Persona, int] | None:
        if version == 3:
            raise PersonaError("stored persona hiyori v3 is invalid: reply_frequency: too big")
        v = version or max(stored)
        return (stored[v], v) if persona_id == base.id and v in stored else None

    rig.brain.persona_loader = loader
    await control(rig, ev.PersonaSwitch(channel="chan", by="streamer", persona=base.id, version=2))
    applied = (await rig.outputs(until="status.persona"))[-1]
    assert isinstance(applied, ev.PersonaApplied)
    assert (applied.ok, applied.version, applied.error) == (True, 2, "")
    assert rig.brain.persona.name == "Hiyo"
    assert rig.brain.persona_version == 2
    assert rig.brain.safety.check_input("a wombat!").blocked

    await control(rig, ev.PersonaSwitch(channel="chan", by="streamer", persona=base.id, version=9))
    refused = (await rig.outputs(until="status.persona"))[-1]
    assert isinstance(refused, ev.PersonaApplied)
    assert not refused.ok
    assert "no version 9" in refused.error
    await control(rig, ev.PersonaSwitch(channel="chan", by="streamer", persona=base.id, version=3))
    invalid = (await rig.outputs(until="status.persona"))[-1]
    assert isinstance(invalid, ev.PersonaApplied)
    assert not invalid.ok
    assert "reply_frequency" in invalid.error
    assert rig.brain.persona.name == "Hiyo"  # a refused switch keeps the current persona


async def test_a_persona_whose_prompt_does_not_fit_the_model_is_refused_with_why(rig: Rig) -> None:  # noqa: F811
    base = rig.brain.persona
    rules = tuple(
        f"Rule {i}: always describe the castle in loving detail, every tower and every stair."
        for i in range(40)
    )
    stored = {2: base.model_copy(update={"style_rules": rules})}

    async def loader(persona_id: str, version: int | None) -> tuple[Persona, int] | None:
        return (stored[2], 2) if version == 2 else None

    rig.brain.persona_loader = loader
    rig.brain.context_tokens = 1_024
    await control(rig, ev.PersonaSwitch(channel="chan", by="streamer", persona=base.id, version=2))
    refused = (await rig.outputs(until="status.persona"))[-1]
    assert isinstance(refused, ev.PersonaApplied)
    assert (refused.ok, refused.version) == (False, 2)
    assert "cannot run hiyori version 2" in refused.error and "context holds 1,024" in refused.error
    assert "style rules" in refused.error
    assert rig.brain.persona.style_rules == base.style_rules  # the running persona stays
    rig.brain.context_tokens = 16_384  # a bigger model runs it
    await control(rig, ev.PersonaSwitch(channel="chan", by="streamer", persona=base.id, version=2))
    applied = (await rig.outputs(until="status.persona"))[-1]
    assert isinstance(applied, ev.PersonaApplied) and applied.ok


async def test_a_reply_with_no_words_is_reported_as_the_model_in_trouble(rig: Rig) -> None:  # noqa: F811
    rig.fake.behavior.reply = ""
    await rig.say("Hiyori, are you there?")
    out = await rig.outputs(until="reply.finished")
    finished = out[-1]
    assert isinstance(finished, ev.ReplyFinished) and finished.sentences == 0
    status = [e for e in out if isinstance(e, ev.ComponentStatus)]
    assert [(s.component, s.state) for s in status] == [("llm", "degraded")]
    assert "no words" in status[0].detail
    assert rig.brain.stats.empty_replies == 1
    rig.fake.behavior.reply = "I am here! Hello."
    await rig.say("Hiyori, now?")
    out = await rig.outputs(until="reply.finished")
    assert [(e.component, e.state) for e in out if isinstance(e, ev.ComponentStatus)] == [("llm", "ok")]
