#!/usr/bin/env bash
# install_layout: installs the build into a scratch prefix and checks what a desktop and a
# packager rely on. Usage: check-install.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log" || { cat "$work/install.log"; fail "cmake --install"; }

id=dev.countersign.countersign
for file in bin/countersign bin/countersign-cli \
    share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
    share/icons/hicolor/scalable/apps/$id.svg \
    share/countersign/translations/countersign_de.qm share/countersign/translations/countersign_ar.qm \
    share/countersign/sandbox/server.mjs share/countersign/sandbox/lib/cli.mjs \
    share/countersign/sandbox/node_modules/oidc-provider/package.json; do
    [[ -e $prefix/$file ]] || fail "not installed: $file"
done
[[ -x $prefix/bin/countersign && -x $prefix/bin/countersign-cli ]] || fail "the programs are not executable"
# The sandbox's own tests and test helpers are not part of the app.
[[ ! -e $prefix/share/countersign/sandbox/test && ! -e $prefix/share/countersign/sandbox/test-support ]] ||
    fail "the sandbox's tests were installed"
for size in 16 22 24 32 48 64 128 256 512; do
    png=$prefix/share/icons/hicolor/${size}x${size}/apps/$id.png
    [[ -f $png ]] || fail "no ${size}x${size} icon"
    got=$(identify -format '%wx%h' "$png")
    [[ $got == "${size}x${size}" ]] || fail "$png is $got"
done

desktop-file-validate "$prefix/share/applications/$id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --pedantic "$prefix/share/metainfo/$id.metainfo.xml" >"$work/appstream.log" 2>&1 ||
    { cat "$work/appstream.log"; fail "appstreamcli validate"; }
# Clean means no message at all, pedantic ones included ("P: ...", "I: ...").
if grep -Eq '^[EWIP]: ' "$work/appstream.log"; then cat "$work/appstream.log"; fail "appstreamcli has remarks"; fi
grep -q "^Exec=countersign " "$prefix/share/applications/$id.desktop" || fail "the desktop entry does not run countersign"

# The installed CLI, in a home of its own, with no sandbox named: it starts the sandbox installed
# next to it (on the system's Node), and speaks from the installed translations. The installed
# .qm is replaced by one built from the real German .ts, with the message logout ends on changed
# into a marker that the compiled-in copy does not have.
home=$work/home
mkdir -p "$home"
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
grep -q '<source>Not signed in; nothing to do.</source>' "$source_dir/translations/countersign_de.ts" ||
    fail "the .ts no longer has the message this test marks"
sed '/<source>Not signed in; nothing to do.<\/source>/{n;s|<translation>[^<]*</translation>|<translation>INSTALLED-TRANSLATION-USED</translation>|}' \
    "$source_dir/translations/countersign_de.ts" >"$work/marker.ts"
grep -q INSTALLED-TRANSLATION-USED "$work/marker.ts" || fail "could not mark the translation"
lrelease=$(command -v lrelease || echo /usr/lib/qt6/bin/lrelease)
"$lrelease" -silent "$work/marker.ts" -qm "$prefix/share/countersign/translations/countersign_de.qm" ||
    fail "lrelease"
out=$(cd "$work" && env -i PATH="$PATH" HOME="$home" XDG_CONFIG_HOME="$home/.config" \
    XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$work" LANG=de_DE.UTF-8 LANGUAGE=de \
    timeout 90 "$prefix/bin/countersign-cli" logout 2>&1) || { echo "$out"; fail "countersign-cli logout"; }
echo "$out"
grep -q "INSTALLED-TRANSLATION-USED" <<<"$out" || fail "the installed translations were not used"
# That sandbox was the installed one: without it, the installed CLI names the installed place
# (it never falls back to the source tree it was built from).
mv "$prefix/share/countersign/sandbox" "$work/sandbox-moved"
out=$(cd "$work" && env -i PATH="$PATH" HOME="$home" XDG_CONFIG_HOME="$home/.config" \
    XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$work" LANG=C.UTF-8 LANGUAGE=en \
    timeout 90 "$prefix/bin/countersign-cli" inbox 2>&1) && { echo "$out"; fail "inbox ran without a sandbox"; }
echo "$out"
grep -qF "no server.mjs in $prefix/share/countersign/sandbox" <<<"$out" ||
    fail "the installed CLI did not look for the installed sandbox"
echo "install_layout: ok"
