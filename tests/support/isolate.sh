# Sourced by the test wrappers: gives the test a private, empty home and XDG directories in a
# temporary directory $d (removed on exit) and no display, so no test sees the developer's
# settings, keyring or session, nor another test's.
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
export XDG_DATA_HOME="$d/data" XDG_RUNTIME_DIR="$d/run" XDG_CONFIG_HOME="$d/config" XDG_CACHE_HOME="$d/cache" HOME="$d/home"
mkdir -p -m 700 "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$HOME"
unset DISPLAY
