#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: sh verify-units.sh SERVICE TIMER ACCORD-CLI
# Checks the user units with `systemd-analyze verify`.  verify wants the
# ExecStart program to exist, so a copy of the service runs the accord-cli
# just built; it also needs a runtime directory, which a build may lack.
set -eu

service=$1
timer=$2
cli=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

sed "s|^ExecStart=[^ ]*|ExecStart=$cli|" "$service" >"$dir/accord-remind.service"
cp "$timer" "$dir/accord-remind.timer"
mkdir -m 700 "$dir/runtime"

# Warnings count as failures too: verify prints them but exits with 0.
status=0
output=$(XDG_RUNTIME_DIR="$dir/runtime" systemd-analyze verify --user \
  "$dir/accord-remind.service" "$dir/accord-remind.timer" 2>&1) || status=$?
if [ "$status" -ne 0 ] || [ -n "$output" ]; then
  printf '%s\n' "$output" >&2
  exit 1
fi
