#!/usr/bin/env bash
# Sourced by the install_*.sh scripts: apt_install PKG... installs Debian packages without
# recommends, non-interactively, through sudo when not root. Needs apt (Debian/Ubuntu).

apt_install() {
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update
    $sudo apt-get install -y --no-install-recommends "$@"
}
