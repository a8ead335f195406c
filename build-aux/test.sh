#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what the tests need, builds _build-test with -Dwerror=true and runs
# every test headless (Xvfb inside a private D-Bus session). Arguments are
# passed to `meson test`, e.g. --suite unit or a test name.

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# shellcheck source=build-aux/deps.sh
source build-aux/deps.sh

accord_install_packages "${ACCORD_BUILD_PACKAGES[@]}" "${ACCORD_TEST_PACKAGES[@]}"
accord_ensure_locale zh_CN.UTF-8
accord_build _build-test -Dwerror=true

status=0
dbus-run-session -- \
  xvfb-run -a -s '-screen 0 1280x1024x24' \
  meson test -C _build-test --print-errorlogs "$@" || status=$?
exit "$status"
