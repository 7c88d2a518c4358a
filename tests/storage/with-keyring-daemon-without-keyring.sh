#!/bin/sh
# Runs "$@" on a private D-Bus session where gnome-keyring is installed but was never set up: the
# first secret-service call starts the daemon through D-Bus activation, and it has no login keyring
# and cannot show the prompt that would create one (no display). Like a fresh account on a desktop
# whose login manager does not unlock gnome-keyring.
set -eu
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export XDG_DATA_HOME="$d/data" XDG_RUNTIME_DIR="$d/run" XDG_CONFIG_HOME="$d/config" XDG_CACHE_HOME="$d/cache" HOME="$d/home"
mkdir -p -m 700 "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$HOME"
unset DISPLAY
dbus-run-session -- "$@"
