#!/usr/bin/env bash
# The browser test drives Debian's Chromium (no browser download from the npm registry); install it once.
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
echo "ensure-chromium: installing Debian's chromium package for the browser test" >&2
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
