#!/usr/bin/env bash
# Sets up a development machine (system packages, a Python >= 3.12 venv in .venv, the package)
# and then either launches the kiosk on demo data or runs the whole test suite.
#
#   ./dev.sh demo [smartcorner run options]   set up, seed the demo data, launch windowed
#   ./dev.sh test [pytest options]            set up, run the whole test suite
#   ./dev.sh setup                            set up only
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
VENV="$ROOT/.venv"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root for: $*  (run as root or install sudo)"; return 1; fi
}

# Qt runtime (offscreen and X11/xcb), Xvfb for headless screenshots, xdotool and setxkbmap to
# type as scanners do under it, libusb/libcups for the USB and CUPS printers (pycups builds
# against libcups2-dev), socat and cupsd for the printer rigs, PC/SC for the badge reader,
# a PostgreSQL server for the multi-kiosk tests, what pyscard needs to build, and the installer
# tests' tools (shellcheck, systemd-analyze, debootstrap for the throwaway Debian root).
APT_PACKAGES=(
  libgl1 libegl1 libglib2.0-0 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libpulse0
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
  fonts-dejavu-core xvfb xauth
  gcc libpcsclite-dev pcscd vsmartcard-vpcd
  libusb-1.0-0 libcups2-dev cups-daemon cups-client socat xdotool x11-xkb-utils
  speech-dispatcher espeak-ng libspeechd2 sox
  postgresql
  shellcheck systemd debootstrap
)

find_python() {
  local c
  for c in "${PYTHON:-}" python3.13 python3.12 python3 \
           "$HOME"/.pyenv/versions/3.1[2-9]*/bin/python3 /usr/local/bin/python3.1[2-9]; do
    [ -n "$c" ] || continue
    if command -v "$c" >/dev/null 2>&1 &&
       "$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
      command -v "$c"; return 0
    fi
  done
  return 1
}

setup_system() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Debian 13 and Ubuntu 24.10+ moved speech-dispatcher's eSpeak NG module to a package of its
  # own, only recommended (so left out above); older releases ship it in speech-dispatcher.
  if [ ! -e /usr/lib/speech-dispatcher-modules/sd_espeak-ng ]; then
    log "installing speech-dispatcher's eSpeak NG module"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends speech-dispatcher-espeak-ng >/dev/null
  fi
  # pcscd and postgresql start system services on install; the tests start their own.
}

setup_python() {
  local py lock
  # Worktrees may share one venv through a .venv symlink: one installer at a time.
  lock="$(readlink -f "$VENV").lock"
  exec 9>"$lock"; flock 9
  py=$(find_python) || { log "no Python >= 3.12 found (set PYTHON=/path/to/python3.12)"; exit 1; }
  if ! "$py" -c 'import ensurepip, sysconfig, os, sys; sys.exit(not os.path.exists(sysconfig.get_paths()["include"] + "/Python.h"))' 2>/dev/null; then
    local v; v=$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    log "installing venv support and headers for Python $v"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "python$v-venv" "python$v-dev" >/dev/null
  fi
  if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then
    log "creating $VENV with $py"
    rm -rf "$VENV"; "$py" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed" want
  want=$(sha256sum pyproject.toml | cut -c1-16)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing the kiosk and its dependencies into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[dev]"
    echo "$want" > "$stamp"
  fi
  flock -u 9
}

cmd=${1:-}; shift || true
case "$cmd" in
  setup)
    setup_system; setup_python ;;
  demo)
    setup_system; setup_python
    export SMARTCORNER_DATA_DIR=${SMARTCORNER_DATA_DIR:-$ROOT/.demo-data}
    "$VENV/bin/smartcorner" demo
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      log "no screen here: running the kiosk on a virtual 1920x1080 display (Xvfb)"
      exec xvfb-run -a -s "-screen 0 1920x1080x24" "$VENV/bin/smartcorner" run --windowed "$@"
    fi
    exec "$VENV/bin/smartcorner" run --windowed "$@" ;;
  test)
    setup_system; setup_python
    export QT_QPA_PLATFORM=offscreen
    # Bytecode caches on, whatever the caller's shell says: the suite starts many Python
    # processes (the kiosk, its command line, its child processes), and without them each
    # compiles the kiosk's modules again (a third of a second or more each time).
    unset PYTHONDONTWRITEBYTECODE
    # The code under test is this checkout's, even when .venv is shared with another worktree.
    export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
    ESCPOS_CAPABILITIES_PICKLE_DIR=$(mktemp -d); export ESCPOS_CAPABILITIES_PICKLE_DIR
    # tests/suite.sh: without arguments, three pytest-xdist workers on two cores (many tests
    # wait on child processes, sockets and timers: two workers kept about one core busy), then the pcscd rig's
    # tests in a process of their own; with arguments, pytest runs them as given.
    # pcscd 1.9.9 always listens on /run/pcscd/pcscd.comm: as root, give the tests a mount
    # namespace of their own so their pcscd neither meets nor disturbs the machine's.
    if [ "$(id -u)" -eq 0 ] && unshare --mount --propagation private true 2>/dev/null; then
      # shellcheck disable=SC2016  # $0 and $@ are the inner shell's, expanded there
      exec unshare --mount --propagation private -- sh -c \
        'mkdir -p /run/pcscd && mount -t tmpfs tmpfs /run/pcscd && exec sh "$0" "$@"' \
        "$ROOT/tests/suite.sh" "$VENV/bin/python" "$@"
    fi
    exec sh "$ROOT/tests/suite.sh" "$VENV/bin/python" "$@" ;;
  *)
    sed -n '2,8p' "$0"; exit 2 ;;
esac
