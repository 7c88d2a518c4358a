#include "Translations.h"

#include "common/InstallPaths.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace countersign::i18n {

void installTranslations(QCoreApplication &app)
{
    const QLocale locale;
    auto *ours = new QTranslator(&app);
    // The installed translations first (share/countersign/translations: they can be updated
    // without a rebuild), else the copy compiled into the program.
    const QString installed = installedDataDirectory();
    const bool loaded =
        (!installed.isEmpty() && ours->load(locale, QStringLiteral("countersign"), QStringLiteral("_"),
                                            installed + QStringLiteral("/translations"))) ||
        ours->load(locale, QStringLiteral("countersign"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (loaded)
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
}

} // namespace countersign::i18n
