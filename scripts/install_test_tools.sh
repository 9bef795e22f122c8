#!/usr/bin/env bash
# Installs espeak-ng, the second voice of the voice tests (the streamer, next to the
# character's piper voice), when missing. Idempotent. Needs apt (Debian/Ubuntu).
set -euo pipefail

if command -v espeak-ng >/dev/null 2>&1; then
    echo "espeak-ng already installed"
    exit 0
fi

# shellcheck source=scripts/apt_install.sh
source "$(dirname "$0")/apt_install.sh"
apt_install espeak-ng
espeak-ng --version
