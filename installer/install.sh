#!/usr/bin/env bash
# Puts the Smart Corner kiosk on a Debian 13 / Ubuntu 24.04 machine, or takes it off again.
#
#   sudo installer/install.sh [--wheel FILE] [--no-start]   install or update (safe to run again)
#   sudo installer/install.sh --uninstall [--purge]         remove (--purge: also data, config, user)
#   installer/install.sh --dry-run [...]                    print every action, change nothing
#
# What it sets up: system packages (Qt runtime libraries, cage, pcscd, speech-dispatcher with
# espeak-ng for the accessible mode's voice, fonts, python3-venv), the
# unprivileged "kiosk" user, the application in a venv at /opt/smartcorner (from the source tree
# this script sits in, or --wheel), /etc/smartcorner/kiosk.toml (from a template, once),
# /var/lib/smartcorner, udev rules for printers and scanners, the systemd units (the kiosk user's
# session on tty1: cage running the app, with a watchdog; nightly idle restart; nightly RGPD
# purge), its PAM stack, journald limits, `smartcorner db upgrade`, and the `smartcorner`
# operator command.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(dirname "$HERE")

KIOSK_USER=kiosk
KIOSK_GROUPS=(video input render dialout lp plugdev)
APP_DIR=/opt/smartcorner
CONF_DIR=/etc/smartcorner
CONF_FILE=$CONF_DIR/kiosk.toml
DATA_DIR=/var/lib/smartcorner
UNIT_DIR=/etc/systemd/system
UNITS=(smartcorner-kiosk.service smartcorner-nightly.service smartcorner-nightly.timer
       smartcorner-purge.service smartcorner-purge.timer)
TIMERS=(smartcorner-nightly.timer smartcorner-purge.timer)
UDEV_RULES=/etc/udev/rules.d/60-smartcorner.rules
PAM_FILE=/etc/pam.d/smartcorner-kiosk
JOURNALD_DROPIN=/etc/systemd/journald.conf.d/60-smartcorner.conf
WRAPPER=/usr/local/bin/smartcorner
MIN_PYTHON=3.12

# Qt runtime (Wayland and xcb), the Wayland kiosk compositor, smart cards, USB printers, fonts,
# and what a Python venv needs. pyscard has no Linux wheel on PyPI: pip builds it, hence gcc,
# python3-dev and libpcsclite-dev. --no-install-recommends keeps it small.
APT_PACKAGES=(
  python3 python3-venv python3-dev gcc libpcsclite-dev ca-certificates
  systemd systemd-sysv udev dbus libpam-systemd
  cage
  libgl1 libegl1 libgles2 libglib2.0-0 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
  libpulse0 libwayland-client0 libwayland-cursor0 libwayland-egl1
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1
  pcscd libccid libpcsclite1 libusb-1.0-0
  libcups2 libcups2-dev
  speech-dispatcher espeak-ng libspeechd2 pulseaudio-utils
  fonts-dejavu-core tzdata
)
# Installed where the release has them: wlopm switches the panel off out of hours where the
# compositor speaks wlr-output-power-management (cage does not yet: the app then shows black);
# Inter is also bundled with the app. Debian 13 moved speech-dispatcher's eSpeak NG module to
# speech-dispatcher-espeak-ng, only recommended: without it the accessible mode has no voice
# (older releases ship the module in speech-dispatcher and have no such package).
OPTIONAL_PACKAGES=(wlopm fonts-inter speech-dispatcher-espeak-ng)

DRY_RUN=0
UNINSTALL=0
PURGE=0
START=1
WHEEL=

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; }

# Every change to the machine goes through run (or a helper built on it).
run() {
  if [ "$DRY_RUN" -eq 1 ]; then
    printf '[dry-run]'; printf ' %q' "$@"; printf '\n'
  else
    "$@"
  fi
}

systemd_running() { [ -d /run/systemd/system ]; }

parse_args() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --dry-run) DRY_RUN=1 ;;
      --uninstall) UNINSTALL=1 ;;
      --purge) PURGE=1 ;;
      --no-start) START=0 ;;
      --wheel) [ $# -ge 2 ] || die "--wheel needs a file"; WHEEL=$2; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown option: $1" ;;
    esac
    shift
  done
  if [ "$PURGE" -eq 1 ] && [ "$UNINSTALL" -eq 0 ]; then die "--purge goes with --uninstall"; fi
  if [ "$DRY_RUN" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then die "run as root (or with --dry-run)"; fi
}

# --- checks -----------------------------------------------------------------------------------

version_ge() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

check_system() {
  [ -r /etc/os-release ] || die "/etc/os-release missing: not a Debian or Ubuntu system"
  local id version
  # shellcheck source=/dev/null
  id=$(. /etc/os-release && echo "${ID:-}")
  # shellcheck source=/dev/null
  version=$(. /etc/os-release && echo "${VERSION_ID:-}")
  case "$id" in
    debian|ubuntu) ;;
    *) log "warning: $id is neither Debian nor Ubuntu; trying anyway" ;;
  esac
  command -v apt-get >/dev/null || die "apt-get not found"
  log "system: $id ${version:-(testing/unstable)}"
}

# "PACKAGE VERSION" for each name apt can install, in one apt-cache call (each costs seconds).
CANDIDATES=
load_candidates() {
  CANDIDATES=$(apt-cache policy python3 "${OPTIONAL_PACKAGES[@]}" 2>/dev/null |
    awk '/^[^ ]/ { name = $1; sub(/:$/, "", name) } /^  Candidate: / && $2 != "(none)" { print name, $2 }')
}
candidate() { awk -v p="$1" '$1 == p { print $2 }' <<<"$CANDIDATES"; }

# Python >= 3.12 from the distribution (PySide6 6.12 aborts on 3.10/3.11 after some hours).
check_python() {
  local candidate
  candidate=$(candidate python3)
  candidate=${candidate%%-*}
  if [ -z "$candidate" ]; then
    if [ "$DRY_RUN" -eq 1 ]; then log "python3 version unknown (no apt lists yet)"; return; fi
    die "apt knows no python3 package"
  fi
  if ! version_ge "$candidate" "$MIN_PYTHON"; then
    local msg="this release ships Python $candidate; the kiosk needs >= $MIN_PYTHON (Debian 13, Ubuntu 24.04)"
    if [ "$DRY_RUN" -eq 1 ]; then log "would stop: $msg"; return; fi
    die "$msg"
  fi
  log "python3 from the distribution: $candidate"
}

# --- steps ------------------------------------------------------------------------------------

# The names installed packages answer to: their own and the ones they provide (libglib2.0-0 is
# provided by libglib2.0-0t64 since the 64-bit time_t transition), read once.
INSTALLED_NAMES=
load_installed() {
  INSTALLED_NAMES=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package} ${Provides}\n' 2>/dev/null |
    awk '$1 == "ii" { for (i = 2; i <= NF; i++) { sub(/,$/, "", $i); if ($i !~ /[()]/) print $i } }')
}
installed() { grep -qxF -- "$1" <<<"$INSTALLED_NAMES"; }

available() { [ -n "$(candidate "$1")" ]; }

install_packages() {
  local missing=() p
  load_installed
  for p in "${APT_PACKAGES[@]}"; do
    installed "$p" || missing+=("$p")
  done
  for p in "${OPTIONAL_PACKAGES[@]}"; do
    if installed "$p"; then continue; fi
    if available "$p"; then missing+=("$p"); else log "optional package $p: not in this release, skipped"; fi
  done
  if [ ${#missing[@]} -eq 0 ]; then log "system packages: all present"; return; fi
  log "system packages to install: ${missing[*]}"
  # On a fresh machine, unattended-upgrades may hold dpkg's lock for a while: wait, not fail.
  run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o DPkg::Lock::Timeout=900 "${missing[@]}"
}

create_user() {
  local g groups=()
  for g in "${KIOSK_GROUPS[@]}"; do
    if getent group "$g" >/dev/null; then groups+=("$g"); fi
  done
  if id "$KIOSK_USER" >/dev/null 2>&1; then
    log "user $KIOSK_USER exists"
  else
    log "creating the unprivileged user $KIOSK_USER"
    run useradd --system --user-group --create-home --home-dir "/home/$KIOSK_USER" \
      --shell /usr/sbin/nologin --comment "Smart Corner kiosk" "$KIOSK_USER"
  fi
  if [ ${#groups[@]} -gt 0 ]; then
    local joined
    joined=$(IFS=,; echo "${groups[*]}")
    run usermod -a -G "$joined" "$KIOSK_USER"
  fi
}

# install_file SRC DEST MODE OWNER GROUP: copy when missing or different, and fix owner and mode.
install_file() {
  local src=$1 dest=$2 mode=$3 owner=$4 group=$5
  if [ -f "$dest" ] && cmp -s "$src" "$dest"; then
    log "unchanged: $dest"
  else
    log "writing $dest"
  fi
  run install -D -m "$mode" -o "$owner" -g "$group" "$src" "$dest"
}

# copy_source SRC DEST: the source tree without the developer's venv, git data or build output.
copy_source() {
  mkdir -p "$2"
  tar -C "$1" --exclude=./.venv --exclude=./.git --exclude=./build --exclude='*.egg-info' \
    --exclude=./.demo-data --exclude=__pycache__ -cf - . | tar -C "$2" -xf -
}

install_app() {
  # the distribution's interpreter, not whatever python3 comes first on root's PATH
  if [ ! -x "$APP_DIR/bin/python" ]; then
    log "creating the venv $APP_DIR"
    run /usr/bin/python3 -m venv "$APP_DIR"
  fi
  local wheel=$WHEEL scratch=
  if [ -n "$wheel" ]; then
    [ -f "$wheel" ] || die "no such wheel: $wheel"
  else
    [ -f "$SRC/pyproject.toml" ] || die "$SRC has no pyproject.toml: pass --wheel FILE"
    # Built from a scratch copy: nothing is written into the checkout (maybe read-only).
    if [ "$DRY_RUN" -eq 1 ]; then scratch=/tmp/smartcorner-build; else scratch=$(mktemp -d); fi
    log "building the kiosk wheel from $SRC"
    run copy_source "$SRC" "$scratch/src"
    run "$APP_DIR/bin/python" -m pip wheel -q --disable-pip-version-check --no-deps \
      -w "$scratch/dist" "$scratch/src"
    wheel="$scratch/dist/smartcorner_kiosk-VERSION-py3-none-any.whl"
    if [ "$DRY_RUN" -eq 0 ]; then wheel=$(echo "$scratch"/dist/*.whl); fi
  fi
  log "installing the kiosk and its dependencies into $APP_DIR"
  local pip=("$APP_DIR/bin/python" -m pip install -q --disable-pip-version-check)
  run "${pip[@]}" "${wheel}[postgres]"
  # Same version number, new code (a re-run from a newer checkout): replace the package itself.
  run "${pip[@]}" --no-deps --force-reinstall "$wheel"
  if [ -n "$scratch" ]; then run rm -rf "$scratch"; fi
}

write_config() {
  run install -d -m 0750 -o root -g "$KIOSK_USER" "$CONF_DIR"
  if [ -e "$CONF_FILE" ]; then
    log "keeping the existing $CONF_FILE (never overwritten)"
  else
    log "writing $CONF_FILE from the template"
    run install -m 0640 -o root -g "$KIOSK_USER" "$HERE/kiosk.toml.template" "$CONF_FILE"
  fi
  # It may hold the admin PIN and a database password: root writes it, the kiosk reads it.
  run chown "root:$KIOSK_USER" "$CONF_FILE"
  run chmod 0640 "$CONF_FILE"
}

make_data_dir() {
  local d
  for d in "$DATA_DIR" "$DATA_DIR/logs" "$DATA_DIR/backups"; do
    run install -d -m 0700 -o "$KIOSK_USER" -g "$KIOSK_USER" "$d"  # private: the kiosk keeps them so
  done
}

write_wrapper() {
  local tmp
  tmp=$(mktemp)
  cat >"$tmp" <<EOF
#!/bin/sh
# Installed by the Smart Corner installer: the smartcorner command with the kiosk's data dir,
# run as the kiosk user when called by root (so files it creates stay the kiosk's).
SMARTCORNER_DATA_DIR=$DATA_DIR
export SMARTCORNER_DATA_DIR
if [ "\$(id -u)" -eq 0 ]; then
  exec runuser -u $KIOSK_USER -- env SMARTCORNER_DATA_DIR=$DATA_DIR $APP_DIR/bin/smartcorner "\$@"
fi
exec $APP_DIR/bin/smartcorner "\$@"
EOF
  install_file "$tmp" "$WRAPPER" 0755 root root
  rm -f "$tmp"
}

install_udev() {
  install_file "$HERE/udev/60-smartcorner.rules" "$UDEV_RULES" 0644 root root
  if [ -S /run/udev/control ]; then
    run udevadm control --reload
    run udevadm trigger --action=change --subsystem-match=usb --subsystem-match=hidraw
  else
    log "udevd not running here: rules installed, applied at next boot or plug-in"
  fi
}

install_units() {
  local unit
  for unit in "${UNITS[@]}"; do
    install_file "$HERE/systemd/$unit" "$UNIT_DIR/$unit" 0644 root root
  done
  install_file "$HERE/journald/60-smartcorner.conf" "$JOURNALD_DROPIN" 0644 root root
  install_file "$HERE/pam/smartcorner-kiosk" "$PAM_FILE" 0644 root root
  # enable works without a running systemd (it only makes symlinks), so also in a chroot
  run systemctl enable smartcorner-kiosk.service "${TIMERS[@]}" pcscd.socket
  # tty1 is the kiosk's: no login prompt there (re-enabled by --uninstall)
  run systemctl disable getty@tty1.service
}

upgrade_db() {
  log "migrating the database to the newest schema"
  run runuser -u "$KIOSK_USER" -- env "SMARTCORNER_DATA_DIR=$DATA_DIR" "HOME=/home/$KIOSK_USER" \
    "$APP_DIR/bin/smartcorner" db upgrade
}

start_services() {
  if ! systemd_running; then
    log "systemd is not running here (chroot or container): units enabled, not started"
    return
  fi
  run systemctl daemon-reload
  run systemctl restart systemd-journald.service
  run systemctl start pcscd.socket "${TIMERS[@]}"
  if [ "$START" -eq 1 ]; then
    run systemctl restart smartcorner-kiosk.service
  else
    log "--no-start: start it with 'systemctl start smartcorner-kiosk'"
  fi
}

do_install() {
  check_system
  log "refreshing the package lists"
  run apt-get update -q
  load_candidates
  check_python
  install_packages
  create_user
  make_data_dir
  write_config
  install_app
  write_wrapper
  install_udev
  install_units
  upgrade_db
  start_services
  log "done: the kiosk runs on tty1 (journalctl -u smartcorner-kiosk); settings in $CONF_FILE"
}

remove_path() {
  if [ -e "$1" ] || [ -L "$1" ]; then run rm -rf -- "$1"; else log "already absent: $1"; fi
}

do_uninstall() {
  local unit
  if systemd_running; then
    run systemctl disable --now smartcorner-kiosk.service "${TIMERS[@]}" || true
  elif [ -e "$UNIT_DIR/smartcorner-kiosk.service" ]; then
    run systemctl disable smartcorner-kiosk.service "${TIMERS[@]}" || true
  fi
  for unit in "${UNITS[@]}"; do remove_path "$UNIT_DIR/$unit"; done
  remove_path "$JOURNALD_DROPIN"
  remove_path "$PAM_FILE"
  remove_path "$UDEV_RULES"
  remove_path "$WRAPPER"
  remove_path "$APP_DIR"
  run systemctl enable getty@tty1.service || true
  if systemd_running; then run systemctl daemon-reload; fi
  if [ -S /run/udev/control ]; then run udevadm control --reload; fi
  if [ "$PURGE" -eq 1 ]; then
    remove_path "$CONF_DIR"
    remove_path "$DATA_DIR"
    if id "$KIOSK_USER" >/dev/null 2>&1; then run userdel --remove "$KIOSK_USER"; fi
  else
    log "kept $CONF_DIR, $DATA_DIR and the user $KIOSK_USER (--purge removes them)"
  fi
  log "system packages (cage, pcscd, Qt libraries...) are left installed: other software may use them"
}

main() {
  parse_args "$@"
  if [ "$DRY_RUN" -eq 1 ]; then log "dry run: nothing will be changed"; fi
  if [ "$UNINSTALL" -eq 1 ]; then do_uninstall; else do_install; fi
}

main "$@"
