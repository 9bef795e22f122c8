"""Requantizing the bundled model: a real Q8_0 file from the real Q4_1 one, converted once and
then taken from the cache, a reply from the server that starts the same, and a failed conversion falling
back to the shipped file."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from integrations.llama_cpp.model import bundled_model_path
from integrations.llama_cpp.requantize import cached_path, requantized
from integrations.llama_cpp.server import LlamaServer, LlamaServerConfig


def _gguf_type(path: Path) -> bytes:
    return path.read_bytes()[:4]


async def test_converts_once_then_uses_the_cache(tmp_path: Path) -> None:
    src = bundled_model_path()
    out = await requantized(src, "q8_0", tmp_path)
    assert out == cached_path(src, "q8_0", tmp_path) and out.parent == tmp_path
    assert _gguf_type(out) == b"GGUF"
    assert out.stat().st_size > src.stat().st_size * 1.4  # 8 bits a weight, not 4-5
    assert not list(tmp_path.glob("*.tmp"))
    stamp = out.stat().st_mtime_ns
    again = await requantized(src, "q8_0", tmp_path)
    assert again == out and out.stat().st_mtime_ns == stamp  # not converted a second time


async def test_a_failed_conversion_runs_the_shipped_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF but not really a model")
    with caplog.at_level(logging.WARNING):
        out = await requantized(broken, "q8_0", tmp_path / "cache")
    assert out == broken
    assert "could not convert broken.gguf to q8_0" in caplog.text
    assert not list((tmp_path / "cache").glob("*"))  # no half-written file left behind
    with pytest.raises(ValueError, match="unknown quantization"):
        await requantized(broken, "q2_k", tmp_path)


async def test_the_server_answers_alike_on_the_converted_model(tmp_path: Path) -> None:
    body = {
        "model": "local",
        "messages": [
            {"role": "system", "content": "You are Hiyori, a cheerful streamer. Answer in one sentence."},
            {"role": "user", "content": 'Kiri says: "what game are we playing?"'},
        ],
        "max_tokens": 24,
        "temperature": 0.0,
        "stream": False,
    }
    replies = []
    for quant in (None, "q8_0"):
        server = LlamaServer(
            LlamaServerConfig(n_threads=2, verbose=False, requantize=quant, cache_dir=tmp_path)
        )
        await server.start()
        try:
            assert server.model_path is not None
            assert (".as-q8_0" in server.model_path.name) == (quant is not None)
            status, content = await server.request("POST", "/v1/chat/completions", body, timeout_s=60)
            assert status == 200
            replies.append(content)
        finally:
            await server.stop()
    import json

    texts = [json.loads(r)["choices"][0]["message"]["content"] for r in replies]
    # Q8_0 holds each Q4_1 weight to within rounding: greedy replies start the same (a
    # near-tie may later go the other way)
    assert texts[0].strip() and texts[0].split()[:2] == texts[1].split()[:2], texts


def test_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from integrations.llama_cpp.requantize import default_cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "vtuber-bot" / "models"
