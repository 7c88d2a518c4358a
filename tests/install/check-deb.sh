#!/usr/bin/env bash
# install_deb_package: `cpack -G DEB` in the build directory, then the package's control fields
# and file list as dpkg-deb reads them. Usage: check-deb.sh BUILD_DIR
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB"; }
debs=("$work"/countersign_*.deb)
[[ -f ${debs[0]} ]] || { ls -l "$work"; fail "cpack made no countersign_*.deb"; }
deb=${debs[0]}
echo "package: $(basename "$deb"), $(du -h "$deb" | cut -f1)"

field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == countersign ]] || fail "Package: $(field Package)"
version=$(sed -n 's/^project(Countersign VERSION \([0-9.]*\).*/\1/p' "$(dirname "$0")/../../CMakeLists.txt")
[[ $(field Version) == "$version" ]] || fail "Version: $(field Version), expected $version"
[[ $(field Architecture) == "$(dpkg --print-architecture)" ]] || fail "Architecture: $(field Architecture)"
[[ -n $(field Maintainer) && -n $(field Description) ]] || fail "no Maintainer or Description"
depends=$(field Depends)
echo "Depends: $depends"
# Found by dpkg-shlibdeps from the binaries, and the QML modules listed by hand.
for needed in libqt6core6 libqt6network6 libqt6dbus6 libqt6widgets6 libqt6quick6 libqt6keychain1 libssl3 libc6 \
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts; do
    grep -Eq "(^|[ ,|])$needed( |,|$)" <<<"$depends" || fail "Depends lacks $needed"
done
recommends=$(field Recommends)
grep -q "nodejs (>= 20)" <<<"$recommends" || fail "Recommends lacks nodejs (>= 20): $recommends"

dpkg-deb -c "$deb" | awk '{print $6}' >"$work/files"
for path in ./usr/bin/countersign ./usr/bin/countersign-cli \
    ./usr/share/applications/dev.countersign.countersign.desktop \
    ./usr/share/metainfo/dev.countersign.countersign.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/dev.countersign.countersign.svg \
    ./usr/share/icons/hicolor/256x256/apps/dev.countersign.countersign.png \
    ./usr/share/countersign/translations/countersign_de.qm \
    ./usr/share/countersign/translations/countersign_ar.qm \
    ./usr/share/countersign/sandbox/server.mjs \
    ./usr/share/countersign/sandbox/node_modules/oidc-provider/package.json; do
    grep -qxF "$path" "$work/files" || fail "the package lacks $path"
done
# Nothing outside /usr, and none of the build's or the sandbox's test files.
if grep -Ev '^\./usr(/|$)|^\./$' "$work/files" | grep -q .; then fail "files outside /usr"; fi
if grep -Eq '/sandbox/(test|test-support)/|/tests/' "$work/files"; then fail "test files in the package"; fi
echo "install_deb_package: ok ($(wc -l <"$work/files") entries)"
