"""Where LoRA training runs: the device setting (the whole loop is tests/streamer/test_training.py)."""

from __future__ import annotations

import pytest

from integrations.lora.trainer import LoraSettings, TrainingUnavailable, resolve_device


def test_auto_takes_a_gpu_when_there_is_one() -> None:
    assert LoraSettings().device == "auto"
    assert resolve_device("auto", cuda_available=True) == "cuda"
    assert resolve_device("auto", cuda_available=False) == "cpu"


def test_a_named_device_is_used_as_given() -> None:
    assert resolve_device("cpu", cuda_available=True) == "cpu"
    assert resolve_device("cuda:1", cuda_available=True) == "cuda:1"


def test_asking_for_a_gpu_without_one_is_a_clear_error() -> None:
    with pytest.raises(TrainingUnavailable, match="no CUDA GPU"):
        resolve_device("cuda", cuda_available=False)
