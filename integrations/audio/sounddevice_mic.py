"""The streamer's live microphone through ``sounddevice`` (PortAudio).

:class:`SoundDeviceMic` is an async iterable of 16 kHz mono int16 :class:`MicChunk` blocks
(``block_ms`` each, 32 ms by default: one Silero frame). Iterating opens a PortAudio
``RawInputStream`` whose callback, on PortAudio's own thread, hands each block to the event
loop with ``call_soon_threadsafe``; the loop side downmixes (a device that only records in
stereo) and resamples (a device that cannot record at 16 kHz is opened at its default
rate, and :class:`~integrations.audio.resampler.StreamResampler` converts without seams).
Each chunk carries ``captured_at``, the monotonic time the callback received it.

The device is chosen by index or by part of its name (``vtuber audio devices`` lists
them); None is the system default. A missing device, a missing PortAudio library, a
device that cannot be opened, or one that stops delivering audio for ``stall_s`` (unplugged)
raise :class:`~engines.backends.BackendError` with a clear message: the caller logs it,
reports the microphone down and tries again later, and the show goes on.

If the loop falls behind, the oldest blocks beyond ``max_queue_s`` are dropped (counted in
``dropped_blocks``) rather than letting latency grow without bound.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from engines.backends import AudioChunk, BackendError
from engines.voice.pcm import from_float32, to_float32, to_int16
from integrations.audio.resampler import StreamResampler
from integrations.audio.sounddevice_sink import load_sounddevice

__all__ = ["AudioDevice", "MicChunk", "SoundDeviceMic", "audio_devices", "resolve_input_device"]

log = logging.getLogger(__name__)

_NAME = "microphone"
RATE = 16000


@dataclass(frozen=True, slots=True)
class MicChunk(AudioChunk):
    """A block of microphone audio and when it arrived (``time.monotonic()``, at its end)."""

    captured_at: float = 0.0


@dataclass(frozen=True, slots=True)
class AudioDevice:
    """A PortAudio device, as ``vtuber audio devices`` lists it."""

    index: int
    name: str
    hostapi: str
    input_channels: int
    output_channels: int
    default_samplerate: float
    default_input: bool
    default_output: bool


def _query(sd: ModuleType) -> tuple[list[Any], list[Any], tuple[int, int]]:
    try:
        devices = list(sd.query_devices())
        hostapis = list(sd.query_hostapis())
        default_in, default_out = (int(d) if d is not None else -1 for d in sd.default.device)
    except Exception as exc:
        raise BackendError(_NAME, f"cannot list the audio devices: {type(exc).__name__}: {exc}") from exc
    return devices, hostapis, (default_in, default_out)


def audio_devices() -> list[AudioDevice]:
    """Every device PortAudio sees, inputs and outputs (empty without sound hardware)."""
    sd = load_sounddevice()
    devices, hostapis, (default_in, default_out) = _query(sd)
    out: list[AudioDevice] = []
    for index, dev in enumerate(devices):
        api = int(dev.get("hostapi", 0))
        out.append(
            AudioDevice(
                index=index,
                name=str(dev["name"]),
                hostapi=str(hostapis[api]["name"]) if 0 <= api < len(hostapis) else "?",
                input_channels=int(dev["max_input_channels"]),
                output_channels=int(dev["max_output_channels"]),
                default_samplerate=float(dev["default_samplerate"]),
                default_input=index == default_in,
                default_output=index == default_out,
            )
        )
    return out


def _describe(inputs: list[tuple[int, Any]]) -> str:
    return ", ".join(f"{i} {str(d['name'])!r}" for i, d in inputs) or "none"


def resolve_input_device(sd: ModuleType, device: str | int | None) -> tuple[int, Any]:
    """The (index, info) of the input device meant by ``device``: an index, a name or part of
    one (case-insensitive; an exact name wins), or None for the system default."""
    devices, _, (default_in, _) = _query(sd)
    inputs = [(i, d) for i, d in enumerate(devices) if int(d["max_input_channels"]) > 0]
    if not inputs:
        raise BackendError(_NAME, "no audio input device found (PortAudio sees no microphone)")
    if device is None or (isinstance(device, str) and not device.strip()):
        if 0 <= default_in < len(devices) and int(devices[default_in]["max_input_channels"]) > 0:
            return default_in, devices[default_in]
        log.warning("no default input device; using %r", str(inputs[0][1]["name"]))
        return inputs[0]
    if isinstance(device, int) or device.strip().isdigit():
        index = int(device)
        for i, d in inputs:
            if i == index:
                return i, d
        raise BackendError(_NAME, f"device {index} is not an input device; inputs: {_describe(inputs)}")
    wanted = device.strip().casefold()
    exact = [(i, d) for i, d in inputs if str(d["name"]).casefold() == wanted]
    if exact:
        return exact[0]
    matches = [(i, d) for i, d in inputs if wanted in str(d["name"]).casefold()]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise BackendError(
            _NAME, f"{device!r} matches several input devices: {_describe(matches)}; use its index"
        )
    raise BackendError(_NAME, f"no input device matching {device!r}; inputs: {_describe(inputs)}")


class SoundDeviceMic:
    """Live microphone audio as 16 kHz mono int16 chunks (see the module doc)."""

    def __init__(
        self,
        device: str | int | None = None,
        *,
        block_ms: float = 32.0,
        latency: str | float = "low",
        stall_s: float = 2.0,
        max_queue_s: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if block_ms <= 0 or stall_s <= 0 or max_queue_s <= 0:
            raise ValueError("block_ms, stall_s and max_queue_s must be positive")
        self.device = device
        self.block_ms = block_ms
        self.latency = latency
        self.stall_s = stall_s
        self.max_queue_s = max_queue_s
        self.clock = clock
        self.device_name: str | None = None
        self.device_rate = 0
        self.device_channels = 0
        self.dropped_blocks = 0
        self.overflows = 0
        """PortAudio reported input overflow (audio lost before it reached the callback)."""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._blocks: deque[tuple[bytes, float]] = deque()
        self._ready = asyncio.Event()
        self._failed: str | None = None
        self._max_blocks = 1

    # -------------------------------------------------------------- PortAudio side (its thread)

    def _callback(self, indata: Any, frames: int, time_info: Any, status: Any) -> None:
        if status and getattr(status, "input_overflow", False):
            self.overflows += 1
        loop = self._loop
        if loop is None:
            return
        data = bytes(indata)
        at = self.clock()
        with contextlib.suppress(RuntimeError):  # the loop is closing
            loop.call_soon_threadsafe(self._put, data, at)

    def _finished(self) -> None:
        """PortAudio stopped the stream on its own (a device error)."""
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(self._fail, "the input stream stopped (device removed?)")

    # -------------------------------------------------------------- loop side

    def _put(self, data: bytes, at: float) -> None:
        self._blocks.append((data, at))
        while len(self._blocks) > self._max_blocks:
            self._blocks.popleft()
            self.dropped_blocks += 1
        self._ready.set()

    def _fail(self, reason: str) -> None:
        self._failed = reason
        self._ready.set()

    def _open(self, sd: ModuleType) -> Any:
        """Blocking: open and start the input stream (16 kHz mono if the device allows)."""
        index, info = resolve_input_device(sd, self.device)
        self.device_name = str(info["name"])
        default_rate = int(float(info["default_samplerate"]) or RATE)
        channels_max = max(1, int(info["max_input_channels"]))
        attempts = [(RATE, 1)]
        if default_rate != RATE:
            attempts.append((default_rate, 1))
        if channels_max > 1:
            attempts += [(RATE, min(2, channels_max)), (default_rate, min(2, channels_max))]
        last: Exception | None = None
        for rate, channels in dict.fromkeys(attempts):
            try:
                stream = sd.RawInputStream(
                    samplerate=rate,
                    channels=channels,
                    dtype="int16",
                    device=index,
                    blocksize=max(1, round(rate * self.block_ms / 1000)),
                    latency=self.latency,
                    callback=self._callback,
                    finished_callback=self._finished,
                )
                stream.start()
            except Exception as exc:
                last = exc
                log.info("input device %r refused %d Hz x%d: %s", self.device_name, rate, channels, exc)
                continue
            self.device_rate = rate
            self.device_channels = channels
            return stream
        raise BackendError(_NAME, f"cannot open input device {self.device_name!r}: {last}")

    def __aiter__(self) -> AsyncIterator[MicChunk]:
        return self._chunks()

    async def _chunks(self) -> AsyncIterator[MicChunk]:
        sd = load_sounddevice()
        self._loop = asyncio.get_running_loop()
        self._blocks.clear()
        self._failed = None
        self._ready = asyncio.Event()
        self._max_blocks = max(2, round(self.max_queue_s * 1000 / self.block_ms))
        try:
            stream = await asyncio.to_thread(self._open, sd)
        except BackendError:
            self._loop = None
            raise
        except Exception as exc:
            self._loop = None
            raise BackendError(_NAME, f"cannot open the input device: {type(exc).__name__}: {exc}") from exc
        log.info(
            "microphone %r open at %d Hz, %d channel(s)",
            self.device_name,
            self.device_rate,
            self.device_channels,
        )
        resampler = StreamResampler(self.device_rate, RATE) if self.device_rate != RATE else None
        try:
            while True:
                if not self._blocks:
                    self._ready.clear()
                    if self._failed is None:
                        try:
                            await asyncio.wait_for(self._ready.wait(), self.stall_s)
                        except TimeoutError:
                            raise BackendError(
                                _NAME,
                                f"no audio from {self.device_name!r} for {self.stall_s:g} s (unplugged?)",
                            ) from None
                    if self._failed is not None and not self._blocks:
                        raise BackendError(_NAME, f"{self.device_name!r}: {self._failed}")
                    continue
                data, at = self._blocks.popleft()
                yield MicChunk(self._convert(data, resampler), RATE, at)
        finally:
            self._loop = None
            with contextlib.suppress(Exception):
                stream.abort()
            with contextlib.suppress(Exception):
                stream.close()

    def _convert(self, data: bytes, resampler: StreamResampler | None) -> bytes:
        if len(data) % 2:
            data = data[:-1]
        if self.device_channels > 1:
            samples = to_int16(data)
            usable = samples.size - samples.size % self.device_channels
            frames = samples[:usable].reshape(-1, self.device_channels).astype(np.float32)
            data = from_float32(frames.mean(axis=1) / 32768.0)
        if resampler is None:
            return data
        return from_float32(resampler.process(to_float32(data)))
