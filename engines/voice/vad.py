"""Voice activity detection: the detector interface and the endpointing state machine.

A :class:`VoiceActivityDetector` scores one fixed-size frame of mono int16 PCM (Silero:
512 samples = 32 ms at 16 kHz) with a speech probability. The :class:`Endpointer` turns
that stream of scores into utterances:

``idle`` ──p ≥ threshold──► ``maybe`` ──voiced ≥ min_speech_ms──► ``speech``
   ▲                          │                                    │
   └──── silence ≥ end_silence_ms (a short noise: dropped) ◄───────┘ (utterance emitted)

* Speech begins at a frame scoring at least ``threshold``; once in speech, only a frame
  scoring below ``neg_threshold`` counts as silence (hysteresis, as in Silero's own
  ``get_speech_timestamps``).
* A burst with less than ``min_speech_ms`` of voiced frames (a cough, "mm") is dropped.
* ``pre_roll_ms`` of audio before the first voiced frame is kept, so the first syllable's
  onset is not clipped; ``post_pad_ms`` of the trailing silence is kept too.
* An utterance ends after ``end_silence_ms`` of silence, or is cut at ``max_utterance_ms``.
* :class:`BargeIn` is emitted once per utterance when voiced time reaches
  ``min_barge_in_ms``: the signal that lets the bot stop talking over the streamer.

Everything is counted in samples of the stream (``*_s`` values are seconds since the
first frame pushed); mapping to wall-clock time is the caller's job. Pure logic, no I/O.
"""

from __future__ import annotations

import abc
import math
from collections import deque
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "BargeIn",
    "EndpointConfig",
    "Endpointer",
    "SpeechStarted",
    "Utterance",
    "VadEvent",
    "VoiceActivityDetector",
]

_SAMPLE_WIDTH = 2


class VoiceActivityDetector(abc.ABC):
    """Scores frames of mono 16-bit PCM at :attr:`sample_rate`, exactly
    :attr:`frame_samples` samples each, in stream order (detectors keep state)."""

    @property
    @abc.abstractmethod
    def sample_rate(self) -> int: ...

    @property
    @abc.abstractmethod
    def frame_samples(self) -> int: ...

    @abc.abstractmethod
    def probability(self, frame: bytes) -> float:
        """Speech probability of one frame, in [0, 1]."""

    @abc.abstractmethod
    def reset(self) -> None:
        """Forget the stream so far (before an unrelated recording)."""

    @property
    def frame_ms(self) -> float:
        return self.frame_samples * 1000 / self.sample_rate


@dataclass(frozen=True, slots=True)
class EndpointConfig:
    """Endpointing settings, in milliseconds unless named otherwise."""

    threshold: float = 0.5
    neg_threshold: float = 0.35
    min_speech_ms: float = 250.0
    end_silence_ms: float = 500.0
    pre_roll_ms: float = 300.0
    post_pad_ms: float = 200.0
    max_utterance_ms: float = 20_000.0
    min_barge_in_ms: float = 300.0

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if not 0.0 <= self.neg_threshold <= self.threshold:
            raise ValueError("neg_threshold must be in [0, threshold]")
        for name in ("min_speech_ms", "end_silence_ms", "pre_roll_ms", "post_pad_ms", "min_barge_in_ms"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.end_silence_ms <= 0:
            raise ValueError("end_silence_ms must be positive")
        if self.max_utterance_ms <= self.min_speech_ms:
            raise ValueError("max_utterance_ms must be longer than min_speech_ms")


@dataclass(frozen=True, slots=True)
class SpeechStarted:
    """Speech confirmed (``min_speech_ms`` voiced): an utterance is under way."""

    start_s: float


@dataclass(frozen=True, slots=True)
class BargeIn:
    """The streamer has spoken for at least ``min_barge_in_ms``: interrupt the bot."""

    start_s: float
    voiced_ms: float


@dataclass(frozen=True, slots=True)
class Utterance:
    """A finished utterance. ``start_s``/``end_s`` bound the voiced part; ``pcm`` also holds
    the pre-roll and up to ``post_pad_ms`` of trailing silence (from ``audio_start_s``)."""

    pcm: bytes
    sample_rate: int
    start_s: float
    end_s: float
    audio_start_s: float
    voiced_ms: float
    reason: Literal["silence", "max_length", "flush"]

    @property
    def seconds(self) -> float:
        return len(self.pcm) / _SAMPLE_WIDTH / self.sample_rate


VadEvent = SpeechStarted | BargeIn | Utterance


class Endpointer:
    """Feed it frames and their speech probabilities; it returns what happened.

    ``sample_rate`` and ``frame_samples`` describe the frames (take them from the detector).
    Frames of any constant size work; the millisecond settings are rounded to whole frames.
    """

    def __init__(self, sample_rate: int, frame_samples: int, config: EndpointConfig | None = None) -> None:
        if sample_rate <= 0 or frame_samples <= 0:
            raise ValueError("sample_rate and frame_samples must be positive")
        self.config = config or EndpointConfig()
        self.sample_rate = sample_rate
        self.frame_samples = frame_samples
        self.frame_ms = frame_samples * 1000 / sample_rate
        cfg = self.config
        self._pre_roll_frames = self._frames(cfg.pre_roll_ms)
        self._post_pad_frames = self._frames(cfg.post_pad_ms)
        self._end_silence_frames = max(1, self._frames(cfg.end_silence_ms))
        # "at least this long": whole frames, rounded up
        self._min_speech_frames = max(1, math.ceil(cfg.min_speech_ms / self.frame_ms - 1e-9))
        self._barge_in_frames = max(1, math.ceil(cfg.min_barge_in_ms / self.frame_ms - 1e-9))
        self._max_frames = max(self._min_speech_frames + 1, self._frames(cfg.max_utterance_ms))
        self._pre_roll: deque[bytes] = deque(maxlen=max(1, self._pre_roll_frames))
        self._frame_index = 0  # frames pushed so far
        self._reset_utterance()

    def _frames(self, ms: float) -> int:
        return round(ms / self.frame_ms)

    def _reset_utterance(self) -> None:
        self.state: Literal["idle", "maybe", "speech"] = "idle"
        self._frames_buf: list[bytes] = []
        self._audio_start = 0  # frame index of the first buffered frame
        self._start = 0  # frame index of the first voiced frame
        self._last_voiced = 0  # frame index of the last non-silent frame
        self._voiced = 0
        self._silence_run = 0
        self._barged = False

    def _seconds(self, frame_index: int) -> float:
        return frame_index * self.frame_samples / self.sample_rate

    @property
    def position_s(self) -> float:
        """Stream time after the frames pushed so far."""
        return self._seconds(self._frame_index)

    def push(self, frame: bytes, probability: float) -> list[VadEvent]:
        """Advance by one frame scored ``probability``; returns the events it caused, in order."""
        if len(frame) != self.frame_samples * _SAMPLE_WIDTH:
            raise ValueError(
                f"frame must hold {self.frame_samples} samples, got {len(frame) // _SAMPLE_WIDTH}"
            )
        cfg = self.config
        index = self._frame_index
        self._frame_index += 1
        events: list[VadEvent] = []
        if self.state == "idle":
            if probability >= cfg.threshold:
                self.state = "maybe"
                self._frames_buf = list(self._pre_roll) if self._pre_roll_frames else []
                self._pre_roll.clear()
                self._audio_start = index - len(self._frames_buf)
                self._frames_buf.append(frame)
                self._start = self._last_voiced = index
                self._voiced = 1
                self._silence_run = 0
                self._check_progress(events)
            elif self._pre_roll_frames:
                self._pre_roll.append(frame)
            return events

        self._frames_buf.append(frame)
        if probability < cfg.neg_threshold:
            self._silence_run += 1
        else:
            self._silence_run = 0
            self._last_voiced = index
            if probability >= cfg.threshold:
                self._voiced += 1
        if self._silence_run >= self._end_silence_frames:
            if self.state == "speech":
                events.append(self._finish("silence"))
            else:  # a short noise: drop it, keep its tail as pre-roll for what comes next
                tail = self._frames_buf[-self._pre_roll_frames :] if self._pre_roll_frames else []
                self._reset_utterance()
                self._pre_roll.extend(tail)
            return events
        self._check_progress(events)
        if index + 1 - self._start >= self._max_frames:
            if self.state == "speech":
                events.append(self._finish("max_length"))
            else:  # never confirmed (a hum hovering between the thresholds): drop it
                self._reset_utterance()
        return events

    def _check_progress(self, events: list[VadEvent]) -> None:
        if self.state == "maybe" and self._voiced >= self._min_speech_frames:
            self.state = "speech"
            events.append(SpeechStarted(self._seconds(self._start)))
        if self.state == "speech" and not self._barged and self._voiced >= self._barge_in_frames:
            self._barged = True
            events.append(BargeIn(self._seconds(self._start), self._voiced * self.frame_ms))

    def _finish(self, reason: Literal["silence", "max_length", "flush"]) -> Utterance:
        # keep the voiced part plus up to post_pad frames of what followed it
        keep_until = min(self._last_voiced + 1 + self._post_pad_frames, self._frame_index)
        frames = self._frames_buf[: keep_until - self._audio_start]
        utterance = Utterance(
            pcm=b"".join(frames),
            sample_rate=self.sample_rate,
            start_s=self._seconds(self._start),
            end_s=self._seconds(self._last_voiced + 1),
            audio_start_s=self._seconds(self._audio_start),
            voiced_ms=self._voiced * self.frame_ms,
            reason=reason,
        )
        tail = (
            self._frames_buf[-self._pre_roll_frames :]
            if self._pre_roll_frames and reason == "silence"
            else []
        )
        self._reset_utterance()
        self._pre_roll.extend(tail)
        return utterance

    @property
    def silence_ms(self) -> float:
        """How long the utterance in progress has been silent (0 outside speech)."""
        return self._silence_run * self.frame_ms if self.state == "speech" else 0.0

    @property
    def span(self) -> tuple[float, float] | None:
        """(start_s, end_s) of the voiced part of the utterance in progress (None outside speech)."""
        if self.state != "speech":
            return None
        return self._seconds(self._start), self._seconds(self._last_voiced + 1)

    def peek(self) -> Utterance | None:
        """The utterance in progress as it would end now, without ending it (to transcribe it
        early, while its end-of-speech silence is still running); None outside speech."""
        if self.state != "speech":
            return None
        keep_until = min(self._last_voiced + 1 + self._post_pad_frames, self._frame_index)
        return Utterance(
            pcm=b"".join(self._frames_buf[: keep_until - self._audio_start]),
            sample_rate=self.sample_rate,
            start_s=self._seconds(self._start),
            end_s=self._seconds(self._last_voiced + 1),
            audio_start_s=self._seconds(self._audio_start),
            voiced_ms=self._voiced * self.frame_ms,
            reason="flush",
        )

    def end_now(self) -> Utterance | None:
        """End the utterance in progress here, as if its silence had run out (the caller knows
        the streamer has finished, e.g. from the transcript); None outside speech."""
        if self.state != "speech":
            return None
        return self._finish("silence")

    def flush(self) -> list[VadEvent]:
        """End of input: emit the utterance in progress if it is confirmed speech."""
        if self.state == "speech":
            return [self._finish("flush")]
        self._reset_utterance()
        return []

    def reset(self) -> None:
        """Drop everything, including the stream position."""
        self._pre_roll.clear()
        self._frame_index = 0
        self._reset_utterance()
