# A Debian package of the installed app: `cd build && cpack -G DEB`.
# Library dependencies come from dpkg-shlibdeps (Debian's dpkg-dev); what it cannot see is listed
# by hand: the QML modules the window loads at run time. Node.js (20 or newer: oidc-provider 9
# needs it) runs the embedded sandbox; it is recommended, not required, because the app works
# with any other provider without it.
set(CPACK_PACKAGE_NAME countersign)
set(CPACK_PACKAGE_VENDOR "The Countersign developers")
set(CPACK_PACKAGE_CONTACT "The Countersign developers <dev@countersign.dev>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Approve what AI agents do on your behalf")
set(CPACK_PACKAGE_DESCRIPTION
    "Countersign is the desktop companion for AI agents secured with OAuth 2.0 and OpenID Connect: \
sign in through your browser, see approval requests (OpenID CIBA) with their rich authorization \
details, approve or deny them, and approve device codes. Includes countersign-cli and a local \
demo provider (DEMO ONLY secrets) that runs on Node.js.")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://countersign.dev")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, \
qml6-module-qtquick-window, qml6-module-qtquick-templates, qml6-module-qtqml-workerscript, \
qml6-module-qtqml, qml6-module-qtqml-models")
# A secret service keeps the tokens (GNOME Keyring, KWallet's, KeePassXC's): without one the app
# refuses to keep a session rather than write tokens to disk.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "nodejs (>= 20), gnome-keyring | kwalletmanager | keepassxc, xdg-utils")

include(CPack)
