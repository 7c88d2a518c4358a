#include "Console.h"

#include "rar/PlainText.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace countersign::cli {

namespace {

// Statics in this order: the stream is destroyed (and flushed) before the devices it writes to.
QTextStream &guarded(FILE *file)
{
    struct Guarded
    {
        explicit Guarded(FILE *handle)
        {
            target.open(handle, QIODevice::WriteOnly | QIODevice::Unbuffered);
            stream.setDevice(&guard);
        }
        QFile target;
        TerminalGuard guard{&target};
        QTextStream stream;
    };
    if (file == stderr) {
        static Guarded error(stderr);
        return error.stream;
    }
    static Guarded output(stdout);
    return output.stream;
}

} // namespace

QTextStream &out()
{
    return guarded(stdout);
}

QTextStream &err()
{
    return guarded(stderr);
}

QString inLine(QStringView serverText, int maxChars)
{
    return rar::displayText(serverText, maxChars);
}

QString jsonText(const nlohmann::json &json, int indent)
{
    return rar::escapedJson(
        QString::fromStdString(json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace)));
}

QString jsonText(const nlohmann::ordered_json &json, int indent)
{
    return rar::escapedJson(
        QString::fromStdString(json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace)));
}

void printError(const Error &error)
{
    err() << QCoreApplication::translate("CliRunner", "Error: %1").arg(inLine(error.message)) << Qt::endl;
}

TerminalGuard::TerminalGuard(QIODevice *target, QObject *parent) : QIODevice(parent), m_target(target)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 TerminalGuard::writeData(const char *data, qint64 size)
{
    const QString text = m_decoder.decode(QByteArrayView(data, size));
    const QByteArray safe = rar::plainText(text).toUtf8();
    if (m_target->write(safe) != safe.size())
        return -1;
    if (auto *file = qobject_cast<QFileDevice *>(m_target))
        file->flush();
    return size;
}

} // namespace countersign::cli
