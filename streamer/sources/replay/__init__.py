"""Replay source: publishes a JSONL stream recording on its original schedule."""

from streamer.sources.replay.source import SAMPLE_STREAM, ReplayError, ReplayLine, ReplaySource, load_replay

__all__ = ["SAMPLE_STREAM", "ReplayError", "ReplayLine", "ReplaySource", "load_replay"]
