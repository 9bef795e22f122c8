"""What the brain does with each control event: interrupt, skip, mute, kill switch, persona
switch, hold-for-review, block a viewer, ban a word. The match is exhaustive over
:data:`ControlEvent`, so mypy names this place when a control kind is added."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, assert_never

from config.persona import Persona, PersonaError
from engines import events as ev
from engines.ai.persona_fit import prompt_fit

if TYPE_CHECKING:
    from streamer.brain import Brain

log = logging.getLogger("streamer.brain")


async def handle_control(brain: Brain, e: ev.ControlEvent) -> None:
    """Apply one control event to the brain."""
    match e:
        case ev.Interrupt():
            log.info("interrupt by %s (%s)", e.by, e.reason or "no reason")
            brain.interrupt(e.by)
        case ev.Skip(target_id=None):
            brain.interrupt(e.by)
        case ev.Skip():
            if e.target_id == brain.turn_id:
                brain.interrupt(e.by)
            else:
                brain.selector.skip(e.target_id or "")
                brain.collect_decisions()
        case ev.Mute():
            brain.muted = e.muted
            if e.muted:
                brain.interrupt(e.by)
        case ev.KillSwitch():
            brain.killed = e.engaged
            log.warning("kill switch %s by %s", "engaged" if e.engaged else "released", e.by)
            if e.engaged:
                brain.interrupt(e.by)
        case ev.PersonaSwitch():
            log.info("persona switch to %s v%s requested by %s", e.persona, e.version or "latest", e.by)
            await switch_persona(brain, e)
        case ev.ModelSwitch():
            log.info(
                "model switch of %s to version %s requested by %s", e.persona, e.model_version or "base", e.by
            )
            await switch_model(brain, e)
        case ev.HoldMode():
            brain.reviews.set_engaged(e.engaged, by=e.by)
        case ev.Review():
            brain.reviews.deliver(e)
        case ev.BlockViewer():
            login = e.login.strip().lstrip("@").lower()
            if e.blocked:
                brain.blocked_viewers.add(login)
                brain.selector.block_viewer(login)  # drops what of theirs is waiting, too
            else:
                brain.blocked_viewers.discard(login)
                brain.selector.unblock_viewer(login)
            brain.collect_decisions()
            log.info("viewer %s %s by %s", e.login, "blocked" if e.blocked else "unblocked", e.by)
        case ev.BannedWord():
            word = e.word.strip().lower()
            if e.add:
                brain.banned_words.add(word)
            else:
                brain.banned_words.discard(word)
            brain.rebuild_safety()
            log.info("banned word %s by %s", "added" if e.add else "removed", e.by)
        case ev.SceneSwitch() | ev.TwitchModeration() | ev.SendChat() | ev.PushToTalk():
            pass  # for OBS (alerts), Twitch (twitch_out) and the voice source (push_to_talk)
        case _:
            assert_never(e)


async def switch_persona(brain: Brain, e: ev.PersonaSwitch) -> None:
    """Load the named stored version and apply it; answer with ``status.persona`` either way."""
    error = ""
    found: tuple[Persona, int] | None = None
    if brain.persona_loader is None:
        error = "this bot has no persona store to load versions from"
    else:
        try:
            found = await brain.persona_loader(e.persona, e.version)
        except PersonaError as exc:
            error = str(exc)
        except Exception as exc:  # a dead database: keep the current persona, say why
            log.warning("persona switch: could not load %s: %s", e.persona, exc)
            error = f"could not load the persona: {type(exc).__name__}"
        if found is None and not error:
            error = f"persona {e.persona} has no version {e.version or ''}".rstrip() + " stored"
    if found is None:
        log.warning("persona switch to %s refused: %s", e.persona, error)
        await brain.publish(
            ev.PersonaApplied(
                channel=brain.channel, persona=e.persona, version=e.version, ok=False, error=error[:500]
            )
        )
        return
    persona, version = found
    if brain.context_tokens is not None:
        fit = prompt_fit(
            persona, context_tokens=brain.context_tokens, history_tokens=brain.memory_tokens,
            memory_tokens=brain.recall_tokens if brain.recall is not None else 0,
        )  # fmt: skip
        if not fit.fits:  # it would answer with no words at all: keep the running persona
            error = f"cannot run {persona.id} version {version}: {fit.reason()}"
            log.warning("persona switch refused: %s", error)
            await brain.publish(
                ev.PersonaApplied(
                    channel=brain.channel, persona=e.persona, version=version, ok=False, error=error[:500]
                )
            )
            return
    brain.apply_persona(persona)
    brain.persona_version = version
    if brain.on_persona is not None:
        try:
            brain.on_persona(persona)
        except Exception:
            log.exception("persona switch: a collaborator failed to follow")
    log.info("persona %s v%d applied", persona.id, version)
    await brain.publish(ev.PersonaApplied(channel=brain.channel, persona=persona.id, version=version))


async def switch_model(brain: Brain, e: ev.ModelSwitch) -> None:
    """Serve the named model version (None: the base model); answer with ``status.model`` either way."""
    error = ""
    if e.persona != brain.persona.id:
        error = f"the bot runs persona {brain.persona.id}, not {e.persona}"
    elif brain.model_switcher is None:
        error = (
            "this bot's model cannot switch versions (the local llama.cpp model switches adapters, "
            "an OpenAI-compatible endpoint switches model names)"
        )
    else:
        try:
            await brain.model_switcher(e.model_version)
        except Exception as exc:  # a missing adapter, a misfit, a server that did not come back, a
            # version of the other kind (a hosted model on llama.cpp, an adapter on an endpoint)
            log.warning("model switch to version %s refused: %s", e.model_version, exc)
            error = str(exc) or type(exc).__name__
    if error:
        await brain.publish(ev.ModelApplied(channel=brain.channel, persona=e.persona, model_version=e.model_version,
                                            ok=False, error=error[:500]))  # fmt: skip
        return
    brain.model_version = e.model_version
    log.info("model version %s now serves %s", e.model_version or "base", e.persona)
    await brain.publish(
        ev.ModelApplied(channel=brain.channel, persona=e.persona, model_version=e.model_version)
    )
