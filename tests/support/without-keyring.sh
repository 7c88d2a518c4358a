#!/bin/sh
# Runs "$@" with no secret service reachable: no session bus, no X display to autolaunch one.
set -eu
. "$(dirname "$0")/isolate.sh"
export DBUS_SESSION_BUS_ADDRESS="unix:path=$d/no-such-bus"
"$@"
