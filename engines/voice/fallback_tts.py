"""A cloud TTS with a local fallback: when the cloud voice fails or is late for a sentence,
the local voice speaks that sentence, and the show goes on.

:class:`FallbackTTS` wraps a primary backend (ElevenLabs, OpenAI) and a fallback (piper).
Each sentence is tried on the primary first; a :class:`~engines.backends.BackendError`
(including a :class:`~engines.backends.BackendTimeout` for audio that does not start in
time) makes the fallback speak the whole sentence instead. A sentence that broke off
midway is spoken again from its start by the fallback: repeating a few words beats
losing the rest of the sentence.

After a failure the primary is left alone for ``cooldown_s``, so an outage costs one
timeout, not one per sentence; then it is tried again. Every fallback is counted in
``stats.fallbacks`` and :attr:`FallbackTTS.reasons`, logged, and reported to
``on_fallback`` (the app publishes it as a ``tts_fallback`` metric).

Reasons: ``timeout`` (no audio in time), ``unavailable`` (a retryable failure: network,
429, 5xx), ``rejected`` (not retryable: bad key, unknown voice, bad request) and
``cooldown`` (the primary failed a moment ago).

The fallback's audio is resampled to ``sample_rate`` (the primary's rate), so a turn that
mixes both voices plays at one rate.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

from engines.backends import AudioChunk, BackendError, BackendTimeout, Limits, TTSBackend, TTSTurn
from engines.voice.pcm import resample_chunk

__all__ = ["FallbackTTS", "TTSFallback", "fallback_reason"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TTSFallback:
    """One sentence the fallback spoke instead of the primary."""

    provider: str
    reason: str
    detail: str
    """The primary's error message (safe to log), or why it was skipped."""


def fallback_reason(error: BackendError) -> str:
    """``timeout``, ``unavailable`` (worth retrying) or ``rejected`` (not)."""
    if isinstance(error, BackendTimeout):
        return "timeout"
    return "unavailable" if error.retryable else "rejected"


class FallbackTTS(TTSBackend):
    """``primary`` for every sentence it can speak in time, ``fallback`` for the rest.

    ``voice`` in :meth:`synthesize` and :meth:`open_turn` is the primary's voice; the
    fallback always uses its own default voice. ``provider`` names the primary in logs
    and in :class:`TTSFallback`. ``clock`` is for tests.
    """

    name = "tts-fallback"

    def __init__(
        self,
        primary: TTSBackend,
        fallback: TTSBackend,
        *,
        provider: str | None = None,
        sample_rate: int | None = None,
        cooldown_s: float = 30.0,
        on_fallback: Callable[[TTSFallback], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        # limits are the wrapped backends' own; this wrapper adds none
        super().__init__(limits=Limits(first_output_s=3600.0, stall_s=3600.0, total_s=3600.0))
        if cooldown_s < 0:
            raise ValueError("cooldown_s must be >= 0")
        self.primary = primary
        self.fallback = fallback
        self.provider = provider or primary.name
        self.sample_rate = sample_rate
        self.cooldown_s = cooldown_s
        self.on_fallback = on_fallback
        self.reasons: Counter[str] = Counter()
        """Fallbacks by reason."""
        self._clock = clock
        self._failed_at: float | None = None

    # ------------------------------------------------------------ the interface

    def synthesize(self, text: str, *, voice: str | None = None) -> AsyncGenerator[AudioChunk, None]:
        """The sentence from the primary, else from the fallback (each under its own limits)."""
        self.stats.calls += 1
        primary = None if self.cooling else self.primary.synthesize(text, voice=voice)
        return self._speak(text, primary)

    def _synthesize_impl(self, text: str, *, voice: str | None) -> AsyncIterator[AudioChunk]:
        return self.synthesize(text, voice=voice)

    def open_turn(self, *, voice: str | None = None) -> TTSTurn | None:
        """The primary's streaming session wrapped so that each sentence can fall back; None
        when the primary has none or is cooling down (then sentences go one by one)."""
        if self.cooling:
            return None
        session = self.primary.open_turn(voice=voice)
        return None if session is None else _FallbackTurn(self, session)

    async def warm_up(self) -> None:
        """Load the fallback voice and try the primary once; a failing primary is logged
        and cooled down, never fatal (the fallback speaks meanwhile)."""
        async for _chunk in self.fallback.synthesize("Hello."):
            pass
        try:
            async for _chunk in self.primary.synthesize("Hello."):
                pass
        except BackendError as exc:
            self._failed_at = self._clock()
            log.warning(
                "%s TTS is not working at start-up (%s); the local voice speaks for now", self.provider, exc
            )

    async def aclose(self) -> None:
        await self.primary.aclose()
        await self.fallback.aclose()

    @property
    def cooling(self) -> bool:
        """True while the primary is rested after a failure."""
        return (
            self.cooldown_s > 0
            and self._failed_at is not None
            and self._clock() - self._failed_at < self.cooldown_s
        )

    # ------------------------------------------------------------ one sentence

    async def _speak(
        self,
        text: str,
        primary: AsyncGenerator[AudioChunk, None] | None,
        on_failure: Callable[[], Awaitable[None]] | None = None,
    ) -> AsyncGenerator[AudioChunk, None]:
        """Yield ``primary``'s audio; if it fails (or is None), the fallback's."""
        if primary is not None and self.cooling:  # it failed since this sentence was queued
            await primary.aclose()
            primary = None
        if primary is None:
            self._record(TTSFallback(self.provider, "cooldown", "resting after a recent failure"))
        else:
            try:
                async for chunk in primary:
                    yield chunk
                return
            except BackendError as exc:
                self._failed_at = self._clock()
                if on_failure is not None:
                    await on_failure()
                self._record(TTSFallback(self.provider, fallback_reason(exc), str(exc)))
            finally:
                await primary.aclose()
        async for chunk in self.fallback.synthesize(text):
            yield chunk if self.sample_rate is None else resample_chunk(chunk, self.sample_rate)

    def _record(self, event: TTSFallback) -> None:
        self.stats.fallbacks += 1
        self.reasons[event.reason] += 1
        if event.reason == "cooldown":
            log.debug("%s TTS resting: sentence spoken by %s", event.provider, self.fallback.name)
        else:
            log.warning(
                "%s TTS failed (%s: %s); the sentence is spoken by %s%s",
                event.provider, event.reason, event.detail, self.fallback.name,
                f", and {event.provider} rests for {self.cooldown_s:.0f}s" if self.cooldown_s else "",
            )  # fmt: skip
        if self.on_fallback is not None:
            try:
                self.on_fallback(event)
            except Exception:
                log.exception("on_fallback callback failed (ignored)")


class _FallbackTurn(TTSTurn):
    """A primary session whose sentences fall back one by one. After the first failure the
    session is closed: the rest of the turn is spoken by the fallback."""

    def __init__(self, owner: FallbackTTS, primary: TTSTurn) -> None:
        super().__init__(limits=owner.limits, stats=owner.stats)
        self.name = owner.name
        self._owner = owner
        self._primary: TTSTurn | None = primary

    async def say(self, text: str) -> AsyncGenerator[AudioChunk, None]:
        """No guard of its own: the primary's and the fallback's limits apply."""
        self.stats.calls += 1
        stream = None
        if self._primary is not None and not self._owner.cooling:
            stream = await self._primary.say(text)
        return self._owner._speak(text, stream, on_failure=self._drop_primary)

    async def _say_impl(
        self, text: str
    ) -> AsyncIterator[AudioChunk]:  # pragma: no cover - say() is overridden
        return await self.say(text)

    async def _drop_primary(self) -> None:
        """Close the failed session now: sentences already sent on it fail at once."""
        session, self._primary = self._primary, None
        if session is not None:
            await session.aclose()

    async def end(self) -> None:
        if self._primary is not None:
            await self._primary.end()

    async def aclose(self) -> None:
        if self._primary is not None:
            await self._primary.aclose()
