#include "CliErrors.h"

#include "session/SessionErrors.h"

#include <QCoreApplication>

namespace countersign::cli::errors {

Error usageError(const QString &message)
{
    return {usage, message};
}

Error notSignedIn()
{
    // The message keeps CliRunner's context, where it was first translated.
    return {session::errors::signedOut,
            QCoreApplication::translate("countersign::cli::CliRunner",
                                        "Not signed in. Run \"countersign-cli login\".")};
}

} // namespace countersign::cli::errors
