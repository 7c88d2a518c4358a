#include "AgentSettingsViewModel.h"

#include "agent/AgentService.h"

#include <QJSEngine>

namespace countersign::gui {

AgentSettingsViewModel::AgentSettingsViewModel(agent::AgentService *service, storage::TokenStore *store,
                                               QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_service(service), m_store(store), m_network(network),
      m_settings(agent::BackendSettings::load())
{}

void AgentSettingsViewModel::setInstance(AgentSettingsViewModel *instance)
{
    s_instance = instance;
}

AgentSettingsViewModel *AgentSettingsViewModel::create(QQmlEngine *, QJSEngine *)
{
    if (!s_instance)
        qFatal("AgentSettingsViewModel::setInstance() must be called before QML uses the AgentSettings "
               "singleton");
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QString AgentSettingsViewModel::environmentNote() const
{
    QStringList set;
    for (const char *name :
         {"COUNTERSIGN_AGENT_BACKEND", "OPENAI_BASE_URL", "OPENAI_API_KEY", "OPENAI_MODEL"})
        if (qEnvironmentVariableIsSet(name))
            set << QString::fromLatin1(name);
    return set.isEmpty() ? QString()
                         : tr("Set by the environment, which wins over what you save here: %1.")
                               .arg(set.join(QStringLiteral(", ")));
}

void AgentSettingsViewModel::load()
{
    m_busy = true;
    Q_EMIT changed();
    agent::BackendSettings::loadApiKey(
        m_store, agent::BackendSettings::load(),
        [this, self = QPointer(this)](Result<agent::BackendSettings> loaded) {
            if (!self)
                return;
            QString error;
            if (!loaded) {
                error = tr("The API key could not be read from the keychain: %1").arg(loaded.error().message);
            } else {
                m_settings = loaded.value();
                auto factory = m_settings.factory(m_network);
                if (!factory)
                    error = tr("The agent uses the demo: %1").arg(factory.error().message);
                else if (m_service)
                    m_service->setBackendFactory(factory.value());
            }
            if (m_service) {
                if (!std::exchange(m_following, true))
                    m_service->followSession();
                else
                    m_service->rebuild();
            }
            finish(error, QString());
        });
}

void AgentSettingsViewModel::apply(const QString &backend, const QString &baseUrl, const QString &model,
                                   const QString &apiKey)
{
    agent::BackendSettings chosen = m_settings;
    chosen.kind =
        backend == u"openai" ? agent::BackendSettings::Kind::OpenAi : agent::BackendSettings::Kind::Demo;
    chosen.openAi.baseUrl = QUrl(baseUrl.trimmed(), QUrl::StrictMode);
    chosen.openAi.model = model.trimmed();
    if (chosen.kind == agent::BackendSettings::Kind::OpenAi) {
        if (const Status usable = agent::OpenAiBackend::check(chosen.openAi); !usable) {
            finish(usable.error().message, QString());
            return;
        }
    }
    chosen.save();
    const QByteArray key = apiKey.trimmed().toUtf8();
    if (key.isEmpty()) {
        load();
        m_outcome = tr("Saved.");
        return;
    }
    m_busy = true;
    Q_EMIT changed();
    agent::BackendSettings::saveApiKey(m_store, key, [this, self = QPointer(this)](Status saved) {
        if (!self)
            return;
        if (!saved) {
            finish(tr("The API key could not be saved in the keychain: %1").arg(saved.error().message),
                   QString());
            return;
        }
        load();
        m_outcome = tr("Saved.");
    });
}

void AgentSettingsViewModel::finish(const QString &error, const QString &outcome)
{
    m_busy = false;
    m_errorMessage = error;
    if (!outcome.isEmpty() || !error.isEmpty())
        m_outcome = outcome;
    Q_EMIT changed();
}

} // namespace countersign::gui
