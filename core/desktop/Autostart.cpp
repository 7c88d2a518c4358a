#include "Autostart.h"

#include "desktop/DesktopErrors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace countersign::desktop {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)
};

constexpr QLatin1String kEntryName{"dev.countersign.countersign.desktop"};

// Characters that make an Exec argument need quotes (the specification's list).
bool isReserved(QChar c)
{
    return QStringView(u" \t\n\"'\\><~|&;$*?#()`").contains(c);
}

QString quoteArgument(const QString &argument)
{
    QString quoted = argument;
    if (std::any_of(argument.begin(), argument.end(), isReserved) || argument.isEmpty()) {
        quoted.clear();
        for (const QChar c : argument) {
            if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
                quoted += u'\\';
            quoted += c;
        }
        quoted = u'"' + quoted + u'"';
    }
    // A literal percent sign is written twice: a single one starts a field code (%u, %f…).
    return quoted.replace(u'%', QStringLiteral("%%"));
}

// The escapes of a string value: backslash, newline, tab, carriage return.
QString escapeValue(const QString &value)
{
    QString escaped;
    for (const QChar c : value) {
        if (c == u'\\')
            escaped += QStringLiteral("\\\\");
        else if (c == u'\n')
            escaped += QStringLiteral("\\n");
        else if (c == u'\t')
            escaped += QStringLiteral("\\t");
        else if (c == u'\r')
            escaped += QStringLiteral("\\r");
        else
            escaped += c;
    }
    return escaped;
}

} // namespace

Autostart::Autostart(QString configHome)
    : m_configHome(configHome.isEmpty()
                       ? QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                       : std::move(configHome))
{}

QString Autostart::entryPath() const
{
    return m_configHome + QStringLiteral("/autostart/") + kEntryName;
}

bool Autostart::isEnabled() const
{
    QFile file(entryPath());
    if (!file.open(QIODevice::ReadOnly))
        return false;
    bool inMainGroup = false;
    // Far more than an entry needs: a huge file someone put there is not read whole.
    for (int lines = 0; lines < 1000 && !file.atEnd(); ++lines) {
        const QByteArray line = file.readLine(4096).trimmed();
        if (line.startsWith('[')) {
            inMainGroup = line == "[Desktop Entry]";
            continue;
        }
        const qsizetype equals = line.indexOf('=');
        if (!inMainGroup || equals < 0)
            continue;
        const QByteArray key = line.left(equals).trimmed();
        const QByteArray value = line.mid(equals + 1).trimmed();
        if ((key == "Hidden" && value == "true") || (key == "X-GNOME-Autostart-enabled" && value == "false"))
            return false;
    }
    return true;
}

std::optional<QString> Autostart::execValue(const QStringList &command)
{
    QStringList arguments;
    for (const QString &argument : command) {
        for (const QChar c : argument)
            if ((c.category() == QChar::Other_Control && c != u'\t' && c != u'\n'))
                return std::nullopt;
        arguments << quoteArgument(argument);
    }
    return escapeValue(arguments.join(u' '));
}

std::optional<QByteArray> Autostart::entry(const QString &program)
{
    const auto exec = execValue({program, QStringLiteral("--hidden")});
    if (!exec)
        return std::nullopt;
    return QByteArrayLiteral("[Desktop Entry]\n"
                             "Type=Application\n"
                             "Name=Countersign\n"
                             "Comment=Approve or deny what AI agents ask to do on your behalf; "
                             "started at login, in the tray\n"
                             "Exec=") +
           exec->toUtf8() +
           QByteArrayLiteral("\n"
                             "Icon=dev.countersign.countersign\n"
                             "Terminal=false\n"
                             "X-GNOME-Autostart-enabled=true\n");
}

Status Autostart::enable(const QString &program) const
{
    const auto text = entry(program);
    if (!text)
        return Error{errors::autostartBadProgramPath,
                     Tr::tr("Countersign cannot start at login from where it is installed: its path has a "
                            "control character in it (%1).")
                         .arg(program)};
    const QString path = entryPath();
    auto notWritten = [&path](const QString &why) {
        return Error{
            errors::autostartNotWritten,
            Tr::tr("Countersign could not set itself to start at login: %1 could not be written (%2).")
                .arg(path, why)};
    };
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return notWritten(Tr::tr("its folder could not be made"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return notWritten(file.errorString());
    file.write(*text);
    if (!file.commit())
        return notWritten(file.errorString());
    return Done{};
}

Status Autostart::disable() const
{
    QFile file(entryPath());
    if (!file.exists() || file.remove())
        return Done{};
    return Error{errors::autostartNotRemoved,
                 Tr::tr("Countersign could not stop starting at login: %1 could not be removed (%2).")
                     .arg(file.fileName(), file.errorString())};
}

} // namespace countersign::desktop
