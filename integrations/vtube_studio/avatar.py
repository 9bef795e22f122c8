"""The avatar adapter: emotions to hotkeys/expressions, back to neutral, and lip-sync.

``apply(emotion)`` looks the emotion up in the persona's ``emotion_hotkeys`` map: a value
ending in ``.exp3.json`` is an expression file (ExpressionActivationRequest), anything else
a hotkey name or id, resolved on the loaded model the way VTube Studio resolves it
(:mod:`integrations.vtube_studio.hotkeys`). Only changes are sent:

- an expression (a file, or a ``ToggleExpression`` hotkey) stays on until another emotion
  replaces it; showing it again sends nothing, and a toggle is turned off by pressing it a
  second time;
- ``reset()`` (and the neutral emotion) turns off what this adapter turned on, with the
  neutral hotkey when one is mapped, and sends nothing when nothing is on;
- a press refused for the hotkey's cooldown (error 203) that changes what is on is tried
  again after the cooldown, unless a newer change is already waiting.

The hotkey list is read again after every login and on every ``ModelLoadedEvent``; the
emotions the current model has no hotkey for are in :attr:`VTSAvatar.status` (and go to
``on_status``), and names the model uses for several hotkeys are warned about.

Lip-sync: a sender loop injects ``MouthOpen`` (0..1) at ``speaking_hz`` (30-60) while a
mouth source is set, and at ``idle_hz`` (>= 1; VTube Studio reverts an injected parameter
after 1 s without data) while idle. The source is a callable returning the latest value
(or None for "no new value") or an ``asyncio.Queue`` of values (the newest queued value is
sent each frame, so the mouth stays in step with playback).

Nothing here blocks or raises into the show: while VTube Studio is down, logging in again
or has its API off, calls are dropped at once and the drop is logged once per outage.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Literal

from engines.backends import BackendError
from integrations.vtube_studio.client import VTSClient
from integrations.vtube_studio.errors import (
    ERR_API_OFF,
    LOGIN_AGAIN,
    VTSError,
    VTSHotkeyCooldown,
    VTSNotConnected,
)
from integrations.vtube_studio.hotkeys import EXPRESSION_SUFFIX, Cue, Model, cue_for

__all__ = ["MouthSource", "StatusCallback", "VTSAvatar"]

log = logging.getLogger(__name__)

MouthSource = Callable[[], float | None] | asyncio.Queue[float]
StatusState = Literal["ok", "degraded"]
StatusCallback = Callable[[StatusState, str], Awaitable[None] | None]
"""Called with (state, detail) whenever what the model can show changes."""
_OUTAGE_ERRORS = LOGIN_AGAIN | {ERR_API_OFF}


class VTSAvatar:
    def __init__(
        self,
        client: VTSClient,
        emotion_map: Mapping[str, str],
        *,
        neutral: str = "neutral",
        mouth_parameter: str = "MouthOpen",
        speaking_hz: float = 60.0,
        idle_hz: float = 2.0,
        action_timeout_s: float = 1.0,
        expression_fade_s: float = 0.25,
        cooldown_retry_s: float = 0.1,
        cooldown_give_up_s: float = 5.0,
        on_status: StatusCallback | None = None,
    ) -> None:
        if not 30.0 <= speaking_hz <= 60.0:
            raise ValueError("speaking_hz must be between 30 and 60")
        if idle_hz < 1.0:
            raise ValueError("idle_hz must be at least 1 (VTube Studio reverts after 1 s)")
        self.client = client
        self.neutral = neutral
        self.mouth_parameter = mouth_parameter
        self.speaking_hz = speaking_hz
        self.idle_hz = idle_hz
        self.action_timeout_s = action_timeout_s
        self.expression_fade_s = expression_fade_s
        self.cooldown_retry_s = cooldown_retry_s
        self.cooldown_give_up_s = cooldown_give_up_s
        self.on_status = on_status
        self.frames_sent = 0
        self.frames_dropped = 0
        self.model: Model | None = None
        """The loaded model's hotkeys as last read; None until read."""
        self.missing: dict[str, str] = {}
        """Emotion -> mapped hotkey the current model does not have."""
        self.status: tuple[StatusState, str] = ("ok", "")
        self._map = dict(emotion_map)
        self._cues: dict[str, Cue | None] = {}
        self._on: Cue | None = None
        """The expression or toggle this adapter turned on and has not turned off."""
        self._lock = asyncio.Lock()
        self._waiting = 0
        self._refresh_lock = asyncio.Lock()
        self._warned: set[str] = set()
        self._source: MouthSource | None = None
        self._value = 0.0
        self._wake = asyncio.Event()
        self._loop_task: asyncio.Task[None] | None = None
        self._logged_epoch = -1
        self._warned_unknown: set[str] = set()
        self._listening = False
        self._reports: set[asyncio.Future[None]] = set()
        self._resolve()

    # the persona's map and the model ---------------------------------------------------------

    @property
    def emotion_map(self) -> dict[str, str]:
        """The persona's emotion -> hotkey name/id or expression file (as written)."""
        return self._map

    @emotion_map.setter
    def emotion_map(self, mapping: Mapping[str, str]) -> None:
        self._map = dict(mapping)
        self._resolve()

    async def check_map(self) -> list[str]:
        """Read the model's hotkeys now; returns the mapped hotkeys it does not have."""
        await self.refresh()
        return list(dict.fromkeys(self.missing.values()))

    async def refresh(self) -> None:
        """Read the loaded model's hotkeys (HotkeysInCurrentModelRequest) and resolve the map."""
        async with self._refresh_lock:
            model = Model.from_response(await self.client.current_hotkeys())
            if self.model is not None and model.model_id != self.model.model_id:
                self._on = None  # another model: nothing of ours is on any more
                log.info("VTube Studio model is now %r", model.name or "(none)")
            self.model = model
            self._resolve()

    async def _refresh_quietly(self, *_: Any) -> None:
        try:
            await self.refresh()
        except BackendError as e:
            log.warning("could not read the VTube Studio hotkeys: %s", e)

    def _resolve(self) -> None:
        model = self.model
        self._cues = {emotion: cue_for(target, model) for emotion, target in self._map.items()}
        if model is None:
            return
        self.missing = {e: t for e, t in self._map.items() if self._cues[e] is None}
        if not model.loaded:
            self._set_status("degraded", "no model loaded in VTube Studio")
            return
        for emotion, target in self._map.items():
            if emotion in self.missing:
                self._warn(
                    f"emotion {emotion!r} maps to hotkey {target!r}, which model {model.name!r} does not have"
                )
            elif not target.endswith(EXPRESSION_SUFFIX) and len(same := model.namesakes(target)) > 1:
                chosen = model.find(target)
                self._warn(
                    f"emotion {emotion!r} maps to hotkey name {target!r}, which model {model.name!r} has "
                    f"{len(same)} hotkeys for: {', '.join(h.describe() for h in same)}; VTube Studio "
                    f"triggers {chosen.describe() if chosen else '?'}. Rename one, or map the hotkey id."
                )
        if self.missing:
            which = ", ".join(f"{e} ({t})" for e, t in sorted(self.missing.items()))
            self._set_status("degraded", f"model {model.name!r} has no hotkey for: {which}")
        else:
            self._set_status("ok", f"model {model.name!r}")

    def _warn(self, message: str) -> None:
        key = f"{self.model.model_id if self.model else ''}|{message}"
        if key not in self._warned:
            self._warned.add(key)
            log.warning("VTube Studio: %s", message)

    def _set_status(self, state: StatusState, detail: str) -> None:
        if (state, detail) == self.status:
            return
        self.status = (state, detail)
        if self.on_status is not None:
            result = self.on_status(state, detail)
            if result is not None:
                self._spawn_report(result)

    def _spawn_report(self, result: Awaitable[None]) -> None:
        task = asyncio.ensure_future(result)
        self._reports.add(task)
        task.add_done_callback(self._report_done)

    def _report_done(self, task: asyncio.Future[None]) -> None:
        self._reports.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("reporting the VTube Studio status failed: %r", task.exception())

    # emotions ------------------------------------------------------------------------------

    async def apply(self, emotion: str) -> bool:
        """Show ``emotion``; True when it shows (or already did), False when dropped or unmapped."""
        return await self._change(emotion)

    async def reset(self) -> bool:
        """Back to neutral: turn off what is on; nothing is sent when nothing is."""
        return await self._change(self.neutral)

    async def _change(self, emotion: str) -> bool:
        self._waiting += 1  # changes run one at a time, in call order
        try:
            await self._lock.acquire()
        finally:
            self._waiting -= 1
        try:
            if self.model is None and self.client.connected:
                await self._refresh_quietly()
            return await self._show(emotion)
        finally:
            self._lock.release()

    async def _show(self, emotion: str) -> bool:
        cue = self._cues.get(emotion)
        if cue is None:
            if emotion == self.neutral:
                return await self._off()
            log.debug("no VTube Studio hotkey for emotion %r", emotion)
            return False
        if cue.kind == "oneshot":
            if emotion != self.neutral:
                return await self._press(cue.ref, retry=False)
            if self._on is None:
                return True  # already neutral: no redundant neutral hotkey
            ok = await self._off()
            return await self._press(cue.ref, retry=False) and ok
        if cue.kind == "clear":
            if self._on is None:
                return True
            if await self._press(cue.ref, retry=True):
                self._on = None
                return True
            return False
        if self._on == cue:
            return True
        if not await self._off():
            return False
        if await self._switch(cue, on=True):
            self._on = cue
            return True
        return False

    async def _off(self) -> bool:
        cue = self._on
        if cue is None:
            return True
        if await self._switch(cue, on=False):
            self._on = None
            return True
        return False

    async def _switch(self, cue: Cue, *, on: bool) -> bool:
        if cue.kind == "expression":
            return await self._expression(cue.ref, active=on)
        return await self._press(cue.ref, retry=True)

    async def _expression(self, file: str, *, active: bool) -> bool:
        try:
            await self.client.activate_expression(
                file, active=active, fade_s=self.expression_fade_s, timeout_s=self.action_timeout_s
            )
        except BackendError as e:
            self._dropped(e, f"expression {file}")
            return False
        return True

    async def _press(self, hotkey: str, *, retry: bool) -> bool:
        """Trigger ``hotkey``; with ``retry``, a cooldown refusal is tried again after the
        cooldown (backing off) unless a newer change is waiting."""
        delay = self.cooldown_retry_s
        waited = 0.0
        while True:
            try:
                await self.client.trigger_hotkey(hotkey, timeout_s=self.action_timeout_s)
                return True
            except VTSHotkeyCooldown:
                if not retry or self._waiting > 0:  # an animation, or a newer change takes over
                    log.debug("VTube Studio hotkey %r still cooling down; not sent", hotkey)
                    return False
                if waited + delay > self.cooldown_give_up_s:
                    log.warning(
                        "VTube Studio hotkey %r still cooling down after %.1f s; gave up", hotkey, waited
                    )
                    return False
            except BackendError as e:
                self._dropped(e, f"hotkey {hotkey}")
                return False
            await asyncio.sleep(delay)
            waited += delay
            delay *= 2

    def _dropped(self, error: BackendError, what: str) -> None:
        if isinstance(error, VTSNotConnected) or (
            isinstance(error, VTSError) and error.error_id in _OUTAGE_ERRORS
        ):
            if self._logged_epoch != self.client.epoch:
                self._logged_epoch = self.client.epoch
                log.warning("VTube Studio unavailable (%s); dropping avatar updates until it is back", error)
            return
        if what not in self._warned_unknown:
            self._warned_unknown.add(what)
            log.warning("VTube Studio %s failed: %s", what, error)

    # model changes -------------------------------------------------------------------------

    async def _listen(self) -> None:
        """Follow model loads: read the hotkeys after every login and on ModelLoadedEvent."""
        if self._listening:
            return
        self._listening = True
        self.client.on_ready(self._refresh_quietly)
        self.client.on_event("ModelLoadedEvent", self._refresh_quietly)
        self.client.keep_subscribed("ModelLoadedEvent")
        if self.client.connected:
            try:
                await self.client.subscribe("ModelLoadedEvent")
            except BackendError as e:
                log.warning("could not subscribe to VTube Studio model loads: %s", e)
            await self._refresh_quietly()

    # lip-sync ------------------------------------------------------------------------------

    @property
    def speaking(self) -> bool:
        return self._source is not None

    def start_speaking(self, source: MouthSource) -> None:
        """Stream mouth values from ``source`` at ``speaking_hz`` until :meth:`stop_speaking`."""
        self._source = source
        self._wake.set()

    def stop_speaking(self) -> None:
        """Close the mouth and fall back to the idle keep-alive rate."""
        self._source = None
        self._value = 0.0
        self._wake.set()

    def _next_value(self) -> float:
        src = self._source
        if src is None:
            return 0.0
        value: float | None = None
        if isinstance(src, asyncio.Queue):
            while not src.empty():
                value = src.get_nowait()
        else:
            try:
                value = src()
            except Exception:
                log.exception("mouth source failed; closing the mouth")
                self._source = None
                return 0.0
        if value is not None:
            self._value = min(max(float(value), 0.0), 1.0)
        return self._value

    async def start(self) -> None:
        """Follow the model and start the lip-sync loop."""
        await self._listen()
        if self._loop_task is None:
            self._loop_task = asyncio.create_task(self._mouth_loop(), name="vts-mouth")

    async def close(self) -> None:
        if self._loop_task is not None:
            self._loop_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop_task
            self._loop_task = None

    async def __aenter__(self) -> VTSAvatar:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _mouth_loop(self) -> None:
        next_at = time.monotonic()
        while True:
            self._wake.clear()
            period = 1.0 / (self.speaking_hz if self.speaking else self.idle_hz)
            value = self._next_value()
            if self.client.connected:
                try:
                    await self.client.inject_parameters(
                        {self.mouth_parameter: value}, timeout_s=max(period, 0.25)
                    )
                    self.frames_sent += 1
                except BackendError as e:
                    self.frames_dropped += 1
                    self._dropped(e, "mouth injection")
            else:  # down, logging in again or API off: nothing is sent until the client is back
                self.frames_dropped += 1
                self._dropped(VTSNotConnected(), "mouth injection")
            next_at += period
            now = time.monotonic()
            if next_at < now:  # fell behind (slow VTS): skip missed frames rather than burst
                next_at = now
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), next_at - now)
                next_at = time.monotonic()  # speaking state changed: send right away
