"""SoundDeviceMic: the capture path runs for real against a stand-in PortAudio whose stream
calls the real callback from its own thread, in real time, with the blocks a sound card
would deliver (a real speech recording, at the device's rate and channel count). The real
device is tried only where one exists."""

from __future__ import annotations

import asyncio
import sys
import threading
import time
import types
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engines.backends import AudioChunk, BackendError
from engines.events import EventBase, StreamerUtterance
from engines.voice import pcm
from integrations.audio import sounddevice_mic
from integrations.audio.sounddevice_mic import MicChunk, SoundDeviceMic, audio_devices, resolve_input_device
from integrations.audio.sounddevice_sink import load_sounddevice
from integrations.faster_whisper.stt import FasterWhisperSTT
from integrations.silero_vad import SileroVAD
from streamer.sources.voice import VoiceSource

BOSS = Path(__file__).parents[2] / "data" / "voice" / "boss.wav"


class FakeInputStream:
    """Like PortAudio: its own thread calls ``callback(indata, frames, time, status)`` once per
    block, at the stream's real rate, with int16 interleaved frames of ``source``."""

    def __init__(self, module: FakeSoundDevice, **kwargs: Any) -> None:
        rate, channels = kwargs["samplerate"], kwargs["channels"]
        if rate not in module.rates or channels not in module.channels:
            raise RuntimeError(f"Invalid sample rate or channel count ({rate} Hz x{channels})")
        self.module = module
        self.kwargs = kwargs
        self.callback = kwargs["callback"]
        self.finished_callback = kwargs.get("finished_callback")
        self.blocksize = kwargs["blocksize"]
        mono = pcm.to_float32(module.source.pcm)
        mono = pcm.resample_float32(mono, module.source.sample_rate, rate)
        frames = np.repeat(mono[:, None], channels, axis=1) * np.linspace(1.0, 0.5, channels)[None, :]
        self.data = pcm.from_float32(frames.reshape(-1))
        self.frame_bytes = 2 * channels
        self._halt = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        module.streams.append(self)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        period = self.blocksize / self.kwargs["samplerate"]
        step = self.blocksize * self.frame_bytes
        next_t = time.perf_counter()
        offset = 0
        while not self._halt.is_set():
            if self.module.die_after is not None and offset >= self.module.die_after * step:
                if self.finished_callback is not None:
                    self.finished_callback()  # PortAudio ends the stream on a device error
                return
            block = self.data[offset : offset + step]
            block += bytes(step - len(block))  # silence once the recording is over
            offset += step
            if not self.module.stalled:
                self.callback(memoryview(block), self.blocksize, None, self.module.status)
            next_t += period
            self._halt.wait(max(0.0, next_t - time.perf_counter()))

    def abort(self) -> None:
        self._halt.set()
        self._thread.join(1)

    def close(self) -> None:
        self.abort()
        self.module.closed += 1


class FakeSoundDevice(types.ModuleType):
    def __init__(
        self,
        source: AudioChunk,
        *,
        rates: tuple[int, ...] = (16000, 48000),
        channels: tuple[int, ...] = (1, 2),
        devices: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__("sounddevice")
        self.source = source
        self.rates = rates
        self.channels = channels
        self.streams: list[FakeInputStream] = []
        self.closed = 0
        self.stalled = False
        self.die_after: int | None = None
        self.status: Any = None
        self.devices = devices or [
            {"name": "HDA Intel PCH: ALC257 Analog", "hostapi": 0, "max_input_channels": 2,
             "max_output_channels": 2, "default_samplerate": 48000.0},
            {"name": "Blue Yeti USB Microphone", "hostapi": 0, "max_input_channels": 2,
             "max_output_channels": 0, "default_samplerate": 48000.0},
            {"name": "HDMI 0", "hostapi": 0, "max_input_channels": 0,
             "max_output_channels": 8, "default_samplerate": 48000.0},
        ]  # fmt: skip
        self.default = types.SimpleNamespace(device=[0, 0])

    def RawInputStream(self, **kwargs: Any) -> FakeInputStream:
        return FakeInputStream(self, **kwargs)

    def query_devices(self, device: Any = None, kind: str | None = None) -> Any:
        return self.devices

    def query_hostapis(self) -> Any:
        return [{"name": "ALSA"}]


@pytest.fixture
def speech() -> AudioChunk:
    return pcm.read_wav(BOSS)


@pytest.fixture
def fake_sd(monkeypatch: pytest.MonkeyPatch, speech: AudioChunk) -> FakeSoundDevice:
    module = FakeSoundDevice(speech)
    monkeypatch.setitem(sys.modules, "sounddevice", module)
    return module


async def take(mic: SoundDeviceMic, seconds: float) -> list[MicChunk]:
    chunks: list[MicChunk] = []
    async for chunk in mic:
        chunks.append(chunk)
        if sum(c.seconds for c in chunks) >= seconds:
            break
    return chunks


# --- device choice -------------------------------------------------------------------------


def test_devices_are_listed_with_inputs_outputs_and_defaults(fake_sd: FakeSoundDevice) -> None:
    devices = audio_devices()
    assert [(d.index, d.input_channels, d.output_channels) for d in devices] == [
        (0, 2, 2),
        (1, 2, 0),
        (2, 0, 8),
    ]
    assert devices[0].default_input and devices[0].default_output
    assert not devices[1].default_input
    assert devices[1].hostapi == "ALSA" and devices[1].default_samplerate == 48000.0


def test_an_input_device_is_found_by_index_or_part_of_its_name(fake_sd: FakeSoundDevice) -> None:
    assert resolve_input_device(fake_sd, None)[0] == 0  # the system default
    assert resolve_input_device(fake_sd, 1)[0] == 1
    assert resolve_input_device(fake_sd, "1")[0] == 1
    assert resolve_input_device(fake_sd, "yeti")[0] == 1
    assert resolve_input_device(fake_sd, "BLUE YETI USB MICROPHONE")[0] == 1


def test_a_missing_device_is_a_clear_error(fake_sd: FakeSoundDevice) -> None:
    with pytest.raises(BackendError, match=r"no input device matching 'rode'.*'Blue Yeti USB Microphone'"):
        resolve_input_device(fake_sd, "rode")
    with pytest.raises(BackendError, match="device 2 is not an input device"):
        resolve_input_device(fake_sd, 2)
    with pytest.raises(BackendError, match="matches several input devices"):
        resolve_input_device(fake_sd, "i")  # both inputs have an "i" in their names
    fake_sd.devices = [d for d in fake_sd.devices if d["max_input_channels"] == 0]
    with pytest.raises(BackendError, match="no audio input device found"):
        resolve_input_device(fake_sd, None)


async def test_without_portaudio_the_mic_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", None)  # `import sounddevice` fails
    with pytest.raises(BackendError, match="libportaudio2"):
        await take(SoundDeviceMic(), 0.1)


# --- capture through the callback ----------------------------------------------------------


async def test_16k_mono_blocks_arrive_in_real_time_in_order(
    fake_sd: FakeSoundDevice, speech: AudioChunk
) -> None:
    mic = SoundDeviceMic("yeti")
    started = time.monotonic()
    chunks = await take(mic, 1.0)
    stream = fake_sd.streams[0]
    assert stream.kwargs["samplerate"] == 16000 and stream.kwargs["channels"] == 1
    assert stream.kwargs["dtype"] == "int16" and stream.kwargs["device"] == 1
    assert mic.device_name == "Blue Yeti USB Microphone"
    assert all(c.sample_rate == 16000 and len(c.pcm) == 512 * 2 for c in chunks)
    # the exact samples, in order, nothing lost or repeated
    got = b"".join(c.pcm for c in chunks)
    assert got == speech.pcm[: len(got)]
    stamps = [c.captured_at for c in chunks]
    assert stamps == sorted(stamps) and stamps[0] >= started
    async with asyncio.timeout(5):  # leaving the loop closes the stream (a guard, not a bound)
        while fake_sd.closed != 1:
            await asyncio.sleep(0.01)


async def test_a_48k_stereo_only_device_is_downmixed_and_resampled(
    monkeypatch: pytest.MonkeyPatch, speech: AudioChunk
) -> None:
    module = FakeSoundDevice(speech, rates=(48000,), channels=(2,))
    monkeypatch.setitem(sys.modules, "sounddevice", module)
    mic = SoundDeviceMic()
    chunks = await take(mic, 2.0)
    assert (mic.device_rate, mic.device_channels) == (48000, 2)
    got = pcm.to_float32(b"".join(c.pcm for c in chunks))
    # left at full level, right at half: the mix is 0.75 of the original, 10 samples late
    want = 0.75 * pcm.to_float32(speech.pcm)[: got.size - 10]
    err = got[10:] - want
    assert float(np.sqrt(np.mean(err**2))) < 0.01 * float(np.sqrt(np.mean(want**2))) + 1e-4


async def test_the_words_come_through_the_callback_into_an_utterance(fake_sd: FakeSoundDevice) -> None:
    """Microphone blocks, as the callback hands them over, make the utterance: real VAD and STT."""
    stt = FasterWhisperSTT(initial_prompt="Chat with Hiyori.")
    published: list[EventBase] = []

    async def publish(event: EventBase) -> None:
        published.append(event)

    source = VoiceSource(channel="c", vad=SileroVAD(), stt=stt, publish=publish)
    try:
        async for chunk in SoundDeviceMic():
            await source.feed(chunk)
            if source.stats.utterances:
                break
        await source.aclose()
    finally:
        await stt.aclose()
    assert len(published) == 1 and isinstance(published[0], StreamerUtterance)
    assert "boss" in published[0].text.lower()


async def test_a_device_that_stops_delivering_is_an_error_not_a_hang(fake_sd: FakeSoundDevice) -> None:
    mic = SoundDeviceMic(stall_s=0.3)
    got: list[MicChunk] = []

    async def listen() -> None:
        async for chunk in mic:
            got.append(chunk)
            if len(got) == 5:
                fake_sd.stalled = True  # unplugged: the callback is no longer called

    with pytest.raises(BackendError, match=r"no audio from 'HDA Intel PCH: ALC257 Analog' for 0\.3 s"):
        await listen()
    assert len(got) == 5
    assert fake_sd.closed == 1


async def test_a_stream_that_portaudio_ends_is_an_error(fake_sd: FakeSoundDevice) -> None:
    fake_sd.die_after = 3
    with pytest.raises(BackendError, match="input stream stopped"):
        async for _ in SoundDeviceMic(stall_s=5.0):
            pass


async def test_a_consumer_that_falls_behind_loses_the_oldest_blocks_not_the_newest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    noise = AudioChunk(pcm.from_float32(np.random.default_rng(3).normal(0.0, 0.2, 16000 * 3)), 16000)
    monkeypatch.setitem(sys.modules, "sounddevice", FakeSoundDevice(noise))  # every block unique
    mic = SoundDeviceMic(max_queue_s=0.2)
    iterator = aiter(mic)
    first = await anext(iterator)
    async with asyncio.timeout(10):  # the loop is busy elsewhere while the device goes on
        while mic.dropped_blocks < 8:
            await asyncio.sleep(0.01)
    rest = [await anext(iterator) for _ in range(7)]
    await iterator.aclose()  # type: ignore[attr-defined]
    assert mic.dropped_blocks >= 8
    # what is left is the most recent audio: it continues where the device is now
    offset = noise.pcm.index(rest[0].pcm)
    assert offset > len(first.pcm) * 8


def test_input_overflow_is_counted(fake_sd: FakeSoundDevice) -> None:
    mic = SoundDeviceMic()
    mic._callback(b"\x00\x00" * 512, 512, None, types.SimpleNamespace(input_overflow=True))
    assert mic.overflows == 1


# --- the real device -----------------------------------------------------------------------


def _input_devices() -> tuple[list[int], str]:
    try:
        sd = load_sounddevice()
    except BackendError as exc:
        return [], f"PortAudio is not installed, so no input device can exist here ({exc})"
    devices = [i for i, d in enumerate(sd.query_devices()) if int(d["max_input_channels"]) > 0]
    return devices, "PortAudio reports no audio input device on this machine"


@pytest.fixture
def real_input() -> None:
    devices, reason = _input_devices()
    if not devices:
        pytest.skip(reason)


@pytest.mark.usefixtures("real_input")
async def test_the_real_default_microphone_delivers_16k_blocks() -> None:
    chunks = await asyncio.wait_for(take(SoundDeviceMic(), 0.5), 10)
    assert chunks and all(c.sample_rate == 16000 for c in chunks)


def test_module_names() -> None:
    assert sounddevice_mic.SoundDeviceMic is SoundDeviceMic
