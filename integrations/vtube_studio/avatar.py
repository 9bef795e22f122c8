"""The avatar adapter: emotions to hotkeys/expressions, reset to neutral, and lip-sync.

``apply(emotion)`` looks the emotion up in the persona's ``emotion_hotkeys`` map: a value
ending in ``.exp3.json`` is an expression file (ExpressionActivationRequest), anything else
a hotkey name or id (HotkeyTriggerRequest). ``reset()`` deactivates the expression this
adapter turned on and triggers the ``neutral`` hotkey when one is mapped.

Lip-sync: a sender loop injects ``MouthOpen`` (0..1) at ``speaking_hz`` (30-60) while a
mouth source is set, and at ``idle_hz`` (>= 1; VTube Studio reverts an injected parameter
after 1 s without data) while idle. The source is a callable returning the latest value
(or None for "no new value") or an ``asyncio.Queue`` of values (the newest queued value is
sent each frame, so the mouth stays in step with playback).

Nothing here blocks or raises into the show: while VTube Studio is down, calls are dropped
at once and the drop is logged once per outage.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Mapping

from engines.backends import BackendError
from integrations.vtube_studio.client import VTSClient, VTSHotkeyCooldown, VTSNotConnected

__all__ = ["MouthSource", "VTSAvatar"]

log = logging.getLogger(__name__)

MouthSource = Callable[[], float | None] | asyncio.Queue[float]

EXPRESSION_SUFFIX = ".exp3.json"


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
    ) -> None:
        if not 30.0 <= speaking_hz <= 60.0:
            raise ValueError("speaking_hz must be between 30 and 60")
        if idle_hz < 1.0:
            raise ValueError("idle_hz must be at least 1 (VTube Studio reverts after 1 s)")
        self.client = client
        self.emotion_map = dict(emotion_map)
        self.neutral = neutral
        self.mouth_parameter = mouth_parameter
        self.speaking_hz = speaking_hz
        self.idle_hz = idle_hz
        self.action_timeout_s = action_timeout_s
        self.expression_fade_s = expression_fade_s
        self.frames_sent = 0
        self.frames_dropped = 0
        self._active_expression: str | None = None
        self._source: MouthSource | None = None
        self._value = 0.0
        self._wake = asyncio.Event()
        self._loop_task: asyncio.Task[None] | None = None
        self._logged_epoch = -1
        self._warned_unknown: set[str] = set()

    # emotions ------------------------------------------------------------------------------

    async def apply(self, emotion: str) -> bool:
        """Show ``emotion``; True when VTube Studio accepted it, False when dropped or unmapped."""
        if emotion == self.neutral:
            return await self.reset()
        target = self.emotion_map.get(emotion)
        if target is None:
            log.debug("no VTube Studio mapping for emotion %r", emotion)
            return False
        if target.endswith(EXPRESSION_SUFFIX):
            ok = True
            if self._active_expression not in (None, target):
                ok = await self._expression(self._active_expression or "", active=False)
            ok = await self._expression(target, active=True) and ok
            return ok
        return await self._hotkey(target)

    async def check_map(self) -> list[str]:
        """Discover the model's hotkeys (HotkeysInCurrentModelRequest) and resolve the persona
        map's hotkey names to ids. Returns the mapped hotkeys the model does not have (each is
        logged once); expression files are left to VTube Studio."""
        available = await self.client.hotkeys()
        by_name = {str(h.get("name", "")).casefold(): str(h.get("hotkeyID", "")) for h in available}
        ids = {str(h.get("hotkeyID", "")) for h in available}
        missing = []
        for emotion, target in list(self.emotion_map.items()):
            if target.endswith(EXPRESSION_SUFFIX) or target in ids:
                continue
            if target.casefold() in by_name:
                self.emotion_map[emotion] = by_name[target.casefold()]
            else:
                missing.append(target)
                log.warning(
                    "emotion %r maps to hotkey %r, which the current model does not have", emotion, target
                )
        return missing

    async def reset(self) -> bool:
        """Back to neutral: deactivate our expression, then the neutral hotkey/expression if mapped."""
        ok = True
        if self._active_expression is not None:
            ok = await self._expression(self._active_expression, active=False)
        target = self.emotion_map.get(self.neutral)
        if target is not None:
            if target.endswith(EXPRESSION_SUFFIX):
                ok = await self._expression(target, active=True) and ok
            else:
                ok = await self._hotkey(target) and ok
        return ok

    async def _expression(self, file: str, *, active: bool) -> bool:
        try:
            await self.client.activate_expression(
                file, active=active, fade_s=self.expression_fade_s, timeout_s=self.action_timeout_s
            )
        except BackendError as e:
            self._dropped(e, f"expression {file}")
            return False
        if active:
            self._active_expression = file
        elif self._active_expression == file:
            self._active_expression = None
        return True

    async def _hotkey(self, hotkey: str) -> bool:
        try:
            await self.client.trigger_hotkey(hotkey, timeout_s=self.action_timeout_s)
        except VTSHotkeyCooldown:
            log.debug("VTube Studio hotkey %r still cooling down; skipped", hotkey)
            return False
        except BackendError as e:
            self._dropped(e, f"hotkey {hotkey}")
            return False
        return True

    def _dropped(self, error: BackendError, what: str) -> None:
        if isinstance(error, VTSNotConnected):
            if self._logged_epoch != self.client.epoch:
                self._logged_epoch = self.client.epoch
                log.warning("VTube Studio not connected; dropping avatar updates until it is back")
            return
        if what not in self._warned_unknown:
            self._warned_unknown.add(what)
            log.warning("VTube Studio %s failed: %s", what, error)

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
            else:
                self.frames_dropped += 1
                self._dropped(VTSNotConnected(), "mouth injection")
            next_at += period
            now = time.monotonic()
            if next_at < now:  # fell behind (slow VTS): skip missed frames rather than burst
                next_at = now
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), next_at - now)
                next_at = time.monotonic()  # speaking state changed: send right away
