#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Accord needs, builds it in _build and opens it. On the first run
# the default database gets the demo bureau. Arguments are passed to accord.

set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
caller_dir=$PWD
cd "$root"

# shellcheck source=build-aux/deps.sh
source build-aux/deps.sh

accord_install_packages "${ACCORD_BUILD_PACKAGES[@]}"
accord_ensure_locale zh_CN.UTF-8
accord_build _build

# Schemas and translations straight from the build tree, nothing installed
# (the demo's documents are written in Chinese with the build's translations).
export ACCORD_LOCALEDIR="$root/_build/po"

# `seed --if-empty` leaves a database that already has cases untouched.
if ! _build/src/cli/accord-cli seed --if-empty; then
  echo "accord: could not add the demo bureau; opening Accord anyway" >&2
fi

export GSETTINGS_SCHEMA_DIR="$root/_build/resources${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
# Back in the caller's directory, so relative paths among the arguments still work.
cd "$caller_dir"
exec "$root/_build/src/gui/accord" "$@"
