#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what the tests need, builds _build-asan with AddressSanitizer and
# UndefinedBehaviorSanitizer (meson's -Db_sanitize=address,undefined) and
# runs every suite in it headless.  Any memory error, undefined behaviour
# or leak of Accord's fails its test (leaks are not checked in the widget
# tests, which run second, with their own log).
# Arguments are passed to `meson test` instead of the suite list, e.g. a
# test name or --suite gui.
#
# Not -Dwerror=true: with the sanitizers' checks inlined, GCC warns about
# paths that cannot be taken (-Wstringop-overflow); the normal build in
# test.sh keeps the warnings fatal.

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# shellcheck source=build-aux/deps.sh
source build-aux/deps.sh

accord_install_packages "${ACCORD_BUILD_PACKAGES[@]}" "${ACCORD_TEST_PACKAGES[@]}"
accord_ensure_locale zh_CN.UTF-8
accord_build _build-asan -Db_sanitize=address,undefined -Db_lundef=false

# GLib 2.74 keeps small blocks in its slice allocator, out of ASan's sight.
export G_SLICE=always-malloc
# Undefined behaviour is an error, not a message.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
# Leaks: the system libraries' own are listed in tests/lsan.supp.
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
# GTK and its libraries keep much memory until exit: leaks are not checked
# when the gui suite is asked for.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

run_tests ()
{
  dbus-run-session -- \
    xvfb-run -a -s '-screen 0 1280x1024x24' \
    meson test -C _build-asan --print-errorlogs --timeout-multiplier 3 "$@"
}

status=0
if [[ $# -eq 0 ]]; then
  # Every suite: all but the widget tests with leak checks (log testlog.json),
  # then the widget tests without (log testlog-gui.json): GTK keeps its
  # memory until exit.
  run_tests --suite unit --suite validate --suite cli --suite docs --suite fuzz \
    --suite notify --suite faults || status=$?
  ASAN_OPTIONS=detect_leaks=0 run_tests --suite gui --logbase testlog-gui || status=$?
  exit "$status"
fi

for arg in "$@"; do
  if [[ $arg == gui ]]; then
    ASAN_OPTIONS=detect_leaks=0
  fi
done
run_tests "$@" || status=$?
exit "$status"
