#include "KeyringTestSupport.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>

#include <QProcess>
#include <QRegularExpression>
#include <QUuid>

namespace countersign::test {

namespace {

struct Output
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Output run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Output output;
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished();
        return output;
    }
    output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    output.out = process.readAllStandardOutput();
    output.err = process.readAllStandardError();
    return output;
}

Output gdbus(const QString &objectPath, const QString &method, const QStringList &arguments)
{
    return run(QStringLiteral("gdbus"),
               QStringList{QStringLiteral("call"), QStringLiteral("--session"), QStringLiteral("--dest"),
                           QStringLiteral("org.freedesktop.secrets"), QStringLiteral("--object-path"),
                           objectPath, QStringLiteral("--method"), method} +
                   arguments);
}

} // namespace

QString uniqueService()
{
    return QStringLiteral("Countersign-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QMap<QString, QByteArray> keyringEntries(const QString &service)
{
    // secret-tool prints each item's secret on stdout and its attributes on stderr; the entry names
    // ("user" attribute) come from the latter, each secret from a lookup by name.
    const Output search =
        run(QStringLiteral("secret-tool"),
            {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service});
    static const QRegularExpression userLine(QStringLiteral("^attribute\\.user = (.*)$"),
                                             QRegularExpression::MultilineOption);
    QMap<QString, QByteArray> entries;
    auto matches = userLine.globalMatch(QString::fromUtf8(search.err));
    while (matches.hasNext()) {
        const QString name = matches.next().captured(1);
        const Output lookup =
            run(QStringLiteral("secret-tool"),
                {QStringLiteral("lookup"), QStringLiteral("server"), service, QStringLiteral("user"), name});
        entries.insert(name, QByteArray::fromBase64(lookup.out.trimmed()));
    }
    return entries;
}

bool lockDefaultCollection()
{
    const Output alias =
        gdbus(QStringLiteral("/org/freedesktop/secrets"),
              QStringLiteral("org.freedesktop.Secret.Service.ReadAlias"), {QStringLiteral("default")});
    static const QRegularExpression path(QStringLiteral("objectpath '([^']+)'"));
    const auto match = path.match(QString::fromUtf8(alias.out));
    if (alias.exitCode != 0 || !match.hasMatch())
        return false;
    const Output lock = gdbus(QStringLiteral("/org/freedesktop/secrets"),
                              QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                              {QStringLiteral("['%1']").arg(match.captured(1))});
    return lock.exitCode == 0;
}

bool unlockDefaultCollection()
{
    const QString service = QStringLiteral("org.freedesktop.secrets");
    const QString root = QStringLiteral("/org/freedesktop/secrets");
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusMessage alias = QDBusMessage::createMethodCall(
        service, root, QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("ReadAlias"));
    alias << QStringLiteral("default");
    const QDBusMessage collection = bus.call(alias);
    // The secret travels in a "plain" session, which belongs to this connection.
    QDBusMessage open = QDBusMessage::createMethodCall(
        service, root, QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("OpenSession"));
    open << QStringLiteral("plain") << QVariant::fromValue(QDBusVariant(QString()));
    const QDBusMessage session = bus.call(open);
    if (collection.type() != QDBusMessage::ReplyMessage || session.type() != QDBusMessage::ReplyMessage ||
        session.arguments().size() != 2)
        return false;
    QDBusArgument secret;
    secret.beginStructure();
    secret << session.arguments().at(1).value<QDBusObjectPath>() << QByteArray()
           << QByteArrayLiteral("countersign-test") << QStringLiteral("text/plain");
    secret.endStructure();
    QDBusMessage unlock = QDBusMessage::createMethodCall(
        service, root, QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
        QStringLiteral("UnlockWithMasterPassword"));
    unlock << QVariant::fromValue(collection.arguments().value(0).value<QDBusObjectPath>())
           << QVariant::fromValue(secret);
    return bus.call(unlock).type() == QDBusMessage::ReplyMessage;
}

int lockedItemCount(const QString &service)
{
    // Reply: ([unlocked paths], [locked paths])
    const Output search = gdbus(QStringLiteral("/org/freedesktop/secrets"),
                                QStringLiteral("org.freedesktop.Secret.Service.SearchItems"),
                                {QStringLiteral("{'server': '%1'}").arg(service)});
    if (search.exitCode != 0)
        return -1;
    const QString reply = QString::fromUtf8(search.out);
    const qsizetype split = reply.indexOf(QStringLiteral("], "));
    if (split < 0)
        return -1;
    return int(reply.mid(split).count(QStringLiteral("'/org/freedesktop/secrets/")));
}

} // namespace countersign::test
