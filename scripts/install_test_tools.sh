#!/usr/bin/env bash
# Installs what the tests need beyond the locked dependencies, when missing. Idempotent.
# - espeak-ng, the second voice of the voice tests (the streamer, next to the character's
#   piper voice). Needs apt (Debian/Ubuntu).
# - pgserver (PyPI), PostgreSQL 16 binaries with pgvector, which the memory tests start as a
#   real pgvector server (tests/pgvector_server.py). A test tool, not a dependency of the bot.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
cd "$HERE/.."

PGSERVER_VERSION=0.1.4

if .venv/bin/python -c "import importlib.metadata as m, sys; sys.exit(m.version('pgserver') != '$PGSERVER_VERSION')" 2>/dev/null; then
    echo "pgserver $PGSERVER_VERSION already installed"
else
    .venv/bin/uv pip install --quiet "pgserver==$PGSERVER_VERSION"
fi

if command -v espeak-ng >/dev/null 2>&1; then
    echo "espeak-ng already installed"
    exit 0
fi

# shellcheck source=scripts/apt_install.sh
source "$HERE/apt_install.sh"
apt_install espeak-ng
espeak-ng --version
