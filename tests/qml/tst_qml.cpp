// Quick Test runner for the Countersign pages. Each QML engine gets the real Session
// view-model over real core services: the keychain of with-keyring.sh, the sandbox started on
// demand by ProviderResolver, and the "browser" named by $COUNTERSIGN_BROWSER.
#include "SessionViewModel.h"
#include "session/ProviderResolver.h"
#include "session/SessionManager.h"
#include "storage/TokenStore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(CountersignPlugin)

using namespace countersign;

namespace {

// What main() builds for the app, owned by one QML engine.
class Services : public QObject
{
public:
    explicit Services(QObject *parent)
        : QObject(parent), m_manager(&m_network, &m_store), m_viewModel(&m_manager, &m_resolver)
    {
        gui::SessionViewModel::setInstance(&m_viewModel);
        m_viewModel.restore(std::nullopt);
    }

private:
    QNetworkAccessManager m_network;
    storage::TokenStore m_store;
    session::SessionManager m_manager;
    session::ProviderResolver m_resolver;
    gui::SessionViewModel m_viewModel;
};

} // namespace

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("Countersign"));
        QCoreApplication::setApplicationName(QStringLiteral("Countersign"));
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Where Qt 6.5+ looks by default for modules built with RESOURCE_PREFIX /qt/qml.
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        new Services(engine);
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"
