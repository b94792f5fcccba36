#!/usr/bin/env bash
# The browser test drives Debian's Chromium (no browser download from the npm registry); install it once.
# Off Debian (no apt-get) say why it is skipped and carry on: the browser test skips itself with the same reason.
set -euo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: skipped: no apt-get on this machine (not Debian), so Debian's chromium cannot be installed; the web-app browser test will be skipped" >&2
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium package for the browser test" >&2
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
