#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace countersign::desktop {

// Starting Countersign at login, hidden in the tray: an entry in the user's XDG autostart folder
// ($XDG_CONFIG_HOME/autostart/dev.countersign.countersign.desktop, the XDG Autostart
// specification) that runs this very program with --hidden. Whether it is on is read from that
// file each time, so a change made elsewhere (another Countersign, the desktop's own settings,
// which write Hidden=true) shows.
class Autostart
{
public:
    // `configHome` empty: the generic config folder (XDG_CONFIG_HOME, else ~/.config).
    explicit Autostart(QString configHome = {});

    QString entryPath() const;

    // The entry exists and neither hides itself (Hidden=true) nor is switched off for GNOME
    // (X-GNOME-Autostart-enabled=false).
    bool isEnabled() const;

    // Writes the entry, atomically, to start `program` (an absolute path) with --hidden.
    // Errors: errors::autostartNotWritten, errors::autostartBadProgramPath.
    Status enable(const QString &program) const;
    // Removes the entry; nothing to remove is fine. Error: errors::autostartNotRemoved.
    Status disable() const;

    // The entry's text for `program`.
    static std::optional<QByteArray> entry(const QString &program);
    // `command` as the value of an Exec key (Desktop Entry specification, "The Exec key"): each
    // argument quoted when it holds a reserved character, then escaped as a string value. Nothing
    // when an argument holds a control character other than tab and newline.
    static std::optional<QString> execValue(const QStringList &command);

private:
    QString m_configHome;
};

} // namespace countersign::desktop
