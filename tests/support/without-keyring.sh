#!/bin/sh
# Runs "$@" with no secret service reachable: no session bus, no X display to autolaunch one.
set -eu
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export XDG_DATA_HOME="$d/data" XDG_RUNTIME_DIR="$d/run" XDG_CONFIG_HOME="$d/config" XDG_CACHE_HOME="$d/cache" HOME="$d/home"
mkdir -p -m 700 "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$HOME"
unset DISPLAY
export DBUS_SESSION_BUS_ADDRESS="unix:path=$d/no-such-bus"
"$@"
