"""Replay source: publishes a JSONL stream recording on its original schedule."""

from streamer.sources.replay.source import (
    SAMPLE_STREAM,
    ReplayError,
    ReplayLine,
    ReplaySource,
    ReplayStart,
    file_run_id,
    load_replay,
    parse_start,
)

__all__ = [
    "SAMPLE_STREAM",
    "ReplayError",
    "ReplayLine",
    "ReplaySource",
    "ReplayStart",
    "file_run_id",
    "load_replay",
    "parse_start",
]
