#!/bin/sh
# Runs "$@" inside a private D-Bus session with its own unlocked gnome-keyring, so
# QtKeychain talks to a real secret service and parallel tests never share state.
set -eu
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export XDG_DATA_HOME="$d/data" XDG_RUNTIME_DIR="$d/run" XDG_CONFIG_HOME="$d/config" XDG_CACHE_HOME="$d/cache" HOME="$d/home"
mkdir -p -m 700 "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$HOME"
unset DISPLAY
# Wait until the daemon owns its bus name: a test that ends before that would leave it orphaned.
dbus-run-session -- sh -c 'printf %s "countersign-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
    gdbus wait --session --timeout 10 org.freedesktop.secrets && exec "$@"' sh "$@"
