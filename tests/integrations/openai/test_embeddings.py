"""The OpenAI-compatible embeddings adapter against a local stand-in that speaks the
documented ``POST /v1/embeddings`` wire format (``data[].embedding`` with ``index``, ``usage``)."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np
import pytest

from engines.backends import BackendError
from integrations.openai.embeddings import OpenAIEmbedder


class StandIn:
    """Answers with a vector per input derived from its text; the order of ``data`` is reversed
    (the format says to use ``index``); ``status`` forces an error answer."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.status = 200
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stand_in.requests.append(body)
                stand_in.headers.append({k.lower(): v for k, v in self.headers.items()})
                if self.path != "/v1/embeddings":
                    return self._send(404, {"error": {"message": "not found"}})
                if stand_in.status != 200:
                    return self._send(
                        stand_in.status, {"error": {"message": "bad key sk-secret-123", "type": "x"}}
                    )
                inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
                dims = body.get("dimensions", 6)
                data = [
                    {"object": "embedding", "index": i, "embedding": vector(text, dims)}
                    for i, text in enumerate(inputs)
                ][::-1]
                self._send(
                    200,
                    {
                        "object": "list",
                        "data": data,
                        "model": body["model"],
                        "usage": {"prompt_tokens": 3, "total_tokens": 3},
                    },
                )

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                raw = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"


def vector(text: str, dims: int) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    return [float(b) + 1.0 for b in digest[:dims]]


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    s = StandIn()
    s.thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


def test_vectors_come_back_in_input_order_normalised(stand_in: StandIn) -> None:
    embedder = OpenAIEmbedder(
        base_url=stand_in.base_url, model="nomic-embed-text", api_key="sk-secret-123", batch_size=2
    )
    out = embedder.embed(["has a cat named Mochi", "plays Celeste", "is from Lisbon"])
    assert out.shape == (3, 6) and out.dtype == np.float32
    expected = np.asarray(vector("plays Celeste", 6), dtype=np.float32)
    assert np.allclose(out[1], expected / np.linalg.norm(expected))
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0)
    assert [r["input"] for r in stand_in.requests] == [
        ["has a cat named Mochi", "plays Celeste"],
        ["is from Lisbon"],
    ]
    assert (
        stand_in.requests[0]["model"] == "nomic-embed-text"
        and stand_in.requests[0]["encoding_format"] == "float"
    )
    assert stand_in.headers[0]["authorization"] == "Bearer sk-secret-123"
    assert embedder.dimensions == 6
    assert embedder.embed([]).shape == (0, 6)
    embedder.close()


def test_dimensions_are_asked_for_and_checked(stand_in: StandIn) -> None:
    embedder = OpenAIEmbedder(base_url=stand_in.base_url, model="m", dimensions=4)
    assert embedder.embed(["x"]).shape == (1, 4)
    assert stand_in.requests[-1]["dimensions"] == 4
    assert (
        stand_in.headers[-1]["authorization"] == "Bearer local"
    )  # the SDK needs a key; local servers ignore it


def test_errors_are_backend_errors_without_the_key(stand_in: StandIn) -> None:
    stand_in.status = 401
    embedder = OpenAIEmbedder(base_url=stand_in.base_url, model="m", api_key="sk-secret-123")
    with pytest.raises(BackendError) as caught:
        embedder.embed(["hello"])
    assert "check memory.api_key" in str(caught.value) and "sk-secret-123" not in str(caught.value)
    down = OpenAIEmbedder(base_url="http://127.0.0.1:9/v1", model="m", timeout_s=1.0)
    with pytest.raises(BackendError) as refused:
        down.embed(["hello"])
    assert refused.value.retryable
