#!/usr/bin/env bash
# Installs Debian's Chromium for the dashboard's browser tests (Playwright drives
# /usr/bin/chromium; it never downloads a browser). Idempotent: does nothing when
# /usr/bin/chromium is there. Needs apt (Debian/Ubuntu).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-dejavu-core
/usr/bin/chromium --version
