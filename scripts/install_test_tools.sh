#!/usr/bin/env bash
# Installs espeak-ng, the second voice of the voice tests (the streamer, next to the
# character's piper voice), when missing. Idempotent. Needs apt (Debian/Ubuntu).
set -euo pipefail

if command -v espeak-ng >/dev/null 2>&1; then
    echo "espeak-ng already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends espeak-ng
espeak-ng --version
