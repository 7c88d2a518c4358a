# Shared by scripts/run and scripts/test: install what the project needs on Debian 12,
# then configure and build. Source it; it defines functions only.

COUNTERSIGN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
COUNTERSIGN_BUILD=${COUNTERSIGN_BUILD:-$COUNTERSIGN_ROOT/build}

# Build toolchain, Qt 6.4, QtKeychain, JSON, OpenSSL; runtime QML modules; the headless
# test world (Xvfb, a real secret service, Chromium); Node for the sandbox.
COUNTERSIGN_APT_PACKAGES=(
    cmake ninja-build g++ pkg-config clang-format
    qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev nlohmann-json3-dev libssl-dev
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
    qml6-module-qttest qml6-module-qtqml qml6-module-qtqml-models
    gnome-keyring libsecret-tools libglib2.0-bin dbus dbus-x11 xvfb xauth imagemagick chromium
    # Arabic letters for the right-to-left screenshot (DejaVu Sans has them).
    fonts-dejavu-core
    nodejs npm
    # Installing like an app: icon sizes rendered from the SVG, the desktop entry and AppStream
    # checks, and dpkg-shlibdeps for the .deb's dependencies.
    librsvg2-bin desktop-file-utils appstream dpkg-dev
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# install_apt_packages [PACKAGE...]: the project's packages, or the ones named, when missing.
install_apt_packages() {
    local wanted=("$@") missing=()
    [[ $# -eq 0 ]] && wanted=("${COUNTERSIGN_APT_PACKAGES[@]}")
    for pkg in "${wanted[@]}"; do
        # nodejs/npm may come from NodeSource or nvm rather than Debian: accept any working node >= 20.
        if [[ $pkg == nodejs || $pkg == npm ]] && command -v "${pkg/nodejs/node}" >/dev/null 2>&1; then
            continue
        fi
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    log "Installing ${#missing[@]} Debian packages: ${missing[*]}"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || { echo "Need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

check_node() {
    local major
    major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    if [[ $major -lt 20 ]]; then
        echo "The sandbox needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
        exit 1
    fi
}

install_npm_packages() {
    check_node
    local dir
    for dir in sandbox tests/browser tests/interop; do
        [[ -f $COUNTERSIGN_ROOT/$dir/package-lock.json ]] || continue
        # npm ci only when the lock file changed since the last install.
        local stamp=$COUNTERSIGN_ROOT/$dir/node_modules/.countersign-lock
        if [[ -f $stamp ]] && cmp -s "$stamp" "$COUNTERSIGN_ROOT/$dir/package-lock.json"; then
            continue
        fi
        log "npm ci in $dir"
        (cd "$COUNTERSIGN_ROOT/$dir" && npm ci --no-audit --no-fund --loglevel=error)
        cp "$COUNTERSIGN_ROOT/$dir/package-lock.json" "$stamp"
    done
}

build_project() {
    log "Building into $COUNTERSIGN_BUILD"
    cmake -S "$COUNTERSIGN_ROOT" -B "$COUNTERSIGN_BUILD" -G Ninja -DCMAKE_BUILD_TYPE="${COUNTERSIGN_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
    cmake --build "$COUNTERSIGN_BUILD"
}
