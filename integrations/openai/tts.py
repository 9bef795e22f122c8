"""OpenAI text-to-speech (``POST /v1/audio/speech``) as a :class:`~engines.backends.TTSBackend`.

It asks for ``response_format="pcm"`` (raw 24 kHz 16-bit mono, no header) and plays the
body as it streams in, through the SDK's streaming response. Any server that speaks the
same endpoint works too (only ``base_url``, ``model`` and ``voice`` change). Errors are
translated like the LLM's (:func:`~integrations.openai.llm.translate_error`), with hints
naming the ``tts`` settings; the key and the text never appear in them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import openai
from openai import AsyncOpenAI

from config.providers import OpenAITTSSettings
from engines.backends import AudioChunk, BackendError, Limits, TTSBackend, TTSSetup
from engines.voice.pcm_stream import SampleAligner
from integrations.openai.llm import DEFAULT_API_KEY, SecretLike, reveal_secret, translate_error

__all__ = ["DEFAULT_TTS_MODEL", "DEFAULT_TTS_VOICE", "SAMPLE_RATE", "OpenAITTS"]

SAMPLE_RATE = 24_000
"""OpenAI's ``pcm`` format: 24 kHz, 16-bit signed little-endian, mono."""
DEFAULT_TTS_MODEL = "gpt-4o-mini-tts"
DEFAULT_TTS_VOICE = "alloy"


class OpenAITTS(TTSBackend):
    """Speech from an OpenAI-compatible ``/audio/speech`` endpoint.

    ``voice`` (per call, default ``voice``) is a built-in voice name, or a custom voice id
    starting with ``voice_``. ``instructions`` steer the delivery (gpt-4o-mini-tts; not
    tts-1). ``api_key`` may be a ``SecretStr``; empty sends ``"local"`` (local servers).
    """

    name = "openai-tts"

    @classmethod
    def from_settings(cls, cfg: OpenAITTSSettings, setup: TTSSetup) -> OpenAITTS:
        """The registry's builder: ``cfg.voice`` wins over the persona's voice."""
        return cls(
            base_url=cfg.base_url, model=cfg.model, voice=cfg.voice or setup.voice or DEFAULT_TTS_VOICE,
            api_key=cfg.api_key, instructions=cfg.instructions, speed=cfg.speed,
            limits=Limits(first_output_s=cfg.first_audio_s, stall_s=cfg.stall_s),
        )  # fmt: skip

    def __init__(
        self,
        *,
        base_url: str = "https://api.openai.com/v1",
        model: str = DEFAULT_TTS_MODEL,
        voice: str = DEFAULT_TTS_VOICE,
        api_key: str | SecretLike | None = None,
        instructions: str | None = None,
        speed: float | None = None,
        connect_timeout_s: float = 5.0,
        limits: Limits | None = None,
        client: AsyncOpenAI | None = None,
    ) -> None:
        super().__init__(limits=limits)
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.voice = voice
        self.instructions = instructions
        self.speed = speed
        self._api_key = reveal_secret(api_key) or DEFAULT_API_KEY
        total = self.limits.total_s
        self._client = client or AsyncOpenAI(
            base_url=self.base_url,
            api_key=self._api_key,
            timeout=openai.Timeout(total, connect=min(connect_timeout_s, total)),
            max_retries=0,
        )

    def __repr__(self) -> str:  # never shows the key
        return f"{type(self).__name__}(base_url={self.base_url!r}, model={self.model!r})"

    @property
    def sample_rate(self) -> int:
        return SAMPLE_RATE

    def _params(self, text: str, voice: str | None) -> dict[str, Any]:
        name = voice or self.voice
        params: dict[str, Any] = {
            "model": self.model,
            "input": text,
            "voice": {"id": name} if name.startswith("voice_") else name,
            "response_format": "pcm",
        }
        if self.instructions:
            params["instructions"] = self.instructions
        if self.speed is not None:
            params["speed"] = self.speed
        return params

    async def _synthesize_impl(self, text: str, *, voice: str | None) -> AsyncIterator[AudioChunk]:
        text = text.strip()
        if not text:
            return
        samples = SampleAligner()
        try:
            async with self._client.audio.speech.with_streaming_response.create(
                **self._params(text, voice)
            ) as response:
                async for data in response.iter_bytes():  # as it arrives: no re-buffering
                    pcm = samples.feed(data)
                    if pcm:
                        yield AudioChunk(pcm, SAMPLE_RATE)
        except openai.APIError as exc:
            raise translate_error(
                exc,
                backend=self.name,
                base_url=self.base_url,
                model=self.model,
                setting="tts",
                secrets=(self._api_key,) if self._api_key != DEFAULT_API_KEY else (),
                texts=(text,),
            ) from None
        except BackendError:
            raise
        except Exception as exc:  # the transport broke mid-stream (connection reset, truncated body)
            raise BackendError(
                self.name, f"the stream broke off ({type(exc).__name__}) from {self.base_url}", retryable=True
            ) from None

    async def aclose(self) -> None:
        await self._client.close()
