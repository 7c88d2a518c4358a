#include "Translations.h"

#include "common/InstallPaths.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace countersign::i18n {

namespace {
// Qt reads the application's layout direction from this message of the installed translations
// (QGuiApplication asks for it whenever the language changes): "RTL" in countersign_ar.ts, "LTR" in
// the left-to-right languages. Marked here so that lupdate keeps it in every .ts.
struct Message
{
    const char *source;
    const char *comment;
};
[[maybe_unused]] constexpr Message layoutDirection = QT_TRANSLATE_NOOP3(
    "QGuiApplication", "QT_LAYOUT_DIRECTION",
    "Translate this string to the string 'LTR' in left-to-right languages or to 'RTL' in right-to-left "
    "languages (such as Hebrew and Arabic) to get proper widget layout.");
} // namespace

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
