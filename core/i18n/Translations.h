#pragma once

class QCoreApplication;

namespace countersign::i18n {

// Loads Countersign's translation for the system locale (":/i18n/countersign_<lang>.qm") and
// Qt's own, and installs them on `app`. English needs no file.
void installTranslations(QCoreApplication &app);

} // namespace countersign::i18n
