#!/bin/sh
# Runs "$@" on a private D-Bus session bus that can start no services, so nothing provides
# org.freedesktop.secrets: a desktop session without any keyring installed.
set -eu
. "$(dirname "$0")/../support/isolate.sh"
cat > "$d/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$d/run</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
dbus-run-session --config-file="$d/session.conf" -- "$@"
