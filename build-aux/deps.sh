# shellcheck shell=bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Helpers shared by run.sh and test.sh. Source this file; it defines:
#   ACCORD_BUILD_PACKAGES, ACCORD_TEST_PACKAGES   Debian 12 package lists
#   ACCORD_BENCH_PACKAGES                         what only bench-scale.sh adds
#   accord_install_packages PKG...                install the missing ones (silent if none)
#   accord_ensure_locale [LOCALE]                 generate a locale (default zh_CN.UTF-8)
#   accord_build BUILDDIR [MESON-OPTION...]       configure once, then compile

# shellcheck disable=SC2034  # used by the scripts that source this file
ACCORD_BUILD_PACKAGES=(
  meson
  ninja-build
  pkg-config
  gcc
  libc6-dev
  libglib2.0-dev
  libglib2.0-bin
  libgtk-4-dev
  libical-dev
  tzdata
  libadwaita-1-dev
  libsqlite3-dev
  libjson-glib-dev
  libnotify-dev
  libcairo2-dev
  libpango1.0-dev
  libqrencode-dev
  libpoppler-glib-dev
  gettext
  desktop-file-utils
  appstream
  fonts-noto-cjk
  locales
)

# shellcheck disable=SC2034
ACCORD_TEST_PACKAGES=(
  xvfb
  xauth
  dbus
  dbus-bin
  libglib2.0-bin
  python3
  python3-dbusmock
  python3-icalendar
  zbar-tools
)

# Only for the benchmarks (bench-scale.sh), never the tests or CI:
# bench-docs times LibreOffice converting the agreement's text beside it.
# shellcheck disable=SC2034
ACCORD_BENCH_PACKAGES=(
  libreoffice-writer-nogui
)

# Runs a command as root: directly when we are root, through sudo otherwise.
accord_as_root ()
{
  if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "accord: root privileges are needed to run: $*" >&2
    echo "accord: run this script as root or install sudo" >&2
    return 1
  fi
}

# Prints, one per line, those of the given packages that are not installed.
accord_missing_packages ()
{
  local -A installed=()
  local name status pkg

  # One dpkg-query for the whole list keeps the common case (nothing missing) fast.
  while read -r name _ _ status; do
    if [[ $status == installed ]]; then
      installed[$name]=1
    fi
  done < <(dpkg-query -W -f='${Package} ${Status}\n' "$@" 2>/dev/null)

  for pkg in "$@"; do
    if [[ -z ${installed[$pkg]:-} ]]; then
      echo "$pkg"
    fi
  done
}

ACCORD_APT_UPDATED=${ACCORD_APT_UPDATED:-}

# Installs the given Debian packages that are missing; prints nothing when none are.
accord_install_packages ()
{
  local -a missing=()
  local pkg

  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "accord: dpkg-query not found; install these packages by hand: $*" >&2
    return 1
  fi

  while read -r pkg; do
    [[ -n $pkg ]] && missing+=("$pkg")
  done < <(accord_missing_packages "$@" | sort -u)

  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi

  echo "accord: installing ${missing[*]}" >&2
  if [[ -z $ACCORD_APT_UPDATED ]]; then
    accord_as_root env DEBIAN_FRONTEND=noninteractive apt-get update || return 1
    ACCORD_APT_UPDATED=1
  fi
  accord_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

# Makes sure a locale (default zh_CN.UTF-8) is generated, so gettext can show Chinese.
accord_ensure_locale ()
{
  local locale=${1:-zh_CN.UTF-8}
  local lang=${locale%%.*}
  local charset=${locale#*.}
  local pattern=${locale//./\\.}
  # `locale -a` spells UTF-8 as utf8.
  local normalized=${charset//-/}
  normalized="${lang}.${normalized,,}"
  local available

  # Read the list first: `grep -q` closing a pipe early would trip pipefail.
  available=$(locale -a 2>/dev/null)
  if grep -qixF -e "$locale" -e "$normalized" <<<"$available"; then
    return 0
  fi

  echo "accord: generating the $locale locale" >&2
  if grep -qE "^#[[:space:]]*${pattern} ${charset}\$" /etc/locale.gen 2>/dev/null; then
    accord_as_root sed -i -E "s/^#[[:space:]]*(${pattern} ${charset})\$/\\1/" /etc/locale.gen || return 1
  elif ! grep -qE "^${pattern} ${charset}\$" /etc/locale.gen 2>/dev/null; then
    echo "$locale $charset" | accord_as_root tee -a /etc/locale.gen >/dev/null || return 1
  fi
  accord_as_root locale-gen
}

# Configures BUILDDIR with meson (only the first time) and compiles it.
accord_build ()
{
  local builddir=${1:?usage: accord_build BUILDDIR [MESON-OPTION...]}
  shift

  # meson writes coredata.dat only after a successful configuration and
  # reconfigures by itself when a meson.build changes.
  if [[ ! -f $builddir/meson-private/coredata.dat ]]; then
    meson setup "$builddir" "$@" || return 1
  fi
  meson compile -C "$builddir"
}
