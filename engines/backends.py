"""Backend interfaces (template method): the base class owns timeouts, timing and error
translation; an adapter under ``integrations/`` implements one ``_impl`` method.

Every vendor error becomes a :class:`BackendError` at the adapter boundary, with
``retryable`` saying whether trying again may help. Callers never see vendor exceptions.
"""

from __future__ import annotations

import abc
import asyncio
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol, TypeVar

T = TypeVar("T")
log = logging.getLogger("engines.backends")


class BackendError(RuntimeError):
    """A backend failed. The message is safe to log (no secrets, no full prompts)."""

    def __init__(self, backend: str, message: str, *, retryable: bool = False) -> None:
        super().__init__(f"{backend}: {message}")
        self.backend = backend
        self.retryable = retryable


class BackendTimeout(BackendError):
    """A backend took too long (first output, a stall between outputs, or in total)."""

    def __init__(self, backend: str, message: str) -> None:
        super().__init__(backend, message, retryable=True)


@dataclass(slots=True)
class BackendStats:
    calls: int = 0
    failures: int = 0
    timeouts: int = 0
    last_first_output_ms: float | None = None
    last_total_ms: float | None = None
    fallbacks: int = 0
    """Outputs produced by a fallback backend instead (see engines/voice/fallback_tts.py)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Timeouts in seconds. ``stall_s`` is the longest gap allowed between two outputs."""

    first_output_s: float = 10.0
    stall_s: float = 5.0
    total_s: float = 60.0


async def _guarded(
    name: str, source: AsyncIterator[T], limits: Limits, stats: BackendStats
) -> AsyncGenerator[T, None]:
    """Yield from ``source`` under ``limits``, translating failures and recording timing."""
    stats.calls += 1
    started = time.perf_counter()
    deadline = started + limits.total_s
    first = True
    try:
        while True:
            budget = min(limits.first_output_s if first else limits.stall_s, deadline - time.perf_counter())
            if budget <= 0:
                raise BackendTimeout(name, f"exceeded the total limit of {limits.total_s:.1f}s")
            try:
                # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancellation
                # that lands as the item arrives, and a lost interrupt can stall the show
                async with asyncio.timeout(budget):
                    item = await anext(source)
            except StopAsyncIteration:
                break
            except TimeoutError:
                what = "first output" if first else "next output"
                raise BackendTimeout(name, f"no {what} within {budget:.1f}s") from None
            if first:
                stats.last_first_output_ms = (time.perf_counter() - started) * 1000
                first = False
            yield item
        stats.last_total_ms = (time.perf_counter() - started) * 1000
    except BackendTimeout:
        stats.timeouts += 1
        stats.failures += 1
        raise
    except BackendError:
        stats.failures += 1
        raise
    except (asyncio.CancelledError, GeneratorExit):
        raise
    except Exception as exc:  # an adapter leaked a vendor error: translate it here
        stats.failures += 1
        raise BackendError(name, f"{type(exc).__name__}: {str(exc)[:200]}", retryable=True) from exc
    finally:
        aclose = getattr(source, "aclose", None)
        if aclose is not None:
            await aclose()


# ---------------------------------------------------------------- LLM


@dataclass(frozen=True, slots=True)
class Message:
    role: Literal["system", "user", "assistant"]
    content: str


@dataclass(frozen=True, slots=True)
class LLMRequest:
    messages: tuple[Message, ...]
    max_tokens: int = 120
    temperature: float = 0.7
    stop: tuple[str, ...] = ()
    prefix: str = ""
    """The start of the reply, already written: the model goes on from it and the deltas are
    what follows. Only a backend whose ``continues`` is true may be sent one."""


class LLMBackend(abc.ABC):
    """Streams a chat completion as text deltas."""

    name: str = "llm"
    continues: bool = False
    """Whether a request may carry a ``prefix`` (a reply to go on from): a local server whose
    chat template the client knows. Hosted chat APIs cannot continue an assistant message."""

    def __init__(self, *, limits: Limits | None = None) -> None:
        self.limits = limits or Limits(first_output_s=15.0, stall_s=5.0, total_s=60.0)
        self.stats = BackendStats()

    def stream_chat(self, request: LLMRequest) -> AsyncGenerator[str, None]:
        """Text deltas of the reply. Raises :class:`BackendError` / :class:`BackendTimeout`."""
        if request.prefix and not self.continues:
            raise ValueError(f"{self.name}: this backend cannot continue a reply (LLMRequest.prefix)")
        return _guarded(self.name, self._stream_impl(request), self.limits, self.stats)

    @abc.abstractmethod
    def _stream_impl(self, request: LLMRequest) -> AsyncIterator[str]: ...

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""


# ---------------------------------------------------------------- TTS


@dataclass(frozen=True, slots=True)
class AudioChunk:
    """Mono 16-bit little-endian PCM."""

    pcm: bytes
    sample_rate: int

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.sample_rate


@dataclass(frozen=True, slots=True)
class TTSSetup:
    """What a TTS adapter's ``from_settings`` gets besides its own settings model."""

    voice: str | None = None
    """The persona's voice for this provider; None: the adapter's default voice."""
    limits: Limits = field(default_factory=Limits)
    """The performer's per-sentence limits (a cloud voice's settings carry their own)."""


class TTSBackend(abc.ABC):
    """Synthesises one sentence as a stream of PCM chunks."""

    name: str = "tts"
    required: bool = False
    """A voice the show cannot go on without (the local one): a warm-up failure is fatal."""

    def __init__(self, *, limits: Limits | None = None) -> None:
        self.limits = limits or Limits(first_output_s=10.0, stall_s=5.0, total_s=30.0)
        self.stats = BackendStats()

    def synthesize(self, text: str, *, voice: str | None = None) -> AsyncGenerator[AudioChunk, None]:
        return _guarded(self.name, self._synthesize_impl(text, voice=voice), self.limits, self.stats)

    @abc.abstractmethod
    def _synthesize_impl(self, text: str, *, voice: str | None) -> AsyncIterator[AudioChunk]: ...

    async def warm_up(self) -> None:
        """Load the voice by speaking one word. A voice that is not :attr:`required` (a cloud
        voice) that fails here is logged, never fatal: its sentences are skipped until it works."""
        try:
            async for _chunk in self.synthesize("Hello."):
                pass
        except BackendError as exc:
            if self.required:
                raise
            log.warning(
                "the %s voice is not working at start-up (%s); its sentences are skipped until it is",
                self.name,
                exc,
            )

    def open_turn(self, *, voice: str | None = None) -> TTSTurn | None:
        """A streaming session for one turn (one connection, sentences sent as they are
        written), when the backend has one. None: synthesise sentence by sentence."""
        return None

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        """Release resources."""


class TTSTurn(abc.ABC):
    """One turn's speech over one streaming connection (a template, like the backends).

    :meth:`say` hands a sentence to the connection at once, while earlier sentences may
    still be synthesising or playing, and returns that sentence's audio as an iterator;
    sentences' audio comes back in the order they were said. Each iterator runs under
    :class:`Limits` from when it is first read, so a stalled connection cannot hold the
    stream silent. :meth:`end` says no more text is coming; :meth:`aclose` releases the
    connection without waiting (after an interrupt, audio still due is dropped).
    """

    name: str = "tts"

    def __init__(self, *, limits: Limits, stats: BackendStats) -> None:
        self.limits = limits
        self.stats = stats

    async def say(self, text: str) -> AsyncGenerator[AudioChunk, None]:
        """Send ``text`` now; iterate the result for its audio. Never raises a backend
        error itself: a failure is raised by the returned iterator."""
        try:
            audio = await self._say_impl(text)
        except BackendError as exc:
            audio = _raise(exc)
        except Exception as exc:  # an adapter leaked a vendor error
            audio = _raise(BackendError(self.name, f"{type(exc).__name__}: {str(exc)[:200]}", retryable=True))
        return _guarded(self.name, audio, self.limits, self.stats)

    @abc.abstractmethod
    async def _say_impl(self, text: str) -> AsyncIterator[AudioChunk]:
        """Send ``text``; return the iterator of its audio."""

    @abc.abstractmethod
    async def end(self) -> None:
        """No more sentences this turn; the audio of those said still comes."""

    @abc.abstractmethod
    async def aclose(self) -> None:
        """Release the connection now (idempotent)."""


async def _raise(error: BackendError) -> AsyncIterator[AudioChunk]:
    raise error
    yield  # pragma: no cover - makes this an async generator


# ---------------------------------------------------------------- STT


@dataclass(frozen=True, slots=True)
class Transcript:
    text: str
    confidence: float
    language: str = "en"
    words: tuple[str, ...] = field(default_factory=tuple)


class STTBackend(abc.ABC):
    """Transcribes a finished utterance (mono 16-bit PCM)."""

    name: str = "stt"

    def __init__(self, *, timeout_s: float = 30.0) -> None:
        self.timeout_s = timeout_s
        self.stats = BackendStats()

    async def transcribe(self, audio: AudioChunk) -> Transcript:
        self.stats.calls += 1
        started = time.perf_counter()
        try:
            result = await asyncio.wait_for(self._transcribe_impl(audio), self.timeout_s)
        except TimeoutError:
            self.stats.timeouts += 1
            raise BackendTimeout(self.name, f"no transcript within {self.timeout_s:.1f}s") from None
        except BackendError:
            self.stats.failures += 1
            raise
        except Exception as exc:
            self.stats.failures += 1
            raise BackendError(self.name, f"{type(exc).__name__}: {str(exc)[:200]}") from exc
        self.stats.last_total_ms = (time.perf_counter() - started) * 1000
        return result

    @abc.abstractmethod
    async def _transcribe_impl(self, audio: AudioChunk) -> Transcript: ...


# ---------------------------------------------------------------- avatar and overlay


class ModelServer(Protocol):
    """A local model process the bot runs itself (llama.cpp): warmed with the persona's prefix,
    restarted when it dies, stopped with the bot."""

    async def warm_up(self, messages: Sequence[Mapping[str, str]] | None = None) -> float: ...

    async def keep_alive(self, on_change: Callable[[bool, str], Awaitable[None]] | None = None) -> None: ...

    async def stop(self) -> None: ...


class AvatarBackend(Protocol):
    """An avatar that shows emotions and moves its mouth (VTube Studio)."""

    async def apply(self, emotion: str) -> bool: ...

    async def reset(self) -> bool: ...

    def start_speaking(self, source: Callable[[], float | None]) -> None: ...

    def stop_speaking(self) -> None: ...


class OverlayBackend(Protocol):
    """On-stream text: captions and alerts (OBS, the browser overlay)."""

    async def caption(self, text: str) -> bool: ...

    async def clear_caption(self) -> bool: ...
