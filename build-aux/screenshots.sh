#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Takes the README's screenshots (data/screenshots/*.png) of the demo bureau
# in Chinese, headless.  Run after build-aux/test.sh has built _build-test.

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=${1:-_build-test}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The demo's documents are written in Chinese with the build's translations.
export ACCORD_TODAY=2026-11-20 TZ=Asia/Shanghai ACCORD_LOCALEDIR="$root/$build/po"
# A busier register than the default demo, so that the week shows a working week.
"$build/src/cli/accord-cli" --db "$work/demo.db" seed --sessions 1500 >/dev/null
mkdir -p data/screenshots
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE= \
GSETTINGS_SCHEMA_DIR="$root/$build/resources" \
GSETTINGS_BACKEND=memory ACCORD_NO_REMINDERS=1 GSK_RENDERER=cairo GTK_A11Y=none \
  xvfb-run -a -s '-screen 0 1280x1024x24' "$build/tests/gui/take-screenshots" "$work/demo.db" data/screenshots
