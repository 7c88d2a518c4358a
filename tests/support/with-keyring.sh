#!/bin/sh
# Runs "$@" inside a private D-Bus session with its own unlocked gnome-keyring, so
# QtKeychain talks to a real secret service and parallel tests never share state.
set -eu
. "$(dirname "$0")/isolate.sh"
# Wait until the daemon owns its bus name: a test that ends before that would leave it orphaned.
dbus-run-session -- sh -c 'printf %s "countersign-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null &&
    gdbus wait --session --timeout 10 org.freedesktop.secrets && exec "$@"' sh "$@"
