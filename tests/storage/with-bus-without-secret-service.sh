#!/bin/sh
# Runs "$@" on a private D-Bus session bus that can start no services, so nothing provides
# org.freedesktop.secrets: a desktop session without any keyring installed.
set -eu
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export XDG_DATA_HOME="$d/data" XDG_RUNTIME_DIR="$d/run" XDG_CONFIG_HOME="$d/config" XDG_CACHE_HOME="$d/cache" HOME="$d/home"
mkdir -p -m 700 "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$HOME"
unset DISPLAY
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
