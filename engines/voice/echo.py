"""Echo gating: tell the streamer's voice from the bot's own voice picked up by the microphone.

Without a headset, the character's speech comes out of the speakers and back into the
microphone. Silero calls that speech (it is), so it would cut the bot off (barge-in) and be
transcribed as if the streamer had said it. :class:`EchoGate` sits between the VAD and the
endpointer and overrides the speech probability of microphone frames that are the bot's
echo. It learns from what the bot actually plays (:meth:`EchoGate.playback`, fed from the
audio sink) and from the microphone:

* **Expected echo.** The bot's audio is cut into 32 ms frames and measured in 24 bands
  (120 Hz to 7.6 kHz). The echo of a frame may reach the microphone up to ``max_delay_ms``
  later (device buffers, distance) and linger for ``tail_ms`` (room reverb), so for each
  microphone frame the expected echo per band is the loudest reference of that window,
  decayed over the tail, times the learnt echo-path gain of the band.
* **Double-talk.** A frame counts as the streamer's speech only if at least
  ``min_unexplained`` of its energy lies above ``margin_db`` over the expected echo (plus the
  noise floor). A streamer close to the microphone is usually 10-20 dB louder than the
  echo of the speakers, so barge-in still works; the echo alone scores near 0.
* **Learning.** The echo-path gain of each band starts at ``prior_db`` (the echo as loud as
  the reference: safe, nothing passes) and is learnt three ways, in the log domain:
  capped by what the microphone can at most have picked up of the bot's recent audio
  (energy over the last ``max_delay_ms`` + 350 ms, and the quietest reference frame that
  surely echoed: sound bounds, so a headset with no echo at all is learnt within a second
  or two); raised at once toward a louder echo, and lowered slowly otherwise, in frames
  that the echo explains almost entirely (``learn_below``) — never during double-talk,
  so the streamer's voice cannot teach the gate to hide it. The noise floor is tracked
  while the bot is silent and the microphone has no speech.

Modes: ``off`` (a headset: nothing is gated), ``on`` (the above), ``half_duplex`` (every
microphone frame while the bot plays, and ``max_delay_ms + tail_ms`` after, is ignored:
no barge-in by voice at all, for setups where the echo is louder than the streamer).

Pure logic on numpy; times are ``time.monotonic()`` seconds supplied by the caller.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from engines.voice.pcm import to_float32
from engines.voice.sinks import AudioSink

__all__ = ["EchoConfig", "EchoGate", "EchoMode", "EchoStats", "tap_playback"]

EchoMode = Literal["off", "on", "half_duplex"]

_FRAME_S = 0.032
_BANDS = 24
_LOW_HZ = 120.0
_HIGH_HZ = 7600.0
_TAIL_DECAY_DB = 30.0
"""The expected echo falls by this much over ``tail_ms`` after the reference."""
_NOISE_MARGIN = 4.0
"""The noise floor counts this many times over in the expected energy (6 dB)."""
_FLOOR = 1e-12

Vector = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class EchoConfig:
    mode: EchoMode = "on"
    max_delay_ms: float = 300.0
    """Longest delay from the bot's audio playing to its echo reaching the microphone."""
    tail_ms: float = 200.0
    """How long the echo lingers after the audio (room reverb): it decays 30 dB over this."""
    margin_db: float = 6.0
    """How much louder than the expected echo a band must be to count as the streamer."""
    min_unexplained: float = 0.3
    """Fraction of a frame's energy that must be above the expected echo for it to be speech."""
    prior_db: float = 0.0
    """The echo-path gain assumed before any is learnt (0 dB: as loud as the bot's audio)."""
    learn_below: float = 0.05
    """Only frames this well explained by the echo (nearly all their energy) teach the gain."""
    up_db: float = 3.0
    down_db: float = 0.2
    """Learning steps per frame: up at once toward a louder echo frame, slowly down otherwise,
    so the estimate follows the peaks of the echo (``margin_db`` covers the rest)."""
    max_gain_db: float = 20.0

    def __post_init__(self) -> None:
        if self.mode not in ("off", "on", "half_duplex"):
            raise ValueError("mode must be 'off', 'on' or 'half_duplex'")
        if self.max_delay_ms < 0 or self.tail_ms < 0:
            raise ValueError("max_delay_ms and tail_ms must not be negative")
        if not 0.0 < self.min_unexplained <= 1.0:
            raise ValueError("min_unexplained must be in (0, 1]")
        if self.up_db <= 0 or self.down_db <= 0:
            raise ValueError("up_db and down_db must be positive")


@dataclass(slots=True)
class EchoStats:
    checked: int = 0
    """Microphone frames scored while the bot's audio could be echoing."""
    gated: int = 0
    """Of those, frames the VAD called speech that were judged to be echo."""
    passed: int = 0
    """Of those, frames the VAD called speech that were judged to be the streamer (double-talk)."""


def _band_matrix(n: int, rate: int) -> npt.NDArray[np.float64]:
    """Rows sum the power of the rfft bins of an ``n``-sample frame into the bands, scaled so a
    band's value is the mean power of the signal in that band (independent of ``n`` and rate)."""
    freqs = np.fft.rfftfreq(n, 1.0 / rate)
    edges = np.geomspace(_LOW_HZ, min(_HIGH_HZ, rate / 2 * 0.98), _BANDS + 1)
    window = np.hanning(n)
    scale = 2.0 / (n * float(np.sum(window**2)))
    matrix = np.zeros((_BANDS, freqs.size))
    for b in range(_BANDS):
        matrix[b, (freqs >= edges[b]) & (freqs < edges[b + 1])] = scale
    return matrix


class _Bands:
    """Band powers of frames of one sample rate."""

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self.n = max(64, round(rate * _FRAME_S))
        self.window = np.hanning(self.n)
        self.matrix = _band_matrix(self.n, rate)

    def power(self, samples: npt.NDArray[np.floating]) -> Vector:
        spectrum = np.abs(np.fft.rfft(samples * self.window)) ** 2
        return np.asarray(self.matrix @ spectrum, dtype=np.float64) + _FLOOR


class EchoGate:
    """Gates the microphone's speech probability while the bot's own voice may be echoing.

    Feed it the bot's audio with :meth:`playback` as it plays, and every microphone frame with
    :meth:`filter`; use the probability it returns.
    """

    def __init__(self, config: EchoConfig | None = None, *, sample_rate: int = 16000) -> None:
        self.config = config or EchoConfig()
        self.sample_rate = sample_rate
        self.stats = EchoStats()
        self._mic = _Bands(sample_rate)
        self._ref_bands: dict[int, _Bands] = {}
        self._ref_rate = 0
        self._ref_buf = np.zeros(0, dtype=np.float32)
        self._ref_buf_at = 0.0  # monotonic time of _ref_buf[0]
        self._ref: deque[tuple[float, Vector]] = deque()  # (start time, band power) per frame
        self._gain_db = np.full(_BANDS, self.config.prior_db, dtype=np.float64)
        self._noise: Vector | None = None
        self._horizon = (self.config.max_delay_ms + self.config.tail_ms) / 1000 + 2 * _FRAME_S
        self._decay_per_s = _TAIL_DECAY_DB / max(self.config.tail_ms / 1000, 1e-3)
        self._margin = 10 ** (self.config.margin_db / 10)
        self._bound_window = self.config.max_delay_ms / 1000 + 0.35
        self._mic_recent: deque[tuple[float, Vector]] = deque()

    # ------------------------------------------------------------ the bot's audio

    def playback(self, pcm: bytes, sample_rate: int, at: float) -> None:
        """The bot's audio ``pcm`` starts playing at monotonic time ``at``."""
        if self.config.mode == "off" or not pcm:
            return
        samples = to_float32(pcm)
        expected = self._ref_buf_at + self._ref_buf.size / self._ref_rate if self._ref_rate else 0.0
        if sample_rate != self._ref_rate or abs(at - expected) > 0.05:
            # a new stream or a gap: start a new run of frames at ``at``
            self._ref_rate = sample_rate
            self._ref_buf = samples
            self._ref_buf_at = at
        else:
            self._ref_buf = np.concatenate((self._ref_buf, samples))
        bands = self._ref_bands.get(sample_rate)
        if bands is None:
            bands = self._ref_bands[sample_rate] = _Bands(sample_rate)
        n = bands.n
        while self._ref_buf.size >= n:
            frame, self._ref_buf = self._ref_buf[:n], self._ref_buf[n:]
            self._ref.append((self._ref_buf_at, bands.power(frame)))
            self._ref_buf_at += n / sample_rate
        while self._ref and self._ref[0][0] < at - self._horizon - 1.0:
            self._ref.popleft()

    def active(self, end: float) -> bool:
        """Whether the bot's audio may be echoing in a microphone frame that ends at ``end``."""
        return bool(self._ref) and self._ref[-1][0] >= end - self._horizon - _FRAME_S

    # ------------------------------------------------------------ the microphone

    def filter(self, frame: bytes, probability: float, end: float) -> float:
        """The speech probability to use for the microphone ``frame`` ending at ``end``."""
        mode = self.config.mode
        if mode == "off":
            return probability
        active = self.active(end)
        power = self._mic.power(to_float32(frame))
        self._mic_recent.append((end, power))
        while self._mic_recent and self._mic_recent[0][0] < end - self._bound_window:
            self._mic_recent.popleft()
        if not active:
            if probability < 0.3:
                self._track_noise(power)
            return probability  # the bot is silent: nothing to gate
        self.stats.checked += 1
        if mode == "half_duplex":
            if probability >= 0.3:
                self.stats.gated += 1
            return 0.0
        expected, quietest = self._expected_echo(end)
        self._bound(power, quietest)
        self._bound_energy(end)
        noise = self._noise if self._noise is not None else np.zeros(_BANDS)
        gain = 10 ** (self._gain_db / 10)
        allowed = self._margin * gain * expected + _NOISE_MARGIN * noise
        unexplained = float(np.maximum(0.0, power - allowed).sum() / power.sum())
        if unexplained < self.config.min_unexplained:
            if unexplained < self.config.learn_below:
                self._learn(power, expected, noise)
            if probability >= 0.3:
                self.stats.gated += 1
            return 0.0
        if probability >= 0.3:
            self.stats.passed += 1
        return probability

    @property
    def gain_db(self) -> npt.NDArray[np.float64]:
        """The learnt echo-path gain per band (dB)."""
        return self._gain_db.copy()

    # ------------------------------------------------------------ internals

    def _expected_echo(self, end: float) -> tuple[Vector, Vector | None]:
        """Per band, for a microphone frame ending at ``end``: the loudest reference that can
        echo into it (decayed by the room tail for frames older than the delay window), and
        the quietest reference that surely did (None when the window has a gap)."""
        delay = self.config.max_delay_ms / 1000
        window_start = end - 2 * _FRAME_S - delay
        loudest = np.zeros(_BANDS)
        quietest: Vector | None = None
        sources = 0
        for start, power in reversed(self._ref):
            if start > end:
                continue
            if window_start - _FRAME_S / 2 <= start <= end - _FRAME_S / 2:
                sources += 1
                quietest = power.copy() if quietest is None else np.minimum(quietest, power)
            age = window_start - start
            if age > self._horizon:
                break
            weight = 1.0 if age <= 0 else 10 ** (-self._decay_per_s * age / 10)
            if weight < 1e-4:
                break
            np.maximum(loudest, power * weight, out=loudest)
        if sources < int((delay + _FRAME_S) / _FRAME_S):
            quietest = None  # part of the window was silence: no frame is sure to have echoed
        return loudest, quietest

    def _bound(self, power: Vector, quietest: Vector | None) -> None:
        """Every reference frame that could be the source was at least ``quietest``, so the
        echo path cannot be louder than the microphone over it: cap the gain there (this is
        how a headset, with no echo at all, is learnt within a few frames)."""
        if quietest is None:
            return
        usable = quietest > _FLOOR * 1e3
        bound_db = 10 * np.log10(power / np.maximum(quietest, _FLOOR)) + 1.0
        self._gain_db = np.where(usable, np.minimum(self._gain_db, bound_db), self._gain_db)

    def _bound_energy(self, end: float) -> None:
        """Over the last ``_bound_window`` the microphone took in at least the echo of the
        bot's audio from ``[start, end - max_delay - frame]`` (whatever the delay), so the echo
        path cannot be louder than their ratio: a sound cap on the gain that needs no
        continuous reference (speech has gaps), learnt within a second of the bot talking."""
        if not self._mic_recent:
            return
        start = max(self._mic_recent[0][0] - _FRAME_S, end - self._bound_window)
        last = end - self.config.max_delay_ms / 1000 - _FRAME_S
        ref = np.zeros(_BANDS)
        for at, power in reversed(self._ref):
            if at < start:
                break
            if at + _FRAME_S <= last:
                ref += power
        usable = ref > _FLOOR * 1e4
        if not usable.any():
            return
        mic = np.sum([power for _, power in self._mic_recent], axis=0)
        bound_db = 10 * np.log10(mic / np.maximum(ref, _FLOOR)) + 3.0  # + the reverb beyond the window
        self._gain_db = np.where(usable, np.minimum(self._gain_db, bound_db), self._gain_db)

    def _learn(self, power: Vector, expected: Vector, noise: Vector) -> None:
        """Move each band's gain toward the ratio seen in a frame judged to be echo only."""
        usable = (expected > _FLOOR * 1e3) & (power > 2.0 * noise + _FLOOR)
        if not usable.any():
            return
        ratio_db = 10 * np.log10(np.maximum(power - noise, _FLOOR) / np.maximum(expected, _FLOOR))
        delta = ratio_db - self._gain_db
        step = np.where(
            delta > 0, np.minimum(delta, self.config.up_db), np.maximum(delta, -self.config.down_db)
        )
        learnt = np.minimum(self._gain_db + step, self.config.max_gain_db)
        self._gain_db = np.where(usable, learnt, self._gain_db)

    def _track_noise(self, power: Vector) -> None:
        """Noise floor per band: falls at once, rises slowly (about 3 dB a second)."""
        if self._noise is None:
            self._noise = power.copy()
            return
        rise = 10 ** (3.0 * _FRAME_S / 10)
        self._noise = np.where(power < self._noise, power, np.minimum(power, self._noise * rise))


def tap_playback(sink: AudioSink, gate: EchoGate, clock: Callable[[], float] = time.monotonic) -> None:
    """Feed ``gate`` everything ``sink`` plays, as it plays; the sink's own ``on_frame``
    (lip-sync) keeps working. Call it after the stage has set its hook."""
    previous = sink.on_frame

    def on_frame(pcm: bytes, t: float) -> None:
        gate.playback(pcm, sink.sample_rate, clock())
        if previous is not None:
            previous(pcm, t)

    sink.on_frame = on_frame
