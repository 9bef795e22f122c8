"""SoundDeviceSink: import errors are clear; the playback logic runs against a fake PortAudio
stream (a thread calling the callback in real time); the real device only where one exists."""

from __future__ import annotations

import asyncio
import concurrent.futures
import sys
import threading
import time
import types
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from engines.backends import AudioChunk, BackendError
from engines.voice import pcm
from integrations.audio import sounddevice_sink
from integrations.audio.sounddevice_sink import SoundDeviceSink, list_devices, load_sounddevice
from tests.support.virtual_clock import VirtualClock

RATE = 22050


# --- import errors ------------------------------------------------------------------------


def test_missing_package_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # makes `import sounddevice` fail
    with pytest.raises(BackendError, match="pip install sounddevice") as info:
        load_sounddevice()
    assert "libportaudio2" in str(info.value)


def test_missing_portaudio_says_install_libportaudio2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # what sounddevice itself does when the C library is absent
    (tmp_path / "sounddevice.py").write_text('raise OSError("PortAudio library not found")\n')
    monkeypatch.delitem(sys.modules, "sounddevice", raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(BackendError, match="install libportaudio2") as info:
        load_sounddevice()
    assert "PortAudio library not found" in str(info.value)


async def test_open_without_portaudio_raises_backend_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)
    sink = SoundDeviceSink()
    with pytest.raises(BackendError, match="sounddevice"):
        await sink.open("t", RATE)


# --- the playback logic on a fake PortAudio ------------------------------------------------


class FakeStream:
    """Calls the callback from its own thread at the stream's real-time rate, like PortAudio;
    or, when the module has a ``loop``, from a task on that loop, paced by the loop's clock
    (a virtual one: the device's time is then exact)."""

    latency = 0.02

    def __init__(self, module: FakeSoundDevice, **kwargs: Any) -> None:
        if kwargs["samplerate"] not in module.accepted_rates:
            raise RuntimeError(f"Invalid sample rate {kwargs['samplerate']}")
        self.module = module
        self.kwargs = kwargs
        self.samplerate = kwargs["samplerate"]
        self.blocksize = kwargs["blocksize"]
        self.callback = kwargs["callback"]
        self.output = bytearray()
        self._halt = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._pump: concurrent.futures.Future[None] | None = None
        module.streams.append(self)

    def start(self) -> None:
        if self.module.loop is not None:
            self._pump = asyncio.run_coroutine_threadsafe(self._run_on_loop(), self.module.loop)
        else:
            self._thread.start()

    def _block(self) -> None:
        out = bytearray(self.blocksize * 2)
        self.callback(out, self.blocksize, None, None)
        self.output += out

    def _run(self) -> None:
        period = self.blocksize / self.samplerate
        next_t = time.perf_counter()
        while not self._halt.is_set():
            self._block()
            next_t += period
            self._halt.wait(max(0.0, next_t - time.perf_counter()))

    async def _run_on_loop(self) -> None:
        period = self.blocksize / self.samplerate
        while not self._halt.is_set():
            self._block()
            await asyncio.sleep(period)

    def abort(self) -> None:
        self._halt.set()
        if self._pump is not None:
            self._pump.cancel()
        else:
            self._thread.join(1)

    def close(self) -> None:
        self.abort()


class FakeSoundDevice(types.ModuleType):
    def __init__(self, accepted_rates: tuple[int, ...] = (RATE, 48000)) -> None:
        super().__init__("sounddevice")
        self.accepted_rates = accepted_rates
        self.streams: list[FakeStream] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        self.default = types.SimpleNamespace(device=(None, 1))

    def RawOutputStream(self, **kwargs: Any) -> FakeStream:
        return FakeStream(self, **kwargs)

    def query_devices(self, device: Any = None, kind: str | None = None) -> Any:
        devices = [
            {"name": "mic", "hostapi": 0, "max_output_channels": 0, "default_samplerate": 48000.0},
            {"name": "speakers", "hostapi": 0, "max_output_channels": 2, "default_samplerate": 48000.0},
        ]
        return devices[1] if kind == "output" else devices

    def query_hostapis(self) -> Any:
        return [{"name": "ALSA"}]


@pytest.fixture
def fake_sd(monkeypatch: pytest.MonkeyPatch) -> FakeSoundDevice:
    module = FakeSoundDevice()
    monkeypatch.setitem(sys.modules, "sounddevice", module)
    return module


@pytest.fixture
async def clock(fake_sd: FakeSoundDevice) -> AsyncIterator[VirtualClock]:
    """The device and the sink on one virtual clock: playback timing is exact."""
    with VirtualClock().patch() as c:
        fake_sd.loop = asyncio.get_running_loop()
        yield c


def test_list_devices_outputs_only(fake_sd: FakeSoundDevice) -> None:
    devices = list_devices()
    assert [(d.index, d.name, d.hostapi, d.is_default) for d in devices] == [(1, "speakers", "ALSA", True)]


def nonzero_span(data: bytes | bytearray) -> int:
    samples = pcm.to_int16(bytes(data))
    idx = samples.nonzero()[0]
    return int(idx[-1] - idx[0] + 1) if idx.size else 0


async def test_plays_in_real_time_with_frames_and_drains_on_close(
    fake_sd: FakeSoundDevice, clock: VirtualClock
) -> None:
    sink = SoundDeviceSink(lead_s=0.05)
    frames: list[tuple[int, float]] = []
    sink.on_frame = lambda frame, t: frames.append((len(frame) // 2, t))
    await sink.open("t1", RATE)
    audio = AudioChunk(pcm.tone(300, 0.5, RATE, amplitude=0.5), RATE)
    started = clock.now
    await sink.write(audio)
    elapsed = clock.now - started
    # returns lead_s before the end (to within a device block and a poll)
    assert elapsed == pytest.approx(0.45, abs=sink.block_s + sink.poll_s)
    await sink.close()
    assert sink.played_s == pytest.approx(0.5, abs=1e-3)
    stream = fake_sd.streams[0]
    assert stream.kwargs["dtype"] == "int16"
    assert stream.kwargs["channels"] == 1
    # everything reached the device, once, in order, with no gap
    assert nonzero_span(stream.output) == pytest.approx(len(audio.pcm) // 2, abs=2)
    assert sum(n for n, _ in frames) == len(audio.pcm) // 2
    assert frames[0][1] == 0.0
    assert all(n <= int(0.03 * RATE) for n, _ in frames)
    # the stream is reused by the next turn at the same rate
    await sink.open("t2", RATE)
    await sink.write(AudioChunk(pcm.tone(300, 0.1, RATE), RATE))
    await sink.close()
    assert len(fake_sd.streams) == 1
    await sink.aclose()


async def test_back_to_back_writes_have_no_gap(fake_sd: FakeSoundDevice) -> None:
    sink = SoundDeviceSink()
    await sink.open("t", RATE)
    for _ in range(3):
        await sink.write(AudioChunk(pcm.tone(300, 0.2, RATE, amplitude=0.5), RATE))
    await sink.close()
    samples = pcm.to_int16(bytes(fake_sd.streams[0].output))
    idx = samples.nonzero()[0]
    gaps = (idx[1:] - idx[:-1]).max()
    assert gaps < 5  # only the sine's own zero crossings, never a dropout
    await sink.aclose()


async def test_stop_cuts_within_a_block(fake_sd: FakeSoundDevice, clock: VirtualClock) -> None:
    sink = SoundDeviceSink()
    await sink.open("t", RATE)
    writer = asyncio.create_task(sink.write(AudioChunk(pcm.tone(300, 2.0, RATE, amplitude=0.5), RATE)))
    await asyncio.sleep(0.3)
    stop_at = clock.now
    await sink.stop()
    await writer
    assert clock.now == stop_at  # the writer returns at once
    played = sink.played_s
    assert played == pytest.approx(0.3, abs=2 * sink.block_s)
    await asyncio.sleep(0.1)
    stream = fake_sd.streams[0]
    heard = nonzero_span(stream.output) / RATE
    assert heard == pytest.approx(played, abs=0.03)  # silence right after the stop
    await sink.close()
    await sink.aclose()


async def test_device_rate_fallback_resamples(monkeypatch: pytest.MonkeyPatch) -> None:
    module = FakeSoundDevice(accepted_rates=(48000,))
    monkeypatch.setitem(sys.modules, "sounddevice", module)
    sink = SoundDeviceSink()
    await sink.open("t", RATE)
    assert sink.device_rate == 48000
    await sink.write(AudioChunk(pcm.tone(300, 0.3, RATE, amplitude=0.5), RATE))
    await sink.close()
    assert sink.played_s == pytest.approx(0.3, abs=1e-3)
    assert nonzero_span(module.streams[-1].output) / 48000 == pytest.approx(0.3, abs=0.01)
    await sink.aclose()


# --- the real device ----------------------------------------------------------------------


async def test_real_device_plays_and_stops() -> None:
    try:
        devices = list_devices()
    except BackendError as exc:
        pytest.skip(f"no PortAudio here: {exc}")
    if not devices:
        pytest.skip("PortAudio is installed but reports no output device on this machine")
    sink = SoundDeviceSink()
    try:
        await sink.open("real", RATE)
    except BackendError as exc:
        pytest.skip(f"the default output device cannot be opened: {exc}")
    writer = asyncio.create_task(sink.write(AudioChunk(pcm.tone(440, 1.0, RATE, amplitude=0.05), RATE)))
    await asyncio.sleep(0.2)
    await sink.stop()
    await writer
    assert 0 < sink.played_s < 1.0  # cut before the end (the timing is tested on the fake device)
    await sink.aclose()


def test_module_imports_without_sounddevice() -> None:
    assert sounddevice_sink.SoundDeviceSink is SoundDeviceSink
