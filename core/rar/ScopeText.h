#pragma once

#include <QString>

namespace countersign::rar {

// An OAuth scope explained in words for the approval detail view ("stock:trade" → "Trade stocks on
// your behalf"); an unknown scope as "Permission “…”" with the scope sanitized and cut (see PlainText.h).
QString describeScope(const QString &scope);

} // namespace countersign::rar
