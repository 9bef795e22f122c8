"""A local stand-in for ElevenLabs' text-to-speech API, on 127.0.0.1 (random port).

It speaks the two endpoints the bot uses, in their documented wire formats:

- ``POST /v1/text-to-speech/{voice_id}/stream?output_format=pcm_<rate>`` with the
  ``xi-api-key`` header and a JSON body ``{"text", "model_id", "voice_settings"?...}``: the
  audio streams back as raw 16-bit PCM (chunked transfer, one write per chunk);
- the websocket ``/v1/text-to-speech/{voice_id}/stream-input?model_id=..&output_format=..``:
  the first message ``{"text": " ", ...}``, then text messages (``flush``,
  ``try_trigger_generation``), ``{"text": ""}`` to end; it answers with
  ``{"audio": <base64>, "isFinal": null, "alignment": {...}, "normalizedAlignment": {...}}``
  messages, then ``{"isFinal": true}``, and closes.

The audio is deterministic and speech-like: every character gets ``ms_per_char`` of its
own tone (silence for spaces), so :func:`render_speech` tells a test exactly which bytes
any text must come back as, and the alignment's character times are exact.

Buffered text is generated when a message flushes it (or asks to trigger, or the buffer
reaches 120 characters, the documented first schedule step); texts waiting when the
generator is free are voiced as one stream, so websocket messages straddle sentence
boundaries like the real service's do.

Failures to inject (:class:`ElevenBehavior`, read when a request or socket arrives): an
HTTP status (also refusing the websocket handshake), a bad key (401 / in-band error and a
1008 close), a delay before the first audio, a stall after N chunks (the connection stays
open and silent), and a dropped connection after N chunks.
"""

from __future__ import annotations

import asyncio
import base64
import json
import math
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from aiohttp import WSMsgType, web

from tests.support.standin import AiohttpStandIn, Faults

__all__ = ["API_KEY", "ElevenBehavior", "FakeElevenLabs", "render_speech", "samples_per_char"]

API_KEY = "sk_test_0123456789abcdef"
FIRST_SCHEDULE_CHARS = 120


def samples_per_char(rate: int, ms_per_char: int) -> int:
    exact = rate * ms_per_char / 1000
    if exact != int(exact):
        raise ValueError(f"{ms_per_char} ms is not a whole number of samples at {rate} Hz")
    return int(exact)


def render_speech(text: str, rate: int, ms_per_char: int = 40) -> bytes:
    """The stand-in's voice: ``ms_per_char`` of a tone per character, silence for spaces."""
    n = samples_per_char(rate, ms_per_char)
    t = np.arange(n, dtype=np.float64) / rate
    ramp = np.minimum(1.0, np.minimum(np.arange(n), np.arange(n)[::-1]) / max(1, n // 8))
    parts = []
    for ch in text:
        if ch.isspace():
            parts.append(np.zeros(n, dtype="<i2"))
            continue
        freq = 140 + (ord(ch) % 48) * 9
        wave = 0.35 * np.sin(2 * math.pi * freq * t) * ramp
        parts.append(np.round(wave * 32767).astype("<i2"))
    return b"".join(p.tobytes() for p in parts)


@dataclass
class ElevenBehavior(Faults):
    """``stall_after`` and ``drop_after`` count HTTP body pieces, or websocket audio messages."""

    ms_per_char: int = 40
    chunk_bytes: int = 2_049
    """HTTP body pieces (odd: samples are split across pieces, as a real network may)."""
    ws_chunk_ms: int = 100
    """Audio per websocket message (not a multiple of a character: chars straddle messages).
    At 22050 Hz both must be multiples of 20 ms to be whole samples."""
    first_audio_s: float = 0.0
    alignment: bool = True
    message_interval_s: float = 0.0
    """Pause between websocket audio messages (0: as fast as it can, like a fast model)."""


@dataclass
class RecordedRequest:
    voice_id: str
    query: dict[str, str]
    body: dict[str, Any]
    key_ok: bool


@dataclass
class Socket:
    voice_id: str
    query: dict[str, str]
    key_ok: bool
    messages: list[dict[str, Any]] = field(default_factory=list)
    opened_at: float = field(default_factory=time.monotonic)
    closed_at: float | None = None
    client_closed: bool = False
    """The client ended the connection (close frame or dropped TCP)."""
    final_sent: bool = False
    dropped: bool = False
    """The stand-in dropped the connection (``drop_after``)."""
    generations: list[str] = field(default_factory=list)
    """The texts voiced, one entry per continuous stream of audio."""


_ERRORS = {
    401: {"detail": {"status": "invalid_api_key", "message": "Invalid API key"}},
    404: {"detail": {"status": "voice_not_found", "message": "A voice with that id was not found."}},
    422: {"detail": [{"loc": ["body", "text"], "msg": "field required", "type": "value_error.missing"}]},
    429: {"detail": {"status": "too_many_concurrent_requests", "message": "Too many concurrent requests."}},
    500: {"detail": {"status": "internal_error", "message": "The server had an error."}},
}


class FakeElevenLabs(AiohttpStandIn[RecordedRequest]):
    """``requests`` logs the HTTP requests; ``sockets`` the websocket sessions."""

    def __init__(self, behavior: ElevenBehavior | None = None, *, api_key: str = API_KEY) -> None:
        super().__init__()
        self.behavior = behavior or ElevenBehavior()
        self.api_key = api_key
        self.sockets: list[Socket] = []

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _routes(self, app: web.Application) -> None:
        app.router.add_post("/v1/text-to-speech/{voice_id}/stream", self._http_stream)
        app.router.add_get("/v1/text-to-speech/{voice_id}/stream-input", self._stream_input)

    def render(self, text: str, rate: int) -> bytes:
        return render_speech(text, rate, self.behavior.ms_per_char)

    # ------------------------------------------------------------ HTTP

    async def _http_stream(self, request: web.Request) -> web.StreamResponse:
        b = self.behavior
        body = await request.json()
        key_ok = request.headers.get("xi-api-key") == self.api_key
        self.requests.append(
            RecordedRequest(request.match_info["voice_id"], dict(request.query), body, key_ok)
        )
        if not key_ok:
            return web.json_response(_ERRORS[401], status=401)
        if b.fail_status is not None:
            return web.json_response(_ERRORS.get(b.fail_status, {"detail": "error"}), status=b.fail_status)
        fmt = request.query.get("output_format", "mp3_44100_128")
        if not fmt.startswith("pcm_"):
            return web.json_response(
                {
                    "detail": [
                        {"loc": ["query", "output_format"], "msg": "PCM only here", "type": "value_error"}
                    ]
                },
                status=422,
            )
        pcm = self.render(str(body.get("text", "")), int(fmt.removeprefix("pcm_")))
        return await self.stream_bytes(
            request, pcm, piece_bytes=b.chunk_bytes, faults=b, first_delay_s=b.first_audio_s
        )

    # ------------------------------------------------------------ websocket

    async def _stream_input(self, request: web.Request) -> web.StreamResponse:
        b = self.behavior
        if b.fail_status is not None:
            return web.json_response(_ERRORS.get(b.fail_status, {"detail": "error"}), status=b.fail_status)
        key_ok = request.headers.get("xi-api-key") == self.api_key
        sock = Socket(request.match_info["voice_id"], dict(request.query), key_ok)
        self.sockets.append(sock)
        ws = web.WebSocketResponse(max_msg_size=16 * 1024 * 1024)
        await ws.prepare(request)
        rate = int(request.query.get("output_format", "pcm_16000").removeprefix("pcm_"))
        pending: asyncio.Queue[str | None] = asyncio.Queue()
        sender = asyncio.create_task(self._generate(ws, sock, request, pending, rate))
        buffer = ""
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                data = json.loads(msg.data)
                sock.messages.append(data)
                if len(sock.messages) == 1:  # InitializeConnection: a single space
                    if not key_ok and data.get("xi-api-key") != self.api_key:
                        await ws.send_json(
                            {"message": "Invalid API key", "error": "invalid_api_key", "code": 1008}
                        )
                        await ws.close(code=1008, message=b"Invalid API key")
                        break
                    if data.get("text") != " ":
                        await ws.close(code=1008, message=b"the first message must be a single space")
                        break
                    continue
                text = str(data.get("text", ""))
                if text == "":  # CloseConnection
                    if buffer:
                        pending.put_nowait(buffer)
                    buffer = ""
                    pending.put_nowait(None)
                    continue
                buffer += text
                if (
                    data.get("flush")
                    or data.get("try_trigger_generation")
                    or len(buffer) >= FIRST_SCHEDULE_CHARS
                ):
                    pending.put_nowait(buffer)
                    buffer = ""
            else:
                sock.client_closed = not sock.final_sent and not sock.dropped
        finally:
            if sock.closed_at is None:
                sock.closed_at = time.monotonic()
            if not sender.done() and not sock.dropped and not sock.final_sent:
                sock.client_closed = True
                sender.cancel()
                await asyncio.gather(sender, return_exceptions=True)
        return ws

    async def _generate(
        self,
        ws: web.WebSocketResponse,
        sock: Socket,
        request: web.Request,
        pending: asyncio.Queue[str | None],
        rate: int,
    ) -> None:
        b = self.behavior
        per_char = samples_per_char(rate, b.ms_per_char)
        chunk_samples = samples_per_char(rate, b.ws_chunk_ms)
        sent = 0
        first = True

        def drop() -> None:
            sock.dropped = True
            self.abort(request)

        while True:
            got = await pending.get()
            ending = got is None
            text = got or ""
            if first and b.first_audio_s and not ending:
                await asyncio.sleep(b.first_audio_s)
            first = False
            while not ending and not pending.empty():  # everything waiting is voiced as one stream
                more = pending.get_nowait()
                if more is None:
                    ending = True
                else:
                    text += more
            if text:
                sock.generations.append(text)
                pcm = self.render(text, rate)
                for start in range(0, len(pcm) // 2, chunk_samples):
                    if await self.interrupt(b, sent, drop):
                        return
                    end = min(len(pcm) // 2, start + chunk_samples)
                    first_char = -(-start // per_char)
                    chars = [(i, text[i]) for i in range(first_char, len(text)) if i * per_char < end]
                    alignment = {
                        "chars": [c for _, c in chars],
                        "charStartTimesMs": [round((i * per_char - start) * 1000 / rate) for i, _ in chars],
                        "charDurationsMs": [b.ms_per_char for _ in chars],
                    }
                    message: dict[str, Any] = {
                        "audio": base64.b64encode(pcm[start * 2 : end * 2]).decode(),
                        "isFinal": None,
                    }
                    if b.alignment:
                        message["alignment"] = alignment
                        message["normalizedAlignment"] = alignment
                    await ws.send_json(message)
                    sent += 1
                    if b.message_interval_s:
                        await asyncio.sleep(b.message_interval_s)
            if ending:
                await ws.send_json({"isFinal": True})
                sock.final_sent = True
                await ws.close(code=1000)
                return
