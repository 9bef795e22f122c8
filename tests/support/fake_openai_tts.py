"""A local stand-in for OpenAI's text-to-speech endpoint, on 127.0.0.1 (random port).

``POST /v1/audio/speech`` with ``Authorization: Bearer <key>`` and the documented JSON body
``{"model", "input", "voice", "response_format", "instructions"?, "speed"?}``. With
``response_format: "pcm"`` the audio streams back as raw 24 kHz 16-bit mono PCM (chunked
transfer, one write per chunk), voiced by :func:`~tests.support.fake_elevenlabs.render_speech`
so a test knows the exact bytes. Errors use OpenAI's ``{"error": {"message", "type",
"code"}}`` body. Failures to inject: an HTTP status (for every request, or only for texts
containing ``fail_on``), a delay before the first audio, a stall after N chunks and a
dropped connection after N chunks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.support.fake_elevenlabs import render_speech
from tests.support.standin import AiohttpStandIn, Faults

__all__ = ["API_KEY", "SAMPLE_RATE", "FakeOpenAITTS", "SpeechBehavior"]

API_KEY = "sk-test-tts-abcdef0123456789"
SAMPLE_RATE = 24_000

_ERRORS: dict[int, tuple[str, str, str | None]] = {
    400: ("Invalid request.", "invalid_request_error", None),
    401: ("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
    404: ("The model does not exist.", "invalid_request_error", "model_not_found"),
    429: ("Rate limit reached for requests.", "requests", "rate_limit_exceeded"),
    500: ("The server had an error while processing your request.", "server_error", None),
}


@dataclass
class SpeechBehavior(Faults):
    ms_per_char: int = 40
    chunk_bytes: int = 3_001
    """Body pieces; odd, so samples are split across chunks."""
    first_audio_s: float = 0.0
    fail_on: str | None = None
    """Only texts containing this fail (with ``fail_status``, default 500)."""


class FakeOpenAITTS(AiohttpStandIn[dict[str, Any]]):
    """``requests``: ``{"body": <the JSON body>, "key_ok": <the bearer key was right>}``."""

    def __init__(self, behavior: SpeechBehavior | None = None, *, api_key: str = API_KEY) -> None:
        super().__init__()
        self.behavior = behavior or SpeechBehavior()
        self.api_key = api_key

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    def render(self, text: str) -> bytes:
        return render_speech(text, SAMPLE_RATE, self.behavior.ms_per_char)

    def _routes(self, app: web.Application) -> None:
        app.router.add_post("/v1/audio/speech", self._speech)

    @staticmethod
    def _error(status: int) -> web.Response:
        message, kind, code = _ERRORS.get(status, ("Error.", "server_error", None))
        return web.json_response({"error": {"message": message, "type": kind, "code": code}}, status=status)

    async def _speech(self, request: web.Request) -> web.StreamResponse:
        b = self.behavior
        body = await request.json()
        self.requests.append(
            {"body": body, "key_ok": request.headers.get("Authorization") == f"Bearer {self.api_key}"}
        )
        if not self.requests[-1]["key_ok"]:
            return self._error(401)
        if b.fail_on is not None and b.fail_on in str(body.get("input", "")):
            return self._error(b.fail_status or 500)
        if b.fail_status is not None and b.fail_on is None:
            return self._error(b.fail_status)
        if body.get("response_format") != "pcm" or not body.get("input") or not body.get("voice"):
            return self._error(400)
        pcm = self.render(str(body["input"]))
        return await self.stream_bytes(
            request, pcm, piece_bytes=b.chunk_bytes, faults=b, first_delay_s=b.first_audio_s
        )
