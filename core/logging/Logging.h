#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

// One logging category per area; enable with QT_LOGGING_RULES="countersign.oauth.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcOAuth)
Q_DECLARE_LOGGING_CATEGORY(lcJose)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
Q_DECLARE_LOGGING_CATEGORY(lcApp)

namespace countersign::logging {

// Replaces anything that looks like a credential with "[redacted]": JWTs (three base64url
// segments), bearer/basic authorization values, and the values of token-ish parameters
// (code, code_verifier, refresh_token, access_token, id_token, client_secret, password, ...)
// in query strings, form bodies and JSON.
QString redact(const QString &message);

// Installs a Qt message handler that redacts every message before the default handler prints it.
// Call once, first thing in main().
void installRedactingMessageHandler();

} // namespace countersign::logging
