#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every benchmark at the scale of a province, on one database of 1,000,000
# cases, 3,000,000 sessions and 10,000 people (500 venues).  The database is
# seeded once with `accord-cli seed`, timed, and kept for the next run; then
# `meson test --benchmark` runs with ACCORD_BENCH_DB naming it, and the
# figures are written to the terminal and to a file.  Arguments are passed
# to `meson test`, e.g. a benchmark's name.
#
# Environment:
#   ACCORD_BENCH_DB         the database (default /var/tmp/accord-scale.db;
#                           about 4 GB, and the backup benchmark needs as
#                           much again free beside the temporary folder)
#   ACCORD_BENCH_BUILDDIR   the build directory (default _build-test, built
#                           with -Dwerror=true as build-aux/test.sh does)
#   ACCORD_BENCH_FIGURES    the file of figures (default
#                           BUILDDIR/meson-logs/bench-scale.txt)

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

# shellcheck source=build-aux/deps.sh
source build-aux/deps.sh

cases=1000000
sessions=3000000
people=10000
venues=500
db=${ACCORD_BENCH_DB:-/var/tmp/accord-scale.db}
builddir=${ACCORD_BENCH_BUILDDIR:-_build-test}
figures=${ACCORD_BENCH_FIGURES:-$builddir/meson-logs/bench-scale.txt}

accord_install_packages "${ACCORD_BUILD_PACKAGES[@]}" "${ACCORD_TEST_PACKAGES[@]}" \
  "${ACCORD_BENCH_PACKAGES[@]}"
accord_ensure_locale zh_CN.UTF-8
accord_build "$builddir" -Dwerror=true

# The benchmarks count deadlines and slots from this day.
export ACCORD_TODAY=2026-11-20

mkdir -p "$(dirname "$figures")"
{
  echo "# build-aux/bench-scale.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
  echo "# $cases cases, $sessions sessions, $people people, $venues venues: $db"
} > "$figures"

if [[ ! -e $db ]]; then
  mkdir -p "$(dirname "$db")"
  start=$(date +%s%N)
  "$builddir/src/cli/accord-cli" --db "$db" seed --cases "$cases" --sessions "$sessions" \
    --people "$people" --venues "$venues" > /dev/null
  end=$(date +%s%N)
  awk -v ns="$((end - start))" -v size="$(stat -c %s "$db")" \
    'BEGIN { printf "accord-cli seed: %.0f s, %.2f GB\n", ns / 1e9, size / 1e9 }' | tee -a "$figures"
else
  awk -v size="$(stat -c %s "$db")" \
    'BEGIN { printf "database already seeded: %.2f GB\n", size / 1e9 }' | tee -a "$figures"
fi

export ACCORD_BENCH_DB=$db
export ACCORD_BENCH_CASES=$cases
export ACCORD_BENCH_SESSIONS=$sessions
export ACCORD_BENCH_PEOPLE=$people
export ACCORD_BENCH_VENUES=$venues

status=0
dbus-run-session -- \
  xvfb-run -a -s '-screen 0 1280x1024x24' \
  meson test -C "$builddir" --benchmark --print-errorlogs --verbose "$@" 2>&1 | tee -a "$figures" \
  || status=$?
echo "figures written to $figures"
exit "$status"
