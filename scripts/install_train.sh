#!/usr/bin/env bash
# The optional `train` extra for the training studio's local LoRA (torch CPU build, transformers,
# peft, gguf), from the lock. CI runs it so the whole learning loop is tested; a streamer who
# wants `vtuber train` runs it once. About 1 GB in .venv (torch alone is about 750 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/uv sync --frozen --inexact --quiet --extra train
