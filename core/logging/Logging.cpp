#include "Logging.h"

#include <QRegularExpression>

#include <cstdio>

Q_LOGGING_CATEGORY(lcNet, "countersign.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOAuth, "countersign.oauth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcJose, "countersign.jose", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "countersign.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "countersign.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "countersign.app", QtInfoMsg)

namespace countersign::logging {

namespace {

QtMessageHandler g_previousHandler = nullptr;

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString safe = redact(message);
    if (g_previousHandler) {
        g_previousHandler(type, context, safe);
        return;
    }
    fprintf(stderr, "%s\n", qUtf8Printable(qFormatLogMessage(type, context, safe)));
}

} // namespace

QString redact(const QString &message)
{
    static const QRegularExpression jwt(
        QStringLiteral(R"([A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})"));
    static const QRegularExpression authorization(
        QStringLiteral(R"(\b(Bearer|Basic|DPoP)\s+[A-Za-z0-9._~+/=-]+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression parameter(
        QStringLiteral(R"(\b(code|code_verifier|refresh_token|access_token|id_token|client_secret|password|)"
                       R"(subject_token|device_code|auth_req_id|token)(["']?\s*[=:]\s*["']?)([^&\s"',}]+))"),
        QRegularExpression::CaseInsensitiveOption);

    QString out = message;
    out.replace(jwt, QStringLiteral("[redacted]"));
    out.replace(authorization, QStringLiteral("\\1 [redacted]"));
    out.replace(parameter, QStringLiteral("\\1\\2[redacted]"));
    return out;
}

void installRedactingMessageHandler()
{
    QtMessageHandler previous = qInstallMessageHandler(redactingHandler);
    if (previous != redactingHandler)
        g_previousHandler = previous;
}

} // namespace countersign::logging
