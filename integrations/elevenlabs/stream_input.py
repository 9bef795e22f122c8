"""ElevenLabs websocket input streaming (``/v1/text-to-speech/{voice_id}/stream-input``) as a
:class:`~engines.backends.TTSTurn`: one socket per turn, on the project's own async client.

Why not the SDK: its ``convert_realtime`` is synchronous (it would block the event loop
or need a thread per turn) and forces ``wss://`` (no local stand-in).

The protocol, as documented (SDK types ``InitializeConnection``, ``SendText``,
``CloseConnection``, ``AudioOutput``, ``FinalOutput``):

- connect to ``{ws_url}/v1/text-to-speech/{voice_id}/stream-input?model_id=..&output_format=pcm_22050
  &sync_alignment=true&inactivity_timeout=60`` with the ``xi-api-key`` header;
- first message ``{"text": " ", "generation_config": {...}}`` (``voice_settings`` if set);
- each sentence ``{"text": "Hello chat! ", "flush": true}``: sent the moment it is vetted,
  ending in a space, and flushed so its audio is generated now rather than when more
  text has been buffered;
- ``{"text": ""}`` ends the input; the server sends the remaining audio, ``{"isFinal": true}``
  and closes;
- the server sends ``{"audio": "<base64 PCM>", "isFinal": null, "alignment": {"chars": [..],
  "charStartTimesMs": [..], "charDurationsMs": [..]}, "normalizedAlignment": {...}}``.

The audio is one continuous stream for the whole turn. :class:`AudioRouter` cuts it into
the sentences it speaks by the character alignment: counting the non-space characters
aligned so far, the first character of sentence n+1 marks where sentence n's audio ends
(its start time in the chunk gives the exact sample). Without alignment the audio still
plays in order, only attributed to the sentence in progress.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus, InvalidURI

from engines.backends import AudioChunk, BackendError, BackendTimeout, TTSTurn
from engines.voice.pcm_stream import SampleAligner
from integrations.elevenlabs.errors import NAME, scrub, status_error

if TYPE_CHECKING:
    from integrations.elevenlabs.tts import ElevenLabsTTS

__all__ = ["AudioRouter", "StreamInputTurn"]

log = logging.getLogger(__name__)
_ws_log = logging.getLogger(f"{__name__}.websocket")
_ws_log.setLevel(logging.INFO)  # websockets logs the handshake headers, the API key among them, at DEBUG

INACTIVITY_TIMEOUT_S = 60
"""The server closes a socket that received no text for this long (default 20 s; a long
sentence can play that long before the next one is sent)."""
TAIL_GRACE_S = 0.15
"""Once every character of a sentence has been aligned and its audio played, how long to
wait for the rest of its last sound before moving on."""
MAX_MESSAGE_BYTES = 16 * 1024 * 1024

_TAIL = "tail"
"""Queue marker: every character of the sentence has been aligned."""


@dataclass(slots=True, eq=False)
class _Sentence:
    text: str
    weight: int
    """Non-space characters: what the alignment is counted in."""
    queue: asyncio.Queue[bytes | str | BackendError | None] = field(default_factory=asyncio.Queue)
    received: int = 0
    got_audio: bool = False
    closed: bool = False
    tail: bool = False


class AudioRouter:
    """Assigns a turn's audio stream to the sentences it speaks, in order."""

    def __init__(self, sample_rate: int) -> None:
        self.sample_rate = sample_rate
        self.sentences: list[_Sentence] = []
        self._index = 0
        self._samples = SampleAligner()
        self.unaligned = False
        """Audio came without alignment, so boundaries are unknown."""

    def add(self, text: str) -> _Sentence:
        sentence = _Sentence(text, sum(1 for ch in text if not ch.isspace()))
        self.sentences.append(sentence)
        return sentence

    @property
    def current(self) -> _Sentence | None:
        return self.sentences[self._index] if self._index < len(self.sentences) else None

    def audio(self, data: bytes, alignment: Mapping[str, Any] | None) -> None:
        """One ``audio`` message: its PCM and its alignment (times relative to this chunk)."""
        pcm = self._samples.feed(data)
        chars = list(alignment.get("chars") or ()) if alignment else []
        starts = list(alignment.get("charStartTimesMs") or ()) if alignment else []
        if pcm and not chars:
            self.unaligned = True
        pos = 0
        for ch, start_ms in zip(chars, starts, strict=False):
            if not isinstance(ch, str) or ch.isspace():
                continue
            cur = self.current
            if cur is None:
                break
            if cur.received >= cur.weight and self._index + 1 < len(self.sentences):
                # this character opens the next sentence: cut at its first sample
                cut = round(float(start_ms) * self.sample_rate / 1000) * 2
                cut = min(max(cut, pos), len(pcm))
                self._deliver(cur, pcm[pos:cut])
                self._close(cur)
                self._index += 1
                pos = cut
                cur = self.sentences[self._index]
            cur.received += 1
        cur = self.current
        if cur is None:
            return
        self._deliver(cur, pcm[pos:])
        if cur.received >= cur.weight and not cur.tail and not cur.closed:
            cur.tail = True
            cur.queue.put_nowait(_TAIL)

    def final(self, *, ended: bool) -> None:
        """``isFinal``: the audio of the text sent so far is complete. Before the input was
        ended, only sentences whose every character arrived are closed."""
        for sentence in self.sentences[self._index :]:
            if not ended and sentence.received < sentence.weight:
                break
            self._finish(sentence)
            self._index += 1

    def fail(self, error: BackendError) -> None:
        """Every unfinished sentence raises ``error``."""
        for sentence in self.sentences[self._index :]:
            if not sentence.closed:
                sentence.closed = True
                sentence.queue.put_nowait(error)
        self._index = len(self.sentences)

    def _finish(self, sentence: _Sentence) -> None:
        if sentence.got_audio or self.unaligned:
            self._close(sentence)
        else:  # the server spoke nothing for it: let the caller's fallback speak it
            sentence.closed = True
            sentence.queue.put_nowait(BackendError(NAME, "no audio came for this sentence", retryable=True))

    @staticmethod
    def _deliver(sentence: _Sentence, pcm: bytes) -> None:
        if pcm and not sentence.closed:
            sentence.got_audio = True
            sentence.queue.put_nowait(pcm)

    @staticmethod
    def _close(sentence: _Sentence) -> None:
        if not sentence.closed:
            sentence.closed = True
            sentence.queue.put_nowait(None)


class StreamInputTurn(TTSTurn):
    """One turn on one ElevenLabs websocket. It starts connecting when created."""

    def __init__(self, tts: ElevenLabsTTS, voice_id: str) -> None:
        super().__init__(limits=tts.limits, stats=tts.stats)
        self.name = tts.name
        self._tts = tts
        self.voice_id = voice_id
        self.router = AudioRouter(tts.sample_rate)
        self._ws: ClientConnection | None = None
        self._error: BackendError | None = None
        self._ended = False
        self._closed = False
        self._reader: asyncio.Task[None] | None = None
        self._outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._writer = asyncio.create_task(self._run(), name="elevenlabs-turn")
        self.sent: list[str] = []
        """The sentences handed to the socket, in order."""

    @property
    def url(self) -> str:
        params = {
            "model_id": self._tts.model,
            "output_format": self._tts.output_format,
            "sync_alignment": "true",
            "inactivity_timeout": str(INACTIVITY_TIMEOUT_S),
        }
        return f"{self._tts.ws_url}/v1/text-to-speech/{quote(self.voice_id, safe='')}/stream-input?{urlencode(params)}"

    # ------------------------------------------------------------ connection

    async def _run(self) -> None:
        """Connect, then send the queued messages in order (sentences may be queued before
        the socket is open: ``say`` never waits for the connection)."""
        try:
            ws = await self._connect()
            if ws is None:
                return
            if self._closed:
                self._tts.close_later(ws)
                return
            self._ws = ws
            self._reader = asyncio.create_task(self._read(ws), name="elevenlabs-reader")
            await self._send(ws, self._tts.initial_message())
            while self._error is None:
                await self._send(ws, await self._outbox.get())
        except Exception as exc:  # a bug or an unexpected library error: fail the turn, not the show
            log.exception("elevenlabs: the websocket turn failed")
            self._set_error(BackendError(NAME, f"{type(exc).__name__} in the websocket turn", retryable=True))

    async def _connect(self) -> ClientConnection | None:
        key = self._tts.api_key
        try:
            ws = await connect(
                self.url,
                additional_headers={"xi-api-key": key},
                open_timeout=self._tts.connect_timeout_s,
                close_timeout=1.0,
                max_size=MAX_MESSAGE_BYTES,
                compression=None,
                proxy=None,
                logger=_ws_log,
            )
        except InvalidStatus as exc:
            body = exc.response.body.decode("utf-8", "replace") if exc.response.body else ""
            with contextlib.suppress(ValueError):
                body = json.loads(body)
            self._set_error(
                status_error(exc.response.status_code, body, base_url=self._tts.ws_url, secrets=(key,))
            )
            return None
        except TimeoutError:
            self._set_error(
                BackendTimeout(
                    NAME, f"no connection to {self._tts.ws_url} within {self._tts.connect_timeout_s:.1f}s"
                )
            )
            return None
        except (OSError, InvalidHandshake, InvalidURI) as exc:
            self._set_error(
                BackendError(
                    NAME, f"cannot connect to {self._tts.ws_url} ({type(exc).__name__})", retryable=True
                )
            )
            return None
        return ws

    async def _send(self, ws: ClientConnection, message: dict[str, Any]) -> None:
        if self._error is not None:
            return
        try:
            await ws.send(json.dumps(message))
        except ConnectionClosed as exc:
            self._set_error(self._closed_error(exc))

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                self._on_message(raw)
        except ConnectionClosed as exc:
            self._on_closed(exc)
            return
        self._on_closed(None)

    def _on_message(self, raw: str | bytes) -> None:
        try:
            message = json.loads(raw)
        except ValueError:
            log.warning("elevenlabs: ignored a message that is not JSON (%d bytes)", len(raw))
            return
        if not isinstance(message, dict):
            return
        audio = message.get("audio")
        if audio:
            try:
                pcm = base64.b64decode(audio, validate=True)
            except (binascii.Error, ValueError, TypeError):
                self._set_error(
                    BackendError(NAME, "the server sent audio that is not base64", retryable=True)
                )
                return
            alignment = message.get("alignment") or message.get("normalizedAlignment")
            self.router.audio(pcm, alignment if isinstance(alignment, Mapping) else None)
        elif message.get("message") or message.get("error"):  # an error report before closing
            what = " ".join(str(message.get(k) or "") for k in ("error", "message")).strip()
            retryable = not any(
                w in what.lower() for w in ("api key", "api_key", "auth", "quota", "voice", "invalid")
            )
            self._set_error(
                BackendError(
                    NAME,
                    f"server error: {scrub(what, (self._tts.api_key,), self._texts())}",
                    retryable=retryable,
                )
            )
        if message.get("isFinal"):
            self.router.final(ended=self._ended)

    def _on_closed(self, exc: ConnectionClosed | None) -> None:
        if self._error is not None:
            return
        if self._ended and (exc is None or (exc.rcvd is not None and exc.rcvd.code == 1000)):
            self.router.final(ended=True)  # a normal end: what is unfinished got no audio
            return
        self._set_error(
            self._closed_error(exc)
            if exc is not None
            else BackendError(NAME, "the server closed the connection", retryable=True)
        )

    def _closed_error(self, exc: ConnectionClosed) -> BackendError:
        frame = exc.rcvd
        if frame is None:
            return BackendError(NAME, "the connection was lost", retryable=True)
        reason = scrub(frame.reason, (self._tts.api_key,), self._texts())
        why = f"the server closed the connection ({frame.code}{': ' + reason if reason else ''})"
        # 1008 policy violation: bad key, quota, bad voice or model (trying again will not help)
        return BackendError(NAME, why, retryable=frame.code != 1008)

    def _set_error(self, error: BackendError) -> None:
        if self._error is None:
            self._error = error
        self.router.fail(error)

    def _texts(self) -> list[str]:
        return [s.text for s in self.router.sentences]

    # ------------------------------------------------------------ TTSTurn

    async def _say_impl(self, text: str) -> AsyncIterator[AudioChunk]:
        text = " ".join(text.split())
        if not text:  # nothing to voice, so nothing is sent (over HTTP no request is made either)
            return _no_audio()
        sentence = self.router.add(text)
        if self._error is not None or self._closed:
            self.router.fail(self._error or BackendError(NAME, "the turn is closed"))
        else:  # ends in a space, as documented; flushed: its audio is generated now
            self.sent.append(f"{text} ")
            self._outbox.put_nowait({"text": f"{text} ", "flush": True})
        return self._audio(sentence)

    async def _audio(self, sentence: _Sentence) -> AsyncIterator[AudioChunk]:
        rate = self.router.sample_rate
        while True:
            if sentence.tail and sentence.queue.empty():
                try:
                    item = await asyncio.wait_for(sentence.queue.get(), TAIL_GRACE_S)
                except TimeoutError:
                    return
            else:
                item = await sentence.queue.get()
            if item is None:
                return
            if isinstance(item, BackendError):
                raise item
            if isinstance(item, bytes):
                yield AudioChunk(item, rate)

    async def end(self) -> None:
        if self._ended or self._closed:
            return
        self._ended = True
        self._outbox.put_nowait({"text": ""})

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._writer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._writer
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        self.router.fail(BackendError(NAME, "the turn was closed"))
        if self._ws is not None:
            self._tts.close_later(self._ws)
            self._ws = None


async def _no_audio() -> AsyncIterator[AudioChunk]:
    return
    yield  # pragma: no cover - makes this an async generator
