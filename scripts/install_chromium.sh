#!/usr/bin/env bash
# Installs Debian's Chromium for the dashboard's browser tests (Playwright drives
# /usr/bin/chromium; it never downloads a browser). Idempotent: does nothing when
# /usr/bin/chromium is there. Needs apt (Debian/Ubuntu).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed"
    exit 0
fi

# shellcheck source=scripts/apt_install.sh
source "$(dirname "$0")/apt_install.sh"
apt_install chromium fonts-dejavu-core
/usr/bin/chromium --version
