"""ElevenLabs text-to-speech as a :class:`~engines.backends.TTSBackend`, in raw PCM.

Two ways to reach the same voices:

- HTTP, one request per sentence, through the official ``elevenlabs`` SDK
  (``AsyncElevenLabs.text_to_speech.stream``: ``POST /v1/text-to-speech/{voice_id}/stream``);
  this is :meth:`synthesize`, and all of ``mode="http"``;
- the websocket input stream, one socket per turn (``mode="websocket"``): :meth:`open_turn`
  returns a :class:`~integrations.elevenlabs.stream_input.StreamInputTurn`, which sends each
  sentence the moment it is vetted while earlier ones play.

Audio is requested as ``pcm_<rate>`` (16-bit mono, no header), so it plays without decoding.
Errors become :class:`~engines.backends.BackendError` with a hint (401: check the key;
404: the voice id; 429 and 5xx are retryable), and never contain the key or the text.
The SDK takes about a second to import, so it is imported when this class is built.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Literal, Protocol

import httpx
from elevenlabs.core.api_error import ApiError
from websockets.asyncio.client import ClientConnection

from config.providers import ElevenLabsSettings
from engines.backends import (
    AudioChunk,
    BackendError,
    BackendTimeout,
    Limits,
    TTSBackend,
    TTSSetup,
    TTSTurn,
)
from engines.voice.pcm_stream import SampleAligner
from integrations.elevenlabs.errors import NAME, status_error
from integrations.elevenlabs.stream_input import StreamInputTurn

if TYPE_CHECKING:
    from elevenlabs import AsyncElevenLabs

__all__ = ["DEFAULT_BASE_URL", "DEFAULT_MODEL", "DEFAULT_VOICE_ID", "SAMPLE_RATES", "ElevenLabsTTS"]

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://api.elevenlabs.io"
DEFAULT_MODEL = "eleven_flash_v2_5"
"""The lowest-latency model (about 75 ms of model time)."""
DEFAULT_VOICE_ID = "JBFqnCBsd6RMkjVDRZzb"
"""A premade voice every account has ("George")."""
SAMPLE_RATES = (16_000, 22_050, 24_000, 44_100)
"""The ``pcm_*`` output formats (44.1 kHz needs a Pro plan)."""
HTTP_CHUNK_BYTES = 1_024
"""The SDK re-cuts the body into pieces of this size: 23 ms at 22.05 kHz, so first audio is not held back."""


class _Secret(Protocol):
    def get_secret_value(self) -> str: ...


class ElevenLabsTTS(TTSBackend):
    """ElevenLabs voices. ``voice`` in :meth:`synthesize`/:meth:`open_turn` is a voice id
    (default ``voice_id``). ``ws_url`` defaults to ``base_url`` with ``ws(s)://``.
    ``stability``, ``similarity_boost`` and ``speed`` override the voice's stored settings."""

    name = NAME

    @classmethod
    def from_settings(cls, cfg: ElevenLabsSettings, setup: TTSSetup) -> ElevenLabsTTS:
        """The registry's builder: ``cfg.voice`` wins over the persona's voice."""
        return cls(
            api_key=cfg.api_key, voice_id=cfg.voice or setup.voice or DEFAULT_VOICE_ID, model=cfg.model,
            base_url=cfg.base_url, ws_url=cfg.ws_url, sample_rate=cfg.sample_rate, mode=cfg.mode,
            stability=cfg.stability, similarity_boost=cfg.similarity_boost, speed=cfg.speed,
            limits=Limits(first_output_s=cfg.first_audio_s, stall_s=cfg.stall_s),
        )  # fmt: skip

    def __init__(
        self,
        *,
        api_key: str | _Secret,
        voice_id: str = DEFAULT_VOICE_ID,
        model: str = DEFAULT_MODEL,
        base_url: str = DEFAULT_BASE_URL,
        ws_url: str | None = None,
        sample_rate: int = 22_050,
        mode: Literal["http", "websocket"] = "websocket",
        stability: float | None = None,
        similarity_boost: float | None = None,
        speed: float | None = None,
        connect_timeout_s: float = 5.0,
        limits: Limits | None = None,
    ) -> None:
        super().__init__(limits=limits)
        key = api_key if isinstance(api_key, str) else api_key.get_secret_value()
        if not key:
            raise ValueError("ElevenLabs needs an API key (tts.api_key)")
        if sample_rate not in SAMPLE_RATES:
            raise ValueError(f"sample_rate must be one of {SAMPLE_RATES}")
        if mode not in ("http", "websocket"):
            raise ValueError("mode must be 'http' or 'websocket'")
        self._key = key
        self.voice_id = voice_id
        self.model = model
        self.base_url = base_url.rstrip("/")
        self.ws_url = (ws_url or _ws_base(self.base_url)).rstrip("/")
        self._rate = sample_rate
        self.mode = mode
        self.connect_timeout_s = connect_timeout_s
        self.voice_settings = {
            k: v
            for k, v in (("stability", stability), ("similarity_boost", similarity_boost), ("speed", speed))
            if v is not None
        }
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(self.limits.total_s, connect=connect_timeout_s), follow_redirects=True
        )
        self._client = _sdk_client(key, self.base_url, self._http)
        self._closing: set[asyncio.Task[None]] = set()

    def __repr__(self) -> str:  # never shows the key
        return f"{type(self).__name__}(base_url={self.base_url!r}, model={self.model!r}, mode={self.mode!r})"

    @property
    def sample_rate(self) -> int:
        return self._rate

    @property
    def output_format(self) -> str:
        return f"pcm_{self._rate}"

    @property
    def api_key(self) -> str:
        return self._key

    # ------------------------------------------------------------ HTTP, per sentence

    async def _synthesize_impl(self, text: str, *, voice: str | None) -> AsyncIterator[AudioChunk]:
        text = text.strip()
        if not text:
            return
        options: dict[str, Any] = {}
        if self.voice_settings:
            from elevenlabs import VoiceSettings

            options["voice_settings"] = VoiceSettings(**self.voice_settings)
        stream = self._client.text_to_speech.stream(
            voice or self.voice_id,
            text=text,
            model_id=self.model,
            output_format=self.output_format,
            request_options={"max_retries": 0, "chunk_size": HTTP_CHUNK_BYTES},
            **options,
        )
        samples = SampleAligner()
        try:
            async for data in stream:
                pcm = samples.feed(data)
                if pcm:
                    yield AudioChunk(pcm, self._rate)
        except ApiError as exc:
            status = exc.status_code or 0
            raise status_error(
                status, exc.body, base_url=self.base_url, secrets=(self._key,), texts=(text,)
            ) from None
        except httpx.TimeoutException:
            raise BackendTimeout(NAME, f"request to {self.base_url} timed out") from None
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise BackendError(
                NAME, f"cannot connect to {self.base_url} ({type(exc).__name__})", retryable=True
            ) from None
        except httpx.HTTPError as exc:  # the stream broke off (connection reset, truncated body)
            raise BackendError(
                NAME, f"the stream broke off ({type(exc).__name__}) from {self.base_url}", retryable=True
            ) from None
        finally:
            await stream.aclose()

    # ------------------------------------------------------------ websocket, per turn

    def open_turn(self, *, voice: str | None = None) -> TTSTurn | None:
        """A websocket session for the turn (``mode="websocket"``); None in HTTP mode."""
        if self.mode != "websocket":
            return None
        return StreamInputTurn(self, voice or self.voice_id)

    def initial_message(self) -> dict[str, Any]:
        """The first websocket message: a single space, and the settings for the socket."""
        message: dict[str, Any] = {
            "text": " ",
            "generation_config": {"chunk_length_schedule": [50, 120, 160, 250]},
        }
        if self.voice_settings:
            message["voice_settings"] = dict(self.voice_settings)
        return message

    def close_later(self, ws: ClientConnection) -> None:
        """Close a turn's socket in the background (the close handshake takes a round trip)."""
        task = asyncio.create_task(_close_quietly(ws), name="elevenlabs-close")
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def aclose(self) -> None:
        if self._closing:
            await asyncio.gather(*self._closing, return_exceptions=True)
        await self._http.aclose()


def _ws_base(base_url: str) -> str:
    if base_url.startswith("https://"):
        return "wss://" + base_url.removeprefix("https://")
    if base_url.startswith("http://"):
        return "ws://" + base_url.removeprefix("http://")
    return base_url


def _sdk_client(key: str, base_url: str, http: httpx.AsyncClient) -> AsyncElevenLabs:
    from elevenlabs import AsyncElevenLabs

    return AsyncElevenLabs(api_key=key, base_url=base_url, httpx_client=http)


async def _close_quietly(ws: ClientConnection) -> None:
    with contextlib.suppress(Exception):
        await ws.close()
