#pragma once

#include "common/Result.h"

#include <QString>
#include <QUrl>

namespace countersign::device {

// A device flow user code as a person enters it (RFC 8628 §6.1): typed with or without the dash,
// in any case, with spaces, or inside the whole verification link the device showed.
struct UserCode
{
    QString code; // normalised: letters and digits only, upper case (e.g. "WDJBMJHT")
    QUrl link;    // the verification link the code came from, if one was pasted

    // Errors: "invalid_code" (not a code), "no_code_in_link" (a link without user_code).
    static Result<UserCode> parse(const QString &input);
    // How people read it: "WDJB-MJHT" for the common 8 characters, otherwise as it is.
    static QString display(const QString &code);
};

} // namespace countersign::device
