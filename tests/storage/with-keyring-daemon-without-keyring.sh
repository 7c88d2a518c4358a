#!/bin/sh
# Runs "$@" on a private D-Bus session where gnome-keyring is installed but was never set up: the
# first secret-service call starts the daemon through D-Bus activation, and it has no login keyring
# and cannot show the prompt that would create one (no display). Like a fresh account on a desktop
# whose login manager does not unlock gnome-keyring.
set -eu
. "$(dirname "$0")/../support/isolate.sh"
dbus-run-session -- "$@"
