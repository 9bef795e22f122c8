#!/usr/bin/env bash
# Installs OBS Studio and Xvfb (for the headless OBS integration tests) when missing.
# Debian's obs-studio ships obs-websocket and the FreeType text source; the extra plugins
# (obs-plugins) are only Recommended, so they are named explicitly with --no-install-recommends.
# Idempotent: does nothing when `obs`, `Xvfb` and obs-plugins are already installed. Needs apt (Debian/Ubuntu).
set -euo pipefail

if command -v obs >/dev/null 2>&1 && command -v Xvfb >/dev/null 2>&1 \
    && dpkg -s obs-plugins >/dev/null 2>&1; then
    echo "obs-studio, obs-plugins and xvfb already installed"
    exit 0
fi

# shellcheck source=scripts/apt_install.sh
source "$(dirname "$0")/apt_install.sh"
apt_install obs-studio obs-plugins xvfb fonts-dejavu-core
obs --version
