"""Playback on a local sound device through ``sounddevice`` (PortAudio).

Optional: the ``sounddevice`` package and the PortAudio C library (Debian/Ubuntu:
``apt-get install libportaudio2``) are imported only when a :class:`SoundDeviceSink` opens
or :func:`list_devices` is called; if either is missing a :class:`BackendError` says what to
install.

How it plays: one PortAudio ``RawOutputStream`` (mono int16) runs a callback on PortAudio's
thread that pulls from a byte buffer, filling with silence when the buffer is empty. The
stream stays open across turns (re-opened only when the sample rate changes). ``write``
appends to the buffer and returns once all but the last ``lead_s`` of its audio has been
handed to the device, so the next sentence can be queued without a gap. ``stop`` empties
the buffer: the device falls silent after its own output latency (``latency="low"``: a few
tens of ms). A monitor task on the event loop turns the callback's progress into
``on_frame`` calls (about every 10 ms) and :attr:`played_s` (audio handed to the device).

If the device refuses the turn's sample rate, the stream is opened at the device's
default rate and audio is resampled to it.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import threading
from collections import deque
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from engines.backends import BackendError
from engines.voice.pcm import SAMPLE_WIDTH, resample
from engines.voice.sinks import AudioSink

__all__ = ["OutputDevice", "SoundDeviceSink", "list_devices", "load_sounddevice"]

log = logging.getLogger(__name__)

_NAME = "sound-device"


def load_sounddevice() -> ModuleType:
    """Import ``sounddevice``, translating a missing package or PortAudio into a BackendError."""
    try:
        # imported by name: optional, untyped, and absent from the lock file
        sounddevice = importlib.import_module("sounddevice")
    except ImportError as exc:
        raise BackendError(
            _NAME,
            "the sounddevice package is not installed (pip install sounddevice); it also needs the "
            "PortAudio library: install libportaudio2 (apt-get install libportaudio2)",
        ) from exc
    except OSError as exc:  # sounddevice raises OSError when libportaudio cannot be loaded
        raise BackendError(
            _NAME,
            f"PortAudio library not available ({exc}): install libportaudio2 (apt-get install libportaudio2)",
        ) from exc
    return sounddevice


@dataclass(frozen=True, slots=True)
class OutputDevice:
    index: int
    name: str
    hostapi: str
    channels: int
    default_samplerate: float
    is_default: bool


def list_devices() -> list[OutputDevice]:
    """Output-capable devices PortAudio sees (empty on a machine without sound hardware)."""
    sd = load_sounddevice()
    try:
        devices = sd.query_devices()
        hostapis = sd.query_hostapis()
        default_out = sd.default.device[1]
    except Exception as exc:
        raise BackendError(_NAME, f"cannot list devices: {type(exc).__name__}: {exc}") from exc
    out: list[OutputDevice] = []
    for index, dev in enumerate(devices):
        if int(dev["max_output_channels"]) < 1:
            continue
        out.append(
            OutputDevice(
                index=index,
                name=str(dev["name"]),
                hostapi=str(hostapis[int(dev["hostapi"])]["name"]),
                channels=int(dev["max_output_channels"]),
                default_samplerate=float(dev["default_samplerate"]),
                is_default=index == default_out,
            )
        )
    return out


@dataclass(slots=True)
class _Segment:
    start: int  # device-rate sample positions in this turn
    end: int
    pcm: bytes  # the audio at the turn's rate, for on_frame
    emitted: int = 0  # turn-rate samples of it already reported


class SoundDeviceSink(AudioSink):
    """An :class:`AudioSink` on a PortAudio output device (name substring, index, or None
    for the default)."""

    def __init__(
        self,
        device: str | int | None = None,
        *,
        latency: str | float = "low",
        block_s: float = 0.01,
        lead_s: float = 0.05,
        poll_s: float = 0.01,
    ) -> None:
        super().__init__()
        self.device = device
        self.latency = latency
        self.block_s = block_s
        self.lead_s = lead_s
        self.poll_s = poll_s
        self._sd: ModuleType | None = None
        self._stream: Any = None
        self._stream_rate = 0  # the rate the device runs at
        self._requested_rate = 0  # the turn rate the stream was opened for
        self._lock = threading.Lock()
        self._buf = bytearray()
        self._consumed = 0  # device samples handed to the device this turn
        self._queued = 0  # device samples written this turn
        self._segments: deque[_Segment] = deque()
        self._monitor: asyncio.Task[None] | None = None
        self._progress = asyncio.Event()
        self.underruns = 0

    @property
    def device_rate(self) -> int:
        """The rate the device stream runs at (the turn's rate unless the device refused it)."""
        return self._stream_rate

    # -------------------------------------------------------------- PortAudio side (its thread)

    def _callback(self, outdata: Any, frames: int, time_info: Any, status: Any) -> None:
        want = frames * SAMPLE_WIDTH
        with self._lock:
            take = bytes(self._buf[:want])
            del self._buf[:want]
            self._consumed += len(take) // SAMPLE_WIDTH
        outdata[: len(take)] = take
        if len(take) < want:
            outdata[len(take) : want] = bytes(want - len(take))
        if status and getattr(status, "output_underflow", False):
            self.underruns += 1

    # -------------------------------------------------------------- stream management

    def _open_stream(self, rate: int) -> None:
        """Blocking: (re)open the stream at ``rate``, or the device's default rate if refused."""
        sd = self._sd
        assert sd is not None
        self._close_stream()
        rates = [rate]
        try:
            info = sd.query_devices(self.device, "output")
            default_rate = int(info["default_samplerate"])
            if default_rate != rate:
                rates.append(default_rate)
        except Exception as exc:
            raise BackendError(_NAME, f"output device {self.device!r} not usable: {exc}") from exc
        last: Exception | None = None
        for candidate in rates:
            try:
                stream = sd.RawOutputStream(
                    samplerate=candidate,
                    channels=1,
                    dtype="int16",
                    device=self.device,
                    blocksize=max(1, int(candidate * self.block_s)),
                    latency=self.latency,
                    callback=self._callback,
                )
                stream.start()
            except Exception as exc:
                last = exc
                log.info("output device refused %d Hz: %s", candidate, exc)
                continue
            self._stream = stream
            self._stream_rate = candidate
            return
        raise BackendError(_NAME, f"cannot open output device {self.device!r}: {last}")

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        self._stream_rate = 0
        self._requested_rate = 0
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.abort()
            with contextlib.suppress(Exception):
                stream.close()

    # -------------------------------------------------------------- AudioSink hooks

    async def _open_impl(self, turn_id: str, sample_rate: int) -> None:
        if self._sd is None:
            self._sd = load_sounddevice()
        if self._stream is None or self._requested_rate != sample_rate:
            await asyncio.to_thread(self._open_stream, sample_rate)
            self._requested_rate = sample_rate
        with self._lock:
            self._buf.clear()
            self._consumed = 0
            self._queued = 0
        self._segments.clear()
        self._progress = asyncio.Event()
        self._monitor = asyncio.create_task(self._monitor_loop(), name=f"sounddevice-monitor-{turn_id}")

    async def _write_impl(self, pcm: bytes) -> None:
        rate = self._rate
        dev = pcm if self._stream_rate == rate else resample(pcm, rate, self._stream_rate)
        n = len(dev) // SAMPLE_WIDTH
        with self._lock:
            start = self._queued
            self._buf += dev
            self._queued += n
        self._segments.append(_Segment(start, start + n, pcm))
        target = start + n - int(self.lead_s * self._stream_rate)
        while not self._stopped:
            with self._lock:
                if self._consumed >= target:
                    return
            await self._wait_progress()

    async def _wait_progress(self) -> None:
        self._progress.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._progress.wait(), self.poll_s * 5)

    async def _monitor_loop(self) -> None:
        """Report played audio (on_frame, played_s) as the callback consumes it."""
        try:
            while True:
                await asyncio.sleep(self.poll_s)
                self._report()
                self._progress.set()
        except asyncio.CancelledError:
            self._report()
            raise

    def _report(self) -> None:
        with self._lock:
            consumed = self._consumed
        while self._segments:
            seg = self._segments[0]
            done_dev = min(consumed, seg.end) - seg.start
            if done_dev <= 0:
                break
            total = len(seg.pcm) // SAMPLE_WIDTH
            dev_len = seg.end - seg.start
            upto = total if done_dev >= dev_len else int(total * done_dev / dev_len)
            if upto > seg.emitted:
                piece = seg.pcm[seg.emitted * SAMPLE_WIDTH : upto * SAMPLE_WIDTH]
                self._emit_frame(piece, self._played_samples / self._rate)
                self._played_samples += upto - seg.emitted
                seg.emitted = upto
            if done_dev >= dev_len:
                self._segments.popleft()
            else:
                break

    async def _stop_impl(self) -> None:
        with self._lock:
            self._buf.clear()
            self._queued = self._consumed
        self._report()
        self._segments.clear()
        self._progress.set()

    async def _close_impl(self) -> None:
        try:
            if not self._stopped:
                while True:  # drain what was written
                    with self._lock:
                        if self._consumed >= self._queued:
                            break
                    await self._wait_progress()
                latency = float(getattr(self._stream, "latency", 0.0) or 0.0)
                if latency > 0:
                    await asyncio.sleep(latency)  # let the device play out its own buffer
        finally:
            monitor, self._monitor = self._monitor, None
            if monitor is not None:
                monitor.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await monitor

    async def aclose(self) -> None:
        """End the turn and close the device stream."""
        await super().aclose()
        await asyncio.to_thread(self._close_stream)
